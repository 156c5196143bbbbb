import PathfinderModel

/// A JSON value that keeps its keys in the order written, so exports diff cleanly run to run.
public indirect enum JSONValue: Hashable, Sendable {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.rendered() == b.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    static func day(_ d: Day?) -> JSONValue { d.map { .string($0.iso) } ?? .null }
    static func text(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    static func number(_ v: Double?) -> JSONValue { v.map { .number($0) } ?? .null }

    /// Pretty-printed with two spaces, keys in the order given, ending with a newline.
    public func rendered() -> String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private func write(into out: inout String, indent: String) {
        switch self {
        case let .string(s): out += Escape.json(s)
        case let .number(v):
            out += v.isFinite ? Number.format(v) : "null"
        case let .int(n): out += String(n)
        case let .bool(b): out += b ? "true" : "false"
        case .null: out += "null"
        case let .array(items):
            guard !items.isEmpty else { out += "[]"; return }
            let inner = indent + "  "
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.write(into: &out, indent: inner)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case let .object(pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            let inner = indent + "  "
            out += "{\n"
            for (i, pair) in pairs.enumerated() {
                out += inner + Escape.json(pair.0) + ": "
                pair.1.write(into: &out, indent: inner)
                out += i == pairs.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }
}

/// CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they need it.
enum CSV {
    static func render(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(Escape.csv).joined(separator: ",") + "\r\n" }.joined()
    }
}
