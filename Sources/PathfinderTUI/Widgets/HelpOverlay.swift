import PathfinderModel

/// Help (`?`): every key of the current screen and the global ones, generated from the key map.
enum HelpOverlay {
    /// The box's width on this screen.
    static func boxWidth(_ state: AppState) -> Int { min(state.width - 4, 72) }

    /// Key, then what it does, wrapped to the box: on a narrow screen the key column shrinks
    /// and the text runs on to further lines rather than being cut.
    static func lines(_ state: AppState) -> [DocumentLine] {
        let inner = max(10, boxWidth(state) - 4)
        let keyWidth = inner >= 60 ? 18 : min(14, inner / 3)
        var lines: [DocumentLine] = []
        func section(_ title: String, _ context: KeyContext) {
            let bindings = state.keyMap.bindings(for: context)
            guard !bindings.isEmpty else { return }
            if !lines.isEmpty { lines.append(DocumentLine()) }
            lines.append(DocumentLine(title, .heading))
            for binding in bindings {
                let keys = binding.keys.map { KeyName.display($0) }.joined(separator: ", ")
                let text = Text.wrap(binding.command.help, to: max(4, inner - keyWidth - 1))
                for (i, part) in text.enumerated() {
                    let key = i == 0 ? Text.pad(Text.truncate(keys, to: keyWidth), to: keyWidth) : String(repeating: " ", count: keyWidth)
                    lines.append(DocumentLine([.init(text: key + " ", role: .helpKey), .init(text: part, role: .helpText)]))
                }
            }
        }
        section("On this screen", state.context)
        // A form's keys are all its own (`?` and `:` are typed there): nothing else is listed.
        guard state.context.inheritsGlobal else { return lines }
        section("Everywhere", .global)
        // The `:` commands, from the table the command line runs, so none is left out.
        lines.append(DocumentLine())
        lines.append(DocumentLine(commandsHeading, .heading))
        for command in TypedCommand.table {
            let fits = DisplayWidth.of(command.usage) <= keyWidth
            if !fits { lines.append(DocumentLine([.init(text: command.usage, role: .helpKey)])) }
            for (i, part) in Text.wrap(command.help, to: max(4, inner - keyWidth - 1)).enumerated() {
                let key = i == 0 && fits ? Text.pad(command.usage, to: keyWidth) : String(repeating: " ", count: keyWidth)
                lines.append(DocumentLine([.init(text: key + " ", role: .helpKey), .init(text: part, role: .helpText)]))
            }
        }
        return lines
    }

    static let commandsHeading = "Typed after : (Tab completes the name)"

    /// How many lines the box shows at once, so scrolling stops with the last line in view.
    static func visibleLines(_ state: AppState) -> Int { max(1, state.bodyHeight - 4) }

    static func render(_ state: AppState, scroll: Int, _ body: Rect, _ screen: inout Screen) {
        let theme = state.theme
        let width = boxWidth(state)
        let height = body.height - 2
        let x = body.x + (body.width - width) / 2, y = body.y + 1
        guard width > 20, height > 4 else { return }
        screen.fill(x: x, y: y, width: width, height: height, style: theme.style(for: .dialog))
        Box.draw(x: x, y: y, width: width, height: height, title: " Keys — Esc or ? closes ", theme: theme, into: &screen)
        let lines = lines(state)
        for (i, line) in lines.enumerated().dropFirst(scroll).prefix(height - 2) {
            var cx = x + 2
            for span in line.spans {
                cx += screen.put(span.text, x: cx, y: y + 1 + i - scroll, style: theme.style(for: span.role), maxWidth: x + width - 2 - cx)
            }
        }
        Box.drawMore(x: x, y: y, width: width, height: height, top: scroll, total: lines.count, theme: theme, into: &screen)
    }
}

/// A single-line box with a title in its top edge.
enum Box {
    static func draw(x: Int, y: Int, width: Int, height: Int, title: String, theme: Theme, into screen: inout Screen) {
        let style = theme.style(for: .dialogBorder)
        screen.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, style: style)
        for row in 1..<(height - 1) {
            screen.put("│", x: x, y: y + row, style: style)
            screen.put("│", x: x + width - 1, y: y + row, style: style)
        }
        screen.put("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, style: style)
        screen.put(Text.truncate(title, to: width - 4), x: x + 2, y: y, style: style)
    }

    /// When a box's lines do not all fit: a scrollbar in its right edge, and "↓ 12 more" (or
    /// "↑ 3 above" at the end) in its bottom edge, so nobody takes the last line shown for the
    /// last line there is. `top` is the first line shown; the box shows `height - 2`.
    static func drawMore(x: Int, y: Int, width: Int, height: Int, top: Int, total: Int, theme: Theme, into screen: inout Screen) {
        let visible = height - 2
        guard total > visible, visible > 0 else { return }
        Scrollbar.draw(top: top, visible: visible, total: total, x: x + width - 1, y: y + 1, theme: theme, into: &screen)
        let below = max(0, total - top - visible)
        let note = below > 0 ? " ↓ \(below) more " : " ↑ \(top) above "
        let room = width - 4
        guard room >= 8 else { return }
        let text = Text.truncate(note, to: room)
        screen.put(text, x: x + width - 2 - DisplayWidth.of(text), y: y + height - 1, style: theme.style(for: .dialogBorder))
    }
}
