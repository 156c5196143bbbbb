import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PathfinderModel

/// A worksheet part (xl/worksheets/sheetN.xml) into rows of text, as the sheet shows them.
final class SheetParser: NSObject, XMLParserDelegate {
    let strings: [String]
    let dateStyles: [Bool]
    var cells: [Int: [Int: String]] = [:]
    var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []
    // The cell being read.
    var row = 0, column = 0, nextColumn = 0
    var type = "", style = 0
    var value = ""
    var reading = false
    var inInline = false

    init(strings: [String], dateStyles: [Bool]) {
        self.strings = strings
        self.dateStyles = dateStyles
    }

    static func parse(_ data: Data, part: String, strings: [String], dateStyles: [Bool]) throws -> [[String]] {
        let reader = SheetParser(strings: strings, dateStyles: dateStyles)
        try XMLElements.run(data, part: part, delegate: reader)
        return reader.table()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch XMLElements.local(name) {
        case "row":
            row = attributes["r"].flatMap(Int.init).map { $0 - 1 } ?? row + 1
            nextColumn = 0
        case "c":
            let ref = attributes["r"].flatMap(Self.reference)
            if let ref { row = ref.row }
            column = ref?.column ?? nextColumn
            nextColumn = column + 1
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = ""
        case "v": reading = true
        case "is": inInline = true
        case "t": reading = inInline
        case "rPh": inInline = false
        case "mergeCell":
            if let ref = attributes["ref"], let range = Self.range(ref) { merges.append(range) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch XMLElements.local(name) {
        case "v", "t": reading = false
        case "is": inInline = false
        case "c":
            let text = shown()
            if !text.isEmpty { cells[row, default: [:]][column] = text }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if reading { value += string } }

    /// The cell's value as text: a shared string looked up, a boolean as TRUE/FALSE, a number
    /// in a date style as an ISO date, other numbers as written.
    func shown() -> String {
        switch type {
        case "s": return Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "inlineStr", "str", "e": return value
        default:
            if dateStyles.indices.contains(style), dateStyles[style], let serial = Double(value), let day = Day(spreadsheetSerial: serial) {
                return day.iso
            }
            if let number = Double(value), number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
            return value
        }
    }

    /// The rows, with every merged range filled from its top-left cell.
    func table() -> [[String]] {
        for m in merges {
            guard let first = cells[m.top]?[m.left] else { continue }
            for r in m.top...m.bottom {
                for c in m.left...m.right where cells[r]?[c] == nil { cells[r, default: [:]][c] = first }
            }
        }
        guard let last = cells.keys.max() else { return [] }
        let width = (cells.values.compactMap { $0.keys.max() }.max() ?? -1) + 1
        return (0...last).map { r in (0..<width).map { cells[r]?[$0] ?? "" } }
    }

    /// "B14" as row 13, column 1.
    static func reference(_ ref: String) -> (row: Int, column: Int)? {
        let letters = ref.prefix { $0.isLetter }
        guard let column = ImportColumns.columnIndex(letter: String(letters)), let row = Int(ref.dropFirst(letters.count)), row > 0 else { return nil }
        return (row - 1, column)
    }

    static func range(_ ref: String) -> (top: Int, left: Int, bottom: Int, right: Int)? {
        let ends = ref.split(separator: ":").map(String.init)
        guard ends.count == 2, let a = reference(ends[0]), let b = reference(ends[1]) else { return nil }
        return (min(a.row, b.row), min(a.column, b.column), max(a.row, b.row), max(a.column, b.column))
    }
}

