import Foundation

/// Where the store is: `--store DIR`, else `$PATHFINDER_STORE`, else a per-user store that the
/// first run copies from the sample store shipped with the program.
struct StoreLocation {
    var path: URL
    /// Set when this run created the per-user store, so the program can say where it is.
    var createdFromSample = false

    /// `sample` is asked for only when the per-user store is to be made.
    static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                        sample: () throws -> URL = { try ProgramData.located.get().sample }) throws -> StoreLocation {
        if let option, !option.isEmpty {
            return StoreLocation(path: URL(fileURLWithPath: option).standardizedFileURL)
        }
        if let fromEnvironment = environment["PATHFINDER_STORE"], !fromEnvironment.isEmpty {
            return StoreLocation(path: URL(fileURLWithPath: fromEnvironment).standardizedFileURL)
        }
        let store = perUserStore(environment: environment)
        let fm = FileManager.default
        if fm.fileExists(atPath: store.appendingPathComponent("pathfinder.yaml").path) {
            return StoreLocation(path: store)
        }
        let source: URL
        do {
            source = try sample()
        } catch {
            throw CLIError("no store given, and your own copy of the sample store cannot be made: \(error); or use --store DIR")
        }
        try fm.createDirectory(at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Copy into a temporary sibling and rename, so an interrupted first run leaves no half store.
        let temporary = store.deletingLastPathComponent().appendingPathComponent(".store-\(getpid())")
        try? fm.removeItem(at: temporary)
        try fm.copyItem(at: source, to: temporary)
        if let keep = try? fm.contentsOfDirectory(atPath: temporary.path), keep.contains(".keep") {
            try? fm.removeItem(at: temporary.appendingPathComponent(".keep"))
        }
        // `.pathfinder/` is one machine's state about one copy (a summary cache keyed on these
        // files' inodes, a lock): the new store starts without it.
        try? fm.removeItem(at: temporary.appendingPathComponent(".pathfinder"))
        try fm.moveItem(at: temporary, to: store)
        return StoreLocation(path: store, createdFromSample: true)
    }

    /// The user's own store: `$XDG_DATA_HOME/pathfinder/store`, by default under `~/.local/share`.
    static func perUserStore(environment: [String: String]) -> URL {
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return URL(fileURLWithPath: dataHome).appendingPathComponent("pathfinder/store")
    }

    /// Says where a per-user store this run made is (also on the screens' message line: this
    /// line is behind the screens until they close).
    func announce() {
        if createdFromSample { Output.error("made your own copy of the sample store in \(path.path)") }
    }

}

/// An error shown to the user as one line on stderr, with a non-zero exit.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
