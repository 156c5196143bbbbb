import ArgumentParser
import PathfinderModel

/// The options that belong to the store and the user rather than to one command: `--store`,
/// `--as-of` and `--as-user` work before the command's name as well as after it
/// (`pathfinder --store DIR sync --setup R`, as docs/sync.md writes it).
enum GlobalOptions {
    /// Each option's name; every one takes a value.
    static let names = ["--store", "--as-of", "--as-user"]

    /// The subcommands' names, from the command's own list, so a new command is covered.
    static var subcommands: Set<String> {
        Set(PathfinderCommand.configuration.subcommands.map { $0._commandName } + ["help"])
    }

    /// Whether an argument is one of the options (`--store DIR` or `--store=DIR`), and so
    /// whether the next argument is its value.
    private static func option(_ argument: String) -> (isOption: Bool, takesNext: Bool) {
        if names.contains(argument) { return (true, true) }
        if names.contains(where: { argument.hasPrefix($0 + "=") }) { return (true, false) }
        return (false, false)
    }

    /// The arguments with the options given before a subcommand's name moved after it, where
    /// the subcommand reads them. Without a subcommand (the screens) nothing moves.
    static func inPlace(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var i = 0
        while i < arguments.count {
            let (isOption, takesNext) = option(arguments[i])
            guard isOption else { break }
            let end = min(arguments.count, i + (takesNext ? 2 : 1))
            leading += arguments[i..<end]
            i = end
        }
        guard !leading.isEmpty, i < arguments.count, subcommands.contains(arguments[i]) else { return arguments }
        return [arguments[i]] + leading + arguments[(i + 1)...]
    }

    /// `pathfinder CMD --help` for the subcommand the arguments name, else `pathfinder --help`.
    static func helpCommand(_ arguments: [String]) -> String {
        var i = 0
        while i < arguments.count, arguments[i] != "--" {
            let (isOption, takesNext) = option(arguments[i])
            if isOption {
                i += takesNext ? 2 : 1
                continue
            }
            if subcommands.contains(arguments[i]), arguments[i] != "help" { return "pathfinder \(arguments[i]) --help" }
            if !arguments[i].hasPrefix("-") { break }
            i += 1
        }
        return "pathfinder --help"
    }
}

extension Quote {
    /// A parser's message with every 'quoted' argument shortened as `value(_:)` shortens it:
    /// an unknown option of 100 KB is not repeated in full.
    static func shortenQuoted(_ message: String) -> String {
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        guard parts.count > 2 else { return message }
        return parts.enumerated().map { i, part in i % 2 == 1 ? short(part) : String(part) }.joined(separator: "'")
    }
}
