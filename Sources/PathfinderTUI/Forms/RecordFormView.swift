import PathfinderModel

/// Drawing a profile form as the action form is drawn: a heading, one row per field or list
/// entry (label left, value right), a field's problem under it, and any open box over the rows.
extension RecordForm {
    struct Row: Hashable {
        enum Kind: Hashable {
            case main
            /// A further line of a long text.
            case more(String)
            /// A problem under the value.
            case problem(String)
        }
        var item: Item
        var kind: Kind
    }

    func rows(valueWidth: Int) -> [Row] {
        let problems = self.problems
        let all = items
        var rows: [Row] = []
        for (i, item) in all.enumerated() {
            rows.append(Row(item: item, kind: .main))
            let field = item.field
            guard i + 1 == all.count || all[i + 1].field != field else { continue }
            if spec.kind(of: field) == .longText {
                let lines = Text.wrapParagraphs(longText(field), to: valueWidth)
                for line in lines.dropFirst().prefix(2) { rows.append(Row(item: item, kind: .more(line))) }
                if lines.count > 3 { rows.append(Row(item: item, kind: .more("… \(lines.count - 3) more lines"))) }
            }
            if let problem = problems[field] {
                for line in Text.wrap("⚠ " + problem, to: valueWidth).prefix(3) { rows.append(Row(item: item, kind: .problem(line))) }
            }
        }
        return rows
    }

    /// The text shown for a field that is not being typed in.
    func display(_ field: Field) -> String {
        switch spec.kind(of: field) {
        case .choice, .choices:
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
        var rows: [Row]
        var listTop: Int
        var listHeight: Int
        var top: Int
    }

    func layout(in rect: Rect) -> Layout {
        let labelWidth = ActionForm.labelWidth(for: rect.width)
        let valueX = rect.x + 2 + labelWidth + 1
        let valueWidth = max(1, rect.x + rect.width - 1 - valueX)
        let rows = rows(valueWidth: valueWidth)
        let listHeight = max(0, rect.height - 1 - (banner == nil ? 0 : 1))
        // Keep the focused item (and its notes) in view, a little below the middle when it can be.
        let first = rows.firstIndex { $0.item == focus } ?? 0
        let last = rows.lastIndex { $0.item.field == focus.field } ?? first
        let span = min(listHeight, last - first + 1)
        let top = max(0, min(first - max(0, (listHeight - span) / 3), rows.count - listHeight))
        return Layout(labelWidth: labelWidth, valueX: valueX, valueWidth: valueWidth, rows: rows, listTop: rect.y + 1,
                      listHeight: listHeight, top: top)
    }

    /// The row under a screen position when the form is drawn in `rect`, for the mouse.
    public func item(atX x: Int, y: Int, in rect: Rect) -> Item? {
        guard rect.width >= 24, x >= rect.x, x < rect.x + rect.width - 1 else { return nil }
        let layout = layout(in: rect)
        let index = layout.top + y - layout.listTop
        guard y >= layout.listTop, y < layout.listTop + layout.listHeight, layout.rows.indices.contains(index) else { return nil }
        return layout.rows[index].item
    }

    public func render(into screen: inout Screen, in rect: Rect, theme: Theme) {
        guard rect.width >= 8, rect.height >= 2 else { return }
        let normal = theme.style(for: .normal)
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: normal)
        let state = isChanged ? "changed · Ctrl-S saves" : "no changes"
        let stateWidth = DisplayWidth.of(state) + 1
        let headingRoom = rect.width - (rect.width >= 40 ? stateWidth + 1 : 0)
        screen.put(Text.truncate(" " + heading, to: headingRoom), x: rect.x, y: rect.y, style: theme.style(for: .heading))
        if rect.width >= 40 { screen.put(state, x: rect.x + rect.width - stateWidth, y: rect.y, style: theme.style(for: .dim)) }
        guard rect.width >= 24 else { return }

        let layout = self.layout(in: rect)
        let (labelWidth, valueX, valueWidth) = (layout.labelWidth, layout.valueX, layout.valueWidth)
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
                    screen.put(Text.fit(label, to: labelWidth), x: rect.x + 1, y: y, style: theme.style(for: role))
                }
                drawValue(row.item, focused: focused, x: valueX, y: y, width: valueWidth, theme: theme, into: &screen)
            case let .more(text):
                screen.put(Text.truncate(text, to: valueWidth), x: valueX, y: y, style: theme.style(for: .dim))
            case let .problem(text):
                screen.put(Text.truncate(text, to: valueWidth), x: valueX, y: y, style: theme.style(for: .error))
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

    private func drawValue(_ item: Item, focused: Bool, x: Int, y: Int, width: Int, theme: Theme, into screen: inout Screen) {
        let selected = theme.style(for: focused ? .selected : .normal)
        let dim = theme.style(for: .dim)
        func plain(_ text: String, empty: String = "—") {
            if focused { screen.fill(x: x, y: y, width: width, height: 1, style: selected) }
            screen.put(Text.truncate(text.isEmpty ? empty : text, to: width), x: x, y: y, style: text.isEmpty && !focused ? dim : selected)
        }
        switch item {
        case let .field(field):
            switch spec.kind(of: field) {
            case .text:
                if focused, popup == nil, let editor = editors[field] {
                    InputField.render(editor, x: x, y: y, width: width, theme: theme, into: &screen)
                } else {
                    plain(display(field))
                }
            case .choice, .choices: plain(display(field), empty: "— none")
            case .longText:
                plain(Text.wrapParagraphs(longText(field), to: width).first ?? "", empty: "— Enter to write")
            case .entries: break
            }
        case let .entry(field, i):
            // The parts given, as read: "Population · 186,700 · Census 2001" (a member known only
            // by role reads as the role).
            plain(spec.entries(field, of: draft)[i].filter { !$0.isEmpty }.joined(separator: " · "))
        case let .addEntry(field):
            plain("", empty: "+ add " + (spec.parts(of: field).count > 1 ? "an entry" : "one"))
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

extension EntryEditor {
    func render(into screen: inout Screen, in rect: Rect, theme: Theme) {
        let width = max(min(rect.width, 24), min(rect.width - 2, 64))
        let height = parts.count + 3
        guard width >= 16, rect.height >= height else { return }
        let x = rect.x + (rect.width - width) / 2
        let y = rect.y + max(0, (rect.height - height) / 2)
        let dialog = theme.style(for: .dialog)
        screen.fill(x: x, y: y, width: width, height: height, style: dialog)
        Box.draw(x: x, y: y, width: width, height: height, title: " \(index == nil ? "New: " : "")\(title) ", theme: theme, into: &screen)
        let labelWidth = min(12, (parts.map { DisplayWidth.of($0) }.max() ?? 4) + 1)
        let fieldX = x + 2 + labelWidth
        let fieldWidth = max(1, width - 4 - labelWidth)
        for (i, part) in parts.enumerated() {
            let row = y + 1 + i
            screen.put(Text.fit(part, to: labelWidth), x: x + 2, y: row, style: theme.style(for: i == current ? .heading : .dim))
            if i == current {
                InputField.render(editors[i], x: fieldX, y: row, width: fieldWidth, theme: theme, into: &screen)
            } else {
                screen.put(Text.truncate(editors[i].text, to: fieldWidth), x: fieldX, y: row, style: dialog)
            }
        }
        let note = problem.map { "⚠ " + $0 } ?? "Enter next · Ctrl-S OK · Esc cancel"
        screen.put(Text.truncate(note, to: width - 4), x: x + 2, y: y + 1 + parts.count, style: theme.style(for: problem == nil ? .dim : .error))
    }
}
