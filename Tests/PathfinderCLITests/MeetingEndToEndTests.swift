import Foundation
import Testing

/// A steering group meeting run from the plan in a real pseudo-terminal: start it, review three
/// items, change a RAG, capture a new action, end it; then the meeting file, the changed
/// action files and the minutes say what happened.
@Suite(.serialized, .enabled(if: TerminalSession.isAvailable, "needs tmux"))
struct MeetingEndToEndTests {
    @Test func runAMeetingAndPrintItsMinutes() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let session = try Fixtures.shell(scratch, user: "facilitator")
        try Fixtures.launch(session, store: scratch.store)

        // Portsmouth's plan, then M: the name is asked once, then the title and who is there.
        try session.type(":plan portsmouth")
        try session.press("Enter")
        try session.waitFor("Portsmouth:", "actions")
        try session.press("M")
        try session.waitFor("Your name")
        try session.press("C-u")
        try session.type("Forum Facilitator")
        try session.press("Enter")
        try session.waitFor("Meeting title:")
        try session.press("Enter")
        try session.waitFor("Meeting date:")
        try session.press("Enter")
        try session.waitFor("Who is here?")
        try session.press("Space", "Down", "Space", "Enter")
        try session.waitFor("Others present")
        try session.type("Cllr Jones")
        try session.press("Enter")
        var screen = try session.waitFor("Meeting started with", "reviewed")
        #expect(screen.contains("  1 "))

        // Present the first item: a discussion point, a decision, a RAG change with a reason.
        try session.press("Enter")
        screen = try session.waitFor("Item 1 of")
        let first = try #require(Self.actionID(in: screen))
        try session.press("n")
        try session.type("Two consortium bids are being prepared")
        try session.press("Enter")
        try session.waitFor("Discussion recorded")
        try session.press("D")
        try session.type("Ask Procurement for a briefing")
        try session.press("Enter")
        try session.waitFor("Decision recorded")
        try session.press("r")
        try session.waitFor("RAG of \(first)")
        try session.type("amb")
        try session.press("Enter")
        try session.waitFor("Why Amber?")
        try session.type("Bids delayed to January")
        try session.press("Enter")
        try session.waitFor("Δ rag")

        // Two more items reviewed.
        try session.press("Space")
        screen = try session.waitFor("Item 2 of")
        let second = try #require(Self.actionID(in: screen))
        try session.press("Space")
        screen = try session.waitFor("Item 3 of")
        let third = try #require(Self.actionID(in: screen))

        // A new action captured: title, lead, due.
        try session.press("c")
        try session.type("Consortium briefing for small groups")
        try session.press("Enter")
        try session.type("Head of Procurement")
        try session.press("Enter")
        try session.type("2007-01-31")
        try session.press("Enter")
        screen = try session.waitFor("created: Consortium briefing")
        let created = try #require(screen.split(separator: "\n").first { $0.contains("created: Consortium briefing") }?
            .split(separator: " ").first.map(String.init))
        try session.press("Space")
        try session.press("E")
        try session.waitFor("End ")
        try session.press("y")
        // Its minutes are offered at once (issue 16): written where the user says.
        try session.waitFor("Meeting ended. Minutes to:")
        let written = scratch.root.appendingPathComponent("minutes.md")
        try session.press("C-u")
        try session.type(written.path)
        try session.press("Enter")
        try session.waitFor("Wrote the minutes of")
        #expect(try String(contentsOf: written, encoding: .utf8).contains("Cllr Jones"))
        try session.press("q")
        try session.waitFor("EXIT=0", "READY$")

        // The meeting file: attendees, items reviewed, the change, the new action, ended.
        let folder = scratch.store.appendingPathComponent("areas/portsmouth/meetings")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") && $0.contains("steering-group") }
        let file = try #require(files.sorted().last)
        let meeting = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        #expect(meeting.contains("  - Cllr Jones"))
        #expect(meeting.contains("- Two consortium bids are being prepared"))
        #expect(meeting.contains("- Ask Procurement for a briefing"))
        #expect(meeting.contains("field: rag"))
        #expect(meeting.contains("new: Amber"))
        #expect(meeting.contains("actions-created: [\(created)]"))
        #expect(meeting.contains("ended: true"))
        for id in [first, second, third] {
            #expect(meeting.contains("- action: \(id)\n"))
        }
        #expect(meeting.components(separatedBy: "reviewed: true").count - 1 >= 3)

        // The changed actions: RAG and reason on the first; each reviewed on the meeting's date.
        let date = String(file.prefix(10))
        let firstFile = try String(contentsOf: scratch.store.appendingPathComponent("areas/portsmouth/actions/\(first).md"), encoding: .utf8)
        #expect(firstFile.contains("rag: amber"))
        #expect(firstFile.contains("Bids delayed to January"))
        for id in [first, second, third] {
            let text = try String(contentsOf: scratch.store.appendingPathComponent("areas/portsmouth/actions/\(id).md"), encoding: .utf8)
            #expect(text.contains("reviewed: \(date)"), "\(id) not marked reviewed")
        }
        let new = try String(contentsOf: scratch.store.appendingPathComponent("areas/portsmouth/actions/\(created).md"), encoding: .utf8)
        #expect(new.contains("lead: Head of Procurement"))
        #expect(new.contains("due: 2007-01-31"))

        // The store still checks clean, and the minutes say what happened.
        let check = try Fixtures.run(["check", "--store", scratch.store.path])
        #expect(check.status == 0, "\(check.out)\(check.err)")
        let minutes = try Fixtures.run(["minutes", "portsmouth/" + String(file.dropLast(3)), "--store", scratch.store.path])
        #expect(minutes.status == 0, "\(minutes.err)")
        #expect(minutes.out.contains("Cllr Jones"))
        #expect(minutes.out.contains("Ask Procurement for a briefing"))
        #expect(minutes.out.contains("Consortium briefing for small groups"))
    }

    /// The action id at the start of the presented item's title line ("  PO-04 Help small…").
    static func actionID(in screen: String) -> String? {
        for line in screen.split(separator: "\n") {
            let words = line.split(separator: " ")
            if let first = words.first, first.count >= 4, first.contains("-"), first.first?.isUppercase == true,
               first.split(separator: "-").count == 2, words.count > 1 {
                return String(first)
            }
        }
        return nil
    }
}
