import Foundation
import Testing

/// Sync from the screens, in a real pseudo-terminal: a field changed differently on two
/// machines shows in the resolution view after S; choosing theirs and syncing again shares the
/// result, and nothing is left as conflict markers.
@Suite(.serialized, .enabled(if: TerminalSession.isAvailable && GitAvailable.yes, "needs tmux and git"))
struct SyncEndToEndTests {
    let po03 = "areas/portsmouth/actions/PO-03.md"

    /// Bob's screens on his machine's store, in a shell of their own, at the areas list.
    func bobsScreens(_ m: TwoMachines) throws -> TerminalSession {
        var environment = m.environment
        environment["XDG_CONFIG_HOME"] = m.root.appendingPathComponent("config-Bob").path
        environment["TERM"] = "xterm-256color"
        environment["PS1"] = "READY$ "
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment["CI"] = ""
        let session = try TerminalSession(command: ["bash", "--norc", "--noprofile", "-i"], width: 80, height: 24,
                                          environment: environment)
        try session.waitFor("READY$")
        try Fixtures.launch(session, store: m.b)
        return session
    }

    @Test func aConflictFromSyncIsResolvedOnScreen() throws {
        let m = try TwoMachines()
        try m.set(m.a, po03, "status", "done")
        m.expectOK(try m.sync(m.a))
        try m.set(m.b, po03, "status", "blocked")
        _ = try m.run(["check"], m.b, name: "Bob")   // writes Bob's config (his name)

        let session = try bobsScreens(m)

        // S syncs: Bob's change is committed, Ann's fetched, the status clash is for Bob to decide.
        try session.press("S")
        var screen = try session.waitFor("Sync conflicts", "PO-03 · Status")
        #expect(screen.contains("yours: Blocked"))
        #expect(screen.contains("theirs: Done"))
        try session.press("t")
        try session.waitFor("All resolved")
        try session.press("Escape")
        try session.press("S")
        screen = try session.waitFor("Synced: up to date")
        try session.press("q")
        try session.waitFor("EXIT=0", "READY$")

        #expect(try m.read(m.b, po03).contains("\nstatus: done\n"))
        m.expectOK(try m.sync(m.a))
        #expect(try m.read(m.a, po03).contains("\nstatus: done\n"))
        try m.expectClean(m.a)
        try m.expectClean(m.b)
    }

    @Test func aConflictLeftByTheCommandLineIsShownWhenTheScreensOpen() throws {
        let m = try TwoMachines()
        try m.set(m.a, po03, "status", "done")
        m.expectOK(try m.sync(m.a))
        try m.set(m.b, po03, "status", "blocked")
        _ = try m.run(["check"], m.b, name: "Bob")
        _ = try m.sync(m.b)   // leaves the status clash recorded, Bob's value in the file

        let session = try bobsScreens(m)
        // Said as the screens open, and S goes to the decision rather than failing.
        try session.waitFor("1 sync conflict waits for your decision: S shows it")
        try session.press("S")
        let screen = try session.waitFor("Sync conflicts", "PO-03 · Status")
        #expect(screen.contains("yours: Blocked"))
        #expect(screen.contains("theirs: Done"))
        try session.press("m")
        try session.waitFor("All resolved")
        try session.press("Escape")
        try session.press("S")
        try session.waitFor("Synced: up to date")
        try session.press("q")
        try session.waitFor("EXIT=0", "READY$")

        m.expectOK(try m.sync(m.a))
        #expect(try m.read(m.a, po03).contains("\nstatus: blocked\n"))
        try m.expectClean(m.a)
        try m.expectClean(m.b)
    }
}
