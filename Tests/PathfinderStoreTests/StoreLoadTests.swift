import Foundation
import Testing
import PathfinderModel
@testable import PathfinderStore

/// A load keeps the actions that loaded in place, in the order the screens show (area name,
/// then id), whatever order the folders are read in.
@Suite struct StoreLoadTests {
    @Test func actionsComeInAreaNameOrderAndOnlyTheGoodOnesLoad() throws {
        let root = try TestStores.copy(TestStores.sample, label: "load-order")
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try PlainFileStore(root: root).load().partnership.actions
        // A folder that is read first but whose area's name sorts last.
        try TestStores.write(root, "areas/aaa-zed/area.md", "---\nname: Zedshire\ncode: ZE\n---\n")
        let model = try TestStores.read(root, "areas/dorset/actions/DO-02.md")
        for id in ["ZE-02", "ZE-01"] {
            try TestStores.write(root, "areas/aaa-zed/actions/\(id).md", model.replacingOccurrences(of: "id: DO-02", with: "id: \(id)"))
        }
        // A file that does not parse, and one reusing an id, among Dorset's actions.
        try TestStores.write(root, "areas/dorset/actions/DO-00.md", "---\ntitle: [unclosed\n---\n")
        let reused = try TestStores.read(root, "areas/dorset/actions/DO-01.md")
        try TestStores.write(root, "areas/dorset/actions/DO-99.md", reused)

        let store = PlainFileStore(root: root)
        let result = try store.load()
        let actions = result.partnership.actions
        let areaOrder = result.partnership.areas.map(\.id)
        #expect(areaOrder.last == "aaa-zed")
        #expect(actions.suffix(2).map(\.id) == ["ZE-01", "ZE-02"])
        #expect(actions.dropLast(2).map(\.id) == before.map(\.id))
        #expect(Array(actions.dropLast(2)) == before, "the rest load exactly as before")
        #expect(actions.filter { $0.id == "DO-01" }.count == 1)
        #expect(actions.map { areaOrder.firstIndex(of: $0.area)! } == actions.map { areaOrder.firstIndex(of: $0.area)! }.sorted())
        let errors = result.problems.filter { $0.severity == .error }.map(\.path)
        #expect(errors.contains("areas/dorset/actions/DO-00.md"))
        #expect(errors.contains("areas/dorset/actions/DO-99.md"))
        // Every loaded action knows its file; the broken and the duplicate are not editable.
        for action in actions { #expect(store.isEditable(PlainFileStore.actionPath(action)), "\(action.id)") }
        #expect(!store.isEditable("areas/dorset/actions/DO-00.md"))
        #expect(!store.isEditable("areas/dorset/actions/DO-99.md"))
    }
}
