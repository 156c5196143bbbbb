/// A sheet read from a spreadsheet file, before anything is matched: the rows as a spreadsheet
/// shows them, numbered as it numbers them (row 1 first), each cell as text. Dates a workbook
/// stored as serial numbers with a date format arrive already as ISO dates (`2007-03-31`).
public struct ImportTable: Hashable, Sendable {
    /// The file's name as the user gave it, for messages (`plan.xlsx: row 14, ...`).
    public var file: String
    /// The sheet read (nil for a CSV file).
    public var sheet: String?
    /// Every row from row 1, empty rows included, so that index + 1 is the row number a user
    /// sees in the spreadsheet. Trailing empty rows are dropped.
    public var rows: [[String]]
    /// What the reader noticed on the way, said in the preview ("read as Windows-1252", "delimiter: semicolon").
    public var notes: [String]

    public init(file: String, sheet: String? = nil, rows: [[String]], notes: [String] = []) {
        self.file = file
        self.sheet = sheet
        self.notes = notes
        var rows = rows
        while let last = rows.last, last.allSatisfy({ $0.trimmingWhitespace.isEmpty }) { rows.removeLast() }
        self.rows = rows
    }

    /// The cell at a row index and column, "" beyond a short row.
    public func cell(_ row: Int, _ column: Int) -> String {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return "" }
        return rows[row][column]
    }

    public var columnCount: Int { rows.map(\.count).max() ?? 0 }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (a spreadsheet cell's padding).
    var trimmingWhitespace: String {
        var slice = Substring(self)
        while let c = slice.first, c.isWhitespace { slice.removeFirst() }
        while let c = slice.last, c.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

extension Day {
    /// The day a spreadsheet's date serial number stands for (1900 date system: serial 1 is
    /// 1900-01-01, and Excel's phantom 1900-02-29 is why day 0 is 1899-12-30 for every
    /// serial from 61 on). Nil for a serial outside the years a plan could mean (1950-2199),
    /// so a plain number in a date column is not silently read as a date.
    public init?(spreadsheetSerial serial: Double) {
        guard serial.isFinite, serial >= 18264, serial < 109574 else { return nil }
        self = Day(year: 1899, month: 12, day: 30)!.adding(days: Int(serial.rounded(.down)))
    }

    /// The serial number a spreadsheet stores this day as.
    public var spreadsheetSerial: Int { Day(year: 1899, month: 12, day: 30)!.days(until: self) }
}
