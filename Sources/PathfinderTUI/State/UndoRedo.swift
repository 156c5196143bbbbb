import PathfinderModel

extension AppState {
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
        guard case let .action(shown)? = page.document, partnership.action(shown) == nil else { return }
        if case let .action(a)? = record, partnership.action(a.id) != nil {
            page = .action(a.id)
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

}
