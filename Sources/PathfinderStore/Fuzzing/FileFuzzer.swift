#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PathfinderModel

/// A seeded mutation fuzzer for store files: damages real files in the ways editors, merges,
/// copy-and-paste and hostile people do, then checks what every reader of the store promises.
/// The test suite runs a few hundred cases; `pathfinder-bench fuzz` runs as many as asked
/// (docs/reliability.md). The same seed always gives the same cases.
public struct FileFuzzer: Sendable {
    /// A store file to start from: its path in the store and its bytes.
    public struct Sample: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    public struct Report: Sendable {
        public var cases = 0
        /// Cases whose file still read without errors (then also saved and read back).
        public var clean = 0
        /// Cases whose whole store was loaded with the damaged file in it.
        public var storeLoads = 0
        /// Each promise broken, with the seed and case that broke it.
        public var findings: [String] = []
        /// The slowest case's seconds and description.
        public var slowest: (seconds: Double, what: String) = (0, "")
    }

    public let samples: [Sample]
    public let seed: UInt64

    public init(samples: [Sample], seed: UInt64) {
        self.samples = samples
        self.seed = seed
    }

    /// Every file a store folder holds that the program reads, as samples.
    public static func samples(store root: String) -> [Sample] {
        var paths = ["pathfinder.yaml"]
        paths += PlainFileStore.storeFiles(root).map(\.path)
        return paths.compactMap { path in
            ((try? AtomicFile.readIfPresent(root + "/" + path)) ?? nil).map { Sample(path: path, bytes: $0) }
        }
    }

    /// Runs `cases` cases from `first`. With `store`, every `loadEvery`-th case also writes its
    /// file into that store folder (restoring it after) and loads the whole store.
    public func run(cases: Int, first: Int = 0, store: String? = nil, loadEvery: Int = 10,
                    progress: (Int, Report) -> Void = { _, _ in }) -> Report {
        var report = Report()
        let baseline = store.flatMap { try? PlainFileStore(root: URL(fileURLWithPath: $0)).load() }
        for n in first..<(first + cases) {
            let (sample, bytes, what) = fuzzCase(n)
            let started = Self.now()
            var findings = Self.check(path: sample.path, bytes: bytes, clean: &report.clean)
            // Only a file of the store itself goes in (a corpus file would change the store).
            if let store, let baseline, loadEvery > 0, n % loadEvery == 0,
               let original = (try? AtomicFile.readIfPresent(store + "/" + sample.path)) ?? nil {
                findings += Self.checkStore(store, path: sample.path, bytes: bytes, original: original, baseline: baseline)
                report.storeLoads += 1
            }
            let seconds = Self.now() - started
            if seconds > report.slowest.seconds { report.slowest = (seconds, what) }
            report.findings += findings.map { "\(what): \($0)" }
            report.cases += 1
            progress(n, report)
        }
        return report
    }

    /// Case `n`: the file it starts from, its damaged bytes, and a description.
    public func fuzzCase(_ n: Int) -> (sample: Sample, bytes: [UInt8], what: String) {
        var rng = FuzzRandom(seed: seed &+ UInt64(n) &* 0x9E37_79B9)
        let sample = samples[Int(rng.next() % UInt64(samples.count))]
        var bytes = sample.bytes
        var applied: [String] = []
        for _ in 0...(rng.next() % 3) {
            let (name, mutated) = Self.mutate(bytes, &rng)
            // Past 3 MB a case only tests the size limit again, at the harness's expense.
            bytes = mutated.count > 3 << 20 ? Array(mutated.prefix(3 << 20)) : mutated
            applied.append(name)
        }
        return (sample, bytes, "seed \(seed) case \(n): \(sample.path) [\(applied.joined(separator: ", "))]")
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The file's line count as an editor shows it (at least 1).
    static func lineCount(_ bytes: [UInt8]) -> Int {
        let breaks = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return max(1, breaks + (bytes.last == 0x0A || bytes.isEmpty ? 0 : 1))
    }

    /// The promises one file keeps on its own: every problem names the file and a line in it;
    /// a file that reads cleanly saves unchanged as it is, and a change to it reads back.
    static func check(path: String, bytes: [UInt8], clean: inout Int) -> [String] {
        var findings: [String] = []
        let lines = lineCount(bytes)
        func checkProblems(_ problems: [Problem]) {
            for p in problems where p.path != path || p.line < 1 || p.line > lines {
                findings.append("problem outside the file (\(lines) lines): \(p)")
            }
        }
        let parts = path.split(separator: "/").map(String.init)
        let file = parts.last.map { String($0.dropLast(3)) } ?? ""
        if path == "pathfinder.yaml" {
            checkProblems(FileParser.manifest(bytes, path: path).problems)
            return findings
        }
        let area = parts.count > 1 ? parts[1] : ""
        func roundTrip<T: Equatable>(_ parsed: Parsed<T>, change: (inout T) -> Void, save: (T, [UInt8]) -> [UInt8],
                                     parse: ([UInt8]) -> Parsed<T>) {
            checkProblems(parsed.problems)
            guard var value = parsed.value, parsed.editable, !parsed.problems.contains(where: { $0.severity == .error }) else { return }
            clean += 1
            if save(value, bytes) != bytes { findings.append("saving the unchanged value rewrote the file") }
            change(&value)
            let saved = save(value, bytes)
            let again = parse(saved)
            if let error = again.problems.first(where: { $0.severity == .error }) { findings.append("a saved change does not read back: \(error)") }
            if again.value != value { findings.append("a saved change reads back different") }
        }
        switch (parts.first, parts.count > 2 ? parts[2] : nil) {
        case ("case-studies", _):
            roundTrip(FileParser.caseStudy(bytes, path: path, id: file), change: { $0.title += " (checked)" },
                      save: { PlainFileStore.bytes($0, over: $1, path: path) }, parse: { FileParser.caseStudy($0, path: path, id: file) })
        case ("areas", "actions"?):
            roundTrip(FileParser.action(bytes, path: path, area: area, fileID: file), change: { $0.title += " (checked)" },
                      save: { PlainFileStore.bytes($0, over: $1, path: path) },
                      parse: { FileParser.action($0, path: path, area: area, fileID: file) })
        case ("areas", "meetings"?):
            roundTrip(FileParser.meeting(bytes, path: path, area: area, fileID: file), change: { $0.title += " (checked)" },
                      save: { PlainFileStore.bytes($0, over: $1, path: path) },
                      parse: { FileParser.meeting($0, path: path, area: area, fileID: file) })
        default:
            roundTrip(FileParser.area(bytes, path: path, id: area), change: { $0.name += " (checked)" },
                      save: { PlainFileStore.bytes($0, over: $1, path: path) }, parse: { FileParser.area($0, path: path, id: area) })
        }
        return findings
    }

    /// Whether the file, read on its own, has an error (so a load leaves it out).
    static func ownErrors(path: String, bytes: [UInt8]) -> Bool {
        let parts = path.split(separator: "/").map(String.init)
        let file = parts.last.map { String($0.dropLast(3)) } ?? ""
        let area = parts.count > 1 ? parts[1] : ""
        let problems: [Problem]
        switch (parts.first, parts.count > 2 ? parts[2] : nil) {
        case ("case-studies", _): problems = FileParser.caseStudy(bytes, path: path, id: file).problems
        case ("areas", "actions"?): problems = FileParser.action(bytes, path: path, area: area, fileID: file).problems
        case ("areas", "meetings"?): problems = FileParser.meeting(bytes, path: path, area: area, fileID: file).problems
        default: problems = FileParser.area(bytes, path: path, id: area).problems
        }
        return problems.contains { $0.severity == .error }
    }

    /// The promise to the rest of the store: with the damaged file in place, the store loads
    /// (unless the manifest now names a newer format, which refuses by design), every other
    /// action is still there, and every problem is on a line of its file.
    static func checkStore(_ root: String, path: String, bytes: [UInt8], original: [UInt8], baseline: LoadResult) -> [String] {
        let full = root + "/" + path
        guard (try? AtomicFile.write(bytes, to: full)) != nil else { return ["could not write the case into the store"] }
        defer { try? AtomicFile.write(original, to: full) }
        let result: LoadResult
        do {
            result = try PlainFileStore(root: URL(fileURLWithPath: root)).load()
        } catch StoreError.newerFormat {
            return []
        } catch {
            return ["the store did not load: \(error)"]
        }
        var findings: [String] = []
        let file = path.split(separator: "/").last.map { String($0.dropLast(3)) } ?? ""
        let kept = Set(result.partnership.actions.map(\.id))
        for action in baseline.partnership.actions where action.id != file && !kept.contains(action.id) {
            findings.append("action \(action.id) no longer loads")
        }
        let lines = lineCount(bytes)
        for p in result.problems where p.path == path && (p.line < 1 || p.line > lines) {
            findings.append("problem outside the file (\(lines) lines): \(p)")
        }
        // A file with errors of its own must cause none elsewhere. (A file that reads cleanly may:
        // an area whose code changed, a manifest without a theme.)
        let others = Set(baseline.problems.map(\.description))
        let broken = path != "pathfinder.yaml" && ownErrors(path: path, bytes: bytes)
        for p in result.problems where broken && p.path != path && !others.contains(p.description) && p.severity == .error {
            findings.append("a knock-on error in another file: \(p)")
        }
        return findings
    }
}
