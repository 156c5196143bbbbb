import PathfinderModel
import Testing
@testable import PathfinderTUI

/// `:import FILE` on an area's plan: the same preview as `pathfinder import --dry-run`, and
/// nothing written until the question on the message line is answered yes.
@Suite struct ImportScreenTests {
    static let request = ImportRequest(path: "tracker.csv", area: "portsmouth")

    /// A tracker as a steering group keeps it: a new action, one already in the plan (by title),
    /// and a row with a date nobody can read.
    static let table = ImportTable(file: "tracker.csv", rows: [
        ["Action", "Owner", "RAG status", "Deadline", "Theme", "Comments"],
        ["Map befriending schemes across the city", "Community Development Officer", "Amber/Green", "31/03/2007",
         "Ensuring dialogue", "12/12/2006: a first list of 14 schemes"],
        ["Social clauses in council contracts", "Head of Procurement", "R", "2007-06-30", "Social clauses", ""],
        ["Publish the forum's terms of reference", "Forum facilitator", "G", "end of Q3", "Ensuring dialogue", ""],
    ], notes: ["read as Windows-1252"])

    func onThePlan(width: Int = 80, height: Int = 24) -> AppState {
        var s = Fixture.state(width: width, height: height, pages: [.areas(AreasPage()), .actionPlan(ActionPlanPage(area: "portsmouth"))])
        s.edits.userName = "Ann Example"
        return s
    }

    @Test func importAsksTheRunLoopToReadTheFileForTheAreaOnScreen() {
        var s = onThePlan().after(.character(":")).typing("import tracker.csv")
        let effects = s.press(.enter)
        #expect(effects == [.readImport(Self.request)])
        var factors = Fixture.state(pages: [.successFactors(FactorMatrixPage())]).after(.character(":")).typing("import tracker.csv")
        #expect(factors.press(.enter).isEmpty, "no area on screen: nothing is read")
        #expect(factors.message?.text == "Open an area's plan first (:plan AREA), then :import FILE" && factors.message?.isError == true)
        var sheet = onThePlan().after(.character(":")).typing("import plan.xlsx --sheet Action plan")
        #expect(sheet.press(.enter) == [.readImport(ImportRequest(path: "plan.xlsx", area: "portsmouth", sheet: "Action plan"))])
    }

    @Test func thePreviewIsShownAndYesWritesTheGoodRows() throws {
        var s = update(onThePlan(), .importRead(Self.request, Self.table)).0
        guard case let .log(page) = s.page else { Issue.record("no preview: \(s.page)"); return }
        #expect(page.title == "Import tracker.csv")
        #expect(page.rows.contains { $0.heading.contains("row 4    bad        column \"Deadline\": not a date: \"end of Q3\"") })
        #expect(page.rows.contains { $0.heading.contains("row 3    update     PO-02: rag") })
        guard case let .confirm(question)? = s.overlay, case let .importRows(plan) = question.purpose else {
            Issue.record("no question: \(String(describing: s.overlay))"); return
        }
        #expect(question.question == "Add 1 and update 1 actions in Portsmouth and leave out 1 bad row?")
        #expect(plan.creating.count == 1 && plan.updating.count == 1 && plan.badCount == 1)
        let effects = s.press(.character("y"))
        #expect(effects == [.writeImport(plan, user: "Ann Example"), .readStoreAgain])
        #expect(s.message?.text == "Importing into Portsmouth…")
        #expect(s.page.screen is ActionPlanPage, "back on the plan, which the store's new read fills in")
    }

    @Test func noWritesNothing() {
        var s = update(onThePlan(), .importRead(Self.request, Self.table)).0
        #expect(s.press(.character("n")).isEmpty)
        #expect(s.message?.text == "Cancelled; nothing changed")
    }

    @Test func thePreviewAt80x24() {
        let s = update(onThePlan(), .importRead(Self.request, Self.table)).0
        assertScreen(render(s), golden: "import-preview-80x24")
    }

    @Test func thePreviewAt40x12() {
        let s = update(onThePlan(width: 40, height: 12), .importRead(Self.request, Self.table)).0
        assertScreen(render(s), golden: "import-preview-40x12")
    }
}
