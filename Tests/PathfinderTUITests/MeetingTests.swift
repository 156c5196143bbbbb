import PathfinderModel
import Testing
@testable import PathfinderTUI

/// Running a meeting from the plan, by keys through `update`: start, agenda, items, changes
/// recorded in the meeting, a captured action, end, resume.
@Suite struct MeetingTests {
    static let today = Day(iso: "2006-12-14")!

    func onArea() -> AppState {
        var s = AppState(partnership: Fixture.partnership, asOf: Fixture.asOf, storeLabel: "test-store", width: 80, height: 24,
                         pages: [.areas(AreasPage()), .area("portsmouth")], today: Self.today)
        s.edits.userName = "Forum facilitator"
        return s
    }

    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { (state, effects) = update(state, .key(key)) }
        return effects
    }

    func type(_ state: inout AppState, _ text: String) {
        for c in text { state = update(state, .key(.character(c))).0 }
    }

    /// Started, with the store's answer (the file made) fed back.
    func started() -> AppState {
        var s = onArea()
        _ = press(&s, .character("M"), .enter, .enter)   // title as offered, today
        let effects = press(&s, .enter)          // no other attendees (the fixture area has no steering group)
        guard case let .createMeeting(draft)? = effects.first else { return s }
        let meeting = Meeting(id: "portsmouth/2006-12-14-steering", area: draft.area, date: draft.date, title: draft.title,
                              attendees: draft.attendees, items: draft.agenda.map { MeetingItem(action: $0) })
        return update(s, .meetingCreated(meeting)).0
    }

    var meeting: (AppState) -> Meeting? { { $0.partnership.meetings.first } }

    @Test func theAgendaPutsRedThenOverdueThenAmberThenSoonThenTheRest() {
        let c = Fixture.partnership.catalogue
        var actions = Fixture.partnership.actions(inArea: "portsmouth")
        actions.append(Action(id: "PO-09", area: "portsmouth", title: "Due soon", theme: "social-clauses", status: "in-progress",
                              rag: .green, due: Day(iso: "2007-01-05")))
        actions.append(Action(id: "PO-08", area: "portsmouth", title: "Overdue green", theme: "social-clauses", status: "in-progress",
                              rag: .green, due: Day(iso: "2006-12-01")))
        // PO-01 red; PO-08 overdue; PO-02 amber; PO-09 due within 30 days; PO-03 done: left out.
        #expect(MeetingAgenda.order(actions, asOf: Fixture.asOf, catalogue: c) == ["PO-01", "PO-08", "PO-02", "PO-09"])
    }

    @Test func startingAsksTitleAndAttendeesThenMakesTheMeetingWithItsAgenda() {
        var s = onArea()
        _ = press(&s, .character("M"))
        guard case let .prompt(title)? = s.overlay else { Issue.record("no title prompt"); return }
        #expect(title.editor.text == "Portsmouth steering group")
        _ = press(&s, .enter)
        // The day: today unless it is written up afterwards.
        guard case let .prompt(date)? = s.overlay, date.kind == .date else { Issue.record("no date prompt"); return }
        _ = press(&s, .control("u"))
        type(&s, "-1d")
        _ = press(&s, .enter)
        type(&s, "Cllr Smith, Zoë Ahmed")
        let effects = press(&s, .enter)
        guard case let .createMeeting(draft)? = effects.first else { Issue.record("no meeting made: \(effects)"); return }
        #expect(draft.attendees == ["Cllr Smith", "Zoë Ahmed"])
        #expect(draft.agenda == ["PO-01", "PO-02"])
        #expect(draft.date == Fixture.asOf.adding(days: -1))   // relative to the store's day
    }

    @Test func theAgendaCanBeReorderedDroppedAndAddedTo() {
        var s = started()
        guard case .meeting = s.page else { Issue.record("no meeting page"); return }
        var effects = press(&s, .character("J"))
        #expect(meeting(s)?.items.map(\.action) == ["PO-02", "PO-01"])
        #expect(effects == [.save(.meeting(meeting(s)!))])
        effects = press(&s, .character("x"))
        #expect(meeting(s)?.items.map(\.action) == ["PO-02"])
        _ = press(&s, .character("+"))
        type(&s, "PO-03")
        effects = press(&s, .enter)
        #expect(meeting(s)?.items.map(\.action) == ["PO-02", "PO-03"])
        #expect(effects.count == 1)
    }

    @Test func itemsRecordDiscussionDecisionsAndChangesAndAreMarkedReviewed() {
        var s = started()
        _ = press(&s, .enter)   // present the first item, PO-01
        _ = press(&s, .character("n"))
        type(&s, "Funding ends in March")
        _ = press(&s, .enter)
        _ = press(&s, .character("D"))
        type(&s, "Write to the PCT")
        _ = press(&s, .enter)
        #expect(meeting(s)?.items[0].notes == ["Funding ends in March"])
        #expect(meeting(s)?.items[0].decisions == ["Write to the PCT"])

        // A RAG change is saved to the action and recorded in the meeting, both at once.
        let effects = press(&s, .character("r"), .character("a"), .enter, .enter)
        #expect(s.partnership.action("PO-01")?.rag == .amber)
        #expect(meeting(s)?.changes == [MeetingChange(action: "PO-01", field: "rag", old: "Red", new: "Amber")])
        #expect(effects.count == 2)
        // Undo takes it back from both.
        _ = press(&s, .character("u"))
        #expect(s.partnership.action("PO-01")?.rag == .red)
        #expect(meeting(s)?.changes == [])
        _ = press(&s, .control("r"))

        // Moving on marks it reviewed on the meeting's date, with where it now stands.
        let next = press(&s, .character(" "))
        #expect(meeting(s)?.items[0].reviewed == true)
        #expect(meeting(s)?.items[0].rag == .amber)
        #expect(meeting(s)?.items[0].status == "in-progress")
        #expect(s.partnership.action("PO-01")?.reviewed == Fixture.asOf)   // the meeting's date: the store's day
        #expect(next.count == 2)
        guard case let .meeting(page) = s.page else { return }
        #expect(page.item == 1)
    }

    /// `N` means one thing everywhere: a progress note written at length. In a meeting the
    /// one-line progress note is `a` (`n` is the meeting's own note of the discussion).
    @Test func nMeansALongProgressNoteInAMeetingAsEverywhere() {
        var s = started()
        _ = press(&s, .enter)   // present the first item, PO-01
        _ = press(&s, .character("N"))
        guard case let .textArea(_, request)? = s.overlay else { Issue.record("N did not open the long note: \(String(describing: s.overlay))"); return }
        #expect(request.purpose == .note(action: "PO-01"))
        _ = press(&s, .escape)
        _ = press(&s, .character("a"))
        guard case let .prompt(prompt)? = s.overlay else { Issue.record("a did not ask for a note"); return }
        #expect(prompt.purpose == .note(action: "PO-01"))
        #expect(s.keyMap.hints(for: .meeting).contains { $0.key == "n" })
    }

    @Test func aNewActionCapturedInTheMeetingIsListedForTheMinutes() {
        var s = started()
        _ = press(&s, .enter, .character("c"))
        type(&s, "Briefing on consortia")
        _ = press(&s, .enter)
        type(&s, "Head of Procurement")
        _ = press(&s, .enter)
        type(&s, "+4w")
        let effects = press(&s, .enter)
        guard case let .create(draft)? = effects.first else { Issue.record("no new action: \(effects)"); return }
        #expect(draft.title == "Briefing on consortia")
        #expect(draft.lead == "Head of Procurement")
        #expect(draft.due == Fixture.asOf.adding(days: 28))
        #expect(draft.area == "portsmouth")
        var created = draft
        created.id = "PO-7KQ3"
        let after = update(s, .created(created))
        #expect(after.0.partnership.meetings.first?.actionsCreated == ["PO-7KQ3"])
        #expect(after.1.count == 1)
    }

    @Test func endingSavesTheMeetingEndedAndAnUnfinishedOneIsResumed() {
        var s = started()
        _ = press(&s, .enter, .character(" "))   // first item reviewed
        _ = press(&s, .escape)                   // leave it in progress
        guard case .area? = s.page.document else { Issue.record("Esc did not leave: \(s.page)"); return }
        _ = press(&s, .character("M"))
        guard case let .meeting(page) = s.page else { Issue.record("not resumed"); return }
        #expect(page.item == 1)
        #expect(page.showingAgenda == false)
        let effects = press(&s, .character("E"), .character("y"))
        #expect(meeting(s)?.ended == true)
        #expect(effects == [.save(.meeting(meeting(s)!))])
        // Its minutes are offered at once (issue 16).
        guard case let .prompt(offer)? = s.overlay else { Issue.record("the minutes were not offered"); return }
        #expect(offer.purpose == .minutesFile(meeting: "portsmouth/2006-12-14-steering"))
    }

    @Test func onAProjectorAt80ColumnsTheItemShowsWhatChangedWholeAndTheIndicatorAsABar() {
        var s = started()
        // At the last meeting PO-01 was amber and not started; it has a recycling-style indicator.
        s.partnership.meetings.insert(Meeting(id: "portsmouth/2006-11-01-steering", area: "portsmouth", date: Day(iso: "2006-11-01")!,
                                              title: "Steering group", items: [MeetingItem(action: "PO-01", reviewed: true,
                                                                                           status: "not-started", rag: .amber)],
                                              ended: true), at: 0)
        let i = s.partnership.actions.firstIndex { $0.id == "PO-01" }!
        s.partnership.actions[i].indicator = Indicator(name: "Housebound people befriended", baseline: 0, target: 200, current: 90)
        s.partnership.actions[i].leadBody = "Portsmouth City Council Older People's Services and the Good Neighbours Scheme"
        _ = press(&s, .enter)
        let lines = render(s).lines
        let text = lines.joined(separator: "\n")
        #expect(text.contains("(was Amber on 2006-11-01)"), "\(text)")
        #expect(text.contains("(was Not started on 2006-11-01)"))
        #expect(lines.contains { $0.contains("█") && $0.contains("░") && $0.contains("45% of the way") })
        // A long lead wraps under its label rather than being cut.
        #expect(text.contains("Good Neighbours Scheme"))
        #expect(!lines.contains { $0.contains("Lead") && $0.contains("…") })
    }

    @Test func thePresentationFitsTheSmallestScreen() {
        var s = started()
        _ = press(&s, .enter)
        s.width = 40
        s.height = 12
        let screen = render(s)
        #expect(screen.lines[2].contains("Item 1 of 2"))
        #expect(screen.lines.contains { $0.contains("PO-01") })
        #expect(screen.lines.contains { $0.contains("RAG") })
    }
}

extension MeetingTests {
    @Test func aForumMeetingFromTheAreasListCoversEveryAreaChosen() {
        var s = AppState(partnership: Fixture.partnership, asOf: Fixture.asOf, storeLabel: "t", width: 80, height: 24,
                         pages: [.areas(AreasPage())], today: Self.today)
        s.edits.userName = "Forum facilitator"
        _ = press(&s, .character("M"))
        guard case .picker? = s.overlay else { Issue.record("no area picker"); return }
        _ = press(&s, .down, .character(" "), .enter)   // Portsmouth was ticked; Tower Hamlets too
        guard case let .prompt(title)? = s.overlay else { Issue.record("no title prompt"); return }
        #expect(title.editor.text == "Forum meeting: Portsmouth, Tower Hamlets")
        _ = press(&s, .enter, .enter)
        let effects = press(&s, .enter)
        guard case let .createMeeting(draft)? = effects.first else { Issue.record("no meeting: \(effects)"); return }
        #expect(draft.area == "portsmouth")
        #expect(Set(draft.agenda) == ["PO-01", "PO-02", "TH-01"])
    }
}
