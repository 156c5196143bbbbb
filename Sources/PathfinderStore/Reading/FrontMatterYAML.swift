import Yams

/// A parsed YAML value with where it starts (line and column from 1, within the YAML text).
/// Every scalar is its text: the store decides types per field (see `FieldReader`).
struct YNode: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case scalar(String)
        case sequence([YNode])
        case mapping([YPair])
        /// A YAML alias (`*name`) that is not expanded; no store field accepts one.
        case alias
    }

    var kind: Kind
    var line: Int
    var column: Int

    var scalar: String? { if case let .scalar(s) = kind { s } else { nil } }
    var string: String? { scalar }
    var sequence: [YNode]? { if case let .sequence(items) = kind { items } else { nil } }
    var mapping: [YPair]? { if case let .mapping(pairs) = kind { pairs } else { nil } }

    var kindName: String {
        switch kind {
        case .scalar: "value"
        case .mapping: "set of fields"
        case .sequence: "list"
        case .alias: "alias"
        }
    }

    /// A field of a mapping by key (the first, if written twice).
    subscript(key: String) -> YNode? { mapping?.first { $0.key.scalar == key }?.value }
}

struct YPair: Sendable, Equatable {
    var key: YNode
    var value: YNode
}

/// Parses front matter YAML: a fast reader for the plain subset the program writes and people
/// usually type, and Yams for everything else (and for every error, so messages come from one
/// place). See `FastYAML` for the subset.
enum FrontMatterYAML {
    /// The document's root, nil for an empty document; throws Yams' error for bad YAML.
    static func parse(_ yaml: String) throws -> YNode? {
        if let fast = FastYAML.parse(yaml) { return fast.root }
        return try viaYams(yaml)
    }

    static func viaYams(_ yaml: String) throws -> YNode? {
        // The basic resolver reads every plain scalar as text, and naming the encoding stops
        // Yams reading the environment on every call; both matter when loading 50,000 files.
        // Anchors and aliases are refused before composing: Yams expands each alias into a copy
        // of its anchor's value (and hashes whole keys), so a few lines could cost gigabytes.
        if let refusal = YAMLRefusal.scan(yaml) { throw refusal }
        let lines = YAMLLineMap(yaml)
        return try Yams.compose(yaml: yaml, .basic, .default, .utf8).map { convert($0, lines) }
    }

    /// Yams' node with the file's line numbers (see `YAMLLineMap` for what a line is).
    static func convert(_ node: Node, _ lines: YAMLLineMap) -> YNode {
        let line = lines.line(node.mark?.line ?? 1), column = node.mark?.column ?? 1
        switch node {
        case let .scalar(scalar): return YNode(kind: .scalar(scalar.string), line: line, column: column)
        case let .sequence(sequence): return YNode(kind: .sequence(sequence.map { convert($0, lines) }), line: line, column: column)
        case let .mapping(mapping):
            return YNode(kind: .mapping(mapping.map { YPair(key: convert($0.key, lines), value: convert($0.value, lines)) }),
                         line: line, column: column)
        case .alias: return YNode(kind: .alias, line: line, column: column)
        }
    }
}

/// A reader for the everyday subset of YAML block front matter, about ten times faster than
/// building Yams nodes. It accepts only what it is sure to read exactly as YAML does, and
/// returns nil for anything else, which then goes to Yams:
///
/// - block mappings and block sequences, nested by indentation (spaces only; no tabs anywhere);
/// - keys of letters, digits, `-` and `_`, each once per mapping;
/// - one-line values: plain scalars (not starting with a YAML indicator, no `: ` inside, no
///   trailing `:`), single- and double-quoted scalars (common escapes), flow sequences of
///   such scalars (`[a, "b, c"]`), and `{}`;
/// - comments and blank lines.
///
/// Not accepted (so read by Yams): multi-line scalars, block scalars (`|`, `>`), anchors,
/// aliases, tags, flow mappings, nested flow collections, documents markers, directives, errors.
/// A differential test checks it against Yams on many inputs.
enum FastYAML {
    struct Result {
        var root: YNode?
    }

    private struct Line {
        var number: Int
        var indent: Int
        /// The line's bytes after the indentation, without the newline.
        var text: ArraySlice<UInt8>
    }

    private struct Bail: Error {}

    static func parse(_ yaml: String) -> Result? {
        var bytes = Array(yaml.utf8)
        guard onlyPlainCharacters(bytes) else { return nil }
        bytes.append(0x0A)
        var lines: [Line] = []
        var start = 0, number = 1
        for i in bytes.indices where bytes[i] == 0x0A {
            var indent = start
            while indent < i, bytes[indent] == 0x20 { indent += 1 }
            // Blank lines and comment lines carry nothing.
            if indent < i, bytes[indent] != UInt8(ascii: "#") {
                lines.append(Line(number: number, indent: indent - start, text: bytes[indent..<i]))
            }
            start = i + 1
            number += 1
        }
        guard let first = lines.first else { return Result(root: nil) }
        guard first.indent == 0 else { return nil }
        var reader = Reader(lines: lines)
        do {
            let root = try reader.mapping(indent: 0)
            guard reader.position == lines.count else { return nil }
            return Result(root: root)
        } catch {
            return nil
        }
    }

    /// No tab, carriage return or other control character, and nothing YAML reads as a line
    /// break (U+0085, U+2028, U+2029) or refuses (U+0080-U+009F, U+FEFF, U+FFFE, U+FFFF).
    static func onlyPlainCharacters(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x20 {
                if b != 0x0A { return false }
            } else if b == 0x7F {
                return false
            } else if b == 0xC2 {
                if i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return false }
            } else if b == 0xE2 {
                if i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
            } else if b == 0xEF {
                if i + 2 < bytes.count, bytes[i + 1] == 0xBB, bytes[i + 2] == 0xBF { return false }
                if i + 2 < bytes.count, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF { return false }
            }
            i += 1
        }
        return true
    }

    private struct Reader {
        let lines: [Line]
        var position = 0
        /// Blocks open now: deeper than any store file goes is left to Yams, whose caller refuses it.
        var depth = 0

        init(lines: [Line]) { self.lines = lines }

        var current: Line? { position < lines.count ? lines[position] : nil }

        /// A block mapping whose keys are at `indent`; the first key may follow "- " on its line
        /// (then `firstText` is the rest of that line after the dash).
        mutating func mapping(indent: Int, firstText: ArraySlice<UInt8>? = nil, firstLine: Int? = nil) throws -> YNode {
            depth += 1
            defer { depth -= 1 }
            if depth > FileLimits.maximumDepth { throw Bail() }
            var pairs: [YPair] = []
            // Keys seen so far: compared one by one while few (a store file's mappings have a
            // dozen keys; hashing each was 5% of a load), hashed once there are many.
            var seenFew: [ArraySlice<UInt8>] = []
            var seenMany = Set<ArraySlice<UInt8>>()
            var startLine = 0
            var pending = firstText
            while true {
                let text: ArraySlice<UInt8>, lineNumber: Int
                if let p = pending, let n = firstLine {
                    text = p
                    lineNumber = n
                    pending = nil
                    position += 1
                } else {
                    guard let line = current, line.indent == indent else { break }
                    text = line.text
                    lineNumber = line.number
                    position += 1
                }
                guard let colon = keyEnd(text) else { throw Bail() }
                let key = text[text.startIndex..<colon]
                if seenFew.count < 24 {
                    guard !seenFew.contains(where: { $0.elementsEqual(key) }) else { throw Bail() }   // a duplicate: Yams reports it
                    seenFew.append(key)
                    if seenFew.count == 24 { seenMany = Set(seenFew) }
                } else {
                    guard seenMany.insert(key).inserted else { throw Bail() }
                }
                if pairs.isEmpty { startLine = lineNumber }
                let keyNode = YNode(kind: .scalar(String(decoding: key, as: UTF8.self)), line: lineNumber, column: indent + 1)
                var rest = text[(colon + 1)...]
                rest = rest.drop { $0 == 0x20 }
                let value: YNode
                if rest.isEmpty || rest.first == UInt8(ascii: "#") {
                    guard rest.isEmpty || text[colon + 1] == 0x20 else { throw Bail() }
                    value = try block(after: indent, keyLine: lineNumber, allowSameIndentSequence: true)
                } else {
                    guard text[colon + 1] == 0x20 else { throw Bail() }
                    value = try FastYAML.inline(rest, line: lineNumber, column: indent + 1 + (rest.startIndex - text.startIndex))
                    // A more indented line next would continue a plain scalar or be an error.
                    if let next = current, next.indent > indent { throw Bail() }
                }
                pairs.append(YPair(key: keyNode, value: value))
            }
            return YNode(kind: .mapping(pairs), line: startLine, column: indent + 1)
        }

        /// The value of `key:` with nothing after it: a nested block, or an empty scalar.
        mutating func block(after indent: Int, keyLine: Int, allowSameIndentSequence: Bool) throws -> YNode {
            guard let next = current else { return YNode(kind: .scalar(""), line: keyLine, column: 1) }
            if next.indent > indent {
                return isDash(next.text) ? try sequence(indent: next.indent) : try mapping(indent: next.indent)
            }
            if next.indent == indent, allowSameIndentSequence, isDash(next.text) {
                return try sequence(indent: indent)
            }
            return YNode(kind: .scalar(""), line: keyLine, column: 1)
        }

        /// A block sequence whose dashes are at `indent`.
        mutating func sequence(indent: Int) throws -> YNode {
            depth += 1
            defer { depth -= 1 }
            if depth > FileLimits.maximumDepth { throw Bail() }
            var items: [YNode] = []
            let startLine = current?.number ?? 0
            while let line = current, line.indent == indent, isDash(line.text) {
                let rest = line.text.dropFirst().drop { $0 == 0x20 }
                let column = indent + 1 + (rest.startIndex - line.text.startIndex)
                guard !rest.isEmpty, rest.first != UInt8(ascii: "#"), line.text.count > 1, line.text[line.text.startIndex + 1] == 0x20 else {
                    throw Bail()   // "-" alone (a nested block or null item): leave to Yams
                }
                if isDash(rest) { throw Bail() }   // "- - x": nested sequences
                if keyEnd(rest) != nil {
                    // "- key: value": a mapping whose keys line up after the dash.
                    items.append(try mapping(indent: column - 1, firstText: rest, firstLine: line.number))
                } else {
                    position += 1
                    items.append(try FastYAML.inline(rest, line: line.number, column: column))
                    if let next = current, next.indent > indent { throw Bail() }
                }
            }
            return YNode(kind: .sequence(items), line: startLine, column: indent + 1)
        }

        func isDash(_ text: ArraySlice<UInt8>) -> Bool {
            text.first == UInt8(ascii: "-") && (text.count == 1 || text[text.startIndex + 1] == 0x20)
        }

        /// The index of the colon after a simple key (`[A-Za-z0-9_-]+:` then a space or the end).
        func keyEnd(_ text: ArraySlice<UInt8>) -> Int? {
            guard let first = text.first, isKeyByte(first), first != 0x2D, first != 0x5F else { return nil }
            var i = text.startIndex
            while i < text.endIndex, isKeyByte(text[i]) { i += 1 }
            guard i > text.startIndex, i < text.endIndex, text[i] == UInt8(ascii: ":") else { return nil }
            guard i + 1 == text.endIndex || text[i + 1] == 0x20 else { return nil }
            return i
        }

        func isKeyByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
        }
    }

    /// A one-line value (after `key: ` or `- `), with any trailing comment.
    private static func inline(_ text: ArraySlice<UInt8>, line: Int, column: Int) throws -> YNode {
        guard let first = text.first else { throw Bail() }
        switch first {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let (value, end) = try quoted(text)
            try expectEnd(text[end...])
            return YNode(kind: .scalar(value), line: line, column: column)
        case UInt8(ascii: "["):
            return try flowSequence(text, line: line, column: column)
        case UInt8(ascii: "{"):
            var rest = text.dropFirst().drop { $0 == 0x20 }
            guard rest.first == UInt8(ascii: "}") else { throw Bail() }
            rest = rest.dropFirst()
            try expectEnd(rest)
            return YNode(kind: .mapping([]), line: line, column: column)
        default:
            return YNode(kind: .scalar(try plain(text, flow: false)), line: line, column: column)
        }
    }

    /// Only spaces, then optionally a comment, may follow a value.
    private static func expectEnd(_ rest: ArraySlice<UInt8>) throws {
        guard let first = rest.first else { return }
        guard first == 0x20 else { throw Bail() }
        let after = rest.drop { $0 == 0x20 }
        guard after.isEmpty || after.first == UInt8(ascii: "#") else { throw Bail() }
    }

    /// Bytes that may not begin a plain scalar (YAML indicators), in block context.
    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@`".utf8)

    /// A plain scalar up to a comment or the end (or, in a flow, up to `,` or `]`).
    private static func plain(_ text: ArraySlice<UInt8>, flow: Bool) throws -> String {
        guard let first = text.first, !indicators.contains(first) else { throw Bail() }
        var end = text.endIndex
        var i = text.startIndex
        while i < text.endIndex {
            let b = text[i]
            if flow, b == UInt8(ascii: "#") { throw Bail() }
            if b == UInt8(ascii: "#"), i > text.startIndex, text[i - 1] == 0x20 { end = i; break }
            if b == UInt8(ascii: ":"), i + 1 == text.endIndex || text[i + 1] == 0x20 { throw Bail() }
            if flow, b == UInt8(ascii: ",") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]") || b == UInt8(ascii: "{")
                || b == UInt8(ascii: "}") || b == UInt8(ascii: ":") || b == UInt8(ascii: "#") { throw Bail() }
            i += 1
        }
        var value = text[text.startIndex..<end]
        while value.last == 0x20 { value = value.dropLast() }
        guard !value.isEmpty else { throw Bail() }
        // Document markers and things YAML reads specially stay with Yams.
        if value.starts(with: "---".utf8) || value.starts(with: "...".utf8) { throw Bail() }
        return String(decoding: value, as: UTF8.self)
    }

    /// `[a, b]` on one line, of plain or quoted scalars.
    private static func flowSequence(_ text: ArraySlice<UInt8>, line: Int, column: Int) throws -> YNode {
        var items: [YNode] = []
        var rest = text.dropFirst().drop { $0 == 0x20 }
        if rest.first == UInt8(ascii: "]") {
            try expectEnd(rest.dropFirst())
            return YNode(kind: .sequence([]), line: line, column: column)
        }
        while true {
            let itemColumn = column + (rest.startIndex - text.startIndex)
            guard let first = rest.first else { throw Bail() }
            if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
                let (value, end) = try quoted(rest)
                items.append(YNode(kind: .scalar(value), line: line, column: itemColumn))
                rest = rest[end...].drop { $0 == 0x20 }
            } else {
                guard let stop = rest.firstIndex(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "]") }) else { throw Bail() }
                items.append(YNode(kind: .scalar(try plain(rest[rest.startIndex..<stop], flow: true)), line: line, column: itemColumn))
                rest = rest[stop...]
            }
            guard let separator = rest.first else { throw Bail() }
            rest = rest.dropFirst()
            if separator == UInt8(ascii: "]") {
                try expectEnd(rest)
                return YNode(kind: .sequence(items), line: line, column: column)
            }
            guard separator == UInt8(ascii: ","), rest.first == 0x20 else { throw Bail() }
            rest = rest.drop { $0 == 0x20 }
            if rest.first == UInt8(ascii: "]") || rest.first == UInt8(ascii: ",") { throw Bail() }   // trailing or empty items
        }
    }

    /// The one-character escapes YAML allows in a double-quoted scalar, and the byte each stands for.
    private static let escapes: [UInt8: UInt8] = [
        UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: " "): 0x20,
        UInt8(ascii: "n"): 0x0A, UInt8(ascii: "t"): 0x09, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "0"): 0x00,
        UInt8(ascii: "a"): 0x07, UInt8(ascii: "b"): 0x08, UInt8(ascii: "e"): 0x1B, UInt8(ascii: "f"): 0x0C,
        UInt8(ascii: "v"): 0x0B,
    ]

    /// A quoted scalar closed on its line: its value and the index after the closing quote.
    private static func quoted(_ text: ArraySlice<UInt8>) throws -> (String, Int) {
        let quote = text[text.startIndex]
        var out: [UInt8] = []
        var i = text.startIndex + 1
        while i < text.endIndex {
            let b = text[i]
            if quote == UInt8(ascii: "'") {
                if b == quote {
                    if i + 1 < text.endIndex, text[i + 1] == quote {
                        out.append(quote)
                        i += 2
                        continue
                    }
                    return (String(decoding: out, as: UTF8.self), i + 1)
                }
                out.append(b)
                i += 1
                continue
            }
            if b == quote { return (String(decoding: out, as: UTF8.self), i + 1) }
            guard b == UInt8(ascii: "\\") else {
                out.append(b)
                i += 1
                continue
            }
            guard i + 1 < text.endIndex else { throw Bail() }
            let e = text[i + 1]
            i += 2
            if let byte = escapes[e] {
                out.append(byte)
                continue
            }
            switch e {
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let digits = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
                guard i + digits <= text.endIndex,
                      let value = UInt32(String(decoding: text[i..<(i + digits)], as: UTF8.self), radix: 16),
                      let scalar = Unicode.Scalar(value) else { throw Bail() }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i += digits
            default: throw Bail()
            }
        }
        throw Bail()   // not closed on this line
    }
}
