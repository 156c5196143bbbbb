import PathfinderModel
import Testing
@testable import PathfinderTUI

/// What the walk of every screen (docs/meeting-room-walk.md) fixed, one test of each kind: the
/// plan's detail lines for the selected action, overlays that show there is more, message
/// history that scrolls to its end, and a merge's renumbering said in the log and the agenda.
@Suite struct MeetingRoomWalkTests {
    func state(_ pages: [Page], width: Int = 80, height: Int = 24) -> AppState {
        let p = SampleStoreScreenTests.partnership
        var s = AppState(partnership: p, asOf: p.asOf!, storeLabel: "sample-areas", width: width, height: height, pages: pages)
        s.edits.userName = "Walk Tester"   // an edit does not stop to ask the name first
        return s
    }

    static let plan: [Page] = [.areas(AreasPage()), .area("portsmouth"), .actionPlan(ActionPlanPage(area: "portsmouth"))]

    /// At 80x24 the plan cuts titles; the selected action's title, lead and due date are in
    /// full under the list, and they follow the selection.
    @Test func thePlanShowsTheSelectedActionInFull() {
        var s = state(Self.plan).after(.down, .down)   // PO-09, "Refer promising organisations …"
        var lines = render(s).lines
        let po09 = SampleStoreScreenTests.partnership.action("PO-09")!
        #expect(lines.contains { $0.contains("─ PO-09 · ") && $0.contains("due 2007-03-31") }, "\(lines.joined(separator: "\n"))")
        let detail = lines[20...21].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(detail.hasPrefix(po09.title), "\(detail)")
        #expect(detail.contains("lead: "))
        s = s.after(.down)
        lines = render(s).lines
        #expect(lines.contains { $0.contains("─ PO-02 · ") })
        // The list keeps its rows above the detail, and the selection stays in view while moving.
        for _ in 0..<12 {
            s = s.after(.down)
            let rows = render(s).lines
            guard case let .actionPlan(p) = s.page, let id = ActionPlanPage.selectedAction(p, s)?.id else { continue }
            #expect(rows.dropLast(5).contains { $0.hasPrefix(" \(id) ") }, "\(id) not shown:\n\(rows.joined(separator: "\n"))")
        }
        // At 40x12 there is one line of it, and five rows of the list.
        let small = render(state(Self.plan, width: 40, height: 12).after(.down))
        #expect(small.lines.contains { $0.contains("─ PO-") }, "\(small.lines.joined(separator: "\n"))")
        assertScreen(render(state(Self.plan).after(.down, .down)), golden: "walk-plan-detail-80x24")
        assertScreen(small, golden: "walk-plan-detail-40x12")
    }

    /// Help at 80x24 does not fit: its edge shows a scrollbar and how many lines are below,
    /// and at the end how many are above.
    @Test func helpShowsThereIsMore() {
        var s = state(Self.plan).after(.character("?"))
        var lines = render(s).lines
        #expect(lines.contains { $0.contains("↓") && $0.contains("more") }, "\(lines.joined(separator: "\n"))")
        s = s.after(.character("G"))
        lines = render(s).lines
        #expect(lines.contains { $0.contains("↑") && $0.contains("above") }, "\(lines.joined(separator: "\n"))")
        #expect(!lines.contains { $0.contains("↓") && $0.contains("more") })
        #expect(s.overlay != nil, "G stays in help")
    }

    /// The message history scrolls to its last entry (G, End) even when messages wrap to many
    /// lines, and says how many are above and below.
    @Test func theMessageHistoryReachesItsEnd() {
        var s = state(Self.plan)
        for i in 1...30 {
            s.messages.append(Message("Message \(i): " + String(repeating: "a long message that wraps ", count: i % 4 + 1)))
        }
        s = s.after(.character("L"))
        var lines = render(s).lines
        #expect(lines[1].contains("↓") && lines[1].contains("more below"), "\(lines.joined(separator: "\n"))")
        s = s.after(.character("G"))
        lines = render(s).lines
        // Newest first: the oldest, "Message 1", is the last entry.
        #expect(lines.contains { $0.contains("Message 1:") }, "\(lines.joined(separator: "\n"))")
        #expect(lines[1].contains("above") && !lines[1].contains("more below"))
        s = s.after(.character("g"))
        #expect(render(s).lines.contains { $0.contains("Message 30:") })
    }

    /// A sync that renumbered an action says so in the message shown and keeps every line of
    /// its report in the history; the next meeting's agenda marks the action with its old id.
    @Test func aRenumberingIsSaidInTheLogAndOnTheAgenda() {
        var s = state(Self.plan)
        let line = "PO-12 was created on both machines: both kept; the other machine's (“Map services”) was renumbered PO-13 by the merge"
        s = update(s, .synced(lines: ["received: Portsmouth PO-12: new action", line, "Synced: up to date with origin"], problem: nil)).0
        #expect(s.message?.text.contains("renumbered PO-13") == true, "\(String(describing: s.message))")
        #expect(s.messages.contains { $0.text == line })
        #expect(s.messages.contains { $0.text == "received: Portsmouth PO-12: new action" })

        var p = SampleStoreScreenTests.partnership
        let i = p.actions.firstIndex { $0.id == "PO-09" }!
        p.actions[i].addProgress(ProgressEntry(date: Day(iso: "2006-12-10")!, author: Renumbering.author,
                                               text: Renumbering.note(from: "PO-12", to: "PO-09")))
        p.meetings.append(Meeting(id: "portsmouth/2006-12-15-forum", area: "portsmouth", date: Day(iso: "2006-12-15")!, title: "VCS forum",
                                  items: [MeetingItem(action: "PO-09"), MeetingItem(action: "PO-03")]))
        var m = AppState(partnership: p, asOf: p.asOf!, storeLabel: "sample-areas", width: 80, height: 24,
                         pages: [.areas(AreasPage()), .meeting(MeetingPage(meeting: "portsmouth/2006-12-15-forum", showingAgenda: true))])
        var lines = render(m).lines
        #expect(lines.contains { $0.contains("PO-09") && $0.contains("(was PO-12)") }, "\(lines.joined(separator: "\n"))")
        #expect(!lines.contains { $0.contains("PO-03") && $0.contains("(was") })
        m.page = .meeting(MeetingPage(meeting: "portsmouth/2006-12-15-forum", showingAgenda: false))
        lines = render(m).lines
        #expect(lines.contains { $0.contains("PO-12 was renumbered PO-09 by the merge") }, "\(lines.joined(separator: "\n"))")
        #expect(Renumbering.read(ProgressEntry(date: Day(iso: "2006-12-10")!, author: "Ann", text: Renumbering.note(from: "PO-12", to: "PO-09"))) == nil,
                "a person's note that reads the same is not the sync's")
    }

    /// The decisions register and search take typing at once, but an empty filter leaves `:`
    /// and `?` their meaning (the walk's `:factors` narrowed the register to nothing).
    @Test func colonAndQuestionMarkKeepTheirMeaningInAnEmptyFilter() {
        var s = state([.areas(AreasPage())]).after(.character(":")).typing("decisions").after(.enter)
        guard case .decisions = s.page else { Issue.record("not the register: \(s.page)"); return }
        s = s.after(.character(":"))
        guard case .commandLine? = s.overlay else { Issue.record("`:` was typed into the filter: \(String(describing: s.overlay))"); return }
        s = s.after(.escape, .character("?"))
        #expect(s.overlay == .help(scroll: 0))
        s = s.after(.escape).typing("Finance:")
        guard case let .decisions(p) = s.page else { Issue.record("left the register"); return }
        #expect(p.filter.text == "Finance:", "once typing has begun, `:` is part of the words")
        var search = state([.areas(AreasPage())]).after(.character("/"), .character(":"))
        guard case .commandLine? = search.overlay else { Issue.record("search took `:`"); return }
        search = search.after(.escape)
        #expect(search.overlay == nil)
    }

    /// A wide screen gives what titles do not need to the columns beside them, and a date
    /// keeps its space before the author when a note's heading wraps.
    @Test func wideColumnsShareAndHeadingsKeepTheirSpaces() {
        let cases = render(state([.caseStudies(CaseStudiesPage())], width: 200, height: 60)).lines
        let hereford = cases.first { $0.contains("Herefordshire") } ?? ""
        #expect(hereford.contains("Accreditation, Market development") && !hereford.hasSuffix("…"), "\(hereford)")
        var doc = DocumentBuilder(width: 38)
        doc.spans([.init(text: " 2006-10-31", role: .heading), .init(text: " — Head of Community Involvement, Empowerment and Development", role: .dim)])
        let first = doc.lines[0].spans.map(\.text).joined()
        #expect(first.hasPrefix(" 2006-10-31 — Head"), "\(first)")
    }

    /// At 40x12 a prompt's question gives way to the answer; it is said whole on the line above.
    @Test func aCutQuestionIsSaidWholeAbove() {
        let s = state(Self.plan, width: 40, height: 12).after(.down, .character("d"))
        let lines = render(s).lines
        #expect(lines[10].hasSuffix("…") || lines[10].contains("New due date of…"), "\(lines.joined(separator: "\n"))")
        #expect(lines[9].hasPrefix("New due date of PO-"), "\(lines.joined(separator: "\n"))")
        // At 80 columns the question fits beside the answer and the line above stays the page's.
        let wide = render(state(Self.plan).after(.down, .character("d"))).lines
        #expect(wide[22].hasPrefix("New due date of PO-") && !wide[21].hasPrefix("New due date"))
    }
}
