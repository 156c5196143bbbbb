import Foundation

/// Runs a command in a real pseudo-terminal through tmux, types keys and reads the screen as
/// text. Each session has its own tmux server socket, so tests never touch the user's tmux.
/// Waits poll the screen for the expected text instead of sleeping a fixed time.
final class TerminalSession {
    let socket: String
    let name = "pf"
    private(set) var isRunning = false

    init(command: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        socket = "pf-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        let env = environment.map { "\($0.key)=\(TerminalSession.quote($0.value))" }.joined(separator: " ")
        let shellCommand = "env \(env) " + command.map(TerminalSession.quote).joined(separator: " ")
        // The first command starts the tmux server, which would keep an output pipe open for
        // ever; it gets no pipe, so reading the output of later commands can end.
        try tmux(["new-session", "-d", "-s", name, "-x", String(width), "-y", String(height), shellCommand], capture: false)
        // Keep the pane after the program exits so the final screen can be read.
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
        isRunning = true
    }

    deinit { _ = try? tmux(["kill-server"]) }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs tmux through the shell with popen: output is read until tmux exits. A command that
    /// starts the server sends its output to /dev/null, so the server holds no pipe open.
    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let words = [TerminalSession.tmuxPath, "-L", socket, "-f", "/dev/null"] + arguments
        let command = words.map(TerminalSession.quote).joined(separator: " ") + (capture ? " 2>/dev/null" : " >/dev/null 2>&1")
        guard let pipe = popen(command, "r") else { throw TerminalError("could not run tmux") }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        let status = pclose(pipe)
        guard status == 0 else { throw TerminalError("tmux \(arguments.joined(separator: " ")) failed (\(status))") }
        return String(decoding: data, as: UTF8.self)
    }

    static var tmuxPath: String {
        for path in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"] where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        return "/usr/bin/tmux"
    }

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: tmuxPath) }

    /// Keys in tmux's send-keys names: "Down", "Enter", "Escape", "C-c", or literal text.
    func press(_ keys: String...) throws {
        for key in keys { try tmux(["send-keys", "-t", name, key]) }
    }

    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// Waits until the screen contains every one of the texts; throws with the screen if not.
    @discardableResult
    func waitFor(_ texts: String..., timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? ""
            // Matched on two captures in a row: a capture can land while curses is still
            // drawing the frame (seen under load), with the texts asked for but not the rest.
            if texts.allSatisfy({ last.contains($0) }) {
                usleep(50_000)
                let again = (try? screen()) ?? ""
                if again == last { return last }
                continue
            }
            usleep(50_000)
        }
        throw TerminalError("timed out waiting for \(texts) on screen:\n\(last)")
    }

    /// Waits until the screen no longer contains a text.
    @discardableResult
    func waitForAbsence(_ text: String, timeout: TimeInterval = 15) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = (try? screen()) ?? ""
            if !last.contains(text) { return last }
            usleep(50_000)
        }
        throw TerminalError("timed out waiting for \(text) to go, screen:\n\(last)")
    }

    /// The pane's process status once it has exited: "dead" and its exit code.
    func exitStatus(timeout: TimeInterval = 15) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let out = try tmux(["display-message", "-p", "-t", name, "#{pane_dead} #{pane_dead_status}"])
            let parts = out.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if parts.first == "1" { return Int(parts.count > 1 ? parts[1] : "") ?? -1 }
            usleep(50_000)
        }
        throw TerminalError("the program did not exit; screen:\n\((try? screen()) ?? "")")
    }

    /// The pid of the program running in the pane.
    func pid() throws -> pid_t {
        pid_t(try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }
}

struct TerminalError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Paths the end-to-end tests need: the built binary and a fresh copy of the sample store.
enum Fixtures {
    /// The `pathfinder` binary beside the test bundle in the build folder.
    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("pathfinder")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("pathfinder")
    }

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static var sampleStore: URL { repository.appendingPathComponent("sample-areas").resolvingSymlinksInPath() }

    /// A temporary folder holding a copy of the sample store (`store`) and a home folder.
    static func scratch() throws -> (root: URL, store: URL, home: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pf-e2e-\(UUID().uuidString)")
        let store = root.appendingPathComponent("store")
        let home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: sampleStore, to: store)
        return (root, store, home)
    }

    /// A bash in tmux at 80x24 with a known prompt and the scratch home, waiting for commands:
    /// what every end-to-end test starts from. `extra` adds to or overrides the environment.
    static func shell(_ scratch: (root: URL, store: URL, home: URL), user: String = "e2e-tester",
                      extra: [String: String] = [:]) throws -> TerminalSession {
        var environment = ["HOME": scratch.home.path, "TERM": "xterm-256color", "PS1": "READY$ ", "LANG": "C.UTF-8",
                           "LC_ALL": "C.UTF-8", "CI": "", "XDG_CONFIG_HOME": scratch.home.appendingPathComponent(".config").path,
                           "USER": user, "EDITOR": "", "VISUAL": ""]
        for (k, v) in extra { environment[k] = v }
        let session = try TerminalSession(command: ["bash", "--norc", "--noprofile", "-i"], width: 80, height: 24, environment: environment)
        try session.waitFor("READY$")
        return session
    }

    /// Starts the program on a store in that shell and waits for the areas screen.
    static func launch(_ session: TerminalSession, store: URL) throws {
        try session.type("\(binary.path) --store \(store.path); echo EXIT=$?")
        try session.press("Enter")
        try session.waitFor("All areas")
    }

    /// Runs the binary to completion without a terminal and returns its output and status.
    /// `environment` adds to this process's environment, or with `inherit: false` is the
    /// whole of it.
    static func run(_ arguments: [String], environment: [String: String] = [:], executable: URL = binary,
                    inherit: Bool = true, in folder: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var env = inherit ? ProcessInfo.processInfo.environment : [:]
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read stderr on another thread while stdout is read here, so neither pipe can fill
        // and block the child.
        let errorReader = ErrorReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errBytes = errorReader.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errBytes, as: UTF8.self))
    }
}

/// Reads a pipe to its end on a background thread.
private final class ErrorReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
