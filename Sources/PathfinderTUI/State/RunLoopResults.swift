import PathfinderModel

/// What the run loop answers (saved, refused, read in from disk, an editor closed): the state
/// takes it in, merging what changed on disk with what the user is doing.
extension AppState {
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
            edits.pending.removeValue(forKey: .newAction(area: action.area))
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
            if openMeeting == nil { push(.action(action.id)) }
            return effects
        case let .meetingCreated(meeting):
            return meetingCreated(meeting)
        case let .moved(old, new):
            edits.pending = edits.pending.filter { $0.key != Record.action(old).key }
            partnership.actions.removeAll { $0.id == old.id }
            place(.action(new))
            // The store points meetings that named the old id at the new one; so does the screen.
            for i in partnership.meetings.indices { partnership.meetings[i].relink(from: old.id, to: new.id) }
            edits.undo.append(Change(before: .action(old), after: nil, summary: "\(old.id) moved to \(new.area) as \(new.id)",
                                     alongside: [Change(before: nil, after: .action(new), summary: "")]))
            edits.redo.removeAll()
            if page.document == .action(old.id) { page = .action(new.id) }
            message = Message("\(old.id) moved to \(partnership.area(new.area)?.name ?? new.area) as \(new.id)")
        case let .showReport(report):
            if case .report = page { page = .report(report) } else { push(.report(report)) }
        case let .exportExists(request):
            overlay = .confirm(Confirmation(question: "\(request.path ?? "The file") exists. Replace it?", purpose: .replaceExport(request)))
        case let .notice(text, isError):
            message = Message(text, isError: isError)
        case let .importRead(request, table):
            return showImport(table, request)
        case let .showLog(log):
            if case let .log(open) = page, open.restores, log.restores {
                var refreshed = log
                refreshed.cursor = open.cursor
                refreshed.cursor.keepVisible(count: log.rows.count, visible: LogPage.visibleRows(self))
                page = .log(refreshed)
            } else {
                push(.log(log))
            }
        case let .syncConflicts(rows):
            if case var .syncConflicts(p) = page {
                p.rows = rows
                p.cursor.keepVisible(count: rows.count, visible: LogPage.visibleRows(self))
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
                // Only the last line shows: every line goes into the history (L), and a
                // renumbered action is also said in the one shown (issue 16).
                let earlier = Array(lines.dropLast())
                for line in earlier.suffix(150) { messages.append(Message(line)) }
                let renumbered = earlier.filter { $0.contains("was renumbered") }
                var last = lines.last ?? "Synced"
                if !renumbered.isEmpty {
                    last += " · " + (renumbered.count == 1 ? renumbered[0] : "\(renumbered.count) actions renumbered by the merge") + " (L: in full)"
                }
                message = Message(last)
                // Decided and sent: the conflicts screen no longer asks for a sync.
                if case var .syncConflicts(p) = page, p.rows.isEmpty {
                    p.shared = true
                    page = .syncConflicts(p)
                }
            }
        case let .ragHistoryComputed(table):
            ragHistory = table
        case let .searchWordsRead(words):
            searchWords = words
            searchIndex = nil
        case let .storeReadProgress(percent):
            storeReadPercent = percent
        case let .deleted(id):
            edits.pending.removeValue(forKey: .action(id))
            edits.failures.removeValue(forKey: .action(id))
        case let .deleteRefused(theirs, reason):
            let key = Record.action(theirs).key
            edits.pending.removeValue(forKey: key)
            edits.failures.removeValue(forKey: key)
            // The delete never happened, so there is nothing to undo.
            if let i = edits.undo.lastIndex(where: { $0.before?.key == key && $0.after == nil }) { edits.undo.remove(at: i) }
            place(.action(theirs))
            message = Message("\(theirs.id) was not deleted: \(reason)", isError: true)
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
            return answer(PromptPurpose.note(action: id), text: trimmed)
        case let .description(id):
            // Merged against the text the editor opened with, so a description a colleague
            // changed meanwhile is a conflict to decide, not overwritten.
            guard var base = partnership.action(id) else { return [] }
            base.description = request.text
            return edit(id, from: base, summary: "\(id) description edited") { $0.description = trimmed }
        case let .narrative(areaID):
            return editLongText(of: partnership.area(areaID), \.narrative, as: Record.area, from: request.text, to: trimmed) { "\($0.name): narrative edited" }
        case let .formField(raw):
            return setFormText(raw, text)
        case let .caseStudyText(id):
            return editLongText(of: partnership.caseStudy(id), \.text, as: Record.caseStudy, from: request.text, to: trimmed) { "\($0.title): text edited" }
        }
    }

    /// An area's or a case study's long text, merged against the text the editor opened with,
    /// so a colleague's change meanwhile is a conflict to decide, not overwritten.
    private mutating func editLongText<T>(of record: T?, _ field: WritableKeyPath<T, String>, as wrap: (T) -> Record,
                                          from opened: String, to written: String, summary: (T) -> String) -> [Effect] {
        guard var before = record else { return [] }
        before[keyPath: field] = opened
        var after = before
        after[keyPath: field] = written
        return edit(wrap(after), from: wrap(before), summary: summary(before))
    }

    mutating func applyStoreChange(_ change: StoreChange) -> [Effect] {
        if let effects = takeAreaRead(change) { return effects }
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
            effects += handleResult(.deleteRefused(theirs, reason: "it was changed on disk meanwhile; delete it again if you still mean to"))
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
            // Words made for the actions read before; new ones come with the read (`searchWordsRead`).
            searchWords = nil
            loadingStore = false
            areasRead = []
            // An area asked for and not read yet is in the whole store: it opens now.
            if let waiting = openWhenRead {
                openWhenRead = nil
                push(waiting)
            }
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
        if case let .action(shown)? = page.document, partnership.action(shown) == nil {
            goBack()
            message = Message("\(shown) was removed on disk (by another program or a sync)", isError: true)
            return []
        }
        keepSelectionVisible()
        let count = change.actions.count + change.removedActions.count + change.areas.count + change.caseStudies.count + change.meetings.count
        let newErrors = change.problems.filter { $0.severity == .error && (change.partnership == nil || !hadErrors.contains($0.path)) }
        if firstLoad {
            // The store, read in the background, replaces the summary the screen began with.
            let aboutReading = message == .readingStore || message == .stillReadingStore || message?.text.hasPrefix("Reading ") == true
            message = problemsMessage ?? (aboutReading ? nil : message)
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
