import PathfinderModel

/// The small box for adding or changing one milestone: its title and due date (anything
/// `DateInput` accepts, resolved as you type). Whether it is done is ticked in the list (Space).
struct MilestoneEditor: Hashable, Sendable {
    /// The milestone being changed, or nil for a new one inserted at `insertAt`.
    var index: Int?
    var insertAt: Int
    var title: LineEditor
    var due: LineEditor
    var done: Bool
    var onDue = false
    var problem: String?
    let today: Day

    enum Outcome: Hashable, Sendable {
        case editing
        case done(Milestone)
        case cancelled
    }

    init(milestone: Milestone?, index: Int?, insertAt: Int, today: Day) {
        self.index = index
        self.insertAt = insertAt
        title = LineEditor(milestone?.title ?? "")
        due = LineEditor(milestone?.due?.iso ?? "")
        done = milestone?.done ?? false
        self.today = today
    }

    var hints: [KeyHint] {
        [KeyHint(key: "Enter", label: onDue ? "OK" : "next"), KeyHint(key: "Tab", label: "other field"),
         KeyHint(key: "Esc", label: "cancel")]
    }

    /// The due date's note: where a shortcut lands, or why it is not a date.
    var dueNote: (text: String, isError: Bool)? {
        let typed = due.text.trimmedSpaces
        guard !typed.isEmpty else { return nil }
        if let day = DateInput.parse(typed, today: today) { return (DateNote.resolved(typed, day), false) }
        return (DateNote.problem(typed), true)
    }

    mutating func handle(_ event: Event) -> Outcome {
        switch event {
        case let .key(key):
            switch key {
            case .escape: return .cancelled
            case .tab, .backTab, .up, .down:
                onDue.toggle()
                return .editing
            case .enter where !onDue:
                onDue = true
                return .editing
            case .enter, .control("s"):
                return finish()
            default: break
            }
        case .paste: break
        default: return .editing
        }
        problem = nil
        if onDue { _ = due.handle(event) } else { _ = title.handle(event) }
        return .editing
    }

    private mutating func finish() -> Outcome {
        let name = title.text.trimmedSpaces
        guard !name.isEmpty else {
            problem = "A milestone needs a title"
            onDue = false
            return .editing
        }
        let typed = due.text.trimmedSpaces
        var day: Day?
        if !typed.isEmpty {
            guard let parsed = DateInput.parse(typed, today: today) else {
                problem = DateNote.problem(typed)
                onDue = true
                return .editing
            }
            day = parsed
        }
        return .done(Milestone(title: name, due: day, done: done))
    }

    func render(into screen: inout Screen, in rect: Rect, theme: Theme) {
        let width = max(min(rect.width, 24), min(rect.width - 2, 64))
        let height = 6
        guard width >= 16, rect.height >= height else { return }
        let x = rect.x + (rect.width - width) / 2
        let y = rect.y + max(0, (rect.height - height) / 2)
        let dialog = theme.style(for: .dialog)
        screen.fill(x: x, y: y, width: width, height: height, style: dialog)
        Box.draw(x: x, y: y, width: width, height: height, title: index == nil ? " New milestone " : " Milestone ",
                 theme: theme, into: &screen)
        let labelWidth = 6
        let fieldX = x + 2 + labelWidth
        let fieldWidth = width - 4 - labelWidth
        screen.put("Title", x: x + 2, y: y + 1, style: theme.style(for: onDue ? .dim : .heading))
        screen.put("Due", x: x + 2, y: y + 2, style: theme.style(for: onDue ? .heading : .dim))
        for (editor, row, focused) in [(title, y + 1, !onDue), (due, y + 2, onDue)] {
            if focused {
                InputField.render(editor, x: fieldX, y: row, width: fieldWidth, theme: theme, into: &screen)
            } else {
                screen.put(Text.truncate(editor.text, to: fieldWidth), x: fieldX, y: row, style: dialog)
            }
        }
        if let note = problem.map({ (text: "⚠ " + $0, isError: true) }) ?? dueNote {
            screen.put(Text.truncate(note.text, to: fieldWidth), x: fieldX, y: y + 3, style: theme.style(for: note.isError ? .error : .dim))
        } else {
            screen.put(Text.truncate("Enter OK · Tab other field · Esc cancel", to: width - 4), x: x + 2, y: y + 4 - 1,
                       style: theme.style(for: .dim))
        }
    }
}

/// How a typed date is explained beside its field, the same in the form and the milestone box.
enum DateNote {
    /// "+2w → Fri 2006-12-29"; just the weekday when an ISO date was typed.
    static func resolved(_ typed: String, _ day: Day) -> String {
        let weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][day.weekday]
        return typed == day.iso ? weekday : "→ \(weekday) \(day.iso)"
    }

    /// Worded as `ActionEdit` words it, so the note while typing and the problem after agree.
    static func problem(_ typed: String) -> String {
        "\(Quote.value(typed)) is not a date (\(DateInput.hint))"
    }
}
