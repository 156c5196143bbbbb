import PathfinderModel
import Testing
@testable import PathfinderTUI

/// A click lands on what is drawn under it: every screen's rows, links and cells come from the
/// layout the renderer draws by, so clicking each one selects it and it is drawn selected
/// exactly where it was clicked, at every size and scroll.
@Suite struct ScreenLayoutTests {
    /// An action differing from PO-01 in many fields, so a conflict lists more than fit.
    static func conflict() -> ConflictPage {
        let mine = Fixture.partnership.action("PO-01")!
        var theirs = mine
        theirs.title = "Befriending, changed on disk"
        theirs.lead = "Someone else"
        theirs.leadBody = "Another body"
        theirs.status = "done"
        theirs.rag = .green
        theirs.due = Day(iso: "2007-01-31")
        theirs.start = Day(iso: "2006-05-01")
        theirs.description = "Changed on disk"
        theirs.theme = "social-clauses"
        return ConflictPage(mine: .action(mine), theirs: .action(theirs), base: nil, catalogue: Fixture.catalogue)
    }

    static func screens() -> [(String, [Page])] {
        var search = SearchPage()
        search.query.set("po")
        var searched = Fixture.state(pages: [.areas(AreasPage()), .search(search)])
        SearchPage.run(&search, &searched)
        let log = LogPage(title: "History", rows: (1...12).map { LogRow(heading: "Change \($0)", details: ["detail a", "detail b"], action: "PO-01") },
                          empty: "none")
        let sync = SyncConflictsPage(rows: (1...6).map {
            SyncConflictRow(id: "c\($0)", path: "areas/portsmouth/actions/PO-0\($0).md", field: "title", mine: "mine \($0)", theirs: "theirs \($0)")
        })
        return [
            ("areas", [.areas(AreasPage())]),
            ("case studies", [.caseStudies(CaseStudiesPage())]),
            ("action plan", [.areas(AreasPage()), .actionPlan(ActionPlanPage(area: "portsmouth"))]),
            ("action list", [.actionList(ActionListPage(title: "Some", actions: ["PO-01", "PO-02", "PO-03", "TH-01"]))]),
            ("search", [.areas(AreasPage()), .search(search)]),
            ("success factors", [.successFactors(FactorMatrixPage())]),
            ("area", [.areas(AreasPage()), .area("portsmouth")]),
            ("action", [.areas(AreasPage()), .action("PO-01")]),
            ("case study", [.caseStudies(CaseStudiesPage()), .caseStudy("good-neighbours")]),
            ("conflict", [.areas(AreasPage()), .conflict(conflict())]),
            ("log", [.areas(AreasPage()), .log(log)]),
            ("sync conflicts", [.areas(AreasPage()), .syncConflicts(sync)]),
        ]
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func everyClickSelectsWhatIsDrawnUnderIt(size: (Int, Int)) {
        for (name, pages) in Self.screens() {
            let state = Fixture.state(width: size.0, height: size.1, pages: pages)
            let layout = state.screen.layout(state, state.body)
            // (At 40x12 an action's first link is below the first screenful.)
            #expect(!layout.spots.isEmpty || size.1 < 24, "\(name) at \(size): nothing to click")
            for spot in layout.spots {
                if spot.target == state.screen.selection {
                    // A click on what is selected opens it (tested with each screen); here the
                    // question is whether the others are reached.
                    continue
                }
                let clicked = update(state, .mouse(.click(x: spot.rect.x + 1, y: spot.rect.y))).0
                if case .actionPlan = pages.last!, clicked.screen.selection != spot.target {
                    // A theme's heading row: not selectable, and the click leaves the selection as it was.
                    #expect(clicked.screen.selection == state.screen.selection, "\(name): a heading click moved the selection")
                    continue
                }
                #expect(clicked.screen.selection == spot.target, "\(name) at \(size): clicking \(spot.target) selected \(String(describing: clicked.screen.selection))")
                #expect(clicked.page.screen.layout(clicked, clicked.body).rect(of: spot.target) != nil,
                        "\(name) at \(size): \(spot.target) scrolled away on being clicked")
                var screen = Screen(width: size.0, height: size.1)
                RootView.render(clicked, into: &screen)
                let selected = clicked.theme.style(for: .selected)
                let y = clicked.screen.layout(clicked, clicked.body).rect(of: spot.target)!.y
                #expect((0..<size.0).contains { screen[$0, y].style == selected },
                        "\(name) at \(size): \(spot.target) clicked at line \(spot.rect.y) is not drawn selected on line \(y)")
            }
        }
    }

    /// The conflict list scrolls to keep the cursor in view; a click used to ignore the scroll
    /// and choose the field that many rows above the one clicked.
    @Test func aClickOnAScrolledConflictChoosesTheFieldClicked() {
        let page = Self.conflict()
        #expect(page.fields.count > 4)
        var state = Fixture.state(width: 80, height: 12, pages: [.areas(AreasPage()), .conflict(page)])
        state = state.after(.character("G"))
        guard case let .conflict(scrolled) = state.page else { Issue.record("left the conflict"); return }
        #expect(scrolled.cursor == page.fields.count - 1)
        let layout = state.screen.layout(state, state.body)
        let first = layout.spots.first!
        #expect(first.target != .row(0), "the list has scrolled")
        var screen = Screen(width: 80, height: 12)
        RootView.render(state, into: &screen)
        let label = scrolled.fields[first.target.row!].label
        #expect(screen.lines[first.rect.y].contains(Text.truncate(label, to: 8)), "the first row drawn is the first row of the layout")
        state = update(state, .mouse(.click(x: 3, y: first.rect.y))).0
        guard case let .conflict(clicked) = state.page else { Issue.record("left the conflict"); return }
        #expect(clicked.cursor == first.target.row, "the click chose the field drawn where it was clicked")
        // Taking theirs with → now changes that field, not one scrolled out of sight.
        state = state.after(.right)
        guard case let .conflict(taken) = state.page else { Issue.record("left the conflict"); return }
        #expect(taken.fields[first.target.row!].takeTheirs)
        #expect(taken.fields.filter(\.takeTheirs).count == 1)
    }
}
