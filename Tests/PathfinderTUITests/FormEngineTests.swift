import PathfinderModel
import Testing
@testable import PathfinderTUI

/// The one form engine: its keys read from the key map's `form` context (hints, help, `?`/F1),
/// and every kind of field edited by it, in the action, area and case study forms alike.
@Suite struct FormEngineTests {
    static let po01 = Fixture.partnership.action("PO-01")!

    func actionForm(focus field: ActionField? = nil) -> ActionForm {
        var form = ActionForm(action: Self.po01, partnership: Fixture.partnership, today: Fixture.asOf)
        if let field { form.focus(on: field) }
        return form
    }

    func state(_ form: FormPage, keyMap: KeyMap = .defaults) -> AppState {
        var s = AppState(partnership: Fixture.partnership, asOf: Fixture.asOf, storeLabel: "t", width: 80, height: 24, keyMap: keyMap,
                         pages: [.areas(AreasPage()), .form(form)], today: Fixture.asOf)
        s.edits.userName = "Zoë Ahmed"
        return s
    }

    func shownForm(_ s: AppState) -> ActionForm? {
        if case let .form(.action(form)) = s.page { return form }
        return nil
    }

    func feed<Spec>(_ form: inout RecordForm<Spec>, _ events: [Event]) {
        for event in events { _ = form.handle(event) }
    }

    // MARK: Keys from the key map

    @Test func f1ShowsTheFormsKeysAndQuestionMarkIsTypedInATextField() {
        let onTitle = state(.action(actionForm()))
        let typed = onTitle.typing("?")
        #expect(typed.overlay == nil, "? in a text field is a character")
        #expect(shownForm(typed)?.editors[.title]?.text == Self.po01.title + "?")

        let help = onTitle.after(.function(1))
        #expect(help.overlay == .help(scroll: 0))
        let text = render(help).text
        #expect(text.contains("Save (only when every field is valid)"))
        #expect(text.contains("Ctrl-S"))
        #expect(!text.contains("Everywhere"), "only the form's own keys are listed")
        #expect(help.after(.escape).overlay == nil)
        #expect(shownForm(help.after(.escape)) != nil, "closing the help leaves the form open")
    }

    @Test func questionMarkShowsTheFormsKeysWhereNothingIsTyped() {
        let onStatus = state(.action(actionForm(focus: .status)))
        let help = onStatus.typing("?")
        #expect(help.overlay == .help(scroll: 0))
        #expect(render(help).text.contains("Tick a milestone done or not done"))
        #expect(help.typing("?").overlay == nil, "? closes it again")
    }

    @Test func statusLineHintsComeFromTheKeyMap() {
        let usual = render(state(.action(actionForm())))
        #expect(usual.lines.last?.contains("Ctrl-S save") == true)
        #expect(usual.lines.last?.contains("Tab/↓ next") == true)

        let (keys, problems) = KeyMap.parse("unbind form <C-s>\nbind form <F2> save\nunbind form K\nbind form <C-e> move-entry-up", file: "keys")
        #expect(problems.isEmpty)
        let rebound = state(.action(actionForm()), keyMap: keys)
        let line = render(rebound).lines.last ?? ""
        #expect(line.contains("F2 save") && !line.contains("Ctrl-S save"), "the hint names the key bound: \(line)")
        #expect(shownForm(rebound.after(.control("s"))) != nil, "Ctrl-S no longer saves")
        let saved = rebound.after(.function(2))
        #expect(shownForm(saved) == nil && saved.message?.text == "PO-01: nothing changed", "F2 does")

        var onMilestone = actionForm(focus: .milestones)
        #expect(onMilestone.hints(using: keys).contains(KeyHint(key: "Ctrl-E/J", label: "move up/down")))
        #expect(onMilestone.handle(.key(.character("?")), keys: keys) == .showHelp)
        #expect(onMilestone.handle(.key(.character("?")), keys: .parse("unbind form ?", file: "keys").0) == .editing,
                "an unbound key does nothing")
    }

    /// In a narrow window the form's keys take the status line from the store's name: at 40
    /// columns they used not to fit beside it, and the line showed no key at all.
    @Test func aNarrowFormStillShowsItsKeys() {
        var narrow = state(.action(actionForm()))
        narrow = update(narrow, .resize(width: 40, height: 12)).0
        narrow.storeLabel = "a-store-with-a-long-name"
        let line = render(narrow).lines.last ?? ""
        #expect(line.contains("Ctrl-S save"), "\(line)")
        #expect(!line.contains("a-store"))
        // Wide enough for both, the store's name and date stay.
        let wide = render(state(.action(actionForm()))).lines.last ?? ""
        #expect(wide.contains("as of 2006-12-15") && wide.contains("Ctrl-S save"))
    }

    // MARK: Every kind of field, in every form

    @Test func aTextFieldOfTheAreaForm() {
        var form = AreaForm(area: Fixture.partnership.area("portsmouth"), partnership: Fixture.partnership)
        feed(&form, [.key(.control("u"))] + keys("Portsmouth City") + [.key(.tab)])
        #expect(form.draft.name == "Portsmouth City")
        #expect(form.focus == .field(.code))
    }

    @Test func aDateFieldOfTheActionForm() {
        var form = actionForm(focus: .due)
        feed(&form, [.key(.control("u"))] + keys("+2w"))
        #expect(form.dateNote(.due)?.text == "→ Fri 2006-12-29")
        feed(&form, [.key(.tab)])
        #expect(form.draft.due == Day(iso: "2006-12-29"))
        #expect(form.editors[.due]?.text == "2006-12-29", "shown as the day it became")
    }

    @Test func aChoiceFieldOfTheCaseStudyForm() {
        var form = CaseStudyForm(caseStudy: Fixture.partnership.caseStudy("good-neighbours"), partnership: Fixture.partnership)
        form.focus(on: .area)
        feed(&form, [.key(.enter)] + keys("None") + [.key(.enter)])
        #expect(form.draft.area == nil, "picked from the list")
        feed(&form, [.key(.right)])
        #expect(form.draft.area == Fixture.partnership.areas.first?.id, "→ steps to the next choice")
    }

    @Test func aSeveralChoicesFieldOfTheActionForm() {
        var form = actionForm(focus: .successFactors)
        let before = form.draft.successFactors
        feed(&form, [.key(.character(" "))])
        #expect(form.hints.contains { $0.label == "narrow" }, "Space opens the list")
        feed(&form, [.key(.character(" ")), .key(.enter)])
        #expect(form.draft.successFactors != before)
    }

    @Test func anEntriesFieldOfTheAreaForm() {
        var form = AreaForm(area: Fixture.partnership.area("portsmouth"), partnership: Fixture.partnership)
        form.focus(on: .keyFigures)
        #expect(form.focus == .entry(.keyFigures, 0))
        feed(&form, [.key(.character("a"))] + keys("Volunteers") + [.key(.tab)] + keys("120") + [.key(.control("s"))])
        #expect(form.draft.keyFigures.map(\.label) == ["Third sector organisations", "Volunteers"])
        feed(&form, [.key(.character("K"))])
        #expect(form.draft.keyFigures.first?.label == "Volunteers", "K moves it up")
        feed(&form, [.key(.character("d"))])
        #expect(form.draft.keyFigures.map(\.label) == ["Third sector organisations"])
    }

    @Test func aOneLineListFieldOfTheActionForm() {
        var form = actionForm(focus: .partners)
        var expected = form.draft.partners
        expected.insert("Shelter", at: expected.isEmpty ? 0 : 1)
        feed(&form, [.key(.character("+"))] + keys("Shelter") + [.key(.enter)])
        #expect(form.draft.partners == expected, "added after the partner in focus")
        feed(&form, [.key(.character("a"))] + keys("Mind") + [.key(.escape)])
        #expect(form.draft.partners == expected, "Esc undoes the typing and its row")
    }

    @Test func aMilestonesFieldOfTheActionForm() {
        var form = actionForm(focus: .milestones)
        feed(&form, [.key(.character(" "))])
        #expect(form.draft.milestones[0].done == false, "Space ticks it not done")
        feed(&form, [.key(.insert)] + keys("Train volunteers") + [.key(.enter)] + keys("+2w") + [.key(.enter)])
        #expect(form.draft.milestones.last == Milestone(title: "Train volunteers", due: Day(iso: "2006-12-29")))
    }

    @Test func aLongTextFieldOfTheCaseStudyForm() {
        var form = CaseStudyForm(caseStudy: Fixture.partnership.caseStudy("good-neighbours"), partnership: Fixture.partnership)
        form.focus(on: .text)
        let before = form.draft.text
        feed(&form, [.key(.character("e"))] + keys(" More.") + [.key(.control("s"))])
        #expect(form.draft.text != before && form.draft.text.contains(" More."), "e opens the text, Ctrl-S keeps it")
        var external = CaseStudyForm(caseStudy: Fixture.partnership.caseStudy("good-neighbours"), partnership: Fixture.partnership,
                                     usesExternalEditor: true)
        external.focus(on: .text)
        #expect(external.handle(.key(.enter)) == .openEditor(.text))
    }
}
