import Foundation
import PathfinderExchange
import PathfinderModel
import PathfinderStore
import Testing

/// What an import would do, worked out from real files against the sample store.
struct ImportPlanTests {
    func plan(_ fixture: String, area: String, defaults: [(ActionField, String)] = [],
              maps: [(column: String, target: ImportTarget)] = [], sheet: String? = nil) throws -> ImportPlan {
        let p = try Sample.partnership()
        let table = try SpreadsheetFile.read(data: Fixture.data(fixture), name: fixture, sheet: sheet)
        return try ImportPlan.make(table, area: p.area(area)!, existing: p.actions(inArea: area), catalogue: p.catalogue,
                                   today: importDay, user: "Ann Example", defaults: defaults, maps: maps)
    }

    @Test func headersAreMatchedForgivinglyAndBadRowsNamedByRowAndColumn() throws {
        let plan = try plan("libreoffice.xlsx", area: "portsmouth")
        #expect(plan.columns.map(\.target) == [.reference, .field(.title), .field(.lead), .field(.leadBody), .field(.theme),
                                               .field(.rag), .field(.status), .field(.due), .progressNote])
        #expect(plan.problems.map(\.description) == [
            #"libreoffice.xlsx: row 4, column "Due date": not a date: "end of Q3""#,
            #"libreoffice.xlsx: row 5, column "RAG status": not a RAG rating: "Purple" (R, A, G, Red, Amber or Green)"#,
        ])
        #expect(plan.creating.count == 3)
        #expect(plan.summary == "5 rows: 3 new, 0 to update, 2 bad")
    }

    @Test func cellsAreReadAsTrackersWriteThem() throws {
        let plan = try plan("libreoffice-bom.csv", area: "portsmouth")
        let created = plan.creating.compactMap { row -> Action? in if case let .create(a) = row.outcome { return a }; return nil }
        let audit = try #require(created.first)
        #expect(audit.rag == .amber, "Amber/Green is the worse of the two")
        #expect(audit.status == "in-progress" && audit.theme == "developing-market-intelligence")
        #expect(audit.due == Day(iso: "2007-03-31"))
        #expect(audit.progress.map(\.date) == [Day(iso: "2006-12-12")!], "a leading date dates the note")
        #expect(audit.progress.first?.text == "Audit returns from more than 700 organisations are in; the write-up is under way.")
        #expect(audit.progress.first?.author == "Ann Example")
        let neighbours = created[1]
        #expect(neighbours.rag == .green && neighbours.status == "not-started")
        #expect(neighbours.progress.first?.date == importDay, "a note without a date is dated the import day")
        #expect(neighbours.progress.first?.text.hasPrefix("Bid drafted for the extension.\nToday:") == true)
        let forum = created[2]
        #expect(forum.status == "done", "Complete is the catalogue's done")
        #expect(forum.progress.first?.date == Day(iso: "2006-11-30"))
    }

    @Test func windows1252RowsWithUKDatesAndAnUnknownTheme() throws {
        let plan = try plan("windows-1252.csv", area: "portsmouth")
        #expect(plan.problems.map(\.description) == [
            #"windows-1252.csv: row 4, column "Deadline": not a date: "Q3 2007""#,
            "windows-1252.csv: row 5, column \"Theme\": unknown theme “Theme that does not exist” (one of the 17 themes in pathfinder.yaml)",
        ])
        guard case let .create(grant) = plan.rows[1].outcome else { Issue.record("row 3 should be new"); return }
        #expect(grant.title == "Review grant terms for £80,000 a year schemes")
        #expect(grant.due == Day(iso: "2007-01-15") && grant.rag == .red)
    }

    @Test func mergedHeadersSerialDatesAndADefaultTheme() throws {
        let plan = try plan("merged-headers.xlsx", area: "tower-hamlets", defaults: [(.theme, "procurement-practice")])
        #expect(plan.headerRow == 2)
        #expect(plan.columns.map(\.header) == ["Ref", "Action", "Responsibility / Lead", "Responsibility / Organisation",
                                               "Dates / Start", "Dates / Deadline", "RAG", "Update"])
        guard case let .create(recycling) = plan.rows[0].outcome else { Issue.record("row 3 should be new"); return }
        #expect(recycling.start == Day(iso: "2007-01-01") && recycling.due == Day(iso: "2008-03-31"))
        #expect(recycling.leadBody == "Tower Hamlets Council" && recycling.theme == "procurement-practice")
        #expect(plan.problems.map(\.description) == [
            #"merged-headers.xlsx: row 5, column "Dates / Deadline": not a date: "TBC""#,
            #"merged-headers.xlsx: row 6, column "RAG": not a RAG rating: "Blue" (R, A, G, Red, Amber or Green)"#,
        ])
    }

    @Test func withoutAThemeEveryNewRowSaysHowToGiveOne() throws {
        let plan = try plan("merged-headers.xlsx", area: "tower-hamlets")
        #expect(plan.rows[0].problems.map(\.description) == [
            "merged-headers.xlsx: row 3: a theme is needed (add a column, or theme=VALUE on the command line)",
        ])
    }

    @Test func mapSendsAColumnElsewhereOrNowhere() throws {
        let plan = try plan("libreoffice.xlsx", area: "portsmouth", maps: [("Progress", .ignored), ("C", .field(.leadBody)), ("Lead organisation", .ignored)])
        #expect(plan.columns.first { $0.header == "Progress" }?.target == .ignored)
        #expect(plan.columns.first { $0.header == "Owner" }?.target == .field(.leadBody))
        #expect(plan.creating.allSatisfy { $0.notes.isEmpty })
        #expect(throws: ImportMapProblem.self) { try self.plan("libreoffice.xlsx", area: "portsmouth", maps: [("Budget", .ignored)]) }
    }

    @Test func anActionAlreadyInTheAreaIsUpdatedNotAddedAgain() throws {
        let p = try Sample.partnership()
        let existing = try #require(p.action("PO-03"))
        let csv = "Ref,Action,RAG,Comments\nPO-03,anything,Red,Chased the director\n,\(existing.title.uppercased()),,\n,A new one,,\n"
        let table = try SpreadsheetFile.read(data: Data(csv.utf8), name: "t.csv")
        let plan = try ImportPlan.make(table, area: p.area("portsmouth")!, existing: p.actions(inArea: "portsmouth"),
                                       catalogue: p.catalogue, today: importDay, user: "Ann Example",
                                       defaults: [(.theme, "ensuring-dialogue")])
        guard case let .update(id, changes, notes) = plan.rows[0].outcome else { Issue.record("\(plan.rows[0])"); return }
        #expect(id == "PO-03" && notes == 1 && changes.map(\.field) == [.title, .rag])
        #expect(plan.rows[1].problems.map(\.message) == ["the same action as row 2"], "matched by title, and PO-03 is row 2's")
        #expect(plan.creating.map(\.title) == ["A new one"])
    }
}
