import PathfinderModel
import Testing
@testable import PathfinderTUI

/// Every screen, at every size from 1x1 to 100x30, draws without crashing or hanging, keeps
/// inside the buffer, and answers keys. A resize can happen at any moment, in any state.
@Suite struct EverySizeTests {
    static let pages: [[Page]] = [
        [.areas(AreasPage())],
        [.areas(AreasPage()), .area("portsmouth")],
        [.areas(AreasPage()), .area("portsmouth"), .actionPlan(ActionPlanPage(area: "portsmouth"))],
        [.areas(AreasPage()), .area("portsmouth"), .actionPlan(ActionPlanPage(area: "portsmouth")), .action("PO-01")],
        [.caseStudies(CaseStudiesPage()), .caseStudy("good-neighbours")],
        [.successFactors(FactorMatrixPage()), .actionList(ActionListPage(title: "Portsmouth: Regular dialogue", actions: ["PO-01"]))],
        [.areas(AreasPage()), .search(SearchPage())],
    ]

    /// The editing, meeting and git screens, which need more than a page to show something.
    static var states: [AppState] {
        var states = pages.map { Fixture.state(width: 80, height: 24, pages: $0) }
        let partnership = Fixture.partnership
        let action = partnership.action("PO-01")!
        var theirs = action
        theirs.status = "blocked"
        theirs.title = "Renamed by a colleague"
        states.append(Fixture.state(pages: [.areas(AreasPage()),
                                            .conflict(ConflictPage(mine: .action(action), theirs: .action(theirs), base: nil))]))
        states.append(Fixture.state(pages: [.areas(AreasPage()),
                                            .actionForm(ActionForm(action: action, partnership: partnership, today: Fixture.asOf))]))
        states.append(Fixture.state(pages: [.areas(AreasPage()),
                                            .areaForm(AreaForm(area: partnership.area("portsmouth"), partnership: partnership))]))
        states.append(Fixture.state(pages: [.caseStudies(CaseStudiesPage()),
                                            .caseStudyForm(CaseStudyForm(caseStudy: partnership.caseStudy("good-neighbours"),
                                                                         partnership: partnership))]))
        states.append(Fixture.state(pages: [.areas(AreasPage()), .areaForm(AreaForm(area: nil, partnership: partnership))]))
        states.append(Fixture.state(pages: [.areas(AreasPage()), .log(LogPage(title: "History of PO-01", rows: [
            LogRow(heading: "2006-12-01 · Zoë Ahmed", details: ["status: not started → in progress", "1 progress note"], action: "PO-01"),
        ], empty: "none"))]))
        states.append(Fixture.state(pages: [.areas(AreasPage()), .syncConflicts(SyncConflictsPage(rows: [
            SyncConflictRow(id: "x#status", path: "areas/portsmouth/actions/PO-01.md", field: "status", mine: "done", theirs: "blocked"),
        ]))]))
        for showingAgenda in [true, false] {
            var meeting = Fixture.state(pages: [.areas(AreasPage()),
                                                .meeting(MeetingPage(meeting: "portsmouth/m", showingAgenda: showingAgenda))])
            meeting.partnership.meetings = [Meeting(id: "portsmouth/m", area: "portsmouth", date: Fixture.asOf, title: "Steering group",
                                                    attendees: ["রহিম উদ্দিন"], items: [MeetingItem(action: "PO-01", notes: ["Funding 👍"]),
                                                                                        MeetingItem(action: "PO-02")])]
            states.append(meeting)
        }
        var prompt = Fixture.state(pages: [.areas(AreasPage()), .action("PO-01")])
        prompt.edits.userName = "Zoë"
        states.append(update(prompt, .key(.character("d"))).0)   // the due date prompt
        states.append(update(prompt, .key(.character("s"))).0)   // the status picker
        states.append(update(prompt, .key(.character("N"))).0)   // the inline text area
        return states
    }

    @Test func everyScreenDrawsAtEverySize() {
        for start in Self.states {
            for width in stride(from: 1, through: 100, by: 4) {
                for height in stride(from: 1, through: 30, by: 3) {
                    var state = start
                    state = update(state, .resize(width: width, height: height)).0
                    for key: Key in [.down, .character("G"), .tab, .pageDown, .character("?")] {
                        state = update(state, .key(key)).0
                        var screen = Screen(width: width, height: height)
                        RootView.render(state, into: &screen)
                        #expect(screen.lines.count == height)
                        #expect(screen.lines.allSatisfy { DisplayWidth.of($0) == width })
                    }
                }
            }
        }
    }
}
