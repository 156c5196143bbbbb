/// Applying an import row to an action as it is on disk when it is written (the store's
/// `modify` hands the current version), so a colleague's change made since the preview is kept.
public enum ImportWriting {
    /// Sets the row's fields and adds its progress notes that the action does not have yet.
    public static func apply(_ row: ImportRow, to action: inout Action, catalogue: Catalogue, today: Day) throws {
        for a in row.assignments { try a.apply(to: &action, catalogue: catalogue, today: today) }
        for note in row.notes where !action.progress.contains(where: { ActionEdit.trim($0.text) == ActionEdit.trim(note.text) }) {
            action.addProgress(note)
        }
    }
}
