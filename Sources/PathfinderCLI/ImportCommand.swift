import ArgumentParser
import Foundation
import PathfinderExchange
import PathfinderModel
import PathfinderStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a spreadsheet's actions (.csv or .xlsx) to an area's plan: every row or none.",
        discussion: """
        Examples:
          pathfinder import tracker.csv --area portsmouth --dry-run theme=ensuring-dialogue
          pathfinder import tracker.csv --area portsmouth --map "Notes=ignore" --map "Who=lead" theme=ensuring-dialogue

        Columns are matched to fields by their headers (Action or Title, Owner or Lead, RAG or RAG status, \
        Status, Due date or Deadline, Progress or Comments, Theme...) and the match is printed first. \
        A workbook's first sheet is read, or --sheet NAME. --map COLUMN=FIELD sets one (COLUMN is a header or a letter; FIELD is a field, id, note or ignore). \
        FIELD=VALUE after the file is given to every new action (a theme the sheet lacks, say). \
        Every row is checked as the screens check a new action; if any is bad nothing is written \
        (--skip-bad writes the good ones). An action already in the area (the same id in an id column, \
        else the same title) is updated from the row's filled cells, not added again.
        """)

    @Argument(help: ArgumentHelp("The spreadsheet: .csv (comma, semicolon or tab) or .xlsx.", valueName: "FILE"), completion: .file(extensions: ["csv", "xlsx"])) var file: String
    @Argument(help: ArgumentHelp("Fields for every new action.", valueName: "FIELD=VALUE")) var assignments: [String] = []
    @Option(help: ArgumentHelp("The area to import into (id, name or code).", valueName: "AREA"), completion: StoreNames.areaIDs) var area: String
    @Option(name: .customLong("map"), help: ArgumentHelp("Where a column goes, e.g. \"Who=lead\", \"D=due\", \"Notes=ignore\".", valueName: "COLUMN=FIELD"))
    var maps: [String] = []
    @Option(help: ArgumentHelp("The workbook's sheet (default: the first).", valueName: "NAME")) var sheet: String?
    @Flag(help: "Print what would be done; write nothing.") var dryRun = false
    @Flag(help: "Write the good rows even if some are bad.") var skipBad = false
    @OptionGroup var options: EditOptions

    func run() throws { try perform() }

    func perform() throws {
        let defaults = try Assignments.parse(assignments)
        let targets = try maps.map(Self.parseMap)
        let table: ImportTable
        do {
            table = try SpreadsheetFile.read(path: file, name: (file as NSString).lastPathComponent, sheet: sheet)
        } catch let error as ExchangeError {
            throw CLIError(error.description)
        }
        let (store, editing) = try options.openForEditing()
        let found = try findArea(area, in: editing)
        let partnership = try store.loadArea(found.id).partnership
        let today = try options.today()
        let user = options.user()
        let catalogue = partnership.catalogue
        var probe = Action(id: "", area: found.id, title: "probe", lead: user, status: catalogue.startingStatus)
        for (field, text) in defaults {
            do {
                try ActionEdit.set(field, to: text, on: &probe, catalogue: catalogue, today: today)
            } catch let problem as FieldProblem {
                throw CLIError("\(field.rawValue)=: \(problem.message)")
            }
        }
        let plan: ImportPlan
        do {
            plan = try ImportPlan.make(table, area: found, existing: partnership.actions.filter { $0.area == found.id },
                                       catalogue: catalogue, today: today, user: user, defaults: defaults, maps: targets)
        } catch {
            throw CLIError(error.message)
        }
        for line in plan.previewLines { Output.line(line) }
        guard plan.headerRow != nil else { throw CLIError(plan.problems.first?.description ?? "nothing to import") }
        for problem in plan.problems { Output.notice(problem.description) }
        if plan.badCount > 0 && !skipBad {
            throw CLIError("\(plan.badCount) bad row\(plan.badCount == 1 ? "" : "s"): nothing was written (correct \(plan.badCount == 1 ? "it" : "them"), or --skip-bad to import the rest)")
        }
        if dryRun {
            Output.line("Dry run: nothing was written.")
            return
        }
        let written = try store.write(plan, in: partnership, by: user, today: today) { Output.line($0) }
        Output.line(written.summary(of: plan))
    }

    /// "COLUMN=FIELD", split at the last "=" (a header may hold one; a field name never does).
    static func parseMap(_ text: String) throws -> (column: String, target: ImportTarget) {
        guard let eq = text.lastIndex(of: "=") else { throw CLIError("--map \(Quote.value(text)): say COLUMN=FIELD (e.g. \"Who=lead\")") }
        let column = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let name = String(text[text.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        guard !column.isEmpty, let target = ImportTarget(mapName: name) else {
            throw CLIError("--map \(Quote.value(text)): \(Quote.value(name)) is not a field (fields: \(ActionField.allCases.map(\.rawValue).joined(separator: ", ")); or id, note, ignore)")
        }
        return (column, target)
    }
}
