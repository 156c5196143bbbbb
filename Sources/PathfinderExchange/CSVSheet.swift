import Foundation
import PathfinderModel
import SwiftCSV

/// A CSV file read into a table: the encoding detected, the delimiter sniffed from the header
/// line (comma, semicolon or tab, whichever it has most of outside quotes), quoted fields
/// with line breaks kept whole. SwiftCSV does the parsing; it counts a quoted line break as
/// part of its field, so the table's rows are the records a spreadsheet shows.
enum CSVSheet {
    static func read(_ bytes: [UInt8], file: String) throws -> ImportTable {
        let (text, encoding) = TextDecoding.decode(bytes)
        let delimiter = sniffDelimiter(text)
        var rows: [[String]] = []
        // The header is parsed as a row too (startAt 0) so that row numbers are the file's records.
        let parsed = try EnumeratedCSV(string: text, delimiter: delimiter.csv, loadColumns: false)
        rows = [parsed.header] + parsed.rows
        var notes: [String] = []
        if encoding != .utf8 { notes.append("read as \(encoding.rawValue)") }
        if delimiter != .comma { notes.append("columns separated by \(delimiter.rawValue)s") }
        return ImportTable(file: file, rows: rows.map { $0.map(clean) }, notes: notes)
    }

    enum Delimiter: String {
        case comma, semicolon, tab
        var csv: CSVDelimiter {
            switch self {
            case .comma: .comma
            case .semicolon: .semicolon
            case .tab: .tab
            }
        }
    }

    /// The delimiter the first record uses most, outside quotes (a tie goes to the comma).
    static func sniffDelimiter(_ text: String) -> Delimiter {
        var counts: [Delimiter: Int] = [:]
        var quoted = false
        for c in text.unicodeScalars {
            if c == "\"" { quoted.toggle(); continue }
            if quoted { continue }
            if c == "\n" || c == "\r" { break }
            switch c {
            case ",": counts[.comma, default: 0] += 1
            case ";": counts[.semicolon, default: 0] += 1
            case "\t": counts[.tab, default: 0] += 1
            default: break
            }
        }
        return [Delimiter.comma, .semicolon, .tab].max { counts[$0, default: 0] < counts[$1, default: 0] } ?? .comma
    }

    /// A cell's text with Windows line ends inside quoted fields as plain line feeds.
    static func clean(_ cell: String) -> String {
        cell.contains("\r") ? cell.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : cell
    }
}
