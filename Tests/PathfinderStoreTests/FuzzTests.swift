import Foundation
import Testing
@testable import PathfinderStore

/// A bounded run of the store-file fuzzer (the long run is `pathfinder-bench fuzz`, see
/// docs/reliability.md): damaged copies of the sample store's files and the broken corpus's
/// files never crash the parser, every problem is on a line of its file, a file that still reads
/// cleanly saves unchanged and reads a change back, and the rest of the store loads.
@Suite struct FuzzTests {
    static func samples() -> [FileFuzzer.Sample] {
        var samples = FileFuzzer.samples(store: TestStores.sample.path)
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: TestStores.corpus.path)) ?? []).sorted()
        for folder in folders where !folder.hasPrefix(".") {
            samples += FileFuzzer.samples(store: TestStores.corpus.appendingPathComponent(folder).path)
        }
        return samples
    }

    @Test func theSameSeedGivesTheSameCases() {
        var a = FuzzRandom(seed: 7), b = FuzzRandom(seed: 7)
        let bytes = Array("---\ntitle: x\n---\nBody\n".utf8)
        for _ in 0..<50 {
            #expect(FileFuzzer.mutate(bytes, &a).1 == FileFuzzer.mutate(bytes, &b).1)
        }
    }

    @Test(arguments: [20061114 as UInt64, 42])
    func damagedFilesKeepEveryPromise(seed: UInt64) throws {
        let samples = Self.samples()
        #expect(samples.count > 60)
        let store = try TestStores.copy(TestStores.sample, label: "fuzz")
        defer { try? FileManager.default.removeItem(at: store) }
        let report = FileFuzzer(samples: samples, seed: seed).run(cases: 60, store: store.path, loadEvery: 6)
        #expect(report.findings.isEmpty, "\(report.findings.joined(separator: "\n"))")
        #expect(report.cases == 60)
        #expect(report.storeLoads > 0)
        #expect(report.clean > 0, "no case read cleanly, so the save round trip was never tried")
    }

    /// The checks themselves can fail: an action missing after the load is a finding, and so
    /// is a save that does not read back.
    @Test func theChecksCanFail() throws {
        let store = try TestStores.copy(TestStores.corpus.appendingPathComponent("_base"), label: "fuzz-check")
        defer { try? FileManager.default.removeItem(at: store) }
        let path = "areas/portsmouth/actions/PO-01.md"
        let original = try AtomicFile.read(store.appendingPathComponent(path).path)
        let sample = try PlainFileStore(root: TestStores.sample).load()
        let findings = FileFuzzer.checkStore(store.path, path: path, bytes: original, original: original, baseline: sample)
        #expect(findings.contains { $0.hasPrefix("action PO-03 no longer loads") })
        #expect(FileFuzzer.checkStore(store.path, path: path, bytes: original, original: original,
                                      baseline: try PlainFileStore(root: store).load()).isEmpty)
        var clean = 0
        #expect(FileFuzzer.check(path: path, bytes: original, clean: &clean).isEmpty)
        #expect(clean == 1)
    }
}
