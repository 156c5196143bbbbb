/// A small seeded generator (SplitMix64): the same seed gives the same fuzz cases everywhere.
public struct FuzzRandom: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}

extension FileFuzzer {
    /// Bits of YAML and Markdown syntax that change what a line means.
    static let tokens = [": ", "- ", "[", "]", "{", "}", ", ", "&a ", "*a", "<<: *a", "!!str ", "!x ", "| ", ">- ", "'", "\"",
                         " #", "%YAML 1.2", "@", "`", "? ", "---", "...", "\t", "\\", "## Progress", "### 2006-13-45 — Jo",
                         "\\u12", "~", "null", "- - - ", "key:", "  ", "---\n", "\n---\n", "id: PO-01\n", "title:\n"]

    /// Characters YAML, terminals or editors read specially.
    static let oddCharacters: [[UInt8]] = [
        Array("\u{2028}".utf8), Array("\u{2029}".utf8), Array("\u{85}".utf8), [0x0D], [0x0D, 0x0A], Array("\u{FEFF}".utf8),
        [0x00], [0x07], [0x08], [0x1B, 0x5B, 0x32, 0x4A], [0x1B, 0x5D, 0x30, 0x3B, 0x78, 0x07], [0x7F], Array("\u{202E}".utf8),
        [0xFF], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], Array("👍🏽".utf8), Array("e\u{301}".utf8),
    ]

    /// One random change to a file's bytes, and its name.
    static func mutate(_ input: [UInt8], _ rng: inout FuzzRandom) -> (String, [UInt8]) {
        var bytes = input
        var lines = splitLines(bytes)
        let at = rng.below(bytes.count + 1)
        let line = rng.below(lines.count)
        switch rng.below(16) {
        case 0:
            guard !bytes.isEmpty else { return ("flip", [0x2D]) }
            bytes[rng.below(bytes.count)] ^= UInt8(1 << rng.below(8))
            return ("flip a bit", bytes)
        case 1:
            guard !lines.isEmpty else { return ("duplicate", bytes) }
            lines.insert(lines[line], at: line)
            return ("duplicate a line", lines.flatMap { $0 })
        case 2:
            guard !lines.isEmpty else { return ("delete", bytes) }
            lines.remove(at: line)
            return ("delete a line", lines.flatMap { $0 })
        case 3:
            guard lines.count > 1 else { return ("swap", bytes) }
            lines.swapAt(line, rng.below(lines.count))
            return ("swap lines", lines.flatMap { $0 })
        case 4:
            bytes.insert(contentsOf: Array(tokens[rng.below(tokens.count)].utf8), at: at)
            return ("insert syntax", bytes)
        case 5:
            let laughs = "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol]\n"
                + (1...12).map { "x\($0): &a\($0) {<<: *a\($0 - 1), k: [*a\($0 - 1), *a\($0 - 1), *a\($0 - 1)]}\n" }.joined()
            lines.insert(Array(laughs.utf8), at: min(1 + line, lines.count))
            return ("billion laughs", lines.flatMap { $0 })
        case 6:
            guard !lines.isEmpty else { return ("conflict", Array("<<<<<<< a\n=======\n>>>>>>> b\n".utf8)) }
            let end = min(lines.count, line + 1 + rng.below(4))
            let ours = Array(lines[line..<end].flatMap { $0 })
            let diff3 = rng.below(2) == 0 ? Array("||||||| base\n".utf8) + ours : []
            let block = Array("<<<<<<< HEAD\n".utf8) + ours + diff3 + Array("=======\n".utf8) + ours.reversed().filter { $0 != 0x0A } + [0x0A]
                + Array(">>>>>>> origin/main\n".utf8)
            lines.replaceSubrange(line..<end, with: [block])
            return ("conflict markers", lines.flatMap { $0 })
        case 7, 8:
            bytes.insert(contentsOf: oddCharacters[rng.below(oddCharacters.count)], at: at)
            return ("odd character", bytes)
        case 9:
            let open = ["[", "{a: ", "- ", "? ", "[{"][rng.below(5)]
            let nest = "x: " + String(repeating: open, count: 1 + rng.below(100_000)) + "\n"
            lines.insert(Array(nest.utf8), at: min(1 + line, lines.count))
            return ("deep nesting", lines.flatMap { $0 })
        case 10:
            guard !lines.isEmpty else { return ("repeat", bytes) }
            // Enough copies to pass the size limit at times, not hundreds of megabytes.
            let copies = Array(repeating: lines[line], count: 1 + rng.below(min(30_000, 1_600_000 / max(1, lines[line].count))))
            lines.replaceSubrange(line..<(line + 1), with: copies)
            return ("repeat a line", lines.flatMap { $0 })
        case 11:
            return ("truncate", Array(bytes.prefix(at)))
        case 12:
            let ending: [UInt8] = [[0x0D, 0x0A], [0x0D], [0x0A, 0x0A]][rng.below(3)]
            return ("line endings", bytes.flatMap { $0 == 0x0A ? ending : [$0] })
        case 13:
            guard !lines.isEmpty else { return ("indent", bytes) }
            let indent: [UInt8] = [[0x20], [0x20, 0x20, 0x20], [0x09]][rng.below(3)]
            if rng.below(2) == 0 { lines[line].insert(contentsOf: indent, at: 0) } else { lines[line].removeFirst(min(2, lines[line].count)) }
            return ("indentation", lines.flatMap { $0 })
        case 14:
            let long = [UInt8](repeating: [0x61, 0x20, 0x5B, 0x22][rng.below(4)], count: 1 + rng.below(1_200_000))
            bytes.insert(contentsOf: long, at: at)
            return ("long line", bytes)
        default:
            let field = ["id", "title", "status", "rag", "due", "start", "format", "code", "date", "milestones", "items", "themes"][rng.below(12)]
            let value = ["", "[]", "{}", "[a, [b]]", "2007-02-30", "-1", "\"x\"", "|\n  block\n", "{a: b}", "~", "0"][rng.below(11)]
            lines.insert(Array("\(field): \(value)\n".utf8), at: min(1 + line, lines.count))
            return ("insert a field", lines.flatMap { $0 })
        }
    }

    /// The lines of some bytes, each with its LF.
    static func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(Array(bytes[start...i]))
            start = i + 1
        }
        if start < bytes.count { lines.append(Array(bytes[start...])) }
        return lines
    }
}
