import PathfinderModel

/// The small box for adding or changing one entry of a list: one line per part (a key figure's
/// label, value and source; a member's name, role and body).
struct EntryEditor: Hashable, Sendable {
    var title: String
    var parts: [String]
    var editors: [LineEditor]
    /// The entry being changed, or nil for a new one inserted at `insertAt`.
    var index: Int?
    var insertAt: Int
    var current = 0
    var problem: String?

    enum Outcome: Hashable, Sendable {
        case editing
        case done([String])
        case cancelled
    }

    init(title: String, parts: [String], values: [String], index: Int?, insertAt: Int) {
        self.title = title
        self.parts = parts
        editors = parts.indices.map { LineEditor(values.indices.contains($0) ? values[$0] : "") }
        self.index = index
        self.insertAt = insertAt
    }

    var isLast: Bool { current == parts.count - 1 }

    var hints: [KeyHint] {
        [KeyHint(key: "Enter", label: isLast ? "OK" : "next"), KeyHint(key: "Tab", label: "other part"), KeyHint(key: "Ctrl-S", label: "OK"),
         KeyHint(key: "Esc", label: "cancel")]
    }

    mutating func handle(_ event: Event) -> Outcome {
        switch event {
        case let .key(key):
            switch key {
            case .escape: return .cancelled
            case .tab, .down:
                current = (current + 1) % parts.count
                return .editing
            case .backTab, .up:
                current = (current + parts.count - 1) % parts.count
                return .editing
            case .enter where !isLast:
                current += 1
                return .editing
            case .enter, .control("s"):
                return .done(editors.map { $0.text.trimmedSpaces })
            default: break
            }
        case .paste: break
        default: return .editing
        }
        problem = nil
        _ = editors[current].handle(event)
        return .editing
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
