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
    /// A value already written as JSON bytes, laid out as it would be at `depth` (an action
    /// written from the index, `PlainFileStore.indexedActionsJSON`): copied as it is there,
    /// its lines moved when placed at another depth.
    case written(ArraySlice<UInt8>, depth: Int)

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

    /// `renderedBytes()` handed to `chunk` a megabyte or so at a time from one buffer used
    /// again, so a 76 MB list is never held whole (nor copied as it grows).
    public func render(inChunks chunk: (ArraySlice<UInt8>) -> Void) {
        withoutActuallyEscaping(chunk) { chunk in
            var out: [UInt8] = []
            out.reserveCapacity(Self.chunkSize + (1 << 16))
            write(into: &out, depth: 0) { out in
                chunk(out[...])
                out.removeAll(keepingCapacity: true)
            }
            out.append(0x0A)
            chunk(out[...])
        }
    }

    static let chunkSize = 1 << 20

    /// `flush`, when given, takes what is written so far after an array's item once it is
    /// over `chunkSize`.
    func write(into out: inout [UInt8], depth: Int, flush: ((inout [UInt8]) -> Void)? = nil) {
        switch self {
        case let .string(s): JSONBytes.quote(s, into: &out)
        case let .number(v): out.append(contentsOf: (v.isFinite ? Number.format(v) : "null").utf8)
        case let .int(n): out.append(contentsOf: String(n).utf8)
        case let .bool(b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case let .written(bytes, at):
            guard at != depth else { return out.append(contentsOf: bytes) }
            // Strings hold no raw line feed: each line feed starts a line indented for `at`.
            var dropping = 0
            for b in bytes {
                if dropping > 0, b == UInt8(ascii: " ") {
                    dropping -= 1
                    continue
                }
                dropping = 0
                out.append(b)
                if b == 0x0A {
                    if depth > at { JSONBytes.indent(depth - at, into: &out) } else { dropping = (at - depth) * 2 }
                }
            }
        case let .array(items):
            guard !items.isEmpty else { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                JSONBytes.indent(depth + 1, into: &out)
                item.write(into: &out, depth: depth + 1, flush: flush)
                out.append(contentsOf: (i == items.count - 1 ? "\n" : ",\n").utf8)
                if let flush, out.count >= Self.chunkSize { flush(&out) }
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
                pair.1.write(into: &out, depth: depth + 1, flush: flush)
                out.append(contentsOf: (i == pairs.count - 1 ? "\n" : ",\n").utf8)
            }
            JSONBytes.indent(depth, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }
}

/// CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they need it.
enum CSV {
    static func render(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(Escape.csv).joined(separator: ",") + "\r\n" }.joined()
    }
}
