import PathfinderModel

extension ActionRecord {
    /// The action in `bytes` as JSON of the one shape (docs/json.md; `RecordJSON.action` in
    /// PathfinderReports), the object placed at `depth`, written straight from the record:
    /// a store-wide `list actions --json` makes no `Action`, string or JSON tree for the
    /// actions it prints (issue 14). `RecordJSON.action` stays the definition of the shape;
    /// this writes the same bytes, which `IndexJSONTests` checks against it on the sample
    /// store and on unusual text. False (with `out` partly written) when the bytes are not a
    /// whole record.
    static func writeJSON(_ bytes: UnsafeRawBufferPointer, overdue: Bool, depth: Int, into out: inout [UInt8]) -> Bool {
        var w = RecordJSONWriter(reader: BinaryReader(bytes), depth: depth)
        defer { swap(&out, &w.out) }
        swap(&out, &w.out)
        return w.action(overdue: overdue)
    }
}

/// Writes JSON as `JSONValue.renderedBytes()` lays it out (two spaces an indent, `": "`,
/// one item a line), reading the values from an `ActionRecord` in its order.
private struct RecordJSONWriter {
    var reader: BinaryReader
    var out: [UInt8] = []
    /// The depth of the object or array being written.
    var depth: Int
    var first = true
    var firsts: [Bool] = []

    init(reader: BinaryReader, depth: Int) {
        self.reader = reader
        self.depth = depth
    }

    mutating func open(_ bracket: Character) {
        out.append(bracket.asciiValue!)
        out.append(0x0A)
        firsts.append(first)
        first = true
        depth += 1
    }

    mutating func close(_ bracket: Character) {
        out.append(0x0A)
        depth -= 1
        JSONBytes.indent(depth, into: &out)
        out.append(bracket.asciiValue!)
        first = firsts.removeLast()
    }

    /// Starts the next item of the open array.
    mutating func item() {
        if !first { out.append(contentsOf: [UInt8(ascii: ","), 0x0A]) }
        first = false
        JSONBytes.indent(depth, into: &out)
    }

    /// Starts the next pair of the open object; keys are plain ASCII, needing no escape.
    mutating func key(_ name: StaticString) {
        item()
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    mutating func literal(_ text: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func quote(_ raw: UnsafeRawBufferPointer) {
        JSONBytes.quote(bytes: UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count), into: &out)
    }

    /// The next string of the record, quoted.
    mutating func string() -> Bool {
        guard let n = reader.count(), let s = reader.slice(n) else { return false }
        quote(s)
        return true
    }

    mutating func strings() -> Bool {
        guard let n = reader.count(), n <= reader.bytes.count - reader.at else { return false }
        guard n > 0 else {
            literal("[]")
            return true
        }
        open("[")
        for _ in 0..<n {
            item()
            guard string() else { return false }
        }
        close("]")
        return true
    }

    mutating func bool(_ b: Bool) { b ? literal("true") : literal("false") }

    mutating func number(_ v: Double?) {
        guard let v, v.isFinite else { return literal("null") }
        out.append(contentsOf: Number.format(v).utf8)
    }

    /// A day as `YYYY-MM-DD`, or null; false past the end.
    mutating func day() -> Bool {
        guard let d = reader.day() else { return false }
        write(d)
        return true
    }

    mutating func write(_ day: Day?) {
        guard let day else { return literal("null") }
        day.appendQuotedISO(to: &out)
    }

    /// `RecordJSON.action`'s keys in its order, from the record's fields in theirs.
    mutating func action(overdue: Bool) -> Bool {
        open("{")
        key("id"); guard string() else { return false }
        key("area"); guard string() else { return false }
        key("title"); guard string() else { return false }
        key("theme"); guard string() else { return false }
        key("success-factors"); guard strings() else { return false }
        key("lead"); guard string() else { return false }
        key("lead-body"); guard string() else { return false }
        key("partners"); guard strings() else { return false }
        key("status"); guard string() else { return false }
        guard let ragIndex = reader.byte(), Int(ragIndex) < RAG.all.count else { return false }
        key("rag"); JSONBytes.quote(RAG.all[Int(ragIndex)].rawValue, into: &out)
        key("start"); guard day() else { return false }
        key("due"); guard day() else { return false }
        key("overdue"); bool(overdue)
        key("milestones")
        guard let milestones = reader.count(), milestones <= reader.bytes.count - reader.at else { return false }
        if milestones == 0 { literal("[]") } else {
            open("[")
            for _ in 0..<milestones {
                item()
                open("{")
                key("title"); guard string() else { return false }
                key("due"); guard day() else { return false }
                guard let done = reader.byte() else { return false }
                key("done"); bool(done == 1)
                close("}")
            }
            close("]")
        }
        key("indicator")
        guard let hasIndicator = reader.byte() else { return false }
        if hasIndicator == 1 {
            open("{")
            key("name"); guard string() else { return false }
            guard let baseline = reader.double(), let target = reader.double(), let current = reader.optionalDouble() else { return false }
            key("baseline"); number(baseline)
            key("target"); number(target)
            key("current"); number(current)
            key("unit"); guard string() else { return false }
            guard let direction = reader.string() else { return false }
            key("direction")
            if let known = IndicatorDirection(rawValue: direction) { JSONBytes.quote(known.rawValue, into: &out) } else { literal("null") }
            key("laa-target"); guard string() else { return false }
            key("readings")
            guard let readings = reader.count(), readings <= reader.bytes.count - reader.at else { return false }
            if readings == 0 { literal("[]") } else {
                open("[")
                for _ in 0..<readings {
                    item()
                    open("{")
                    // A reading always has its day (the decoder refuses one without).
                    guard let date = reader.day(), let day = date else { return false }
                    key("date"); write(day)
                    guard let value = reader.double() else { return false }
                    key("value"); number(value)
                    key("note"); guard string() else { return false }
                    key("who"); guard string() else { return false }
                    close("}")
                }
                close("]")
            }
            close("}")
        } else {
            literal("null")
        }
        key("funding")
        guard let hasFunding = reader.byte() else { return false }
        if hasFunding == 1 {
            guard let amount = reader.optionalDouble(), let term = reader.optionalDouble(), let notice = reader.optionalDouble(),
                  let recovery = reader.byte() else { return false }
            open("{")
            key("amount"); number(amount)
            key("term-years"); number(term)
            key("notice-months"); number(notice)
            key("full-cost-recovery")
            if recovery == 0 { literal("null") } else { bool(recovery == 1) }
            close("}")
        } else {
            literal("null")
        }
        key("case-studies"); guard strings() else { return false }
        // depends-on is in the record, not in the JSON shape.
        guard let dependsOn = reader.count() else { return false }
        for _ in 0..<dependsOn { guard reader.string() != nil else { return false } }
        key("reviewed"); guard day() else { return false }
        key("updated"); guard day() else { return false }
        key("updated-by"); guard string() else { return false }
        key("source"); guard string() else { return false }
        key("description"); guard string() else { return false }
        key("progress")
        guard let joinedCount = reader.count(), let joined = reader.slice(joinedCount), let notes = reader.count(),
              notes <= reader.bytes.count - reader.at else { return false }
        if notes == 0 {
            guard joined.isEmpty else { return false }
            literal("[]")
        } else {
            open("[")
            var start = 0
            for i in 0..<notes {
                guard let date = reader.day(), let day = date, let authorCount = reader.count(), let author = reader.slice(authorCount),
                      let end = reader.count(), end >= start, end <= joined.count else { return false }
                // As `ProgressLog(joinedText:...)` checks: a newline between notes, none after the last.
                if i < notes - 1 {
                    guard end < joined.count, joined[end] == 0x0A else { return false }
                } else {
                    guard end == joined.count else { return false }
                }
                item()
                open("{")
                key("date"); write(day)
                key("author"); quote(author)
                key("text"); quote(UnsafeRawBufferPointer(rebasing: joined[start..<end]))
                close("}")
                start = end + 1
            }
            close("]")
        }
        close("}")
        return reader.atEnd
    }
}
