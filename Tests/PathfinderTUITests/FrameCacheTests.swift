import Testing
import PathfinderModel
@testable import PathfinderTUI

/// The screens keep an area plan's rows and an action's page between keys (issue 12: made
/// again at every key they were most of its cost at 52,500 actions). What is drawn must still
/// always be the partnership as it is now.
@Suite struct FrameCacheTests {
    static func plan() -> AppState {
        Fixture.state(pages: [.areas(AreasPage()), .actionPlan(ActionPlanPage(area: "portsmouth"))]).after(.down, .up)
    }

    @Test func theRowsAreKeptBetweenKeysAndMatchFreshOnes() {
        let state = Self.plan()
        #expect(state.frameCache.plan != nil)
        let fresh = ActionPlanPage.makeRows(state.partnership.actions(inArea: "portsmouth"), filter: "", sort: .theme, state: state)
        #expect(state.planRows(area: "portsmouth", filter: "", sort: .theme).rows == fresh.rows)
    }

    /// A change made anywhere (here straight into the state, as no key does) is drawn at once.
    @Test func aChangedActionIsNeverDrawnFromTheCache() {
        var state = Self.plan()
        let i = state.partnership.actions.firstIndex { $0.id == "PO-02" }!
        state.partnership.actions[i].title = "Social value in every contract"
        #expect(render(state).text.contains("Social value in every contract"))
        state.partnership.actions.removeAll { $0.id == "PO-03" }
        #expect(!render(state).text.contains("PO-03"))
    }

    @Test func anOpenActionShowsItsChangeAtOnce() {
        var state = Self.plan().after(.enter)
        guard case .document = state.page else {
            Issue.record("no action open")
            return
        }
        #expect(state.frameCache.actionPage != nil)
        let id = state.screen.action(state)!
        let i = state.partnership.actions.firstIndex { $0.id == id }!
        state.partnership.actions[i].title = "A title written since it was opened"
        #expect(render(state).text.contains("A title written since it was opened"))
    }

    /// Two copies of a state that change apart each draw their own partnership.
    @Test func copiesThatChangeApartDrawTheirOwn() {
        var first = Self.plan()
        var second = first
        let i = first.partnership.actions.firstIndex { $0.id == "PO-02" }!
        first.partnership.actions[i].title = "First copy's title"
        second.partnership.actions[i].title = "Second copy's title"
        second = second.after(.down)
        first = first.after(.down)
        #expect(render(first).text.contains("First copy's title"))
        #expect(render(second).text.contains("Second copy's title"))
        #expect(!render(first).text.contains("Second copy's title"))
    }

    @Test func typingInTheFilterNarrowsFromTheCachedArea() {
        let state = Self.plan().after(.character("f")).typing("social")
        let text = render(state).text
        #expect(text.contains("PO-02"))
        #expect(!text.contains("PO-01 "))
    }
    /// The plan's notice of files with problems counts from the cache, and follows the problems.
    @Test func theProblemNoticeFollowsTheProblems() {
        var state = Self.plan()
        #expect(!render(state).text.contains("has problems"))
        state.problems = [.error("areas/portsmouth/actions/PO-09.md", 3, "not a date"),
                          .warning("areas/portsmouth/actions/PO-01.md", 4, "no lead"),
                          .error("areas/tower-hamlets/actions/TH-09.md", 2, "not a date")]
        #expect(render(state).text.contains("1 file in this area has problems"))
        state = state.after(.down)
        #expect(state.frameCache.problems != nil)
        #expect(render(state).text.contains("1 file in this area has problems"))
        #expect(state.problemCount.filesWithErrors == 2)
        state.problems.removeFirst()
        #expect(!render(state).text.contains("has problems"))
        #expect(state.problemCount.filesWithErrors == 1)
    }
}
