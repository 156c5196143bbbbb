import PathfinderModel

/// A titled list of actions (e.g. one cell of the success factor matrix).
public struct ActionListPage: ListScreen {
    public var title: String
    public var actions: [String]
    public var cursor = ListCursor()
}

extension ActionListPage {
    var page: Page { .actionList(self) }
    var keyContext: KeyContext { .actionPlan }
    func crumbs(_ state: AppState) -> [String] { [title] }

    func rowCount(_ state: AppState) -> Int { actions.count }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        Self.render(state, self, layout, &screen)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        Self.handle(command, &self, &state)
        return []
    }

    func action(_ state: AppState) -> String? {
        actions.indices.contains(cursor.selected) ? actions[cursor.selected] : nil
    }
}

/// A titled list of actions, as a cell of the success factor matrix lists them.
extension ActionListPage {
    static let listTop = 2

    static func render(_ state: AppState, _ p: ActionListPage, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        let theme = state.theme
        screen.put(Text.truncate(" \(p.title): \(p.actions.count) actions", to: body.width), x: body.x, y: body.y,
                   style: theme.style(for: .heading))
        let cols = ActionPlanPage.columns(width: body.width - 2)
        Table.header(cols, x: body.x + 1, y: body.y + 1, theme: theme, into: &screen)
        // Row i is the list's i-th action, so the row clicked is the action opened; one gone
        // from the store since leaves its row empty.
        for (i, y) in layout.rows {
            guard let action = state.partnership.action(p.actions[i]) else { continue }
            ActionPlanPage.drawAction(action, cols: cols, x: body.x, y: y, width: body.width, selected: i == p.cursor.selected,
                                      state: state, into: &screen)
        }
    }

    static func handle(_ command: Command, _ p: inout ActionListPage, _ state: inout AppState) {
        if ListKeys.move(command, &p.cursor, count: p.actions.count, visible: visibleRows(state)) { return }
        if command == .open, p.actions.indices.contains(p.cursor.selected) {
            state.page = .actionList(p)
            state.open(.action(p.actions[p.cursor.selected]))
        }
    }
}
