import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore
#if canImport(Glibc)
import Glibc
#endif

/// The summary cache must give exactly what a full load gives, whatever happens to the files
/// behind its back. Every test compares it with `load()`.
@Suite struct SummaryCacheTests {
    static let days = [Day(iso: "2006-12-15")!, Day(iso: "2007-03-31")!, Day(iso: "2008-01-01")!]

    /// The cached summary against a full load: the same title, pinned day, errors and rows on
    /// several days, or the same refusal.
    @discardableResult
    static func expectSameAsFullLoad(_ root: URL, margin: Double = 0, _ context: @autoclosure () -> String = "",
                                     sourceLocation: SourceLocation = #_sourceLocation) throws -> StoreSummary? {
        let cached: Result<StoreSummary, StoreError>
        let full: Result<LoadResult, StoreError>
        do { cached = .success(try SummaryCache(root: root.path, racyMargin: margin).summary()) } catch let e as StoreError { cached = .failure(e) }
        do { full = .success(try PlainFileStore(root: root).load()) } catch let e as StoreError { full = .failure(e) }
        switch (cached, full) {
        case let (.success(summary), .success(loaded)):
            let p = loaded.partnership
            #expect(summary.title == p.title, "\(context())", sourceLocation: sourceLocation)
            #expect(summary.asOf == p.asOf, "\(context())", sourceLocation: sourceLocation)
            #expect(summary.errors == loaded.errors, "\(context())", sourceLocation: sourceLocation)
            #expect(summary.areaIDs == p.areas.map(\.id), "\(context())", sourceLocation: sourceLocation)
            for day in days + [p.asOf].compactMap({ $0 }) {
                #expect(summary.rows(asOf: day) == p.summaries(asOf: day), "\(context()) as of \(day)", sourceLocation: sourceLocation)
            }
            return summary
        case let (.failure(a), .failure(b)):
            #expect(a == b, "\(context())", sourceLocation: sourceLocation)
            return nil
        default:
            Issue.record("cache gave \(cached), the load \(full) \(context())", sourceLocation: sourceLocation)
            return nil
        }
    }

    static func setModificationTime(_ path: String, seconds: Int, nanoseconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: nanoseconds), timespec(tv_sec: seconds, tv_nsec: nanoseconds)]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    static func modificationTime(_ path: String) -> (Int, Int) {
        var info = stat()
        stat(path, &info)
        return (Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec))
    }

    /// Lets the coarse clock file times come from move on, so a later write gets a new ctime.
    static func nextTick() { usleep(30_000) }

    @Test func nothingChangedReadsNoFile() throws {
        let root = try TestStores.copy(TestStores.sample, label: "summary")
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try #require(try Self.expectSameAsFullLoad(root))
        #expect(first.filesFromCache == 0 && first.filesParsed > 50)
        let second = try #require(try Self.expectSameAsFullLoad(root))
        #expect(second.filesRead == 0)
        #expect(second.filesFromCache == first.filesParsed)
        #expect(FileManager.default.fileExists(atPath: root.path + "/" + PlainFileStore.summaryCachePath))
    }

    /// The case a size-and-mtime key misses: a status changed to one of the same length, and
    /// the modification time put back to the nanosecond. The inode change time gives it away.
    @Test func aSameSizeEditWithItsModificationTimePutBackIsSeen() throws {
        let root = try TestStores.copy(TestStores.sample, label: "summary")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectSameAsFullLoad(root)
        Self.nextTick()
        let path = root.path + "/areas/portsmouth/actions/PO-01.md"
        let (seconds, nanoseconds) = Self.modificationTime(path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "status: in-progress", with: "status: not-started")
        #expect(edited != text && edited.utf8.count == text.utf8.count)
        try edited.write(toFile: path, atomically: false, encoding: .utf8)
        Self.setModificationTime(path, seconds: seconds, nanoseconds: nanoseconds)
        #expect(Self.modificationTime(path) == (seconds, nanoseconds))
        let summary = try #require(try Self.expectSameAsFullLoad(root))
        #expect(summary.filesParsed == 1)
    }

    /// Funding agreements are cached like every other file: a warm run reads none, and a
    /// broken agreement's error (file and line) appears once, in the summary and in the index's
    /// answer alike, equal to the full load's.
    @Test func fundingAgreementsAreCachedAndTheirErrorsCountedOnce() throws {
        let root = try TestStores.copy(TestStores.sample, label: "summary")
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try #require(try Self.expectSameAsFullLoad(root))
        let second = try #require(try Self.expectSameAsFullLoad(root))
        #expect(second.filesRead == 0 && second.filesFromCache == first.filesParsed)
        Self.nextTick()
        let path = root.path + "/funding/dorset-day-services.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\narea: dorset\n", with: "\narea: dorset\namount: [not, a, number]\n")
            .write(toFile: path, atomically: false, encoding: .utf8)
        let broken = try #require(try Self.expectSameAsFullLoad(root))
        let agreementErrors = broken.errors.filter { $0.path == "funding/dorset-day-services.md" }
        #expect(!agreementErrors.isEmpty)
        #expect(broken.filesParsed == 1)
        let indexed = try #require(try PlainFileStore(root: root).indexedLoad())
        #expect(indexed.errors == (try PlainFileStore(root: root).load()).errors)
        #expect(indexed.errors.filter { $0.path == "funding/dorset-day-services.md" } == agreementErrors)
    }

    /// A file whose times are too recent to rule out a second write in the same clock tick is
    /// checked by its content, so such a write is seen even though the stamp is unchanged.
    @Test func aRecentFileIsCheckedByContent() throws {
        let root = try TestStores.copy(TestStores.sample, label: "summary")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectSameAsFullLoad(root, margin: 3600)   // every file counts as recent
        let again = try #require(try Self.expectSameAsFullLoad(root, margin: 3600))
        #expect(again.filesRead > 50 && again.filesParsed == 0 && again.filesFromCache == 0)   // read to check, not parsed
        // Change a file, then make the cache believe the stamp it has now is the one it read.
        let relative = "areas/dorset/actions/DO-01.md"
        let path = root.path + "/" + relative
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "rag: amber", with: "rag: green").replacingOccurrences(of: "rag: red", with: "rag: amb")
        try edited.write(toFile: path, atomically: false, encoding: .utf8)
        let cachePath = root.path + "/" + PlainFileStore.summaryCachePath
        var contents = try #require(SummaryCacheFile.decode(try AtomicFile.read(cachePath)))
        let area = try #require(contents.areaFolders.firstIndex { $0.name == "dorset" })
        let file = try #require(contents.areaFolders[area].actions.firstIndex { $0?.name == "DO-01.md" })
        contents.areaFolders[area].actions[file]?.stamp = try #require(FileStamp.of(path))
        try AtomicFile.write(SummaryCacheFile.encode(contents), to: cachePath)
        try Self.expectSameAsFullLoad(root, margin: 3600)
    }

    /// The replay stored in the cache is the answer only while nothing the check sees has
    /// changed: a planted error shows it is used then, and is gone after an edit with the
    /// modification time put back, and after a manifest edit that changes no file's stamp.
    @Test func theStoredReplayIsUsedOnlyWhileNothingChanged() throws {
        let root = try TestStores.copy(TestStores.sample, label: "summary")
        defer { try? FileManager.default.removeItem(at: root) }
        let cachePath = root.path + "/" + PlainFileStore.summaryCachePath
        try Self.expectSameAsFullLoad(root)
        try Self.expectSameAsFullLoad(root)
        let planted = Problem.error("areas/portsmouth/actions/PO-01.md", 1, "planted in the stored replay")
        func plant() throws {
            var contents = try #require(SummaryCacheFile.decode(try AtomicFile.read(cachePath)))
            var replay = try #require(contents.replay, "the replay is stored")
            replay.errors.append(planted)
            contents.replay = replay
            try AtomicFile.write(SummaryCacheFile.encode(contents), to: cachePath)
        }
        try plant()
        #expect(try SummaryCache(root: root.path, racyMargin: 0).summary().errors.contains(planted), "used while nothing changed")

        // A same-size edit with the modification time put back: the change time still differs.
        let path = root.path + "/areas/portsmouth/actions/PO-01.md"
        let (seconds, nanoseconds) = Self.modificationTime(path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        Self.nextTick()
        try text.replacingOccurrences(of: "rag: amber", with: "rag: green").replacingOccurrences(of: "rag: red", with: "rag: amb")
            .write(toFile: path, atomically: false, encoding: .utf8)
        Self.setModificationTime(path, seconds: seconds, nanoseconds: nanoseconds)
        let edited = try #require(try Self.expectSameAsFullLoad(root))
        #expect(!edited.errors.contains(planted))

        // The manifest is not a cached file: its bytes decide.
        try Self.expectSameAsFullLoad(root)
        try plant()
        let manifest = root.path + "/pathfinder.yaml"
        try (try String(contentsOfFile: manifest, encoding: .utf8) + "\n# a comment changes the bytes\n").write(toFile: manifest, atomically: false, encoding: .utf8)
        let afterManifest = try #require(try Self.expectSameAsFullLoad(root))
        #expect(!afterManifest.errors.contains(planted))
    }

    @Test func aDamagedCacheIsIgnoredAndRebuilt() throws {
        let root = try TestStores.copy(TestStores.sample, label: "summary")
        defer { try? FileManager.default.removeItem(at: root) }
        let cachePath = root.path + "/" + PlainFileStore.summaryCachePath
        try Self.expectSameAsFullLoad(root)
        let good = try AtomicFile.read(cachePath)
        #expect(SummaryCacheFile.decode(good) != nil)
        var damaged: [[UInt8]] = [[], Array(good.prefix(good.count / 2)), Array(good.dropLast()), Array("garbage".utf8)]
        for offset in [0, 30, good.count / 3, good.count - 3] {
            var copy = good
            copy[offset] ^= 0x40
            damaged.append(copy)
        }
        for bytes in damaged {
            #expect(SummaryCacheFile.decode(bytes) == nil)
            try AtomicFile.write(bytes, to: cachePath)
            let summary = try #require(try Self.expectSameAsFullLoad(root))
            #expect(summary.filesFromCache == 0)
            #expect(SummaryCacheFile.decode(try AtomicFile.read(cachePath)) != nil, "rebuilt")
        }
    }

    /// Another format version or another build of the program: the cache is not trusted.
    @Test func aCacheFromAnotherVersionIsIgnored() throws {
        let root = try TestStores.copy(TestStores.sample, label: "summary")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectSameAsFullLoad(root)
        let cachePath = root.path + "/" + PlainFileStore.summaryCachePath
        let good = try AtomicFile.read(cachePath)
        for offset in [SummaryCache.magic.count, SummaryCache.magic.count + 8] {   // the version; the identity's text
            var bytes = Array(good.dropLast(8))
            bytes[offset] &+= 1
            bytes += withUnsafeBytes(of: CacheChecksum.of(bytes).littleEndian, Array.init)
            #expect(SummaryCacheFile.decode(bytes) == nil)
        }
    }

    @Test func everyBrokenCorpusCaseSummarisesAsTheLoadDoes() throws {
        for name in BrokenCorpusTests.cases {
            let root = try TestStores.copy(TestStores.corpus.appendingPathComponent("_base"), label: "summary")
            defer { try? FileManager.default.removeItem(at: root) }
            try Self.expectSameAsFullLoad(root, "\(name), base")
            let folder = TestStores.corpus.appendingPathComponent(name)
            for (relative, data) in try TestStores.snapshot(folder) where relative != "expected.txt" {
                let target = root.appendingPathComponent(relative)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
            try Self.expectSameAsFullLoad(root, "\(name), from the cache")
            try FileManager.default.removeItem(atPath: root.path + "/.pathfinder")
            try Self.expectSameAsFullLoad(root, "\(name), no cache")
            try Self.expectSameAsFullLoad(root, "\(name), cached")
        }
    }

    @Test func noStoreIsRefusedAsTheLoadRefusesIt() throws {
        let root = TestStores.temporaryFolder("summary")
        try Self.expectSameAsFullLoad(root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectSameAsFullLoad(root)
    }

    // MARK: Random changes behind the cache's back

    @Test func randomChangesBehindTheCachesBack() throws {
        let root = try TestStores.copy(TestStores.sample, label: "summary")
        defer { try? FileManager.default.removeItem(at: root) }
        var random = SeededRandom(seed: 20061215)
        var changes = StoreChanges(root: root)
        try Self.expectSameAsFullLoad(root)
        for step in 0..<160 {
            Self.nextTick()
            var done: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) { done.append(try changes.apply(using: &random)) }
            // Mostly trusting stamps at once; sometimes with the real margin (files checked by content).
            let margin = Int.random(in: 0..<4, using: &random) == 0 ? SummaryCache.defaultRacyMargin : 0.01
            try Self.expectSameAsFullLoad(root, margin: margin, "step \(step): \(done.joined(separator: "; "))")
        }
    }
}

/// Random edits to a store, as an editor, a file manager or `git pull` would make them.
struct StoreChanges {
    let root: URL
    let manifest: String
    var fm: FileManager { .default }

    init(root: URL) {
        self.root = root
        manifest = (try? String(contentsOf: root.appendingPathComponent("pathfinder.yaml"), encoding: .utf8)) ?? ""
    }

    func files(_ suffix: String = ".md") -> [String] {
        let enumerator = fm.enumerator(atPath: root.path)!
        var out: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasPrefix(".") || !relative.hasSuffix(suffix) { continue }
            out.append(relative)
        }
        return out.sorted()
    }

    func areas() -> [String] {
        ((try? fm.contentsOfDirectory(atPath: root.path + "/areas")) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    func path(_ relative: String) -> String { root.path + "/" + relative }
    func read(_ relative: String) -> String { (try? String(contentsOfFile: path(relative), encoding: .utf8)) ?? "" }
    func write(_ relative: String, _ text: String) throws {
        try fm.createDirectory(atPath: (path(relative) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path(relative), atomically: false, encoding: .utf8)
    }

    /// Replaces the value of a top-level `key:` line (the first one), if there is one.
    func replacingField(_ text: String, _ key: String, with value: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let i = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else { return text }
        lines[i] = "\(key): \(value)"
        return lines.joined(separator: "\n")
    }

    static let sameLength = [("in-progress", "not-started"), ("not-started", "in-progress"), ("blocked", "dropped"),
                             ("dropped", "blocked"), ("amber", "green"), ("green", "amber")]

    mutating func apply(using random: inout SeededRandom) throws -> String {
        let actions = files().filter { $0.contains("/actions/") }
        let areas = areas()
        func pick<T>(_ list: [T]) -> T? { list.isEmpty ? nil : list[Int.random(in: 0..<list.count, using: &random)] }
        func someDay() -> String {
            String(format: "%04d-%02d-%02d", Int.random(in: 2005...2009, using: &random), Int.random(in: 1...12, using: &random),
                   Int.random(in: 1...28, using: &random))
        }
        switch Int.random(in: 0..<17, using: &random) {
        case 0, 1:
            // Same size, modification time put back to the nanosecond.
            guard let file = pick(actions) else { return "none" }
            let (s, ns) = SummaryCacheTests.modificationTime(path(file))
            var text = read(file)
            for (a, b) in Self.sameLength.shuffled(using: &random) where text.contains(": \(a)\n") {
                text = text.replacingOccurrences(of: ": \(a)\n", with: ": \(b)\n")
                break
            }
            try write(file, text)
            SummaryCacheTests.setModificationTime(path(file), seconds: s, nanoseconds: ns)
            return "same-size edit of \(file)"
        case 2:
            guard let file = pick(actions) else { return "none" }
            try write(file, replacingField(read(file), "due", with: someDay()))
            return "due date of \(file)"
        case 3:
            guard let file = pick(actions) else { return "none" }
            let status = pick(["not-started", "in-progress", "blocked", "done", "dropped", "paused", ""])!
            try write(file, replacingField(read(file), "status", with: status))
            return "status \(status) in \(file)"
        case 4:
            // A new action, sometimes with an id that is already used or is not its file's name.
            guard let area = pick(areas), let template = pick(actions) else { return "none" }
            let code = replacingField(read("areas/\(area)/area.md"), "zzz", with: "")
                .components(separatedBy: "\n").first { $0.hasPrefix("code:") }?.dropFirst(5).trimmingCharacters(in: .whitespaces) ?? "XX"
            let id = Bool.random(using: &random) ? "\(code)-N\(Int.random(in: 1...99, using: &random))"
                : ((template as NSString).lastPathComponent as NSString).deletingPathExtension
            let name = Int.random(in: 0..<5, using: &random) == 0 ? "\(code)-Z\(Int.random(in: 1...9, using: &random))" : id
            try write("areas/\(area)/actions/\(name).md", replacingField(read(template), "id", with: id))
            return "new action \(area)/\(name) with id \(id)"
        case 5:
            guard let file = pick(files()) else { return "none" }
            try fm.removeItem(atPath: path(file))
            return "deleted \(file)"
        case 6:
            // Renamed within its folder or moved to another area.
            guard let file = pick(actions), let area = pick(areas) else { return "none" }
            let name = Bool.random(using: &random) ? (file as NSString).lastPathComponent : "MV-\(Int.random(in: 1...99, using: &random)).md"
            let target = "areas/\(area)/actions/\(name)"
            guard !fm.fileExists(atPath: path(target)) else { return "none" }
            try fm.createDirectory(atPath: path("areas/\(area)/actions"), withIntermediateDirectories: true)
            try fm.moveItem(atPath: path(file), toPath: path(target))
            return "moved \(file) to \(target)"
        case 7:
            guard let area = pick(areas) else { return "none" }
            let name = Bool.random(using: &random) ? "\(area)-renamed" : "a\(Int.random(in: 1...9, using: &random))"
            guard !fm.fileExists(atPath: path("areas/\(name)")) else { return "none" }
            try fm.moveItem(atPath: path("areas/\(area)"), toPath: path("areas/\(name)"))
            return "renamed area \(area) to \(name)"
        case 8:
            // The catalogue: a status opened or closed, one removed, or the manifest put back.
            var text = manifest
            switch Int.random(in: 0..<4, using: &random) {
            case 0: text = text.replacingOccurrences(of: "closed: true", with: "closed: false")
            case 1: text = text.replacingOccurrences(of: "closed: false", with: "closed: true")
            case 2: text = text.replacingOccurrences(of: "  - id: blocked\n", with: "  - id: stuck\n")
            default: break
            }
            if Bool.random(using: &random) { text = replacingField(text, "as-of", with: someDay()) }
            try write("pathfinder.yaml", text)
            return "manifest changed"
        case 9:
            // The cache itself damaged, truncated or removed.
            let cache = path(PlainFileStore.summaryCachePath)
            guard var bytes = try? AtomicFile.read(cache), !bytes.isEmpty else { return "none" }
            switch Int.random(in: 0..<4, using: &random) {
            case 0: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
            case 1: bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= 0x10
            case 2: bytes = Array("not a cache".utf8)
            default: try fm.removeItem(atPath: cache); return "cache removed"
            }
            try AtomicFile.write(bytes, to: cache)
            return "cache damaged"
        case 10:
            // A broken file from the corpus laid over the store.
            let cases = BrokenCorpusTests.cases
            guard let name = pick(cases) else { return "none" }
            let folder = TestStores.corpus.appendingPathComponent(name)
            for (relative, data) in try TestStores.snapshot(folder) where relative != "expected.txt" {
                try fm.createDirectory(atPath: (path(relative) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: path(relative)))
            }
            return "corpus case \(name)"
        case 11:
            guard let area = pick(areas), let action = pick(actions) else { return "none" }
            let id = ((action as NSString).lastPathComponent as NSString).deletingPathExtension
            try write("areas/\(area)/meetings/2007-01-0\(Int.random(in: 1...9, using: &random))-review.md", """
                ---
                date: 2007-01-05
                title: Review
                items:
                  - action: \(Bool.random(using: &random) ? id : "ZZ-99")
                ---

                Notes.

                """)
            return "meeting in \(area) naming \(id)"
        case 12:
            // An area's code: another area's (a duplicate), or not a code at all.
            guard let area = pick(areas), let other = pick(areas) else { return "none" }
            let code = read("areas/\(other)/area.md").components(separatedBy: "\n").first { $0.hasPrefix("code:") }?.dropFirst(5)
                .trimmingCharacters(in: .whitespaces) ?? "QQ"
            try write("areas/\(area)/area.md", replacingField(read("areas/\(area)/area.md"), "code", with: Bool.random(using: &random) ? code : "x1"))
            return "code of \(area) set from \(other)"
        case 13:
            guard let study = pick(files().filter { $0.hasPrefix("case-studies/") }) else { return "none" }
            if Bool.random(using: &random) {
                try fm.removeItem(atPath: path(study))
                return "case study \(study) deleted"
            }
            try write(study, replacingField(read(study), "area", with: pick(["nowhere", "dorset", "portsmouth"])!))
            return "case study \(study) area changed"
        case 14:
            // Touched, or rewritten with the same bytes.
            guard let file = pick(files()) else { return "none" }
            if Bool.random(using: &random) {
                try write(file, read(file))
            } else {
                SummaryCacheTests.setModificationTime(path(file), seconds: Int(Date().timeIntervalSince1970), nanoseconds: 0)
            }
            return "touched \(file)"
        case 15:
            // A new area, with or without its area.md.
            let name = "new-area-\(Int.random(in: 1...5, using: &random))"
            if Bool.random(using: &random) {
                try write("areas/\(name)/area.md", "---\nname: New \(name)\ncode: N\(["A", "B", "C"].randomElement(using: &random)!)\n---\n")
            }
            if let template = pick(actions) {
                try write("areas/\(name)/actions/NA-01.md", replacingField(read(template), "id", with: "NA-01"))
            }
            return "new area \(name)"
        default:
            guard let file = pick(actions) else { return "none" }
            try write(file, replacingField(read(file), "start", with: someDay()))
            return "start date of \(file)"
        }
    }
}
