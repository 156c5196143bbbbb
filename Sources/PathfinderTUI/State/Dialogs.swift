import PathfinderModel

/// What a dialog's answer is for, one kind per kind of dialog, so each answer arrives typed:
/// a picker's chosen ids, a prompt's text, a confirmation's yes or no. The dialog only collects
/// the answer; `AppState.answer` does the edit, so every edit goes through the same stamping,
/// undo and save.
public enum PickerPurpose: Hashable, Sendable {
    case status(action: String)
    case rag(action: String)
    /// The chosen id is the milestone's index.
    case milestone(action: String)
    /// The chosen id is the area to move to.
    case moveAction(String)
    /// The chosen id is the action to add to the agenda.
    case agendaItem(meeting: String)
    /// A step of starting a meeting: the areas, or who is there.
    case meeting(MeetingWizard)
    /// The meeting whose minutes to show, or write to the path.
    case minutesOf(path: String?)
}

/// What a line of text typed on the message line is for.
public enum PromptPurpose: Hashable, Sendable {
    /// The optional reason for a RAG change, written to the progress log with it.
    case ragReason(action: String, rag: RAG)
    case note(action: String)
    /// An indicator reading: the value, then an optional note.
    case reading(action: String)
    case due(action: String)
    /// The user's name, asked once before the first edit; then `then` runs.
    case userName(then: Command)
    /// A step of starting a meeting: its title, day or who else is there.
    case meeting(MeetingWizard)
    // During a meeting.
    case meetingNote(meeting: String, item: Int)
    case meetingDecision(meeting: String, item: Int)
    case captureTitle(meeting: String)
    case captureLead(meeting: String, title: String)
    case captureDue(meeting: String, title: String, lead: String)
    /// A value typed to resolve a sync conflict.
    case syncValue(id: String)
    /// The file to write a meeting's minutes to, offered when it ends.
    case minutesFile(meeting: String)
}

/// What a yes or no is for.
public enum ConfirmationPurpose: Hashable, Sendable {
    case deleteAction(String)
    /// Quitting while a save is still failing.
    case quitUnsaved
    case endMeeting(meeting: String)
    /// Writing an export over an existing file.
    case replaceExport(ExportRequest)
    /// Writing the good rows of an import shown on screen.
    case importRows(ImportPlan)
}

/// A line of text asked for on the message line: a note, a date, a name. Date prompts show
/// the date they resolve to as the user types ("+2w → 2006-12-29").
public struct Prompt: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case text, optionalText, date }

    public var label: String
    public var editor: LineEditor
    public var kind: Kind
    public var purpose: PromptPurpose
    /// What to type, said on the line above (over the page's last row) so the question on the
    /// prompt's own line stays short enough to read whole at 40 columns.
    public var detail: String?

    public init(label: String, text: String = "", kind: Kind = .text, purpose: PromptPurpose, detail: String? = nil) {
        self.label = label
        editor = LineEditor(text)
        self.kind = kind
        self.purpose = purpose
        self.detail = detail
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
    public var purpose: ConfirmationPurpose
}

/// Draws the dialogs on the message line: a prompt, or a question.
enum DialogView {
    static func renderPrompt(_ prompt: Prompt, state: AppState, y: Int, _ screen: inout Screen) {
        let theme = state.theme
        // The question whole while there is room; it gives way, down to a third of the line,
        // as the answer grows (at least 24 columns are kept for typing).
        let answer = max(24, DisplayWidth.of(prompt.editor.text) + 2)
        let label = Text.truncate(prompt.label, to: max(1, max(state.width / 3, state.width - answer)))
        var x = screen.put(label, x: 0, y: y, style: theme.style(for: .heading))
        x += 1
        var room = state.width - x
        // A question cut to leave room for the answer is also said whole on the line above
        // (at 40x12 "New due date of…" lost which action and its date), unless the prompt
        // has its own detail to say there.
        let questionAbove = prompt.detail == nil && y > 0 && DisplayWidth.of(label) < DisplayWidth.of(prompt.label)
        if let detail = prompt.detail, y > 0 {
            screen.fill(x: 0, y: y - 1, width: state.width, height: 1, style: theme.style(for: .normal))
            screen.put(Text.truncate(detail, to: state.width), x: 0, y: y - 1, style: theme.style(for: .dim))
        } else if questionAbove {
            screen.fill(x: 0, y: y - 1, width: state.width, height: 1, style: theme.style(for: .normal))
            screen.put(Text.truncate(prompt.label, to: state.width), x: 0, y: y - 1, style: theme.style(for: .heading))
        }
        if prompt.kind == .date {
            // The resolved date (or the problem) on the right, so the user sees what they will get.
            let preview: String
            switch prompt.resolvedDate(today: state.datesFrom) {
            case let .success(day): preview = "→ " + day.iso
            case let .failure(problem): preview = prompt.editor.isEmpty ? DateInput.hint : problem.message
            }
            let previewWidth = min(DisplayWidth.of(preview), max(0, room - 12))
            if previewWidth < DisplayWidth.of(preview), questionAbove, prompt.editor.isEmpty {
                // The question has the line above; the hint waits until something is typed.
            } else if previewWidth < DisplayWidth.of(preview) {
                // Too long beside the answer ("not a date: YYYY-MM-DD, tod…"): whole, on the
                // line above, over the page's last row (over the question: the problem matters now).
                let style = theme.style(for: preview.hasPrefix("→") ? .messageInfo : .dim)
                let whole = Text.truncate(preview, to: state.width)
                screen.fill(x: 0, y: y - 1, width: state.width, height: 1, style: theme.style(for: .normal))
                screen.put(whole, x: state.width - DisplayWidth.of(whole), y: y - 1, style: style)
            } else if previewWidth > 0 {
                let style = theme.style(for: preview.hasPrefix("→") ? .messageInfo : .dim)
                screen.put(Text.truncate(preview, to: previewWidth), x: state.width - previewWidth, y: y, style: style)
                room -= previewWidth + 1
            }
        }
        InputField.render(prompt.editor, x: x, y: y, width: max(2, room), theme: theme, into: &screen)
    }

    static func renderConfirmation(_ confirmation: Confirmation, state: AppState, y: Int, _ screen: inout Screen) {
        RootView.putMessage(confirmation.question + " (y/n)", style: state.theme.style(for: .messageError), state, &screen)
    }
}
