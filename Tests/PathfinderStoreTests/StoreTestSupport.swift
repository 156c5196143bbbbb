import Foundation
@testable import PathfinderStore

/// Temporary stores for tests: copies of the sample store or of the broken corpus's base.
enum TestStores {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var sample: URL { repository.appendingPathComponent("sample-areas").resolvingSymlinksInPath() }
    static var corpus: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BrokenCorpus") }

    static func temporaryFolder(_ label: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pf-\(label)-\(UUID().uuidString)")
    }

    /// A copy of a folder in a fresh temporary folder.
    static func copy(_ folder: URL, label: String) throws -> URL {
        let target = temporaryFolder(label)
        try FileManager.default.copyItem(at: folder, to: target)
        return target
    }

    /// Every file under a folder with its bytes, keyed by relative path (hidden files left out).
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let enumerator = FileManager.default.enumerator(atPath: root.path)!
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[relative] = try Data(contentsOf: URL(fileURLWithPath: base + relative)) }
        }
        return files
    }

    static func read(_ root: URL, _ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    static func write(_ root: URL, _ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// The lines that differ between two texts, as "-old" and "+new" (a simple line diff that
    /// is exact for edits that replace, add or remove lines in one place).
    static func changedLines(_ old: String, _ new: String) -> [String] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        return a[prefix..<(a.count - suffix)].map { "-" + $0 } + b[prefix..<(b.count - suffix)].map { "+" + $0 }
    }
}

/// A small seeded generator (SplitMix64), so generated cases are the same on every run.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// Text that YAML, Markdown or the store's own structure could misread.
enum Awkward {
    static let words = ["plain", "colon: space", "has #hash", "#starts", "- dash", "-", "yes", "No", "on", "OFF", "y", "123",
                        "-7", "0x1F", "1_000", "2006-11-14", "12:30", "\"quoted\"", "'single'", "it's", "রহিম উদ্দিন",
                        "Zoë 👍", "Ångström café", "tab\there", "ends:", "[brackets]", "{x}", "a, b", "  padded  ", " lead",
                        "trail ", "@home", "`tick`", "100%", "%TAG", "~", "null", "Null", "line\nbreak", "back\\slash",
                        "esc\u{1B}[31m", "1e3", ".5", ".inf", "? what", "!tag", "&anchor", "*alias", "| pipe", "> fold",
                        "a: b: c", "x #y", "---", "...", "=", "<<", "a:b", "http://example.org/a#b", "£80,000", "\u{00A0}nbsp",
                        "zero\u{200B}width", "Ω≈ç√", "日本語", "🏳️‍🌈 flag", "O'Neil & Sons, Ltd.", "Head of Strategy"]

    static func pick(_ rng: inout SeededRandom) -> String { words.randomElement(using: &rng)! }

    /// One to three words joined by a space.
    static func phrase(_ rng: inout SeededRandom) -> String {
        (0..<Int.random(in: 1...3, using: &rng)).map { _ in pick(&rng) }.joined(separator: " ")
    }

    /// Markdown with several lines, some of which look like the body's own headings.
    static func markdown(_ rng: inout SeededRandom) -> String {
        let lines = ["A paragraph.", "", "## Progress", "### 2006-10-02 — Jo", "## Risks", " ## indented", "#### deep",
                     "- a list item", "> quoted", "    code", "Zoë's note: yes", "---", "***", "| a | b |"]
        return (0..<Int.random(in: 1...6, using: &rng)).map { _ in
            Bool.random(using: &rng) ? lines.randomElement(using: &rng)! : phrase(&rng).replacingOccurrences(of: "\n", with: " ")
        }.joined(separator: "\n")
    }
}
