import Foundation
import PathfinderModel

/// A spreadsheet file to import, read into a table by its kind: .csv (and .tsv, .txt) or .xlsx.
public enum SpreadsheetFile {
    /// Reads `path`; `name` is how messages name it (the path as the user typed it).
    public static func read(path: String, name: String? = nil, sheet: String? = nil) throws -> ImportTable {
        let name = name ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExchangeError("\(name): cannot be read (no such file, or not allowed)")
        }
        return try read(data: data, name: name, sheet: sheet)
    }

    public static func read(data: Data, name: String, sheet: String? = nil) throws -> ImportTable {
        let lower = name.lowercased()
        // A zip's signature says .xlsx whatever the name; .xls (the old binary format) is not read.
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || lower.hasSuffix(".xlsx") {
            return try XLSXSheet.read(data, file: name, sheet: sheet)
        }
        if lower.hasSuffix(".xls") || lower.hasSuffix(".ods") {
            throw ExchangeError("\(name): save it as .xlsx or .csv first (only those are read)")
        }
        if sheet != nil { throw ExchangeError("--sheet is for .xlsx workbooks; \(name) is read as CSV") }
        do {
            return try CSVSheet.read([UInt8](data), file: name)
        } catch let error as ExchangeError {
            throw error
        } catch {
            throw ExchangeError("\(name): not readable as CSV (\(error))")
        }
    }
}
