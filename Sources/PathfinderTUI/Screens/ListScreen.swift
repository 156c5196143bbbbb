/// A screen that is one list under a `ListCursor` (areas, case studies, a list of actions, a
/// log, sync conflicts, search results). What is selected is the cursor's row, a click selects
/// a row, and after a resize or a reload the selection stays in the list and on screen: the
/// same for every list, given how many rows it has and how many fit.
protocol ListScreen: PageScreen {
    var cursor: ListCursor { get set }
    /// The screen line, below the body's top, of the list's first row.
    static var listTop: Int { get }
    /// How many rows fit on screen at once: a page of movement. One line a row, down to the
    /// bottom, unless the screen says otherwise.
    static func visibleRows(_ state: AppState) -> Int
    /// How many rows the list has now.
    func rowCount(_ state: AppState) -> Int
}

extension ListScreen {
    static func visibleRows(_ state: AppState) -> Int { max(1, state.bodyHeight - listTop) }

    /// One line a row, from `listTop` down.
    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout {
        .list(body, top: Self.listTop, first: cursor.top, count: rowCount(state), room: Self.visibleRows(state))
    }

    var selection: Target? { .row(cursor.selected) }
    mutating func select(_ target: Target, _ state: AppState) {
        if let row = target.row { cursor.select(row, count: rowCount(state), visible: Self.visibleRows(state)) }
    }
    mutating func keepVisible(_ state: AppState) {
        cursor.keepVisible(count: rowCount(state), visible: Self.visibleRows(state))
    }
}
