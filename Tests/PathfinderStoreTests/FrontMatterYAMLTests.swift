import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore

/// The fast YAML reader must read exactly what Yams reads, or decline. Checked on every front
/// matter in the sample store and the broken corpus, on generated canonical files, and on many
/// random mutations of real front matter (where, whenever the fast reader answers, Yams must
/// accept the text and give the same tree).
@Suite struct FrontMatterYAMLTests {
    /// Marks compared where the store uses them: every node's line, keys' columns; an empty
    /// scalar's position is YAML's business (the store reports the key's line for it).
    static func normalized(_ node: YNode?, isKey: Bool = false) -> YNode? {
        guard var node else { return nil }
        switch node.kind {
        case let .scalar(s):
            if s.isEmpty && !isKey { node.line = 0 }
        case let .sequence(items):
            node.kind = .sequence(items.map { normalized($0)! })
        case let .mapping(pairs):
            node.kind = .mapping(pairs.map { YPair(key: normalized($0.key, isKey: true)!, value: normalized($0.value)!) })
        case .alias: break
        }
        if !isKey { node.column = 0 }
        return node
    }

    /// Nil when the fast reader declined; otherwise whether it agreed with Yams.
    static func agrees(_ yaml: String) -> Bool? {
        guard let fast = FastYAML.parse(yaml) else { return nil }
        guard let yams = try? FrontMatterYAML.viaYams(yaml) else { return false }
        return normalized(fast.root) == normalized(yams)
    }

    static func frontMatters(under root: URL) throws -> [(String, String)] {
        var out: [(String, String)] = []
        for (path, data) in try TestStores.snapshot(root) {
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".yaml") { out.append((path, text)); continue }
            guard path.hasSuffix(".md"), let document = SourceDocument.split(text).document, document.hasFrontMatter else { continue }
            out.append((path, document.frontMatter))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    @Test func everyFrontMatterInTheSampleStoreAndCorpusReadsTheSameAsWithYams() throws {
        let files = try Self.frontMatters(under: TestStores.sample) + Self.frontMatters(under: TestStores.corpus)
        var fast = 0
        for (path, yaml) in files {
            let result = Self.agrees(yaml)
            #expect(result != false, "\(path) reads differently:\n\(yaml)")
            if result == true { fast += 1 }
        }
        // Nearly every real file takes the fast road, or the load is slow.
        let sample = try Self.frontMatters(under: TestStores.sample)
        let sampleFast = sample.filter { Self.agrees($0.1) == true }.count
        #expect(Double(sampleFast) >= 0.9 * Double(sample.count), "only \(sampleFast) of \(sample.count) sample files read fast")
        #expect(fast > 0)
    }

    @Test func canonicalFilesReadFastAndTheSameAsWithYams() {
        var rng = SeededRandom(seed: 77)
        var fast = 0, total = 0
        for _ in 0..<400 {
            let text = StoreText.action(RoundTripPropertyTests.action(&rng))
            let yaml = SourceDocument.split(text).document!.frontMatter
            let result = Self.agrees(yaml)
            #expect(result != false, "reads differently:\n\(yaml)")
            total += 1
            if result == true { fast += 1 }
        }
        #expect(fast > total / 3, "only \(fast) of \(total) canonical files read fast")
        // A file as the program writes it with ordinary text always reads fast.
        let plain = StoreText.action(Action(id: "PO-7KQ3", area: "portsmouth", title: "Map services against the six key issues",
                                            theme: "developing-market-intelligence", successFactors: ["market-intelligence"],
                                            lead: "Head of Strategy", partners: ["Portsmouth Prevention and Well-being Network"],
                                            status: "in-progress", rag: .amber, due: Day(iso: "2007-03-31"),
                                            milestones: [Milestone(title: "Survey sent", due: Day(iso: "2006-09-30"), done: true)],
                                            indicator: Indicator(name: "Rate", baseline: 7, target: 12, unit: "%"),
                                            funding: Funding(amount: 80000, termYears: 1), caseStudies: ["a", "b"],
                                            source: "Annex B: Portsmouth"))
        #expect(Self.agrees(SourceDocument.split(plain).document!.frontMatter) == true)
    }

    @Test func handPickedEdgesAgreeOrDecline() {
        let cases = [
            "a: b\n", "a:\n", "a: \n", "a:   # comment\nb: c\n", "a: [x, y]\n", "a: []\n", "a: {}\n", "a: [ x , y ]\n",
            "a: [x,y]\n", "a: [x, ]\n", "a: ['x, y', \"z\"]\n", "a: \"q \\\" \\\\ \\n \\t \\x41 \\u00e9 \\U0001F600\"\n",
            "a: 'it''s'\n", "a: b # c\n", "a: b#c\n", "a: http://x.org/#y\n", "a: b:c\n", "a: b: c\n", "a: b:\n",
            "a:\n- x\n- y\nb: c\n", "a:\n  - x\n  - y\n", "a:\n  - t: 1\n    u: 2\n  - t: 3\n", "a:\n  b: 1\n  c: 2\nd: 3\n",
            "a:\n  - t: 1\n    n:\n      - x\n      - y\n    r: true\n", "a:\n  - t: 1\n    n:\n    - x\n", "a: b\n  c\n",
            "a: \"b\n  c\"\n", "a: |\n  text\n", "a: >\n  text\n", "a: &x b\nc: *x\n", "a: !tag b\n", "a: b\na: c\n",
            "- a\n- b\n", "  a: b\n", "a:\n\n  b: 1\n\n  # c\n  d: 2\n", "a: -1\n", "a: ~\n", "a: null\n", "a: yes\n",
            "a: 2006-11-14\n", "a: '#x'\n", "a: \"\"\n", "a: ''\n", "a:\n  -\n", "a:\n  - - x\n", "a: [x, [y]]\n",
            "a: {b: c}\n", "a: b\t\n", "a: b\u{85}c\n", "a: ---\n", "a: ...\n", "? a\n: b\n", "a : b\n", "\"a\": b\n",
            "a: x \n", "a:    spaced   value   \n", "a: [x] # c\n", "a: [x]y\n", "a: \"x\"y\n", "a: 'x' # c\n", "1: one\n",
            "a-b_c: d\n", "a:\n  - x\n  y: z\n", "a:\n    - x\n  - y\n", "a:\n  - x\n b: c\n",
        ]
        for yaml in cases {
            #expect(Self.agrees(yaml) != false, "\(yaml.debugDescription) reads differently")
        }
        #expect(Self.agrees("a: b\n") == true)
        #expect(Self.agrees("a: [x, y]\n") == true)
        #expect(Self.agrees("a: b\na: c\n") == nil)   // Yams reports the duplicate
    }

    @Test func randomMutationsOfRealFrontMatterNeverReadDifferently() throws {
        let seeds = try Self.frontMatters(under: TestStores.sample).map(\.1).filter { Self.agrees($0) == true }
        let pieces = [" ", "  ", ":", ": ", "-", "- ", "#", " #", "\"", "'", "[", "]", ",", "{", "}", "\n", "\n  ", "\n- ",
                      "\\", "\\n", "&", "*", "!", "|", ">", "?", "%", "@", "`", "é", "👍", "---", "''", "\"\"", "x", "\t"]
        var rng = SeededRandom(seed: 5)
        var fastCount = 0, checked = 0
        for _ in 0..<20000 {
            var bytes = Array(seeds.randomElement(using: &rng)!.utf8)
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0...bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes.insert(contentsOf: Array(pieces.randomElement(using: &rng)!.utf8), at: at)
                case 1: if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...4, using: &rng))) }
                default:
                    // Duplicate or re-indent a line.
                    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                    var list = lines.map(Array.init)
                    let i = Int.random(in: 0..<list.count, using: &rng)
                    if Bool.random(using: &rng) { list.insert(list[i], at: i) } else { list[i] = [0x20, 0x20] + list[i] }
                    bytes = Array(list.joined(separator: [0x0A]))
                }
            }
            let yaml = String(decoding: bytes, as: UTF8.self)
            checked += 1
            switch Self.agrees(yaml) {
            case true?: fastCount += 1
            case false?: Issue.record("reads differently from Yams:\n\(yaml)")
            case nil: break
            }
        }
        #expect(fastCount > checked / 10, "the mutations hardly exercised the fast reader (\(fastCount) of \(checked))")
    }
}
