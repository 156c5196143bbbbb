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
    public func rendered() -> String { String(decoding: renderedBytes(), as: UTF8.self) }

    /// `rendered()` as UTF-8 bytes, written straight into one buffer: a list of 50,000
    /// actions is built without a string per value (issue 14's `list actions --json`).
    public func renderedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(into: &out, depth: 0)
        out.append(0x0A)
        return out
    }

    private func write(into out: inout [UInt8], depth: Int) {
        switch self {
        case let .string(s): JSONBytes.quote(s, into: &out)
        case let .number(v): out.append(contentsOf: (v.isFinite ? Number.format(v) : "null").utf8)
        case let .int(n): out.append(contentsOf: String(n).utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case let .array(items):
            guard !items.isEmpty else { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                JSONBytes.indent(depth + 1, into: &out)
                item.write(into: &out, depth: depth + 1)
                out.append(contentsOf: (i == items.count - 1 ? "\n" : ",\n").utf8)
            }
            JSONBytes.indent(depth, into: &out)
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            guard !pairs.isEmpty else { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (i, pair) in pairs.enumerated() {
                JSONBytes.indent(depth + 1, into: &out)
                JSONBytes.quote(pair.0, into: &out)
                out.append(contentsOf: ": ".utf8)
                pair.1.write(into: &out, depth: depth + 1)
                out.append(contentsOf: (i == pairs.count - 1 ? "\n" : ",\n").utf8)
            }
            JSONBytes.indent(depth, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }
}

/// JSON text written as UTF-8 bytes.
enum JSONBytes {
    static func indent(_ depth: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    /// `Escape.json(text)` appended as bytes, the same bytes: quote and backslash escaped,
    /// line feed, carriage return and tab by their letters, every other control below U+0020
    /// and the line and paragraph separators U+2028/U+2029 as lowercase `\uXXXX`; everything
    /// else (DEL, C1, bidi controls) as it is, as `Escape.json` leaves it. A Swift string is
    /// valid UTF-8, so walking its bytes finds the same characters as walking its scalars.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            var copied = 0  // bytes before this index are already in `out`
            while i < bytes.count {
                let b = bytes[i]
                var escape: [UInt8]? = nil
                var length = 1
                if b == UInt8(ascii: "\"") { escape = Array("\\\"".utf8) }
                else if b == UInt8(ascii: "\\") { escape = Array("\\\\".utf8) }
                else if b == 0x0A { escape = Array("\\n".utf8) }
                else if b == 0x0D { escape = Array("\\r".utf8) }
                else if b == 0x09 { escape = Array("\\t".utf8) }
                else if b < 0x20 { escape = unicodeEscape(UInt32(b)) }
                else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    escape = unicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                    length = 3
                }
                if let escape {
                    out.append(contentsOf: bytes[copied..<i])
                    out.append(contentsOf: escape)
                    copied = i + length
                }
                i += length
            }
            out.append(contentsOf: bytes[copied..<bytes.count])
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [UInt8(ascii: "\\"), UInt8(ascii: "u"), digits[Int(value >> 12 & 0xF)], digits[Int(value >> 8 & 0xF)],
                digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]]
    }
}

/// CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they need it.
enum CSV {
    static func render(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(Escape.csv).joined(separator: ",") + "\r\n" }.joined()
    }
}
