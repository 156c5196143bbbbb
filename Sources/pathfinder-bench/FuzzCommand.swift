import Foundation
import PathfinderStore

/// `pathfinder-bench fuzz [--cases N] [--seed S] [--from N] [--store DIR] [--corpus DIR] [--load-every N] [--trace]`
/// (or `--write-case N --to FILE` to write one case's file):
/// the long run of the store-file fuzzer (docs/reliability.md). Starts from every file of the
/// store (default ./sample-areas) and of each case of the broken-file corpus (default
/// ./Tests/PathfinderStoreTests/BrokenCorpus), loads a scratch copy of the store with the
/// damaged file in it every N cases, and prints each broken promise and a summary.
enum FuzzCommand {
    /// Written at once, not buffered: a run stopped by a limit still shows how far it got.
    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    static func run(_ arguments: [String]) -> Int32 {
        func value(_ name: String) -> String? {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
            return arguments[i + 1]
        }
        let cases = value("--cases").flatMap(Int.init) ?? 10_000
        let seed = value("--seed").flatMap(UInt64.init) ?? 1
        let first = value("--from").flatMap(Int.init) ?? 0
        let loadEvery = value("--load-every").flatMap(Int.init) ?? 10
        let store = URL(fileURLWithPath: value("--store") ?? "sample-areas").resolvingSymlinksInPath()
        let corpus = value("--corpus") ?? "Tests/PathfinderStoreTests/BrokenCorpus"
        var samples = FileFuzzer.samples(store: store.path)
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).sorted()
        for folder in folders where !folder.hasPrefix(".") {
            samples += FileFuzzer.samples(store: corpus + "/" + folder)
        }
        guard !samples.isEmpty else {
            say("no store files found in \(store.path)")
            return 2
        }
        if let n = value("--write-case").flatMap(Int.init), let file = value("--to") {
            // One case's file, to try by hand (e.g. in a copy of the store with pathfinder check).
            let (_, bytes, what) = FileFuzzer(samples: samples, seed: seed).fuzzCase(n)
            _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
            say(what)
            return 0
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pathfinder-fuzz-\(getpid())")
        do {
            try FileManager.default.copyItem(at: store, to: scratch)
        } catch {
            say("cannot copy the store: \(error)")
            return 2
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        say("fuzz: \(samples.count) files to start from, \(cases) cases from \(first), seed \(seed), a store load every \(loadEvery)")
        let started = Date()
        let report = FileFuzzer(samples: samples, seed: seed).run(cases: cases, first: first, store: scratch.path, loadEvery: loadEvery) { n, report in
            if arguments.contains("--trace") {
                say("  case \(n) done, peak \(peakMegabytes()) MB")
            } else if (n + 1) % 1000 == 0 {
                say("  \(n + 1 - first) cases, \(report.findings.count) findings, \(String(format: "%.0f", Date().timeIntervalSince(started))) s")
            }
        }
        for finding in report.findings { say("FINDING " + finding) }
        let seconds = Date().timeIntervalSince(started)
        say("""
            fuzz: \(report.cases) cases in \(String(format: "%.1f", seconds)) s (\(report.clean) read cleanly and round-tripped \
            through a save, \(report.storeLoads) store loads); \(report.findings.count) findings; slowest case \
            \(String(format: "%.3f", report.slowest.seconds)) s (\(report.slowest.what)); peak memory \(peakMegabytes()) MB
            """)
        return report.findings.isEmpty ? 0 : 1
    }
}
