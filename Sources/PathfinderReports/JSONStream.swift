import PathfinderModel

/// Writes JSON value by value in `JSONValue.renderedBytes()`'s layout (two spaces an indent,
/// `": "`, one item a line, `[]` and `{}` when empty), handing the bytes on a megabyte or so
/// at a time: a whole store's report (67 MB at 52,500 actions) is written without a tree of
/// values or the document in memory (issue 14).
///
/// Open and close must pair; a key comes before each value inside an object, never inside an
/// array. `JSONStreamTests` and `HighlightJSONStreamTests` hold it to `JSONValue`'s bytes.
public struct JSONStream {
    public private(set) var out: [UInt8] = []
    private var depth = 0
    /// Whether the open array or object has no item yet; one per level opened.
    private var empty: [Bool] = []
    private let flush: ((ArraySlice<UInt8>) -> Void)?

    /// `flush` receives the bytes whenever over `JSONValue.chunkSize` are waiting, and the
    /// rest at `finish()`; without it everything stays in `out`.
    public init(flush: ((ArraySlice<UInt8>) -> Void)? = nil) {
        self.flush = flush
        out.reserveCapacity(JSONValue.chunkSize + (1 << 16))
    }

    /// A stream for a part of a document written apart (on another core) and placed later with
    /// `append(part:)`: it starts `depth` levels in, where the levels open already hold items,
    /// so its first key or item is written after a comma. Everything stays in `out`.
    public init(partAt depth: Int) {
        flush = nil
        self.depth = depth
        empty = Array(repeating: false, count: depth)
    }

    /// Places a part written apart (`init(partAt:)` at this stream's depth, its open level
    /// holding items already), handing on what was waiting first.
    public mutating func append(part: [UInt8]) {
        precondition(empty.last == false, "a part goes after the items of its level")
        if let flush {
            flush(out[...])
            out.removeAll(keepingCapacity: true)
            flush(part[...])
        } else {
            out += part
        }
    }

    /// The closing line feed, and the last bytes handed on.
    public mutating func finish() {
        out.append(0x0A)
        if let flush {
            flush(out[...])
            out.removeAll(keepingCapacity: true)
        }
    }

    public mutating func openObject() { open(UInt8(ascii: "{")) }
    public mutating func closeObject() { close(UInt8(ascii: "}")) }
    public mutating func openArray() { open(UInt8(ascii: "[")) }
    public mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// Starts the next pair of the open object.
    public mutating func key(_ name: String) {
        item()
        JSONBytes.quote(name, into: &out)
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
    }

    /// Starts the next item of the open array (before a value, `openObject` or `openArray`).
    public mutating func item() {
        if let last = empty.last {
            if !last { out.append(UInt8(ascii: ",")) }
            empty[empty.count - 1] = false
            out.append(0x0A)
            JSONBytes.indent(depth, into: &out)
        }
    }

    public mutating func string(_ s: String) { JSONBytes.quote(s, into: &out) }
    public mutating func int(_ n: Int) { out.append(contentsOf: String(n).utf8) }
    public mutating func bool(_ b: Bool) { out.append(contentsOf: (b ? "true" : "false").utf8) }
    public mutating func null() { out.append(contentsOf: "null".utf8) }

    public mutating func number(_ v: Double?) {
        guard let v, v.isFinite else { return null() }
        out.append(contentsOf: Number.format(v).utf8)
    }

    /// A day as `"YYYY-MM-DD"`, or `null`.
    public mutating func day(_ d: Day?) {
        guard let d else { return null() }
        d.appendQuotedISO(to: &out)   // a report writes some 200,000 days
    }

    /// A small value built as a tree (a report's header), laid out where the stream stands.
    public mutating func value(_ v: JSONValue) { v.write(into: &out, depth: depth) }

    /// Hands the bytes on when enough are waiting; called between items, where a cut is cheap.
    public mutating func flushIfFull() {
        guard let flush, out.count >= JSONValue.chunkSize else { return }
        flush(out[...])
        out.removeAll(keepingCapacity: true)
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        empty.append(true)
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if empty.removeLast() == false {
            out.append(0x0A)
            JSONBytes.indent(depth, into: &out)
        }
        out.append(bracket)
    }
}
