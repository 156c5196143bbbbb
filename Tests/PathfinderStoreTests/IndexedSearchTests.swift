import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore

/// The store's search words must give the screens' search over a full load: the same results
/// in the same order and the same count, whatever happens to the files behind the index's back;
/// a damaged or stale words file is made again, never trusted.
@Suite struct IndexedSearchTests {
    static let queries = ["volunteers", "consortia", "procurement", "zoe", "Zoë", "café", "cafe", "PO-0", "po-05", "recycling consortium",
                          "full cost recovery", "cost full", "in progress", "Not started", "blocked", "the", "a", "e", ":", "2006",
                          "1.5m", "head of", "of procurement", "বেগম", "শাহানা বেগম", "সভা", "🎉", "👩‍👩‍👧", "tower hamlets",
                          "zzzqqq", "co-op", "(co-op)", "commissioning", "recommissioning", "straße", "istanbul", "σοφια",
                          "全角", "Procurement practice", "officer 3:", "key issue 5", "SECOND LINE", "G1"]

    /// Each query through the index against the screens' search over a full load, with the
    /// usual limit and a small one (so which actions are read back is tested too).
    static func expectSameAsScan(_ root: URL, _ queries: [String] = Self.queries, _ context: @autoclosure () -> String = "",
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let loaded = try PlainFileStore(root: root).load()
        let scan = SearchIndex(loaded.partnership)
        for query in queries {
            for limit in [200, 2] {
                let expected = scan.search(query, limitPerKind: limit)
                let indexed = try #require(try PlainFileStore(root: root).indexedSearch(query, limitPerKind: limit),
                                           "\(query): the index could not answer \(context())", sourceLocation: sourceLocation)
                let found = indexed.search(query, limitPerKind: limit)
                #expect(found.total == expected.total, "\(query), limit \(limit) \(context())", sourceLocation: sourceLocation)
                #expect(found.results == expected.results, "\(query), limit \(limit) \(context())", sourceLocation: sourceLocation)
                #expect(indexed.problems == loaded.errors, "\(query) \(context())", sourceLocation: sourceLocation)
            }
        }
    }

    static let words = ["commissioning", "recommissioning", "forum", "FORUM", "third-sector", "(co-op)", "café", "CAFÉ", "Zoë", "naïve",
                        "cafe\u{301}", "শাহানা", "বেগম", "সভা।", "🎉", "👩‍👩‍👧", "Straße", "İstanbul", "ΣΟΦΙΑ", "全角テキスト",
                        "1.5m", "7%", "£80,000", "a", "of", "the", "volunteers", "consortia", "procurement"]

    /// A store beside the sample's areas: `perArea` more actions an area, their titles and notes
    /// from `words` (accents, Bengali, emoji, wide characters), half of them plain ASCII.
    static func generated(perArea: Int, seed: UInt64) throws -> URL {
        let root = try TestStores.copy(TestStores.sample, label: "search")
        var random = SeededRandom(seed: seed)
        func sentence(_ n: Int, plain: Bool) -> String {
            let text = (0..<n).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            return plain ? String(text.unicodeScalars.filter { $0.isASCII && $0 != "%" }) : text
        }
        for area in try FileManager.default.contentsOfDirectory(atPath: root.path + "/areas") where !area.hasPrefix(".") {
            let areaText = try String(contentsOfFile: root.path + "/areas/\(area)/area.md", encoding: .utf8)
            let code = areaText.components(separatedBy: "\n").first { $0.hasPrefix("code:") }!
                .dropFirst(5).split(separator: "#")[0].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
            for n in 0..<perArea {
                let plain = n % 2 == 0
                var text = "---\nid: \(code)-G\(10 + n)\ntitle: \"\(sentence(4, plain: plain).replacingOccurrences(of: "\"", with: ""))\"\n"
                text += "theme: procurement-practice\nstatus: \(["in-progress", "not-started", "blocked"][n % 3])\nrag: amber\n---\n\n"
                text += sentence(12, plain: plain) + "\n\n## Progress\n"
                for e in 0..<3 {
                    text += "\n### 2006-1\(e)-0\(1 + n % 9) — \(e == 1 && !plain ? "শাহানা বেগম" : "Officer \(e)")\n\(sentence(9, plain: plain))\n"
                }
                try text.write(toFile: root.path + "/areas/\(area)/actions/\(code)-G\(10 + n).md", atomically: false, encoding: .utf8)
            }
        }
        return root
    }

    @Test func theSampleStoreColdThenWarm() throws {
        let root = try TestStores.copy(TestStores.sample, label: "search")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectSameAsScan(root, Self.queries, "cold")
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path + "/" + PlainFileStore.searchIndexFolder).sorted()
        #expect(files.count == 5 && files.allSatisfy { $0.hasSuffix(".words") }, "\(files)")
        let stamps = files.map { FileStamp.of(root.path + "/" + PlainFileStore.searchIndexFolder + "/" + $0) }
        try Self.expectSameAsScan(root, Self.queries, "warm")
        #expect(files.map { FileStamp.of(root.path + "/" + PlainFileStore.searchIndexFolder + "/" + $0) } == stamps, "nothing rewritten")
    }

    /// A generated store (non-ASCII titles and notes), then random edits, deletes, moves,
    /// renames, catalogue changes, broken files and same-size edits with the time put back.
    @Test func aGeneratedStoreAfterRandomChanges() throws {
        let root = try Self.generated(perArea: 12, seed: 14)
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectSameAsScan(root, Self.queries, "generated")
        var random = SeededRandom(seed: 20061206)
        var changes = StoreChanges(root: root)
        for step in 0..<30 {
            SummaryCacheTests.nextTick()
            var done: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                switch Int.random(in: 0..<5, using: &random) {
                case 0:
                    done.append(try Self.sameSizeNoteEdit(root, using: &random))
                case 1:
                    // A words file damaged in one byte, or from before the last changes.
                    let folder = root.path + "/" + PlainFileStore.searchIndexFolder
                    if let name = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).randomElement(using: &random),
                       var bytes = try? AtomicFile.read(folder + "/" + name), !bytes.isEmpty {
                        bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= 0x20
                        try AtomicFile.write(bytes, to: folder + "/" + name)
                        done.append("words file \(name) damaged")
                    }
                default:
                    done.append(try changes.apply(using: &random))
                }
            }
            let some = Self.queries.shuffled(using: &random).prefix(8)
            try Self.expectSameAsScan(root, Array(some), "step \(step): \(done.joined(separator: "; "))")
        }
    }

    /// A note's word swapped for another of the same length, the file's time put back: only
    /// its change time and content tell.
    static func sameSizeNoteEdit(_ root: URL, using random: inout SeededRandom) throws -> String {
        let files = StoreChanges(root: root).files().filter { $0.contains("/actions/") }
        guard let file = files.randomElement(using: &random) else { return "none" }
        let path = root.path + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let swaps = [("procurement", "zqxwvutsrpo"), ("volunteers", "consortium"), ("forum", "cafes"), ("the", "zoe"), ("বেগম", "সভাং")]
        for (a, b) in swaps.shuffled(using: &random) where text.contains(a) {
            let (s, ns) = SummaryCacheTests.modificationTime(path)
            try text.replacingOccurrences(of: a, with: b).write(toFile: path, atomically: false, encoding: .utf8)
            SummaryCacheTests.setModificationTime(path, seconds: s, nanoseconds: ns)
            return "same-size note edit in \(file): \(a) to \(b)"
        }
        return "none"
    }

    /// Damaged, truncated, foreign and stale words files are made again; the answers stay.
    @Test func aDamagedOrStaleWordsFileIsNeverTrusted() throws {
        let root = try TestStores.copy(TestStores.sample, label: "search")
        defer { try? FileManager.default.removeItem(at: root) }
        let queries = ["consortia", "volunteers", "in progress", "zqxwvutsrpo"]
        try Self.expectSameAsScan(root, queries)
        let path = root.path + "/" + SearchShard.path(area: "portsmouth")
        let good = try AtomicFile.read(path)
        #expect(SearchShard(bytes: good) != nil)
        var damaged: [[UInt8]] = [[], Array(good.prefix(good.count / 2)), Array(good.dropLast()), Array("garbage".utf8)]
        for offset in [0, 30, good.count / 3, good.count / 2, good.count - 3] {
            var copy = good
            copy[offset] ^= 0x40
            damaged.append(copy)
        }
        for bytes in damaged {
            #expect(SearchShard(bytes: bytes) == nil)
            try AtomicFile.write(bytes, to: path)
            try Self.expectSameAsScan(root, queries, "damaged")
            #expect(try AtomicFile.read(path) == good, "made again")
        }
        // The words file from before a same-size note edit with the time put back.
        let file = root.path + "/areas/portsmouth/actions/PO-05.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let (s, ns) = SummaryCacheTests.modificationTime(file)
        SummaryCacheTests.nextTick()
        try text.replacingOccurrences(of: "procurement", with: "zqxwvutsrpo").write(toFile: file, atomically: false, encoding: .utf8)
        SummaryCacheTests.setModificationTime(file, seconds: s, nanoseconds: ns)
        try Self.expectSameAsScan(root, queries, "edited")
        try AtomicFile.write(good, to: path)
        try Self.expectSameAsScan(root, queries, "stale words file")
        // A status's label changed in the manifest: the words of every action with it change.
        let manifest = root.path + "/pathfinder.yaml"
        try String(contentsOfFile: manifest, encoding: .utf8).replacingOccurrences(of: "label: In progress", with: "label: Under way")
            .write(toFile: manifest, atomically: false, encoding: .utf8)
        try Self.expectSameAsScan(root, queries + ["under way", "way"], "label changed")
        try FileManager.default.removeItem(atPath: root.path + "/" + PlainFileStore.searchIndexFolder)
        try Self.expectSameAsScan(root, queries, "removed")
    }

    /// A renamed area's words file goes with it; a word the index cannot answer is left to the scan.
    @Test func renamedAreasAndUnanswerableWords() throws {
        let root = try TestStores.copy(TestStores.sample, label: "search")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.expectSameAsScan(root, ["consortia"])
        try FileManager.default.moveItem(atPath: root.path + "/areas/dorset", toPath: root.path + "/areas/dorset-renamed")
        try Self.expectSameAsScan(root, ["consortia", "dorset"])
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path + "/" + PlainFileStore.searchIndexFolder)
        #expect(names.contains("dorset-renamed.words") && !names.contains("dorset.words"), "\(names)")
        #expect(try PlainFileStore(root: root).indexedSearch("two\nlines", limitPerKind: 200) == nil)
        #expect(try PlainFileStore(root: root).indexedSearch("   ", limitPerKind: 200) == nil)
    }

    /// The screens' search with the store's words gives the scan's answers; an action changed
    /// on screen is forgotten by the words and scanned, or it would be missed.
    @Test func theScreensSearchWithTheStoresWords() throws {
        let root = try Self.generated(perArea: 6, seed: 3)
        defer { try? FileManager.default.removeItem(at: root) }
        // A search makes the words files; the screens only read them.
        _ = try PlainFileStore(root: root).indexedSearch("volunteers", limitPerKind: 200)
        let store = PlainFileStore(root: root)
        var p = try store.load().partnership
        var words = store.searchWords(for: p)
        #expect(words.count == p.actions.count, "every action covered")
        for query in Self.queries {
            let scan = SearchIndex(p).search(query)
            let indexed = SearchIndex(p, words: words).search(query)
            #expect(indexed.total == scan.total && indexed.results == scan.results, "\(query)")
        }
        // An action edited on screen: its words are no longer the file's.
        p.actions[3].title = "zqxwvut recycling"
        p.actions[4].progress = ProgressLog([ProgressEntry(date: Day(iso: "2007-01-02")!, author: "Zoë", text: "Café zqxwvut")])
        let stale = SearchIndex(p, words: words).search("zqxwvut")
        #expect(stale.total == 0, "not forgotten, the words miss it (what the test guards against)")
        words.forget(p.actions[3].id)
        words.forget(p.actions[4].id)
        for query in ["zqxwvut", "recycling", "cafe", "zoe", "volunteers"] {
            let scan = SearchIndex(p).search(query)
            let indexed = SearchIndex(p, words: words).search(query)
            #expect(indexed.total == scan.total && indexed.results == scan.results, "\(query)")
        }
        #expect(SearchIndex(p, words: words).search("zqxwvut").total == 2)
        // A words file from another version of a file covers nothing of it.
        let file = root.path + "/areas/portsmouth/actions/PO-05.md"
        try (String(contentsOfFile: file, encoding: .utf8) + "\nzqxwvut\n").write(toFile: file, atomically: false, encoding: .utf8)
        let again = PlainFileStore(root: root)
        let q = try again.load().partnership
        let afterEdit = again.searchWords(for: q)
        #expect(afterEdit.count == q.actions.count - 1)
        #expect(SearchIndex(q, words: afterEdit).search("zqxwvut").results.map(\.id) == ["PO-05"])
    }
}
