import Foundation
import Testing
import PathfinderModel
@testable import PathfinderStore

/// The sync API the screens call: resolving conflicts, an action's history, what changed
/// since, on real git repositories in temporary folders (in process, no merge driver needed).
@Suite(.serialized) final class SyncStoreTests {
    static let po03 = "areas/portsmouth/actions/PO-03.md"
    let store: URL
    let home: URL
    let environment: [String: String]

    init() throws {
        store = try TestStores.copy(TestStores.sample, label: "sync-api")
        home = TestStores.temporaryFolder("sync-home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home.path
        env["GIT_CONFIG_NOSYSTEM"] = "1"
        env["XDG_CONFIG_HOME"] = home.path
        environment = env
    }

    deinit {
        try? FileManager.default.removeItem(at: store)
        try? FileManager.default.removeItem(at: home)
    }

    func sync(as name: String) throws -> StoreSync {
        try StoreSync(store: store, userName: name, environment: environment)
    }

    func edit(_ path: String, _ old: String, _ new: String) throws {
        let text = try TestStores.read(store, path)
        #expect(text.contains(old))
        try TestStores.write(store, path, text.replacingOccurrences(of: old, with: new))
    }

    @Test func gitMissingIsOneClearError() {
        var env = environment
        env["PATH"] = "/nonexistent"
        #expect(throws: SyncError.gitMissing) { try StoreSync(store: store, environment: env) }
        #expect(SyncError.gitMissing.description == "sync needs git, which is not installed; everything else works")
        #expect(throws: SyncError.notSetUp(store.standardizedFileURL.path)) { try sync(as: "Ann").sync() }
    }

    @Test func commitsSayWhatChangedAndHistoryTellsWhoAndWhen() throws {
        let ann = try sync(as: "Ann")
        let first = try ann.prepareRepository()
        #expect(first.count > 60)
        try edit(Self.po03, "status: in-progress\n", "status: done\n")
        try edit("areas/portsmouth/actions/PO-05.md", "rag: amber\n", "rag: red\n")
        let report = try ann.sync()
        #expect(report.committed == ["Portsmouth PO-03: status in progress -> done", "Portsmouth PO-05: rag amber -> red"])
        let subject = try ann.git.check(["log", "-1", "--format=%B"]).text
        #expect(subject == "2 changes\n\nPortsmouth PO-03: status in progress -> done\nPortsmouth PO-05: rag amber -> red")

        let bob = try sync(as: "Bob")
        var text = try TestStores.read(store, Self.po03)
        text += "\n### 2006-12-05 — Bob\nSent to the network.\n"
        try TestStores.write(store, Self.po03, text)
        try bob.sync()

        let history = try bob.history(actionID: "PO-03")
        #expect(history.map(\.author) == ["Bob", "Ann", "Ann"])
        #expect(history[0].change.notesAdded.map(\.text) == ["Sent to the network."])
        #expect(history[1].change.fields == [FieldChange(field: "status", kind: .changed, old: "in progress", new: "done")])
        #expect(history[2].change.kind == .created)
        #expect(history.allSatisfy { abs($0.date.timeIntervalSinceNow) < 600 })
    }

    @Test func changedSinceADayAndSinceTheLastSync() throws {
        let ann = try sync(as: "Ann")
        try ann.prepareRepository()
        try ann.sync()
        try edit(Self.po03, "rag: green\n", "rag: amber\n")
        let local = try ann.changedSinceLastSync()
        #expect(local.map(\.change.line) == ["Portsmouth PO-03: rag green -> amber"])
        #expect(local.first?.notSynced == true)
        try ann.sync()
        // Every commit is within the hour, the first being the store put into git: that one is
        // nobody's change, so only the edit since is listed (issue 16).
        let all = try ann.changed(since: Date().addingTimeInterval(-3600))
        #expect(all.map(\.change.line) == ["Portsmouth PO-03: rag green -> amber"])
        let none = try ann.changed(since: Date().addingTimeInterval(3600))
        #expect(none.isEmpty)
    }

    @Test func mergeDriverWritesOursAndRecordsConflicts() throws {
        let base = try TestStores.read(store, Self.po03)
        let folder = TestStores.temporaryFolder("driver")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ name: String, _ text: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let b = try file("base", base)
        let o = try file("ours", base.replacingOccurrences(of: "status: in-progress\n", with: "status: done\n"))
        let t = try file("theirs", base.replacingOccurrences(of: "status: in-progress\n", with: "status: blocked\n")
            .replacingOccurrences(of: "rag: green\n", with: "rag: amber\n"))
        #expect(MergeDriver.run(base: b, ours: o, theirs: t, path: Self.po03, store: store, environment: environment) == 0)
        let merged = try String(contentsOfFile: o, encoding: .utf8)
        #expect(merged.contains("\nstatus: done\n") && merged.contains("\nrag: amber\n"))
        let recorded = try ConflictLog.load(store: store)
        #expect(recorded.map(\.id) == ["\(Self.po03)#status"])
        #expect(recorded.first?.theirs == .text("blocked"))

        // Not a file it can read: git's own line merge, and exit 1 so a person looks.
        let broken = try file("broken", base.replacingOccurrences(of: "rag: green\n", with: "rag: [green\n"))
        #expect(MergeDriver.run(base: b, ours: broken, theirs: t, path: Self.po03, store: store, environment: environment) == 1)
    }

    @Test func resolvingWritesThroughTheStoresSave() throws {
        let store = PlainFileStore(root: self.store)
        _ = try store.load()
        let milestone = [FieldStep.key("milestones"), .item("Draft framework discussed with the VCS Providers Network"), .key("due")]
        try ConflictLog.record([
            SyncConflict(path: Self.po03, location: [.key("status")], base: .text("in-progress"), mine: .text("in-progress"), theirs: .text("done")),
            SyncConflict(path: Self.po03, location: milestone, base: .text("2007-02-28"), mine: .text("2007-02-28"), theirs: .text("2007-04-01")),
            SyncConflict(path: Self.po03, location: [.key("partners")], base: nil, mine: nil, theirs: nil),
            SyncConflict(path: Self.po03, location: [.key("description")], base: .text("x"), mine: .text("x"), theirs: .text("A new description.")),
        ], store: self.store)
        #expect(try store.conflicts().count == 4)
        // Recording again replaces rather than duplicates.
        try ConflictLog.record([SyncConflict(path: Self.po03, location: [.key("status")], base: .text("in-progress"),
                                             mine: .text("in-progress"), theirs: .text("done"))], store: self.store)
        #expect(try store.conflicts().count == 4)

        try store.resolve(path: Self.po03, field: "status", choosing: .theirs)
        try store.resolve(path: Self.po03, field: milestone.fieldName, choosing: .value("2007-05-01"))
        try store.resolve(path: Self.po03, field: "partners", choosing: .value("[Portsmouth CVS, Age Concern]"))
        try store.resolve(path: Self.po03, field: "description", choosing: .theirs)
        #expect(try store.conflicts().isEmpty)
        let action = try #require(try store.load().partnership.action("PO-03"))
        #expect(action.status == "done")
        #expect(action.milestones.first?.due == Day(iso: "2007-05-01"))
        #expect(action.partners == ["Portsmouth CVS", "Age Concern"])
        #expect(action.description == "A new description.")
        #expect(action.progress.count == 2)

        // A file changed on disk since the load is not overwritten.
        try ConflictLog.record([SyncConflict(path: Self.po03, location: [.key("rag")], base: .text("green"), mine: .text("green"),
                                             theirs: .text("red"))], store: self.store)
        try edit(Self.po03, "lead-body: portsmouth-city-council\n", "lead-body: The council\n")
        #expect(throws: StoreError.changedOnDisk(Self.po03)) { try store.resolve(path: Self.po03, field: "rag", choosing: .theirs) }
        #expect(try store.conflicts().count == 1)
        // A value that would not load is refused and nothing is written.
        _ = try store.load()
        #expect(throws: StoreError.self) { try store.resolve(path: Self.po03, field: "rag", choosing: .value("purple")) }
        #expect(try TestStores.read(self.store, Self.po03).contains("\nrag: green\n"))
    }
}
