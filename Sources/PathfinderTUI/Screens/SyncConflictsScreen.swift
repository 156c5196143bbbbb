import PathfinderModel

/// A field two people changed differently, left by a sync for a decision.
public struct SyncConflictRow: Hashable, Sendable {
    public var id: String
    public var path: String
    public var field: String
    public var mine: String
    public var theirs: String
    /// The file was deleted on one side and edited on the other: keep it (mine) or not.
    public var deletion: Bool

    public init(id: String, path: String, field: String, mine: String, theirs: String, deletion: Bool = false) {
        self.id = id
        self.path = path
        self.field = field
        self.mine = mine
        self.theirs = theirs
        self.deletion = deletion
    }
}

public struct SyncConflictsPage: ListScreen {
    public var rows: [SyncConflictRow]
    public var cursor = ListCursor()
    /// Every conflict decided and the result sent: nothing is left to ask for.
    public var shared = false
    public init(rows: [SyncConflictRow]) { self.rows = rows }
}

/// How a sync conflict is resolved from the screen.
public enum SyncChoice: Hashable, Sendable {
    case mine, theirs
    case value(String)
}

extension SyncConflictsPage {
    var page: Page { .syncConflicts(self) }
    var keyContext: KeyContext { .syncConflicts }
    func crumbs(_ state: AppState) -> [String] { ["Sync conflicts"] }

    /// Each conflict takes two lines: the file and field, then yours and theirs.
    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout {
        .list(body, top: Self.listTop, first: cursor.top, count: rows.count, room: (body.height - Self.listTop) / 2, height: 2)
    }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        Self.render(state, self, layout, &screen)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        state.handleSyncConflicts(command, &self)
    }

    func rowCount(_ state: AppState) -> Int { rows.count }
}

extension AppState {
    mutating func performSyncCommand(_ command: Command) -> [Effect] {
        switch command {
        case .sync:
            // A sync commits as the user: their name is asked first, as before an edit.
            guard mayEdit(then: .sync) else { return [] }
            message = Message("Syncing…")
            return [.sync]
        case .history:
            guard let id = targetActionID else {
                message = Message("Open or select an action to see its history", isError: true)
                return []
            }
            return [.loadHistory(id)]
        default:
            return []
        }
    }

    mutating func handleSyncConflicts(_ command: Command, _ p: inout SyncConflictsPage) -> [Effect] {
        let visible = LogPage.visibleRows(self)
        switch command {
        case .up, .scrollUp: p.cursor.move(by: -1, count: p.rows.count, visible: visible)
        case .down, .scrollDown: p.cursor.move(by: 1, count: p.rows.count, visible: visible)
        case .keepMine, .takeTheirs:
            guard let row = p.rows[safe: p.cursor.selected], mayEdit(then: command) else { return [] }
            return [.resolveSyncConflict(id: row.id, choice: command == .keepMine ? .mine : .theirs)]
        case .open:
            guard let row = p.rows[safe: p.cursor.selected], !row.deletion, mayEdit(then: command) else { return [] }
            overlay = .prompt(Prompt(label: "Value of \(row.field):", text: row.mine, purpose: .syncValue(id: row.id)))
        default:
            break
        }
        return []
    }

}

extension SyncConflictsPage {
    static let listTop = LogPage.listTop

    /// A value as the screens show it: a status, RAG or theme by its label, not its id.
    static func shown(_ value: String, field: String, _ catalogue: Catalogue) -> String {
        switch field {
        case "status": catalogue.status(value)?.label ?? value
        case "rag": RAG(rawValue: value)?.label ?? value
        case "theme": catalogue.theme(value)?.label ?? value
        default: value
        }
    }
    /// Two lines a conflict, as the log's entries.
    static func visibleRows(_ state: AppState) -> Int { LogPage.visibleRows(state) }

    static func render(_ state: AppState, _ p: SyncConflictsPage, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        let theme = state.theme
        let n = p.rows.count
        if p.rows.isEmpty {
            screen.put(Text.truncate(" Every conflict is decided", to: body.width), x: body.x, y: body.y, style: theme.style(for: .heading))
            let next = p.shared ? " The result is synced: nothing is left to do here (Esc goes back)"
                : " Nothing to resolve: sync again (S) to share the result"
            screen.put(Text.truncate(next, to: body.width), x: body.x, y: body.y + listTop, style: theme.style(for: .dim))
            return
        }
        screen.put(Text.truncate(" \(n) change\(n == 1 ? "" : "s") made differently here and elsewhere: m keeps yours, t takes theirs, Enter types a value",
                                 to: body.width), x: body.x, y: body.y, style: theme.style(for: .heading))
        for (i, y) in layout.rows {
            let row = p.rows[i]
            let selected = i == p.cursor.selected
            let style = theme.style(for: selected ? .selected : .normal)
            screen.fill(x: body.x, y: y, width: body.width, height: 1, style: style)
            // Named by the file's id (an action's id, an area's folder) rather than its path.
            let name = row.path.split(separator: "/").last.map { $0.hasSuffix(".md") ? String($0.dropLast(3)) : String($0) } ?? row.path
            let label = name == "area" ? row.path.split(separator: "/").dropLast().last.map(String.init) ?? name : name
            let field = ActionField(rawValue: row.field)?.label ?? row.field
            screen.put(Text.truncate(" \(label) · \(field)", to: body.width), x: body.x, y: y, style: style)
            let half = max(4, (body.width - 6) / 2)
            let catalogue = state.partnership.catalogue
            let mine = row.deletion ? "kept here (edited)" : shown(row.mine, field: row.field, catalogue)
            let theirs = row.deletion ? "deleted there" : shown(row.theirs, field: row.field, catalogue)
            screen.put(Text.truncate("   yours: " + mine, to: half), x: body.x, y: y + 1, style: theme.style(for: .normal))
            screen.put(Text.truncate("theirs: " + theirs, to: body.width - half - 2), x: body.x + half + 2, y: y + 1,
                       style: theme.style(for: .normal))
        }
    }
}
