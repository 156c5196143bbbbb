import Foundation
import PathfinderExchange
import PathfinderModel
import Testing

/// Real files as spreadsheet programs write them, read into tables.
struct SpreadsheetReadingTests {
    @Test func libreOfficeCSVWithByteOrderMarkKeepsQuotedLineBreaks() throws {
        let table = try SpreadsheetFile.read(data: Fixture.data("libreoffice-bom.csv"), name: "tracker.csv")
        #expect(table.rows[0].first == "Ref", "the byte order mark is not part of the first header")
        #expect(table.rows[0].count == 9)
        #expect(table.rows.count == 6, "a quoted line break stays inside its record")
        #expect(table.rows[2][8] == "Bid drafted for the extension.\nToday: 200 housebound people, 90 volunteers, 2 staff.")
        #expect(table.notes == ["read as UTF-8 with a byte order mark"])
    }

    @Test func windows1252IsDetectedAndConvertedAndSemicolonsSniffed() throws {
        let table = try SpreadsheetFile.read(data: Fixture.data("windows-1252.csv"), name: "excel.csv")
        #expect(table.notes.contains("read as Windows-1252"))
        #expect(table.notes.contains("columns separated by semicolons"))
        #expect(table.rows[0] == ["Action", "Lead", "RAG", "Deadline", "Comments", "Theme"])
        #expect(table.rows[1][4] == "“Good Neighbours” – a first list of 14 schemes")
        #expect(table.rows[2][0] == "Review grant terms for £80,000 a year schemes")
        #expect(table.rows[3][0] == "Publish a café-style guide to tendering")
    }

    @Test func tabsAndCommasAreSniffedFromTheHeaderLine() throws {
        let tab = try SpreadsheetFile.read(data: Data("Action\tOwner, team\tDue\nA, B\tMe\t2007-01-01\n".utf8), name: "t.tsv")
        #expect(tab.rows == [["Action", "Owner, team", "Due"], ["A, B", "Me", "2007-01-01"]])
        let comma = try SpreadsheetFile.read(data: Data("\"Action; long\",Owner\r\nx,y\r\n".utf8), name: "c.csv")
        #expect(comma.rows == [["Action; long", "Owner"], ["x", "y"]])
    }

    @Test func libreOfficeWorkbookGivesDatesAsISODates() throws {
        let table = try SpreadsheetFile.read(data: Fixture.data("libreoffice.xlsx"), name: "plan.xlsx")
        #expect(table.sheet == "source")
        #expect(table.rows.count == 6)
        #expect(table.rows[1][7] == "2007-03-31", "a date-formatted serial reads as the date")
        #expect(table.rows[3][7] == "end of Q3")
        #expect(table.rows[2][8].contains("\n"))
    }

    @Test func mergedHeadersAreFilledAndTrailingEmptyRowsDropped() throws {
        let table = try SpreadsheetFile.read(data: Fixture.data("merged-headers.xlsx"), name: "merged.xlsx")
        #expect(table.sheet == "Action plan")
        #expect(table.rows.count == 6, "styled empty rows at the end are not rows of the plan")
        #expect(table.rows[0] == ["Ref", "Action", "Responsibility", "Responsibility", "Dates", "Dates", "RAG", "Update"])
        #expect(table.rows[1] == ["Ref", "Action", "Lead", "Organisation", "Start", "Deadline", "RAG", "Update"])
        #expect(table.rows[2][4] == "2007-01-01" && table.rows[2][5] == "2008-03-31")
        #expect(table.rows[3][1] == "Publish the commissioning code of practice (twelve questions)", "inline strings are read")
    }

    @Test func aSheetIsChosenByNameAndAMissingOneIsNamed() throws {
        let notes = try SpreadsheetFile.read(data: Fixture.data("merged-headers.xlsx"), name: "merged.xlsx", sheet: "notes")
        #expect(notes.rows == [["Title"], ["Keep the notes sheet out of the import"]])
        #expect(throws: ExchangeError.self) {
            try SpreadsheetFile.read(data: Fixture.data("merged-headers.xlsx"), name: "merged.xlsx", sheet: "Budget")
        }
        do {
            _ = try SpreadsheetFile.read(data: Fixture.data("merged-headers.xlsx"), name: "merged.xlsx", sheet: "Budget")
        } catch {
            #expect("\(error)" == "merged.xlsx has no sheet “Budget” (sheets: Action plan, Notes)")
        }
    }

    @Test func aDamagedWorkbookIsAnErrorNamingTheFile() {
        var bytes = [UInt8]("PK\u{3}\u{4}".utf8)
        bytes += [UInt8](repeating: 0, count: 40)
        #expect(throws: ExchangeError.self) { try SpreadsheetFile.read(data: Data(bytes), name: "broken.xlsx") }
    }
}
