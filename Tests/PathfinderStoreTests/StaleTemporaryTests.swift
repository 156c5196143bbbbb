import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore

/// Temporary files that killed saves left are cleared, safely: only when their process is gone
/// (on this computer) and they are over a minute old; any other is reported and left alone.
@Suite struct StaleTemporaryTests {
    /// A pid that is surely not running: a process that has finished.
    static func finishedPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func place(_ root: URL, _ relative: String, age: TimeInterval) throws {
        try TestStores.write(root, relative, "half a file")
        let old = Date().addingTimeInterval(-age)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: root.appendingPathComponent(relative).path)
    }

    func exists(_ root: URL, _ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path)
    }

    @Test func checkClearsDeadOnesEverywhereAndReportsTheRest() throws {
        let root = try TestStores.copy(TestStores.sample, label: "stale")
        defer { try? FileManager.default.removeItem(at: root) }
        let dead = try Self.finishedPid()
        let host = TemporaryName.host
        // Older names (no computer recorded) and new ones, in every kind of store folder.
        let stale = [
            "areas/portsmouth/actions/.PO-03.md.\(dead).4269804578.tmp",
            "areas/portsmouth/meetings/.2006-11-28-steering-group.md.\(dead)-17@\(host).tmp",
            "areas/dorset/.area.md.\(dead)-18@\(host).tmp",
            "case-studies/.dorset-3d-procurement.md.\(dead)-19@\(host).tmp",
            ".pathfinder/.summary-cache.\(dead)-20@\(host).tmp",
            ".pathfinder/.session.lock.\(dead).20.tmp",
            "trash/areas/portsmouth/actions/.PO-04.md.\(dead)-21@\(host).tmp",
            ".pathfinder.yaml.\(dead)-22@\(host).tmp",
        ]
        for path in stale { try place(root, path, age: 3600) }
        let live = "areas/portsmouth/actions/.PO-05.md.\(getpid())-1@\(host).tmp"
        let elsewhere = "areas/portsmouth/actions/.PO-06.md.\(dead)-2@another-laptop.tmp"
        let young = "areas/portsmouth/actions/.PO-07.md.\(dead)-3@\(host).tmp"
        let notOurs = "areas/portsmouth/actions/.notes.tmp"
        try place(root, live, age: 3600)
        try place(root, elsewhere, age: 3600)
        try place(root, young, age: 5)
        try place(root, notOurs, age: 3600)

        let problems = PlainFileStore(root: root).tidy()
        for path in stale {
            #expect(!exists(root, path), "\(path) was left")
            #expect(problems.contains { $0.path == path && $0.severity == .warning && $0.message.contains("removed it") })
        }
        for path in [live, elsewhere, young] {
            #expect(exists(root, path), "\(path) was removed")
            #expect(problems.contains { $0.path == path && $0.message.contains("left alone") })
        }
        #expect(problems.contains { $0.path == elsewhere && $0.message.contains("another-laptop") })
        #expect(exists(root, notOurs))
        #expect(!problems.contains { $0.path == notOurs })
    }

    @Test func aSaveClearsDeadOnesInTheFolderItWritesTo() throws {
        let root = try TestStores.copy(TestStores.sample, label: "stale-save")
        defer { try? FileManager.default.removeItem(at: root) }
        let dead = try Self.finishedPid()
        let leftover = "areas/portsmouth/actions/.PO-03.md.\(dead).550.tmp"
        try place(root, leftover, age: 120)
        let store = PlainFileStore(root: root)
        _ = try store.load()
        _ = try store.modify(actionID: "PO-03", by: "Zoë", today: Day(iso: "2006-12-15")!) { $0.rag = .red }
        #expect(!exists(root, leftover))
    }

    @Test func filesAChangeSetAsideAreKeptUntilThatChangeIsPutRight() throws {
        let root = try TestStores.copy(TestStores.sample, label: "stale-journal")
        defer { try? FileManager.default.removeItem(at: root) }
        let dead = try Self.finishedPid()
        // A killed change whose first step (setting PO-03 aside) cannot be undone: its folder is gone.
        let aside = "areas/portsmouth/actions/.PO-03.md.\(dead).7.tmp"
        try place(root, aside, age: 3600)
        var change = StoreChange(what: "move PO-03 to dorset")
        change.steps = [.rename(from: "areas/gone/actions/PO-03.md", to: aside),
                        .rename(from: "areas/portsmouth/actions/PO-05.md", to: "areas/dorset/actions/DO-ZZZZ.md")]
        try TestStores.write(root, StoreChange.journal, String(decoding: try JSONEncoder().encode(change), as: UTF8.self))
        let problems = PlainFileStore(root: root).tidy()
        #expect(exists(root, aside), "the only copy of what the change set aside was removed")
        #expect(exists(root, StoreChange.journal))
        #expect(problems.contains { $0.path == StoreChange.journal && $0.message.contains("could not be undone yet") })
        #expect(problems.contains { $0.path == aside && $0.message.contains("left alone") })
        // A save meanwhile leaves it too.
        let store = PlainFileStore(root: root)
        _ = try store.load()
        _ = try store.modify(actionID: "PO-04", by: "Zoë", today: Day(iso: "2006-12-15")!) { $0.rag = .red }
        #expect(exists(root, aside))
    }

    @Test func nothingIsRemovedThroughALink() throws {
        let root = try TestStores.copy(TestStores.sample, label: "stale-link")
        let outside = TestStores.temporaryFolder("stale-outside")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        let dead = try Self.finishedPid()
        try place(outside, "actions/.PO-03.md.\(dead).1.tmp", age: 3600)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("case-studies/linked"), withDestinationURL: outside.appendingPathComponent("actions"))
        _ = PlainFileStore(root: root).tidy()
        #expect(exists(outside, "actions/.PO-03.md.\(dead).1.tmp"))
    }

    @Test func aPidTakenSinceByAnotherProcessDoesNotKeepAFileForEver() throws {
        let root = try TestStores.copy(TestStores.sample, label: "stale-reused")
        defer { try? FileManager.default.removeItem(at: root) }
        // A process running now, started after the file was last written: it got the pid later.
        let later = Process()
        later.executableURL = URL(fileURLWithPath: "/bin/sleep")
        later.arguments = ["30"]
        try later.run()
        defer { later.terminate() }
        let reused = "areas/portsmouth/actions/.PO-03.md.\(later.processIdentifier)-99@\(TemporaryName.host).tmp"
        try place(root, reused, age: 120)
        // pid 1 has run since long before its file was written: it may be the writer.
        let early = "areas/portsmouth/actions/.PO-05.md.1.98.tmp"
        try place(root, early, age: 120)
        let problems = PlainFileStore(root: root).tidy()
        #expect(!exists(root, reused))
        #expect(problems.contains { $0.path == reused && $0.message.contains("removed it") })
        #expect(exists(root, early))
    }

    @Test func namesRecordTheirWriter() {
        let name = TemporaryName.make(for: "PO-03.md")
        #expect(name.hasPrefix(".PO-03.md."))
        #expect(TemporaryName.writer(of: name)?.pid == getpid())
        #expect(TemporaryName.writer(of: name)?.host == TemporaryName.host)
        #expect(TemporaryName.writer(of: ".PO-03.md.550.4269804578.tmp")! == (550, nil))
        #expect(TemporaryName.writer(of: ".a.b.c.d.md.12-34@my-host.tmp")! == (12, "my-host"))
        for other in [".PO-03.md.tmp", "PO-03.md.1.2.tmp", ".x.tmp", ".PO-03.md.12-34@.tmp", ".notes.12.tmp", ".swp"] {
            #expect(TemporaryName.writer(of: other) == nil, "\(other)")
        }
    }
}
