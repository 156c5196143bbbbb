import Foundation
import Testing
@testable import PathfinderStore

/// Each folder in BrokenCorpus/ holds files that are laid over a small valid store (`_base`)
/// and `expected.txt`: exactly the lines `pathfinder check` must print for it. The good action
/// PO-01 must still load in every case: one broken file never takes the store down.
@Suite struct BrokenCorpusTests {
    static var cases: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: TestStores.corpus.path)) ?? [])
            .filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.sorted()
    }

    @Test func theCorpusHasAtLeastTwentyCases() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases)
    func eachBrokenFileGivesItsExactMessages(name: String) throws {
        let store = try TestStores.copy(TestStores.corpus.appendingPathComponent("_base"), label: "corpus")
        defer { try? FileManager.default.removeItem(at: store) }
        let folder = TestStores.corpus.appendingPathComponent(name)
        for (relative, data) in try TestStores.snapshot(folder) where relative != "expected.txt" {
            let target = store.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
        }
        var lines: [String]
        var loadedGoodAction = false
        do {
            let result = try PlainFileStore(root: store).load()
            lines = result.problems.map(\.description)
            loadedGoodAction = result.partnership.action("PO-01") != nil
            // `pathfinder check` reads without long texts: its messages must be these too.
            let lean = try PlainFileStore(root: store).loadWithoutLongTexts()
            #expect(lean.problems.map(\.description) == lines)
        } catch let error as StoreError {
            lines = ["refused: \(error.description.replacingOccurrences(of: store.path, with: "STORE"))"]
            loadedGoodAction = true   // a refused store loads nothing, by design
        }
        let expectedFile = folder.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["PATHFINDER_RECORD_GOLDENS"] == "1" {
            try (lines.joined(separator: "\n") + "\n").write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines == expected)
        #expect(loadedGoodAction, "the good action PO-01 did not load")
    }

    @Test func theBaseStoreIsClean() throws {
        let result = try PlainFileStore(root: TestStores.corpus.appendingPathComponent("_base")).load()
        #expect(result.problems.isEmpty, "\(result.problems)")
        #expect(result.partnership.actions.map(\.id) == ["PO-01"])
    }
}
