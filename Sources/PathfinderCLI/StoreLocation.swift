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
        do {
            // `.pathfinder/` is one machine's state about one copy (a summary cache keyed on
            // these files' inodes, a lock): the new store starts without it.
            try copyContents(of: source, to: temporary, leaving: [".pathfinder", ".keep"])
            try fm.moveItem(at: temporary, to: store)
        } catch {
            try? fm.removeItem(at: temporary)
            throw CLIError("could not make your own copy of the sample store in \(store.path): \(error.localizedDescription)")
        }
        return StoreLocation(path: store, createdFromSample: true)
    }

    /// Copies folders and the bytes of files, never their owner or modes: an installed sample
    /// belongs to root and is read-only (FileManager's copy keeps the owner, and fails for
    /// anyone else), and the copy must be the user's own to change.
    static func copyContents(of source: URL, to target: URL, leaving skipped: Set<String> = []) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: target, withIntermediateDirectories: false)
        for name in try fm.contentsOfDirectory(atPath: source.path).sorted() where !skipped.contains(name) {
            let from = source.appendingPathComponent(name), to = target.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: from.path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue {
                try copyContents(of: from, to: to)
            } else {
                try Data(contentsOf: from).write(to: to, options: .withoutOverwriting)
            }
        }
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
