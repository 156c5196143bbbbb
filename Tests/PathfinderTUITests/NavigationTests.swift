import PathfinderModel
import Testing
@testable import PathfinderTUI

@Suite struct NavigationTests {
    @Test func enterWalksFromTheAreasToAnActionAndEscapeWalksBack() {
        var s = Fixture.state()
        s = s.after(.enter)
        #expect(s.page == .area("portsmouth"))
        s = s.after(.enter)   // the action plan link is selected from the start
        guard case let .actionPlan(plan) = s.page else { Issue.record("not on the action plan: \(s.page)"); return }
        #expect(plan.area == "portsmouth")
        // Grouped by theme, the first row is a heading; the cursor starts on the first action.
        #expect(ActionPlanPage.selectedAction(plan, s)?.id == "PO-01")
        s = s.after(.enter)
        #expect(s.page == .action("PO-01"))
        #expect(RootView.breadcrumbs(s) == ["Pathfinder", "Areas", "Portsmouth", "Action plan", "PO-01"])
        s = s.after(.escape, .escape, .escape)
        #expect(s.pages.count == 1)
        s = s.after(.escape)
        #expect(s.message?.text.contains("press q to quit") == true)
    }

    @Test func listKeysMoveAndClampTheSelection() {
        var s = Fixture.state()
        s = s.after(.down, .down, .down)
        #expect(s.page == .areas(AreasPage(cursor: ListCursor(selected: 1, top: 0))))
        s = s.after(.character("g"))
        #expect(s.page == .areas(AreasPage(cursor: ListCursor(selected: 0, top: 0))))
        s = s.after(.character("G"))
        #expect(s.page == .areas(AreasPage(cursor: ListCursor(selected: 1, top: 0))))
        s = s.after(.character("k"), .up)
        #expect(s.page == .areas(AreasPage(cursor: ListCursor(selected: 0, top: 0))))
    }

    @Test func qQuitsAndHelpOpensAndCloses() {
        let s = Fixture.state()
        #expect(update(s, .key(.character("q"))).1 == [.quit])
        let help = s.after(.character("?"))
        #expect(help.overlay == .help(scroll: 0))
        #expect(help.after(.escape).overlay == nil)
    }

    /// The breadcrumbs show the path to the screen, not the way the user came: an action found
    /// by search sits under its area's plan, and the case studies list jumped to from an
    /// action is just the case studies.
    @Test func breadcrumbsShowWhereYouAreNotWhereYouHaveBeen() {
        var s = Fixture.state(pages: [.areas(AreasPage()), .action("PO-03"), .area("portsmouth"), .actionPlan(ActionPlanPage(area: "portsmouth"))])
        #expect(RootView.breadcrumbs(s) == ["Pathfinder", "Areas", "Portsmouth", "Action plan"])
        s = s.after(.character("3"))
        #expect(RootView.breadcrumbs(s) == ["Pathfinder", "Case studies"])
        s = s.after(.enter)
        #expect(RootView.breadcrumbs(s) == ["Pathfinder", "Case studies", "Portsmouth Good Neighbours Befriending Scheme"])
        var found = Fixture.state(pages: [.areas(AreasPage()), .search(SearchPage())]).typing("befriending").after(.enter)
        #expect(found.page == .action("PO-01"))
        #expect(RootView.breadcrumbs(found) == ["Pathfinder", "Areas", "Portsmouth", "Action plan", "PO-01"])
        // What opens over a place adds its crumb to that place's path.
        found.edits.userName = "Zoë Ahmed"
        found = found.after(.character("e"))
        #expect(RootView.breadcrumbs(found).last == "Edit PO-01")
        #expect(RootView.breadcrumbs(found).dropLast() == ["Pathfinder", "Areas", "Portsmouth", "Action plan", "PO-01"])
    }

    /// A line of parts too long for a narrow window goes on under its label: at 40 columns
    /// the action's due date was cut to "due 200…".
    @Test func aNarrowActionKeepsItsDatesAndRatingWhole() {
        let s = Fixture.state(width: 40, height: 24, pages: [.areas(AreasPage()), .action("PO-01")])
        let text = render(s).text
        #expect(text.contains("due 2006-11-30"), "\(text)")
        #expect(text.contains("overdue by 15 days"))
        #expect(text.contains("Off track"))
        #expect(!text.contains("due 200…"))
        // The title wraps under the id rather than being cut.
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" || $0 == "█" }).map(String.init)
        #expect(["Good", "Neighbours", "befriending", "for", "housebound", "people"].allSatisfy(words.contains), "\(text)")
    }

    @Test func tabSelectsTheLinkedCaseStudyAndEnterOpensIt() {
        var s = Fixture.state(pages: [.areas(AreasPage()), .action("PO-01")])
        s = s.after(.tab)
        guard case let .document(p) = s.page, p.content == .action("PO-01") else { Issue.record("left the action"); return }
        #expect(p.document.link == 0)
        s = s.after(.enter)
        #expect(s.page == .caseStudy("good-neighbours"))
        // The case study links back to the action that cites it.
        s = s.after(.tab)
        guard case let .document(c) = s.page, case .caseStudy = c.content else { Issue.record("left the case study"); return }
        let lines = c.lines(s, width: 77)
        let link = DocumentView.linkIndices(lines).map { lines[$0].link }
        #expect(link.contains(.action("PO-01")))
    }

    @Test func resizeKeepsTheSelectionOnScreen() {
        var s = Fixture.state(pages: [.actionPlan(ActionPlanPage(area: "portsmouth"))])
        s = s.after(.character("G"))
        s = update(s, .resize(width: 50, height: 12)).0
        guard case let .actionPlan(p) = s.page else { return }
        let visible = ActionPlanPage.visibleRows(s)
        #expect(p.cursor.selected >= p.cursor.top && p.cursor.selected < p.cursor.top + visible)
        let tiny = update(s, .resize(width: 30, height: 8)).0
        #expect(tiny.isTooSmall)
        var screen = Screen(width: 30, height: 8)
        RootView.render(tiny, into: &screen)
        #expect(screen.text.contains("Window too small"))
        // At 20x6 every word of the notice still shows, wrapped (the last sentence was cut).
        let smaller = update(s, .resize(width: 20, height: 6)).0
        var small = Screen(width: 20, height: 6)
        RootView.render(smaller, into: &small)
        let words = small.lines.joined(separator: " ").split(separator: " ").map(String.init)
        #expect(["Enlarge", "it,", "or", "press", "q", "to", "quit"].allSatisfy(words.contains), "\(small.text)")
    }

    @Test func commandLineJumpsToScreens() {
        var s = Fixture.state()
        s = s.after(.character(":")).typing("plan tower").after(.enter)
        guard case let .actionPlan(plan) = s.page else { Issue.record("no plan: \(s.page)"); return }
        #expect(plan.area == "tower-hamlets")
        s = s.after(.character(":")).typing("PO-02").after(.enter)
        #expect(s.page == .action("PO-02"))
        s = s.after(.character(":")).typing("nonsense").after(.enter)
        #expect(s.message?.isError == true)
        #expect(update(s, .key(.character(":"))).0.typingResult("q") == [.quit])
    }

    @Test func aClickSelectsAndASecondClickOpens() {
        var s = Fixture.state()
        // Areas list rows start below the title line, the intro line, a blank and the header.
        s = update(s, .mouse(.click(x: 5, y: 1 + AreasPage.listTop + 1))).0
        #expect(s.page == .areas(AreasPage(cursor: ListCursor(selected: 1, top: 0))))
        s = update(s, .mouse(.click(x: 5, y: 1 + AreasPage.listTop + 1))).0
        #expect(s.page == .area("tower-hamlets"))
    }
}

@Suite struct FilterAndSearchTests {
    func plan(_ s: AppState) -> ActionPlanPage? {
        if case let .actionPlan(p) = s.page { return p }
        return nil
    }

    @Test func theFilterNarrowsAsYouTypeAndEscapeClearsIt() {
        var s = Fixture.state(pages: [.actionPlan(ActionPlanPage(area: "portsmouth"))])
        s = s.after(.character("f")).typing("rag:r")
        var p = plan(s)!
        #expect(ActionPlanPage.rows(p, s).shown == 1)
        s = s.after(.backspace, .backspace, .backspace, .backspace, .backspace).typing("clauses")
        p = plan(s)!
        #expect(ActionPlanPage.rows(p, s).rows.compactMap(\.action).map(\.id) == ["PO-02"])
        // Keys the field does not use still move the list; Enter keeps the filter.
        s = s.after(.enter)
        #expect(plan(s)!.editingFilter == false)
        #expect(plan(s)!.filter.text == "clauses")
        s = s.after(.character("f"), .escape)
        #expect(plan(s)!.filter.text == "")
        #expect(ActionPlanPage.rows(plan(s)!, s).shown == 3)
    }

    @Test func filterKeysMatchCatalogueLabelsByPrefix() {
        let c = Fixture.catalogue
        #expect(PlanFilter.parse("status:in", catalogue: c).status == "in-progress")
        #expect(PlanFilter.parse("theme:Social", catalogue: c).theme == "social-clauses")
        #expect(PlanFilter.parse("factor:market", catalogue: c).successFactor == "market-intelligence")
        #expect(PlanFilter.parse("overdue volunteers", catalogue: c).overdue)
        #expect(PlanFilter.parse("overdue volunteers", catalogue: c).text == "volunteers")
        let p = Fixture.partnership
        let today = Day(iso: "2006-12-15")!
        #expect(PlanFilter.parse("due:+2w", catalogue: c, today: today).dueBefore == Day(iso: "2006-12-29"), "a relative date, as typed anywhere else")
        #expect(PlanFilter.parse("due:2007-03-31", catalogue: c, today: today).dueBefore == Day(iso: "2007-03-31"))
        let unknown = PlanFilter.parse("rag:purple", catalogue: c)
        #expect(p.actions.filter { unknown.matches($0, asOf: Fixture.asOf, catalogue: c) }.isEmpty)
        let unknownStatus = PlanFilter.parse("status:finished", catalogue: c)
        #expect(p.actions.filter { unknownStatus.matches($0, asOf: Fixture.asOf, catalogue: c) }.isEmpty)
    }

    @Test func sortingKeepsTheSelectedAction() {
        var s = Fixture.state(pages: [.actionPlan(ActionPlanPage(area: "portsmouth"))])
        s = s.after(.down)   // PO-02
        #expect(ActionPlanPage.selectedAction(plan(s)!, s)?.id == "PO-02")
        s = s.after(.character("o"))
        #expect(plan(s)!.sort == .due)
        #expect(ActionPlanPage.selectedAction(plan(s)!, s)?.id == "PO-02")
        #expect(ActionPlanPage.rows(plan(s)!, s).rows.compactMap(\.action).map(\.id) == ["PO-03", "PO-01", "PO-02"])
    }

    /// `due:` takes a month and ranges, and the filter says what it cannot read (issue 16: it
    /// ignored `due:2007-03` and gave nothing for `rag:purple` without a word).
    @Test func theFilterReadsMonthsAndRangesAndExplainsWhatItCannotRead() {
        let c = Fixture.catalogue, today = Day(iso: "2006-12-15")!
        let march = PlanFilter.parse("due:2007-03", catalogue: c, today: today)
        #expect(march.dueFrom == Day(iso: "2007-03-01") && march.dueBefore == Day(iso: "2007-04-01"))
        let range = PlanFilter.parse("due:2007-01..2007-03", catalogue: c, today: today)
        #expect(range.dueFrom == Day(iso: "2007-01-01") && range.dueBefore == Day(iso: "2007-04-01"))
        let days = PlanFilter.parse("due:2006-11-01..2006-11-30", catalogue: c, today: today)
        #expect(days.dueFrom == Day(iso: "2006-11-01") && days.dueBefore == Day(iso: "2006-12-01"))
        #expect(PlanFilter.parse("due:<2007-04-01", catalogue: c, today: today).dueBefore == Day(iso: "2007-04-01"))
        let actions = Fixture.partnership.actions
        #expect(actions.filter { march.matches($0, asOf: today, catalogue: c) }.map(\.id) == ["TH-01"])
        #expect(actions.filter { days.matches($0, asOf: today, catalogue: c) }.map(\.id) == ["PO-01"])

        #expect(PlanFilter.read("rag:purple", catalogue: c).problems.first?.hasPrefix("rag:purple: no RAG rating called that") == true)
        #expect(PlanFilter.read("due:2007-13", catalogue: c, today: today).problems.first?.hasPrefix("due:2007-13: not a date") == true)
        #expect(PlanFilter.read("status:in rag:r", catalogue: c).problems.isEmpty)
        var s = Fixture.state(pages: [.actionPlan(ActionPlanPage(area: "portsmouth"))])
        s = s.after(.character("f")).typing("rag:purple")
        #expect(render(s).lines[1].contains("rag:purple: no RAG rating called that"), "\(render(s).lines[1])")
    }

    @Test func searchFindsProgressNotesAndJumpsToTheAction() {
        var s = Fixture.state()
        s = s.after(.character("/")).typing("volunteers")
        guard case let .search(p) = s.page else { Issue.record("search did not open"); return }
        #expect(p.results.map(\.id) == ["PO-01", "good-neighbours"])
        #expect(p.results.map(\.kind) == [.action, .caseStudy], "\(p.results.map { "\($0.kind.rawValue)" })")
        #expect(p.results[0].field.hasPrefix("milestones") || p.results[0].field.hasPrefix("progress"))
        s = s.after(.enter)
        #expect(s.page == .action("PO-01"))
        s = s.after(.escape)
        guard case let .search(back) = s.page else { Issue.record("back did not return to search"); return }
        #expect(back.query.text == "volunteers")
    }

    /// Enter opens the best match, marked while typing: a case study's exact title beats the
    /// action listed above it.
    @Test func enterOpensTheBestMatchNotTheFirstListed() {
        var s = Fixture.state().after(.character("/")).typing("portsmouth good neighbours")
        guard case let .search(p) = s.page else { Issue.record("search did not open"); return }
        #expect(p.results.first?.id == "PO-01", "actions are still listed before case studies")
        #expect(p.results[p.cursor.selected].id == "good-neighbours")
        s = s.after(.enter)
        #expect(s.page == .caseStudy("good-neighbours"))
    }

    @Test func searchIgnoresCaseAndAccentsAndFindsBengali() {
        var s = Fixture.state()
        s = s.after(.character("/")).typing("zoe")
        guard case let .search(p) = s.page else { return }
        #expect(p.results.map(\.id) == ["PO-01"])
        s = s.after(.escape).after(.character("/"))
        s = s.after(.control("u")).typing("উদ্দিন")
        guard case let .search(q) = s.page else { return }
        #expect(q.results.map(\.id) == ["PO-01"])
    }
}

extension AppState {
    /// Types text and Enter into whatever has focus, returning the effects of the Enter.
    func typingResult(_ text: String) -> [Effect] {
        update(typing(text), .key(.enter)).1
    }
}
