import PathfinderModel

/// Edit keys on an action (status, RAG, note, due, milestone, reviewed, duplicate, move,
/// delete): each checks the edit may be made, then makes it or asks for what it needs in a
/// dialog, whose answer `DialogAnswers.swift` takes. Every edit goes through `commit`
/// (`Commit.swift`): it shows at once, joins the undo stack and is saved.
extension AppState {
    mutating func performEdit(_ command: Command) -> [Effect] {
        if command == .undo { return undoLast() }
        if command == .redo { return redoLast() }
        guard mayEdit(then: command) else { return [] }
        if command == .editText, targetActionID == nil { return editPageText() }
        if command == .newAction { return openNewActionForm() }
        if let effects = performProfileEdit(command) { return effects }
        guard let id = targetActionID, let action = partnership.action(id) else {
            message = Message("Select an action first", isError: true)
            return []
        }
        guard mayEdit(.action(action)) else { return [] }
        // In a meeting, the meeting records the change and is saved with it: it must be writable too.
        if let (_, meeting) = openMeeting, meeting.items.contains(where: { $0.action == id }), refuse(writeRefusal(.meeting(meeting))) {
            return []
        }
        let catalogue = partnership.catalogue
        switch command {
        case .changeStatus:
            let choices = catalogue.statuses.map { Picker.Choice(id: $0.id, label: $0.label, detail: $0.closed ? "closed" : "", symbol: $0.symbol) }
            overlay = .picker(Picker(title: "Status of \(id)", choices: choices, selected: [action.status]), .status(action: id))
        case .changeRAG:
            let choices = RAG.allCases.map { Picker.Choice(id: $0.rawValue, label: $0.label, detail: catalogue.ragMeanings[$0] ?? "", symbol: $0.letter) }
            overlay = .picker(Picker(title: "RAG of \(id)", choices: choices, selected: [action.rag.rawValue]), .rag(action: id))
        case .addNote:
            overlay = .prompt(Prompt(label: "Progress note on \(id):", purpose: .note(action: id)))
        case .addReading:
            guard let indicator = action.indicator else {
                message = Message("\(id) has no indicator to read: give it one with e (edit)", isError: true)
                return []
            }
            let unit = indicator.unit.isEmpty ? "" : " (\(indicator.unit))"
            overlay = .prompt(Prompt(label: "Reading today:", purpose: .reading(action: id),
                                     detail: "Value\(unit), then any note · \(indicator.name)"))
        case .writeNote:
            return startText(TextRequest(purpose: .note(action: id), text: "", fileName: "\(id)-progress-note.md"))
        case .editText:
            return startText(TextRequest(purpose: .description(action: id), text: action.description, fileName: "\(id)-description.md"))
        case .changeDue:
            // Empty rather than prefilled: a relative date (+2w) is typed more often than a correction.
            let now = action.due.map { " (now \($0.iso))" } ?? ""
            overlay = .prompt(Prompt(label: "New due date of \(id)\(now):", kind: .date, purpose: .due(action: id)))
        case .tickMilestone:
            guard !action.milestones.isEmpty else {
                message = Message("\(id) has no milestones yet", isError: true)
                return []
            }
            let choices = action.milestones.enumerated().map { i, m in
                Picker.Choice(id: String(i), label: m.title, detail: m.due?.iso ?? "", symbol: m.done ? "[x]" : "[ ]")
            }
            let firstOpen = action.milestones.firstIndex { !$0.done } ?? 0
            overlay = .picker(Picker(title: "Tick a milestone of \(id)", choices: choices, selected: [String(firstOpen)]), .milestone(action: id))
        case .markReviewed:
            let today = edits.today
            return edit(id, summary: "\(id) marked reviewed on \(today.iso)") { $0.reviewed = today }
        case .editAction:
            open(.action(ActionForm(action: action, partnership: partnership, today: datesFrom, heading: "Edit \(id)",
                                    usesExternalEditor: edits.hasExternalEditor)))
        case .duplicateAction:
            // As `pathfinder duplicate` makes it: a new piece of work like the old.
            let copy = action.duplicated(catalogue: catalogue).stamped(by: edits.userName ?? "", on: edits.today)
            edits.pending[.newAction(area: action.area)] = .create(copy)
            message = Message("Copying \(id)…")
            return [.create(copy)]
        case .moveAction:
            let choices = partnership.areas.filter { $0.id != action.area }.map { Picker.Choice(id: $0.id, label: $0.name, detail: $0.code) }
            guard !choices.isEmpty else {
                message = Message("There is no other area to move \(id) to", isError: true)
                return []
            }
            if refuse(moveRefusal(action)) { return [] }
            overlay = .picker(Picker(title: "Move \(id) to which area?", choices: choices), .moveAction(id))
        case .deleteAction:
            // Refused before the question, not after the answer.
            if refuse(storeRefusal(Change(before: .action(action), after: nil, summary: ""))) { return [] }
            overlay = .confirm(Confirmation(question: "Delete \(id) \(Quote.value(action.title, shown: Quote.titleShown))? It goes to the store's trash", purpose: .deleteAction(id)))
        default:
            break
        }
        return []
    }

    /// Whether this session may change anything now: not when the store is open read-only
    /// (said on the message line), and not before the user has given their name (asked for,
    /// then `command` runs again).
    mutating func mayEdit(then command: Command) -> Bool {
        if let reason = edits.readOnlyReason {
            message = Message("Read-only: \(reason)", isError: true)
            return false
        }
        if edits.userName == nil {
            overlay = .prompt(Prompt(label: "Your name, for progress notes and “updated by”:", text: edits.suggestedName,
                                     purpose: .userName(then: command)))
            return false
        }
        return true
    }

    /// Whether a record's file may be written.
    func canEdit(_ record: Record) -> Bool {
        edits.notEditable.contains(record.key) == false
    }

    /// Whether a record's file may be written; when not, says why on the message line, as
    /// every edit that is refused does.
    mutating func mayEdit(_ record: Record) -> Bool {
        if canEdit(record) { return true }
        message = Message(writeRefusal(record) ?? "\(record.name)'s file has problems and is not changed here", isError: true)
        return false
    }
}
