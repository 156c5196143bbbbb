import ArgumentParser
import Foundation
import PathfinderModel
import PathfinderStore

/// `pathfinder sync`: commit, fetch, merge field by field, push. See docs/sync.md.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Share the store through git: commit your changes, fetch and merge the others', send yours.",
        discussion: """
        Set up once with --setup REMOTE, where REMOTE is any git remote: a bare repository on a USB stick \
        or a share (make one with `git init --bare /media/stick/plan.git`), or a server. A missing or empty \
        store folder is filled from the remote. Files merge field by field; a field changed differently on \
        two machines keeps yours and is listed by `pathfinder conflicts` until you decide. See docs/sync.md.
        """)

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp("Make the store a git repository sharing with REMOTE, then sync.", valueName: "REMOTE"))
    var setup: String?

    func validate() throws {
        if let setup, let problem = TextRule.line(1_000).problem(setup) { throw ValidationError("--setup: \(problem)") }
    }

    func run() throws { try SyncSupport.oneLine(body) }

    private func body() throws {
        let sync = try SyncSupport.engine(try storeFolder())
        let progress: (SyncProgress) -> Void = { step in
            if step.step != .done { Output.line(SafeText.line("\(step.message)…")) }
        }
        let report: SyncReport
        if let setup {
            report = try sync.setup(remote: setup, progress: progress)
        } else {
            report = try sync.sync(progress: progress)
        }
        SyncSupport.show(report)
        if let offline = report.offline {
            throw CLIError("\(offline): your changes are committed here, and the next sync sends them")
        }
    }
}

extension Sync {
    /// The store to sync. A setup on a machine with no store yet fills the per-user store's
    /// folder from the remote, rather than first copying the sample store and joining the two.
    func storeFolder(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        let named = options.store.map { !$0.isEmpty } ?? false || !(environment["PATHFINDER_STORE"] ?? "").isEmpty
        guard setup != nil, !named else { return try options.location().path }
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return URL(fileURLWithPath: dataHome).appendingPathComponent("pathfinder/store")
    }
}

/// `pathfinder merge-driver BASE OURS THEIRS PATH`: what git runs to merge a Pathfinder file.
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "The git merge driver for Pathfinder files (git runs it: %O %A %B %P).",
        shouldDisplay: false)

    @Argument var base: String
    @Argument var ours: String
    @Argument var theirs: String
    @Argument var path: String

    func run() throws {
        let status = MergeDriver.run(base: base, ours: ours, theirs: theirs, path: path)
        if status != 0 { throw ExitCode(status) }
    }
}

/// `pathfinder conflicts`: the decisions the last merges left.
struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the fields that changed differently on two machines (each file keeps your value until you decide).",
        discussion: "Resolve each with `pathfinder resolve PATH FIELD mine|theirs` or `--value V`; then sync.")

    @OptionGroup var options: StoreOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws { try SyncSupport.oneLine(body) }

    private func body() throws {
        let location = try options.location()
        let conflicts = try PlainFileStore(root: location.path).conflicts()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.json(String(decoding: try encoder.encode(conflicts), as: UTF8.self))
            return
        }
        guard !conflicts.isEmpty else {
            Output.line("No conflicts.")
            return
        }
        for conflict in conflicts { Output.line(TextLine.safe(conflict.summary)) }
        Output.line("\nDecide each with: pathfinder resolve PATH FIELD mine|theirs (or --value V)")
    }
}

/// `pathfinder resolve PATH FIELD mine|theirs|--value V`.
struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Decide a conflict: keep mine, take theirs, or give a value.",
        discussion: "PATH is the file as `pathfinder conflicts` shows it (or an action id); FIELD as shown there, e.g. status.")

    @OptionGroup var options: StoreOptions

    @Argument(help: ArgumentHelp("The file, relative to the store, or an action id.", valueName: "PATH"), completion: StoreNames.actionIDs)
    var path: String

    @Argument(help: ArgumentHelp("The field, as `pathfinder conflicts` names it.", valueName: "FIELD"))
    var field: String

    @Argument(help: ArgumentHelp("mine (keep yours) or theirs.", valueName: "mine|theirs"))
    var choice: String?

    @Option(help: ArgumentHelp("The value to set instead of choosing a side.", valueName: "V"))
    var value: String?

    func validate() throws {
        switch (choice, value) {
        case (nil, nil): throw ValidationError("say mine, theirs or --value V")
        case (_?, _?): throw ValidationError("give mine/theirs or --value, not both")
        case let (c?, nil) where c != "mine" && c != "theirs": throw ValidationError("choose mine or theirs, not \(Quote.value(c))")
        default: break
        }
        for (name, text) in [("PATH", path), ("FIELD", field)] {
            if let problem = TextRule.line(1_000).problem(text) { throw ValidationError("\(name): \(problem)") }
        }
        if let value, let problem = Self.rule(path: path, field: field).problem(value) { throw ValidationError("--value: \(problem)") }
    }

    /// A value given for a field follows that field's rule, as if typed in its form; fields
    /// inside lists (`milestones[Survey sent].due`) are one line.
    static func rule(path: String, field: String) -> TextRule {
        if path.hasSuffix("area.md") { return AreaField(rawValue: field)?.rule ?? .line(1_000) }
        if path.contains("case-studies/") { return CaseStudyField(rawValue: field)?.rule ?? .line(1_000) }
        return ActionField(rawValue: field)?.rule ?? (field == "body" ? .text(20_000) : .line(1_000))
    }

    func run() throws { try SyncSupport.oneLine(body) }

    private func body() throws {
        let location = try options.location()
        let store = PlainFileStore(root: location.path)
        _ = try store.load()
        let conflicts = try store.conflicts()
        var file = path
        if file.hasPrefix(location.path.path + "/") { file = String(file.dropFirst(location.path.path.count + 1)) }
        if !file.contains("/"), let match = conflicts.first(where: { $0.path.hasSuffix("/\(file).md") }) { file = match.path }
        let decision: ConflictChoice = value.map { .value($0) } ?? (choice == "theirs" ? .theirs : .mine)
        try store.resolve(path: file, field: field, choosing: decision)
        let said = switch decision {
        case .mine: "kept yours"
        case .theirs: "took theirs"
        case .value: "set the value given"
        }
        Output.line(SafeText.line("Resolved \(file) \(field): \(said)."))
        let left = try store.conflicts().count
        Output.line(left == 0 ? "No conflicts left: `pathfinder sync` sends your decisions." : "\(left) conflict\(left == 1 ? "" : "s") left: pathfinder conflicts")
    }
}

/// `pathfinder history ID`: an action's changes from git.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show an action's history from git: who changed which field from what to what, and when.")

    @OptionGroup var options: StoreOptions

    @Argument(help: ArgumentHelp("The action's id, e.g. PO-03.", valueName: "ID"), completion: StoreNames.actionIDs)
    var id: String

    func run() throws { try SyncSupport.oneLine(body) }

    private func body() throws {
        try checkActionID(id)
        let location = try options.location()
        let entries = try SyncSupport.engine(location.path).history(actionID: id)
        guard !entries.isEmpty else {
            Output.line("\(id) has no history yet: it changes with the next sync.")
            return
        }
        for entry in entries {
            var details = entry.change.kind == .changed ? entry.change.details : [entry.change.line]
            if !entry.change.notesAdded.isEmpty { details.removeAll { $0.hasSuffix("progress note") || $0.hasSuffix("progress notes") } }
            Output.line("\(SyncSupport.when(entry.date))  \(TextLine.safe(entry.author))")
            for line in details.isEmpty && entry.change.notesAdded.isEmpty ? ["layout only"] : details { Output.line("  \(TextLine.safe(line))") }
            for note in entry.change.notesAdded {
                let text = TextLine.first(note.text)
                Output.line("  + note \(note.date.iso)\(note.author.isEmpty ? "" : " — " + TextLine.first(note.author)): \(text)")
            }
        }
    }
}

/// `pathfinder changed [--since DATE]`: what changed since a day or since the last sync.
struct Changed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List what changed since a day, or (by default) since the last sync began.")

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp("The day to look back to: \(DateInput.hint) (counted from the store's pinned day when it has one).", valueName: "DATE"))
    var since: String?

    func run() throws { try SyncSupport.oneLine(body) }

    private func body() throws {
        let location = try options.location()
        let sync = try SyncSupport.engine(location.path)
        let files: [ChangedFile]
        if let since {
            files = try sync.changed(since: try DateOption.day(since, option: "--since", today: try options.datesFrom(location)).start())
        } else {
            files = try sync.changedSinceLastSync()
        }
        guard !files.isEmpty else {
            Output.line("Nothing changed.")
            return
        }
        for file in files {
            var who = file.authors.isEmpty ? "" : " — " + file.authors.joined(separator: ", ")
            if file.notSynced { who += file.authors.isEmpty ? " — not yet synced" : "; not yet synced" }
            Output.line(TextLine.safe(file.change.line + who))
        }
    }
}

/// What the sync commands share.
enum SyncSupport {
    /// Sync's errors as the command line's one-line errors.
    static func oneLine(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as SyncError {
            throw CLIError(error.description)
        }
    }

    /// The sync engine for a store, with the user's name from the per-user config as author
    /// when git has none, and this program as the merge driver.
    static func engine(_ store: URL) throws -> StoreSync {
        let name = UserConfig.load()["name"].flatMap { $0.isEmpty ? nil : $0 }
        return try StoreSync(store: store, userName: name, driverExecutable: executablePath())
    }

    /// This program's own absolute path, for git to call back as the merge driver.
    static func executablePath() -> String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func show(_ report: SyncReport) {
        if !report.committed.isEmpty {
            Output.line("Committed your changes:")
            list(report.committed)
        }
        if !report.receivedChanges.isEmpty {
            Output.line("Received:")
            list(report.receivedChanges)
        }
        for notice in report.notices { Output.line("Note: \(TextLine.safe(notice))") }
        if !report.conflicts.isEmpty {
            Output.line("\(report.conflicts.count) conflict\(report.conflicts.count == 1 ? "" : "s") (your value is kept until you decide):")
            for conflict in report.conflicts { Output.line("  \(TextLine.safe(conflict.summary))") }
            Output.line("Decide with: pathfinder resolve PATH FIELD mine|theirs (or --value V), then sync again.")
        }
        if report.sent, let remote = report.remote { Output.line(SafeText.line("Up to date with \(remote).")) }
    }

    /// Lines indented, at most 20 (a first sync of a whole store would fill the screen).
    static func list(_ lines: [String]) {
        for line in lines.prefix(lines.count > 20 ? 15 : 20) { Output.line("  \(TextLine.safe(line))") }
        if lines.count > 20 { Output.line("  … and \(lines.count - 15) more (git log shows them all)") }
    }

    static func when(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

/// Text from a file on one line: its first line, at most 70 characters (the rest of a note is
/// in `pathfinder show`). Controls are made visible where it is written (`Output`).
enum TextLine {
    static func first(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 70 ? String(line.prefix(67)) + "…" : line
    }

    /// Control characters and bidi controls shown as the screens show them (`SafeText`).
    static func safe(_ text: String) -> String { SafeText.line(text) }
}
