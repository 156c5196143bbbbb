import Foundation
import Testing
@testable import PathfinderStore

/// The small files beside the store's records (the session lock, a split waiting after a sync)
/// are read as the records are: a named pipe in their place does not hang the program and a huge
/// file is not read whole; either gives one line naming the file.
@Suite struct SmallFileTests {
    func folder(_ label: String) throws -> URL {
        let url = TestStores.temporaryFolder(label)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func huge(_ path: String, bytes: Int) throws {
        try Data(repeating: UInt8(ascii: "x"), count: bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func aPipeOrAHugeFileGivesOneLineNamingIt() throws {
        let root = try folder("small-file")
        defer { try? FileManager.default.removeItem(at: root) }
        let pipe = root.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o644) == 0)
        #expect(throws: StoreError.unreadable(pipe, "it is not a plain file")) { try SmallFile.read(pipe, limit: 100) }

        let big = root.appendingPathComponent("big").path
        try huge(big, bytes: 4097)
        do {
            _ = try SmallFile.text(big, limit: 4096)
            Issue.record("a file over the limit was read")
        } catch {
            let line = "\(error)"
            #expect(line.hasPrefix("cannot read \(big): it is larger than 4 KB"))
            #expect(!line.contains("\n"))
        }
        try huge(big, bytes: 4096)
        #expect(try SmallFile.text(big, limit: 4096)?.count == 4096)
        #expect(try SmallFile.read(root.appendingPathComponent("absent").path, limit: 10) == nil)

        let notText = root.appendingPathComponent("latin1").path
        try Data([0x63, 0x61, 0x66, 0xE9]).write(to: URL(fileURLWithPath: notText))
        #expect(throws: StoreError.unreadable(notText, "it is not UTF-8 text")) { try SmallFile.text(notText, limit: 100) }
    }

    @Test func aSessionLockThatIsAPipeOrHugeIsNamedNotWaitedOn() throws {
        for kind in ["pipe", "huge"] {
            let root = try TestStores.copy(TestStores.sample, label: "lock-\(kind)")
            defer { try? FileManager.default.removeItem(at: root) }
            try FileManager.default.createDirectory(at: root.appendingPathComponent(".pathfinder"), withIntermediateDirectories: true)
            let lock = root.appendingPathComponent(".pathfinder/session.lock").path
            if kind == "pipe" { #expect(mkfifo(lock, 0o644) == 0) } else { try huge(lock, bytes: 100_000) }
            #expect(SessionLock.holder(of: root) == nil)
            do {
                _ = try SessionLock.acquire(store: root, user: "Rahim")
                Issue.record("a \(kind) was taken as the lock")
            } catch let failure as SessionLock.Failure {
                let line = failure.description
                #expect(line.contains(".pathfinder/session.lock"), "\(line)")
                #expect(line.contains(kind == "pipe" ? "not a plain file" : "larger than 4 KB"), "\(line)")
                #expect(!line.contains("\n"))
            }
            // Told it is gone (--force): a huge file is replaced by a lock; a pipe is left alone
            // (nothing in the store is written over a pipe) and named again.
            if kind == "pipe" {
                #expect(throws: SessionLock.Failure.self) { try SessionLock.acquire(store: root, user: "Rahim", force: true) }
                continue
            }
            let taken = try SessionLock.acquire(store: root, user: "Rahim", force: true)
            #expect(SessionLock.holder(of: root) == taken.holder)
            taken.release()
            #expect(!FileManager.default.fileExists(atPath: lock))
        }
    }

    @Test func aWaitingSplitThatIsAPipeOrHugeIsReportedAndLeft() throws {
        let root = try folder("pending-splits")
        defer { try? FileManager.default.removeItem(at: root) }
        let waiting = root.appendingPathComponent(PendingSplit.folder)
        try FileManager.default.createDirectory(at: waiting, withIntermediateDirectories: true)
        try PendingSplit(path: "areas/portsmouth/actions/PO-01.md", theirs: Array("---\nid: PO-01\n---\n".utf8)).save(store: root)
        #expect(mkfifo(waiting.appendingPathComponent("a-pipe.json").path, 0o644) == 0)
        try huge(waiting.appendingPathComponent("b-huge.json").path, bytes: SmallFile.pendingSplitLimit + 1)

        let (splits, problems) = PendingSplit.all(store: root)
        #expect(splits.map(\.1.path) == ["areas/portsmouth/actions/PO-01.md"])
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("cannot read .pathfinder/pending-splits/a-pipe.json: it is not a plain file") == true)
        #expect(problems.last?.hasPrefix("cannot read .pathfinder/pending-splits/b-huge.json: it is larger than 7 MB") == true)
        #expect(problems.allSatisfy { !$0.contains("\n") })
        #expect(FileManager.default.fileExists(atPath: waiting.appendingPathComponent("b-huge.json").path))
    }
}
