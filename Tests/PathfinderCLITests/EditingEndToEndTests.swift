import Foundation
import Testing

enum GitAvailable {
    static let yes = FileManager.default.isExecutableFile(atPath: "/usr/bin/git")
}

/// Editing as a user does it, in a real pseudo-terminal: quick updates, the user's editor,
/// undo, quit; then `git diff` on the store shows exactly the intended lines changed.
@Suite(.serialized, .enabled(if: TerminalSession.isAvailable && GitAvailable.yes, "needs tmux and git"))
struct EditingEndToEndTests {
    @discardableResult
    static func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", folder.path, "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The store's diff since the first commit, as the changed lines only ("-old", "+new").
    static func changedLines(_ store: URL) throws -> [String] {
        try git(["diff", "--unified=0", "--no-color"], in: store).split(separator: "\n").map(String.init)
            .filter { ($0.hasPrefix("+") || $0.hasPrefix("-")) && !$0.hasPrefix("+++") && !$0.hasPrefix("---") }
    }

    @Test func statusNoteEditorUndoThenQuitChangeExactlyTheIntendedLines() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        try Self.git(["init", "-q"], in: scratch.store)
        try Self.git(["add", "-A"], in: scratch.store)
        try Self.git(["commit", "-q", "-m", "sample"], in: scratch.store)
        // An "editor" that writes a new description, run by the program with the file as its
        // argument (no shell in between).
        let editor = scratch.root.appendingPathComponent("editor.sh")
        try "#!/bin/sh\nprintf 'Rewritten in the editor.\\n' > \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor.path)

        let session = try Fixtures.shell(scratch, extra: ["EDITOR": editor.path])
        try Fixtures.launch(session, store: scratch.store)

        // To Portsmouth's plan; the first action is selected.
        try session.type(":plan portsmouth")
        try session.press("Enter")
        try session.waitFor("Portsmouth:", "of ", "actions")

        // Status: the first edit asks for the user's name once ($USER offered).
        try session.press("s")
        try session.waitFor("Your name", "e2e-tester")
        try session.press("Enter")
        try session.waitFor("Status of PO-")
        try session.press("d", "Enter")
        let screen = try session.waitFor("→ Done")
        let id = try #require(screen.split(separator: "\n").first { $0.contains("status:") && $0.contains("→ Done") }?
            .split(separator: " ").first.map(String.init))
        #expect(screen.contains("saved "))

        // A progress note.
        try session.press("n")
        try session.type("Checked with the forum")
        try session.press("Enter")
        try session.waitFor("\(id): progress note added")

        // The title, in the form: clear the line, type, Ctrl-S.
        try session.press("e")
        try session.waitFor("Edit \(id)", "Ctrl-S save")
        try session.press("C-u")
        try session.type("A title typed in the form")
        try session.press("C-s")
        try session.waitFor("\(id) edited: Title")

        // The description in the user's editor, then undone.
        try session.press("Enter")
        try session.waitFor("Status", "Dates")
        try session.press("E")
        try session.waitFor("\(id) description edited")
        let file = "areas/portsmouth/actions/\(id).md"
        let written = try String(contentsOf: scratch.store.appendingPathComponent(file), encoding: .utf8)
        #expect(written.contains("\nRewritten in the editor.\n"))
        try session.press("u")
        try session.waitFor("Undone: \(id) description edited")

        try session.press("q")
        try session.waitFor("EXIT=0", "READY$")

        let today = try Self.git(["log", "-1", "--format=%cd", "--date=short"], in: scratch.store)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = try Self.changedLines(scratch.store)
        #expect(try Self.git(["diff", "--name-only"], in: scratch.store).split(separator: "\n") == [Substring(file)])
        #expect(lines.contains("+status: done"))
        #expect(lines.contains { $0.hasPrefix("-status: ") })
        #expect(lines.contains("+updated: \(today)"))
        #expect(lines.contains("+updated-by: e2e-tester"))
        #expect(lines.contains("+### \(today) — e2e-tester"))
        #expect(lines.contains("+Checked with the forum"))
        #expect(lines.contains("+title: A title typed in the form"))
        #expect(!lines.contains { $0.contains("Rewritten in the editor") })
        // Nothing else: title, status, updated, updated-by (old and new), the note's heading, text and blank line.
        #expect(lines.filter { $0.hasPrefix("-") }.count == 4, "\(lines)")
        #expect(lines.filter { $0.hasPrefix("+") }.count == 7, "\(lines)")
    }
}
