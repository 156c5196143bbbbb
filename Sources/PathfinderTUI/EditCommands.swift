import PathfinderModel

/// Quick updates, long text, undo and redo, and what the run loop reports back about saves.
/// Every edit goes through `commit`: it shows at once, joins the undo stack and is saved.
extension AppState {
    // MARK: Starting an edit

    /// The action an edit key applies to: the one open, or the one selected in a list.
    var targetActionID: String? {
        switch page {
        case let .action(p): p.action
        case let .actionPlan(p): ActionPlanScreen.selectedAction(p, self)?.id
        case let .actionList(p): p.actions.indices.contains(p.cursor.selected) ? p.actions[p.cursor.selected] : nil
        case let .meeting(p): partnership.meetings.first { $0.id == p.meeting }?.items[safe: p.item]?.action
        default: nil
        }
    }

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
            var form = ActionForm(action: action, partnership: partnership, today: edits.today, heading: "Edit \(id)",
                                  usesExternalEditor: edits.hasExternalEditor)
            form.resize(width: width, height: bodyHeight)
            push(.actionForm(form))
        case .duplicateAction:
            var copy = action
            copy.id = ""
            // As `pathfinder duplicate` makes it: a new piece of work like the old.
            copy.title = action.title + " (copy)"
            copy.status = catalogue.statuses.first { !$0.closed }?.id ?? action.status
            copy.rag = .green
            copy.progress = []
            copy.reviewed = nil
            copy.milestones = action.milestones.map { Milestone(title: $0.title, due: $0.due, done: false) }
            copy = copy.stamped(by: edits.userName ?? "", on: edits.today)
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
            overlay = .confirm(Confirmation(question: "Delete \(id) “\(action.title)”? It goes to the store's trash", purpose: .deleteAction(id)))
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
        let draft = Action(id: "", area: area.id, title: "", theme: theme, status: partnership.catalogue.statuses.first { !$0.closed }?.id ?? "not-started",
                           rag: .green)
        var form = ActionForm(action: draft, partnership: partnership, today: edits.today, heading: "New action in \(area.name)",
                              usesExternalEditor: edits.hasExternalEditor)
        form.resize(width: width, height: bodyHeight)
        push(.actionForm(form))
        return []
    }

    /// Keys, paste and clicks go to the form on screen; what it says decides what happens.
    mutating func handleForm(_ form: inout ActionForm, _ event: Event) -> [Effect] {
        let outcome: FormOutcome
        if case let .mouse(.click(x, y)) = event {
            outcome = form.click(x: x, y: y, in: Rect(x: 0, y: 1, width: width, height: bodyHeight))
        } else {
            outcome = form.handle(event)
        }
        switch outcome {
        case .editing:
            page = .actionForm(form)
            return []
        case .cancelled:
            goBack()
            message = Message("Closed without saving; nothing changed")
            return []
        case let .openEditor(field):
            page = .actionForm(form)
            return [.editText(TextRequest(purpose: .formField(field.rawValue), text: form.longText(field),
                                          fileName: "\(form.original.id.isEmpty ? "new-action" : form.original.id)-\(field.rawValue).md"))]
        case let .submitted(action):
            goBack()
            let stamped = action.stamped(by: edits.userName ?? "", on: edits.today)
            if form.original.id.isEmpty {
                edits.pending["new \(action.area)"] = .create(stamped)
                message = Message("Creating “\(action.title)”…")
                return [.create(stamped)]
            }
            let changed = ActionEdit.changes(from: form.original, to: action, catalogue: partnership.catalogue).map(\.field.label)
            guard !changed.isEmpty else {
                message = Message("\(action.id): nothing changed")
                return []
            }
            return edit(action.id, from: form.original, summary: "\(action.id) edited: " + changed.joined(separator: ", ")) { $0 = action }
        }
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
        switch page {
        case let .area(p):
            guard let area = partnership.area(p.area) else { return [] }
            guard canEdit(.area(area)) else { refuseEdit(.area(area)); return [] }
            return startText(TextRequest(purpose: .narrative(area: area.id), text: area.narrative, fileName: "\(area.id)-narrative.md"))
        case let .caseStudy(p):
            guard let study = partnership.caseStudy(p.caseStudy) else { return [] }
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
            return edit(id, summary: "\(id) milestone “\(milestone.title)”: \(verb)") { $0.milestones[i].done.toggle() }
        case let .userName(then):
            guard !text.isEmpty else {
                message = Message("A name is needed to sign changes", isError: true)
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
            overlay = .prompt(Prompt(label: "Who leads “\(text)”?", purpose: .captureLead(meeting: meeting, title: text)))
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
            let draft = Action(id: "", area: meeting.area, title: title, theme: theme, lead: lead, status: "not-started", rag: .green,
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
            if case let .action(p) = page, p.action == id { goBack() }
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

    // MARK: Making a change

    /// Changes one action: checks the result as the form and the command line would, stamps it
    /// with today and the user's name, shows it, keeps it for undo, and saves it.
    /// `base` is the version the change was made on when that was earlier than now (a form
    /// opened a while ago); `commit` merges it with what is on screen now.
    mutating func edit(_ id: String, from base: Action? = nil, summary: String, _ change: (inout Action) -> Void) -> [Effect] {
        guard let now = partnership.action(id) else { return [] }
        let before = base ?? now
        guard canEdit(.action(before)) else {
            refuseEdit(.action(before))
            return []
        }
        var after = before
        change(&after)
        guard after != before else {
            message = Message("\(id): nothing to change")
            return []
        }
        if let problem = ActionEdit.problems(after, catalogue: partnership.catalogue).first {
            message = Message("\(id) not changed: \(problem.message)", isError: true)
            return []
        }
        after.updated = edits.today
        after.updatedBy = edits.userName ?? ""
        return commit(Change(before: .action(before), after: .action(after), summary: summary))
    }

    /// Changes an area or a case study (their long text).
    mutating func edit(_ record: Record, from before: Record, summary: String) -> [Effect] {
        guard record != before else {
            message = Message("\(record.name): nothing to change")
            return []
        }
        return commit(Change(before: before, after: record, summary: summary))
    }

    mutating func commit(_ change: Change) -> [Effect] {
        guard var change = rebased(change) else { return [] }
        // In a meeting, the meeting records what changed, and is saved with it.
        if let recorded = recordInMeeting(change) { change.alongside.append(recorded) }
        if refuse(storeRefusal(change)) { return [] }
        edits.undo.append(change)
        edits.redo.removeAll()
        message = Message(change.summary)
        return show(from: change.before, to: change.after) + change.alongside.flatMap { show(from: $0.before, to: $0.after) }
    }

    /// A change made on a version that is no longer the one on screen (a form left open while
    /// a colleague's edit, a sync or a `git pull` was read in) is merged with what is there now
    /// against the version it started from: their fields stay, ours are applied, and a field
    /// both changed opens the conflict view instead (nil: nothing to commit yet).
    mutating func rebased(_ change: Change) -> Change? {
        guard let before = change.before, let after = change.after, before.key == after.key,
              let now = current(after), now != before else { return change }
        let (merged, conflicts) = Record.merge(base: before, mine: after, theirs: now)
        guard conflicts.isEmpty else {
            openConflict(mine: after, theirs: now, base: before)
            return nil
        }
        var change = change
        change.before = now
        change.after = merged
        change.summary += " (merged with a change made meanwhile)"
        return change
    }

    /// Puts a record on screen as `new` (nil: gone) and returns the effect that makes the disk
    /// agree: a save, a delete to the trash, or a restore from it.
    mutating func show(from old: Record?, to new: Record?) -> [Effect] {
        searchIndex = nil
        switch (old, new) {
        case let (_, new?):
            // The first unconfirmed save of a record grows from what the store holds now.
            if edits.pending[new.key] == nil, let shown = current(new) { edits.base[new.key] = shown }
            place(new)
            let effect: Effect
            if old == nil, case let .action(a) = new { effect = .restore(a) } else { effect = .save(new) }
            edits.pending[new.key] = effect
            return [effect]
        case let (old?, nil):
            switch old {
            case let .action(a):
                partnership.actions.removeAll { $0.id == a.id }
                keepSelectionVisible()
                edits.pending[old.key] = .delete(a)
                return [.delete(a)]
            case let .area(a):
                partnership.areas.removeAll { $0.id == a.id }
            case let .caseStudy(c):
                partnership.caseStudies.removeAll { $0.id == c.id }
            case .meeting:
                return []
            }
            if case .area = page { goBack() }
            if case .caseStudy = page { goBack() }
            keepSelectionVisible()
            return [.trash(old)]
        case (nil, nil):
            return []
        }
    }

    /// Replaces (or adds) a record in the partnership.
    mutating func place(_ record: Record) {
        switch record {
        case let .action(a):
            if let i = partnership.actions.firstIndex(where: { $0.id == a.id }) {
                partnership.actions[i] = a
            } else {
                partnership.actions.append(a)
            }
        case let .area(a):
            if let i = partnership.areas.firstIndex(where: { $0.id == a.id }) {
                partnership.areas[i] = a
            } else {
                // In the order the store loads them: by name.
                partnership.areas.append(a)
                partnership.areas.sort { ($0.name, $0.id) < ($1.name, $1.id) }
            }
        case let .caseStudy(c):
            if let i = partnership.caseStudies.firstIndex(where: { $0.id == c.id }) {
                partnership.caseStudies[i] = c
            } else {
                partnership.caseStudies.append(c)
                partnership.caseStudies.sort { ($0.title, $0.id) < ($1.title, $1.id) }
            }
        case let .meeting(m):
            if let i = partnership.meetings.firstIndex(where: { $0.id == m.id }) {
                partnership.meetings[i] = m
            } else {
                partnership.meetings.append(m)
            }
        }
        keepSelectionVisible()
    }

    /// The record as it is on screen now.
    func current(_ record: Record) -> Record? {
        switch record {
        case let .action(a): partnership.action(a.id).map(Record.action)
        case let .area(a): partnership.area(a.id).map(Record.area)
        case let .caseStudy(c): partnership.caseStudy(c.id).map(Record.caseStudy)
        case let .meeting(m): partnership.meetings.first { $0.id == m.id }.map(Record.meeting)
        }
    }

    // MARK: Undo and redo

    mutating func undoLast() -> [Effect] {
        guard let change = edits.undo.popLast() else {
            message = Message("Nothing to undo")
            return []
        }
        if let refusal = undoRefusal(change) ?? storeRefusal(change, undoing: true) {
            // The change leaves the stack, so earlier ones undo next (docs/DECISIONS.md).
            message = Message(refusal, isError: true)
            return []
        }
        edits.redo.append(change)
        message = Message("Undone: " + change.summary)
        let effects = show(from: change.after, to: rebased(change.before, from: change.after, doing: "Undone"))
            + change.alongside.reversed().flatMap { show(from: current($0.after ?? $0.before!) ?? $0.after, to: $0.before) }
        followOpenAction(to: change.before)
        return effects
    }

    /// The open action went away with an undo or redo (a move taken back): show the one that
    /// took its place, or go back.
    mutating func followOpenAction(to record: Record?) {
        guard case let .action(p) = page, partnership.action(p.action) == nil else { return }
        if case let .action(a)? = record, partnership.action(a.id) != nil {
            page = .action(ActionPage(action: a.id))
        } else {
            goBack()
        }
    }

    mutating func redoLast() -> [Effect] {
        guard let change = edits.redo.popLast() else {
            message = Message("Nothing to redo")
            return []
        }
        if let refusal = storeRefusal(change) {
            message = Message("Not redone: " + refusal, isError: true)
            return []
        }
        edits.undo.append(change)
        message = Message("Redone: " + change.summary)
        let effects = show(from: change.before, to: rebased(change.after, from: change.before, doing: "Redone"))
            + change.alongside.flatMap { show(from: $0.before, to: $0.after) }
        followOpenAction(to: change.after ?? change.alongside.first?.after)
        return effects
    }

    /// Going back to `target` from `from`: when the record changed on disk since (a colleague's
    /// edit, reloaded), only the fields this change touched go back, so their edit stays; where
    /// they changed one of those fields too, theirs stays (undo never overwrites a colleague).
    mutating func rebased(_ target: Record?, from: Record?, doing verb: String) -> Record? {
        guard let target, let from, let now = current(target), now != from else { return target }
        let (merged, conflicts) = Record.merge(base: from, mine: target, theirs: now)
        if !conflicts.isEmpty {
            let fields = conflicts.map(\.label).joined(separator: ", ")
            message = Message("\(verb), except \(fields): changed on disk since, so it stays as it is there", isError: true)
        }
        return merged
    }

    // MARK: What the run loop reports

    mutating func handleResult(_ event: Event) -> [Effect] {
        switch event {
        case let .saved(record, time):
            if edits.pending[record.key].map({ $0.writes(record) }) == true { edits.pending.removeValue(forKey: record.key) }
            edits.failures.removeValue(forKey: record.key)
            edits.onDisk[record.key] = record
            if edits.pending[record.key] == nil { edits.base.removeValue(forKey: record.key) }
            edits.lastSaved = time
        case let .saveFailed(record, reason):
            edits.failures[record.key] = reason
            message = Message("Not saved yet: \(record.name): \(reason). Kept; trying again", isError: true)
        case let .conflict(mine, theirs):
            edits.pending.removeValue(forKey: mine.key)
            edits.failures.removeValue(forKey: mine.key)
            return mergeChangedOnDisk(mine: mine, theirs: theirs, base: edits.base.removeValue(forKey: mine.key))
        case let .created(action):
            edits.pending.removeValue(forKey: "new \(action.area)")
            place(.action(action))
            var change = Change(before: nil, after: .action(action), summary: "\(action.id) created")
            var effects: [Effect] = []
            if let (_, meeting) = openMeeting {
                // Captured in a meeting: the meeting lists it for the minutes.
                var after = meeting
                after.actionsCreated.append(action.id)
                change.alongside.append(Change(before: .meeting(meeting), after: .meeting(after), summary: change.summary))
                effects = show(from: .meeting(meeting), to: .meeting(after))
            }
            edits.undo.append(change)
            edits.redo.removeAll()
            message = Message("\(action.id) created: \(action.title)")
            if openMeeting == nil { push(.action(ActionPage(action: action.id))) }
            return effects
        case let .meetingCreated(meeting):
            return meetingCreated(meeting)
        case let .moved(old, new):
            edits.pending = edits.pending.filter { $0.key != Record.action(old).key }
            partnership.actions.removeAll { $0.id == old.id }
            place(.action(new))
            // The store points meetings that named the old id at the new one; so does the screen.
            for i in partnership.meetings.indices {
                for j in partnership.meetings[i].items.indices where partnership.meetings[i].items[j].action == old.id {
                    partnership.meetings[i].items[j].action = new.id
                }
                for j in partnership.meetings[i].changes.indices where partnership.meetings[i].changes[j].action == old.id {
                    partnership.meetings[i].changes[j].action = new.id
                }
                partnership.meetings[i].actionsCreated = partnership.meetings[i].actionsCreated.map { $0 == old.id ? new.id : $0 }
            }
            edits.undo.append(Change(before: .action(old), after: nil, summary: "\(old.id) moved to \(new.area) as \(new.id)",
                                     alongside: [Change(before: nil, after: .action(new), summary: "")]))
            edits.redo.removeAll()
            if case let .action(p) = page, p.action == old.id { page = .action(ActionPage(action: new.id)) }
            message = Message("\(old.id) moved to \(partnership.area(new.area)?.name ?? new.area) as \(new.id)")
        case let .showReport(report):
            if case .report = page { page = .report(report) } else { push(.report(report)) }
        case let .exportExists(request):
            overlay = .confirm(Confirmation(question: "\(request.path ?? "The file") exists. Replace it?", purpose: .replaceExport(request)))
        case let .notice(text, isError):
            message = Message(text, isError: isError)
        case let .showLog(log):
            if case let .log(open) = page, open.restores, log.restores {
                var refreshed = log
                refreshed.cursor = open.cursor
                refreshed.cursor.keepVisible(count: log.rows.count, visible: SyncScreens.visibleRows(self))
                page = .log(refreshed)
            } else {
                push(.log(log))
            }
        case let .syncConflicts(rows):
            if case var .syncConflicts(p) = page {
                p.rows = rows
                p.cursor.keepVisible(count: rows.count, visible: SyncScreens.visibleRows(self))
                page = .syncConflicts(p)
                if rows.isEmpty { message = Message("All resolved: sync again (S) to share the result") }
            } else if rows.isEmpty {
                message = Message("No sync conflicts to resolve")
            } else {
                push(.syncConflicts(SyncConflictsPage(rows: rows)))
            }
        case let .synced(lines, problem):
            if let problem {
                message = Message("Sync: \(problem)", isError: true)
            } else {
                message = Message(lines.last ?? "Synced")
            }
        case let .deleted(id):
            edits.pending.removeValue(forKey: "action \(id)")
            edits.failures.removeValue(forKey: "action \(id)")
        case let .deleteRefused(theirs, reason):
            let key = Record.action(theirs).key
            edits.pending.removeValue(forKey: key)
            edits.failures.removeValue(forKey: key)
            // The delete never happened, so there is nothing to undo.
            if let i = edits.undo.lastIndex(where: { $0.before?.key == key && $0.after == nil }) { edits.undo.remove(at: i) }
            place(.action(theirs))
            message = Message("\(theirs.id) was not deleted: \(reason). Delete it again if you still mean to", isError: true)
        case let .storeChanged(change):
            return applyStoreChange(change)
        case let .fileEdited(path, problem):
            fileEdited(path, problem: problem)
        case let .textEdited(request, text, problem):
            guard let text else {
                message = Message(problem ?? "The editor closed without saving; nothing changed", isError: problem != nil)
                return []
            }
            return finishText(request, text)
        case .tick:
            // Try again whatever did not reach the disk.
            return edits.failures.keys.sorted().compactMap { edits.pending[$0] }
        default:
            break
        }
        return []
    }

    mutating func finishText(_ request: TextRequest, _ text: String) -> [Effect] {
        let trimmed = text.trimmed
        switch request.purpose {
        case let .note(id):
            return answer(.note(action: id), trimmed)
        case let .description(id):
            // Merged against the text the editor opened with, so a description a colleague
            // changed meanwhile is a conflict to decide, not overwritten.
            guard var base = partnership.action(id) else { return [] }
            base.description = request.text
            return edit(id, from: base, summary: "\(id) description edited") { $0.description = trimmed }
        case let .narrative(areaID):
            guard var before = partnership.area(areaID) else { return [] }
            before.narrative = request.text
            var after = before
            after.narrative = trimmed
            return edit(.area(after), from: .area(before), summary: "\(before.name): narrative edited")
        case let .formField(raw):
            if let effects = setProfileFormText(raw, text) { return effects }
            guard case var .actionForm(form) = page, let field = ActionField(rawValue: raw) else { return [] }
            form.setLongText(field, to: text.hasSuffix("\n") ? String(text.dropLast()) : text)
            page = .actionForm(form)
            return []
        case let .caseStudyText(id):
            guard var before = partnership.caseStudy(id) else { return [] }
            before.text = request.text
            var after = before
            after.text = trimmed
            return edit(.caseStudy(after), from: .caseStudy(before), summary: "\(before.title): text edited")
        }
    }

    mutating func applyStoreChange(_ change: StoreChange) -> [Effect] {
        // Saves still waiting (a full disk, say) grew from the version just replaced: merge
        // them with what was read, or they would overwrite it when tried again.
        let waiting = edits.pending.compactMap { key, effect -> Record? in
            if case let .save(record) = effect, edits.base[key] != nil { record } else { nil }
        }
        var effects: [Effect] = []
        // A delete still waiting whose action a colleague changed meanwhile is called off:
        // their edit outweighs it (as sync decides a delete against an edit).
        let changedBeforeDeleted = change.actions.filter { theirs in
            if case let .delete(mine)? = edits.pending[Record.action(theirs).key] { mine != theirs } else { false }
        }
        effects += applyReadIn(change)
        for theirs in changedBeforeDeleted {
            effects += handleResult(.deleteRefused(theirs, reason: "it was changed on disk meanwhile"))
        }
        for mine in waiting.sorted(by: { $0.key < $1.key }) {
            guard let theirs = current(mine), theirs != edits.base[mine.key], theirs != mine else { continue }
            edits.pending.removeValue(forKey: mine.key)
            edits.failures.removeValue(forKey: mine.key)
            effects += mergeChangedOnDisk(mine: mine, theirs: theirs, base: edits.base.removeValue(forKey: mine.key))
        }
        return effects
    }

    /// A save met a version on disk it did not grow from: merged field by field against `base`
    /// and saved when only different fields changed, else the conflict view.
    mutating func mergeChangedOnDisk(mine: Record, theirs: Record, base: Record?) -> [Effect] {
        let (merged, conflicts) = Record.merge(base: base, mine: mine, theirs: theirs)
        guard base != nil, conflicts.isEmpty else {
            openConflict(mine: mine, theirs: theirs, base: base)
            return []
        }
        place(theirs)
        message = Message("\(mine.name): merged with a change made on disk meanwhile; both kept")
        return merged == theirs ? [] : show(from: theirs, to: merged)
    }

    /// Puts what was read from disk on screen; asks for a full read when a file with errors
    /// was fixed.
    mutating func applyReadIn(_ change: StoreChange) -> [Effect] {
        searchIndex = nil
        let firstLoad = loadingStore && change.partnership != nil
        if let whole = change.partnership {
            partnership = whole
            loadingStore = false
        } else {
            for action in change.actions { place(.action(action)) }
            partnership.actions.removeAll { change.removedActions.contains($0.id) }
            for area in change.areas { place(.area(area)) }
            for study in change.caseStudies { place(.caseStudy(study)) }
            for meeting in change.meetings { place(.meeting(meeting)) }
        }
        edits.notEditable.formUnion(change.notEditable)
        edits.notEditable.subtract(change.editableAgain)
        let hadErrors = Set(problems.filter { $0.severity == .error }.map(\.path))
        takeProblems(change)
        // An open action whose file went away: say so rather than show an empty page.
        if case let .action(p) = page, partnership.action(p.action) == nil {
            goBack()
            message = Message("\(p.action) was removed on disk (by another program or a sync)", isError: true)
            return []
        }
        keepSelectionVisible()
        let count = change.actions.count + change.removedActions.count + change.areas.count + change.caseStudies.count + change.meetings.count
        let newErrors = change.problems.filter { $0.severity == .error && (change.partnership == nil || !hadErrors.contains($0.path)) }
        if firstLoad {
            // The store, read in the background, replaces the summary the screen began with.
            message = problemsMessage ?? (message == .readingStore || message == .stillReadingStore ? nil : message)
        } else if let first = newErrors.first {
            message = Message("Changed on disk with a problem: \(first.path), line \(first.line): \(first.message) "
                              + "(\(problemsKeyPhrase("the problems")))", isError: true)
        } else if change.partnership != nil, !change.requested {
            message = Message("The store changed on disk and was read again")
        } else if count > 0 {
            message = Message("\(count) file\(count == 1 ? "" : "s") changed on disk: read again")
        }
        // A file fixed outside the program: a meeting that named its action may be fine now too,
        // which only a full read tells.
        let stillBad = Set(problems.filter { $0.severity == .error }.map(\.path))
        let fixed = change.readAgain.filter { hadErrors.contains($0) && !stillBad.contains($0) }
        guard change.partnership == nil, let first = fixed.first else { return [] }
        message = Message("\(first) has no errors now: it is back on the screens")
        return [.readStoreAgain]
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

extension Action {
    /// Adds a progress entry in date order (after any entries of the same date).
    mutating func addProgress(_ entry: ProgressEntry) {
        let index = progress.lastIndex { $0.date <= entry.date }.map { $0 + 1 } ?? 0
        progress.insert(entry, at: index)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
