import PathfinderModel

/// What a dialog's answer does, by what it was for. Answers arrive typed (chosen ids, text,
/// yes or no), so nothing here reads meaning into a string.
extension AppState {
    // MARK: Pickers

    /// The ids ticked or chosen in a picker (one, unless it allows several).
    mutating func answer(_ purpose: PickerPurpose, chosen ids: [String]) -> [Effect] {
        if case let .meeting(wizard) = purpose { return answer(wizard, chosen: ids) }
        guard let chosen = ids.first else { return [] }
        switch purpose {
        case let .status(id):
            guard let old = partnership.action(id)?.status else { return [] }
            let catalogue = partnership.catalogue
            let label = { (s: String) in catalogue.status(s)?.label ?? s }
            return edit(id, summary: "\(id) status: \(label(old)) → \(label(chosen))") { $0.status = chosen }
        case let .rag(id):
            guard let rag = RAG(rawValue: chosen), let old = partnership.action(id)?.rag else { return [] }
            if rag == old {
                message = Message("\(id) is already \(rag.label)")
                return []
            }
            overlay = .prompt(Prompt(label: "Why \(rag.label)? (optional, for the progress log):", kind: .optionalText,
                                     purpose: .ragReason(action: id, rag: rag)))
            return []
        case let .milestone(id):
            guard let i = Int(chosen), let milestone = partnership.action(id)?.milestones[safe: i] else { return [] }
            let verb = milestone.done ? "not done" : "done"
            return edit(id, summary: "\(id) milestone \(Quote.value(milestone.title, shown: Quote.titleShown)): \(verb)") { $0.milestones[i].done.toggle() }
        case let .moveAction(id):
            guard let found = partnership.action(id), !refuse(moveRefusal(found)) else { return [] }
            // Stamped here, so the store signs the move with who and when.
            let action = found.stamped(by: edits.userName ?? "", on: edits.today)
            edits.pending[Record.action(found).key] = .move(action, toArea: chosen)
            message = Message("Moving \(id)…")
            return [.move(action, toArea: chosen)]
        case .agendaItem:
            return changeMeeting { $0.items.append(MeetingItem(action: chosen)) }
        case .meeting:
            return []
        case let .minutesOf(path):
            return writeMinutes(of: chosen, to: path)
        }
    }

    // MARK: Prompts

    /// The line typed in a prompt; a date prompt lets only a date through.
    mutating func answer(_ purpose: PromptPurpose, text value: String) -> [Effect] {
        let text = value.trimmed
        switch purpose {
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
        case let .reading(id):
            let words = text.split(separator: " ", maxSplits: 1).map(String.init)
            guard let first = words.first, let value = Double(first.filter { $0 != "," && $0 != "£" && $0 != "%" }), value.isFinite else {
                message = Message("A reading starts with its value, a number: e.g. 12 September figures", isError: true)
                return []
            }
            let reading = IndicatorReading(date: edits.today, value: value, note: words.count > 1 ? words[1] : "", who: edits.userName ?? "")
            let after = partnership.action(id).map { action -> String in
                var changed = action
                changed.indicator?.add(reading)
                return changed.indicatorCourse.map { "; \($0.label)" } ?? ""
            } ?? ""
            return edit(id, summary: "\(id): reading \(Number.format(value)) added\(after)") { $0.indicator?.add(reading) }
        case let .due(id):
            guard let day = DateInput.parse(text, today: datesFrom) else {
                message = Message("Not a date: \(DateInput.hint)", isError: true)
                return []
            }
            let old = partnership.action(id)?.due?.iso ?? "none"
            return edit(id, summary: "\(id) due: \(old) → \(day.iso)") { $0.due = day }
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
        case let .meeting(wizard):
            return answer(wizard, text: value)
        case let .meetingNote(_, item), let .meetingDecision(_, item):
            guard !text.isEmpty else { return [] }
            let decision: Bool = if case .meetingDecision = purpose { true } else { false }
            message = Message(decision ? "Decision recorded" : "Discussion recorded")
            let effects = changeMeeting { m in
                guard m.items.indices.contains(item) else { return }
                if decision { m.items[item].decisions.append(text) } else { m.items[item].notes.append(text) }
            }
            page = MeetingPage.followingTheEnd(page)
            return effects
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
        case let .captureDue(meeting, title, lead):
            guard let due = DateInput.parse(text, today: datesFrom) else { return [] }
            return captureAction(inMeeting: meeting, title: title, lead: lead, due: due)
        case let .syncValue(id):
            return [.resolveSyncConflict(id: id, choice: .value(value))]
        case let .minutesFile(meeting):
            guard !text.isEmpty else { return [] }
            guard text.lowercased().hasSuffix(".md") || text.lowercased().hasSuffix(".html") else {
                overlay = .prompt(Prompt(label: "Write the minutes to (.md or .html):", text: text, purpose: purpose))
                message = Message("Minutes are written as .md or .html", isError: true)
                return []
            }
            return writeMinutes(of: meeting, to: text)
        }
    }

    // MARK: Confirmations

    /// Yes or no to a question; no changes nothing.
    mutating func answer(_ purpose: ConfirmationPurpose, yes: Bool) -> [Effect] {
        guard yes else {
            message = Message("Cancelled; nothing changed")
            return []
        }
        switch purpose {
        case let .deleteAction(id):
            guard let action = partnership.action(id) else { return [] }
            if page.document == .action(id) { goBack() }
            return commit(Change(before: .action(action), after: nil, summary: "\(id) deleted (to the trash)"))
        case .quitUnsaved:
            return [.quit]
        case let .endMeeting(meetingID):
            guard partnership.meetings.contains(where: { $0.id == meetingID }) else { return [] }
            let effects = changeMeeting { $0.ended = true }
            goBack()
            meetingJustEnded = meetingID
            if let meeting = partnership.meetings.first(where: { $0.id == meetingID }) { offerMinutes(of: meeting) }
            return effects
        case let .replaceExport(request):
            var replacing = request
            replacing.replace = true
            return export(replacing)
        case let .importRows(plan):
            return confirmImport(plan)
        }
    }
}
