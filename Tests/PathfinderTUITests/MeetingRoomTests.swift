import PathfinderModel
import Testing
@testable import PathfinderTUI

/// The meeting room's fixes of issue 16 that are not exports: the presenter view scrolls and
/// follows what was recorded, a long agenda shows a scrollbar and G works, the decisions
/// register, long messages wrap, the conflict screen's labels, the pinned day.
@Suite struct MeetingRoomTests {
    static let meetingID = "portsmouth/2006-12-15-forum"

    func state(items: Int = 1, notes: Int = 0, width: Int = 80, height: Int = 24, agenda: Bool = false) -> AppState {
        var p = SampleStoreScreenTests.partnership
        let ids = p.actions.map(\.id)
        let list = (0..<items).map { i in
            MeetingItem(action: ids[i % ids.count], notes: i == 0 ? (1...max(1, notes)).prefix(notes).map { "Point \($0) made at some length" } : [])
        }
        p.meetings.append(Meeting(id: Self.meetingID, area: "portsmouth", date: Day(iso: "2006-12-15")!, title: "VCS forum", items: list))
        var s = AppState(partnership: p, asOf: p.asOf!, storeLabel: "sample-areas", width: width, height: height,
                         pages: [.areas(AreasPage()), .area("portsmouth"), .meeting(MeetingPage(meeting: Self.meetingID, showingAgenda: agenda))],
                         today: Day(iso: "2026-12-07"))
        s.edits.userName = "Forum facilitator"
        return s
    }

    func press(_ s: inout AppState, _ keys: Key...) {
        for key in keys { s = update(s, .key(key)).0 }
    }

    func type(_ s: inout AppState, _ text: String) {
        for c in text { s = update(s, .key(.character(c))).0 }
    }

    @Test func thePresenterViewScrollsShowsThereIsMoreAndFollowsWhatWasJustRecorded() {
        var s = state(notes: 8)
        var lines = render(s).lines
        // More than fits: said on the heading line, with a scrollbar and the keys in the foot.
        #expect(lines[1].contains("↓") && lines[1].contains("more below"), "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.hasSuffix("█") })
        #expect(lines[23].contains("j/k") && lines[23].contains("scroll"))
        #expect(!lines.contains { $0.contains("Point 8") })
        press(&s, .character("G"))
        lines = render(s).lines
        #expect(lines.contains { $0.contains("Point 8") })
        #expect(lines[1].contains("more above"))
        press(&s, .character("g"))
        #expect(render(s).lines.contains { $0.contains("Item 1 of 1") })
        // A decision recorded goes below the end of the screen; the view follows it there.
        press(&s, .character("D"))
        type(&s, "Head of Finance to list the contracts by 22 December")
        press(&s, .enter)
        lines = render(s).lines
        #expect(lines.contains { $0.contains("Decided: Head of Finance") }, "\(lines.joined(separator: "\n"))")
    }

    @Test func aLongAgendaShowsAScrollbarAndEndGoesToItsLastItem() {
        var s = state(items: 38, agenda: true)
        #expect(render(s).lines.contains { $0.hasSuffix("█") })
        press(&s, .end)
        guard case let .meeting(p) = s.page else { Issue.record("left the meeting"); return }
        #expect(p.item == 37)
        #expect(render(s).lines.contains { $0.hasPrefix(" 38 ") })
        press(&s, .character("g"))
        guard case let .meeting(top) = s.page else { return }
        #expect(top.item == 0)
    }

    @Test func theDecisionsRegisterListsNarrowsAndMakesAnActionInTheForm() {
        var s = state()
        s.page = .areas(AreasPage())
        s.pages = [.areas(AreasPage())]
        press(&s, .character(":"))
        type(&s, "decisions")
        press(&s, .enter)
        guard case .decisions = s.page else { Issue.record("no register: \(s.page)"); return }
        var lines = render(s).lines
        #expect(lines[2].contains("decisions, newest first"))
        #expect(lines.contains { $0.contains("2006-11-28  PO-04  Pathfinder steering group, Portsmouth") })
        type(&s, "22 december")
        lines = render(s).lines
        #expect(lines[2].contains("1 of"))
        #expect(lines.contains { $0.contains("▸ Head of Finance to list the contracts due for renewal") })
        press(&s, .down, .character("a"))
        guard case let .form(.action(form)) = s.page else { Issue.record("no form: \(s.page)"); return }
        #expect(form.isNew)
        #expect(form.draft.title == "List the contracts due for renewal in 2007/08")
        #expect(form.draft.lead == "Head of Finance")
        #expect(form.draft.due == Day(iso: "2006-12-22"))
        #expect(form.draft.area == "portsmouth")
        // Or a milestone of its action, in that action's form.
        press(&s, .escape)
        if case .confirm? = s.overlay { press(&s, .character("y")) }
        press(&s, .character("m"))
        guard case let .form(.action(edit)) = s.page else { Issue.record("no form: \(s.page)"); return }
        #expect(edit.original.id == "PO-06")
        #expect(edit.draft.milestones.last == Milestone(title: "Head of Finance: List the contracts due for renewal in 2007/08",
                                                         due: Day(iso: "2006-12-22")))
    }

    @Test func aLongMessageWrapsOntoASecondLineInsteadOfBeingCut() {
        var s = state()
        s.message = Message("Meeting ended and saved: `pathfinder minutes portsmouth/2026-12-07-portsmouth-steering-group` prints its minutes")
        let lines = render(s).lines
        #expect(lines[21].hasPrefix("Meeting ended and saved:"))
        #expect(lines[22].contains("prints its minutes"))
        // Longer than two lines: the end points at the history, where it is whole.
        s.message = Message(String(repeating: "word ", count: 60))
        #expect(render(s).lines[22].contains("(L: in full)"))
        press(&s, .character("L"))
        guard case let .log(log) = s.page else { Issue.record("L did not open the messages"); return }
        #expect(log.title == "Messages, newest first")
    }

    @Test func aDatePromptInAPinnedStoreSaysWhichDayItCountsFrom() {
        var s = state()
        s.pages = [.areas(AreasPage()), .action("PO-01")]
        press(&s, .character("d"))
        let lines = render(s).lines
        #expect(lines[23].contains("today = 2006-12-15"), "\(lines[23])")
        type(&s, "+2w")
        #expect(render(s).lines[22].contains("→ 2006-12-29"))
        // What cannot be read is said whole, above the answer if it does not fit beside it.
        press(&s, .control("u"))
        type(&s, "next tuesday")
        #expect(render(s).lines.joined().contains("not a date: " + DateInput.hint))
    }

    @Test func afterTheConflictsAreDecidedAndSyncedTheScreenNoLongerAsksForASync() {
        var s = state()
        s.push(.syncConflicts(SyncConflictsPage(rows: [])))
        #expect(render(s).lines.contains { $0.contains("sync again (S)") })
        s = update(s, .synced(lines: ["Synced: up to date with origin"], problem: nil)).0
        #expect(!render(s).lines.contains { $0.contains("sync again (S)") })
        #expect(render(s).lines.contains { $0.contains("The result is synced") })
    }

    @Test func aSyncAsksTheUsersNameFirstAsAnEditDoes() {
        var s = state()
        s.edits.userName = nil
        let effects = update(s, .key(.character("S")))
        #expect(!effects.1.contains(.sync))
        guard case let .prompt(prompt)? = effects.0.overlay, case .userName(then: .sync) = prompt.purpose else {
            Issue.record("the name was not asked"); return
        }
        s = effects.0
        press(&s, .control("u"))
        type(&s, "Ann")
        let answered = update(s, .key(.enter)).1
        #expect(answered == [.rememberName("Ann"), .sync])
    }

    @Test func at200ColumnsTextWrapsAtAReadableMeasureAndTheLeadShares() {
        var s = state(width: 200, height: 60)
        s.pages = [.areas(AreasPage()), .action("PO-09")]
        let lines = render(s).lines.dropFirst().dropLast(2)
        // Nothing of the document beyond 100 columns but the scrollbar.
        #expect(lines.allSatisfy { Array($0).dropFirst(104).prefix(94).allSatisfy { $0 == " " } }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("Pilot reviewed with Futurebuilders") && $0.contains("2007-03-31") })
        let cols = ActionPlanPage.columns(width: 198)
        #expect(cols.first { $0.title == "Lead" }!.width > 16)
        #expect(ActionPlanPage.columns(width: 78).first { $0.title == "Title" }!.width >= 30)
    }
}
