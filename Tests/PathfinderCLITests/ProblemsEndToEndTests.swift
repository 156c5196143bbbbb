import Foundation
import Testing

/// Files with problems, as a user meets them: counted the same by `check`, the summary printed
/// without a terminal (read in full, then from the summary cache), `list` and the screens; and
/// fixed from the problems screen in the user's editor, after which the action is back.
@Suite(.serialized)
struct ProblemsEndToEndTests {
    /// A copy of the sample store with three files with errors: PO-03's front matter broken
    /// (so it does not load), the Portsmouth meeting's date impossible, and PO-07 with
    /// two errors (an unknown status and theme). TH-06 keeps its three Compact warnings.
    static func brokenStore() throws -> (root: URL, store: URL, home: URL) {
        let scratch = try Fixtures.scratch()
        let actions = scratch.store.appendingPathComponent("areas/portsmouth/actions")
        func rewrite(_ name: String, _ change: (String) -> String) throws {
            let file = actions.appendingPathComponent(name)
            try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
        }
        try rewrite("PO-03.md") { $0.replacingOccurrences(of: "id: PO-03\n", with: "id: [PO-03\n") }
        try rewrite("PO-07.md") { text in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                if line.hasPrefix("status:") { return "status: stalled" }
                if line.hasPrefix("theme:") { return "theme: gardening" }
                return String(line)
            }.joined(separator: "\n")
        }
        // No knock-on errors: the meeting naming PO-03 gets one of its own (no 31 November).
        let meeting = scratch.store.appendingPathComponent("areas/portsmouth/meetings/2006-11-28-steering-group.md")
        try (try String(contentsOf: meeting, encoding: .utf8)).replacingOccurrences(of: "date: 2006-11-28", with: "date: 2006-11-31")
            .write(to: meeting, atomically: true, encoding: .utf8)
        return scratch
    }

    @Test func checkTheSummaryAndListCountTheSameFiles() throws {
        let scratch = try Self.brokenStore()
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let store = scratch.store.path
        let check = try Fixtures.run(["check", "--store", store])
        #expect(check.status == 1)
        let lines = check.out.split(separator: "\n")
        #expect(lines.filter { $0.contains(": error: ") }.count == 4)
        #expect(lines.filter { $0.contains(": warning: ") }.count == 13)   // 3 here, 10 the sample's own funding terms
        #expect(check.err.contains("4 errors in 3 files, 13 warnings"), "\(check.err)")

        // The summary without a terminal: a full read (no cache yet), then from the cache.
        let cache = scratch.store.appendingPathComponent(".pathfinder/summary-cache")
        try? FileManager.default.removeItem(at: cache)
        let uncached = try Fixtures.run(["--store", store])
        #expect(uncached.out.contains("3 files have problems; `pathfinder check` lists them."), "\(uncached.out)")
        #expect(FileManager.default.fileExists(atPath: cache.path))
        let cached = try Fixtures.run(["--store", store])
        #expect(cached.out.contains("3 files have problems; `pathfinder check` lists them."), "\(cached.out)")

        let list = try Fixtures.run(["list", "actions", "--store", store])
        #expect(list.err.contains("pathfinder: 3 files have problems"), "\(list.err)")
    }

    @Test(.enabled(if: TerminalSession.isAvailable, "needs tmux"))
    func aBrokenActionIsMarkedListedFixedInTheEditorAndBackOnThePlan() throws {
        let scratch = try Self.brokenStore()
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        // An "editor" named vi, so it is given the line as +N: it notes its arguments and mends
        // the id line of the file it is given (the last argument).
        let bin = scratch.root.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let editor = bin.appendingPathComponent("vi")
        let arguments = scratch.root.appendingPathComponent("editor-arguments")
        try """
        #!/bin/sh
        printf '%s\\n' "$@" > '\(arguments.path)'
        for last; do :; done
        sed -i 's/^id: \\[PO-03$/id: PO-03/' "$last"
        """.write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)

        let session = try Fixtures.shell(scratch, extra: ["EDITOR": editor.path])
        try Fixtures.launch(session, store: scratch.store)

        // The areas: Portsmouth marked with its three files, the total and the message agree with check.
        // Waited for whole, as a screen read halfway through drawing lacks its last lines.
        var screen = try session.waitFor("Portsmouth", "!3", "3 files have problems: press ! to see them", "! problems")
        #expect(screen.split(separator: "\n").contains { $0.contains("All areas") && $0.contains("!3") })

        // The plan: ten actions of eleven, and a line saying why.
        try session.type(":plan portsmouth")
        try session.press("Enter")
        screen = try session.waitFor("Portsmouth: 10 of 10 actions", "3 files in this area have problems: press ! to see them")
        #expect(!screen.contains("PO-03"))

        // The problems: errors first, each with its file, line and message.
        try session.press("!")
        try session.waitFor("3 files with errors, 13 warnings", "areas/portsmouth/actions/PO-03.md, line", "error: YAML syntax",
                            "areas/portsmouth/actions/PO-07.md")

        // Enter: the editor mends the file; the store is read again and the list says so.
        try session.press("Enter")
        screen = try session.waitFor("areas/portsmouth/actions/PO-03.md has no errors now", "2 files with errors")
        #expect(!screen.contains("PO-03.md, line"))
        let given = try String(contentsOf: arguments, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(given.count == 2 && given[0].hasPrefix("+") && Int(given[0].dropFirst()) ?? 0 > 1, "\(given)")
        #expect(given.last == scratch.store.appendingPathComponent("areas/portsmouth/actions/PO-03.md").path)

        // Back on the plan, PO-03 is there again; two files of the area still have problems.
        try session.press("Escape")
        screen = try session.waitFor("Portsmouth: 11 of 11 actions", "PO-03", "2 files in this area have problems")
        try session.press("q")
        try session.waitFor("EXIT=0")
    }
}

/// `pathfinder delete` refuses an action a meeting names before it asks, as the screens do.
@Suite struct DeleteRefusalCommandTests {
    @Test func anActionAMeetingNamesIsRefusedBeforeTheQuestion() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        // Without --yes and without a terminal it would ask for --yes; the refusal comes first.
        let asked = try Fixtures.run(["delete", "PO-03", "--store", scratch.store.path])
        #expect(asked.status != 0)
        #expect(asked.err.contains("PO-03 is named in the meeting"), "\(asked.err)")
        #expect(asked.err.contains("set its status to dropped instead"))
        #expect(!asked.err.contains("--yes"))
        let file = scratch.store.appendingPathComponent("areas/portsmouth/actions/PO-03.md")
        #expect(FileManager.default.fileExists(atPath: file.path))
        // One no meeting names goes to the trash as before.
        let deleted = try Fixtures.run(["delete", "PO-08", "--yes", "--store", scratch.store.path])
        #expect(deleted.status == 0, "\(deleted.err)")
    }
}
