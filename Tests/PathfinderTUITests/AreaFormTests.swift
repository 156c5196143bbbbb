import PathfinderModel
import Testing
@testable import PathfinderTUI

/// The area profile and case study forms, driven by keys through `update` as the run loop
/// drives them, and drawn at 80x24 and 40x12.
@Suite struct AreaFormTests {
    func state(_ pages: [Page], width: Int = 80, height: Int = 24) -> AppState {
        var s = AppState(partnership: Fixture.partnership, asOf: Fixture.asOf, storeLabel: "t", width: width, height: height,
                         pages: pages, today: EditingTests.today)
        s.edits.userName = "Zoë Ahmed"
        return s
    }

    func onPortsmouth(width: Int = 80, height: Int = 24) -> AppState {
        state([.areas(AreasPage()), .area("portsmouth")], width: width, height: height)
    }

    func areaForm(_ s: AppState) -> AreaForm? {
        if case let .areaForm(form) = s.page { return form }
        return nil
    }

    @Test func eOnAnAreaEditsItsProfileAndCtrlSSavesAnUndoableChange() {
        // Portsmouth has no actions here, so its code may change.
        var start = onPortsmouth()
        start.partnership.actions.removeAll { $0.area == "portsmouth" }
        var s = start.after(.character("e"))
        guard let form = areaForm(s) else { Issue.record("no form: \(s.page)"); return }
        #expect(form.heading == "Edit Portsmouth")
        #expect(render(s).lines[1].contains("Edit Portsmouth"))
        // Name, then Code: typed small, saved as capitals.
        s = s.after(.tab, .control("u")).typing("pm").after(.tab)
        #expect(areaForm(s)?.draft.code == "PM")
        let (saved, effects) = update(s, .key(.control("s")))
        var expected = Fixture.partnership.area("portsmouth")!
        expected.code = "PM"
        #expect(effects == [.save(.area(expected))])
        #expect(saved.partnership.area("portsmouth")?.code == "PM")
        #expect(saved.page == .area("portsmouth"))
        #expect(saved.message?.text == "Portsmouth edited: Code")
        let (undone, undo) = update(saved, .key(.character("u")))
        #expect(undo == [.save(.area(Fixture.partnership.area("portsmouth")!))])
        #expect(undone.partnership.area("portsmouth")?.code == "PO")
        #expect(undone.message?.text == "Undone: Portsmouth edited: Code")
        #expect(update(undone, .key(.control("r"))).0.partnership.area("portsmouth")?.code == "PM")
    }

    @Test func aBadOrTakenCodeKeepsTheFormOpenWithTheReasonBesideIt() {
        var s = onPortsmouth().after(.character("e"), .tab, .control("u")).typing("TH")
        let (kept, effects) = update(s, .key(.control("s")))
        #expect(effects.isEmpty)
        #expect(areaForm(kept)?.problems[.code] == "code TH is already used by Tower Hamlets")
        #expect(render(kept).text.contains("⚠ code TH is already used by Tower Hamlets"))
        #expect(kept.partnership.area("portsmouth")?.code == "PO", "nothing half-valid is written")
        s = kept.after(.control("u")).typing("P1").after(.tab)
        #expect(areaForm(s)?.problems[.code]?.contains("two or three capital letters") == true)
        // A free code is still refused while the area's actions' ids start with the old one.
        s = s.after(.backTab, .control("u")).typing("PM").after(.tab)
        #expect(areaForm(s)?.problems[.code] == "stays PO while the area has actions (their ids start with it)")
        // Esc asks before the typing is lost; y closes with nothing saved.
        s = s.after(.escape)
        #expect(render(s).text.contains("Discard changes?"))
        let (closed, none) = update(s, .key(.character("y")))
        #expect(none.isEmpty)
        #expect(closed.page == .area("portsmouth"))
    }

    @Test func aNewAreaFromTheAreasListGetsAFolderFromItsNameAndUndoTrashesIt() {
        var s = state([.areas(AreasPage())]).after(.character("a"))
        #expect(areaForm(s)?.heading == "New area")
        s = s.typing("Brighton & Hove").after(.tab).typing("bh").after(.tab).typing("Brighton and Hove City Council")
        let (saved, effects) = update(s, .key(.control("s")))
        let area = Area(id: "brighton-hove", name: "Brighton & Hove", code: "BH", authority: "Brighton and Hove City Council")
        #expect(effects == [.save(.area(area))], "the store makes a new area's file when it saves it")
        #expect(saved.partnership.area("brighton-hove") == area)
        #expect(saved.message?.text == "New area Brighton & Hove (BH) added")
        // Undo puts the new area's file in the trash; redo writes it again.
        let (after, undo) = update(saved, .key(.character("u")))
        #expect(undo == [.trash(.area(area))])
        #expect(after.partnership.area("brighton-hove") == nil)
        #expect(update(after, .key(.control("r"))).1 == [.save(.area(area))])
        // Once an area holds actions, undoing its creation is refused with a reason.
        var used = saved
        used.partnership.actions.append(Action(id: "BH-01", area: "brighton-hove", title: "T", theme: "ensuring-dialogue", lead: "L"))
        let (refused, nothing) = update(used, .key(.character("u")))
        #expect(nothing.isEmpty)
        #expect(refused.partnership.area("brighton-hove") != nil)
        #expect(refused.message?.text == "Not undone: Brighton & Hove has 1 action and 0 meetings now")

        // A name whose folder is taken is refused.
        let clash = state([.areas(AreasPage())]).after(.character("a")).typing("Tower Hamlets").after(.tab).typing("TW")
        let (kept, none) = update(clash, .key(.control("s")))
        #expect(none.isEmpty)
        #expect(areaForm(kept)?.problems[.name] == "there is already an area in the folder “tower-hamlets”")
    }

    @Test func steeringGroupMembersAreAddedEditedMovedAndRemoved() {
        var f = AreaForm(area: Fixture.partnership.area("portsmouth")!, partnership: Fixture.partnership)
        f.focus(on: .steeringGroup)
        #expect(f.focus == .addEntry(.steeringGroup))
        for key: Key in [.enter] { _ = f.handle(.key(key)) }
        for c in "Jo Bloggs" { _ = f.handle(.key(.character(c))) }
        _ = f.handle(.key(.enter))
        for c in "Chair" { _ = f.handle(.key(.character(c))) }
        _ = f.handle(.key(.enter))
        _ = f.handle(.key(.enter))   // no body: OK on the last part
        #expect(f.draft.steeringGroup == [SteeringMember(name: "Jo Bloggs", role: "Chair")])
        #expect(f.focus == .entry(.steeringGroup, 0))
        // An entry with neither name nor role is refused in its box, which stays open.
        _ = f.handle(.key(.character("a")))
        _ = f.handle(.key(.control("s")))
        #expect(f.draft.steeringGroup.count == 1)
        #expect(f.hints.contains(KeyHint(key: "Esc", label: "cancel")))
        var screen = Screen(width: 80, height: 24)
        f.render(into: &screen, in: Rect(x: 0, y: 1, width: 80, height: 22), theme: .builtInDefault)
        #expect(screen.text.contains("⚠ a steering group member needs a name or a role"))
        _ = f.handle(.key(.tab))
        for c in "Treasurer" { _ = f.handle(.key(.character(c))) }
        _ = f.handle(.key(.control("s")))
        #expect(f.draft.steeringGroup.map(\.role) == ["Chair", "Treasurer"])
        _ = f.handle(.key(.character("K")))
        #expect(f.draft.steeringGroup.map(\.role) == ["Treasurer", "Chair"])
        _ = f.handle(.key(.enter))   // edit the first: its parts come back to change
        _ = f.handle(.key(.control("u")))
        for c in "Sam Patel" { _ = f.handle(.key(.character(c))) }
        _ = f.handle(.key(.control("s")))
        #expect(f.draft.steeringGroup.first == SteeringMember(name: "Sam Patel", role: "Treasurer"))
        _ = f.handle(.key(.character("d")))
        #expect(f.draft.steeringGroup == [SteeringMember(name: "Jo Bloggs", role: "Chair")])
        #expect(f.handle(.key(.control("s"))) == .submitted(f.draft))
    }

    @Test func theNarrativeOpensTheEditorOrTheInlineOne() {
        var s = onPortsmouth().after(.character("e"))
        guard var form = areaForm(s) else { Issue.record("no form"); return }
        form.focus(on: .narrative)
        s.pages[s.pages.count - 1] = .areaForm(form)
        s = s.after(.enter, .end).typing(" Then seven.").after(.control("s"))
        #expect(areaForm(s)?.draft.narrative == "Portsmouth's steering group identified six key issues. Then seven.")
        // With $VISUAL or $EDITOR set, Enter asks the run loop to run it, and its text comes back.
        var withEditor = onPortsmouth()
        withEditor.edits.hasExternalEditor = true
        withEditor = withEditor.after(.character("e"), .pageDown, .pageDown, .pageDown)
        #expect(areaForm(withEditor)?.focus == .field(.narrative))
        let (asked, effects) = update(withEditor, .key(.enter))
        guard case let .editText(request)? = effects.first else { Issue.record("no editor: \(effects)"); return }
        #expect(request.purpose == .formField("narrative"))
        #expect(request.fileName == "portsmouth-narrative.md")
        let back = update(asked, .textEdited(request, text: "Rewritten in vi.\n", problem: nil)).0
        #expect(areaForm(back)?.draft.narrative == "Rewritten in vi.")
    }

    @Test func eOnACaseStudyEditsItAndANewOneIsAddedFromTheList() {
        var s = state([.caseStudies(CaseStudiesPage()), .caseStudy("good-neighbours")]).after(.character("e"))
        guard case let .caseStudyForm(form) = s.page else { Issue.record("no form: \(s.page)"); return }
        #expect(form.heading == "Edit Portsmouth Good Neighbours Befriending Scheme")
        // Title, then Area: → steps to the next area.
        s = s.after(.tab, .right)
        let (saved, effects) = update(s, .key(.control("s")))
        var study = Fixture.partnership.caseStudy("good-neighbours")!
        study.area = "tower-hamlets"
        #expect(effects == [.save(.caseStudy(study))])
        #expect(saved.message?.text == "“Portsmouth Good Neighbours Befriending Scheme” edited: Area")
        #expect(update(saved, .key(.character("u"))).0.partnership.caseStudy("good-neighbours")?.area == "portsmouth")

        var new = state([.caseStudies(CaseStudiesPage())]).after(.character("a")).typing("Wakefield Compact")
        // Themes are chosen from the catalogue.
        new = new.after(.tab, .tab, .tab, .enter, .character(" "), .enter)
        let (added, created) = update(new, .key(.control("s")))
        let expected = CaseStudy(id: "wakefield-compact", title: "Wakefield Compact", themes: ["ensuring-dialogue"])
        #expect(created == [.save(.caseStudy(expected))])
        #expect(added.partnership.caseStudy("wakefield-compact") == expected)
        let (undone, trash) = update(added, .key(.character("u")))
        #expect(undone.partnership.caseStudy("wakefield-compact") == nil)
        #expect(trash == [.trash(.caseStudy(expected))])
        // An empty title is refused.
        let (empty, none) = update(state([.caseStudies(CaseStudiesPage())]).after(.character("a")), .key(.control("s")))
        #expect(none.isEmpty)
        guard case let .caseStudyForm(refused) = empty.page else { Issue.record("closed"); return }
        #expect(refused.problems[.title] == "a title is needed")
    }

    @Test func aClickFocusesTheRowUnderIt() {
        // Title bar on row 0, the form's heading on row 1, Name on row 2, Code on 3, Authority on 4.
        let s = onPortsmouth().after(.character("e"))
        let clicked = update(s, .mouse(.click(x: 30, y: 4))).0
        #expect(areaForm(clicked)?.focus == .field(.authority))
        #expect(areaForm(update(clicked, .mouse(.click(x: 30, y: 0))).0)?.focus == .field(.authority), "the title bar is not a row")
    }

    @Test func keysAndHintsNameTheNewCommands() {
        let map = KeyMap.defaults
        #expect(map.command(for: .character("e"), in: .area) == .editArea)
        #expect(map.command(for: .character("a"), in: .areas) == .newArea)
        #expect(map.command(for: .character("e"), in: .caseStudy) == .editCaseStudy)
        #expect(map.command(for: .character("a"), in: .caseStudies) == .newCaseStudy)
        #expect(map.hints(for: .area).contains(KeyHint(key: "e", label: "edit area")))
        #expect(map.hints(for: .caseStudies).contains(KeyHint(key: "a", label: "new case study")))
    }

    @Test func goldenScreens() {
        var s = onPortsmouth().after(.character("e"))
        assertScreen(render(s), golden: "area-form-portsmouth-80x24")
        s = update(s, .resize(width: 40, height: 12)).0
        assertScreen(render(s), golden: "area-form-portsmouth-40x12")
        // The box for a new steering group member.
        var wide = onPortsmouth().after(.character("e"))
        guard var form = areaForm(wide) else { return }
        form.focus(on: .steeringGroup)
        wide.pages[wide.pages.count - 1] = .areaForm(form)
        wide = wide.after(.enter).typing("রহিম উদ্দিন").after(.enter)
        assertScreen(render(wide), golden: "area-form-member-box-80x24")
        var study = state([.caseStudies(CaseStudiesPage()), .caseStudy("good-neighbours")]).after(.character("e"))
        assertScreen(render(study), golden: "case-study-form-80x24")
        study = update(study, .resize(width: 40, height: 12)).0
        assertScreen(render(study), golden: "case-study-form-40x12")
    }
}
