import PathfinderModel

/// Quick updates, forms, long text and dialog answers: where an edit starts (`Commit.swift` makes
/// it, `UndoRedo.swift` takes it back, `RunLoopResults.swift` hears how its save went).
/// Every edit goes through `commit`: it shows at once, joins the undo stack and is saved.
extension AppState {
    // MARK: Starting an edit

    /// The action an edit key applies to: the one open, or the one selected in a list.
    var targetActionID: String? { screen.action(self) }

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
        guard canEdit(.action(action)) else {
            refuseEdit(.action(action))
            return []
        }
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
            open(.action(ActionForm(action: action, partnership: partnership, today: edits.today, heading: "Edit \(id)",
                                    usesExternalEditor: edits.hasExternalEditor)))
        case .duplicateAction:
            // As `pathfinder duplicate` makes it: a new piece of work like the old.
            let copy = action.duplicated(catalogue: catalogue).stamped(by: edits.userName ?? "", on: edits.today)
            edits.pending["new \(action.area)"] = .create(copy)
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

    /// A form for a new action in the area on screen: not started, green, the area's most
    /// used theme; the store gives it its id when saved.
    mutating func openNewActionForm() -> [Effect] {
        guard let area = currentArea.flatMap(partnership.area) else {
            message = Message("Choose an area first: a new action goes in its plan", isError: true)
            return []
        }
        let themes = Dictionary(grouping: partnership.actions(inArea: area.id), by: \.theme).mapValues(\.count)
        let theme = themes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? partnership.catalogue.themes.first?.id ?? ""
        let draft = Action(id: "", area: area.id, title: "", theme: theme, status: partnership.catalogue.firstOpenStatus ?? "not-started",
                           rag: .green)
        open(.action(ActionForm(action: draft, partnership: partnership, today: edits.today, heading: "New action in \(area.name)",
                                usesExternalEditor: edits.hasExternalEditor)))
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

    /// Whether a record's file may be written; says why not on the message line.
    func canEdit(_ record: Record) -> Bool {
        edits.notEditable.contains(record.key) == false
    }

    mutating func refuseEdit(_ record: Record) {
        message = Message(writeRefusal(record) ?? "\(record.name)'s file has problems and is not changed here", isError: true)
    }

    /// E on an area or a case study: its long text in the editor.
    mutating func editPageText() -> [Effect] {
        switch page.document {
        case let .area(id)?:
            guard let area = partnership.area(id) else { return [] }
            guard canEdit(.area(area)) else { refuseEdit(.area(area)); return [] }
            return startText(TextRequest(purpose: .narrative(area: area.id), text: area.narrative, fileName: "\(area.id)-narrative.md"))
        case let .caseStudy(id)?:
            guard let study = partnership.caseStudy(id) else { return [] }
            guard canEdit(.caseStudy(study)) else { refuseEdit(.caseStudy(study)); return [] }
            return startText(TextRequest(purpose: .caseStudyText(study.id), text: study.text, fileName: "\(study.id).md"))
        default:
            message = Message("Nothing here has text to edit", isError: true)
            return []
        }
    }

    /// Long text goes to the user's editor when one is set, else to the inline one.
    mutating func startText(_ request: TextRequest) -> [Effect] {
        if edits.hasExternalEditor { return [.editText(request)] }
        overlay = .textArea(TextArea(request.text, width: max(10, width - 4), height: max(3, bodyHeight - 2)), request)
        return []
    }

    // MARK: Answers from dialogs

    mutating func answer(_ purpose: DialogPurpose, _ value: String) -> [Effect] {
        let catalogue = partnership.catalogue
        let text = value.trimmed
        switch purpose {
        case let .status(id):
            guard let old = partnership.action(id)?.status else { return [] }
            let label = { (s: String) in catalogue.status(s)?.label ?? s }
            return edit(id, summary: "\(id) status: \(label(old)) → \(label(value))") { $0.status = value }
        case let .rag(id):
            guard let rag = RAG(rawValue: value), let old = partnership.action(id)?.rag else { return [] }
            if rag == old {
                message = Message("\(id) is already \(rag.label)")
                return []
            }
            overlay = .prompt(Prompt(label: "Why \(rag.label)? (optional, for the progress log):", kind: .optionalText,
                                     purpose: .ragReason(action: id, rag: rag)))
            return []
        case let .ragReason(id, rag):
            guard let old = partnership.action(id)?.rag else { return [] }
            let note = "RAG \(old.label) → \(rag.label)" + (text.isEmpty ? "" : ": " + text)
            let entry = text.isEmpty ? nil : ProgressEntry(date: edits.today, author: edits.userName ?? "", text: note)
            return edit(id, summary: "\(id) " + note) { action in
                action.rag = rag
                if let entry { action.addProgress(entry) }
            }
        case let .note(id):
            guard !text.isEmpty else {
                message = Message("An empty note is not added")
                return []
            }
            let entry = ProgressEntry(date: edits.today, author: edits.userName ?? "", text: text)
            return edit(id, summary: "\(id): progress note added") { $0.addProgress(entry) }
        case let .due(id):
            guard let day = DateInput.parse(text, today: edits.today) else {
                message = Message("Not a date: \(DateInput.hint)", isError: true)
                return []
            }
            let old = partnership.action(id)?.due?.iso ?? "none"
            return edit(id, summary: "\(id) due: \(old) → \(day.iso)") { $0.due = day }
        case let .milestone(id):
            guard let i = Int(value), let milestone = partnership.action(id)?.milestones[safe: i] else { return [] }
            let verb = milestone.done ? "not done" : "done"
            return edit(id, summary: "\(id) milestone \(Quote.value(milestone.title, shown: Quote.titleShown)): \(verb)") { $0.milestones[i].done.toggle() }
        case let .userName(then):
            guard !text.isEmpty else {
                message = Message("A name is needed to sign changes", isError: true)
                return []
            }
            if let problem = TextRule.author.problem(text) {
                message = Message("Your name: \(problem)", isError: true)
                return []
            }
            edits.userName = text
            return [.rememberName(text)] + perform(then)
        case .quitUnsaved:
            return [.quit]
        case .meetingAreas:
            askMeetingTitle(areas: [value])
            return []
        case let .meetingTitle(areas):
            guard !text.isEmpty else {
                message = Message("A meeting needs a title", isError: true)
                return []
            }
            overlay = .prompt(Prompt(label: "Meeting date:", text: "today", kind: .date, purpose: .meetingDate(areas: areas, title: text)))
            return []
        case let .meetingDate(areas, title):
            guard let date = DateInput.parse(text, today: edits.today) else { return [] }
            askAttendees(areas: areas, title: title, date: date)
            return []
        case .meetingAttendees:
            return []
        case let .meetingOthers(areas, title, date, chosen):
            let others = text.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
            return [.createMeeting(meetingDraft(areas: areas, title: title, date: date, attendees: chosen + others))]
        case .agendaItem:
            let id = value
            return changeMeeting { $0.items.append(MeetingItem(action: id)) }
        case let .meetingNote(_, item), let .meetingDecision(_, item):
            guard !text.isEmpty else { return [] }
            let decision: Bool = if case .meetingDecision = purpose { true } else { false }
            message = Message(decision ? "Decision recorded" : "Discussion recorded")
            return changeMeeting { m in
                guard m.items.indices.contains(item) else { return }
                if decision { m.items[item].decisions.append(text) } else { m.items[item].notes.append(text) }
            }
        case let .captureTitle(meeting):
            guard !text.isEmpty else { return [] }
            overlay = .prompt(Prompt(label: "Who leads \(Quote.value(text, shown: Quote.titleShown))?", purpose: .captureLead(meeting: meeting, title: text)))
            return []
        case let .captureLead(meeting, title):
            guard !text.isEmpty else {
                message = Message("An action needs a lead", isError: true)
                return []
            }
            overlay = .prompt(Prompt(label: "Due by:", kind: .date, purpose: .captureDue(meeting: meeting, title: title, lead: text)))
            return []
        case let .captureDue(meetingID, title, lead):
            guard let meeting = partnership.meetings.first(where: { $0.id == meetingID }),
                  let due = DateInput.parse(text, today: edits.today) else { return [] }
            let current = openMeeting.flatMap { partnership.action($0.meeting.items[safe: $0.page.item]?.action ?? "") }
            let theme = current?.theme ?? partnership.actions(inArea: meeting.area).first?.theme ?? partnership.catalogue.themes.first?.id ?? ""
            // No start date: a captured action starts when its lead starts it.
            let draft = Action(id: "", area: meeting.area, title: title, theme: theme, lead: lead, status: partnership.catalogue.firstOpenStatus ?? "not-started", rag: .green,
                               due: due, updated: edits.today, updatedBy: edits.userName ?? "",
                               source: "\(meeting.title), \(meeting.date.iso)")
            if let problem = ActionEdit.problems(draft, catalogue: partnership.catalogue).first(where: { $0.field != .title || !title.isEmpty }) {
                message = Message("Not created: \(problem.message)", isError: true)
                return []
            }
            edits.pending["new \(meeting.area)"] = .create(draft)
            return [.create(draft)]
        case let .endMeeting(meetingID):
            guard partnership.meetings.contains(where: { $0.id == meetingID }) else { return [] }
            let effects = changeMeeting { $0.ended = true }
            goBack()
            message = Message("Meeting ended and saved: `pathfinder minutes \(meetingID)` prints its minutes")
            return effects
        case let .replaceExport(request):
            var replacing = request
            replacing.replace = true
            return export(replacing)
        case let .syncValue(id):
            return [.resolveSyncConflict(id: id, choice: .value(value))]
        case let .deleteAction(id):
            guard let action = partnership.action(id) else { return [] }
            if page.document == .action(id) { goBack() }
            return commit(Change(before: .action(action), after: nil, summary: "\(id) deleted (to the trash)"))
        case let .moveAction(id):
            guard let found = partnership.action(id), !refuse(moveRefusal(found)) else { return [] }
            // Stamped here, so the store signs the move with who and when.
            let action = found.stamped(by: edits.userName ?? "", on: edits.today)
            edits.pending[Record.action(found).key] = .move(action, toArea: value)
            message = Message("Moving \(id)…")
            return [.move(action, toArea: value)]
        }
    }
}

extension Effect {
    /// Whether this effect writes exactly `record`.
    func writes(_ record: Record) -> Bool {
        switch self {
        case let .save(r): r == record
        case let .restore(a): Record.action(a) == record
        default: false
        }
    }
}


extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
