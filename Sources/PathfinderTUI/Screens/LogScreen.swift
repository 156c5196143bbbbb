import PathfinderModel

/// One entry of a history or "changed since" list: a heading line, its detail lines, and the
/// action it is about (Enter opens it).
public struct LogRow: Hashable, Sendable {
    public var heading: String
    public var details: [String]
    public var action: String?

    public init(heading: String, details: [String] = [], action: String? = nil) {
        self.heading = heading
        self.details = details
        self.action = action
    }
}

/// An action's history from git, or the actions changed since a date or the last sync.
public struct LogPage: ListScreen {
    public var title: String
    public var rows: [LogRow]
    public var cursor = ListCursor()
    /// Said when there are no rows.
    public var empty: String
    /// The trash: Enter puts the action back instead of opening it.
    public var restores: Bool

    public init(title: String, rows: [LogRow], empty: String, restores: Bool = false) {
        self.title = title
        self.rows = rows
        self.empty = empty
        self.restores = restores
    }
}

extension LogPage {
    var page: Page { .log(self) }
    var keyContext: KeyContext { .log }
    func crumbs(_ state: AppState) -> [String] { [title] }

    /// Each entry takes its heading line and its detail lines, as many as fit.
    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout {
        var spots: [ScreenLayout.Spot] = []
        var y = body.y + Self.listTop
        for (i, row) in rows.enumerated().dropFirst(cursor.top) {
            guard y < body.y + body.height else { break }
            let height = min(1 + row.details.count, body.y + body.height - y)
            spots.append(.init(target: .row(i), rect: Rect(x: body.x, y: y, width: body.width, height: height)))
            y += height
        }
        return ScreenLayout(body: body, spots: spots, pageRows: Self.visibleRows(state))
    }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        Self.render(state, self, layout, &screen)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        state.handleLog(command, &self)
    }

    func rowCount(_ state: AppState) -> Int { rows.count }

    func action(_ state: AppState) -> String? { rows[safe: cursor.selected]?.action }
}

extension AppState {
    mutating func handleLog(_ command: Command, _ p: inout LogPage) -> [Effect] {
        let visible = LogPage.visibleRows(self)
        switch command {
        case .up, .scrollUp: p.cursor.move(by: -1, count: p.rows.count, visible: visible)
        case .down, .scrollDown: p.cursor.move(by: 1, count: p.rows.count, visible: visible)
        case .pageUp: p.cursor.move(by: -visible, count: p.rows.count, visible: visible)
        case .pageDown: p.cursor.move(by: visible, count: p.rows.count, visible: visible)
        case .halfPageUp: p.cursor.move(by: -max(1, visible / 2), count: p.rows.count, visible: visible)
        case .halfPageDown: p.cursor.move(by: max(1, visible / 2), count: p.rows.count, visible: visible)
        case .top: p.cursor.select(0, count: p.rows.count, visible: visible)
        case .bottom: p.cursor.select(p.rows.count - 1, count: p.rows.count, visible: visible)
        case .open where p.restores:
            guard let id = p.rows[safe: p.cursor.selected]?.action else { return [] }
            if edits.readOnlyReason != nil {
                message = Message("Read-only: nothing can be restored", isError: true)
                return []
            }
            return [.restoreFromTrash(id)]
        case .open:
            guard let id = p.rows[safe: p.cursor.selected]?.action, partnership.action(id) != nil else { return [] }
            page = .log(p)
            push(.action(id))
        default:
            break
        }
        LogPage.keepSelectedInView(&p, height: bodyHeight - LogPage.listTop)
        return []
    }
}

extension LogPage {
    static let listTop = 2
    static func visibleRows(_ state: AppState) -> Int { max(1, (state.bodyHeight - listTop) / 2) }

    /// Entries take a line and their details each, so a page of them is not a fixed count: the
    /// first shown moves down until the selected one fits whole (a long message wraps to
    /// several lines, and was selected below the screen's edge).
    static func keepSelectedInView(_ p: inout LogPage, height: Int) {
        guard p.rows.indices.contains(p.cursor.selected) else { return }
        p.cursor.top = min(p.cursor.top, p.cursor.selected)
        func used(_ from: Int) -> Int { p.rows[from...p.cursor.selected].reduce(0) { $0 + 1 + $1.details.count } }
        while p.cursor.top < p.cursor.selected, used(p.cursor.top) > height { p.cursor.top += 1 }
    }

    static func render(_ state: AppState, _ p: LogPage, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        let theme = state.theme
        // Where the list is: entries above and below what shows, at the end of the title line.
        let shown = layout.spots.count
        let below = max(0, p.rows.count - p.cursor.top - shown)
        let position = p.cursor.top > 0 || below > 0
            ? "  " + [p.cursor.top > 0 ? "↑ \(p.cursor.top) above" : nil, below > 0 ? "↓ \(below) more below" : nil].compactMap { $0 }.joined(separator: " · ")
            : ""
        let title = Text.truncate(" " + p.title, to: max(0, body.width - DisplayWidth.of(position)))
        screen.put(title + position, x: body.x, y: body.y, style: theme.style(for: .heading), maxWidth: body.width)
        if p.rows.isEmpty {
            screen.put(Text.truncate(" " + p.empty, to: body.width), x: body.x, y: body.y + listTop, style: theme.style(for: .dim))
            return
        }
        for spot in layout.spots {
            guard let i = spot.target.row else { continue }
            let row = p.rows[i]
            let selected = i == p.cursor.selected
            let style = theme.style(for: selected ? .selected : .normal)
            screen.fill(x: body.x, y: spot.rect.y, width: body.width, height: 1, style: style)
            screen.put(Text.truncate(" " + row.heading, to: body.width), x: body.x, y: spot.rect.y, style: style)
            for (n, line) in row.details.prefix(spot.rect.height - 1).enumerated() {
                screen.put(Text.truncate("     " + line, to: body.width), x: body.x, y: spot.rect.y + 1 + n, style: theme.style(for: .dim))
            }
        }
    }
}
