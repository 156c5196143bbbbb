import PathfinderModel
import Testing
@testable import PathfinderTUI

/// Every list screen keeps its selection on screen when the window shrinks: the log and the
/// sync conflicts did not (the selection could be drawn nowhere) until they shared `ListScreen`.
@Suite struct ListScreenTests {
    static let log = LogPage(title: "History", rows: (1...12).map { LogRow(heading: "Change \($0)", details: ["detail a", "detail b"]) },
                             empty: "none")
    static let sync = SyncConflictsPage(rows: (1...12).map {
        SyncConflictRow(id: "c\($0)", path: "areas/portsmouth/actions/PO-\($0).md", field: "title", mine: "mine", theirs: "theirs")
    })

    @Test(arguments: [("log", Page.log(log)), ("sync conflicts", Page.syncConflicts(sync))])
    func theLastRowSelectedStaysDrawnWhenTheWindowShrinks(name: String, page: Page) {
        var state = Fixture.state(pages: [.areas(AreasPage()), page])
        for _ in 1...11 { _ = state.press(.down) }
        #expect(state.screen.selection == .row(11), "\(name): the last row is selected")
        state = update(state, .resize(width: 40, height: 12)).0
        #expect(state.screen.selection == .row(11), "\(name): the selection is kept")
        #expect(state.screen.layout(state, state.body).rect(of: .row(11)) != nil, "\(name): the selection is drawn at 40x12")
    }

    /// A list that loses rows (a reload) keeps its selection inside it, on screen.
    @Test func aSelectionPastTheEndComesBackIntoTheList() {
        var page = Self.log
        page.cursor = ListCursor(selected: 11, top: 8)
        page.rows.removeLast(6)
        page.keepVisible(Fixture.state(pages: [.areas(AreasPage()), .log(page)]))
        #expect(page.cursor.selected == 5)
        #expect(page.cursor.top <= 5)
    }
}
