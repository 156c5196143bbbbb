import Foundation
import PathfinderModel
import PathfinderStore
import PathfinderTUI
import Testing
@testable import PathfinderCLI

/// What the run loop answers when the store refuses a change for good (not a full disk that
/// may clear): the screens are told at once, nothing is queued to be tried again for ever.
@Suite struct StoreEffectsRefusalTests {
    @Test func aDeleteIntoALinkedTrashComesBackOnThePlanWithTheReason() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let elsewhere = scratch.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: scratch.store.appendingPathComponent("trash"))
        try FileManager.default.createSymbolicLink(at: scratch.store.appendingPathComponent("trash"), withDestinationURL: elsewhere)
        let store = PlainFileStore(root: scratch.store)
        let loaded = try store.load()
        let action = try #require(loaded.partnership.action("PO-07"))
        let answer = StoreEffects(store: store).perform(.delete(action), partnership: loaded.partnership)
        guard case let .deleteRefused(back, reason)? = answer else { Issue.record("not refused: \(String(describing: answer))"); return }
        #expect(back == action)
        #expect(reason.contains("trash is a symbolic link"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        #expect(FileManager.default.fileExists(atPath: scratch.store.appendingPathComponent("areas/portsmouth/actions/PO-07.md").path))
    }
}
