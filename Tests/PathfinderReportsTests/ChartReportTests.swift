import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PathfinderModel
import PathfinderReports
import PathfinderStore
import Testing

/// Reads every <svg> of a page with an XML parser: each chart's title and description, and the
/// numbers its marks carry.
final class SVGReader: NSObject, XMLParserDelegate {
    struct Chart {
        var title = ""
        var desc = ""
        /// data-label, data-rag, data-value of each bar.
        var bars: [(label: String, rag: String, value: Int)] = []
        /// data-id, data-start, data-due of each timeline bar.
        var spans: [(id: String, start: String, due: String)] = []
        var milestones: [String] = []
        var asOf: String?
    }

    var charts: [Chart] = []
    private var inSVG = false
    private var element = ""
    private var depth = 0

    static func read(_ svg: String) throws -> [Chart] {
        let reader = SVGReader()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        guard parser.parse() else {
            throw NSError(domain: "svg", code: 1, userInfo: [NSLocalizedDescriptionKey: "not XML: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)"])
        }
        return reader.charts
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        element = name
        if name == "svg" {
            charts.append(Chart())
            depth = 0
        }
        depth += 1
        guard !charts.isEmpty else { return }
        if let rag = attributes["data-rag"], let label = attributes["data-label"], let value = attributes["data-value"].flatMap(Int.init) {
            charts[charts.count - 1].bars.append((label, rag, value))
        }
        if let id = attributes["data-id"], let start = attributes["data-start"], let due = attributes["data-due"] {
            charts[charts.count - 1].spans.append((id, start, due))
        }
        if let m = attributes["data-milestone"] { charts[charts.count - 1].milestones.append(m) }
        if let day = attributes["data-as-of"] { charts[charts.count - 1].asOf = day }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        element = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        // The chart's own <title> and <desc> are its first two children (depth 2).
        guard !charts.isEmpty, depth == 2 else { return }
        if element == "title" { charts[charts.count - 1].title += string }
        if element == "desc" { charts[charts.count - 1].desc += string }
    }
}

/// Every <svg>…</svg> of a page.
func svgs(in html: String) -> [String] {
    var result: [String] = []
    var rest = Substring(html)
    while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
        result.append(String(rest[start.lowerBound..<end.upperBound]))
        rest = rest[end.upperBound...]
    }
    return result
}

@Suite struct ChartReportTests {
    static let partnership = try! SampleStore.load()

    @Test func highlightReportCarriesChartsThatParseAndMatchTheirTables() throws {
        let report = HighlightReport.build(Self.partnership, asOf: asOf)
        let html = report.render(.html)
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href="))
        let pictures = svgs(in: html)
        // RAG by area, RAG over time, the indicators, and per area a timeline and its trend.
        #expect(pictures.count == 3 + 2 * Self.partnership.areas.count)
        var charts: [SVGReader.Chart] = []
        for svg in pictures { charts += try SVGReader.read(svg) }
        #expect(charts.allSatisfy { !$0.title.isEmpty && !$0.desc.isEmpty })

        // RAG by area: each bar's numbers are the table's.
        let byArea = report.charts.ragByArea
        let drawn = charts[0]
        #expect(drawn.title == byArea.title)
        for row in byArea.table.rows {
            for (i, rag) in ["red", "amber", "green"].enumerated() {
                let value = Int(row[i + 1])!
                let bar = drawn.bars.first { $0.label == row[0] && $0.rag == rag }
                #expect((bar?.value ?? 0) == value, "\(row[0]) \(rag)")
            }
        }
        #expect(drawn.bars.reduce(0) { $0 + $1.value } == report.rag.total)

        // RAG over time: every month's counts.
        let trend = try #require(report.charts.trend)
        let months = charts[1]
        for row in trend.table.rows {
            for (i, rag) in ["red", "amber", "green"].enumerated() {
                #expect((months.bars.first { $0.label == row[0] && $0.rag == rag }?.value ?? 0) == Int(row[i + 1])!)
            }
        }

        // Portsmouth's timeline: every open action with its dates, milestones, the as-of line.
        let portsmouth = try #require(report.charts.areas.first { $0.name == "Portsmouth" })
        let line = try #require(charts.first { $0.title == portsmouth.timeline.title })
        #expect(line.asOf == asOf.iso)
        #expect(line.spans.map(\.id) == portsmouth.timeline.table.rows.map { $0[0] })
        for (span, row) in zip(line.spans, portsmouth.timeline.table.rows) {
            #expect(span.start == row[2] && span.due == row[3])
        }
        #expect(line.milestones.contains("done") && line.milestones.contains("open"))
        // And its table is in the page.
        #expect(html.contains("<table class=\"chart-data\">"))
    }

    @Test func printStyleSheet() {
        let html = HighlightReport.build(Self.partnership, asOf: asOf).render(.html)
        #expect(html.contains("@page { size: A4 landscape"))
        #expect(html.contains("h2.area { page-break-before: always; break-before: page; }"))
        #expect(html.contains("tr, figure.chart svg { page-break-inside: avoid; break-inside: avoid; }"))
        #expect(html.contains(".nowrap { white-space: nowrap; }"))
        // Ids and dates are marked so they never wrap.
        #expect(html.contains("<td class=\"nowrap\">PO-04</td>"))
        #expect(html.contains("<td class=\"nowrap\">2006-11-30</td>"))
        // Each area starts a page.
        #expect(html.components(separatedBy: "<h2 class=\"area\">").count - 1 == Self.partnership.areas.count)
    }

    @Test func markdownKeepsTablesAndTheTerminalDrawsBlocks() {
        let report = HighlightReport.build(Self.partnership, area: "portsmouth", asOf: asOf)
        let md = report.render(.markdown)
        #expect(!md.contains("<svg"))
        #expect(md.contains("**Open actions by RAG rating, by area**"))
        #expect(md.contains("| Area | Red | Amber | Green | Total |"))
        let text = report.render(.terminal)
        #expect(text.contains("█") && text.contains("░"))
        #expect(text.contains("█ red  ▒ amber  ░ green"))
    }

    @Test func minutesCarryCharts() throws {
        let meeting = try #require(Self.partnership.meetings.first { $0.area == "portsmouth" })
        let html = Minutes.build(meeting, in: Self.partnership).render(.html)
        let pictures = svgs(in: html)
        #expect(pictures.count >= 3)
        for svg in pictures { _ = try SVGReader.read(svg) }
        #expect(html.contains("The plan at a glance"))
        #expect(!Minutes.build(meeting, in: Self.partnership).render(.markdown).contains("<svg"))
    }

    /// A dependency drawn between neighbouring rows whose ends fall on the same day keeps a
    /// visible shape (it was a curve that collapsed to a dot), and ends in an arrowhead.
    @Test func aDependencyLinkKeepsAShapeWhenItsEndsMeet() throws {
        var p = Self.partnership
        let i4 = p.actions.firstIndex { $0.id == "PO-04" }!, i5 = p.actions.firstIndex { $0.id == "PO-05" }!
        p.actions[i5].dependsOn = ["PO-04"]
        p.actions[i5].start = p.actions[i4].due
        let html = HighlightReport.build(p, area: "portsmouth", asOf: asOf).render(.html)
        for svg in svgs(in: html) { _ = try SVGReader.read(svg) }
        let links = html.components(separatedBy: "<path d=\"").dropFirst().filter { $0.contains("data-link=\"PO-04→PO-05\"") }
        #expect(links.count == 1)
        guard let d = links.first?.prefix(while: { $0 != "\"" }) else { return }
        // The path's extent, walked command by command (M x,y; H x; V y).
        var (x, y) = (0.0, 0.0)
        var xs: [Double] = [], ys: [Double] = []
        for command in d.split(separator: " ") {
            let numbers = command.dropFirst().split(separator: ",").compactMap { Double($0) }
            switch command.first {
            case "M": (x, y) = (numbers[0], numbers[1])
            case "H": x = numbers[0]
            case "V": y = numbers[0]
            default: Issue.record("unexpected path command \(command)")
            }
            xs.append(x)
            ys.append(y)
        }
        #expect(xs.max()! - xs.min()! >= 6 && ys.max()! - ys.min()! >= 9, "\(d)")
        #expect(html.contains("data-link-head=\"PO-04→PO-05\""))
    }

    /// A title full of markup and quotes stays text inside the SVG.
    @Test func hostileTextStaysText() throws {
        var p = Self.partnership
        let i = p.actions.firstIndex { $0.id == "PO-04" }!
        p.actions[i].title = "<script>alert(\"x\")</script> & ]]>"
        let html = HighlightReport.build(p, area: "portsmouth", asOf: asOf).render(.html)
        #expect(!html.contains("<script>"))
        for svg in svgs(in: html) { _ = try SVGReader.read(svg) }
    }
}
