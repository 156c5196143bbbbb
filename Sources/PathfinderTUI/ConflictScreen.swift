import PathfinderModel

/// A save found the file changed on disk by someone else. Nothing is overwritten and nothing
/// is thrown away: the two versions are shown field by field, the user keeps theirs or takes
/// the one on disk for each, and the result is saved. Progress notes from both are kept.
public struct ConflictPage: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        /// The action field, or nil for an area's or case study's whole text.
        public var field: ActionField?
        public var label: String
        public var mine: String
        public var theirs: String
        public var takeTheirs: Bool
    }

    public var mine: Record
    public var theirs: Record
    public var fields: [Field]
    public var cursor = 0

    /// `base` is the record as it was before the user's change, when known: fields the user did
    /// not touch default to the version on disk, so their colleague's edit is kept.
    public init(mine: Record, theirs: Record, base: Record?, catalogue: Catalogue? = nil) {
        self.mine = mine
        self.theirs = theirs
        switch (mine, theirs) {
        case let (.action(m), .action(t)):
            let baseAction: Action? = if case let .action(b)? = base { b } else { nil }
            // Progress notes are not among the fields: both sides' notes are always kept.
            fields = ActionEdit.changes(from: t, to: m, catalogue: catalogue).map { change in
                let mineChanged = baseAction.map { ActionEdit.changes(from: $0, to: m).contains { $0.field == change.field } } ?? true
                return Field(field: change.field, label: change.field.label, mine: change.new, theirs: change.old, takeTheirs: !mineChanged)
            }
        case let (.area(m), .area(t)):
            fields = [Field(field: nil, label: "Narrative", mine: m.narrative, theirs: t.narrative, takeTheirs: false)]
        case let (.caseStudy(m), .caseStudy(t)):
            fields = [Field(field: nil, label: "Text", mine: m.text, theirs: t.text, takeTheirs: false)]
        default:
            fields = []
        }
    }

    /// What will be saved: the version on disk with the fields chosen from the user's, and
    /// every progress note from both.
    public var result: Record {
        switch (mine, theirs) {
        case let (.action(m), .action(t)):
            var merged = t
            for field in fields where !field.takeTheirs {
                if let f = field.field { ActionEdit.take(f, from: m, into: &merged) }
            }
            for entry in m.progress where !merged.progress.contains(entry) { merged.addProgress(entry) }
            merged.updated = m.updated
            merged.updatedBy = m.updatedBy
            return .action(merged)
        default:
            return fields.first?.takeTheirs == false ? mine : theirs
        }
    }
}

enum ConflictScreen {
    static let listTop = 4

    static func render(_ state: AppState, _ p: ConflictPage, _ body: Rect, _ screen: inout Screen) {
        let theme = state.theme
        screen.put(" \(p.mine.name) was changed on disk while you were editing it", x: body.x, y: body.y,
                   style: theme.style(for: .warning), maxWidth: body.width)
        screen.put(" For each field keep yours (m, ←) or take the one on disk (t, →); Enter saves.", x: body.x, y: body.y + 1,
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
        let rows = max(1, body.height - listTop - 2)
        let top = max(0, min(p.cursor - rows + 1, p.fields.count - rows))
        for (row, field) in p.fields.enumerated().dropFirst(top).prefix(rows) {
            let y = body.y + listTop + row - top
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
    mutating func openConflict(mine: Record, theirs: Record) {
        // What the user's version grew from: the last version of theirs known to be on disk,
        // else the version before their first change this session.
        let base = edits.onDisk[mine.key] ?? edits.undo.first { $0.after?.key == mine.key }?.before
        place(theirs)
        let page = ConflictPage(mine: mine, theirs: theirs, base: base, catalogue: partnership.catalogue)
        push(.conflict(page))
        message = Message("\(mine.name) was changed on disk by someone else: nothing was overwritten; choose what to keep", isError: true)
    }
}
