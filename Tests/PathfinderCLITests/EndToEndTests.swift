import Foundation
import Testing

/// The program in a real pseudo-terminal (tmux), driven by keys as a user would, reading the
/// screen text at each step. The shell around it shows the terminal is restored afterwards.
@Suite(.serialized, .enabled(if: TerminalSession.isAvailable, "needs tmux"))
struct EndToEndTests {
    /// A shell in tmux with a known prompt, in which the test types the pathfinder command.
    func shell(_ scratch: (root: URL, store: URL, home: URL), width: Int = 80, height: Int = 24) throws -> TerminalSession {
        let session = try TerminalSession(
            command: ["bash", "--norc", "--noprofile", "-i"], width: width, height: height,
            environment: ["HOME": scratch.home.path, "TERM": "xterm-256color", "PS1": "READY$ ", "LANG": "C.UTF-8",
                          "LC_ALL": "C.UTF-8", "CI": "", "XDG_CONFIG_HOME": scratch.home.appendingPathComponent(".config").path,
                          "USER": "e2e-tester"])
        try session.waitFor("READY$")
        return session
    }

    func launch(_ session: TerminalSession, store: URL, extra: String = "") throws {
        try session.type("\(Fixtures.binary.path) --store \(store.path) \(extra); echo EXIT=$?")
        try session.press("Enter")
    }

    /// After the program ends: the shell prompt is back and the tty is in cooked mode with echo.
    func expectRestored(_ session: TerminalSession, exit code: Int) throws {
        try session.waitFor("EXIT=\(code)", "READY$")
        try session.type("stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo")
        try session.press("Enter")
        let screen = try session.waitFor("\nicanon echo")
        #expect(!screen.contains("-icanon"))
    }

    @Test func walkFromTheAreasToAnActionAndACaseStudyThenSearchAndQuit() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let s = try shell(scratch)
        try launch(s, store: scratch.store)

        // Areas: every pathfinder and the total line, with keys shown.
        var screen = try s.waitFor("Cumbria", "Tower Hamlets", "All areas", "as of 2006-12-15")
        #expect(screen.contains("? help") || screen.contains("?"))

        // Down to Portsmouth (fourth by name), Enter for its profile, Enter again for its plan.
        try s.press("Down", "Down", "Down", "Enter")
        screen = try s.waitFor("Action plan:", "Profile")
        #expect(screen.contains("Portsmouth"))
        try s.press("Enter")
        screen = try s.waitFor("PO-0", "of ", "actions")
        #expect(screen.contains("Pathfinder › Areas › Portsmouth › Action plan") || screen.contains("› Action plan"))

        // The filter narrows as you type.
        try s.press("f")
        try s.type("rag:red")
        screen = try s.waitFor("filter: rag:red")
        try s.press("Enter")

        // Open the first red action: its fields, and the way back.
        try s.press("Enter")
        screen = try s.waitFor("Status", "RAG", "Dates")
        try s.press("Escape")
        try s.waitFor("filter: rag:red")

        // Resize to a small window and back: the screen follows; too small says so.
        try s.resize(width: 50, height: 14)
        try s.waitFor("PO-0")
        try s.resize(width: 30, height: 10)
        try s.waitFor("Window too small")
        try s.resize(width: 80, height: 24)
        try s.waitFor("filter: rag:red")

        // Search across the store and jump to a result.
        try s.press("/")
        try s.type("recycling")
        screen = try s.waitFor("found")
        #expect(screen.contains("Actions") || screen.contains("Case studies"))
        try s.press("Enter")
        try s.waitForAbsence("Search: ")

        // Case studies from anywhere with the : command line, then open one and read it.
        try s.type(":")
        try s.type("case good neighbours")
        try s.press("Enter")
        screen = try s.waitFor("Good Neighbours", "Key figures")

        // Help lists the keys of this screen and the global ones.
        try s.press("?")
        screen = try s.waitFor("Keys", "Everywhere")
        try s.press("Escape")
        try s.waitForAbsence("Everywhere")

        // q quits from anywhere? No: q quits; the terminal is restored.
        try s.press("q")
        try expectRestored(s, exit: 0)
    }

    @Test(arguments: ["TERM", "HUP", "INT"])
    func aSignalRestoresTheTerminal(signal: String) throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let s = try shell(scratch)
        try launch(s, store: scratch.store)
        try s.waitFor("All areas")
        let lock = scratch.store.appendingPathComponent(".pathfinder/session.lock").path
        #expect(FileManager.default.fileExists(atPath: lock), "the running program marks the store as open")
        if signal == "INT" {
            try s.press("C-c")
        } else {
            let kill = Process()
            kill.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
            kill.arguments = ["-\(signal)", "-f", "\(Fixtures.binary.path) --store \(scratch.store.path)"]
            try kill.run()
            kill.waitUntilExit()
        }
        let code = ["TERM": 143, "HUP": 129, "INT": 130][signal]!
        try expectRestored(s, exit: code)
        // And the store is not left marked as open by a program that is gone.
        #expect(!FileManager.default.fileExists(atPath: lock), "session lock left behind after \(signal)")
    }
}
