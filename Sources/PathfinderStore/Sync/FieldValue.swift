import PathfinderModel

/// A front matter value as the merge sees it, whatever the file and whether or not the program
/// knows the field: text, a list, or a record of named fields (in the order written). Where a
/// value came from in the file is dropped, so two values are equal when they say the same.
public indirect enum FieldValue: Hashable, Sendable {
    case text(String)
    case list([FieldValue])
    case record([FieldPair])

    /// The field of a record by name.
    public subscript(key: String) -> FieldValue? {
        if case let .record(pairs) = self { return pairs.first { $0.key == key }?.value }
        return nil
    }

    public var text: String? { if case let .text(s) = self { s } else { nil } }
    public var items: [FieldValue]? { if case let .list(items) = self { items } else { nil } }
    public var pairs: [FieldPair]? { if case let .record(pairs) = self { pairs } else { nil } }

    /// What identifies a record in a list across versions: its first text field (a milestone's
    /// title, a key figure's label, a steering group member's name, a meeting item's action).
    /// Lists of text are identified by the text itself.
    var identity: String? {
        switch self {
        case let .text(s): return s
        case let .record(pairs):
            for key in ["id", "title", "label", "name", "action"] {
                if let value = pairs.first(where: { $0.key == key })?.value.text { return value }
            }
            return pairs.first?.value.text
        case .list: return nil
        }
    }

    /// The value for people, on one line: text as it is, lists joined with commas, records as
    /// `name: value` pairs.
    public var display: String {
        switch self {
        case let .text(s): return TerminalSafe.line(s)
        case let .list(items): return items.isEmpty ? "(none)" : items.map(\.display).joined(separator: ", ")
        case let .record(pairs):
            return pairs.map { "\($0.key): \($0.value.display)" }.joined(separator: "; ")
        }
    }

    /// Converts a parsed YAML node; nil for an alias (no store field holds one).
    init?(_ node: YNode) {
        switch node.kind {
        case let .scalar(s): self = .text(s)
        case let .sequence(items):
            var values: [FieldValue] = []
            for item in items {
                guard let value = FieldValue(item) else { return nil }
                values.append(value)
            }
            self = .list(values)
        case let .mapping(pairs):
            var values: [FieldPair] = []
            for pair in pairs {
                guard let key = pair.key.scalar, let value = FieldValue(pair.value) else { return nil }
                values.append(FieldPair(key: key, value: value))
            }
            self = .record(values)
        case .alias: return nil
        }
    }
}

public struct FieldPair: Hashable, Sendable {
    public var key: String
    public var value: FieldValue
}

extension FieldValue: Codable {
    // Text is a JSON string; a list {"list": [...]}; a record {"record": [{"key", "value"}]},
    // so the order of a record's fields survives the round trip.
    private enum Keys: String, CodingKey { case list, record }
    private struct Pair: Codable {
        var key: String
        var value: FieldValue
    }

    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self = .text(text)
            return
        }
        let container = try decoder.container(keyedBy: Keys.self)
        if let items = try container.decodeIfPresent([FieldValue].self, forKey: .list) {
            self = .list(items)
        } else {
            let pairs = try container.decode([Pair].self, forKey: .record)
            self = .record(pairs.map { FieldPair(key: $0.key, value: $0.value) })
        }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case let .text(s):
            var single = encoder.singleValueContainer()
            try single.encode(s)
        case let .list(items):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(items, forKey: .list)
        case let .record(pairs):
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(pairs.map { Pair(key: $0.key, value: $0.value) }, forKey: .record)
        }
    }
}

/// Writes a top-level field back as front matter lines, through the store's canonical writer
/// (`CanonicalYAML`): the shapes the store uses (text, lists of text, lists of records,
/// records of text) in its own styles, and anything deeper in the same block style.
enum FieldWriter {
    /// `key: value` lines. `flow` asks for a list of text as `[a, b]` (as the field was written).
    static func block(_ key: String, _ value: FieldValue, flow: Bool) -> String {
        switch value {
        case let .text(s):
            return CanonicalYAML.field(key, scalar(s))
        case let .list(items):
            if items.isEmpty { return "\(key): []\n" }
            let texts = items.compactMap(\.text)
            if texts.count == items.count {
                return flow ? CanonicalYAML.flowList(key, texts) : CanonicalYAML.blockList(key, texts)
            }
            if let records = recordsOfSimpleFields(items) { return CanonicalYAML.records(key, records) }
            return nested(key, value, indent: 0)
        case let .record(pairs):
            if pairs.isEmpty { return "\(key): {}\n" }
            if pairs.allSatisfy({ $0.value.text != nil }) {
                return CanonicalYAML.mapping(key, pairs.map { ($0.key, scalar($0.value.text!)) })
            }
            return nested(key, value, indent: 0)
        }
    }

    /// Text as the program writes it: dates, numbers and true/false plain (the store reads every
    /// value as text and types it by field), anything YAML could misread in double quotes.
    static func scalar(_ s: String) -> String {
        if Day(iso: s) != nil || s == "true" || s == "false" { return s }
        if !s.isEmpty, s.count < 20, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
           s.first != ".", s.last != ".", s.filter({ $0 == "." }).count <= 1 {
            return s
        }
        return CanonicalYAML.scalar(s)
    }

    /// Lists of records whose fields are text or lists of text (milestones, key figures, a
    /// meeting's items) in the canonical record style.
    private static func recordsOfSimpleFields(_ items: [FieldValue]) -> [[(String, RecordValue)]]? {
        var out: [[(String, RecordValue)]] = []
        for item in items {
            guard let pairs = item.pairs, !pairs.isEmpty else { return nil }
            var fields: [(String, RecordValue)] = []
            for pair in pairs {
                if let s = pair.value.text {
                    fields.append((pair.key, .inline(scalar(s))))
                } else if let list = pair.value.items, !list.isEmpty, list.allSatisfy({ $0.text != nil }) {
                    fields.append((pair.key, .list(list.compactMap(\.text))))
                } else if let list = pair.value.items, list.isEmpty {
                    fields.append((pair.key, .inline("[]")))
                } else {
                    return nil
                }
            }
            out.append(fields)
        }
        return out
    }

    /// Any value in block style, two spaces a level, the way the canonical writer indents.
    private static func nested(_ key: String, _ value: FieldValue, indent: Int) -> String {
        block(key + ":", value, indent: indent)
    }

    /// A value after its lead ("key:" for a field, "-" for a list item) at `indent` spaces.
    private static func block(_ lead: String, _ value: FieldValue, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case let .text(s): return "\(pad)\(lead) \(scalar(s))\n"
        case let .list(items):
            if items.isEmpty { return "\(pad)\(lead) []\n" }
            return "\(pad)\(lead)\n" + items.map { block("-", $0, indent: indent + 2) }.joined()
        case let .record(pairs):
            if pairs.isEmpty { return "\(pad)\(lead) {}\n" }
            let fields = pairs.map { nested($0.key, $0.value, indent: indent + 2) }.joined()
            // An item's record starts on the dash's line: the first field's indentation
            // replaced by "- ".
            return lead == "-" ? pad + "- " + fields.dropFirst(indent + 2) : "\(pad)\(lead)\n" + fields
        }
    }
}
