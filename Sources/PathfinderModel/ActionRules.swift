/// Rules about actions that the screens, the command line and the store all follow, written
/// once here so they cannot drift apart.
extension Action {
    /// Adds a progress note in date order (`ProgressLog.add`).
    public mutating func addProgress(_ entry: ProgressEntry) { progress.add(entry) }

    /// A copy to start a new piece of work like this one: "… (copy)", no progress notes, not
    /// reviewed, milestones not ticked, the catalogue's first open status, rated green. The id
    /// is left empty for the store to give it.
    public func duplicated(catalogue: Catalogue) -> Action {
        var copy = self
        copy.id = ""
        copy.title = title + " (copy)"
        copy.progress = []
        copy.reviewed = nil
        copy.milestones = milestones.map { Milestone(title: $0.title, due: $0.due, done: false) }
        copy.status = catalogue.firstOpenStatus ?? status
        copy.rag = .green
        return copy
    }
}

extension ProgressLog {
    /// Adds a note in date order: after every note of its day or earlier, so a note dated in
    /// the past goes where it belongs and same-day notes keep the order they came in.
    public mutating func add(_ entry: ProgressEntry) {
        let index = lastIndex { $0.date <= entry.date }.map { $0 + 1 } ?? 0
        insert(entry, at: index)
    }
}

extension Catalogue {
    /// The status a new action starts with: the first one not marked closed.
    public var firstOpenStatus: String? { statuses.first { !$0.closed }?.id }

    /// The status a new action is given (the form, `pathfinder new`, a meeting's captured
    /// action): the first open one, else the catalogue's first, else the built-in first. A
    /// catalogue without an open status is reported by validation; a new action still needs one.
    public var startingStatus: String {
        firstOpenStatus ?? statuses.first?.id ?? Catalogue.defaultStatuses[0].id
    }
}

extension Meeting {
    /// Points every mention of an action at its new id (after a move gave it one).
    public mutating func relink(from old: String, to new: String) {
        for i in items.indices where items[i].action == old { items[i].action = new }
        for i in changes.indices where changes[i].action == old { changes[i].action = new }
        actionsCreated = actionsCreated.map { $0 == old ? new : $0 }
    }
}
