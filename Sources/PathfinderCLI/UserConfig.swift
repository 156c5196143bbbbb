import Foundation
import PathfinderStore

/// The per-user settings file, `$XDG_CONFIG_HOME/pathfinder/config` (default
/// `~/.config/pathfinder/config`): one `key = value` a line, `#` comments. It holds the chosen
/// theme now and the user's name for progress notes later. Unknown keys and comments are kept
/// when a value is changed, so a hand-edited file is never mangled.
struct UserConfig {
    let url: URL
    private(set) var lines: [String]
    /// Why the file could not be read (not a plain file, too big, not UTF-8), to show at start.
    /// Such a file is used as empty and never saved over: it may be something the user wants.
    var problem: String?

    static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return URL(fileURLWithPath: base).appendingPathComponent("pathfinder")
    }

    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> UserConfig {
        let url = folder(environment: environment).appendingPathComponent("config")
        do {
            let text = try SmallFile.text(url.path, limit: SmallFile.settingsLimit) ?? ""
            return UserConfig(url: url, lines: text.isEmpty ? [] : text.components(separatedBy: "\n").dropLastIfEmpty())
        } catch {
            return UserConfig(url: url, lines: [], problem: "\(error); the settings in it are not used")
        }
    }

    subscript(key: String) -> String? {
        for line in lines {
            guard let (k, v) = UserConfig.split(line), k == key else { continue }
            return v
        }
        return nil
    }

    mutating func set(_ key: String, _ value: String) {
        if let i = lines.firstIndex(where: { UserConfig.split($0)?.key == key }) {
            lines[i] = "\(key) = \(value)"
        } else {
            lines.append("\(key) = \(value)")
        }
    }

    /// Written whole to a temporary file and renamed, so a crash never leaves half a config.
    func save() throws {
        if let problem { throw CLIError("could not save the settings: \(problem)") }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".config.\(getpid()).tmp")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            throw CLIError("could not save \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    private static func split(_ line: String) -> (key: String, value: String)? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.hasPrefix("#"), let eq = trimmed.firstIndex(of: "=") else { return nil }
        return (trimmed[..<eq].trimmingCharacters(in: .whitespaces), trimmed[trimmed.index(after: eq)...].trimmingCharacters(in: .whitespaces))
    }
}

private extension Array where Element == String {
    func dropLastIfEmpty() -> [String] { last == "" ? Array(dropLast()) : self }
}
