import ArgumentParser
import Foundation
import PathfinderModel
import PathfinderStore

/// What every editing command takes: the store, who edits, and the day.
struct EditOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("as-user"), help: ArgumentHelp("Who makes the change (default: `name` in your Pathfinder config, else $USER).", valueName: "NAME"))
    var asUser: String?

    /// A name is one line of at most 120 characters, as the screens' note author is.
    func validate() throws {
        if let asUser, let problem = TextRule.author.problem(asUser) { throw ValidationError("--as-user: \(problem)") }
        // The name goes into files (updated-by, a note's heading): from the config or $USER too.
        if asUser == nil, let problem = TextRule.author.problem(user()) {
            throw ValidationError("your name (`name` in your Pathfinder config, else $USER) \(problem); give --as-user NAME")
        }
    }

    /// `--as-user`, else the per-user config's `name`, else `$USER`.
    func user(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        for candidate in [asUser, UserConfig.load(environment: environment)["name"], environment["USER"]] {
            if let name = candidate?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        }
        return "unknown"
    }

    /// The day edits are made on: `--as-of` if given, else today. (A store's pinned day is for
    /// judging overdue in a snapshot, not for dating new work.)
    func today() throws -> Day { try store.day(default: Day.today()) }

    /// The day typed dates count from (`tomorrow`, `+2w`, `eoq`): `--as-of`, else the store's
    /// pinned day, else today. In a pinned store that is the day "overdue" is judged on, as on
    /// the screens (issue 16); the change itself is still dated `today()`.
    func datesFrom(_ partnership: Partnership) throws -> Day { try store.day(default: partnership.asOf) }

    /// The store, ready for `modify` and `create` without reading every action (an edit costs
    /// milliseconds on a store of 50,000 actions), and its catalogue and areas.
    func openForEditing() throws -> (store: PlainFileStore, partnership: Partnership) {
        let location = try store.location()
        location.announce()
        let opened = PlainFileStore(root: location.path)
        return (opened, try opened.loadForEditing())
    }
}

/// `FIELD=VALUE` arguments, read before the store is touched so a typo costs nothing.
enum Assignments {
    static func parse(_ arguments: [String]) throws -> [(ActionField, String)] {
        let pairs = try arguments.map { argument -> (field: ActionField, key: String, value: String) in
            guard let eq = argument.firstIndex(of: "=") else {
                throw CLIError("\(Quote.value(argument)) is not FIELD=VALUE (e.g. status=done, due=+2w)")
            }
            let key = String(argument[..<eq])
            guard let field = ActionField(key: key) else {
                throw CLIError("unknown field \(Quote.value(key)) (fields: \(ActionField.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return (field, key, String(argument[argument.index(after: eq)...]))
        }
        if let problem = FieldAssignments.duplicateProblem(pairs.map { ($0.field, $0.key) }) { throw CLIError(problem) }
        return pairs.map { ($0.field, $0.value) }
    }

    /// Applies every pair and then the whole-action checks; the first problem stops it all, as
    /// one line naming the action.
    static func apply(_ pairs: [(ActionField, String)], to action: inout Action, catalogue: Catalogue, today: Day, name: String) throws {
        for (field, text) in pairs {
            do {
                try ActionEdit.set(field, to: text, on: &action, catalogue: catalogue, today: today)
            } catch let problem as FieldProblem {
                throw CLIError("\(name): \(problem.field.rawValue): \(problem.message)")
            }
        }
        if let problem = ActionEdit.problems(action, catalogue: catalogue).first {
            // A missing theme on a new action: say which there are.
            let choices = problem.field == .theme && action.theme.isEmpty && !catalogue.themes.isEmpty
                ? " (theme=ID, one of: \(catalogue.themes.map(\.id).joined(separator: ", ")))" : ""
            throw CLIError("\(name): \(problem.message)\(choices)")
        }
    }

    static var fieldList: String {
        "Fields: " + ActionField.allCases.map(\.rawValue).joined(separator: ", ")
            + ". Lists are comma-separated; milestones are “[x] Title (YYYY-MM-DD); Next one”; dates take "
            + DateInput.hint + " (counted from the store's pinned day when it has one, as on the screens). An empty value "
            + "clears an optional field. The change is dated today, or --as-of."
    }
}

/// An action id given as an argument: refused at once unless it has an id's shape, so a path
/// or a 100 KB value never reaches the store or git, and the message stays short.
func checkActionID(_ id: String) throws {
    guard ActionID.isValid(id) || ActionID.isValid(id.uppercased()) else {
        throw CLIError("no action \(Quote.value(id)) in the store (an action id is like PO-03)")
    }
}

/// An id as typed: exact, or in capitals ("po-03").
private func resolveID(_ id: String, in partnership: Partnership) -> String {
    partnership.action(id) == nil && partnership.action(id.uppercased()) != nil ? id.uppercased() : id
}

extension EditOptions {
    /// The whole store, for a command on one action named as typed: the id's shape is checked
    /// before anything is read, then it is found exactly or in capitals.
    func loadForAction(_ typed: String) throws -> (store: PlainFileStore, partnership: Partnership, id: String) {
        try checkActionID(typed)
        let (_, store, result, _) = try self.store.loadStore()
        return (store, result.partnership, resolveID(typed, in: result.partnership))
    }
}

/// An area as typed after `--area` or `--to`: its id, name or code, in any case.
func findArea(_ typed: String, in p: Partnership) throws -> Area {
    let wanted = typed.lowercased()
    guard let found = p.areas.first(where: { $0.id == wanted || $0.name.lowercased() == wanted || $0.code.lowercased() == wanted }) else {
        throw CLIError("no area \(Quote.value(typed)) (areas: \(p.areas.map(\.id).joined(separator: ", ")))")
    }
    return found
}

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Change fields of an action: all of them or none.",
        discussion: "Example:\n  pathfinder edit PO-03 status=in-progress rag=amber due=+2w\n\n" + Assignments.fieldList)

    @Argument(help: ArgumentHelp("The action's id.", valueName: "ID"), completion: StoreNames.actionIDs) var id: String
    @Argument(help: ArgumentHelp("Fields to set.", valueName: "FIELD=VALUE")) var assignments: [String] = []
    @OptionGroup var options: EditOptions

    func run() throws { try perform() }

    func perform() throws {
        try checkActionID(id)
        let pairs = try Assignments.parse(assignments)
        guard !pairs.isEmpty else { throw CLIError("say what to change: pathfinder edit \(Quote.short(id)) FIELD=VALUE...") }
        let (store, partnership) = try options.openForEditing()
        let today = try options.today()
        let datesFrom = try options.datesFrom(partnership)
        let id = store.actionID(matching: id) ?? id
        let catalogue = partnership.catalogue
        var before: Action?
        let after = try store.modify(actionID: id, by: options.user(), today: today) { action in
            before = action
            try Assignments.apply(pairs, to: &action, catalogue: catalogue, today: datesFrom, name: id)
        }
        let changes = before.map { ActionEdit.changes(from: $0, to: after, catalogue: catalogue) } ?? []
        if changes.isEmpty {
            Output.line("\(id): nothing to change")
        }
        for change in changes {
            Output.line("\(id): \(change.field.rawValue): \(TextLine.first(change.old)) → \(TextLine.first(change.new))")
        }
    }
}

struct Note: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add a progress note to an action, by you.",
        discussion: "Example:\n  pathfinder note PO-03 \"Survey results in; 41 replies.\" --date 2006-12-01")

    @Argument(help: ArgumentHelp("The action's id.", valueName: "ID"), completion: StoreNames.actionIDs) var id: String
    @Argument(help: ArgumentHelp("The note (Markdown).", valueName: "TEXT")) var text: String
    @Option(help: ArgumentHelp("The note's day (default today): \(DateInput.hint).", valueName: "DATE")) var date: String?
    /// For the kill -9 test: add N notes ("TEXT #1"...), one save each, each reported once saved.
    @Option(name: .customLong("repeat"), help: ArgumentHelp("Add N numbered notes, one save each (for testing).", visibility: .hidden))
    var times: Int = 1
    @OptionGroup var options: EditOptions

    func run() throws { try perform() }

    func perform() throws {
        try checkActionID(id)
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CLIError("the note is empty; nothing was added") }
        if let problem = TextRule.note.problem(text) { throw CLIError("the note: \(problem); nothing was added") }
        let today = try options.today()
        let (store, partnership) = try options.openForEditing()
        // The note is dated today (when the words were written); a typed --date counts from the
        // store's pinned day, as every typed date does.
        var day = today
        if let date {
            guard let parsed = DateInput.parse(date, today: try options.datesFrom(partnership)) else {
                throw CLIError("--date: \(Quote.value(date)) is not a date (\(DateInput.hint))")
            }
            day = parsed
        }
        let id = store.actionID(matching: id) ?? id
        let user = options.user()
        for n in 1...max(1, times) {
            let text = times > 1 ? "\(text) #\(n)" : text
            try store.modify(actionID: id, by: user, today: today) { action in
                // Kept in date order: a note dated earlier goes before later ones, after its own day's.
                action.addProgress(ProgressEntry(date: day, author: user, text: text))
            }
            // Said only once the save has returned: a script (or the kill test) may rely on it.
            // Written straight to the file descriptor, not buffered, so it is out before the next save.
            Output.line("\(id): progress note added (\(day.iso), \(user))\(times > 1 ? " #\(n)" : "")")
        }
    }
}

struct NewAction: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-action",
        abstract: "Make a new action in an area and print its id.",
        discussion: "Example:\n  pathfinder new-action --area portsmouth --title \"Map services\" theme=developing-market-intelligence due=eoq\n\n"
            + "The lead defaults to you; a theme is needed unless the store has only one. " + Assignments.fieldList)

    @Option(help: ArgumentHelp("The area (its id, name or code).", valueName: "AREA"), completion: StoreNames.areaIDs) var area: String
    @Option(help: ArgumentHelp("The action's title.", valueName: "TEXT")) var title: String
    @Argument(help: ArgumentHelp("More fields to set.", valueName: "FIELD=VALUE")) var assignments: [String] = []
    @OptionGroup var options: EditOptions

    func run() throws { try perform() }

    func perform() throws {
        let pairs = try Assignments.parse(assignments)
        if pairs.contains(where: { $0.0 == .title }) { throw CLIError("“title” is given twice (--title and title=): give each field once") }
        let (store, p) = try options.openForEditing()
        let found = try findArea(area, in: p)
        let today = try options.today()
        let user = options.user()
        let catalogue = p.catalogue
        var draft = Action(id: "\(found.code)-NEW", area: found.id, title: "", lead: user,
                           status: catalogue.startingStatus)
        if catalogue.themes.count == 1 { draft.theme = catalogue.themes[0].id }
        try Assignments.apply([(.title, title)] + pairs, to: &draft, catalogue: catalogue, today: try options.datesFrom(p), name: "new action")
        let created = try store.create(draft.stamped(by: user, on: today), in: p)
        Output.line(created.id)
    }
}

struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move an action to the store's trash (pathfinder trash restore ID brings it back).",
        discussion: "Asks first on a terminal; elsewhere it needs --yes. To keep an action but end it, use "
            + "pathfinder edit ID status=dropped instead.")

    @Argument(help: ArgumentHelp("The action's id.", valueName: "ID"), completion: StoreNames.actionIDs) var id: String
    @Flag(help: "Do not ask.") var yes = false
    @OptionGroup var options: EditOptions

    func run() throws { try perform() }

    func perform() throws {
        let (store, p, id) = try options.loadForAction(id)
        guard let action = p.action(id) else { throw CLIError("no action \(Quote.short(id)) in the store") }
        // Refused before asking: the store would refuse it after the question was answered.
        if let refusal = p.deletionRefusal(id) { throw CLIError("\(refusal) (pathfinder edit \(id) status=dropped)") }
        if !yes {
            guard isatty(STDIN_FILENO) == 1 else { throw CLIError("deleting \(id) needs --yes when not asked on a terminal") }
            Output.prompt("Move \(id) “\(TextLine.first(action.title))” to the trash? [y/N] ")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard answer == "y" || answer == "yes" else { throw CLIError("\(id) was not deleted") }
        }
        let entry = try store.delete(actionID: id, in: p)
        Output.line("\(id): moved to \(entry.path) (pathfinder trash restore \(id) brings it back)")
    }
}

struct Trash: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List deleted actions, or restore one.",
        discussion: "pathfinder trash (or trash list) lists them; pathfinder trash restore ID brings one back under its own id.")

    @Argument(help: ArgumentHelp("list, or restore", valueName: "list|restore")) var verb: String = "list"
    @Argument(help: ArgumentHelp("The action to restore.", valueName: "ID")) var id: String?
    @OptionGroup var options: EditOptions

    func run() throws { try perform() }

    func perform() throws {
        let location = try options.store.location()
        let store = PlainFileStore(root: location.path)
        switch verb {
        case "list", "ls":
            let entries = store.trash()
            if entries.isEmpty {
                Output.notice("The trash is empty.")
                return
            }
            var table = TextTable(["Id", "Area", "Deleted", "Title"])
            for e in entries {
                table.add([e.id, e.area, e.deleted.map { Day.today(now: $0).iso } ?? "", TextLine.first(e.title)])
            }
            Output.line(table.render())
        case "restore":
            guard let id else { throw CLIError("say which action to restore: pathfinder trash restore ID") }
            try checkActionID(id)
            _ = try store.load()
            let inTrash = store.trash().contains { $0.id == id }
            let entry = try store.restore(actionID: inTrash ? id : id.uppercased())
            Output.line("\(entry.id): restored to areas/\(entry.area)/actions/\(entry.id).md")
        default:
            throw CLIError("\(Quote.value(verb)): say list or restore")
        }
    }
}

struct Move: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move an action to another area; it gets an id with that area's code.",
        discussion: "Meetings that name the action are changed to the new id, and a progress note records the old one.")

    @Argument(help: ArgumentHelp("The action's id.", valueName: "ID"), completion: StoreNames.actionIDs) var id: String
    @Option(help: ArgumentHelp("The area to move it to (id, name or code).", valueName: "AREA"), completion: StoreNames.areaIDs) var to: String
    @OptionGroup var options: EditOptions

    func run() throws { try perform() }

    func perform() throws {
        let (store, p, id) = try options.loadForAction(id)
        let area = try findArea(to, in: p)
        let moved = try store.move(actionID: id, toArea: area.id, in: p, by: options.user(), today: try options.today())
        Output.line(moved.id)
    }
}

struct Duplicate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy an action under a new id in the same area and print the id.",
        discussion: "The copy is titled “… (copy)”, starts not started and green, and has no progress notes.")

    @Argument(help: ArgumentHelp("The action's id.", valueName: "ID"), completion: StoreNames.actionIDs) var id: String
    @OptionGroup var options: EditOptions

    func run() throws { try perform() }

    func perform() throws {
        let (store, p, id) = try options.loadForAction(id)
        let copy = try store.duplicate(actionID: id, in: p, by: options.user(), today: try options.today())
        Output.line(copy.id)
    }
}
