import PathfinderModel

/// Changes the store would refuse, known before the screen shows them. A change is shown at
/// once and saved after; one the store then refuses would sit in "not saved" for ever, and
/// quitting would ask about it. So every change (an edit, an undo, a redo, a delete, a move)
/// is checked here first against the same rules the store applies, and refused on the message
/// line with what to do instead.
extension AppState {
    /// Why the store would refuse `change` (undone when `undoing`), or nil when it would not.
    func storeRefusal(_ change: Change, undoing: Bool = false) -> String? {
        let steps = ([change] + change.alongside).map { undoing ? ($0.after, $0.before) : ($0.before, $0.after) }
        // Meetings as they will be once the change is made: a meeting changed with it (the one
        // that records a created action) counts as it will be, not as it is.
        var meetings = partnership.meetings
        for case let (_, .meeting(m)?) in steps {
            if let i = meetings.firstIndex(where: { $0.id == m.id }) { meetings[i] = m }
        }
        for (old, new) in steps {
            switch (old, new) {
            case let (.action(a)?, nil):
                if let refusal = Partnership(title: "", meetings: meetings).deletionRefusal(a.id) {
                    if undoing, change.alongside.contains(where: { $0.before == nil && $0.after == old }),
                       case let .action(original)? = change.before {
                        // Undoing a move would delete the moved action, which meetings now name.
                        let home = partnership.area(original.area)?.name ?? original.area
                        return "Not undone: a meeting names \(a.id) now; to take it back to \(home), move it there (\(keyName(.moveAction)))"
                    }
                    return refusal
                }
            case let (.caseStudy(c)?, nil):
                // Its file would go to the trash, and every action citing it would then not load cleanly.
                let citing = partnership.actions(citing: c.id).map(\.id)
                if let first = citing.first {
                    return "\(c.title) is cited by \(first)\(citing.count > 1 ? " and \(citing.count - 1) more" : ""); "
                        + "take it out of their case studies first"
                }
            case let (.area(a)?, nil):
                let linked = partnership.caseStudies.filter { $0.area == a.id }.map(\.title)
                if let first = linked.first {
                    return "\(a.name) is the area of the case study \(Quote.value(first, shown: Quote.titleShown))\(linked.count > 1 ? " and \(linked.count - 1) more" : ""); "
                        + "change their area first"
                }
            case let (nil, .action(a)?):
                // Put back from the trash (undoing a delete, redoing a create).
                if partnership.area(a.area) == nil {
                    return "\(a.id)'s area \(a.area) is no longer in the store, so it cannot come back there; it stays in the trash (:trash)"
                }
                if partnership.action(a.id) != nil {
                    return "An action \(a.id) is in the store again, so the one in the trash stays there (:trash)"
                }
            case let (_, record?):
                if let refusal = writeRefusal(record) { return refusal }
            default:
                break
            }
        }
        return nil
    }

    /// Why a record's file cannot be written now (its file has problems, or loaded read-only).
    func writeRefusal(_ record: Record) -> String? {
        guard edits.notEditable.contains(record.key) else { return nil }
        let what: String = if case let .meeting(m) = record { "the meeting \(Quote.value(m.title, shown: Quote.titleShown))" } else { record.name }
        return "\(what)'s file has problems, so it is not changed here: \(problemsKeyPhrase("them"))"
    }

    /// Why an action cannot move to another area: the meetings that name it are changed with it,
    /// so each must be writable.
    func moveRefusal(_ action: Action) -> String? {
        for meeting in partnership.meetingsNaming(action.id) {
            if writeRefusal(.meeting(meeting)) != nil {
                return "\(action.id) is named in the meeting \(Quote.value(meeting.title, shown: Quote.titleShown)), whose file has problems and would have to change "
                    + "with the move: fix it first (\(problemsKeyPhrase("it")))"
            }
        }
        return nil
    }

    /// A command's first key on this screen, for messages ("press >").
    func keyName(_ command: Command) -> String {
        keyMap.key(for: command, in: context).map { "press " + KeyName.display($0) } ?? ":help lists the keys"
    }

    /// Says a refusal on the message line; true when there was one.
    mutating func refuse(_ refusal: String?) -> Bool {
        guard let refusal else { return false }
        message = Message(refusal, isError: true)
        return true
    }
}
