import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore

/// Changes to several files happen completely or not at all: a full disk at any step of a
/// move, a duplicate, a deletion to the trash, a restore or putting an area or case study in
/// the trash leaves the store byte for byte as it was, and a retry then makes exactly one copy.
/// A process killed at any step leaves a store the next process puts back the same way.
@Suite struct StoreChangeTests {
    let today = Day(iso: "2006-12-15")!

    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "No space left on device" }
    }

    enum Change: String, CaseIterable {
        case move, moveNamedInMeetings, duplicate, create, delete, restore, trashArea, trashCaseStudy, meeting
    }

    /// A sample store prepared so every change has something to work on: CU-04 in the trash
    /// and a new, empty area (Newham, with empty actions and meetings folders) that may go to
    /// the trash.
    func prepared() throws -> URL {
        let root = try TestStores.copy(TestStores.sample, label: "change")
        let store = PlainFileStore(root: root)
        try store.delete(actionID: "CU-04", in: try store.load().partnership)
        try TestStores.write(root, "areas/newham/area.md", "---\nname: Newham\ncode: NE\n---\n\nA new area.\n")
        for folder in ["actions", "meetings"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("areas/newham/\(folder)"), withIntermediateDirectories: true)
        }
        return root
    }

    /// Runs a change; returns what it made (an id or a path), to count copies by.
    @discardableResult
    func run(_ change: Change, _ store: PlainFileStore) throws -> String {
        let p = try store.load().partnership
        switch change {
        case .move: return try store.move(actionID: "PO-07", toArea: "dorset", in: p, by: "Zoë", today: today).id
        case .moveNamedInMeetings: return try store.move(actionID: "PO-04", toArea: "dorset", in: p, by: "Zoë", today: today).id
        case .duplicate: return try store.duplicate(actionID: "PO-03", in: p, by: "Zoë", today: today).id
        case .create:
            return try store.create(Action(id: "", area: "newham", title: "New", theme: p.catalogue.themes[0].id, lead: "L"), in: p).id
        case .delete: return try store.delete(actionID: "PO-08", in: p).path
        case .restore: return try store.restore(actionID: "CU-04").path
        case .trashArea:
            try store.trash(.area(try #require(p.area("newham"))))
            return "Newham"
        case .trashCaseStudy:
            try store.trash(.caseStudy(try #require(p.caseStudies.first { $0.id == "wakefield-futurebuilders" })))
            return "case study"
        case .meeting:
            // With its agenda, in the one write: no meeting file without it is ever left.
            return try store.createMeeting(area: "portsmouth", date: today, title: "First", agenda: ["PO-03", "PO-05"]).id
        }
    }

    /// Every file and folder of the store outside `.pathfinder/`, with each file's bytes.
    static func state(_ root: URL) -> [String: Data] {
        StoreLinkTests.everything(root).filter { !$0.key.hasPrefix(".pathfinder") }
    }

    @Test(arguments: Change.allCases)
    func aFullDiskAtAnyStepLeavesTheStoreAsItWasAndARetryMakesOneCopy(change: Change) throws {
        var step = 1
        while true {
            let root = try prepared()
            defer { try? FileManager.default.removeItem(at: root) }
            let before = Self.state(root)
            let store = PlainFileStore(root: root)
            var seen = 0
            var failedAt: StoreDisk.Step?
            store.disk.fault = { s in
                seen += 1
                if seen == step {
                    failedAt = s
                    throw DiskFull()
                }
            }
            let made = try? run(change, store)
            guard made == nil else {
                // No step left to fail: the change went through with every step faulted in turn.
                #expect(step > 1)
                break
            }
            #expect(Self.state(root) == before, "\(change): failing step \(step) (\(failedAt.map { "\($0)" } ?? "?")) changed the store")
            // A retry without the fault completes, with exactly one copy.
            store.disk.fault = nil
            let retried = PlainFileStore(root: root)
            _ = try run(change, retried)
            let after = Self.state(root)
            let added = Set(after.keys).subtracting(before.keys).filter { $0.hasSuffix(".md") }
            let removed = Set(before.keys).subtracting(after.keys).filter { $0.hasSuffix(".md") }
            switch change {
            case .move, .moveNamedInMeetings, .delete, .restore, .trashArea, .trashCaseStudy:
                #expect(added.count == 1 && removed.count == 1, "\(change) after failing step \(step): +\(added) -\(removed)")
            case .duplicate, .create, .meeting:
                #expect(added.count == 1 && removed.isEmpty, "\(change) after failing step \(step): +\(added) -\(removed)")
            }
            #expect(!after.keys.contains { $0.hasSuffix(".tmp") }, "\(change): a temporary file was left")
            #expect(try retried.load().errors.isEmpty)
            step += 1
        }
    }

    @Test(arguments: [Change.move, .moveNamedInMeetings, .delete, .restore, .trashArea, .trashCaseStudy])
    func aProcessKilledAtAnyStepIsPutRightByTheNextOne(change: Change) throws {
        // The outcome without a crash, to compare a finished change with.
        let clean = try prepared()
        defer { try? FileManager.default.removeItem(at: clean) }
        let cleanBefore = Self.state(clean)
        try run(change, PlainFileStore(root: clean))
        let cleanAdded = Set(Self.state(clean).keys).subtracting(cleanBefore.keys).filter { $0.hasSuffix(".md") }.count

        var step = 1
        while true {
            let root = try prepared()
            defer { try? FileManager.default.removeItem(at: root) }
            let before = Self.state(root)
            let store = PlainFileStore(root: root)
            var seen = 0
            store.disk.fault = { _ in
                seen += 1
                if seen == step { throw StoreDisk.Crash() }
            }
            guard (try? run(change, store)) == nil else { break }
            // The next process: any write (here a tidy, as `pathfinder check` does) recovers first,
            // then clears the temporary files of the dead one (this test's own process lives on,
            // so they are given a finished process's pid first).
            let next = PlainFileStore(root: root)
            _ = next.tidy()
            try Self.orphanTemporaries(root)
            _ = next.tidy(now: Date().addingTimeInterval(3600))
            // A kill may leave an empty folder made for the change (e.g. in the trash); files are what count.
            let after = Self.state(root).filter { $0.value != Data("<folder>".utf8) }
            let beforeFiles = before.filter { $0.value != Data("<folder>".utf8) }
            let added = Set(after.keys).subtracting(before.keys).filter { $0.hasSuffix(".md") }
            if after != beforeFiles {
                #expect(added.count == cleanAdded, "\(change) killed at step \(step): neither as before nor finished: +\(added)")
            }
            #expect(!after.keys.contains { $0.hasSuffix(".tmp") }, "\(change) killed at step \(step): a temporary file was left")
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(StoreChange.journal).path))
            #expect(try next.load().errors.isEmpty, "\(change) killed at step \(step)")
            // And the same change again makes exactly one copy.
            if after == beforeFiles {
                try run(change, next)
                let again = Set(Self.state(root).keys).subtracting(before.keys).filter { $0.hasSuffix(".md") }
                #expect(again.count == cleanAdded)
            }
            step += 1
        }
        #expect(step > 2)
    }

    /// Renames every temporary file as if a process now finished had written it.
    static func orphanTemporaries(_ root: URL) throws {
        let dead = try StaleTemporaryTests.finishedPid()
        let fm = FileManager.default
        for (path, _) in StoreLinkTests.everything(root) {
            let name = (path as NSString).lastPathComponent
            guard let writer = TemporaryName.writer(of: name), writer.pid == getpid() else { continue }
            let orphan = name.replacingOccurrences(of: ".\(getpid())-", with: ".\(dead)-")
            try fm.moveItem(at: root.appendingPathComponent(path), to: root.appendingPathComponent((path as NSString).deletingLastPathComponent + "/" + orphan))
        }
    }

    @Test func aRetryOfAMoveAfterAFailureNeverDuplicatesTheAction() throws {
        let root = try prepared()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        // The meeting file cannot be written (the disk fills up there): the move fails as a whole.
        store.disk.fault = { step in
            if step.kind == .write, step.path.contains("/meetings/") { throw DiskFull() }
        }
        let dorset = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("areas/dorset/actions").path)
        #expect(throws: DiskFull.self) { try run(.moveNamedInMeetings, store) }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("areas/portsmouth/actions/PO-04.md").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("areas/dorset/actions").path).sorted() == dorset.sorted())
        store.disk.fault = nil
        let id = try run(.moveNamedInMeetings, store)
        let now = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("areas/dorset/actions").path)
        #expect(Set(now).subtracting(dorset) == ["\(id).md"])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("areas/portsmouth/actions/PO-04.md").path))
        let meetings = try store.load().partnership.meetings
        #expect(meetings.allSatisfy { !$0.names("PO-04") })
        #expect(meetings.contains { $0.names(id) })
    }
}
