import Foundation
import Testing
import PathfinderModel
@testable import PathfinderStore

/// A read without long texts (issue 14's memory work): `pathfinder check` keeps each action
/// without its description and older notes. Its problems must be a full load's, and an action
/// read so must never be written back, whichever way a save is asked for.
@Suite struct LongTextsTests {
    @Test func theProblemsAndShortFieldsAreAFullLoads() throws {
        let full = try PlainFileStore(root: TestStores.sample).load()
        let lean = try PlainFileStore(root: TestStores.sample).loadWithoutLongTexts()
        #expect(lean.problems == full.problems)
        #expect(lean.partnership.actions.count == full.partnership.actions.count)
        #expect(lean.partnership.actions == full.partnership.actions.map { $0.withoutLongTexts() })
        #expect(lean.partnership.areas == full.partnership.areas)
        #expect(lean.partnership.meetings == full.partnership.meetings)
        #expect(lean.partnership.organisations == full.partnership.organisations)
        #expect(full.partnership.actions.allSatisfy { $0.longTextsRead })
        #expect(lean.partnership.actions.allSatisfy { !$0.longTextsRead })
    }

    @Test func aLeanActionKeepsItsLatestNoteAndLastUpdate() throws {
        let full = try PlainFileStore(root: TestStores.sample).load()
        let withNotes = full.partnership.actions.filter { $0.progress.count > 1 && !$0.description.isEmpty }
        #expect(!withNotes.isEmpty)
        for action in withNotes {
            let lean = action.withoutLongTexts()
            #expect(lean.description.isEmpty)
            #expect(lean.progress.count == 1)
            #expect(lean.latestProgress == action.latestProgress)
            #expect(lean.lastUpdate == action.lastUpdate)
            #expect(lean != action)
        }
    }

    /// Nothing a user typed or a colleague wrote may be lost: the save is refused, not made
    /// with the description and older notes missing, and no file changes.
    @Test func anActionReadWithoutItsLongTextsIsNeverSaved() throws {
        let root = try TestStores.copy(TestStores.sample, label: "lean-save")
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try TestStores.snapshot(root)
        let store = PlainFileStore(root: root)
        let loaded = try store.loadWithoutLongTexts()
        let original = try #require(loaded.partnership.actions.first { $0.progress.count > 0 })
        var changed = original
        changed.status = changed.status == "done" ? "in-progress" : "done"
        let path = PlainFileStore.actionPath(original)
        #expect(store.isEditable(path))
        #expect(throws: StoreError.longTextsNotRead(path)) { try store.save(changed) }
        #expect(throws: StoreError.longTextsNotRead(path)) { try store.save(changed, overwrite: true) }
        #expect(try TestStores.snapshot(root) == before)
        // A full read of the same action saves as always.
        let full = try #require(try store.load().partnership.action(original.id))
        var edited = full
        edited.status = changed.status
        #expect(try store.save(edited))
        let reread = try #require(try PlainFileStore(root: root).load().partnership.action(original.id))
        #expect(reread.description == full.description)
        #expect(reread.progress == full.progress)
    }
}
