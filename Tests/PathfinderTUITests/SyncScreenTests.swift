import PathfinderModel
import Testing
@testable import PathfinderTUI

/// Sync, history, changed-since and sync conflicts from the screens: keys ask the run loop
/// for git's answers, which come back as events and are shown.
@Suite struct SyncScreenTests {
    func state(_ pages: [Page] = [.areas(AreasPage())]) -> AppState {
        var s = AppState(partnership: Fixture.partnership, asOf: Fixture.asOf, storeLabel: "t", width: 80, height: 24, pages: pages,
                         today: Day(iso: "2006-12-14")!)
        s.edits.userName = "Zoë Ahmed"
        return s
    }

    @Test func syncAndHistoryAreOneKeyEach() {
        var s = state([.areas(AreasPage()), .action("PO-01")])
        #expect(update(s, .key(.character("S"))).1 == [.sync])
        #expect(update(s, .key(.character("H"))).1 == [.loadHistory("PO-01")])
        s = update(s, .synced(lines: ["sent: Portsmouth PO-01: status in progress -> done", "Synced: up to date with origin"],
                              problem: nil)).0
        #expect(s.message?.text == "Synced: up to date with origin")
        s = update(s, .synced(lines: [], problem: "this store is not set up for sync: run `pathfinder sync --setup REMOTE`")).0
        #expect(s.message?.isError == true)
    }

    @Test func historyIsShownAndItsActionsOpen() {
        var s = state()
        let log = LogPage(title: "Changed since 2006-12-01", rows: [
            LogRow(heading: "Portsmouth PO-02: status not started -> in progress", details: ["by Zoë Ahmed"], action: "PO-02"),
            LogRow(heading: "New area “Leeds”"),
        ], empty: "Nothing changed")
        s = update(s, .showLog(log)).0
        guard case .log = s.page else { Issue.record("no log page"); return }
        let screen = render(s)
        #expect(screen.lines[1].contains("Changed since 2006-12-01"))
        #expect(screen.lines[3].contains("PO-02: status not started -> in progress"))
        #expect(screen.lines[4].contains("by Zoë Ahmed"))
        s = s.after(.enter)
        #expect(s.page == .action("PO-02"))
        #expect(state().after(.character(":")).typingResult("changed 2006-12-01") == [.loadChanged(since: Day(iso: "2006-12-01"))])
    }

    @Test func syncConflictsAreDecidedOneByOne() {
        var s = state()
        s = update(s, .syncConflicts([
            SyncConflictRow(id: "areas/portsmouth/actions/PO-01.md#status", path: "areas/portsmouth/actions/PO-01.md", field: "status",
                            mine: "done", theirs: "blocked"),
            SyncConflictRow(id: "areas/portsmouth/actions/PO-02.md#title", path: "areas/portsmouth/actions/PO-02.md", field: "title",
                            mine: "Social clauses", theirs: "Social clauses in contracts"),
        ])).0
        guard case .syncConflicts = s.page else { Issue.record("no conflicts page"); return }
        // Labels, not the file's ids (issue 16).
        #expect(render(s).lines[3].contains("PO-01 · Status"))
        #expect(render(s).lines[4].contains("yours: Done"))
        #expect(render(s).lines[4].contains("theirs: Blocked"))
        #expect(update(s, .key(.character("m"))).1 == [.resolveSyncConflict(id: "areas/portsmouth/actions/PO-01.md#status", choice: .mine)])
        s = s.after(.down)
        #expect(update(s, .key(.character("t"))).1 == [.resolveSyncConflict(id: "areas/portsmouth/actions/PO-02.md#title", choice: .theirs)])
        // Enter types a value, starting from yours.
        s = s.after(.enter, .character("!"))
        let typed = update(s, .key(.enter)).1
        #expect(typed == [.resolveSyncConflict(id: "areas/portsmouth/actions/PO-02.md#title", choice: .value("Social clauses!"))])
        // When none are left, the page says to sync again.
        s = update(s, .syncConflicts([])).0
        #expect(s.message?.text == "All resolved: sync again (S) to share the result")
    }
}

extension SyncScreenTests {
    @Test func theTrashListsDeletedActionsAndEnterPutsOneBack() {
        var s = state()
        #expect(s.after(.character(":")).typingResult("trash") == [.loadTrash])
        s = update(s, .showLog(LogPage(title: "Trash", rows: [LogRow(heading: "PO-09  Gone", action: "PO-09")], empty: "empty",
                                       restores: true))).0
        #expect(update(s, .key(.enter)).1 == [.restoreFromTrash("PO-09")])
        // The list comes back without it, in place.
        s = update(s, .showLog(LogPage(title: "Trash", rows: [], empty: "The trash is empty", restores: true))).0
        #expect(s.pages.count == 2)
        #expect(render(s).lines[3].contains("The trash is empty"))
    }
}

/// Reports and minutes from the screens: shown, or written where the user says, asking before
/// replacing a file.
@Suite struct ReportFromScreenTests {
    func state(_ pages: [Page]) -> AppState {
        AppState(partnership: Fixture.partnership, asOf: Fixture.asOf, storeLabel: "t", width: 80, height: 24, pages: pages)
    }

    @Test func reportsAreShownOrWritten() {
        let plan = state([.areas(AreasPage()), .actionPlan(ActionPlanPage(area: "portsmouth"))])
        // Shown on screen, the report's paragraphs wrap to the screen (80 columns less margin and scrollbar).
        var onScreen = ExportRequest(kind: .highlight(area: "portsmouth"))
        onScreen.lineWidth = 77
        #expect(update(plan, .key(.character("R"))).1 == [.export(onScreen)])
        #expect(update(plan, .key(.character("R"))).0.message == nil, "nothing is written, so nothing says so")
        #expect(plan.after(.character(":")).typingResult("report funding funding.csv")
                == [.export(ExportRequest(kind: .funding(area: "portsmouth"), format: "csv", path: "funding.csv"))])
        #expect(plan.after(.character(":")).typingResult("report report.txt").isEmpty)
        var all = ExportRequest(kind: .highlight(area: nil))
        all.lineWidth = 77
        #expect(update(state([.areas(AreasPage())]), .key(.character("R"))).1 == [.export(all)])

        var s = update(plan, .showReport(ReportPage(title: "Highlight report: Portsmouth", lines: (1...60).map { "line \($0)" }))).0
        #expect(render(s).lines[3].contains("line 1"))
        s = s.after(.pageDown)
        #expect(!render(s).lines[3].contains("line 1 "))
        guard case .actionPlan = s.after(.escape).page else { Issue.record("Esc did not go back to the plan"); return }
    }

    @Test func anExistingFileIsReplacedOnlyAfterAYes() {
        let request = ExportRequest(kind: .highlight(area: nil), format: "html", path: "highlight.html")
        let asked = update(state([.areas(AreasPage())]), .exportExists(request)).0
        guard case .confirm? = asked.overlay else { Issue.record("not asked"); return }
        var yes = request
        yes.replace = true
        #expect(update(asked, .key(.character("y"))).1 == [.export(yes)])
        #expect(update(asked, .key(.character("n"))).1.isEmpty)
    }

    @Test func minutesOfTheMeetingOnScreen() {
        var s = state([.areas(AreasPage()), .meeting(MeetingPage(meeting: "portsmouth/m"))])
        s.partnership.meetings = [Meeting(id: "portsmouth/m", area: "portsmouth", date: Fixture.asOf, title: "Steering group")]
        #expect(s.after(.character(":")).typingResult("minutes minutes.html")
                == [.export(ExportRequest(kind: .minutes(meeting: "portsmouth/m"), format: "html", path: "minutes.html"))])
    }
}
