import PathfinderModel

/// A box over the screen listing choices by name (never by id), with a cursor: choose one
/// (status, RAG, theme) or several (success factors, case studies, with Space to tick). Typing
/// narrows the list to the choices whose name or note contains every typed word; Backspace
/// widens it again.
public struct Picker: Hashable, Sendable {
    public struct Choice: Hashable, Sendable {
        public var id: String
        public var label: String
        /// Shown dim after the label: a RAG meaning, a theme's chapter, a case study's place.
        public var detail = ""
        /// Shown before the label so the choice never relies on colour: "◐", "R".
        public var symbol = ""
    }

    public var title: String
    public let choices: [Choice]
    /// Several may be ticked (Space), and Enter returns them all.
    public let allowsSeveral: Bool
    /// Ticked ids (several) or the current one (one).
    public private(set) var chosen: Set<String>
    /// The typed words narrowing the list.
    public private(set) var filter = LineEditor()
    /// Index into `visible`.
    public private(set) var cursor = 0

    public enum Outcome: Hashable, Sendable {
        case editing
        /// Enter: the chosen ids, in the order of the choices (one id when choosing one).
        case chosen([String])
        case cancelled
    }

    /// - Parameter selected: the ids chosen now; the cursor starts on the first of them.
    public init(title: String, choices: [Choice], selected: [String] = [], allowsSeveral: Bool = false, filter: String = "") {
        self.title = title
        self.choices = choices
        self.allowsSeveral = allowsSeveral
        chosen = Set(selected)
        self.filter = LineEditor(filter)
        let rows = visible
        cursor = rows.firstIndex { chosen.contains(choices[$0].id) } ?? 0
    }

    /// Indices into `choices` of those matching the typed words.
    public var visible: [Int] {
        let words = filter.text.split(separator: " ")
        return choices.indices.filter { i in
            let c = choices[i]
            return words.allSatisfy { TextMatch.contains(c.label, $0) || TextMatch.contains(c.detail, $0) }
        }
    }

    /// The choice under the cursor, if any is left after narrowing.
    public var current: Choice? {
        let rows = visible
        return rows.indices.contains(cursor) ? choices[rows[cursor]] : nil
    }

    public var hints: [KeyHint] {
        var hints = [KeyHint(key: "↑↓", label: "move")]
        if allowsSeveral {
            hints += [KeyHint(key: "Space", label: "tick"), KeyHint(key: "Enter", label: "done")]
        } else {
            hints.append(KeyHint(key: "Enter", label: "choose"))
        }
        hints += [KeyHint(key: "Esc", label: "cancel"), KeyHint(key: "type", label: "narrow")]
        return hints
    }

    public mutating func handle(_ event: Event) -> Outcome {
        switch event {
        case let .key(key): return handle(key)
        case let .paste(text):
            _ = filter.handle(.paste(text))
            cursor = bestMatch()
        default: break
        }
        return .editing
    }

    public mutating func handle(_ key: Key) -> Outcome {
        let count = visible.count
        switch key {
        case .escape:
            return .cancelled
        case .enter:
            if allowsSeveral { return .chosen(choices.map(\.id).filter(chosen.contains)) }
            guard let current else { return .editing }
            return .chosen([current.id])
        case .character(" ") where allowsSeveral:
            if let id = current?.id {
                if chosen.contains(id) { chosen.remove(id) } else { chosen.insert(id) }
            }
        case .up, .control("p"): cursor = max(0, cursor - 1)
        case .down, .control("n"): cursor = min(max(0, count - 1), cursor + 1)
        case .pageUp: cursor = max(0, cursor - 10)
        case .pageDown: cursor = min(max(0, count - 1), cursor + 10)
        case .home: cursor = 0
        case .end: cursor = max(0, count - 1)
        default:
            // Everything else edits the narrowing words.
            if filter.handle(key) == .edited { cursor = bestMatch() }
        }
        return .editing
    }

    /// After narrowing, the cursor goes to the first choice whose name starts with what was
    /// typed ("d" → Done, not "Not started"), else to the first left.
    func bestMatch() -> Int {
        let typed = filter.text.lowercased()
        guard !typed.isEmpty else { return 0 }
        return visible.firstIndex { choices[$0].label.lowercased().hasPrefix(typed) } ?? 0
    }

    /// The box's size for an area: as wide as the longest choice needs (within the area), as
    /// tall as the list, leaving a row above and below free where it can.
    func boxSize(in rect: Rect) -> (width: Int, height: Int) {
        let longest = choices.map { DisplayWidth.of($0.symbol) + 1 + DisplayWidth.of($0.label) + 2 + DisplayWidth.of($0.detail) }.max() ?? 10
        let width = max(min(rect.width, 24), min(rect.width - 2, max(longest + 8, DisplayWidth.of(title) + 6, 36)))
        let height = max(min(rect.height, 5), min(rect.height - 2, choices.count + 3))
        return (width, height)
    }

    /// Draws the box centred in `rect`: the title in the top edge, the narrowing words (or how
    /// to narrow), then the choices, the cursor's row highlighted, scrolled to keep it shown.
    public func render(into screen: inout Screen, in rect: Rect, theme: Theme) {
        let (width, height) = boxSize(in: rect)
        guard width >= 10, height >= 4 else { return }
        let x = rect.x + (rect.width - width) / 2
        let y = rect.y + (rect.height - height) / 2
        let dialog = theme.style(for: .dialog)
        screen.fill(x: x, y: y, width: width, height: height, style: dialog)
        Box.draw(x: x, y: y, width: width, height: height, title: " \(title) ", theme: theme, into: &screen)
        let inner = width - 4
        if filter.isEmpty {
            screen.put(Text.truncate(allowsSeveral ? "Space ticks · type to narrow" : "Type to narrow", to: inner),
                       x: x + 2, y: y + 1, style: theme.style(for: .dim))
        } else {
            let label = "Find: "
            screen.put(label, x: x + 2, y: y + 1, style: dialog)
            InputField.render(filter, x: x + 2 + DisplayWidth.of(label), y: y + 1, width: inner - DisplayWidth.of(label),
                              theme: theme, into: &screen)
        }
        let rows = visible
        let listHeight = height - 3
        if rows.isEmpty {
            screen.put(Text.truncate("Nothing matches \(Quote.value(filter.text))", to: inner), x: x + 2, y: y + 2, style: theme.style(for: .dim))
            return
        }
        let top = max(0, min(cursor - listHeight + 1, rows.count - listHeight))
        for (i, index) in rows.enumerated().dropFirst(max(0, top)).prefix(listHeight) {
            let choice = choices[index]
            let rowY = y + 2 + i - max(0, top)
            let selected = i == cursor
            let style = theme.style(for: selected ? .selected : .dialog)
            if selected { screen.fill(x: x + 1, y: rowY, width: width - 2, height: 1, style: style) }
            var cx = x + 2
            if allowsSeveral {
                cx += screen.put(chosen.contains(choice.id) ? "[x] " : "[ ] ", x: cx, y: rowY, style: style)
            } else {
                cx += screen.put(chosen.contains(choice.id) ? "• " : "  ", x: cx, y: rowY, style: style)
            }
            if !choice.symbol.isEmpty { cx += screen.put(choice.symbol + " ", x: cx, y: rowY, style: style) }
            let room = x + width - 2 - cx
            cx += screen.put(Text.truncate(choice.label, to: room), x: cx, y: rowY, style: style)
            if !choice.detail.isEmpty, x + width - 2 - cx > 6 {
                screen.put(Text.truncate("  " + choice.detail, to: x + width - 2 - cx), x: cx, y: rowY,
                           style: selected ? style : theme.style(for: .dim))
            }
        }
        Scrollbar.draw(top: max(0, top), visible: listHeight, total: rows.count, x: x + width - 1, y: y + 2, theme: theme, into: &screen)
    }
}
