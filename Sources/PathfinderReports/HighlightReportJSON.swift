import Dispatch
import PathfinderModel

extension HighlightReport {
    /// `json.rendered()`'s bytes, written as a stream: at 52,500 actions the tree of values
    /// `json` makes (over two million of them) and its walk were most of the report's cost
    /// (issue 14). `json` stays the definition of the shape; `HighlightJSONStreamTests` holds
    /// this to it byte for byte.
    public func writeJSON(into s: inout JSONStream) {
        // Every action's row, the last half of a whole store's document, is written on another
        // core while this one writes the rest, then placed after it (issue 14).
        let rows = actions
        let report = self
        let actionsPart = rows.count >= Self.rowsWrittenApart ? InBackground {
            var part = JSONStream(partAt: 1)
            part.key("actions"); report.writeActions(rows, into: &part)
            return part.out
        } : nil
        s.openObject()
        s.key("version"); s.int(RecordJSON.version)
        s.key("report"); s.string("highlight")
        s.key("partnership"); s.string(partnership)
        s.key("area"); if let area { s.string(area) } else { s.null() }
        s.key("as-of"); s.day(asOf)
        s.key("period-end"); s.day(periodEnd)
        s.key("since")
        s.openArray()
        for p in since {
            s.item()
            s.openObject()
            s.key("area"); s.string(p.area)
            s.key("since"); s.day(p.since)
            s.key("why"); s.string(p.explanation)
            s.closeObject()
        }
        s.closeArray()
        s.key("counts")
        s.openObject()
        s.key("actions"); s.int(totalActions)
        s.key("open"); s.int(openActions)
        s.key("overdue"); s.int(overdue.count)
        s.key("status")
        s.openObject()
        for c in statusCounts {
            s.key(c.status); s.int(c.count)
        }
        s.closeObject()
        s.key("rag"); writeRAG(rag, into: &s)
        s.closeObject()
        s.key("overdue"); writeActions(overdue, into: &s)
        s.key("red-and-amber"); writeActions(redAndAmber, into: &s)
        s.key("changes")
        s.openArray()
        changes.forEachInPlace { c in
            s.item()
            s.openObject()
            s.key("date"); s.day(c.pointee.date)
            s.key("action"); s.string(c.pointee.action)
            s.key("kind"); s.string(c.pointee.kind.rawValue)
            s.key("by"); s.string(c.pointee.by)
            let field = c.pointee.kind == .field
            s.key("field"); if field { s.string(c.pointee.field) } else { s.null() }
            s.key("old"); if field { s.string(c.pointee.old) } else { s.null() }
            s.key("new"); if field { s.string(c.pointee.new) } else { s.null() }
            s.key("text"); s.string(c.pointee.text)
            s.closeObject()
            s.flushIfFull()
        }
        s.closeArray()
        s.key("indicators")
        s.openArray()
        for i in indicators {
            s.item()
            s.openObject()
            s.key("action"); s.string(i.action)
            s.key("name"); s.string(i.indicator.name)
            s.key("baseline"); s.number(i.indicator.baseline)
            s.key("current"); s.number(i.indicator.current)
            s.key("target"); s.number(i.indicator.target)
            s.key("unit"); s.string(i.indicator.unit)
            s.key("progress"); s.number(i.progress.map { ($0 * 1000).rounded() / 1000 })
            s.key("course"); s.string(i.course.label)
            s.key("readings")
            s.openArray()
            for r in i.indicator.readings {
                s.item()
                s.openObject()
                s.key("date"); s.day(r.date)
                s.key("value"); s.number(r.value)
                s.key("note"); s.string(r.note)
                s.key("who"); s.string(r.who)
                s.closeObject()
            }
            s.closeArray()
            s.closeObject()
            s.flushIfFull()
        }
        s.closeArray()
        s.key("milestones")
        s.openArray()
        for m in milestones {
            s.item()
            s.openObject()
            s.key("due"); s.day(m.due)
            s.key("action"); s.string(m.action)
            s.key("title"); s.string(m.title)
            s.key("late"); s.bool(m.late)
            s.closeObject()
            s.flushIfFull()
        }
        s.closeArray()
        if let actionsPart {
            s.append(part: actionsPart.result())
        } else {
            s.key("actions"); writeActions(actions, into: &s)
        }
        s.closeObject()
        s.finish()
    }

    /// From how many actions their rows are written on another core.
    static let rowsWrittenApart = 1_000

    private func writeRAG(_ rag: RAGCount, into s: inout JSONStream) {
        s.openObject()
        s.key("red"); s.int(rag.red)
        s.key("amber"); s.int(rag.amber)
        s.key("green"); s.int(rag.green)
        s.closeObject()
    }

    private func writeActions(_ rows: [ReportAction], into s: inout JSONStream) {
        s.openArray()
        // Each row read where it lies: `for a in rows` copied each, retaining a dozen strings.
        rows.forEachInPlace { a in
            s.item()
            s.openObject()
            s.key("id"); s.string(a.pointee.id)
            s.key("area"); s.string(a.pointee.area)
            s.key("title"); s.string(a.pointee.title)
            s.key("lead"); s.string(a.pointee.lead)
            s.key("lead-body"); s.string(a.pointee.leadBody)
            s.key("status"); s.string(a.pointee.status)
            s.key("rag"); s.string(a.pointee.rag.rawValue)
            s.key("due"); s.day(a.pointee.due)
            s.key("days-overdue"); if let days = a.pointee.daysOverdue { s.int(days) } else { s.null() }
            s.key("latest-note")
            if let n = a.pointee.latestNote {
                s.openObject()
                s.key("date"); s.day(n.date)
                s.key("author"); s.string(n.author)
                s.key("text"); s.string(n.text)
                s.closeObject()
            } else {
                s.null()
            }
            s.closeObject()
            s.flushIfFull()
        }
        s.closeArray()
    }
}

/// Work run on another core, its result waited for where it is needed.
private final class InBackground<Value: Sendable>: @unchecked Sendable {
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.value = work()   // written before the signal, read only after the wait
            self.done.signal()
        }
    }

    func result() -> Value {
        done.wait()
        return value!
    }
}

extension Array {
    /// Each element where it lies, through a pointer: `for x in array` copied each, retaining
    /// every string it holds, which at 52,500 rows was a measurable part of a report.
    func forEachInPlace(_ body: (UnsafePointer<Element>) -> Void) {
        withUnsafeBufferPointer { buffer in
            for i in buffer.indices { body(buffer.baseAddress! + i) }
        }
    }
}
