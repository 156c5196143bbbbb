import ArgumentParser
import Foundation
import PathfinderModel
import PathfinderStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a new, empty store with the default catalogues.",
        discussion: "The catalogues (themes, success factors, statuses, RAG meanings, funding rules) are written to pathfinder.yaml, where you can change them.")

    @Argument(help: ArgumentHelp("The folder to make the store in (it must be empty or not exist).", valueName: "DIR"))
    var directory: String

    @Option(help: "The store's title.")
    var title: String = "Partnership action plans"

    @Flag(help: "Also make it a git repository, ready for `pathfinder sync --setup REMOTE` (see docs/sync.md).")
    var git = false

    func validate() throws {
        if let problem = TextRule.line(200).problem(title) { throw ValidationError("--title: \(problem)") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        try PlainFileStore.initialise(at: url, title: title)
        Output.line(SafeText.line("Made a new store in \(url.path)"))
        if git {
            try SyncSupport.oneLine { try SyncSupport.engine(url).prepareRepository() }
            Output.line(SafeText.line("It is a git repository; share it with: pathfinder --store \(directory) sync --setup REMOTE"))
        }
        Output.line(SafeText.line("Add an area with a folder areas/<name>/ holding area.md (see docs/store-format.md), then: pathfinder --store \(directory)"))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every file in the store and report each problem as path:line: error|warning: message.",
        discussion: "Exits 1 when there is an error; warnings alone exit 0.")

    @OptionGroup var options: StoreOptions

    func run() throws {
        // Problems and counts need no description or note once it is checked: a national
        // store's are three quarters of a full load's memory (docs/performance.md).
        let (location, store, loaded, _) = try options.loadStore(longTexts: false)
        // Clears what crashes left (docs/store-format.md, "Temporary files and crashes") and
        // says so; a change a killed process left half-made is finished or undone first, so the
        // store is then read again as it now is.
        let tidied = store.tidy()
        let result = tidied.contains { $0.path == PlainFileStore.journalPath } ? try store.loadWithoutLongTexts() : loaded
        let problems = (result.problems + tidied).sorted()
        // One line each, whatever the message quotes.
        for problem in problems { Output.line(SafeText.line(problem.description)) }
        // Counted as the summary and the screens count (`ProblemCount`), so the numbers agree.
        let count = ProblemCount(problems)
        let p = result.partnership
        Output.notice("\(location.path.lastPathComponent): \(p.areas.count) areas, \(p.actions.count) actions, \(p.caseStudies.count) case studies\(p.organisations.isEmpty ? "" : ", \(p.organisations.count) organisations"); \(count.tally)")
        if count.errors > 0 { throw ExitCode(1) }
    }
}
