import ArgumentParser
import CursesTerminal
import Foundation
import PathfinderModel
import PathfinderStore

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the store's screens (the default). Without a terminal, print the areas summary.",
        discussion: "Keys are shown at the foot of every screen; ? lists them all.")

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp("Colour theme: default, light, projector, monochrome, or a theme file's name.", valueName: "NAME"))
    var theme: String?

    @Flag(help: "Look without changing anything (also offered when another Pathfinder has the store open).")
    var readOnly = false

    func run() throws {
        guard Open.canUseTerminal() else {
            // The summary alone needs no full load: the summary cache answers it.
            let (location, summary, asOf) = try options.summary()
            printSummary(location: location, summary: summary, asOf: asOf)
            return
        }
        var app: TerminalApp
        let location = try options.location()
        location.announce()
        let store = PlainFileStore(root: location.path)
        // With a summary cache from an earlier run, the areas show at once and the store is read
        // in the background; without one (a first run), it is read first, as that is quicker
        // than building the cache and then reading everything again.
        if FileManager.default.fileExists(atPath: location.path.appendingPathComponent(PlainFileStore.summaryCachePath).path),
           let summary = try? store.areasSummary() {
            app = TerminalApp(location: location, store: store, loaded: nil, cachedSummary: summary,
                              asOf: try options.day(default: summary.asOf), themeName: theme)
        } else {
            let result = try store.load()
            app = TerminalApp(location: location, store: store, loaded: result, cachedSummary: nil,
                              asOf: try options.day(default: result.partnership.asOf), themeName: theme)
            // Build the summary cache for next time, on a store object of its own so this one
            // stays the screens' alone.
            let root = location.path
            Thread.detachNewThread {
                BackgroundPriority.lowerThisThread()
                _ = try? PlainFileStore(root: root).areasSummary()
            }
        }
        var lock: SessionLock?
        if readOnly {
            app.readOnlyReason = "opened with --read-only"
        } else {
            let user = UserConfig.load()["name"] ?? ProcessInfo.processInfo.environment["USER"] ?? ""
            do {
                lock = try SessionLock.acquire(store: location.path, user: user)
            } catch let SessionLock.Failure.heldBy(holder) {
                // Asked before the screens start, on the plain terminal.
                switch Open.ask("Another Pathfinder has this store open: \(SafeText.line("\(holder)")).\n"
                                + "[r] look read-only, [t] take it over (only if that one is gone), [q] quit: ") {
                case "t": lock = try SessionLock.acquire(store: location.path, user: user, force: true)
                case "r": app.readOnlyReason = "\(holder.user.isEmpty ? "another Pathfinder" : holder.user) has this store open"
                default: throw ExitCode(1)
                }
            } catch let SessionLock.Failure.unwritable(why) {
                // E.g. `.pathfinder` is a link: the screens still open, to look, not to change.
                app.readOnlyReason = why
            }
        }
        // Released on the way out; if a signal ends the program instead, its handler removes it.
        if let lock { CursesTerminal.removeWhenKilled(path: lock.file.path, ifContentIs: lock.file.content) }
        defer {
            CursesTerminal.removeWhenKilled(path: nil)
            lock?.release()
        }
        try app.run(onExit: { lock?.release() })
    }

    /// One answer typed on the plain terminal: its first letter, lowercased.
    static func ask(_ question: String) -> String {
        Output.prompt(question)
        return readLine()?.trimmingCharacters(in: .whitespaces).lowercased().first.map(String.init) ?? ""
    }

    /// Screens need a real terminal on both ends; CI, pipes and a missing TERM get the summary.
    static func canUseTerminal(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let ci = environment["CI"], !ci.isEmpty, ci != "false", ci != "0" { return false }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return false }
        return isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    private func printSummary(location: StoreLocation, summary: StoreSummary, asOf: Day) {
        Output.line(SafeText.line("\(summary.title) — \(location.path.path)"))
        Output.line("As of \(asOf.iso)\n")
        Output.line(ActionText.summaryTable(summary.rows(asOf: asOf)))
        // Counted as `check` and the screens count: files with errors, not errors.
        if let sentence = ProblemCount(summary.errors).filesSentence {
            Output.line("\n\(sentence); `pathfinder check` lists them.")
        }
        Output.line("\nThis is not an interactive terminal, so here is the summary. Run `pathfinder` in a terminal to open the screens;")
        Output.line("`pathfinder list actions --overdue` and `pathfinder show ID` work anywhere.")
    }
}
