import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore

/// A folder or file inside the store that is a symbolic link is never written through: every
/// kind of write, against every kind of store folder made a link, leaves the link's target
/// byte for byte as it was, and a write that would go through it says which link.
@Suite struct StoreLinkTests {
    let today = Day(iso: "2006-12-15")!

    /// The store's folders (and one file) that can be links.
    static let places = [
        "trash", "trash/areas", "trash/areas/portsmouth", "trash/areas/portsmouth/actions", "trash/case-studies",
        ".pathfinder", "areas", "areas/portsmouth", "areas/portsmouth/actions", "areas/portsmouth/meetings",
        "case-studies", "areas/portsmouth/actions/PO-03.md", "areas/portsmouth/area.md",
    ]

    /// Every kind of write the store makes.
    enum Write: String, CaseIterable {
        case save, create, delete, restore, moveOut, moveIn, duplicate, meeting, area, caseStudy, trashCaseStudy
        case sessionLock, summaryCache, conflictLog, syncState
    }

    /// A sample store with PO-09, CU-04 and a case study already in the trash (so there is something to
    /// restore), and `place` moved to a folder outside the store with a link to it left behind.
    func store(linking place: String) throws -> (root: URL, outside: URL) {
        let root = try TestStores.copy(TestStores.sample, label: "links")
        let setup = PlainFileStore(root: root)
        let p = try setup.load().partnership
        try setup.delete(actionID: "PO-09", in: p)
        try setup.delete(actionID: "CU-04", in: p)
        try setup.trash(.caseStudy(try #require(p.caseStudies.first { $0.id == "wakefield-futurebuilders" })))
        _ = try SummaryCache(root: root.path).summary()
        let fm = FileManager.default
        let outside = TestStores.temporaryFolder("outside")
        try fm.createDirectory(at: outside, withIntermediateDirectories: true)
        let real = root.appendingPathComponent(place)
        let target = outside.appendingPathComponent((place as NSString).lastPathComponent)
        if fm.fileExists(atPath: real.path) {
            try fm.moveItem(at: real, to: target)
        } else {
            try fm.createDirectory(at: target, withIntermediateDirectories: true)
            try fm.createDirectory(at: real.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        try fm.createSymbolicLink(at: real, withDestinationURL: target)
        return (root, outside)
    }

    /// Everything in a folder: each file's bytes and each folder's name, hidden ones included.
    static func everything(_ folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return out }
        while let relative = walker.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            out[relative] = isFolder.boolValue ? Data("<folder>".utf8) : (try? Data(contentsOf: url)) ?? Data()
        }
        return out
    }

    func perform(_ write: Write, root: URL) throws {
        let store = PlainFileStore(root: root)
        let p = try store.load().partnership
        let theme = p.catalogue.themes[0].id
        switch write {
        case .save:
            var action = try #require(p.action("PO-03"))
            action.rag = .red
            try store.save(action, overwrite: true)
        case .create: _ = try store.create(Action(id: "", area: "portsmouth", title: "New", theme: theme, lead: "L"), in: p)
        case .delete: try store.delete(actionID: "PO-03", in: Partnership(title: "", catalogue: p.catalogue, areas: p.areas))
        case .restore: try store.restore(actionID: "PO-09")
        case .moveOut: _ = try store.move(actionID: "PO-05", toArea: "dorset", in: p, by: "Zoë", today: today)
        case .moveIn: _ = try store.move(actionID: "DO-01", toArea: "portsmouth", in: p, by: "Zoë", today: today)
        case .duplicate: _ = try store.duplicate(actionID: "PO-03", in: p, by: "Zoë", today: today)
        case .meeting: _ = try store.createMeeting(area: "portsmouth", date: today, title: "Review")
        case .area:
            var area = try #require(p.area("portsmouth"))
            area.region = "Somewhere"
            try store.save(area, overwrite: true)
        case .caseStudy:
            var study = try #require(p.caseStudies.first { $0.id == "southern-focus-trust" })
            study.place = "Somewhere"
            try store.save(study, overwrite: true)
        case .trashCaseStudy: try store.trash(.caseStudy(try #require(p.caseStudies.first { $0.id == "southern-focus-trust" })))
        case .sessionLock: _ = try SessionLock.acquire(store: root, user: "Zoë")
        case .summaryCache:
            // A stale cache makes it write (the test removes it only where that is not through the link).
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent(".pathfinder").path)) == nil {
                try? FileManager.default.removeItem(at: root.appendingPathComponent(PlainFileStore.summaryCachePath))
            }
            _ = try SummaryCache(root: root.path).summary()
        case .conflictLog:
            try ConflictLog.record([SyncConflict(path: "areas/portsmouth/actions/PO-03.md", location: [.key("rag")],
                                                 base: .text("green"), mine: .text("red"), theirs: .text("amber"))], store: root)
        case .syncState: try SyncState(lastSync: "now", before: "a", after: "b").save(store: root)
        }
    }

    @Test(arguments: places)
    func noWriteReachesWhatALinkPointsTo(place: String) throws {
        for write in Write.allCases {
            let (root, outside) = try store(linking: place)
            defer {
                try? FileManager.default.removeItem(at: root)
                try? FileManager.default.removeItem(at: outside)
            }
            let before = Self.everything(outside)
            var failure: Error?
            do { try perform(write, root: root) } catch { failure = error }
            #expect(Self.everything(outside) == before, "\(write) through a linked \(place) changed what the link points to")
            if let failure {
                // Refused for the link (or for a reason of its own, e.g. the lock on a linked `.pathfinder`).
                let text = "\(failure)"
                #expect(text.contains("symbolic link") || text.contains(place), "\(write) with \(place) linked: \(text)")
            }
            if let expected = Self.refusals[place], expected.contains(write) {
                #expect(failure != nil, "\(write) should refuse when \(place) is a link")
                #expect("\(failure.map { "\($0)" } ?? "")".contains("is a symbolic link to"))
            }
        }
    }

    /// Writes that must refuse for each link (the rest may go ahead where the link is not on their way).
    static let refusals: [String: Set<Write>] = [
        "trash": [.delete, .restore, .trashCaseStudy],
        "trash/areas": [.delete, .restore],
        "trash/areas/portsmouth": [.delete, .restore],
        "trash/areas/portsmouth/actions": [.delete, .restore],
        "trash/case-studies": [.trashCaseStudy],
        ".pathfinder": Set(Write.allCases).subtracting([.summaryCache]),
        "areas": [.save, .create, .delete, .restore, .moveOut, .moveIn, .duplicate, .meeting, .area],
        "areas/portsmouth": [.save, .create, .delete, .restore, .moveOut, .moveIn, .duplicate, .meeting, .area],
        "areas/portsmouth/actions": [.save, .create, .delete, .restore, .moveOut, .moveIn, .duplicate],
        "areas/portsmouth/meetings": [.meeting, .moveOut],
        "case-studies": [.caseStudy, .trashCaseStudy],
        "areas/portsmouth/actions/PO-03.md": [.save, .delete],
        "areas/portsmouth/area.md": [.area],
    ]

    @Test func aLinkedPathfinderFolderGetsNoCacheButTheStoreStillReads() throws {
        let (root, outside) = try store(linking: ".pathfinder")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        try? FileManager.default.removeItem(at: outside.appendingPathComponent(".pathfinder/summary-cache"))
        let before = Self.everything(outside)
        let summary = try SummaryCache(root: root.path).summary()
        #expect(!summary.areas.isEmpty)
        #expect(Self.everything(outside) == before)
        let result = try PlainFileStore(root: root).load()
        #expect(result.partnership.actions.count > 40)
        #expect(result.errors.map(\.description).contains { $0.hasPrefix(".pathfinder:1: error: .pathfinder is a symbolic link to ") })
        #expect(throws: SessionLock.Failure.self) { try SessionLock.acquire(store: root, user: "Zoë") }
    }

    @Test func whatALinkLeadsToIsLoadedReadOnlyAndCheckSaysWhichLink() throws {
        let (root, outside) = try store(linking: "areas/portsmouth/actions")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        let store = PlainFileStore(root: root)
        let result = try store.load()
        #expect(result.partnership.action("PO-03") != nil, "nothing vanishes")
        #expect(!store.isEditable("areas/portsmouth/actions/PO-03.md"))
        #expect(store.isEditable("areas/dorset/actions/DO-01.md"))
        let problem = try #require(result.errors.first { $0.path == "areas/portsmouth/actions" })
        #expect(problem.description == "areas/portsmouth/actions:1: error: areas/portsmouth/actions is a symbolic link to "
                + outside.appendingPathComponent("actions").path
                + " (what it holds is shown, read-only); Pathfinder never writes through links: replace it with a real folder")
    }

    @Test func aSingleLinkedFileIsReportedAndLeftAlone() throws {
        let (root, outside) = try store(linking: "areas/portsmouth/actions/PO-03.md")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        let store = PlainFileStore(root: root)
        let result = try store.load()
        #expect(result.partnership.action("PO-03") != nil)
        #expect(!store.isEditable("areas/portsmouth/actions/PO-03.md"))
        #expect(result.errors.contains { $0.path == "areas/portsmouth/actions/PO-03.md" && $0.message.contains("symbolic link") })
        #expect(throws: StoreError.self) { try store.modify(actionID: "PO-03", by: "Zoë", today: today) { $0.rag = .red } }
    }

    @Test func aLinkInsideTheTrashIsReported() throws {
        let (root, outside) = try store(linking: "trash/areas/portsmouth/actions")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: outside)
        }
        let result = try PlainFileStore(root: root).load()
        #expect(result.errors.contains { $0.path == "trash/areas/portsmouth/actions" && $0.message.contains("symbolic link") })
    }

    @Test func aStoreReachedThroughALinkIsWrittenAsUsual() throws {
        let root = try TestStores.copy(TestStores.sample, label: "rootlink")
        let link = TestStores.temporaryFolder("rootlink-link")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: link)
        }
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: root)
        let store = PlainFileStore(root: link)
        let result = try store.load()
        #expect(result.errors.isEmpty)
        let moved = try store.move(actionID: "PO-07", toArea: "dorset", in: result.partnership, by: "Zoë", today: today)
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("areas/dorset/actions/\(moved.id).md").path))
        try store.delete(actionID: moved.id, in: try store.load().partnership)
        #expect(try store.restore(actionID: moved.id).id == moved.id)
    }
}
