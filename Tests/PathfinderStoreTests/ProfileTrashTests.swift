import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore

/// Undoing a new area or case study puts its file in the store's trash.
@Suite struct ProfileTrashTests {
    @Test func aNewCaseStudyAndANewAreaGoToTheTrashButAnAreaWithActionsStays() throws {
        let root = try TestStores.copy(TestStores.sample, label: "profile-trash")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        let p = try store.load().partnership
        let study = CaseStudy(id: "wakefield-compact", title: "Wakefield Compact", themes: [p.catalogue.themes[0].id])
        #expect(try store.save(study))
        try store.trash(.caseStudy(study))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("case-studies/wakefield-compact.md").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("trash/case-studies/wakefield-compact.md").path))

        let area = Area(id: "brighton-hove", name: "Brighton & Hove", code: "BH", authority: "Brighton and Hove City Council")
        #expect(try store.save(area))
        try store.trash(.area(area))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("areas/brighton-hove").path))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("trash/areas/brighton-hove/area.md").path))
        // Written again (redo), it loads as before.
        #expect(try store.save(area))
        #expect(try PlainFileStore(root: root).load().partnership.area("brighton-hove") == area)

        let portsmouth = try #require(p.area("portsmouth"))
        #expect(throws: StoreError.self) { try store.trash(.area(portsmouth)) }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("areas/portsmouth/area.md").path))
        let reloaded = try PlainFileStore(root: root).load()
        #expect(reloaded.errors.isEmpty)
    }
}
