import PathfinderModel
@testable import PathfinderReports
@testable import PathfinderStore
import Testing

/// Issue 14's whole-store `report --format json`: the highlight report streamed
/// (`HighlightReport.writeJSON`) is `json.rendered()` byte for byte, and the index's short
/// read for it (`ActionRecord.decode(_:notesFrom:)`) keeps exactly the notes it prints.
@Suite struct HighlightJSONStreamTests {
    static func streamed(_ report: HighlightReport) -> String {
        var s = JSONStream()
        report.writeJSON(into: &s)
        return String(decoding: s.out, as: UTF8.self)
    }

    @Test func theStreamIsTheTreesBytesOnTheSampleStore() throws {
        let p = try SampleStore.load()
        for area in [nil, "portsmouth", "dorset"] {
            for since in [nil, Day(iso: "2006-12-01")!, Day(iso: "2007-06-01")!] {
                for day in [asOf, Day(iso: "2007-06-30")!, Day(iso: "2006-01-01")!] {
                    let report = HighlightReport.build(p, area: area, since: since, asOf: day, charts: false)
                    #expect(Self.streamed(report) == report.json.rendered(), "\(area ?? "all") since \(since?.iso ?? "-") as of \(day.iso)")
                }
            }
        }
    }

    /// Text JSON must escape, empty lists and objects (no actions, no statuses), notes without
    /// text, an unknown status, and a document long enough to be handed on in chunks.
    @Test func theStreamIsTheTreesBytesOnUnusualAndLargeReports() throws {
        let day = Day(iso: "2007-03-31")!
        let empty = Partnership(title: "Empty \"store\"\u{2028}", asOf: day)
        var report = HighlightReport.build(empty, asOf: day, charts: false)
        #expect(Self.streamed(report) == report.json.rendered())
        #expect(Self.streamed(report).contains("\"actions\": []"))

        let sample = try SampleStore.load()
        var actions: [Action] = []
        for n in 0..<3_000 {
            var a = IndexJSONTests.unusual
            a.id = "PO-\(1000 + n)"
            a.status = n % 7 == 0 ? "no-such-status" : ["in-progress", "done", "blocked"][n % 3]
            a.rag = RAG.all[n % 3]
            a.due = day.adding(days: n % 40 - 20)
            a.leadBody = n % 2 == 0 ? (sample.organisations.first?.id ?? "") : "Free text body"
            actions.append(a)
        }
        let big = Partnership(title: sample.title, asOf: day, catalogue: sample.catalogue, areas: sample.areas,
                              actions: actions, meetings: sample.meetings, organisations: sample.organisations)
        report = HighlightReport.build(big, asOf: day, charts: false)
        let expected = report.json.rendered()
        #expect(expected.utf8.count > 3 * JSONValue.chunkSize, "a document of several chunks")
        #expect(report.actions.count >= HighlightReport.rowsWrittenApart, "the rows written on another core, then placed")
        #expect(report.actions.count >= HighlightReport.rowsMadeApart, "the rows made in two halves")
        #expect(report.actions.map(\.id) == big.actions.map(\.id), "every row, in the actions' order")
        #expect(Self.streamed(report) == expected, "kept whole, not handed on")
        var chunks: [[UInt8]] = []
        var s = JSONStream { chunks.append(Array($0)) }
        report.writeJSON(into: &s)
        #expect(s.out.isEmpty, "everything handed on at the end")
        #expect(chunks.count > 3)
        #expect(String(decoding: chunks.joined(), as: UTF8.self) == expected)
    }

    @Test func aStreamLaysOutAsATree() {
        var s = JSONStream()
        s.openObject()
        s.key("a"); s.openArray(); s.closeArray()
        s.key("b"); s.openObject(); s.closeObject()
        s.key("c"); s.openArray()
        s.item(); s.openArray(); s.item(); s.int(1); s.closeArray()
        s.item(); s.value(.object([("x", .null), ("y", .array([.bool(true)]))]))
        s.item(); s.day(Day(iso: "0999-01-02")); s.item(); s.day(nil); s.item(); s.number(.nan); s.item(); s.number(2.5)
        s.closeArray()
        s.closeObject()
        s.finish()
        let tree = JSONValue.object([
            ("a", .array([])), ("b", .object([])),
            ("c", .array([.array([.int(1)]), .object([("x", .null), ("y", .array([.bool(true)]))]), .string("0999-01-02"), .null, .null,
                          .number(2.5)])),
        ])
        #expect(String(decoding: s.out, as: UTF8.self) == tree.rendered())
    }

    /// The short read is the whole read less the description and the notes the report does
    /// not print: the latest (the last written of the latest day) and those from the area's day.
    @Test func theReportsReadKeepsTheLatestNoteAndThoseFromItsDay() throws {
        var actions = try IndexJSONTests.actions()
        var tied = IndexJSONTests.unusual
        tied.id = "PO-98"
        tied.progress = ProgressLog([ProgressEntry(date: Day(iso: "2006-11-01")!, author: "a", text: "first"),
                                     ProgressEntry(date: Day(iso: "2006-12-20")!, author: "b", text: "latest, first of two"),
                                     ProgressEntry(date: Day(iso: "2006-12-01")!, author: "c", text: "on the day"),
                                     ProgressEntry(date: Day(iso: "2006-12-20")!, author: "d", text: "latest, last of two"),
                                     ProgressEntry(date: Day(iso: "2006-11-30")!, author: "e", text: "the day before")])
        actions.append(tied)
        let days: [[String: Day]] = [[:], ["portsmouth": Day(iso: "2006-12-01")!], ["portsmouth": Day(iso: "2030-01-01")!],
                                     Dictionary(uniqueKeysWithValues: ["portsmouth", "dorset", "cumbria", "nottingham", "tower-hamlets", "x"]
                                         .map { ($0, Day(iso: "2006-11-15")!) })]
        for a in actions {
            let record = ActionRecord.encode(a)
            for notesFrom in days {
                let short = record.withUnsafeBytes { ActionRecord.decode($0, notesFrom: notesFrom) }
                var expected = a
                expected.description = ""
                let latestDay = a.progress.map(\.date).max()
                let latest = a.progress.indices.last { a.progress[$0].date == latestDay }
                expected.progress = ProgressLog(a.progress.enumerated().filter { i, note in
                    i == latest || notesFrom[a.area].map { note.date >= $0 } == true
                }.map(\.element))
                // As records: an indicator's NaN is not equal to itself.
                #expect(short.map(ActionRecord.encode) == ActionRecord.encode(expected), "\(a.id) from \(notesFrom[a.area]?.iso ?? "-")")
                #expect(short?.latestProgress == a.latestProgress)
            }
            // A damaged record is refused by both reads alike, so both send the question back to the files.
            for cut in [1, 4, record.count / 2, record.count - 1] where cut < record.count {
                let bytes = Array(record.prefix(cut))
                let full = bytes.withUnsafeBytes { ActionRecord.decode($0, full: true) }
                let short = bytes.withUnsafeBytes { ActionRecord.decode($0, notesFrom: [:]) }
                #expect((full == nil) == (short == nil), "\(a.id) cut at \(cut)")
            }
        }
        let short = ActionRecord.encode(tied).withUnsafeBytes { ActionRecord.decode($0, notesFrom: ["portsmouth": Day(iso: "2006-12-01")!]) }
        #expect(short?.progress.map(\.author) == ["b", "c", "d"])
        #expect(short?.latestProgress?.author == "d")
    }
}
