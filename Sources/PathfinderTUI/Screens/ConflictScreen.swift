import PathfinderModel

/// A save found the record changed on disk by someone else, and both changed the same field.
/// Nothing is overwritten and nothing is thrown away: what only one side changed is already
/// merged (`RecordMerge`), the fields both changed are shown side by side, the user keeps
/// theirs or takes the one on disk for each, and the result is saved.
public struct ConflictPage: PageScreen {
    public struct Field: Hashable, Sendable {
        /// The field's key in the store's files (`rag`, `narrative`).
        public var key: String
        public var label: String
        public var mine: String
        public var theirs: String
        public var takeTheirs: Bool

        /// The action field it is, for an action's conflict.
        public var field: ActionField? { ActionField(rawValue: key) }
    }

    public var mine: Record
    public var theirs: Record
    /// Theirs with every change only one side made, and notes and list entries from both.
    public var merged: Record
    public var fields: [Field]
    public var cursor = 0

    /// `base` is the version the user's change started from: a field only one side changed
    /// is merged without asking. Without it, every field that differs is asked about.
    public init(mine: Record, theirs: Record, base: Record?, catalogue: Catalogue? = nil) {
        self.mine = mine
        self.theirs = theirs
        let (merged, conflicts) = Record.merge(base: base, mine: mine, theirs: theirs)
        self.merged = merged
        fields = conflicts.map { c in
            // Actions' catalogue ids are shown by their labels ("In progress", not in-progress).
            if let field = ActionField(rawValue: c.key), case let .action(m) = mine, case let .action(t) = theirs {
                return Field(key: c.key, label: c.label, mine: field.value(of: m, catalogue: catalogue),
                             theirs: field.value(of: t, catalogue: catalogue), takeTheirs: false)
            }
            return Field(key: c.key, label: c.label, mine: c.mine, theirs: c.theirs, takeTheirs: false)
        }
    }

    /// What will be saved: the merge, with each asked field as chosen.
    public var result: Record {
        var result = merged
        for field in fields {
            result = result.taking(field.key, from: field.takeTheirs ? theirs : mine)
        }
        if case var .action(r) = result, case let .action(m) = mine {
            r.updated = m.updated
            r.updatedBy = m.updatedBy
            result = .action(r)
        }
        return result
    }
}

extension ConflictPage {
    var page: Page { .conflict(self) }
    var keyContext: KeyContext { .conflict }
    func crumbs(_ state: AppState) -> [String] { ["\(mine.name): changed on disk"] }

    /// The fields' rows scroll to keep the cursor in view; a click counts that scroll (it
    /// used not to, and chose the wrong field once the list had scrolled).
    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout {
        let rows = max(1, body.height - Self.listTop - 2)
        let top = max(0, min(cursor - rows + 1, fields.count - rows))
        return .list(body, top: Self.listTop, first: top, count: fields.count, room: rows)
    }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        Self.render(state, self, layout, &screen)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        Self.handle(command, &self, &state)
    }

    var selection: Target? { .row(cursor) }
    mutating func select(_ target: Target, _ state: AppState) {
        if let row = target.row { cursor = row }
    }
}

extension ConflictPage {
    static let listTop = 4

    static func render(_ state: AppState, _ p: ConflictPage, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        let theme = state.theme
        screen.put(" \(p.mine.name) was changed on disk while you were editing it", x: body.x, y: body.y,
                   style: theme.style(for: .warning), maxWidth: body.width)
        screen.put(" Both changed these: keep yours (m, ←) or take the one on disk (t, →); Enter saves.", x: body.x, y: body.y + 1,
                   style: theme.style(for: .dim), maxWidth: body.width)
        screen.put(" Everything else either of you changed is kept.", x: body.x, y: body.y + 2,
                   style: theme.style(for: .dim), maxWidth: body.width)
        let labelWidth = min(16, max(8, body.width / 5))
        let valueWidth = max(4, (body.width - labelWidth - 4) / 2)
        let mineX = body.x + 1 + labelWidth + 1
        let theirsX = mineX + valueWidth + 1
        let header = theme.style(for: .tableHeader)
        screen.fill(x: body.x, y: body.y + 3, width: body.width, height: 1, style: header)
        screen.put(" Field", x: body.x, y: body.y + 3, style: header, maxWidth: labelWidth + 1)
        screen.put("Yours", x: mineX, y: body.y + 3, style: header, maxWidth: valueWidth)
        screen.put("On disk", x: theirsX, y: body.y + 3, style: header, maxWidth: valueWidth)
        let rows = layout.pageRows
        for (row, y) in layout.rows {
            let field = p.fields[row]
            let current = row == p.cursor
            screen.put((current ? "▸" : " ") + Text.truncate(field.label, to: labelWidth), x: body.x, y: y,
                       style: theme.style(for: current ? .heading : .normal))
            // The chosen side is marked with ● and highlighted, so the choice never relies on colour.
            let chosen = theme.style(for: current ? .selected : .heading)
            let other = theme.style(for: .dim)
            screen.put(Text.truncate((field.takeTheirs ? "  " : "● ") + oneLine(field.mine), to: valueWidth), x: mineX, y: y,
                       style: field.takeTheirs ? other : chosen)
            screen.put(Text.truncate((field.takeTheirs ? "● " : "  ") + oneLine(field.theirs), to: valueWidth), x: theirsX, y: y,
                       style: field.takeTheirs ? chosen : other)
        }
        if case let .action(m) = p.mine, case let .action(t) = p.theirs {
            let yours = m.progress.filter { !t.progress.contains($0) }.count
            let y = body.y + min(body.height - 1, listTop + min(rows, p.fields.count) + 1)
            if yours > 0 {
                screen.put(" Progress notes: all kept (\(yours) of yours added to those on disk)", x: body.x, y: y,
                           style: theme.style(for: .dim), maxWidth: body.width)
            }
        }
        if p.fields.isEmpty {
            screen.put(" Only progress notes differ: Enter keeps them all", x: body.x, y: body.y + listTop, style: theme.style(for: .normal),
                       maxWidth: body.width)
        }
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ")
    }

    static func handle(_ command: Command, _ p: inout ConflictPage, _ state: inout AppState) -> [Effect] {
        switch command {
        case .up: p.cursor = max(0, p.cursor - 1)
        case .down: p.cursor = min(max(0, p.fields.count - 1), p.cursor + 1)
        case .top: p.cursor = 0
        case .bottom: p.cursor = max(0, p.fields.count - 1)
        case .keepMine, .left: if p.fields.indices.contains(p.cursor) { p.fields[p.cursor].takeTheirs = false }
        case .takeTheirs, .right: if p.fields.indices.contains(p.cursor) { p.fields[p.cursor].takeTheirs = true }
        case .keepAllMine: for i in p.fields.indices { p.fields[i].takeTheirs = false }
        case .takeAllTheirs: for i in p.fields.indices { p.fields[i].takeTheirs = true }
        case .saveMerge:
            let result = p.result
            state.pages.removeLast()
            state.keepSelectionVisible()
            let kept = p.fields.filter { !$0.takeTheirs }.count
            let taken = p.fields.count - kept
            return state.commit(Change(before: p.theirs, after: result,
                                       summary: "\(p.mine.name) saved: yours for \(kept) field\(kept == 1 ? "" : "s"), the disk's for \(taken)"))
        case .back:
            state.message = Message("Choose for each field, then Enter to save; leaving now would lose your change", isError: true)
        default:
            break
        }
        return []
    }
}

extension AppState {
    /// Shows the version on disk, and the conflict page over it.
    mutating func openConflict(mine: Record, theirs: Record, base: Record?) {
        // What the user's version grew from, else the last version known to be on disk.
        let base = base ?? edits.onDisk[mine.key]
        place(theirs)
        let page = ConflictPage(mine: mine, theirs: theirs, base: base, catalogue: partnership.catalogue)
        push(.conflict(page))
        message = Message("\(mine.name) was changed on disk by someone else: nothing was overwritten; choose what to keep", isError: true)
    }
}
