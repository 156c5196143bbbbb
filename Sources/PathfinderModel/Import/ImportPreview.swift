/// The plan of an import as lines a user reads before anything is written: where each column
/// goes, what each row does, and every problem. The command line prints these lines and the
/// screens show them, so the two say the same.
extension ImportPlan {
    public var previewLines: [String] {
        var lines: [String] = []
        let sheetName = sheet.map { " (sheet \"\(Quote.short($0))\")" } ?? ""
        lines.append("Import \(file)\(sheetName) into \(area.name)" + (headerRow.map { ", headers in row \($0)" } ?? ""))
        for note in notes { lines.append("  " + note) }
        if !columns.isEmpty {
            lines.append("")
            lines.append("Columns:")
            let width = min(24, columns.map { $0.header.count }.max() ?? 0)
            for c in columns {
                let header = c.header.isEmpty ? "(no header)" : Quote.short(c.header)
                let padded = header + String(repeating: " ", count: max(0, width - header.count))
                let why = c.target == .ignored ? "not imported: \(c.reason)" : (c.reason == "--map" ? "--map" : "")
                lines.append("  \(c.letter)  \(padded)  → \(c.target == .ignored ? "-" : c.target.name)" + (why.isEmpty ? "" : "  (\(why))"))
            }
        }
        if !rows.isEmpty {
            lines.append("")
            lines.append("Rows:")
        }
        for r in rows {
            let number = "  row \(r.row)"
            let label = number + String(repeating: " ", count: max(1, 11 - number.count))
            switch r.outcome {
            case let .create(action):
                lines.append("\(label)new        \(Quote.value(action.title, shown: Quote.titleShown))"
                             + (r.notes.isEmpty ? "" : " + \(r.notes.count) progress note\(r.notes.count == 1 ? "" : "s")"))
            case let .update(id, changes, notes):
                let what = changes.map(\.field.rawValue) + (notes > 0 ? ["\(notes) progress note\(notes == 1 ? "" : "s")"] : [])
                lines.append("\(label)update     \(id): \(what.joined(separator: ", "))")
            case let .unchanged(id):
                lines.append("\(label)unchanged  \(id)")
            case let .bad(problems):
                for p in problems {
                    lines.append("\(label)bad        " + (p.column.map { "column \"\(Quote.short($0))\": " } ?? "") + p.message)
                }
            }
        }
        lines.append("")
        lines.append(summary)
        return lines
    }

    /// "12 rows: 8 new, 2 to update, 1 unchanged, 1 bad".
    public var summary: String {
        guard headerRow != nil else { return problems.first?.description ?? "nothing to import" }
        var parts: [String] = ["\(creating.count) new", "\(updating.count) to update"]
        if unchangedCount > 0 { parts.append("\(unchangedCount) unchanged") }
        if badCount > 0 { parts.append("\(badCount) bad") }
        return "\(rows.count) row\(rows.count == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }
}
