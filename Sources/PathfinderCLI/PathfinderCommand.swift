import ArgumentParser
import Foundation
import PathfinderModel
import PathfinderStore

/// `pathfinder`: the command line. With no subcommand it opens the store's screens.
public struct PathfinderCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "pathfinder",
        abstract: "Review and edit partnership action plans, offline, in a folder of plain files.",
        discussion: """
        The store is --store DIR, else $PATHFINDER_STORE, else your own copy of the sample store \
        (made on first run under $XDG_DATA_HOME/pathfinder/store). --store, --as-of and --as-user \
        may come before the command's name or after it.
        """,
        version: ProgramVersion.number,
        subcommands: [Open.self, Init.self, List.self, Show.self, Check.self, Sync.self, Conflicts.self, Resolve.self, History.self, Changed.self, MergeDriverCommand.self, Edit.self, Note.self, NewAction.self, Move.self, Duplicate.self, Delete.self, Trash.self, Report.self, Search.self, MinutesCommand.self, LinkOrganisations.self, Import.self, Export.self, ReadingCommand.self, AgreementCommand.self],
        defaultSubcommand: Open.self
    )

    public init() {}
}

/// Options every command that reads a store takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store folder.", valueName: "DIR"))
    var store: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Judge overdue as of this day (YYYY-MM-DD). Default: the store's pinned date, else today.", valueName: "DATE"))
    var asOf: String?

    func location() throws -> StoreLocation {
        try StoreLocation.resolve(option: store)
    }

    /// Loads the store, printing where a new per-user store was made.
    func load() throws -> (location: StoreLocation, result: LoadResult, asOf: Day) {
        let (location, _, result, asOf) = try loadStore()
        return (location, result, asOf)
    }

    /// The store as well, for commands that go on to save through it.
    /// Without `longTexts` the actions come without their descriptions and older notes
    /// (`PlainFileStore.loadWithoutLongTexts`), for a command that reports on the files only.
    func loadStore(longTexts: Bool = true) throws -> (location: StoreLocation, store: PlainFileStore, result: LoadResult, asOf: Day) {
        let location = try location()
        location.announce()
        let store = PlainFileStore(root: location.path)
        let result = try longTexts ? store.load() : store.loadWithoutLongTexts()
        return (location, store, result, try day(default: result.partnership.asOf))
    }

    func day(default pinned: Day?) throws -> Day {
        if let asOf {
            return try DateOption.day(asOf, option: "--as-of", today: Day.today())
        }
        return pinned ?? Day.today()
    }

    /// The day typed dates count from for a command that reads no records (`changed --since
    /// -2w`): `--as-of`, else the manifest's pinned day, else today, as `day(default:)` gives
    /// after a load.
    func datesFrom(_ location: StoreLocation) throws -> Day {
        let text = try? String(contentsOf: location.path.appendingPathComponent("pathfinder.yaml"), encoding: .utf8)
        return try day(default: text.flatMap { StoreText.parseManifest($0).manifest?.asOf })
    }
}

extension PathfinderCommand {
    /// Runs the command line, turning every error into one line on stderr and an exit code:
    /// 1 for a refusal, 64 (as argument parsers conventionally exit) for a usage mistake.
    /// `holdingUntilExit`: for the program itself, which exits right after (`HeldUntilExit`).
    public static func run(arguments: [String]? = nil, holdingUntilExit: Bool = false) -> Int32 {
        HeldUntilExit.enabled = holdingUntilExit
        let arguments = GlobalOptions.inPlace(arguments ?? Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let error as CLIError {
            Output.error(error.description)
            return 1
        } catch let error as StoreError {
            Output.error(error.description)
            return 1
        } catch let error as SessionLock.Failure {
            Output.error(error.description)
            return 1
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version: several lines for people, on stdout. A completion
                // script, a shell's completion request or the help as JSON is for a program:
                // its bytes (tabs too) go to a pipe or file exactly, as Markdown's do.
                let text = fullMessage(for: error)
                let forPrograms = arguments.first == "---completion"
                    || arguments.contains { $0 == "--experimental-dump-help" || $0.hasPrefix("--generate-completion-script") }
                Output.write(text.hasSuffix("\n") ? text : text + "\n", as: forPrograms ? .markup : .text)
            } else {
                let message = Quote.shortenQuoted(message(for: error))
                if !message.isEmpty {
                    // A usage mistake says where the command's usage is, not the usage itself.
                    let help = code == .validationFailure ? "; see `\(GlobalOptions.helpCommand(arguments))`" : ""
                    Output.error(message + help)
                }
            }
            return code.rawValue
        }
    }
}
