import Foundation
import Testing

/// The data loss found by trying it: the full form open on PO-05, Lead changed, and meanwhile
/// `pathfinder edit PO-05 rag=green` from another shell. Ctrl-S must keep the colleague's RAG,
/// and a change to the same field must open the conflict view, in a real pseudo-terminal.
@Suite(.serialized, .enabled(if: TerminalSession.isAvailable, "needs tmux"))
struct ColleagueChangeEndToEndTests {
    func field(_ name: String, in store: URL) throws -> String? {
        let text = try String(contentsOf: store.appendingPathComponent("areas/portsmouth/actions/PO-05.md"), encoding: .utf8)
        return text.split(separator: "\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
    }

    func openFormOnPO05(_ session: TerminalSession) throws {
        try session.type(":action PO-05")
        try session.press("Enter")
        try session.waitFor("PO-05", "Milestones")
        // The first edit asks the user's name once ($USER offered).
        try session.press("e")
        try session.waitFor("Your name", "e2e-tester")
        try session.press("Enter")
        try session.waitFor("Edit PO-05", "Ctrl-S save")
        // Title, Theme, Success factors, then Lead: cleared and typed.
        try session.press("Tab", "Tab", "Tab", "C-u")
    }

    @Test func aColleaguesRAGSurvivesAFormSavedAfterIt() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let session = try Fixtures.shell(scratch)
        try Fixtures.launch(session, store: scratch.store)
        try openFormOnPO05(session)
        try session.type("Jo Bloggs")

        let other = try Fixtures.run(["edit", "PO-05", "rag=green", "--store", scratch.store.path, "--as-user", "Colleague"],
                                     environment: ["HOME": scratch.home.path])
        #expect(other.status == 0, "\(other.err)")
        try session.press("C-s")
        // Merged whether the watcher read the colleague's change first or the save met it.
        try session.waitFor("Lead       Jo Bloggs", "[G] Green", "merged with a change")
        #expect(try field("lead", in: scratch.store) == "Jo Bloggs")
        #expect(try field("rag", in: scratch.store) == "green")

        // Now both change Lead: nothing is overwritten until the user chooses.
        try session.press("e")
        try session.waitFor("Edit PO-05")
        try session.press("Tab", "Tab", "Tab", "C-u")
        try session.type("Mine")
        let same = try Fixtures.run(["edit", "PO-05", "lead=Theirs", "status=blocked", "--store", scratch.store.path],
                                    environment: ["HOME": scratch.home.path])
        #expect(same.status == 0, "\(same.err)")
        try session.press("C-s")
        let screen = try session.waitFor("changed on disk", "Yours", "On disk")
        #expect(screen.contains("Mine") && screen.contains("Theirs"))
        let leadOnDisk = try field("lead", in: scratch.store)
        let file = try String(contentsOf: scratch.store.appendingPathComponent("areas/portsmouth/actions/PO-05.md"), encoding: .utf8)
        #expect(leadOnDisk == "Theirs", "screen:\n\(screen)\nfile:\n\(file)")
        try session.press("Enter")   // keep mine
        try session.waitFor("PO-05 saved: yours for 1 field")
        #expect(try field("lead", in: scratch.store) == "Mine")
        #expect(try field("status", in: scratch.store) == "blocked")
        #expect(try field("rag", in: scratch.store) == "green")
        try session.press("q")
    }
}
