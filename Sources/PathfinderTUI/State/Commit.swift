import PathfinderModel

/// Every change on the screens goes through here: checked, merged with what is on screen now,
/// shown, kept for undo, and handed to the run loop to save.
extension AppState {
    // MARK: Making a change

    /// Changes one action: checks the result as the form and the command line would, stamps it
    /// with today and the user's name, shows it, keeps it for undo, and saves it.
    /// `base` is the version the change was made on when that was earlier than now (a form
    /// opened a while ago); `commit` merges it with what is on screen now.
    mutating func edit(_ id: String, from base: Action? = nil, summary: String, _ change: (inout Action) -> Void) -> [Effect] {
        guard let now = partnership.action(id) else { return [] }
        let before = base ?? now
        guard mayEdit(.action(before)) else { return [] }
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
        // A note added by any key (n, N, a RAG's reason) follows the rule the command line's does.
        for note in ActionEdit.notesAdded(from: before, to: after) {
            if let problem = TextRule.note.problem(note.text) {
                message = Message("\(id) not changed: note: \(problem)", isError: true)
                return []
            }
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
        if let recorded = recordInMeeting(change) {
            change.alongside.append(recorded)
            page = MeetingPage.followingTheEnd(page)
        }
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
            case let .organisation(o):
                partnership.organisations.removeAll { $0.id == o.id }
            case let .fundingAgreement(a):
                partnership.fundingAgreements.removeAll { $0.id == a.id }
            case .meeting:
                return []
            }
            if case .area? = page.document { goBack() }
            if case .caseStudy? = page.document { goBack() }
            if case .organisation? = page.document { goBack() }
            if case .fundingAgreement? = page.document { goBack() }
            keepSelectionVisible()
            return [.trash(old)]
        case (nil, nil):
            return []
        }
    }
}
