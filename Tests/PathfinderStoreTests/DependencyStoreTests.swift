import Foundation
import Testing
import PathfinderModel
@testable import PathfinderStore

/// `depends-on` in the files: read, written back in its place, checked across the store.
@Suite struct DependencyStoreTests {
    @Test func theSampleSaysPO05WaitsOnPO04() throws {
        let result = try PlainFileStore(root: TestStores.sample).load()
        #expect(result.partnership.action("PO-05")?.dependsOn == ["PO-04"])
        #expect(!result.problems.contains { $0.message.contains("depends") || $0.message.contains("circle") })
    }

    @Test func checkReportsCyclesDatesAndUnknownIDsOnTheirLines() throws {
        let root = try TestStores.copy(TestStores.sample, label: "depends")
        defer { try? FileManager.default.removeItem(at: root) }
        // PO-04 now waits on PO-05 (a circle), and on an id that is no action.
        let po04 = try TestStores.read(root, "areas/portsmouth/actions/PO-04.md")
        try TestStores.write(root, "areas/portsmouth/actions/PO-04.md",
                             po04.replacingOccurrences(of: "milestones:\n", with: "depends-on:\n  - PO-05\n  - PO-77\nmilestones:\n"))
        let all = try PlainFileStore(root: root).load().problems
        let problems = all.filter { $0.path == "areas/portsmouth/actions/PO-04.md" }
        let lines = try TestStores.read(root, "areas/portsmouth/actions/PO-04.md").split(separator: "\n", omittingEmptySubsequences: false)
        let po05Line = lines.firstIndex { $0 == "  - PO-05" }! + 1
        let po77Line = lines.firstIndex { $0 == "  - PO-77" }! + 1
        // The circle is reported once, on the entry of the file where it closes, naming both.
        let circle = try #require(all.first { $0.message.contains("circle") })
        #expect(circle.severity == .warning && circle.message.contains("PO-04") && circle.message.contains("PO-05"))
        let circleFile = try TestStores.read(root, circle.path).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(circleFile[circle.line - 1].contains("PO-0"))
        #expect(problems.contains { $0.line == po77Line && $0.message.contains("PO-77") })
        // PO-05 (due 2007-03-31) is not before PO-04 (due 2006-11-30); PO-04 is before PO-05.
        #expect(problems.contains { $0.line == po05Line && $0.message.contains("before PO-05") })
    }

    @Test func savedInItsPlace() throws {
        let root = try TestStores.copy(TestStores.sample, label: "depends-save")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        let p = try store.load().partnership
        var a = try #require(p.action("PO-06"))
        a.dependsOn = ["PO-04", "PO-05"]
        _ = try store.save(a)
        let text = try TestStores.read(root, "areas/portsmouth/actions/PO-06.md")
        #expect(text.contains("depends-on: [PO-04, PO-05]\n"))
        #expect(try PlainFileStore(root: root).load().partnership.action("PO-06")?.dependsOn == ["PO-04", "PO-05"])
    }
}
