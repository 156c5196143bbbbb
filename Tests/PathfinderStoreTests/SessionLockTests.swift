import Foundation
import Testing
@testable import PathfinderStore

/// One interactive Pathfinder per store: a second is told who has it; a crashed one's lock is
/// noticed and taken over.
@Suite struct SessionLockTests {
    func store() throws -> URL { try TestStores.copy(TestStores.sample, label: "session") }

    func write(_ holder: SessionLock.Holder, in root: URL) throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".pathfinder"), withIntermediateDirectories: true)
        try holder.text.write(to: root.appendingPathComponent(".pathfinder/session.lock"), atomically: true, encoding: .utf8)
    }

    @Test func aLiveHolderIsReportedAndAStaleOneTakenOver() throws {
        let root = try store()
        // Another live process on this host (our parent, which is certainly running).
        let live = SessionLock.Holder(pid: getppid(), host: SessionLock.hostName(), user: "Zoë", started: "2026-11-25T09:00:00Z")
        try write(live, in: root)
        #expect(throws: SessionLock.Failure.heldBy(live)) { try SessionLock.acquire(store: root, user: "Rahim") }
        #expect(SessionLock.holder(of: root) == live)

        // A process that has gone: its lock is stale and taken over.
        var gone = live
        gone.pid = 999_999_99
        try write(gone, in: root)
        #expect(gone.isStale)
        let mine = try SessionLock.acquire(store: root, user: "Rahim")
        #expect(SessionLock.holder(of: root)?.pid == getpid())
        #expect(SessionLock.holder(of: root)?.user == "Rahim")
        mine.release()
        #expect(SessionLock.holder(of: root) == nil)
    }

    @Test func anotherHostIsNeverStaleButCanBeTakenOverOnPurpose() throws {
        let root = try store()
        let remote = SessionLock.Holder(pid: 12, host: "laptop-on-the-share", user: "Zoë", started: "2026-11-25T09:00:00Z")
        try write(remote, in: root)
        #expect(!remote.isStale)
        #expect(throws: SessionLock.Failure.self) { try SessionLock.acquire(store: root, user: "Rahim") }
        let taken = try SessionLock.acquire(store: root, user: "Rahim", force: true)
        // Released by the one who took it; the other's later release leaves it alone.
        SessionLock(root: root.standardizedFileURL.path, holder: remote).release()
        #expect(SessionLock.holder(of: root)?.pid == getpid())
        taken.release()
        #expect(SessionLock.holder(of: root) == nil)
    }
}
