import Foundation
import Testing
@testable import PathfinderStore

/// One hostile or damaged file must never stop the rest of the store: it gets one clear,
/// line-numbered error, in `load()` (the screens) and in the summary `check` and `list` use,
/// and the good action PO-01 of the corpus base still loads.
@Suite struct HostileFileTests {
    struct Outcome {
        var problems: [String]
        var summaryErrors: [String]
        var loadedGoodAction: Bool
        func errors(in path: String) -> [String] { problems.filter { $0.hasPrefix(path + ":") && $0.contains(": error: ") } }
    }

    /// The corpus base with `files` written over it (relative path -> bytes), loaded both ways.
    static func load(_ files: [String: [UInt8]]) throws -> Outcome {
        let store = try TestStores.copy(TestStores.corpus.appendingPathComponent("_base"), label: "hostile")
        defer { try? FileManager.default.removeItem(at: store) }
        for (relative, bytes) in files {
            let url = store.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        let result = try PlainFileStore(root: store).load()
        let summary = try SummaryCache(root: store.path).summary()
        return Outcome(problems: result.problems.map(\.description), summaryErrors: summary.errors.map(\.description),
                       loadedGoodAction: result.partnership.action("PO-01") != nil)
    }

    static func load(_ files: [String: String]) throws -> Outcome {
        try load(files.mapValues { Array($0.utf8) })
    }

    static let manifestBase = try! String(contentsOf: TestStores.corpus.appendingPathComponent("_base/pathfinder.yaml"), encoding: .utf8)

    /// A file of each kind with `fragment` starting at `line` of its front matter, and the
    /// path it goes to. Every file is otherwise valid.
    static func file(_ kind: String, fragment: String) -> (path: String, text: String, line: Int) {
        switch kind {
        case "action":
            return ("areas/portsmouth/actions/PO-02.md",
                    "---\nid: PO-02\ntitle: Second\ntheme: procurement-practice\nlead: Jo\nstatus: in-progress\nrag: green\n\(fragment)\n---\nText.\n", 8)
        case "area":
            return ("areas/dorset/area.md", "---\nname: Dorset\ncode: DO\n\(fragment)\n---\nA county.\n", 4)
        case "case study":
            return ("case-studies/laughs.md", "---\ntitle: A study\nplace: Dorset\n\(fragment)\n---\nText.\n", 4)
        case "meeting":
            return ("areas/portsmouth/meetings/2006-11-14-steering-group.md",
                    "---\ndate: 2006-11-14\ntitle: Steering group\n\(fragment)\n---\nNotes.\n", 4)
        default:
            return ("pathfinder.yaml", manifestBase + fragment + "\n", manifestBase.split(separator: "\n").count + 1)
        }
    }

    static let kinds = ["action", "area", "case study", "meeting", "manifest"]

    /// Anchors and aliases that expand a few lines into billions of values, in every form.
    static let laughs: [(name: String, yaml: String, message: String)] = [
        ("aliases of a flow sequence",
         "x0: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + (1...9).map { "x\($0): &a\($0) [" + Array(repeating: "*a\($0 == 1 ? "" : String($0 - 1))", count: 9).joined(separator: ", ") + "]" }
            .joined(separator: "\n"), "anchors and aliases"),
        ("merge keys over anchored mappings",
         "m0: &m0 {k: lol, j: lol}\n" + (1...20).map { "m\($0): &m\($0) {a: [*m\($0 - 1), *m\($0 - 1)], <<: *m\($0 - 1)}" }.joined(separator: "\n"),
         "anchors and aliases"),
        ("block mappings merged", "base: &base\n  k: lol\nother:\n  <<: *base\n  j: [*base, *base]", "anchors and aliases"),
        ("an anchored scalar", "s: &s lol\nt: [*s, *s, *s, *s]", "anchors and aliases"),
        ("an alias used as a key", "k: &k [lol, lol, lol]\n? *k\n: one", "anchors and aliases"),
        ("a merge key without an anchor", "extra: {<<: {k: lol}}", "merge keys (<<)"),
        ("an alias of nothing", "t: *nothing", "anchors and aliases"),
    ]

    @Test(arguments: kinds)
    func billionLaughsAreRefusedAtTheirLineAndTheRestLoads(kind: String) throws {
        for (name, yaml, message) in Self.laughs {
            let (path, text, line) = Self.file(kind, fragment: yaml)
            let outcome = try Self.load([path: text])
            let errors = outcome.errors(in: path)
            #expect(errors.count == 1, "\(kind), \(name): \(errors)")
            #expect(errors.first?.hasPrefix("\(path):\(line): error: YAML \(message)") == true, "\(kind), \(name): \(errors)")
            #expect(outcome.problems.filter { !$0.hasPrefix(path + ":") && $0.contains("error") }.isEmpty, "\(kind), \(name): \(outcome.problems)")
            #expect(outcome.summaryErrors == outcome.problems.filter { $0.contains(": error: ") }, "\(kind), \(name)")
            #expect(outcome.loadedGoodAction, "\(kind), \(name)")
        }
    }

    @Test(arguments: kinds)
    func nestingBeyondAnyStoreFileIsRefused(kind: String) throws {
        let deep: [(String, String)] = [
            ("100,000 [ on 1,000 lines", "x: " + String(repeating: String(repeating: "[", count: 100) + "\n", count: 1_000)),
            ("100,000 { on 1,000 lines", "x: " + String(repeating: String(repeating: "{a: ", count: 100) + "\n", count: 1_000)),
            ("balanced flow", "x: " + String(repeating: "[", count: 500) + String(repeating: "]", count: 500)),
            ("block mappings", "x:\n" + (1...200).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " end"),
            ("compact sequences", "x:\n  " + String(repeating: "- ", count: 5_000) + "a"),
        ]
        for (name, yaml) in deep {
            let (path, text, line) = Self.file(kind, fragment: yaml)
            let outcome = try Self.load([path: text])
            let errors = outcome.errors(in: path)
            #expect(errors.count == 1, "\(kind), \(name): \(errors)")
            let reported = errors.first.flatMap { Int($0.split(separator: ":")[1]) } ?? 0
            #expect(errors.first?.contains("nested more than 64 deep") == true, "\(kind), \(name): \(errors)")
            #expect((line...(line + 200)).contains(reported), "\(kind), \(name): \(errors)")
            #expect(outcome.loadedGoodAction)
        }
    }

    @Test func tooManyValuesAreRefused() throws {
        let yaml = "x: [\n" + String(repeating: "  [a],\n", count: 30_000) + "]"
        let (path, text, line) = Self.file("action", fragment: yaml)
        let outcome = try Self.load([path: text])
        // Reported where the limit is passed: the item that holds the 50,001st value.
        let errors = outcome.errors(in: path)
        #expect(errors.count == 1 && errors[0].hasSuffix(": error: more than 50000 values in the fields: is it really a store file?"))
        let reported = errors.first.flatMap { Int($0.split(separator: ":")[1]) } ?? 0
        #expect((line + 24_000...line + 26_000).contains(reported), "\(errors)")
        #expect(outcome.loadedGoodAction)
    }

    @Test(arguments: kinds)
    func aFileOverTheSizeLimitIsRefusedUnread(kind: String) throws {
        let (path, text, _) = Self.file(kind, fragment: "source: big")
        // 50 MB of ordinary lines, and one line of 2 MB.
        let lines = Array(text.utf8) + Array(repeating: Array("Lorem ipsum dolor sit amet, consectetur.\n".utf8), count: 1_250_000).flatMap { $0 }
        let oneLine = Array(text.utf8) + Array(repeating: UInt8(ascii: "a"), count: 2 << 20)
        for bytes in [lines, oneLine] {
            let outcome = try Self.load([path: bytes])
            #expect(outcome.errors(in: path) == ["\(path):1: error: the file is larger than Pathfinder reads (1 MB): is it really a store file? Move it out of the store"])
            #expect(outcome.loadedGoodAction)
        }
    }

    @Test func nestingOnOneLongLineIsRefusedByTheLineLimit() throws {
        let (path, text, line) = Self.file("action", fragment: "x: " + String(repeating: "[", count: 100_000))
        let outcome = try Self.load([path: text])
        #expect(outcome.errors(in: path) == ["\(path):\(line): error: this line is 100003 bytes long, more than Pathfinder reads in one line (16384): break it into shorter lines"])
        #expect(outcome.loadedGoodAction)
    }

    @Test(arguments: kinds)
    func aLineLongerThanTheLimitIsRefusedAtItsLine(kind: String) throws {
        // One line of 100,000 letters in the fields, or in the text after them.
        let (path, text, line) = Self.file(kind, fragment: "source: " + String(repeating: "a", count: 100_000))
        let inFields = try Self.load([path: text])
        #expect(inFields.errors(in: path) == ["\(path):\(line): error: this line is 100008 bytes long, more than Pathfinder reads in one line (16384): break it into shorter lines"])
        #expect(inFields.loadedGoodAction)
        let (_, plain, _) = Self.file(kind, fragment: "source: short")
        let long = plain + String(repeating: "word ", count: 20_000) + "\n"
        let inText = try Self.load([path: long])
        let lastLine = long.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(inText.errors(in: path).count == 1 && inText.errors(in: path)[0].hasPrefix("\(path):\(lastLine): error: this line is 100000 bytes long"))
        #expect(inText.loadedGoodAction)
    }

    @Test func aLongLineWithinTheLimitStillLoads() throws {
        let (path, text, _) = Self.file("action", fragment: "source: " + String(repeating: "word ", count: 3_000))
        let outcome = try Self.load([path: text + String(repeating: "x", count: 16_000) + "\n"])
        #expect(outcome.errors(in: path).isEmpty)
        #expect(outcome.loadedGoodAction)
    }

    @Test func aNamedPipeDoesNotHangTheLoad() throws {
        let store = try TestStores.copy(TestStores.corpus.appendingPathComponent("_base"), label: "hostile-fifo")
        defer { try? FileManager.default.removeItem(at: store) }
        let pipe = store.appendingPathComponent("areas/portsmouth/actions/PO-02.md").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let result = try PlainFileStore(root: store).load()
        #expect(result.problems.map(\.description).contains { $0.hasPrefix("areas/portsmouth/actions/PO-02.md:1: error:") && $0.contains("not a plain file") })
        #expect(result.partnership.action("PO-01") != nil)
        let summary = try SummaryCache(root: store.path).summary()
        #expect(summary.errors.contains { $0.path == "areas/portsmouth/actions/PO-02.md" })
    }
}
