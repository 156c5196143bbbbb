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
public struct LogPage: Hashable, Sendable {
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

public struct SyncConflictsPage: Hashable, Sendable {
    public var rows: [SyncConflictRow]
    public var cursor = ListCursor()
    public init(rows: [SyncConflictRow]) { self.rows = rows }
}

/// How a sync conflict is resolved from the screen.
public enum SyncChoice: Hashable, Sendable {
    case mine, theirs
    case value(String)
}

extension AppState {
    mutating func performSyncCommand(_ command: Command) -> [Effect] {
        switch command {
        case .sync:
            if let reason = edits.readOnlyReason {
                message = Message("Read-only: \(reason)", isError: true)
                return []
            }
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
        let visible = SyncScreens.visibleRows(self)
        switch command {
        case .up, .scrollUp: p.cursor.move(by: -1, count: p.rows.count, visible: visible)
        case .down, .scrollDown: p.cursor.move(by: 1, count: p.rows.count, visible: visible)
        case .keepMine, .takeTheirs:
            guard let row = p.rows[safe: p.cursor.selected] else { return [] }
            return [.resolveSyncConflict(id: row.id, choice: command == .keepMine ? .mine : .theirs)]
        case .open:
            guard let row = p.rows[safe: p.cursor.selected], !row.deletion else { return [] }
            overlay = .prompt(Prompt(label: "Value of \(row.field):", text: row.mine, purpose: .syncValue(id: row.id)))
        default:
            break
        }
        return []
    }

    mutating func handleLog(_ command: Command, _ p: inout LogPage) -> [Effect] {
        let visible = SyncScreens.visibleRows(self)
        switch command {
        case .up, .scrollUp: p.cursor.move(by: -1, count: p.rows.count, visible: visible)
        case .down, .scrollDown: p.cursor.move(by: 1, count: p.rows.count, visible: visible)
        case .pageUp: p.cursor.move(by: -visible, count: p.rows.count, visible: visible)
        case .pageDown: p.cursor.move(by: visible, count: p.rows.count, visible: visible)
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
            push(.action(ActionPage(action: id)))
        default:
            break
        }
        return []
    }
}

enum SyncScreens {
    static let listTop = 2
    static func visibleRows(_ state: AppState) -> Int { max(1, (state.bodyHeight - listTop) / 2) }

    static func renderLog(_ state: AppState, _ p: LogPage, _ body: Rect, _ screen: inout Screen) {
        let theme = state.theme
        screen.put(Text.truncate(" " + p.title, to: body.width), x: body.x, y: body.y, style: theme.style(for: .heading))
        if p.rows.isEmpty {
            screen.put(Text.truncate(" " + p.empty, to: body.width), x: body.x, y: body.y + listTop, style: theme.style(for: .dim))
            return
        }
        var y = body.y + listTop
        for (i, row) in p.rows.enumerated().dropFirst(p.cursor.top) {
            guard y < body.y + body.height else { break }
            let selected = i == p.cursor.selected
            let style = theme.style(for: selected ? .selected : .normal)
            screen.fill(x: body.x, y: y, width: body.width, height: 1, style: style)
            screen.put(Text.truncate(" " + row.heading, to: body.width), x: body.x, y: y, style: style)
            y += 1
            for line in row.details where y < body.y + body.height {
                screen.put(Text.truncate("     " + line, to: body.width), x: body.x, y: y, style: theme.style(for: .dim))
                y += 1
            }
        }
    }

    static func renderConflicts(_ state: AppState, _ p: SyncConflictsPage, _ body: Rect, _ screen: inout Screen) {
        let theme = state.theme
        let n = p.rows.count
        if p.rows.isEmpty {
            screen.put(Text.truncate(" Every conflict is decided", to: body.width), x: body.x, y: body.y, style: theme.style(for: .heading))
            screen.put(Text.truncate(" Nothing to resolve: sync again (S) to share the result", to: body.width),
                       x: body.x, y: body.y + listTop, style: theme.style(for: .dim))
            return
        }
        screen.put(Text.truncate(" \(n) change\(n == 1 ? "" : "s") made differently here and elsewhere: m keeps yours, t takes theirs, Enter types a value",
                                 to: body.width), x: body.x, y: body.y, style: theme.style(for: .heading))
        var y = body.y + listTop
        for (i, row) in p.rows.enumerated().dropFirst(p.cursor.top) {
            guard y + 1 < body.y + body.height else { break }
            let selected = i == p.cursor.selected
            let style = theme.style(for: selected ? .selected : .normal)
            screen.fill(x: body.x, y: y, width: body.width, height: 1, style: style)
            // Named by the file's id (an action's id, an area's folder) rather than its path.
            let name = row.path.split(separator: "/").last.map { $0.hasSuffix(".md") ? String($0.dropLast(3)) : String($0) } ?? row.path
            let label = name == "area" ? row.path.split(separator: "/").dropLast().last.map(String.init) ?? name : name
            screen.put(Text.truncate(" \(label) · \(row.field)", to: body.width), x: body.x, y: y, style: style)
            let half = max(4, (body.width - 6) / 2)
            let mine = row.deletion ? "kept here (edited)" : row.mine
            let theirs = row.deletion ? "deleted there" : row.theirs
            screen.put(Text.truncate("   yours: " + mine, to: half), x: body.x, y: y + 1, style: theme.style(for: .normal))
            screen.put(Text.truncate("theirs: " + theirs, to: body.width - half - 2), x: body.x + half + 2, y: y + 1,
                       style: theme.style(for: .normal))
            y += 2
        }
    }
}
