import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore

/// Deleting goes to the store's trash and can be undone; moving gives the action an id in its
/// new area.
@Suite struct StoreTrashTests {
    @Test func deleteRestoreAndMove() throws {
        let root = try TestStores.copy(TestStores.sample, label: "trash")
        let store = PlainFileStore(root: root)
        let partnership = try store.load().partnership
        let action = try #require(partnership.action("PO-03"))
        let original = try TestStores.read(root, "areas/portsmouth/actions/PO-03.md")

        try store.trash(action)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("areas/portsmouth/actions/PO-03.md").path))
        #expect(store.trashed().map(\.id) == ["PO-03"])
        #expect(try TestStores.read(root, "trash/portsmouth/PO-03.md") == original)
        // The trash is not part of the plan.
        #expect(try PlainFileStore(root: root).load().partnership.action("PO-03") == nil)

        let back = try store.restore("PO-03")
        #expect(back == action)
        #expect(try TestStores.read(root, "areas/portsmouth/actions/PO-03.md") == original)
        #expect(store.trashed().isEmpty)
        // Restored, it saves like any loaded action.
        var edited = back
        edited.rag = .red
        #expect(try store.save(edited))

        // Moved: an id with Dorset's code, a note saying where it came from, the old one in the trash.
        let day = Day(iso: "2006-12-14")!
        let moved = try store.move(edited, toArea: "dorset", in: partnership, by: "Zoë", on: day)
        #expect(moved.id.hasPrefix("DO-"))
        #expect(moved.area == "dorset")
        #expect(moved.progress.last?.text == "Moved from Portsmouth, where it was PO-03.")
        let reloaded = try PlainFileStore(root: root).load()
        #expect(reloaded.partnership.action(moved.id)?.title == action.title)
        #expect(reloaded.partnership.action("PO-03") == nil)
        #expect(reloaded.errors.isEmpty)
    }

    @Test func aChangedFileIsNotTrashedAndATakenIdIsNotRestored() throws {
        let root = try TestStores.copy(TestStores.sample, label: "trash2")
        let store = PlainFileStore(root: root)
        let action = try #require(try store.load().partnership.action("PO-03"))
        try TestStores.write(root, "areas/portsmouth/actions/PO-03.md",
                             try TestStores.read(root, "areas/portsmouth/actions/PO-03.md") + "\nA colleague's line.\n")
        #expect(throws: StoreError.changedOnDisk("areas/portsmouth/actions/PO-03.md")) { try store.trash(action) }

        let fresh = PlainFileStore(root: root)
        let again = try #require(try fresh.load().partnership.action("PO-03"))
        try fresh.trash(again)
        try TestStores.write(root, "areas/portsmouth/actions/PO-03.md", try TestStores.read(root, "trash/portsmouth/PO-03.md"))
        #expect(throws: StoreError.self) { try fresh.restore("PO-03") }
        #expect(fresh.trashed().count == 1)
    }
}
