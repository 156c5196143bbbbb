import PathfinderModel

/// What an import wrote, row by row.
public struct ImportWritten: Sendable {
    public var added: [(row: Int, id: String)] = []
    public var updated: [(row: Int, id: String)] = []

    /// "Imported into Portsmouth: 3 added, 2 updated, 1 already up to date, 2 bad rows skipped."
    public func summary(of plan: ImportPlan) -> String {
        "Imported into \(plan.area.name): \(added.count) added, \(updated.count) updated"
            + (plan.unchangedCount > 0 ? ", \(plan.unchangedCount) already up to date" : "")
            + (plan.badCount > 0 ? ", \(plan.badCount) bad row\(plan.badCount == 1 ? "" : "s") skipped" : "") + "."
    }
}

extension PlainFileStore {
    /// Writes an import's good rows through the store's own paths: `create` for a new action,
    /// `modify` (which merges against the file as it is now, under the write lock) for one
    /// already there. Each save is atomic; a failure part way leaves the rows before it written,
    /// and the same import run again finds them and adds only the rest. `progress` hears each
    /// row as it is written (the command line prints it).
    @discardableResult
    public func write(_ plan: ImportPlan, in partnership: Partnership, by user: String, today: Day,
                      progress: (String) -> Void = { _ in }) throws -> ImportWritten {
        var written = ImportWritten()
        for row in plan.rows {
            switch row.outcome {
            case let .create(action):
                let saved = try create(action.stamped(by: user, on: today), in: partnership)
                written.added.append((row.row, saved.id))
                progress("row \(row.row): added \(saved.id)")
            case let .update(id, _, _):
                try modify(actionID: id, by: user, today: today) { action in
                    try ImportWriting.apply(row, to: &action, catalogue: partnership.catalogue, today: today)
                }
                written.updated.append((row.row, id))
                progress("row \(row.row): updated \(id)")
            case .unchanged, .bad:
                continue
            }
        }
        return written
    }
}
