import Foundation
import PathfinderModel
import PathfinderStore
import Testing
@testable import PathfinderTUI

/// Files that did not load stay visible: the areas list marks their area, the plan says so, and
/// the problems screen lists each with its path, line and message, and opens it in the editor.
@Suite struct ProblemsScreenTests {
    /// The sample store with PO-03's front matter broken, the Portsmouth meeting's date made
    /// impossible, and two errors in PO-07 (an unknown status and theme), loaded.
    static let broken: LoadResult = {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-areas").resolvingSymlinksInPath()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("problems-screen-\(UUID().uuidString)")
        try! FileManager.default.copyItem(at: sample, to: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let actions = root.appendingPathComponent("areas/portsmouth/actions")
        func rewrite(_ name: String, _ change: (String) -> String) {
            let file = actions.appendingPathComponent(name)
            try! change(try! String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        }
        rewrite("PO-03.md") { $0.replacingOccurrences(of: "id: PO-03\n", with: "id: [PO-03\n") }
        rewrite("PO-07.md") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                if line.hasPrefix("status:") { return "status: stalled" }
                if line.hasPrefix("theme:") { return "theme: gardening" }
                return String(line)
            }.joined(separator: "\n")
        }
        // The meeting gets an error of its own (no day 31 in November): a file that did not load
        // gives no knock-on errors in others, so the meeting naming PO-03 is not one by itself.
        let meeting = root.appendingPathComponent("areas/portsmouth/meetings/2006-11-28-steering-group.md")
        try! (try! String(contentsOf: meeting, encoding: .utf8)).replacingOccurrences(of: "date: 2006-11-28", with: "date: 2006-11-31")
            .write(to: meeting, atomically: true, encoding: .utf8)
        return try! PlainFileStore(root: root).load()
    }()

    func state(_ pages: [Page], width: Int = 80, height: Int = 24) -> AppState {
        var s = AppState(partnership: Self.broken.partnership, asOf: Self.broken.partnership.asOf!, storeLabel: "sample-areas",
                         width: width, height: height, pages: pages)
        s.problems = Self.broken.problems.errorsFirst()
        return s
    }

    static let plan: [Page] = [.areas(AreasPage()), .actionPlan(ActionPlanPage(area: "portsmouth"))]

    @Test func theBrokenStoreHasErrorsWarningsAndTwoErrorsInOneFile() {
        let count = ProblemCount(Self.broken.problems)
        #expect(count.filesWithErrors == 3)
        #expect(count.errors == 4)
        #expect(count.warnings > 0)
        #expect(Self.broken.partnership.action("PO-03") == nil, "a file that does not load is left out")
    }

    @Test func theAreasMarkTheAreaAndTheTotalCountsFiles() {
        let s = state([.areas(AreasPage())])
        assertScreen(render(s), golden: "problems-areas-80x24")
        assertScreen(render(state([.areas(AreasPage())], width: 40, height: 12)), golden: "problems-areas-40x12")
        let screen = render(s).lines
        #expect(screen.contains { $0.contains("Portsmouth") && $0.contains("!3") })
        #expect(screen.contains { $0.contains("All areas") && $0.contains("!3") })
        #expect(screen.contains { $0.hasPrefix(" Dorset ") && !$0.prefix(26).contains("!") })
        // The key shows among the hints only while there is something to see.
        #expect(screen.last?.contains("! problems") == true)
        var clean = s
        clean.problems = []
        #expect(render(clean).lines.last?.contains("! problems") == false)
    }

    @Test func anAreaWhoseProfileDidNotLoadStillHasALine() {
        var s = state([.areas(AreasPage())])
        s.partnership.areas.removeAll { $0.id == "dorset" }
        s.problems.append(.error("areas/dorset/area.md", 3, "YAML syntax: did not find expected ',' or ']'"))
        s.problems = s.problems.errorsFirst()
        let lines = render(s).lines
        #expect(lines.contains { $0.hasPrefix(" dorset !1: did not load, press ! to see why") })
        #expect(lines.contains { $0.contains("All areas") && $0.contains("!4") })
        #expect(lines[1].contains("4 areas · ! 4 files have problems"))
    }

    @Test func theCaseStudiesSayOneDidNotLoad() {
        var s = state([.caseStudies(CaseStudiesPage())])
        #expect(!render(s).lines[1].contains("problems"))
        s.problems.append(.error("case-studies/wakefield.md", 2, "missing required field \"title\""))
        #expect(render(s).lines[1].contains("· ! 1 file with problems (press !)"))
    }

    @Test func thePlanSaysItsAreaHasFilesWithProblems() {
        assertScreen(render(state(Self.plan)), golden: "problems-plan-portsmouth-80x24")
        assertScreen(render(state(Self.plan, width: 40, height: 12)), golden: "problems-plan-portsmouth-40x12")
        #expect(render(state(Self.plan)).lines[2].contains("3 files in this area have problems: press ! to see them"))
        // Another area's plan has no such line.
        let dorset = render(state([.areas(AreasPage()), .actionPlan(ActionPlanPage(area: "dorset"))])).lines
        #expect(!dorset.contains { $0.contains("have problems") })
    }

    @Test func bangAndTheCommandLineOpenTheListErrorsFirst() {
        var s = state(Self.plan).after(.character("!"))
        guard case .problems = s.page else { Issue.record("! did not open the problems: \(s.page)"); return }
        #expect(s.problems.first?.severity == .error)
        #expect(s.problems.last?.severity == .warning)
        #expect(s.problems.prefix(4).map(\.path) == ["areas/portsmouth/actions/PO-03.md", "areas/portsmouth/actions/PO-07.md",
                                                     "areas/portsmouth/actions/PO-07.md",
                                                     "areas/portsmouth/meetings/2006-11-28-steering-group.md"])
        assertScreen(render(s), golden: "problems-list-80x24")
        assertScreen(render(state(Self.plan, width: 40, height: 12).after(.character("!"))), golden: "problems-list-40x12")
        // A click selects the problem under it (the second starts on the screen's row 6).
        #expect(update(s, .mouse(.click(x: 5, y: 7))).0.page == .problems(ProblemsPage(selected: 1, top: 0)))
        // Down moves to the next problem; Esc goes back to the plan.
        s = s.after(.down)
        #expect(s.page == .problems(ProblemsPage(selected: 1, top: 0)))
        s = s.after(.escape)
        guard case .actionPlan = s.page else { Issue.record("Esc did not go back: \(s.page)"); return }
        let typed = state([.areas(AreasPage())]).after(.character(":")).typing("problems").after(.enter)
        guard case .problems = typed.page else { Issue.record(":problems did not open the problems: \(typed.page)"); return }
        // Help lists the key.
        let help = HelpOverlay.lines(state([.areas(AreasPage())])).map { $0.spans.map(\.text).joined() }
        #expect(help.contains { $0.hasPrefix("!") && $0.contains("Files with problems") })
    }

    @Test func enterOpensTheFileAtItsLineInTheEditorOrSaysHowToSetOne() {
        var s = state(Self.plan).after(.character("!"))
        s.edits.hasExternalEditor = true
        let (opening, effects) = update(s, .key(.enter))
        let first = Self.broken.problems.errorsFirst()[0]
        #expect(effects == [.editFile(path: "areas/portsmouth/actions/PO-03.md", line: first.line)])
        #expect(first.line > 1)
        #expect(opening.message?.text.hasPrefix("Opening areas/portsmouth/actions/PO-03.md") == true)
        s.edits.hasExternalEditor = false
        let (refused, none) = update(s, .key(.enter))
        #expect(none.isEmpty)
        #expect(refused.message?.text.contains("EDITOR=") == true)
        #expect(refused.message?.isError == true)
        // A store opened read-only is not edited this way either.
        s.edits.hasExternalEditor = true
        s.edits.readOnlyReason = "opened with --read-only"
        let (readOnly, nothing) = update(s, .key(.enter))
        #expect(nothing.isEmpty)
        #expect(readOnly.message?.text.hasPrefix("Read-only: opened with --read-only") == true)
    }

    @Test func aFixedFileComesBackAndLeavesTheList() {
        var s = state(Self.plan).after(.character("!"))
        let po03 = "areas/portsmouth/actions/PO-03.md"
        // The file read again alone, fixed: its problems go, its action returns to the plan.
        var fixed = Self.broken.partnership.actions.first { $0.id == "PO-04" }!
        fixed.id = "PO-03"
        let reread: [Effect]
        (s, reread) = update(s, .storeChanged(StoreChange(actions: [fixed], readAgain: [po03])))
        // Fixed outside the program too: the whole store is read again, as a meeting that named
        // the action may be fine now; that read, asked for, does not talk over the message.
        #expect(reread == [.readStoreAgain])
        #expect(s.message?.text == "\(po03) has no errors now: it is back on the screens")
        var asked = StoreChange(partnership: s.partnership, problems: s.problems)
        asked.requested = true
        s = update(s, .storeChanged(asked)).0
        #expect(s.message?.text == "\(po03) has no errors now: it is back on the screens")
        s = update(s, .fileEdited(path: po03, problem: nil)).0
        #expect(!s.problems.contains { $0.path == po03 })
        #expect(s.partnership.action("PO-03") != nil)
        #expect(s.message?.text == "\(po03) has no errors now: it is back on the screens")
        // One still broken stays listed, and the message says so.
        let still = Problem.error("areas/portsmouth/actions/PO-07.md", 5, "unknown status \"stalled\"")
        s = update(s, .storeChanged(StoreChange(problems: [still], readAgain: [still.path]))).0
        s = update(s, .fileEdited(path: still.path, problem: nil)).0
        #expect(s.problems.filter { $0.path == still.path } == [still])
        #expect(s.message?.text == "\(still.path) still has 1 error")
        #expect(s.message?.isError == true)
        // A full read replaces the whole list.
        s = update(s, .storeChanged(StoreChange(partnership: Self.broken.partnership, problems: []))).0
        #expect(s.problems.isEmpty)
        #expect(render(s).lines[1].contains("No problems"))
    }

    @Test func aHugeMessageIsCutNotWrappedWhole() {
        let huge = Problem.error("areas/portsmouth/actions/PO-08.md", 2, String(repeating: "x ", count: 500_000))
        let (lines, head) = ProblemsPage.lines(huge, width: 80)
        #expect(head == 1)
        #expect(lines.count < 12)
        #expect(lines.last?.hasSuffix("…") == true)
        var s = state([.areas(AreasPage())]).after(.character("!"))
        s.problems = [huge] + s.problems
        #expect(render(s).lines[4].hasPrefix("    error: x x x"))
    }

    @Test func theStartMessageCountsFilesAsCheckDoes() {
        let s = state([.areas(AreasPage())])
        #expect(s.problemsMessage == Message("3 files have problems: press ! to see them", isError: true))
        // The store read in the background says the same when it arrives.
        var loading = AppState(partnership: Partnership(title: "t"), asOf: Self.broken.partnership.asOf!, storeLabel: "s",
                               width: 80, height: 24)
        loading.loadingStore = true
        loading = update(loading, .storeChanged(StoreChange(partnership: Self.broken.partnership, problems: Self.broken.problems))).0
        #expect(loading.message == Message("3 files have problems: press ! to see them", isError: true))
        #expect(loading.problemCount == ProblemCount(Self.broken.problems))
    }
}
