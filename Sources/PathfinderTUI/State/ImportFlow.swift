import PathfinderModel

/// A spreadsheet to import into an area, as `:import FILE` asks for it.
public struct ImportRequest: Hashable, Sendable {
    /// The path as typed (the run loop resolves `~` and relative paths).
    public var path: String
    public var area: String
    public var sheet: String?

    public init(path: String, area: String, sheet: String? = nil) {
        self.path = path
        self.area = area
        self.sheet = sheet
    }
}

/// `:import FILE` on an area's plan: the run loop reads the file, the preview (the same lines
/// `pathfinder import --dry-run` prints) is shown as a page, and a question on the message
/// line writes the good rows with y. Nothing is written before that answer.
extension AppState {
    /// Into the area on screen: its plan, an action of it, or the one selected on the areas list.
    mutating func startImport(_ argument: String) -> [Effect] {
        guard let area = currentArea else {
            message = Message("Open an area's plan first (:plan AREA), then :import FILE", isError: true)
            return []
        }
        var path = argument
        var sheet: String?
        // ":import plan.xlsx --sheet Tracker", as the command line takes it.
        let words = path.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if let i = words.firstIndex(of: "--sheet"), i > 0, i + 1 < words.count {
            sheet = words[(i + 1)...].joined(separator: " ")
            path = words[..<i].joined(separator: " ")
        }
        guard !path.isEmpty else {
            message = Message("Which file? :import plan.xlsx (or a .csv), into the area on screen", isError: true)
            return []
        }
        if let reason = edits.readOnlyReason {
            message = Message("Nothing can be imported: \(reason)", isError: true)
            return []
        }
        message = Message("Reading \(path)…")
        return [.readImport(ImportRequest(path: path, area: area, sheet: sheet))]
    }

    /// The file was read: work out the plan against the area as it is on screen, show it, and
    /// ask before writing when there is something to write.
    mutating func showImport(_ table: ImportTable, _ request: ImportRequest) -> [Effect] {
        guard let area = partnership.area(request.area) else { return [] }
        let user = edits.userName ?? edits.suggestedName
        let plan: ImportPlan
        do {
            plan = try ImportPlan.make(table, area: area, existing: partnership.actions(inArea: area.id), catalogue: partnership.catalogue,
                                       today: edits.today, user: user.isEmpty ? "unknown" : user)
        } catch {
            message = Message(error.message, isError: true)
            return []
        }
        let width = max(20, self.width - 6)
        let rows = plan.previewLines.map { line -> LogRow in
            // As printed while it fits (its columns line up); wrapped only when it does not.
            if DisplayWidth.of(line) <= width { return LogRow(heading: line) }
            let wrapped = Text.wrap(line, to: width)
            return LogRow(heading: wrapped.first ?? "", details: Array(wrapped.dropFirst()))
        }
        push(.log(LogPage(title: "Import \(table.file)", rows: rows, empty: "The file has no rows.")))
        let writing = plan.creating.count + plan.updating.count
        guard writing > 0 else {
            message = Message(plan.headerRow == nil ? plan.summary : "Nothing to write: \(plan.summary)", isError: plan.badCount > 0 || plan.headerRow == nil)
            return []
        }
        var parts: [String] = []
        if !plan.creating.isEmpty { parts.append("add \(plan.creating.count)") }
        if !plan.updating.isEmpty { parts.append("update \(plan.updating.count)") }
        let bad = plan.badCount > 0 ? " and leave out \(plan.badCount) bad row\(plan.badCount == 1 ? "" : "s")" : ""
        overlay = .confirm(Confirmation(question: "\(parts.joined(separator: " and ").capitalizedFirst) action\(writing == 1 ? "" : "s") in \(area.name)\(bad)?",
                                        purpose: .importRows(plan)))
        return []
    }

    /// Yes: the run loop writes the rows and reads the store again, so the plan shows them.
    mutating func confirmImport(_ plan: ImportPlan) -> [Effect] {
        message = Message("Importing into \(plan.area.name)…")
        goBack()
        return [.writeImport(plan, user: edits.userName ?? edits.suggestedName), .readStoreAgain]
    }
}

extension String {
    /// "add 3" as "Add 3".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
