import PathfinderModel
import Testing
@testable import PathfinderTUI

/// Starting a meeting: the wizard as a value, step by step, and the same through `update`
/// by keys (a forum meeting with people to tick, a bad date, Esc at every step).
@Suite struct MeetingWizardTests {
    static let today = Day(iso: "2006-12-14")!
    static let people = [Picker.Choice(id: "Ann Lee (Chair)", label: "Ann Lee"), Picker.Choice(id: "Youth forum", label: "Youth forum")]

    func next(_ outcome: MeetingWizard.Outcome, sourceLocation: SourceLocation = #_sourceLocation) -> MeetingWizard? {
        guard case let .next(wizard) = outcome else {
            Issue.record("expected the next step, got \(outcome)", sourceLocation: sourceLocation)
            return nil
        }
        return wizard
    }

    // MARK: The wizard as a value

    @Test func aForumMeetingGoesAreasTitleDateAttendeesOthers() throws {
        let start = MeetingWizard.choosingAreas
        #expect(start.step == .areas)
        let areas = try #require(next(start.choose(areas: [("portsmouth", "Portsmouth"), ("tower-hamlets", "Tower Hamlets")])))
        #expect(areas.step == .title)
        #expect(areas.suggestedTitle == "Forum meeting: Portsmouth, Tower Hamlets")
        let titled = try #require(next(areas.give(title: "  Winter forum ")))
        #expect(titled.step == .date)
        #expect(titled.title == "Winter forum")
        let dated = try #require(next(titled.give(date: Self.today, people: Self.people)))
        #expect(dated.step == .attendees)
        #expect(dated.othersLabel == "Others present (comma-separated, optional):")
        let ticked = try #require(next(dated.choose(attendees: ["Youth forum"])))
        #expect(ticked.step == .others)
        #expect(ticked.give(others: " Cllr Smith, , Zoë Ahmed ") == .finished(
            areas: ["portsmouth", "tower-hamlets"], title: "Winter forum", date: Self.today,
            attendees: ["Youth forum", "Cllr Smith", "Zoë Ahmed"]))
    }

    @Test func anAreasMeetingStartsAtItsTitleAndWithNobodyToTickAsksForAttendeesTyped() throws {
        let area = Area(id: "portsmouth", name: "Portsmouth", code: "PO")
        let start = MeetingWizard(area: area)
        #expect(start.step == .title)
        #expect(start.areas == ["portsmouth"])
        #expect(start.suggestedTitle == "Portsmouth steering group")
        let titled = try #require(next(start.give(title: start.suggestedTitle)))
        let dated = try #require(next(titled.give(date: Self.today, people: [])))
        #expect(dated.step == .others)
        #expect(dated.othersLabel == "Attendees (comma-separated):")
        #expect(dated.give(others: "") == .finished(areas: ["portsmouth"], title: "Portsmouth steering group", date: Self.today, attendees: []))
    }

    @Test func noAreaAndNoTitleAreRefusedWithTheReason() {
        #expect(MeetingWizard.choosingAreas.choose(areas: []) == .refused("Tick at least one area (Space)"))
        let area = Area(id: "portsmouth", name: "Portsmouth", code: "PO")
        #expect(MeetingWizard(area: area).give(title: "   ") == .refused("A meeting needs a title"))
    }

    @Test func anAnswerForAnotherStepIsRefusedAndChangesNothing() {
        let start = MeetingWizard.choosingAreas
        guard case .refused = start.give(title: "Too early") else { Issue.record("a title before the areas was taken"); return }
        guard case .refused = start.give(others: "Ann") else { Issue.record("the last step was taken first"); return }
        #expect(start.step == .areas)
        #expect(start.title.isEmpty)
    }

    // MARK: Through update, by keys

    /// The fixture with Tower Hamlets given a steering group and a forum to tick.
    func onAreasList() -> AppState {
        var partnership = Fixture.partnership
        if let i = partnership.areas.firstIndex(where: { $0.id == "tower-hamlets" }) {
            partnership.areas[i].steeringGroup = [SteeringMember(name: "Ann Lee", role: "Chair")]
            partnership.areas[i].forums = [Forum(name: "Youth forum")]
        }
        var s = AppState(partnership: partnership, asOf: Fixture.asOf, storeLabel: "test-store", width: 80, height: 24,
                         pages: [.areas(AreasPage())], today: Self.today)
        s.edits.userName = "Forum facilitator"
        return s
    }

    func wizardStep(_ state: AppState) -> MeetingWizard.Step? {
        switch state.overlay {
        case let .picker(_, .meeting(wizard))?: wizard.step
        case let .prompt(prompt)?: if case let .meeting(wizard) = prompt.purpose { wizard.step } else { nil }
        default: nil
        }
    }

    @Test func aForumMeetingByKeysTicksAreasAndPeopleThenMakesTheMeeting() {
        var s = onAreasList()
        _ = s.press(.character("M"))
        #expect(wizardStep(s) == .areas)
        // Portsmouth is ticked already (the area under the cursor); tick Tower Hamlets too.
        _ = s.press(.down, .character(" "), .enter)
        guard case let .prompt(title)? = s.overlay else { Issue.record("no title prompt"); return }
        #expect(title.editor.text == "Forum meeting: Portsmouth, Tower Hamlets")
        _ = s.press(.enter, .enter)   // the title offered; today
        #expect(wizardStep(s) == .attendees)
        guard case let .picker(people, _)? = s.overlay else { Issue.record("no people to tick"); return }
        #expect(people.choices.map(\.id) == ["Ann Lee (Chair)", "Youth forum"])
        _ = s.press(.character(" "), .enter)
        #expect(wizardStep(s) == .others)
        s = s.typing("Zoë Ahmed")
        let effects = s.press(.enter)
        guard case let .createMeeting(draft)? = effects.first else { Issue.record("no meeting made: \(effects)"); return }
        #expect(draft.area == "portsmouth")
        #expect(draft.title == "Forum meeting: Portsmouth, Tower Hamlets")
        // "today" is the store's day, as "overdue" is (issue 16).
        #expect(draft.date == Fixture.asOf)
        #expect(draft.attendees == ["Ann Lee (Chair)", "Zoë Ahmed"])
        #expect(s.overlay == nil)
    }

    @Test func noAreaTickedSaysSoAndStartsNothing() {
        var s = onAreasList()
        _ = s.press(.character("M"), .character(" "))   // untick the area under the cursor
        let effects = s.press(.enter)
        #expect(effects.isEmpty)
        #expect(s.overlay == nil)
        #expect(s.message == Message("Tick at least one area (Space)", isError: true))
    }

    @Test func aBadDateKeepsTheDateStepWithWhatWasTyped() {
        var s = onAreasList()
        _ = s.press(.character("M"), .enter, .enter)
        #expect(wizardStep(s) == .date)
        _ = s.press(.control("u"))
        s = s.typing("someday")
        let effects = s.press(.enter)
        #expect(effects.isEmpty)
        #expect(wizardStep(s) == .date)
        guard case let .prompt(date)? = s.overlay else { Issue.record("the date prompt closed"); return }
        #expect(date.editor.text == "someday")
        #expect(s.message?.isError == true)
    }

    @Test func escAtAnyStepStopsTheWizardAndMakesNothing() {
        // Keys that reach each step: areas, title, date, attendees, others.
        let toStep: [[Key]] = [[], [.enter], [.enter, .enter], [.down, .character(" "), .enter, .enter, .enter],
                               [.down, .character(" "), .enter, .enter, .enter, .enter]]
        let steps: [MeetingWizard.Step] = [.areas, .title, .date, .attendees, .others]
        for (keys, step) in zip(toStep, steps) {
            var s = onAreasList()
            _ = s.press(.character("M"))
            for key in keys { _ = s.press(key) }
            #expect(wizardStep(s) == step)
            let effects = s.press(.escape)
            #expect(effects.isEmpty, "Esc at \(step)")
            #expect(s.overlay == nil, "Esc at \(step)")
            #expect(s.partnership.meetings.isEmpty)
            #expect(s.edits.pending.isEmpty)
        }
    }
}
