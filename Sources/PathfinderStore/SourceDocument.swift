import PathfinderModel
import Yams

/// A store file as text: its front matter cut into top-level blocks (one per key, plus comment
/// and blank lines kept as they are) and its body. Keeping the original lines lets a save
/// rewrite only the fields that changed and leave every other byte alone.
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

    /// The front matter's YAML (what Yams parses), which starts on line 2 of the file.
    var frontMatter: String { blocks.map(\.text).joined() }

    var text: String {
        hasFrontMatter ? "---\n" + frontMatter + "---\n" + body : body
    }

    /// Splits a file. Returns nil (with the line) when the front matter is not closed.
    static func split(_ text: String) -> (document: SourceDocument?, unclosedAt: Int?) {
        var lines: [Substring] = []
        var start = text.startIndex
        while start < text.endIndex {
            let end = text[start...].firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
            lines.append(text[start..<end])
            start = end
        }
        func isFence(_ line: Substring) -> Bool {
            line == "---\n" || line == "---" || line == "---\r\n"
        }
        guard let first = lines.first, isFence(first) else {
            return (SourceDocument(blocks: [], body: text, hasFrontMatter: false), nil)
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else {
            return (nil, 1)
        }
        var blocks: [Block] = []
        for line in lines[1..<close] {
            let first = line.first
            let startsKey = first != nil && first != " " && first != "\t" && first != "#" && first != "-" && first != "\n"
                && first != "\r" && line.contains(":")
            if startsKey {
                let key = String(line[..<line.firstIndex(of: ":")!]).trimmingCharacters(in: " \t\"'")
                blocks.append(Block(key: key, text: String(line)))
            } else if first == " " || first == "\t" || first == "-", let last = blocks.last, last.key != nil {
                // Indented lines and column-0 list items belong to the key above them.
                blocks[blocks.count - 1].text += line
            } else {
                blocks.append(Block(key: nil, text: String(line)))
            }
        }
        let body = lines[(close + 1)...].joined()
        return (SourceDocument(blocks: blocks, body: body, hasFrontMatter: true), nil)
    }
}

private extension String {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

/// Reads typed fields out of a parsed front matter mapping, collecting problems with the file's
/// line numbers instead of failing at the first one.
struct FieldReader {
    let path: String
    /// Added to Yams' line numbers: the front matter starts on the file's second line.
    let lineOffset: Int
    let mapping: Node.Mapping?
    let line: Int
    var problems: [Problem] = []

    init(path: String, node: Node?, lineOffset: Int = 1) {
        self.path = path
        self.lineOffset = lineOffset
        mapping = node?.mapping
        line = (node?.mark?.line ?? 1) + lineOffset
    }

    func lineOf(_ node: Node?) -> Int { node?.mark.map { $0.line + lineOffset } ?? line }

    func node(_ key: String) -> Node? { mapping?[key] }

    /// The line of a key (where a problem with its value is reported).
    func lineOf(key: String) -> Int {
        guard let mapping else { return line }
        for (k, _) in mapping where k.string == key { return lineOf(k) }
        return line
    }

    var keys: [String] { mapping?.keys.compactMap(\.string) ?? [] }

    var keyLines: [String: Int] {
        var lines: [String: Int] = [:]
        for (k, _) in mapping ?? Node.Mapping([]) { if let key = k.string { lines[key] = lineOf(k) } }
        return lines
    }

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
        if required, scalar.string.isEmpty { error(lineOf(key: key), "\"\(key)\" is empty") }
        return scalar.string
    }

    mutating func optionalString(_ key: String) -> String? {
        guard node(key) != nil else { return nil }
        let value = string(key)
        return value.isEmpty ? nil : value
    }

    /// A list of text items; a single value is taken as a list of one.
    mutating func strings(_ key: String) -> [String] {
        guard let node = node(key) else { return [] }
        if let scalar = node.scalar { return scalar.string.isEmpty ? [] : [scalar.string] }
        guard let sequence = node.sequence else {
            error(lineOf(key: key), "\"\(key)\" should be a list")
            return []
        }
        var values: [String] = []
        for item in sequence {
            if let s = item.scalar?.string { values.append(s) } else { error(lineOf(item), "\"\(key)\" items should be text") }
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

    mutating func day(_ node: Node, name: String, line: Int) -> Day? {
        guard let text = node.scalar?.string, !text.isEmpty else {
            if node.scalar == nil { error(line, "\"\(name)\" should be a date like 2007-03-31") }
            return nil
        }
        guard let day = Day(iso: text) else {
            error(line, "bad date \"\(text)\" for \"\(name)\" (expected YYYY-MM-DD, a real day)")
            return nil
        }
        return day
    }

    mutating func number(_ node: Node?, name: String, line: Int) -> Double? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, !text.isEmpty else { return nil }
        guard let value = Double(text.replacingCommas), value.isFinite else {
            error(line, "\"\(name)\" should be a number, not \"\(text)\"")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, name: String, line: Int) -> Bool? {
        guard let node, let text = node.scalar?.string, !text.isEmpty else { return nil }
        switch text.lowercased() {
        case "true", "yes", "y", "on": return true
        case "false", "no", "n", "off": return false
        default:
            error(line, "\"\(name)\" should be true or false, not \"\(text)\"")
            return nil
        }
    }

    /// A list of mappings (milestones, key figures), each read by `read`.
    mutating func records<T>(_ key: String, _ read: (inout FieldReader) -> T?) -> [T] {
        guard let node = node(key) else { return [] }
        guard let sequence = node.sequence else {
            if node.scalar?.string.isEmpty == true { return [] }
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
            if node.scalar?.string.isEmpty == true { return nil }
            error(lineOf(key: key), "\"\(key)\" should have named fields")
            return nil
        }
        var reader = FieldReader(path: path, node: node, lineOffset: lineOffset)
        let value = read(&reader)
        problems += reader.problems
        return value
    }
}

extension Node {
    var kindName: String {
        switch self {
        case .scalar: "value"
        case .mapping: "set of fields"
        case .sequence: "list"
        case .alias: "alias"
        }
    }
}

private extension String {
    /// "80,000" and "£80,000" read as numbers: people write money that way.
    var replacingCommas: String {
        var s = self
        s.removeAll { $0 == "," || $0 == "£" || $0 == "_" }
        return s
    }
}
