import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PathfinderModel
@testable import PathfinderReports
import PathfinderStore
import Testing

let asOf = Day(iso: "2006-12-15")!

enum SampleStore {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-areas").resolvingSymlinksInPath()

    static func load() throws -> Partnership {
        let result = try PlainFileStore(root: root).load()
        #expect(result.errors.isEmpty, "the sample store has errors: \(result.errors)")
        return result.partnership
    }
}

/// Golden files: Goldens/NAME holds the expected output byte for byte.
/// `PATHFINDER_RECORD_GOLDENS=1 swift test --filter PathfinderReportsTests` writes them instead.
enum ReportGoldens {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PATHFINDER_RECORD_GOLDENS"] == "1" {
            do { try Data(text.utf8).write(to: url) } catch { Issue.record("could not record \(name): \(error)", sourceLocation: sourceLocation) }
            return
        }
        let expected = (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
            ?? Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Goldens").flatMap { try? String(contentsOf: $0, encoding: .utf8) }
        guard let expected else {
            Issue.record("no golden \(name); record it with PATHFINDER_RECORD_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            Issue.record("\(name) differs at line \(line + 1):\n  golden: \(line < a.count ? String(a[line]) : "(end)")\n  actual: \(line < b.count ? String(b[line]) : "(end)")",
                         sourceLocation: sourceLocation)
        }
    }
}

@Suite struct ReportGoldenTests {
    let extensions: [ReportFormat: String] = [.terminal: "txt", .markdown: "md", .html: "html", .csv: "csv", .json: "json"]

    @Test func everyReportInEveryFormatMatchesItsGolden() throws {
        let p = try SampleStore.load()
        let reports: [(String, any RenderableReport)] = [
            ("highlight", HighlightReport.build(p, asOf: asOf)),
            ("highlight-portsmouth", HighlightReport.build(p, area: "portsmouth", asOf: asOf)),
            ("factors", FactorMatrixReport.build(p, asOf: asOf)),
            ("funding", FundingRegisterReport.build(p, asOf: asOf)),
        ]
        for (name, report) in reports {
            for format in ReportFormat.allCases {
                ReportGoldens.check(report.render(format), "\(name).\(extensions[format]!)")
            }
        }
    }

    @Test func minutesOfTheSampleMeetingMatchTheirGoldens() throws {
        let p = try SampleStore.load()
        let meeting = try #require(p.meetings.first { $0.id == "portsmouth/2006-11-28-steering-group" })
        let minutes = Minutes.build(meeting, in: p)
        ReportGoldens.check(minutes.render(.markdown), "minutes.md")
        ReportGoldens.check(minutes.render(.html), "minutes.html")
    }
}

@Suite struct HighlightReportTests {
    /// Many changes are sorted on their ids' ranks (`inChangeOrder`): the order must be the
    /// one comparing ids as strings gives ("PO-10" before "PO-9"), ties kept as they came.
    @Test func manyChangesSortAsTheirIdsCompareAsText() {
        let kinds: [ReportChange.Kind] = [.note, .updated, .created, .field, .decision]
        var changes: [ReportChange] = []
        for n in 0..<(HighlightReport.rankedFrom + 500) {
            let id = ["PO-\(n % 37)", "po-\(n % 5)", "PO-\(n % 11)0", "ÉC-\(n % 3)", "PO-9"][n % 5]
            changes.append(ReportChange(date: Day(iso: "2006-12-01")!.adding(days: n % 4), action: id, area: "a", title: "",
                                        kind: kinds[(n / 5) % 5], by: "", field: "", old: "", new: "", text: "\(n)"))
        }
        let order: [ReportChange.Kind: Int] = [.created: 0, .field: 1, .decision: 2, .note: 3, .updated: 4]
        // A stable sort by (day, id as text, kind): what the report always meant.
        let expected = changes.enumerated().sorted {
            ($0.element.date, $0.element.action, order[$0.element.kind]!, $0.offset) < ($1.element.date, $1.element.action, order[$1.element.kind]!, $1.offset)
        }.map(\.element)
        #expect(HighlightReport.inChangeOrder(changes) == expected)
        #expect(HighlightReport.inChangeOrder(Array(changes.prefix(300))) == expected.filter { Int($0.text)! < 300 })
    }

    /// The changes are sorted in place by following the permutation's cycles.
    @Test func aPermutationIsAppliedInPlace() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 7, 100, 1_000] {
            let items = (0..<count).map { "item \($0)" }
            let order = Array(0..<count).shuffled(using: &generator)
            var permuted = items, used = order
            HighlightReport.permute(&permuted, to: &used)
            #expect(permuted == order.map { items[$0] }, "\(count) items")
        }
    }

    @Test func changesStartAtTheAreasLastMeetingOrThirtyDaysBefore() throws {
        let p = try SampleStore.load()
        let portsmouth = HighlightReport.build(p, area: "portsmouth", asOf: asOf)
        #expect(portsmouth.since.map(\.since) == [Day(iso: "2006-11-28")!])
        #expect(portsmouth.changes.allSatisfy { $0.date >= Day(iso: "2006-11-28")! })
        // The meeting's own changes are listed, by field.
        #expect(portsmouth.changes.contains { $0.kind == .field && $0.action == "PO-04" && $0.field == "status" && $0.new == "blocked" })
        // Cumbria has no meeting: thirty days before the as-of date.
        let cumbria = HighlightReport.build(p, area: "cumbria", asOf: asOf)
        #expect(cumbria.since.map(\.since) == [Day(iso: "2006-11-15")!])
        // An explicit date wins, and narrows.
        let late = HighlightReport.build(p, area: "portsmouth", since: Day(iso: "2006-12-01")!, asOf: asOf)
        #expect(late.changes.map(\.action) == ["PO-05"])
    }

    @Test func countsOverdueRedAmberAndMilestones() throws {
        let p = try SampleStore.load()
        let r = HighlightReport.build(p, area: "portsmouth", asOf: asOf)
        let actions = p.actions(inArea: "portsmouth")
        #expect(r.totalActions == actions.count)
        #expect(r.statusCounts.reduce(0) { $0 + $1.count } == actions.count)
        #expect(r.overdue.map(\.id) == ["PO-04", "PO-11"])
        #expect(r.overdue.first?.daysOverdue == 15)
        #expect(r.redAndAmber.prefix(2).allSatisfy { $0.rag == .red })
        #expect(r.redAndAmber.allSatisfy { !$0.closed && $0.rag != .green })
        // Due by 2007-01-14 and not done; late ones included and marked.
        #expect(r.milestones.allSatisfy { $0.due <= Day(iso: "2007-01-14")! })
        #expect(r.milestones.contains { $0.action == "PO-06" && $0.due == Day(iso: "2007-01-01")! && !$0.late })
        #expect(r.milestones.contains { $0.action == "PO-04" && $0.late })
        #expect(!r.milestones.contains { $0.title == "Framework adopted by the council and the Local Strategic Partnership" })
    }

    @Test func onANarrowScreenParagraphsWrapRatherThanRunOff() throws {
        // The screens show the terminal format at their own width (a projector at 80 columns);
        // the summary sentence must wrap there, whole, not be cut at the edge.
        let r = HighlightReport.build(try SampleStore.load(), area: nil, asOf: asOf)
        let narrow = r.render(.terminal, lineWidth: 50).components(separatedBy: "\n")
        let start = try #require(narrow.firstIndex { $0.hasPrefix("52 actions") || $0.contains(" actions, ") })
        let paragraph = narrow[start...].prefix { !$0.isEmpty && !$0.hasPrefix("Status") }
        #expect(paragraph.count > 1)
        #expect(paragraph.allSatisfy { DisplayWidth.of($0) <= 50 }, "\(paragraph)")
        let wide = r.render(.terminal).components(separatedBy: "\n")
        let wideStart = try #require(wide.firstIndex { $0.contains(" actions, ") })
        let widePara = wide[wideStart...].prefix { !$0.isEmpty && !$0.hasPrefix("Status") }
        #expect(paragraph.joined(separator: " ") == widePara.joined(separator: " "), "the same words, wrapped differently")
    }

    /// The walk of issue 16 found the timeline table at 80 columns breaking its dates
    /// ("2006-05-/01"): a narrowed table keeps ids and dates whole and wraps the titles.
    @Test func aNarrowedTableNeverBreaksADateOrAnId() {
        var t = AlignedTable(["Id", "Start", "Due", "Milestones", "Title"])
        t.add(["PO-04", "2006-05-01", "2006-11-30", "1 of 2", "Help small local organisations bid as consortia"])
        t.add(["CU-10", "2006-09-01", "2007-09-30", "0 of 1", "Bring community transport schemes together"])
        for width in [60, 50, 44] {
            let fitted = t.layout(maxWidth: width)
            let all = fitted.head + fitted.rows.flatMap { $0 }
            #expect(all.allSatisfy { DisplayWidth.of($0) <= width }, "\(width): \(all)")
            for (row, dates) in zip(fitted.rows, [["2006-05-01", "2006-11-30"], ["2006-09-01", "2007-09-30"]]) {
                #expect(dates.allSatisfy { row[0].contains($0) }, "\(width): dates whole on the row's first line: \(row)")
                #expect(row.count > 1, "the title wraps or goes under the row instead")
            }
        }
        // Too narrow for every column: the title goes under its row, whole.
        let narrow = t.layout(maxWidth: 44)
        #expect(narrow.rows[0].dropFirst().joined(separator: " ").split(separator: " ").joined(separator: " ")
                == "Help small local organisations bid as consortia", "\(narrow.rows[0])")
    }

    @Test func aTableTooWideForTheScreenWrapsItsTextColumnsAndLosesNoWord() {
        var t = AlignedTable(["Id", "Days", "Lead", "Title"], alignments: [.left, .right, .left, .left])
        t.add(["PO-04", "15", "Head of Procurement, Portsmouth City Council", "Help small local organisations bid as consortia"])
        t.add(["TH-05", "3", "রহিম উদ্দিন", "Supercalifragilisticexpialidocious-recycling-consortium"])
        t.footer = [["", "18", "", ""]]
        let fitted = t.layout(maxWidth: 44)
        let all = fitted.head + fitted.rows.flatMap { $0 } + fitted.foot.flatMap { $0 }
        #expect(all.allSatisfy { DisplayWidth.of($0) <= 44 }, "\(all)")
        #expect(fitted.rows.allSatisfy { $0.count > 1 }, "each row takes several lines")
        // The id and the right-aligned number stay whole, on the row's first line.
        #expect(fitted.rows[0][0].hasPrefix("PO-04    15  Head of"))
        #expect(fitted.rows[1][0].hasPrefix("TH-05     3  রহিম উদ্দিন"))
        // Every word is there, in order, and a word longer than its column is broken, not cut.
        let words = { (text: String) in text.split(separator: " ").joined(separator: " ") }
        let titleStart = fitted.head[0].range(of: "Title")!.lowerBound.utf16Offset(in: fitted.head[0])
        let leadStart = fitted.head[0].range(of: "Lead")!.lowerBound.utf16Offset(in: fitted.head[0])
        func column(_ lines: [String], from: Int, to: Int?) -> String {
            words(lines.map { line in
                let u = Array(line.utf16)
                guard u.count > from else { return "" }
                return String(decoding: u[from..<min(u.count, to ?? u.count)], as: UTF16.self)
            }.joined(separator: " "))
        }
        #expect(column(fitted.rows[0], from: titleStart, to: nil) == "Help small local organisations bid as consortia")
        #expect(column(fitted.rows[0], from: leadStart, to: titleStart) == "Head of Procurement, Portsmouth City Council")
        let pieces = fitted.rows[1].map { $0.components(separatedBy: "  ").last { !$0.isEmpty }!.trimmingCharacters(in: .whitespaces) }
        #expect(pieces.joined() == "Supercalifragilisticexpialidocious-recycling-consortium", "\(pieces)")
        // Without a width the table is as before: one line a row.
        #expect(t.layout().rows.allSatisfy { $0.count == 1 })
        #expect(t.render() == (t.layout().head + t.layout().rows.flatMap { $0 } + [t.layout().rule!] + t.layout().foot.flatMap { $0 }).joined(separator: "\n"))
    }

    @Test func terminalColumnsAlignWithBengaliAndAccentedText() {
        let area = Area(id: "tower-hamlets", name: "Tower Hamlets", code: "TH")
        let actions = [
            Action(id: "TH-01", area: "tower-hamlets", title: "Plain", lead: "Ann", status: "in-progress", rag: .red, due: Day(iso: "2006-12-01")),
            Action(id: "TH-02", area: "tower-hamlets", title: "Second", lead: "সৈয়দ আহমেদ", status: "in-progress", rag: .red, due: Day(iso: "2006-12-02")),
            Action(id: "TH-03", area: "tower-hamlets", title: "Third", lead: "Zoë Lefèvre", status: "in-progress", rag: .red, due: Day(iso: "2006-12-03")),
        ]
        let p = Partnership(title: "Test", areas: [area], actions: actions)
        let text = HighlightReport.build(p, asOf: asOf).render(.terminal)
        let lines = text.split(separator: "\n").map(String.init)
        // In the overdue table, every title starts in the same terminal column.
        let rows = lines.filter { $0.hasPrefix("TH-0") && $0.contains("Red  2006-12-0") && ($0.hasSuffix("Plain") || $0.hasSuffix("Second") || $0.hasSuffix("Third")) }
        #expect(rows.count >= 3)
        let columns = Set(rows.map { line -> Int in
            let title = ["Plain", "Second", "Third"].first { line.hasSuffix($0) }!
            return DisplayWidth.of(String(line.dropLast(title.count)))
        })
        #expect(columns.count == 1, "titles start at columns \(columns) in:\n\(rows.joined(separator: "\n"))")
    }

    @Test func terminalTextNeverCarriesControlCharacters() {
        let area = Area(id: "dorset", name: "Dorset", code: "DO")
        let a = Action(id: "DO-01", area: "dorset", title: "Evil \u{1B}[31m title", status: "in-progress", rag: .red,
                       progress: [ProgressEntry(date: asOf, author: "X", text: "bell \u{07} here")])
        let text = HighlightReport.build(Partnership(title: "T", areas: [area], actions: [a]), asOf: asOf).render(.terminal)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("␛[31m"))
    }
}

// MARK: - HTML

/// Collects what an XML parser sees, to check the page is well-formed and refers to nothing outside.
final class PageInspector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var references: [String] = []
    var text = ""

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(elementName.lowercased())
        for (name, value) in attributes where ["src", "href", "action", "data", "poster", "srcset"].contains(name.lowercased()) {
            references.append(value)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    static func inspect(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) -> PageInspector {
        let inspector = PageInspector()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = inspector
        let ok = parser.parse()
        #expect(ok, "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)", sourceLocation: sourceLocation)
        return inspector
    }
}

@Suite struct HTMLTests {
    func assertSelfContained(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let page = PageInspector.inspect(html, sourceLocation: sourceLocation)
        #expect(page.elements.first == "html", sourceLocation: sourceLocation)
        for banned in ["link", "script", "img", "iframe", "object", "embed"] {
            #expect(!page.elements.contains(banned), "the page has a <\(banned)>", sourceLocation: sourceLocation)
        }
        #expect(!page.references.contains { $0.lowercased().hasPrefix("http:") || $0.lowercased().hasPrefix("https:") || $0.hasPrefix("//") },
                "external references: \(page.references)", sourceLocation: sourceLocation)
        // `url(#…)` names a pattern in the page's own SVG; anything else would load something.
        #expect(html.lowercased().components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#") },
                "the page loads something", sourceLocation: sourceLocation)
        #expect(!html.contains("@import"), sourceLocation: sourceLocation)
        #expect(page.elements.contains("style") && html.contains("@media print"), sourceLocation: sourceLocation)
    }

    @Test func everyHTMLPageIsWellFormedAndSelfContained() throws {
        let p = try SampleStore.load()
        let reports: [any RenderableReport] = [HighlightReport.build(p, asOf: asOf), HighlightReport.build(p, area: "portsmouth", asOf: asOf),
                                               FactorMatrixReport.build(p, asOf: asOf), FundingRegisterReport.build(p, asOf: asOf)]
        for report in reports { assertSelfContained(report.render(.html)) }
        for meeting in p.meetings { assertSelfContained(Minutes.build(meeting, in: p).render(.html)) }
    }

    @Test func markupInTheStoreIsEscapedNotObeyed() {
        let area = Area(id: "dorset", name: "Dorset <b>&</b>", code: "DO")
        let hostile = "<script src=\"https://evil.example/x.js\"></script><link rel=stylesheet href=\"http://x\"/> & \"quotes\" 'too' ]]>"
        let a = Action(id: "DO-01", area: "dorset", title: hostile, lead: hostile, status: "in-progress", rag: .red,
                       due: Day(iso: "2006-01-01"), progress: [ProgressEntry(date: asOf, author: hostile, text: hostile + "\u{1}")])
        let meeting = Meeting(id: "dorset/m", area: "dorset", date: asOf, title: hostile, attendees: [hostile],
                              items: [MeetingItem(action: "DO-01", notes: [hostile], decisions: [hostile])],
                              changes: [MeetingChange(action: "DO-01", field: "title", old: hostile, new: "x")], ended: true, notes: hostile)
        let p = Partnership(title: hostile, areas: [area], actions: [a], meetings: [meeting])
        for html in [HighlightReport.build(p, asOf: asOf).render(.html), Minutes.build(meeting, in: p).render(.html)] {
            assertSelfContained(html)
            let page = PageInspector.inspect(html)
            // The text survives, as text.
            #expect(page.text.contains("<script src=\"https://evil.example/x.js\"></script>"))
        }
    }
}

// MARK: - CSV and JSON

/// A strict RFC 4180 reader, to read back what the report wrote.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" { chars.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field); field = ""
        } else if c == "\r", chars.first == "\n" {
            chars.removeFirst()
            row.append(field); rows.append(row); row = []; field = ""
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

@Suite struct DataFormatTests {
    @Test func aCSVFieldWithCommaQuoteAndNewlineReadsBackWhole() {
        let title = "Consortia, \"bids\" and\nmore, later"
        let note = "Line one\r\nline \"two\", done"
        let area = Area(id: "cumbria", name: "Cumbria", code: "CU")
        let actions = [Action(id: "CU-01", area: "cumbria", title: title, lead: "Zoë", status: "in-progress",
                              progress: [ProgressEntry(date: asOf, author: "A, B", text: note)]),
                       Action(id: "CU-02", area: "cumbria", title: "Plain", status: "done")]
        let csv = HighlightReport.build(Partnership(title: "T", areas: [area], actions: actions), asOf: asOf).csv()
        let rows = parseCSV(csv)
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        let header = rows[0]
        let row = rows[1]
        #expect(row[header.firstIndex(of: "title")!] == title)
        #expect(row[header.firstIndex(of: "latest_note")!] == note)
        #expect(row[header.firstIndex(of: "latest_note_author")!] == "A, B")
        #expect(rows[2][0] == "CU-02")
    }

    @Test func everyCSVHasOneRowPerActionAndEqualWidths() throws {
        let p = try SampleStore.load()
        let rows = parseCSV(HighlightReport.build(p, asOf: asOf).csv())
        #expect(rows.count == p.actions.count + 1)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        let funding = parseCSV(FundingRegisterReport.build(p, asOf: asOf).csv())
        #expect(funding.count == p.actions.filter { $0.funding != nil }.count + p.fundingAgreements.count + 1)
        #expect(funding.allSatisfy { $0.count == funding[0].count })
    }

    @Test func jsonParsesAndKeepsItsKeyOrder() throws {
        let p = try SampleStore.load()
        for report in [HighlightReport.build(p, asOf: asOf) as any RenderableReport, FactorMatrixReport.build(p, asOf: asOf),
                       FundingRegisterReport.build(p, asOf: asOf)] {
            let text = report.render(.json)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(object["report"] is String)
            #expect(text == report.render(.json))
            // "report" comes first, then "partnership": the order written, not a hash order.
            let first = try #require(text.range(of: "\"report\"")), second = try #require(text.range(of: "\"partnership\""))
            #expect(first.lowerBound < second.lowerBound)
        }
        let highlight = try #require(try JSONSerialization.jsonObject(with: Data(HighlightReport.build(p, area: "portsmouth", asOf: asOf).json.rendered().utf8)) as? [String: Any])
        let overdue = try #require(highlight["overdue"] as? [[String: Any]])
        #expect(overdue.map { $0["id"] as? String } == ["PO-04", "PO-11"])
    }
}

// MARK: - Minutes

@Suite struct MinutesTests {
    @Test func minutesListAttendeesItemsChangesAndNewActions() {
        let area = Area(id: "portsmouth", name: "Portsmouth", code: "PO")
        let actions = [Action(id: "PO-01", area: "portsmouth", title: "Audit providers", lead: "Head of CIED", status: "in-progress", rag: .amber),
                       Action(id: "PO-7KQ3", area: "portsmouth", title: "Consortium briefing for small groups", lead: "Cllr Jones",
                              leadBody: "Portsmouth City Council", status: "not-started", due: Day(iso: "2007-01-31"))]
        let meeting = Meeting(id: "portsmouth/2006-12-12-forum", area: "portsmouth", date: Day(iso: "2006-12-12")!, title: "VCS forum",
                              attendees: ["Cllr Jones", "A. Begum"],
                              items: [MeetingItem(action: "PO-01", notes: ["Health spend *missing*"], decisions: ["Ask the PCT"], reviewed: true,
                                                  status: "in-progress", rag: .amber)],
                              changes: [MeetingChange(action: "PO-01", field: "rag", old: "green", new: "amber")],
                              actionsCreated: ["PO-7KQ3"], ended: true)
        let p = Partnership(title: "T", areas: [area], actions: actions, meetings: [meeting])
        let md = Minutes.build(meeting, in: p).render(.markdown)
        #expect(md.contains("- Cllr Jones"))
        #expect(md.contains("## 1. PO-01: Audit providers") || md.contains("### 1. PO-01: Audit providers"))
        #expect(md.contains("Health spend \\*missing\\*"), "Markdown in a note is shown, not obeyed")
        #expect(md.contains("- Ask the PCT"))
        #expect(md.contains("| PO-01 | RAG | Green | Amber |"))
        #expect(md.contains("| PO-7KQ3 | Consortium briefing for small groups | Cllr Jones, Portsmouth City Council | 2007-01-31 |"))
        #expect(!md.contains("draft"))
        var open = meeting
        open.ended = false
        #expect(Minutes.build(open, in: p).render(.markdown).contains("has not ended"))
    }
}
