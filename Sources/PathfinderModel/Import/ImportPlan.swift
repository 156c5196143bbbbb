/// A row the import cannot take, as `plan.xlsx: row 14, column "Due date": not a date: "end of Q3"`.
public struct ImportProblem: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var row: Int
    /// The column's header, when the problem is one cell's.
    public var column: String?
    public var message: String

    public var description: String {
        "\(file): row \(row)" + (column.map { ", column \"\(Quote.short($0))\"" } ?? "") + ": " + message
    }
}

/// One field of a row, as text `ActionEdit.set` reads (dates already as ISO dates).
public struct ImportAssignment: Hashable, Sendable {
    public var field: ActionField
    public var text: String
    /// The column it came from (nil for a value given on the command line).
    public var column: String?
    /// Milestones written one a line (as the export writes them, so a title may hold the
    /// semicolon that separates them on one line), each read as `ActionEdit` reads one.
    public var milestones: [Milestone]?

    /// Sets the field on `action` as `pathfinder edit` would. Throws `FieldProblem`.
    public func apply(to action: inout Action, catalogue: Catalogue, today: Day) throws {
        if let milestones {
            action.milestones = milestones
        } else {
            try ActionEdit.set(field, to: text, on: &action, catalogue: catalogue, today: today)
        }
    }
}

/// One data row of the sheet and what importing it does.
public struct ImportRow: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        /// A new action (its id is given when it is written).
        case create(Action)
        /// An action already in the area, matched by id or title, whose fields or notes differ.
        case update(id: String, changes: [FieldChange], notes: Int)
        /// Matched, and nothing in the row differs from it.
        case unchanged(id: String)
        case bad([ImportProblem])
    }

    /// The row number in the spreadsheet (row 1 is the first).
    public var row: Int
    public var title: String
    /// The row's fields (for an update, only its non-empty cells: an empty cell clears nothing).
    public var assignments: [ImportAssignment]
    /// Progress notes the row adds.
    public var notes: [ProgressEntry]
    public var outcome: Outcome

    public var problems: [ImportProblem] {
        if case let .bad(p) = outcome { return p }
        return []
    }
}

/// What importing a sheet into an area would do, worked out before anything is written: the
/// columns matched, every row checked as the screens check a new action, and which rows are
/// already in the plan. The command line prints it (`--dry-run`), the screens show it before
/// the confirm key, and the store writes from it.
public struct ImportPlan: Hashable, Sendable {
    public var file: String
    public var sheet: String?
    public var area: Area
    /// The header row's number in the spreadsheet (nil when no header row names a title).
    public var headerRow: Int?
    public var columns: [ImportColumn]
    public var rows: [ImportRow]
    /// What the reader and the matcher noticed ("read as Windows-1252", "no lead column: ...").
    public var notes: [String]

    public var problems: [ImportProblem] { rows.flatMap(\.problems) + headerProblems }
    var headerProblems: [ImportProblem] {
        headerRow == nil ? [ImportProblem(file: file, row: 1, column: nil,
                                          message: "no header row names the action's title (a column headed Action or Title, or --map COLUMN=title)")] : []
    }

    public var creating: [ImportRow] { rows.filter { if case .create = $0.outcome { return true }; return false } }
    public var updating: [ImportRow] { rows.filter { if case .update = $0.outcome { return true }; return false } }
    public var unchangedCount: Int { rows.filter { if case .unchanged = $0.outcome { return true }; return false }.count }
    public var badCount: Int { rows.filter { !$0.problems.isEmpty }.count }

    /// Works the plan out. `existing` is the area's actions now; `defaults` are FIELD=VALUE
    /// pairs for every new action (a theme the sheet does not have, say); `user` is the lead
    /// of new actions when the sheet has no lead column, and the author of their notes.
    public static func make(_ table: ImportTable, area: Area, existing: [Action], catalogue: Catalogue, today: Day,
                            user: String, defaults: [(ActionField, String)] = [],
                            maps: [(column: String, target: ImportTarget)] = []) throws(ImportMapProblem) -> ImportPlan {
        var plan = ImportPlan(file: table.file, sheet: table.sheet, area: area, headerRow: nil, columns: [], rows: [], notes: table.notes)
        guard let header = ImportColumns.headerRow(in: table) ?? (maps.contains { $0.target == .field(.title) } ? 0 : nil) else { return plan }
        plan.headerRow = header + 1
        plan.columns = try ImportColumns.match(table, headerRow: header, maps: maps)
        let fieldColumns = plan.columns.filter { if case .field = $0.target { return true }; return false }
        let hasLead = fieldColumns.contains { $0.target == .field(.lead) }
        if !hasLead { plan.notes.append("no lead column: new actions are led by \(user)") }
        let reference = plan.columns.first { $0.target == .reference }
        plan.notes.append("an action already in \(area.name) is matched by " +
                          (reference.map { "its id (column \"\($0.header)\"), else " } ?? "") + "its title, and updated, not added again")
        var seen: [String: Int] = [:]
        for index in (header + 1)..<max(header + 1, table.rows.count) {
            let used = plan.columns.filter { $0.target != .ignored }
            guard used.contains(where: { !table.cell(index, $0.index).trimmingWhitespace.isEmpty }) else { continue }
            var row = Row(plan: plan, table: table, index: index, today: today, user: user, catalogue: catalogue)
            row.read()
            let match = row.match(in: existing)
            let key = match?.id ?? "title:" + ActionEdit.fold(row.title)
            if let first = seen[key] {
                row.problems.append(row.problem(nil, "the same action as row \(first)"))
            } else {
                seen[key] = index + 1
            }
            plan.rows.append(row.outcome(matching: match, defaults: defaults, hasLead: hasLead))
        }
        return plan
    }

    /// Reading one row: its cells into assignments and notes, its problems by column.
    private struct Row {
        let plan: ImportPlan
        let table: ImportTable
        let index: Int
        let today: Day
        let user: String
        let catalogue: Catalogue
        var title = ""
        var reference = ""
        var assignments: [ImportAssignment] = []
        var notes: [ProgressEntry] = []
        var problems: [ImportProblem] = []

        init(plan: ImportPlan, table: ImportTable, index: Int, today: Day, user: String, catalogue: Catalogue) {
            self.plan = plan; self.table = table; self.index = index; self.today = today; self.user = user; self.catalogue = catalogue
        }

        func problem(_ column: String?, _ message: String) -> ImportProblem {
            ImportProblem(file: plan.file, row: index + 1, column: column, message: message)
        }

        mutating func read() {
            for column in plan.columns {
                let text = table.cell(index, column.index).trimmingWhitespace
                switch column.target {
                case .ignored: continue
                case .reference: reference = text
                case .progressNote:
                    if let note = ImportCell.note(text, today: today) {
                        notes.append(ProgressEntry(date: note.day, author: user, text: note.text))
                    }
                case let .field(field):
                    if field == .title { title = text }
                    guard !text.isEmpty || field == .title else { continue }
                    if field == .milestones, text.contains("\n") {
                        if let milestones = milestoneLines(text, column: column.header) {
                            assignments.append(ImportAssignment(field: field, text: text, column: column.header, milestones: milestones))
                        }
                    } else if let value = normalised(field, text, column: column.header) {
                        assignments.append(ImportAssignment(field: field, text: value, column: column.header))
                    }
                }
            }
        }

        /// The cell as `ActionEdit.set` reads it, or nil (and a problem) when it cannot be read.
        mutating func normalised(_ field: ActionField, _ text: String, column: String) -> String? {
            switch field {
            case .start, .due, .reviewed:
                guard let day = ImportCell.day(text, today: today) else {
                    problems.append(problem(column, "not a date: \"\(Quote.short(text))\""))
                    return nil
                }
                return day.iso
            case .rag:
                guard let rag = ImportCell.rag(text) else {
                    problems.append(problem(column, "not a RAG rating: \"\(Quote.short(text))\" (R, A, G, Red, Amber or Green)"))
                    return nil
                }
                return rag.rawValue
            case .status:
                var probe = Action(id: "", area: "", title: "")
                if (try? ActionEdit.set(.status, to: text, on: &probe, catalogue: catalogue, today: today)) != nil { return text }
                return ImportCell.statusWord(text, catalogue: catalogue) ?? text
            default:
                return text
            }
        }

        /// A milestones cell with one milestone a line, each read as `ActionEdit` reads one.
        mutating func milestoneLines(_ text: String, column: String) -> [Milestone]? {
            var all: [Milestone] = []
            for line in text.split(whereSeparator: \.isNewline) where !String(line).trimmingWhitespace.isEmpty {
                if let problem = TextRule.line(4_000).problem(String(line)) {
                    problems.append(self.problem(column, problem))
                    return nil
                }
                do {
                    all.append(try ActionEdit.milestone(String(line), today: today))
                } catch let refused as FieldProblem {
                    problems.append(problem(column, refused.message))
                    return nil
                } catch {
                    return nil
                }
            }
            return all
        }

        /// The action already in the area this row is: by the id column, else by title.
        func match(in existing: [Action]) -> Action? {
            let ref = reference.uppercased()
            if !ref.isEmpty, let byID = existing.first(where: { $0.id.uppercased() == ref }) { return byID }
            let wanted = ActionEdit.fold(title)
            guard !wanted.isEmpty else { return nil }
            return existing.first { ActionEdit.fold($0.title) == wanted }
        }

        /// Applies the row to the matched action or a new draft, and checks the result.
        func outcome(matching match: Action?, defaults: [(ActionField, String)], hasLead: Bool) -> ImportRow {
            var problems = self.problems
            var action: Action
            if let match {
                action = match
            } else {
                action = Action(id: "\(plan.area.code)-NEW", area: plan.area.id, title: "", lead: hasLead ? "" : user,
                                status: catalogue.startingStatus)
                if catalogue.themes.count == 1 { action.theme = catalogue.themes[0].id }
                for (field, text) in defaults { try? ActionEdit.set(field, to: text, on: &action, catalogue: catalogue, today: today) }
            }
            for a in assignments {
                do {
                    try a.apply(to: &action, catalogue: catalogue, today: today)
                } catch let refused as FieldProblem {
                    problems.append(problem(a.column, refused.message))
                } catch {
                    problems.append(problem(a.column, "\(error)"))
                }
            }
            if problems.isEmpty {
                for p in ActionEdit.problems(action, catalogue: catalogue) {
                    let column = plan.columns.first { $0.target == .field(p.field) }?.header
                    let hint = column == nil && p.field != .title ? " (add a column, or \(p.field.rawValue)=VALUE on the command line)" : ""
                    problems.append(problem(column, p.message + hint))
                }
            }
            let fresh = notes.filter { note in
                !(match?.progress.contains { ActionEdit.trim($0.text) == ActionEdit.trim(note.text) } ?? false)
            }
            let outcome: ImportRow.Outcome
            if !problems.isEmpty {
                outcome = .bad(problems)
            } else if let match {
                let changes = ActionEdit.changes(from: match, to: action, catalogue: catalogue)
                outcome = changes.isEmpty && fresh.isEmpty ? .unchanged(id: match.id) : .update(id: match.id, changes: changes, notes: fresh.count)
            } else {
                for note in fresh { action.addProgress(note) }
                outcome = .create(action)
            }
            return ImportRow(row: index + 1, title: title, assignments: assignments, notes: fresh, outcome: outcome)
        }
    }
}
