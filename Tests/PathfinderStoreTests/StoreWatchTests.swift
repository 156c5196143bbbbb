import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore

/// A running program notices files changed underneath it (an editor, a git pull) and reads
/// back just those, taking them as the versions its next save checks against.
@Suite struct StoreWatchTests {
    let cumbria = "areas/cumbria/actions/CU-05.md"

    func loaded() throws -> (URL, PlainFileStore, Partnership) {
        let root = try TestStores.copy(TestStores.sample, label: "watch")
        let store = PlainFileStore(root: root)
        return (root, store, try store.load().partnership)
    }

    @Test func anEditElsewhereIsNoticedReadAndBecomesWhatTheNextSaveChecks() throws {
        let (root, store, partnership) = try loaded()
        let before = StoreSnapshot.take(of: store)
        #expect(before.changedPaths(to: StoreSnapshot.take(of: store)).isEmpty)

        // Someone else edits the status, keeping the file's size.
        let text = try TestStores.read(root, cumbria)
        try TestStores.write(root, cumbria, text.replacingOccurrences(of: "status: not-started", with: "status: in-progress"))
        let paths = before.changedPaths(to: StoreSnapshot.take(of: store))
        #expect(paths == [cumbria])
        let reload = store.reload(paths)
        #expect(reload.actions.map(\.status) == ["in-progress"])
        #expect(!reload.needsFullLoad)

        // Our next save builds on their version, instead of being refused as a conflict.
        var mine = reload.actions[0]
        mine.rag = .red
        #expect(try store.save(mine))
        let saved = try TestStores.read(root, cumbria)
        #expect(saved.contains("status: in-progress"))
        #expect(saved.contains("rag: red"))
        // Our own save seen by the watcher is not a change to read back.
        #expect(store.reload([cumbria]).isEmpty)
        _ = partnership
    }

    @Test func removedNewAndBrokenFilesAreReported() throws {
        let (root, store, partnership) = try loaded()
        let original = partnership.action("CU-05")!
        try FileManager.default.removeItem(at: root.appendingPathComponent(cumbria))
        #expect(store.reload([cumbria]).removedActions == ["CU-05"])

        // It comes back broken: reported by line, and not written over.
        try TestStores.write(root, cumbria, "---\ntitle: [unclosed\n---\n")
        let broken = store.reload([cumbria])
        #expect(broken.actions.isEmpty)
        #expect(broken.problems.first?.path == cumbria)
        #expect(!store.isEditable(cumbria))
        #expect(throws: StoreError.self) { try store.save(original) }

        // A manifest change needs everything read again.
        let manifest = try TestStores.read(root, "pathfinder.yaml")
        try TestStores.write(root, "pathfinder.yaml", manifest + "\n")
        #expect(store.reload(["pathfinder.yaml"]).needsFullLoad)
    }
}
