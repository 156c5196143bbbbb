import PathfinderModel

/// Drawing a form: a heading, then one row per field or list entry (label left, value right), a
/// date's note beside it (under it when narrow), a field's problem under it, and any open box
/// (choices, an entry, a milestone, text, the discard question) over the rows.
extension RecordForm {
    /// One screen row of the form.
    struct Row: Hashable {
        enum Kind: Hashable {
            /// The item's own row: label (on a field's first row) and value.
            case main
            /// A further line of the value (a long text's next lines).
            case more(String)
            /// A note under the value: a resolved date, or a problem.
            case note(String, Role)
        }
        var item: Item
        var kind: Kind
    }

    /// Columns for labels: enough for "Success factors" when there is room.
    static func labelWidth(for width: Int) -> Int { width >= 64 ? 18 : 12 }
    /// Columns a date takes before its note ("end of quarter" fits).
    static var dateWidth: Int { 16 }

    /// The note beside or under a date field: the day a shortcut resolves to, or why it is not
    /// a date, judged as the user types.
    func dateNote(_ field: Field) -> (text: String, isError: Bool)? {
        guard spec.kind(of: field) == .date, let typed = editors[field]?.text.trimmedSpaces, !typed.isEmpty else { return nil }
        if let day = DateInput.parse(typed, today: today) { return (DateNote.resolved(typed, day), false) }
        return (DateNote.problem(typed), true)
    }

    func rows(valueWidth: Int, notesBeside: Bool) -> [Row] {
        let problems = self.problems
        let advice = spec.advice(draft)
        let all = items
        var rows: [Row] = []
        for (i, item) in all.enumerated() {
            rows.append(Row(item: item, kind: .main))
            let field = item.field
            // A field's notes go after its last row (a list's "add" row).
            guard i + 1 == all.count || all[i + 1].field != field else { continue }
            if spec.kind(of: field) == .longText {
                let lines = Text.wrapParagraphs(longText(field), to: valueWidth)
                for line in lines.dropFirst().prefix(2) { rows.append(Row(item: item, kind: .more(line))) }
                if lines.count > 3 { rows.append(Row(item: item, kind: .more("… \(lines.count - 3) more lines"))) }
            }
            if !notesBeside, problems[field] == nil, focus == item, let note = dateNote(field) {
                rows.append(Row(item: item, kind: .note(note.text, note.isError ? .error : .dim)))
            }
            if let problem = problems[field] {
                for line in Text.wrap("⚠ " + problem, to: valueWidth).prefix(3) { rows.append(Row(item: item, kind: .note(line, .error))) }
            }
            if problems[field] == nil, let note = advice[field], !note.whenFocused || focus.field == field {
                for line in Text.wrap(note.text, to: valueWidth).prefix(3) {
                    rows.append(Row(item: item, kind: .note(line, note.isWarning ? .warning : .dim)))
                }
            }
        }
        return rows
    }

    /// The text shown for a field that is not being typed in.
    func display(_ field: Field) -> String {
        switch spec.kind(of: field) {
        case .choice, .choices:
            if let shown = spec.shown(field, of: draft) { return shown }
            let all = spec.choices(for: field)
            return spec.chosen(field, of: draft).map { id in all.first { $0.id == id }?.label ?? id }.joined(separator: ", ")
        case .longText:
            return Text.wrapParagraphs(longText(field), to: 1000).first ?? ""
        default:
            return editors[field]?.text ?? spec.value(field, of: draft)
        }
    }

    /// Where the rows go in a rectangle: the columns, the rows, and the first one shown.
    struct Layout {
        var labelWidth: Int
        var valueX: Int
        var valueWidth: Int
        var notesBeside: Bool
        var rows: [Row]
        var listTop: Int
        var listHeight: Int
        var top: Int
    }

    func layout(in rect: Rect) -> Layout {
        let labelWidth = Self.labelWidth(for: rect.width)
        let valueX = rect.x + 2 + labelWidth + 1
        let valueWidth = max(1, rect.x + rect.width - 1 - valueX)
        let notesBeside = valueWidth >= Self.dateWidth + 18
        let rows = rows(valueWidth: valueWidth, notesBeside: notesBeside)
        let listHeight = max(0, rect.height - 1 - (banner == nil ? 0 : 1))
        // Keep the focused item (and its notes) in view, a little below the middle when it can be.
        let first = rows.firstIndex { $0.item == focus } ?? 0
        let last = rows.lastIndex { $0.item.field == focus.field } ?? first
        let span = min(listHeight, last - first + 1)
        let top = max(0, min(first - max(0, (listHeight - span) / 3), rows.count - listHeight))
        return Layout(labelWidth: labelWidth, valueX: valueX, valueWidth: valueWidth, notesBeside: notesBeside, rows: rows,
                      listTop: rect.y + 1, listHeight: listHeight, top: top)
    }

    /// The row under a screen position when the form is drawn in `rect`, for the mouse.
    public func item(atX x: Int, y: Int, in rect: Rect) -> Item? {
        guard rect.width >= 24, x >= rect.x, x < rect.x + rect.width - 1 else { return nil }
        let layout = layout(in: rect)
        let index = layout.top + y - layout.listTop
        guard y >= layout.listTop, y < layout.listTop + layout.listHeight, layout.rows.indices.contains(index) else { return nil }
        return layout.rows[index].item
    }

    /// Draws the form into `rect` of the screen. Works at any size; meant for 40x9 and up (the
    /// body of a 40x12 window).
    public func render(into screen: inout Screen, in rect: Rect, theme: Theme) {
        guard rect.width >= 8, rect.height >= 2 else { return }
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: theme.style(for: .normal))
        // Heading: what is being edited, and whether anything is unsaved.
        let state = isChanged ? "changed · Ctrl-S saves" : "no changes"
        let stateWidth = DisplayWidth.of(state) + 1
        let headingRoom = rect.width - (rect.width >= 40 ? stateWidth + 1 : 0)
        screen.put(Text.truncate(" " + heading, to: headingRoom), x: rect.x, y: rect.y, style: theme.style(for: .heading))
        if rect.width >= 40 { screen.put(state, x: rect.x + rect.width - stateWidth, y: rect.y, style: theme.style(for: .dim)) }
        // Below this there is no room for a label and a value; the program needs 40 columns anyway.
        guard rect.width >= 24 else { return }

        let layout = self.layout(in: rect)
        let (rows, listTop, listHeight, top) = (layout.rows, layout.listTop, layout.listHeight, layout.top)
        let problems = self.problems
        for (i, row) in rows.enumerated().dropFirst(top).prefix(listHeight) {
            let y = listTop + i - top
            let focused = row.item == focus
            let field = row.item.field
            switch row.kind {
            case .main:
                if focused { screen.put("›", x: rect.x, y: y, style: theme.style(for: .heading)) }
                if i == 0 || rows[i - 1].item.field != field {
                    let role: Role = focused ? .selected : (problems[field] != nil ? .error : .dim)
                    let label = (problems[field] != nil ? "⚠ " : "") + spec.label(field)
                    screen.put(Text.fit(label, to: layout.labelWidth), x: rect.x + 1, y: y, style: theme.style(for: role))
                }
                drawValue(row.item, focused: focused, y: y, layout: layout, theme: theme, into: &screen)
            case let .more(text):
                screen.put(Text.truncate(text, to: layout.valueWidth), x: layout.valueX, y: y, style: theme.style(for: .dim))
            case let .note(text, role):
                screen.put(Text.truncate(text, to: layout.valueWidth), x: layout.valueX, y: y, style: theme.style(for: role))
            }
        }
        Scrollbar.draw(top: top, visible: listHeight, total: rows.count, x: rect.x + rect.width - 1, y: listTop, theme: theme, into: &screen)
        if let banner {
            let y = rect.y + rect.height - 1
            screen.fill(x: rect.x, y: y, width: rect.width, height: 1, style: theme.style(for: .messageError))
            screen.put(Text.truncate(" " + banner, to: rect.width), x: rect.x, y: y, style: theme.style(for: .messageError))
        }
        drawPopup(into: &screen, in: rect, theme: theme)
    }

    private func drawValue(_ item: Item, focused: Bool, y: Int, layout: Layout, theme: Theme, into screen: inout Screen) {
        let (x, width) = (layout.valueX, layout.valueWidth)
        let typing = focused && popup == nil
        let selected = theme.style(for: focused ? .selected : .normal)
        let dim = theme.style(for: .dim)
        func plain(_ text: String, empty: String = "—", width: Int = width) {
            if focused { screen.fill(x: x, y: y, width: width, height: 1, style: selected) }
            screen.put(Text.truncate(text.isEmpty ? empty : text, to: width), x: x, y: y, style: text.isEmpty && !focused ? dim : selected)
        }
        let field = item.field
        switch item {
        case .field:
            switch spec.kind(of: field) {
            case .text, .date:
                let isDate = spec.kind(of: field) == .date
                let fieldWidth = isDate && layout.notesBeside ? Self.dateWidth : width
                if typing, let editor = editors[field] {
                    InputField.render(editor, x: x, y: y, width: fieldWidth, theme: theme, into: &screen)
                } else {
                    plain(display(field), width: fieldWidth)
                }
                // The day a date resolves to shows while it is being typed; once left, the field
                // holds that day itself.
                if isDate, layout.notesBeside, focused, let note = dateNote(field) {
                    screen.put(Text.truncate(note.text, to: width - fieldWidth - 1), x: x + fieldWidth + 1, y: y,
                               style: theme.style(for: note.isError ? .error : .dim))
                }
            case .choice, .choices:
                plain(display(field), empty: "— none")
            case .longText:
                // The same wrapping as the lines under it, so the text reads on.
                plain(Text.wrapParagraphs(longText(field), to: width).first ?? "", empty: "— Enter to write")
            case .entries, .list, .milestones:
                break
            }
        case let .entry(_, i):
            let entry = spec.entries(field, of: draft)[i]
            switch spec.kind(of: field) {
            case .list:
                if typing, let rowEditor {
                    InputField.render(rowEditor, x: x, y: y, width: width, theme: theme, into: &screen)
                } else {
                    plain(entry.first ?? "")
                }
            case .milestones:
                let milestone = Milestone(parts: entry)
                let due = milestone.due.map { "due \($0.iso)" } ?? ""
                let dueWidth = width >= 30 && !due.isEmpty ? DisplayWidth.of(due) + 1 : 0
                plain(Text.fit((milestone.done ? "[x] " : "[ ] ") + milestone.title, to: width - dueWidth))
                if dueWidth > 0 { screen.put(due, x: x + width - dueWidth + 1, y: y, style: focused ? selected : dim) }
            default:
                // The parts given, as read: "Population · 186,700 · Census 2001" (a member known
                // only by role reads as the role).
                plain(entry.filter { !$0.isEmpty }.joined(separator: " · "))
            }
        case .addEntry:
            let name = spec.entryName(field).map { "a \($0)" } ?? (spec.parts(of: field).count > 1 ? "an entry" : "one")
            plain("", empty: "+ add " + name)
        }
    }

    private func drawPopup(into screen: inout Screen, in rect: Rect, theme: Theme) {
        switch popup {
        case nil:
            break
        case let .picker(_, picker):
            picker.render(into: &screen, in: rect, theme: theme)
        case let .entry(_, editor):
            editor.render(into: &screen, in: rect, theme: theme)
        case let .milestone(_, editor):
            editor.render(into: &screen, in: rect, theme: theme)
        case let .textArea(field, area):
            guard rect.width >= 12, rect.height >= 4 else { return }
            let box = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
            screen.fill(x: box.x, y: box.y, width: box.width, height: box.height, style: theme.style(for: .dialog))
            Box.draw(x: box.x, y: box.y, width: box.width, height: box.height,
                     title: " \(spec.label(field)) — Ctrl-S done · Esc cancel ", theme: theme, into: &screen)
            area.render(into: &screen, in: Rect(x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2), theme: theme)
        case .confirmDiscard:
            let width = max(min(rect.width, 20), min(rect.width - 2, 48))
            let height = 4
            guard width >= 12, rect.height >= height else { return }
            let x = rect.x + (rect.width - width) / 2
            let y = rect.y + max(0, (rect.height - height) / 2)
            screen.fill(x: x, y: y, width: width, height: height, style: theme.style(for: .dialog))
            Box.draw(x: x, y: y, width: width, height: height, title: " Discard changes? ", theme: theme, into: &screen)
            screen.put(Text.truncate("Your changes are not saved.", to: width - 4), x: x + 2, y: y + 1, style: theme.style(for: .dialog))
            screen.put(Text.truncate("y discard them · n keep editing", to: width - 4), x: x + 2, y: y + 2, style: theme.style(for: .warning))
        }
    }
}
