#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PathfinderModel
import Yams

/// A store file as text: its front matter cut into top-level blocks (one per key, plus comment
/// and blank lines kept as they are) and its body. Keeping the original lines lets a save
/// rewrite only the fields that changed and leave every other byte alone.
///
/// Text is held with `\n` line endings. A file written with `\r\n` throughout is read as if it
/// had `\n` and written back with `\r\n`; a byte order mark is likewise dropped and put back.
/// So `bytes` of an unchanged document are exactly the bytes it was read from.
struct SourceDocument: Hashable, Sendable {
    struct Block: Hashable, Sendable {
        /// The top-level key, or nil for comments, blank lines and anything before the first key.
        var key: String?
        /// The block's lines, each with its line ending.
        var text: String
    }

    var blocks: [Block]
    /// Everything after the closing `---` line.
    var body: String
    /// Whether the file had front matter at all.
    var hasFrontMatter: Bool
    /// The file used `\r\n` for every line ending.
    var crlf = false
    /// The file started with a UTF-8 byte order mark.
    var bom = false
    /// The opening fence as written.
    var openingFence = "---\n"
    /// The closing fence as written (`---\n`, or `---` at the very end of a file).
    var closingFence = "---\n"

    /// The front matter's YAML (what Yams parses), which starts on line 2 of the file.
    var frontMatter: String { blocks.map(\.text).joined() }

    /// The whole file with `\n` line endings.
    var text: String {
        guard hasFrontMatter else { return body }
        let fence = body.isEmpty || closingFence.hasSuffix("\n") ? closingFence : closingFence + "\n"
        return openingFence + frontMatter + fence + body
    }

    /// The file's bytes, with its own line endings and byte order mark.
    var bytes: [UInt8] {
        var out: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        let text = self.text
        out.reserveCapacity(text.utf8.count + (crlf ? text.utf8.count / 32 : 0) + 3)
        for byte in text.utf8 {
            if crlf, byte == 0x0A { out.append(0x0D) }
            out.append(byte)
        }
        return out
    }

    /// The file line the body starts on (after the closing fence).
    var bodyFirstLine = 1

    /// Text from a file's bytes: nil when the bytes are not UTF-8. Notes (without changing the
    /// text's meaning) whether every line ends in `\r\n` and whether there is a byte order mark.
    static func decode(_ bytes: [UInt8]) -> (text: String, crlf: Bool, bom: Bool)? {
        var start = 0
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        if bom { start = 3 }
        var crlf = false
        if bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { memchr($0 + start, 0x0D, buffer.count - start) != nil } ?? false
        }) {
            var lf = 0, crlfCount = 0
            for i in start..<bytes.count where bytes[i] == 0x0A {
                lf += 1
                if i > start, bytes[i - 1] == 0x0D { crlfCount += 1 }
            }
            crlf = lf > 0 && crlfCount == lf
        }
        let slice = bytes[start...]
        let text: String?
        if crlf {
            var plain: [UInt8] = []
            plain.reserveCapacity(slice.count)
            bytes.withUnsafeBufferPointer { all in
                for i in start..<all.count where !(all[i] == 0x0D && i + 1 < all.count && all[i + 1] == 0x0A) {
                    plain.append(all[i])
                }
            }
            text = String(validating: plain, as: UTF8.self)
        } else {
            text = String(validating: slice, as: UTF8.self)
        }
        guard let text else { return nil }
        return (text, crlf, bom)
    }

    /// Splits a file's text. Returns nil (with the line) when the front matter is not closed.
    /// Scans only as far as the closing `---`.
    static func split(_ text: String) -> (document: SourceDocument?, unclosedAt: Int?) {
        let whole = Substring(text)
        let utf8 = whole.utf8
        func isFence(_ line: Substring) -> Bool {
            line == "---\n" || line == "---" || line == "--- \n"
        }
        var lineStart = utf8.startIndex
        var number = 0
        var first: Range<String.Index>?
        while lineStart < utf8.endIndex {
            let end = Lines.endOfLine(utf8, from: lineStart)
            number += 1
            let range = lineStart..<end
            lineStart = end
            if let opening = first {
                guard isFence(whole[range]) else { continue }
                let yaml = whole[opening.upperBound..<range.lowerBound]
                // One block for now: `recut` divides it at the keys once YAML has said where they are.
                var document = SourceDocument(blocks: yaml.isEmpty ? [] : [Block(key: nil, text: String(yaml))],
                                              body: String(whole[range.upperBound...]), hasFrontMatter: true)
                document.openingFence = String(whole[opening])
                document.closingFence = String(whole[range])
                document.bodyFirstLine = number + 1
                return (document, nil)
            }
            guard isFence(whole[range]) else { break }
            first = range
        }
        if first == nil { return (SourceDocument(blocks: [], body: text, hasFrontMatter: false), nil) }
        return (nil, 1)
    }

    static func canRecut(keys: [(key: String, line: Int, column: Int)]) -> Bool {
        keys.allSatisfy { $0.column == 1 } && zip(keys, keys.dropFirst()).allSatisfy { $0.line < $1.line }
    }

    /// Recuts the front matter at the lines where YAML says each top-level key starts (lines
    /// counted from 1 at the first front matter line). A key's block runs to its last line of
    /// content; blank lines and column-0 comments after it stand alone, so replacing the field
    /// keeps them. Returns false (leaving the blocks as they were) when the keys do not each
    /// start a line of their own at column 1, e.g. a front matter written as one `{...}`.
    mutating func recut(keys: [(key: String, line: Int, column: Int)]) -> Bool {
        guard Self.canRecut(keys: keys) else { return false }
        let lines = Lines.split(frontMatter)
        var starts: [Int: String] = [:]
        for k in keys { starts[k.line - 1] = k.key }
        var cut: [Block] = []
        var i = 0
        while i < lines.count {
            guard let key = starts[i] else {
                cut.append(Block(key: nil, text: String(lines[i])))
                i += 1
                continue
            }
            var end = i + 1
            while end < lines.count, starts[end] == nil { end += 1 }
            var last = i
            for j in (i + 1)..<end where !Lines.isBlankOrComment(lines[j]) { last = j }
            cut.append(Block(key: key, text: lines[i...last].joined()))
            i = last + 1
        }
        blocks = cut
        return true
    }
}

/// Line splitting on bytes: a `\n` always ends a character, so cutting after it is safe.
enum Lines {
    /// The lines of a text, each keeping its `\n` (the last may have none).
    static func split(_ text: some StringProtocol) -> [Substring] {
        let s = Substring(text)
        return lineRanges(s).map { s[$0] }
    }

    /// The range of each line of a text, each including its `\n`.
    static func lineRanges(_ s: Substring) -> [Range<String.Index>] {
        let utf8 = s.utf8
        var ranges: [Range<String.Index>] = []
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = endOfLine(utf8, from: start)
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }

    /// The index just after the next `\n` at or after `start` (or the end of the text).
    static func endOfLine(_ utf8: Substring.UTF8View, from start: String.Index) -> String.Index {
        let found: Int?? = utf8[start...].withContiguousStorageIfAvailable { buffer -> Int? in
            guard let base = buffer.baseAddress, let hit = memchr(base, 0x0A, buffer.count) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        switch found {
        case let .some(.some(offset)): return utf8.index(start, offsetBy: offset)
        case .some(.none): return utf8.endIndex
        case .none:
            guard let newline = utf8[start...].firstIndex(of: 0x0A) else { return utf8.endIndex }
            return utf8.index(after: newline)
        }
    }

    /// The lines of a text without their `\n`; a text ending in `\n` gives a last empty line.
    static func splitDroppingNewlines(_ text: some StringProtocol) -> [Substring] {
        Substring(text).utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
    }

    static func count(_ text: String) -> Int {
        var n = 0
        for byte in text.utf8 where byte == 0x0A { n += 1 }
        if let last = text.utf8.last, last != 0x0A { n += 1 }
        return n
    }

    static func isBlank(_ line: some StringProtocol) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    static func isBlankOrComment(_ line: some StringProtocol) -> Bool {
        isBlank(line) || line.utf8.first == UInt8(ascii: "#")
    }
}

extension StringProtocol {
    /// Without leading and trailing characters from `set` (ASCII characters only).
    func trimmed(_ set: StaticString) -> String {
        let chars = UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount)
        let utf8 = Substring(self).utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, chars.contains(utf8[start]) { start = utf8.index(after: start) }
        while end > start, chars.contains(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(Substring(utf8[start..<end]))
    }
}

/// YAML syntax errors as one line with the file's line number.
enum YAMLErrors {
    /// `lineOffset` is added to YAML's line numbers (1 for front matter, which starts on the
    /// file's second line); `lastLine` is the YAML's last line, so "unexpected end of stream"
    /// points at where the unfinished thing began rather than past the end.
    static func problem(_ error: Error, yaml: String, path: String, lineOffset: Int) -> Problem {
        let lastLine = max(1, Lines.count(yaml))
        let lines = YAMLLineMap(yaml)
        if let refusal = error as? YAMLRefusal {
            return .error(path, min(lines.line(refusal.line), lastLine) + lineOffset, refusal.message)
        }
        switch error as? YamlError {
        case let .scanner(context, problem, mark, _)?, let .parser(context, problem, mark, _)?,
             let .composer(context, problem, mark, _)?:
            var line = mark.line
            // A key that turned out not to be one is wrong where it starts, not where YAML gave up.
            if lines.line(line) > lastLine || problem.contains("end of stream") || context?.text == "while scanning a simple key",
               let context { line = context.mark.line }
            line = min(max(1, lines.line(line)), lastLine)
            let text = [context?.text ?? "", problem].filter { !$0.isEmpty }.joined(separator: ": ")
            return .error(path, line + lineOffset, "YAML syntax: \(text)\(oddBreakHint(yaml, line: line))")
        case let .duplicatedKeysInMapping(duplicates, context)?:
            let key = duplicates.first ?? ""
            let first = lines.line(context.mark.line)
            let second = secondOccurrence(of: key, in: yaml, after: first, column: context.mark.column) ?? first
            return .error(path, second + lineOffset,
                          "duplicate field \"\(Quote.short(key))\" (also on line \(first + lineOffset)): keep one of them")
        case let .reader(problem, offset, _, _)?:
            var line = 1
            if let offset {
                for byte in yaml.utf8.prefix(offset) where byte == 0x0A { line += 1 }
            }
            return .error(path, min(line, lastLine) + lineOffset, "YAML syntax: \(problem)")
        default:
            return .error(path, 1 + lineOffset, "YAML syntax: \(error)")
        }
    }

    /// Why YAML may have seen a line break the editor does not show: a hint naming the character.
    static func oddBreakHint(_ yaml: String, line: Int) -> String {
        let all = Lines.split(yaml)
        guard line >= 1, line <= all.count else { return "" }
        let text = all[line - 1].utf8.last == 0x0A ? Substring(all[line - 1].utf8.dropLast()) : all[line - 1]
        let found: String? = Bytes.contains(text, "\u{2028}") ? "a line separator (U+2028)"
            : Bytes.contains(text, "\u{2029}") ? "a paragraph separator (U+2029)"
            : Bytes.contains(text, "\u{85}") ? "a next-line character (U+0085)"
            : text.utf8.dropLast().contains(0x0D) ? "a carriage return (CR)" : nil
        guard let found else { return "" }
        return " (this line holds \(found), which YAML reads as a new line: remove it, or put the value in quotes)"
    }

    /// The line (from 1) of a key's second occurrence at the same column as its first.
    static func secondOccurrence(of key: String, in yaml: String, after line: Int, column: Int) -> Int? {
        let lines = Lines.split(yaml)
        guard line < lines.count else { return nil }
        for i in line..<lines.count {
            var text = lines[i].dropLast(lines[i].hasSuffix("\n") ? 1 : 0)
            // Keys of a record in a list may follow "- " on their line.
            var col = 1
            while let c = text.first, c == " " || c == "-" || c == "\t", col < column {
                text = text.dropFirst()
                col += 1
            }
            guard col == column else { continue }
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where text.hasPrefix(candidate) {
                let rest = text.dropFirst(candidate.count).drop { $0 == " " || $0 == "\t" }
                if rest.first == ":" { return i + 1 }
            }
        }
        return nil
    }
}

/// Reads typed fields out of a parsed front matter mapping, collecting problems with the file's
/// line numbers instead of failing at the first one. Every scalar is read as its text; types
/// come from the field, never from how YAML would guess them (so "2006-11-14" in a title stays
/// text and "no" is a word until a true/false field reads it).
struct FieldReader {
    let path: String
    /// Added to Yams' line numbers: the front matter starts on the file's second line.
    let lineOffset: Int
    /// The mapping's fields by key, with the key's line in the file. Indexed once: looking a key
    /// up in a `Node.Mapping` compares nodes, which is slow.
    private let fields: [String: (value: YNode, line: Int)]
    /// Each key as written, in order, with its line and column within the YAML.
    let keyMarks: [(key: String, line: Int, column: Int)]
    /// The line of the mapping itself (where a missing field is reported).
    let line: Int
    var problems: [Problem] = []

    init(path: String, node: YNode?, lineOffset: Int = 1) {
        self.path = path
        self.lineOffset = lineOffset
        line = (node?.line ?? 1) + lineOffset
        var fields: [String: (value: YNode, line: Int)] = [:]
        var marks: [(key: String, line: Int, column: Int)] = []
        fields.reserveCapacity(node?.mapping?.count ?? 0)
        marks.reserveCapacity(node?.mapping?.count ?? 0)
        for pair in node?.mapping ?? [] {
            guard let key = pair.key.string else { continue }
            if fields[key] == nil { fields[key] = (pair.value, pair.key.line + lineOffset) }
            marks.append((key, pair.key.line, pair.key.column))
        }
        self.fields = fields
        keyMarks = marks
    }

    func lineOf(_ node: YNode?) -> Int { node.map { $0.line + lineOffset } ?? line }

    func node(_ key: String) -> YNode? { fields[key]?.value }

    /// The line of a key (where a problem with its value is reported).
    func lineOf(key: String) -> Int { fields[key]?.line ?? line }

    var keys: [String] { keyMarks.map(\.key) }

    var keyLines: [String: Int] { fields.mapValues(\.line) }

    mutating func error(_ line: Int, _ message: String) { problems.append(.error(path, line, message)) }
    mutating func warning(_ line: Int, _ message: String) { problems.append(.warning(path, line, message)) }

    /// A text field. Numbers and dates written where text is expected are taken as text.
    mutating func string(_ key: String, required: Bool = false) -> String {
        guard let node = node(key) else {
            if required { error(line, "missing required field \"\(key)\"") }
            return ""
        }
        guard let scalar = node.scalar else {
            error(lineOf(key: key), "\"\(key)\" should be text, not a \(node.kindName)")
            return ""
        }
        if required, scalar.isEmpty { error(lineOf(key: key), "\"\(key)\" is empty") }
        return scalar
    }

    mutating func optionalString(_ key: String) -> String? {
        guard node(key) != nil else { return nil }
        let value = string(key)
        return value.isEmpty ? nil : value
    }

    /// A list of text items; a single value is taken as a list of one.
    mutating func strings(_ key: String) -> [String] {
        guard let node = node(key) else { return [] }
        if let scalar = node.scalar { return scalar.isEmpty ? [] : [scalar] }
        guard let sequence = node.sequence else {
            error(lineOf(key: key), "\"\(key)\" should be a list")
            return []
        }
        var values: [String] = []
        for item in sequence {
            if let s = item.scalar { values.append(s) } else { error(lineOf(item), "\"\(key)\" items should be text") }
        }
        return values
    }

    mutating func day(_ key: String, required: Bool = false) -> Day? {
        guard let node = node(key) else {
            if required { error(line, "missing required field \"\(key)\"") }
            return nil
        }
        return day(node, name: key, line: lineOf(key: key))
    }

    mutating func day(_ node: YNode, name: String, line: Int) -> Day? {
        guard let text = node.scalar, !text.isEmpty else {
            if node.scalar == nil { error(line, "\"\(name)\" should be a date like 2007-03-31") }
            return nil
        }
        guard let day = Day(iso: text) else {
            error(line, "bad date \"\(Quote.short(text))\" for \"\(name)\" (expected YYYY-MM-DD, a real day)")
            return nil
        }
        return day
    }

    /// The text of a number's or a yes/no's node: nil where it is missing or empty (an empty
    /// value says nothing), nil with an error where it is a list or mapping.
    mutating func scalarText(_ node: YNode?, name: String, line: Int, shouldBe: String) -> String? {
        guard let node else { return nil }
        guard let text = node.scalar else {
            error(line, "\"\(name)\" should be \(shouldBe), not a \(node.kindName)")
            return nil
        }
        return text.isEmpty ? nil : text
    }

    mutating func number(_ node: YNode?, name: String, line: Int) -> Double? {
        guard let text = scalarText(node, name: name, line: line, shouldBe: "a number") else { return nil }
        guard let value = Double(text.withoutMoneySigns), value.isFinite else {
            error(line, "\"\(name)\" should be a number, not \"\(Quote.short(text))\"")
            return nil
        }
        return value
    }

    mutating func bool(_ node: YNode?, name: String, line: Int) -> Bool? {
        guard let text = scalarText(node, name: name, line: line, shouldBe: "true or false") else { return nil }
        switch text.lowercased() {
        case "true", "yes", "y", "on": return true
        case "false", "no", "n", "off": return false
        default:
            error(line, "\"\(name)\" should be true or false, not \"\(Quote.short(text))\"")
            return nil
        }
    }

    /// A list of mappings (milestones, key figures), each read by `read`.
    mutating func records<T>(_ key: String, _ read: (inout FieldReader) -> T?) -> [T] {
        guard let node = node(key) else { return [] }
        guard let sequence = node.sequence else {
            if node.scalar?.isEmpty == true { return [] }
            error(lineOf(key: key), "\"\(key)\" should be a list")
            return []
        }
        var values: [T] = []
        for item in sequence {
            guard item.mapping != nil else {
                error(lineOf(item), "each of \"\(key)\" should have named fields (e.g. \"- title: ...\")")
                continue
            }
            var reader = FieldReader(path: path, node: item, lineOffset: lineOffset)
            if let value = read(&reader) { values.append(value) }
            problems += reader.problems
        }
        return values
    }

    /// A nested mapping (indicator, funding).
    mutating func record<T>(_ key: String, _ read: (inout FieldReader) -> T?) -> T? {
        guard let node = node(key) else { return nil }
        guard node.mapping != nil else {
            if node.scalar?.isEmpty == true { return nil }
            error(lineOf(key: key), "\"\(key)\" should have named fields")
            return nil
        }
        var reader = FieldReader(path: path, node: node, lineOffset: lineOffset)
        let value = read(&reader)
        problems += reader.problems
        return value
    }
}

private extension String {
    /// "80,000" and "£80,000" read as numbers: people write money that way.
    var withoutMoneySigns: String {
        var s = self
        s.removeAll { $0 == "," || $0 == "£" || $0 == "_" }
        return s
    }
}
