import Dispatch
import Foundation

/// What a git command gave back.
public struct GitResult: Sendable {
    public var status: Int32
    public var output: Data
    public var error: String

    public var succeeded: Bool { status == 0 }
    /// Standard output as text, without the final newline.
    public var text: String {
        var s = String(decoding: output, as: UTF8.self)
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
    /// Standard output split into lines (none for empty output).
    public var lines: [String] { text.isEmpty ? [] : text.components(separatedBy: "\n") }
}

/// An error from sync, shown to the user as one line.
public enum SyncError: Error, Equatable, CustomStringConvertible {
    /// There is no `git` on PATH.
    case gitMissing
    /// The store is not a git repository of its own.
    case notSetUp(String)
    /// A git command failed; the command and git's own first line of complaint.
    case gitFailed(command: String, message: String)
    /// Something the user must do first (wait for another git, fix a file).
    case needsAttention(String)
    /// Conflicts an earlier sync recorded are not decided yet: how many.
    case conflictsWaiting(Int)

    public var description: String {
        switch self {
        case .gitMissing: "sync needs git, which is not installed; everything else works"
        case let .notSetUp(path): "\(path) is not set up for sync: run `pathfinder sync --setup REMOTE` first"
        case let .gitFailed(command, message): "git \(command) failed: \(message)"
        case let .needsAttention(message): message
        case let .conflictsWaiting(n):
            "\(n) conflict\(n == 1 ? "" : "s") from an earlier sync need\(n == 1 ? "s" : "") a decision first: "
                + "see them with `pathfinder conflicts`, then `pathfinder resolve PATH FIELD mine|theirs|--value V`"
        }
    }
}

/// Runs the system `git` with argument lists through `Process` (never a shell), in one
/// repository, with an environment in which git never prompts, never opens an editor or a
/// pager, never looks above the store for another repository, and always has an identity.
public struct GitRunner: Sendable {
    public let executable: URL
    /// The repository's working folder (the store's folder).
    public let directory: URL
    /// The environment every git command runs with.
    public private(set) var environment: [String: String]

    /// Finds `git` on PATH; throws `SyncError.gitMissing` when there is none.
    /// `userName` is used as author and committer when git itself has no `user.name`.
    public init(directory: URL, userName: String? = nil,
                environment base: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let git = GitRunner.locate(path: base["PATH"]) else { throw SyncError.gitMissing }
        executable = git
        self.directory = directory.standardizedFileURL
        var env = base
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_EDITOR"] = "true"
        env["GIT_SEQUENCE_EDITOR"] = "true"
        env["GIT_MERGE_AUTOEDIT"] = "no"
        env["GIT_PAGER"] = "cat"
        env["PAGER"] = "cat"
        env["LC_ALL"] = "C"   // messages parsed below are git's English ones
        env["LANGUAGE"] = nil
        env["GIT_ASKPASS"] = nil
        env["SSH_ASKPASS"] = nil
        if env["GIT_SSH_COMMAND"] == nil { env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes" }
        // Never walk up into a repository that happens to contain the store.
        env["GIT_CEILING_DIRECTORIES"] = self.directory.deletingLastPathComponent().path
        env["GIT_DIR"] = nil
        env["GIT_WORK_TREE"] = nil
        env["GIT_INDEX_FILE"] = nil
        // File names as they are (not "\303\266" escapes) in the output read below.
        let count = Int(env["GIT_CONFIG_COUNT"] ?? "") ?? 0
        env["GIT_CONFIG_KEY_\(count)"] = "core.quotePath"
        env["GIT_CONFIG_VALUE_\(count)"] = "false"
        env["GIT_CONFIG_COUNT"] = String(count + 1)
        environment = env
        let needsName = (try? run(["config", "user.name"]).text.isEmpty) ?? true
        let needsEmail = (try? run(["config", "user.email"]).text.isEmpty) ?? true
        let name = userName.flatMap { $0.isEmpty ? nil : $0 } ?? base["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? "Pathfinder user"
        if needsName {
            environment["GIT_AUTHOR_NAME"] = name
            environment["GIT_COMMITTER_NAME"] = name
        }
        if needsEmail {
            // git accepts an empty address; inventing one would put a wrong address in history.
            environment["GIT_AUTHOR_EMAIL"] = ""
            environment["GIT_COMMITTER_EMAIL"] = ""
        }
    }

    /// The first executable `git` on PATH, or nil.
    public static func locate(path: String?) -> URL? {
        for folder in (path ?? "/usr/bin:/bin:/usr/local/bin").split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("git")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `git ARGUMENTS` in the store and returns what it gave. Throws only when git could
    /// not be started; a failing command is a result with a non-zero status.
    @discardableResult
    public func run(_ arguments: [String], input: Data? = nil) throws -> GitResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inPipe: Pipe? = input == nil ? nil : Pipe()
        process.standardInput = inPipe ?? FileHandle.nullDevice
        // `waitUntilExit` polls every 50 ms on Linux; a sync runs some twenty git commands.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw SyncError.gitFailed(command: arguments.first ?? "", message: "could not start \(executable.path): \(error.localizedDescription)")
        }
        // Both pipes are drained at once (and input fed on its own thread) so a full pipe can
        // never block git.
        let group = DispatchGroup()
        let errorBox = DataBox()
        DispatchQueue.global().async(group: group) {
            errorBox.data = err.fileHandleForReading.readDataToEndOfFile()
        }
        if let inPipe, let input {
            DispatchQueue.global().async(group: group) {
                try? inPipe.fileHandleForWriting.write(contentsOf: input)
                try? inPipe.fileHandleForWriting.close()
            }
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        exited.wait()
        return GitResult(status: process.terminationStatus, output: output,
                         error: String(decoding: errorBox.data, as: UTF8.self))
    }

    /// Runs a command that must succeed; a failure throws with git's own complaint.
    @discardableResult
    public func check(_ arguments: [String], input: Data? = nil) throws -> GitResult {
        let result = try run(arguments, input: input)
        guard result.succeeded else { throw SyncError.gitFailed(command: arguments.first ?? "", message: result.complaint) }
        return result
    }
}

extension GitResult {
    /// git's most telling line of complaint: the first `fatal:`/`error:` line, else the first line.
    var complaint: String {
        let lines = (error + "\n" + String(decoding: output, as: UTF8.self)).split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
        let line = lines.first { $0.hasPrefix("fatal:") || $0.hasPrefix("error:") } ?? lines.first ?? "exit status \(status)"
        return TerminalSafe.line(line)
    }
}

/// Text from git or from files, made safe for one line on a terminal: control characters
/// (escape sequences) are shown as `?`, never sent raw.
enum TerminalSafe {
    static func line(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s in
            s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) ? "?" : s
        }))
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
