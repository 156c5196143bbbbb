import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore

/// The index must answer exactly what a full load answers, whatever happens to the files
/// behind its back; a damaged or stale index file is detected and made again, never trusted.
@Suite struct StoreIndexTests {
    /// The indexed store against a full load: the same partnership (every field of every
    /// action, area, case study and meeting, in the same order) and the same errors.
    @discardableResult
    static func expectSameAsFullLoad(_ root: URL, _ context: @autoclosure () -> String = "",
                                     sourceLocation: SourceLocation = #_sourceLocation) throws -> LoadResult? {
        let indexed: Result<LoadResult?, StoreError>
        let full: Result<LoadResult, StoreError>
        do { indexed = .success(try PlainFileStore(root: root).indexedLoad()) } catch let e as StoreError { indexed = .failure(e) }
        do { full = .success(try PlainFileStore(root: root).load()) } catch let e as StoreError { full = .failure(e) }
        switch (indexed, full) {
        case let (.success(answer), .success(loaded)):
            let answer = try #require(answer, "the index could not answer \(context())", sourceLocation: sourceLocation)
            let (a, b) = (answer.partnership, loaded.partnership)
            #expect(a.actions.map(\.id) == b.actions.map(\.id), "\(context())", sourceLocation: sourceLocation)
            for (x, y) in zip(a.actions, b.actions) where x != y {
                Issue.record("\(x.id) differs: \(x) against \(y) \(context())", sourceLocation: sourceLocation)
                break
            }
            #expect(a == b, "\(context())", sourceLocation: sourceLocation)
            #expect(answer.errors == loaded.errors, "\(context())", sourceLocation: sourceLocation)
            return answer
        case let (.failure(x), .failure(y)):
            #expect(x == y, "\(context())", sourceLocation: sourceLocation)
            return nil
        default:
            Issue.record("index gave \(indexed), the load \(full) \(context())", sourceLocation: sourceLocation)
            return nil
        }
    }

    static func shardPaths(_ root: URL) -> [String] {
        let folder = root.path + "/" + PlainFileStore.indexFolder
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { folder + "/" + $0 }
    }

    @Test func everyActionOfTheSampleStoreReadsBackAsItWas() throws {
        let p = try PlainFileStore(root: TestStores.sample).load().partnership
        #expect(p.actions.count > 20)
        for a in p.actions {
            let bytes = ActionRecord.encode(a)
            let back = bytes.withUnsafeBytes { ActionRecord.decode($0) }
            #expect(back == a, "\(a.id)")
            var short = a
            short.description = ""
            short.progress = []
            #expect(bytes.withUnsafeBytes { ActionRecord.decode($0, full: false) } == short, "\(a.id)")
        }
    }

    @Test func anActionWithEveryFieldSetAndUnusualTextReadsBack() {
        let day = Day(iso: "2007-03-31")!
        let a = Action(id: "PO-99", area: "portsmouth", title: "Tïtle with \"quotes\"\n and é and 🎉", theme: "t",
                       successFactors: ["a", "b"], lead: "L", leadBody: "B", partners: ["p1", "", "p3"], status: "s", rag: .amber,
                       start: day, due: day.adding(days: 3), milestones: [Milestone(title: "m", due: day, done: true), Milestone(title: "")],
                       indicator: Indicator(name: "i", baseline: 7, target: 12.5, current: nil, unit: "%"),
                       funding: Funding(amount: 80_000, termYears: nil, noticeMonths: 3, fullCostRecovery: false),
                       caseStudies: ["c"], reviewed: day, updated: day, updatedBy: "me", source: "para 2.24",
                       description: "", progress: [ProgressEntry(date: day, author: "x", text: ""),
                                                   ProgressEntry(date: day, author: "y", text: "two\nlines"),
                                                   ProgressEntry(date: day, author: "", text: "")])
        let bytes = ActionRecord.encode(a)
        #expect(bytes.withUnsafeBytes { ActionRecord.decode($0) } == a)
        // Cut short anywhere, it is refused rather than misread.
        for n in stride(from: 0, to: bytes.count, by: 7) {
            #expect(bytes.prefix(n).withUnsafeBytes { ActionRecord.decode($0) } == nil)
        }
    }

    @Test func aFirstBuildThenNothingChangedGiveTheFullLoad() throws {
        let root = try TestStores.copy(TestStores.sample, label: "index")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectSameAsFullLoad(root, "no index")
        #expect(Self.shardPaths(root).count == 5)
        let stamps = Self.shardPaths(root).map { FileStamp.of($0) }
        try Self.expectSameAsFullLoad(root, "warm")
        #expect(Self.shardPaths(root).map { FileStamp.of($0) } == stamps, "nothing changed, nothing rewritten")
        // A renamed area's index file goes with it.
        try FileManager.default.moveItem(atPath: root.path + "/areas/dorset", toPath: root.path + "/areas/dorset-renamed")
        try Self.expectSameAsFullLoad(root, "area renamed")
        let names = Self.shardPaths(root).map { ($0 as NSString).lastPathComponent }
        #expect(names.count == 5 && names.contains("dorset-renamed.actions") && !names.contains("dorset.actions"), "\(names)")
    }

    /// A first build writes each area's index file as that area's files are parsed, and keeps
    /// none of their records in memory for later (issue 14: a first run peaked at 629 MB);
    /// a later change to a few files keeps just their records, merged into the area's file.
    @Test func aFirstBuildWritesEachAreasIndexFileAsItGoes() throws {
        let root = try TestStores.copy(TestStores.sample, label: "index")
        defer { try? FileManager.default.removeItem(at: root) }
        let (refresh, summary, _) = try SummaryCache(root: root.path).refreshed(keepingRecords: true)
        #expect(refresh.records.isEmpty)
        #expect(Self.shardPaths(root).count == 5)
        let held = Self.shardPaths(root).map { (try? AtomicFile.read($0)).map { ActionShard(bytes: $0).records.count } ?? 0 }.reduce(0, +)
        #expect(held == summary.actionFiles.count)
        let before = Self.shardPaths(root).map { FileStamp.of($0) }
        try Self.expectSameAsFullLoad(root, "first answer read from the files written")
        #expect(Self.shardPaths(root).map { FileStamp.of($0) } == before, "nothing left to write")
        // One file changed: its record alone is kept, and its area's index file rewritten.
        let file = root.appendingPathComponent("areas/portsmouth/actions/PO-03.md")
        try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(of: "rag: ", with: "rag:  ").write(to: file, atomically: true, encoding: .utf8)
        let again = try SummaryCache(root: root.path).refreshed(keepingRecords: true).refresh
        #expect(again.records.count == 1)
        try Self.expectSameAsFullLoad(root, "one file changed")
    }

    /// The index files are read only for the file versions they were made from: one made from
    /// another version of a file, or damaged in any byte, is made again from the files.
    @Test func aDamagedOrStaleIndexFileIsNeverTrusted() throws {
        let root = try TestStores.copy(TestStores.sample, label: "index")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectSameAsFullLoad(root)
        let shard = root.path + "/" + ActionShard.path(area: "portsmouth")
        let good = try AtomicFile.read(shard)
        #expect(ActionShard(bytes: good).records.count > 3)
        var damaged: [[UInt8]] = [[], Array(good.prefix(good.count / 2)), Array(good.dropLast()), Array("garbage".utf8)]
        for offset in [0, 30, good.count / 3, good.count / 2, good.count - 3] {
            var copy = good
            copy[offset] ^= 0x40
            damaged.append(copy)
        }
        for bytes in damaged {
            #expect(ActionShard(bytes: bytes).records.isEmpty)
            try AtomicFile.write(bytes, to: shard)
            try Self.expectSameAsFullLoad(root, "damaged")
            #expect(try AtomicFile.read(shard) == good, "made again")
        }
        // A well-formed index file from another version of the area's files: each record is
        // keyed on its file's content hash, so an old record is not used for a changed file.
        let file = root.path + "/areas/portsmouth/actions/PO-01.md"
        let before = try String(contentsOfFile: file, encoding: .utf8)
        let (s, ns) = SummaryCacheTests.modificationTime(file)
        SummaryCacheTests.nextTick()
        try before.replacingOccurrences(of: "rag: ", with: "rag:  ").write(toFile: file, atomically: false, encoding: .utf8)
        SummaryCacheTests.setModificationTime(file, seconds: s, nanoseconds: ns)
        try Self.expectSameAsFullLoad(root, "edited")
        try AtomicFile.write(good, to: shard)   // the index file from before the edit
        try Self.expectSameAsFullLoad(root, "stale index file")
        try FileManager.default.removeItem(atPath: root.path + "/" + PlainFileStore.indexFolder)
        try Self.expectSameAsFullLoad(root, "index removed")
    }

    @Test func everyBrokenCorpusCaseReadsAsTheLoadReadsIt() throws {
        for name in BrokenCorpusTests.cases {
            let root = try TestStores.copy(TestStores.corpus.appendingPathComponent("_base"), label: "index")
            defer { try? FileManager.default.removeItem(at: root) }
            try Self.expectSameAsFullLoad(root, "\(name), base")
            let folder = TestStores.corpus.appendingPathComponent(name)
            for (relative, data) in try TestStores.snapshot(folder) where relative != "expected.txt" {
                let target = root.appendingPathComponent(relative)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
            try Self.expectSameAsFullLoad(root, "\(name), over an index")
            try FileManager.default.removeItem(atPath: root.path + "/.pathfinder")
            try Self.expectSameAsFullLoad(root, "\(name), no index")
        }
    }

    /// A question asked of actions without their long texts keeps the same actions as the
    /// question asked of the loaded ones.
    @Test func aFilteredQuestionKeepsWhatTheLoadsFilterKeeps() throws {
        let root = try TestStores.copy(TestStores.sample, label: "index")
        defer { try? FileManager.default.removeItem(at: root) }
        let loaded = try PlainFileStore(root: root).load().partnership
        let asOf = loaded.asOf ?? Day(iso: "2006-12-15")!
        let filters = [ActionFilter(overdue: true), ActionFilter(rag: .red), ActionFilter(status: "in-progress", theme: nil),
                       ActionFilter(text: "volunteers"), ActionFilter(successFactor: "regular-dialogue", text: "the")]
        for filter in filters {
            let query = IndexQuery(keep: { a, c in filter.matches(a, asOf: c.asOf ?? asOf, catalogue: c.catalogue) },
                                   filterReadsLongTexts: !filter.text.isEmpty, longTexts: true, profiles: false)
            let answer = try #require(try PlainFileStore(root: root).indexedLoad(query))
            let expected = loaded.actions.filter { filter.matches($0, asOf: asOf, catalogue: loaded.catalogue) }
            #expect(answer.partnership.actions == expected, "\(filter)")
            #expect(answer.partnership.areas.map(\.id) == loaded.areas.map(\.id))
        }
    }

    // MARK: Random changes behind the index's back

    @Test func randomChangesBehindTheIndexsBack() throws {
        let root = try TestStores.copy(TestStores.sample, label: "index")
        defer { try? FileManager.default.removeItem(at: root) }
        var random = SeededRandom(seed: 20070331)
        var changes = StoreChanges(root: root)
        try Self.expectSameAsFullLoad(root)
        for step in 0..<80 {
            SummaryCacheTests.nextTick()
            var done: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                if Int.random(in: 0..<6, using: &random) == 0, let shard = Self.shardPaths(root).randomElement(using: &random),
                   var bytes = try? AtomicFile.read(shard), !bytes.isEmpty {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= 0x08
                    try AtomicFile.write(bytes, to: shard)
                    done.append("index file damaged")
                } else {
                    done.append(try changes.apply(using: &random))
                }
            }
            try Self.expectSameAsFullLoad(root, "step \(step): \(done.joined(separator: "; "))")
        }
    }

    /// `git checkout` of an older version rewrites files with their old bytes (and new times):
    /// the index gives the old version's answers, and the new one's again after checking out back.
    @Test func checkingOutOlderVersionsWithGit() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else { return }
        let root = try TestStores.copy(TestStores.sample, label: "index")
        defer { try? FileManager.default.removeItem(at: root) }
        func git(_ args: String...) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            p.arguments = ["-C", root.path, "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"] + args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "git \(args)")
        }
        try git("init", "-q", "-b", "main")
        try git("add", "-A")
        try git("commit", "-q", "-m", "first")
        try Self.expectSameAsFullLoad(root, "first")
        var changes = StoreChanges(root: root)
        var random = SeededRandom(seed: 7)
        for round in 1...4 {
            for _ in 0..<4 { _ = try changes.apply(using: &random) }
            try Self.expectSameAsFullLoad(root, "round \(round)")
            try git("add", "-A")
            try git("commit", "-q", "--allow-empty", "-m", "round \(round)")
        }
        for back in ["main~4", "main~2", "main", "main~3", "main"] {
            SummaryCacheTests.nextTick()
            try git("checkout", "-q", "-f", back)
            try git("clean", "-q", "-f", "-d")
            try Self.expectSameAsFullLoad(root, "checked out \(back)")
        }
    }
}
