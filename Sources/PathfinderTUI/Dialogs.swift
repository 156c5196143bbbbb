import PathfinderModel

/// What a dialog's answer is for. The dialog only collects the answer; `AppState.answer`
/// does the edit, so every edit goes through the same stamping, undo and save.
public enum DialogPurpose: Hashable, Sendable {
    case status(action: String)
    case rag(action: String)
    /// The optional reason for a RAG change, written to the progress log with it.
    case ragReason(action: String, rag: RAG)
    case note(action: String)
    case due(action: String)
    case milestone(action: String)
    /// The user's name, asked once before the first edit; then `then` runs.
    case userName(then: Command)
    case deleteAction(String)
    case moveAction(String)
    /// Quitting while a save is still failing.
    case quitUnsaved
}

/// Choose one of a short list (status, RAG, milestone to tick, area) with the arrow keys, a
/// letter, or a click; the current value starts selected.
public struct Picker: Hashable, Sendable {
    public struct Option: Hashable, Sendable {
        public var id: String
        public var label: String
        public var detail: String
        public init(id: String, label: String, detail: String = "") {
            self.id = id
            self.label = label
            self.detail = detail
        }
    }

    public var title: String
    public var options: [Option]
    public var selected: Int
    public var purpose: DialogPurpose

    public init(title: String, options: [Option], selected: Int = 0, purpose: DialogPurpose) {
        self.title = title
        self.options = options
        self.selected = max(0, min(selected, options.count - 1))
        self.purpose = purpose
    }

    public enum Outcome: Equatable, Sendable { case choosing, chosen(String), cancelled }

    public mutating func handle(_ key: Key) -> Outcome {
        // A letter that starts an option jumps to it ("d" Done, "g" Green) before it means
        // anything else, so j and k move only when no option starts with them.
        if case let .character(c) = key, c != " ", c != "q" {
            let lower = Character(c.lowercased())
            let order = options.indices.map { (selected + 1 + $0) % options.count }
            if let i = order.first(where: { options[$0].label.lowercased().first == lower }) {
                selected = i
                return .choosing
            }
        }
        switch key {
        case .up, .character("k"): selected = max(0, selected - 1)
        case .down, .character("j"): selected = min(options.count - 1, selected + 1)
        case .home: selected = 0
        case .end: selected = options.count - 1
        case .enter, .character(" "):
            return options.indices.contains(selected) ? .chosen(options[selected].id) : .cancelled
        case .escape, .character("q"): return .cancelled
        default: break
        }
        return .choosing
    }

    public static let hint = "↑↓ choose  Enter set  Esc cancel"
}

/// A line of text asked for on the message line: a note, a date, a name. Date prompts show
/// the date they resolve to as the user types ("+2w → 2006-12-29").
public struct Prompt: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case text, optionalText, date }

    public var label: String
    public var editor: LineEditor
    public var kind: Kind
    public var purpose: DialogPurpose

    public init(label: String, text: String = "", kind: Kind = .text, purpose: DialogPurpose) {
        self.label = label
        editor = LineEditor(text)
        self.kind = kind
        self.purpose = purpose
    }

    /// What a date prompt's text means today, or why it means nothing.
    public func resolvedDate(today: Day) -> Result<Day, DateProblem> {
        let text = editor.text.trimmed
        if text.isEmpty { return .failure(DateProblem(message: "type a date: " + DateInput.hint)) }
        if let day = DateInput.parse(text, today: today) { return .success(day) }
        return .failure(DateProblem(message: "not a date: " + DateInput.hint))
    }

    public struct DateProblem: Error, Hashable, Sendable { public var message: String }
}

/// A yes/no question that guards something hard to take back (deleting an action).
public struct Confirmation: Hashable, Sendable {
    public var question: String
    public var purpose: DialogPurpose
    public init(question: String, purpose: DialogPurpose) {
        self.question = question
        self.purpose = purpose
    }
}

/// Draws the dialogs: a picker as a box over the page, a prompt or question on the message line.
enum DialogView {
    static func renderPicker(_ picker: Picker, state: AppState, _ body: Rect, _ screen: inout Screen) {
        let theme = state.theme
        let labelWidth = picker.options.map { DisplayWidth.of($0.label) }.max() ?? 0
        let detailWidth = picker.options.map { DisplayWidth.of($0.detail) }.max() ?? 0
        let wanted = max(DisplayWidth.of(picker.title) + 6, labelWidth + (detailWidth > 0 ? detailWidth + 3 : 0) + 6)
        let width = min(body.width - 2, max(24, wanted))
        let visible = min(picker.options.count, max(1, body.height - 4))
        let height = visible + 2
        let x = body.x + max(0, (body.width - width) / 2)
        let y = body.y + max(0, (body.height - height) / 2)
        screen.fill(x: x, y: y, width: width, height: height, style: theme.style(for: .dialog))
        Box.draw(x: x, y: y, width: width, height: height, title: " \(picker.title) ", theme: theme, into: &screen)
        let top = max(0, min(picker.selected - visible + 1, picker.options.count - visible))
        for row in 0..<visible {
            let i = top + row
            let option = picker.options[i]
            let style = theme.style(for: i == picker.selected ? .selected : .dialog)
            screen.fill(x: x + 1, y: y + 1 + row, width: width - 2, height: 1, style: style)
            let label = Text.truncate(option.label, to: width - 4)
            screen.put(label, x: x + 2, y: y + 1 + row, style: style)
            let room = width - 4 - labelWidth - 2
            if !option.detail.isEmpty, room >= 4 {
                screen.put(Text.truncate(option.detail, to: room), x: x + 2 + labelWidth + 2, y: y + 1 + row,
                           style: i == picker.selected ? style : theme.style(for: .dim))
            }
        }
    }

    static func renderPrompt(_ prompt: Prompt, state: AppState, y: Int, _ screen: inout Screen) {
        let theme = state.theme
        let label = Text.truncate(prompt.label, to: max(1, state.width / 2))
        var x = screen.put(label, x: 0, y: y, style: theme.style(for: .heading))
        x += 1
        var room = state.width - x
        if prompt.kind == .date {
            // The resolved date (or the problem) on the right, so the user sees what they will get.
            let preview: String
            switch prompt.resolvedDate(today: state.edits.today) {
            case let .success(day): preview = "→ " + day.iso
            case let .failure(problem): preview = prompt.editor.isEmpty ? DateInput.hint : problem.message
            }
            let previewWidth = min(DisplayWidth.of(preview), max(0, room - 12))
            if previewWidth > 0 {
                let style = theme.style(for: preview.hasPrefix("→") ? .messageInfo : .dim)
                screen.put(Text.truncate(preview, to: previewWidth), x: state.width - previewWidth, y: y, style: style)
                room -= previewWidth + 1
            }
        }
        InputField.render(prompt.editor, x: x, y: y, width: max(2, room), theme: theme, into: &screen)
    }

    static func renderConfirmation(_ confirmation: Confirmation, state: AppState, y: Int, _ screen: inout Screen) {
        let text = Text.truncate(confirmation.question + " (y/n)", to: state.width)
        screen.put(text, x: 0, y: y, style: state.theme.style(for: .messageError))
    }
}
