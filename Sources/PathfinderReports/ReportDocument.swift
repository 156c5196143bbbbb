import PathfinderModel

/// A report as a few kinds of block, so the terminal, Markdown and HTML renderings of one report
/// come from one description and cannot drift apart. CSV and JSON are data, written per report.
public struct ReportDocument: Hashable, Sendable {
    public struct Table: Hashable, Sendable {
        public var headers: [String]
        public var rows: [[String]]
        public var rightAligned: Set<Int> = []
        /// A long text per row (a progress note): under the row in the terminal, a last column elsewhere.
        public var detailHeader: String?
        public var details: [String] = []
        /// Rows after a rule (totals).
        public var footer: [[String]] = []
    }

    public enum Block: Hashable, Sendable {
        case heading(Int, String)
        case paragraph(String)
        case table(Table)
        case bullets([String])
        /// Label and value pairs ("Date: 2006-11-14").
        case fields([[String]])
        /// A chart with the table of its numbers (HTML draws it as SVG; the others keep the table).
        case chart(ReportChart)
        /// The start of one area's part of a report: a new page when printed.
        case areaHeading(String)
    }

    public var title: String
    public var blocks: [Block] = []

    public init(title: String) { self.title = title }

    mutating func heading(_ level: Int, _ text: String) { blocks.append(.heading(level, text)) }
    mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    mutating func bullets(_ items: [String]) { blocks.append(.bullets(items)) }
    mutating func fields(_ pairs: [(String, String)]) { blocks.append(.fields(pairs.map { [$0.0, $0.1] })) }
    mutating func table(_ table: Table) { blocks.append(.table(table)) }
    mutating func chart(_ chart: ReportChart) { blocks.append(.chart(chart)) }
    mutating func areaHeading(_ text: String) { blocks.append(.areaHeading(text)) }

    /// A table, or a "None." line when there are no rows, so an empty section still says so.
    mutating func table(_ headers: [String], _ rows: [[String]], right: Set<Int> = [], detailHeader: String? = nil,
                        details: [String] = [], footer: [[String]] = [], none: String = "None.") {
        if rows.isEmpty {
            paragraph(none)
        } else {
            table(Table(headers: headers, rows: rows, rightAligned: right, detailHeader: detailHeader,
                        details: details, footer: footer))
        }
    }
}

/// Line breaks and tabs inside one value become spaces, so a value stays in its cell or line.
func oneLine(_ text: String) -> String {
    var out = ""
    var lastWasSpace = false
    for c in text {
        if c == "\n" || c == "\r\n" || c == "\r" || c == "\t" {
            if !lastWasSpace { out.append(" ") }
            lastWasSpace = true
        } else {
            out.append(c)
            lastWasSpace = c == " "
        }
    }
    return out
}

// MARK: - Terminal

extension ReportDocument {
    /// Plain aligned text for a terminal: no colour, no escape sequences, every value cleaned.
    /// `fitTables`: tables too wide for `lineWidth` wrap their widest text columns (the screens
    /// ask for it; the command line keeps each row on one line, for tools that read it).
    public func terminal(lineWidth: Int = 100, fitTables: Bool = false) -> String {
        func clean(_ s: String) -> String { SafeText.line(oneLine(s)) }
        let heading = clean(title)
        var out: [String] = [heading, String(repeating: "=", count: max(1, DisplayWidth.of(heading)))]
        var afterTable = false
        for block in blocks {
            // A table is followed by a blank line unless a heading (which brings its own) comes next.
            if afterTable, case .heading = block {} else if afterTable { out.append("") }
            if case .table = block { afterTable = true } else if case .chart = block { afterTable = true } else { afterTable = false }
            switch block {
            case let .heading(level, text):
                out.append("")
                let t = clean(text)
                out.append(t)
                if level <= 1 { out.append(String(repeating: "-", count: max(1, DisplayWidth.of(t)))) }
            case let .areaHeading(text):
                out.append("")
                let t = clean(text)
                out.append(t)
                out.append(String(repeating: "=", count: max(1, DisplayWidth.of(t))))
            case let .chart(chart):
                out.append(clean(chart.title))
                out += chart.blockBars(lineWidth: lineWidth).map(clean)
                if chart.showsTableInText {
                    var t = AlignedTable(chart.table.headers)
                    t.rows = chart.table.rows.map { $0.map(oneLine) }
                    let layout = t.layout(maxWidth: fitTables ? lineWidth : nil)
                    out += layout.head + layout.rows.flatMap { $0 }
                }
            case let .paragraph(text):
                out += wrap(clean(text), lineWidth: lineWidth, indent: "")
            case let .bullets(items):
                for item in items {
                    let lines = wrap(clean(item), lineWidth: lineWidth - 2, indent: "")
                    for (i, line) in lines.enumerated() { out.append((i == 0 ? "- " : "  ") + line) }
                }
            case let .fields(pairs):
                var t = AlignedTable(["", ""])
                t.rows = pairs.map { [$0[0] + ":", oneLine($0[1])] }
                out += t.render().split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map(String.init)
            case let .table(table):
                var t = AlignedTable(table.headers, alignments: table.headers.indices.map { table.rightAligned.contains($0) ? .right : .left })
                t.rows = table.rows.map { $0.map(oneLine) }
                t.footer = table.footer.map { $0.map(oneLine) }
                let layout = t.layout(maxWidth: fitTables ? lineWidth : nil)
                out += layout.head
                for (i, row) in layout.rows.enumerated() {
                    out += row
                    if i < table.details.count, !table.details[i].isEmpty {
                        out += wrap(clean(table.details[i]), lineWidth: lineWidth - 4, indent: "    ")
                    }
                }
                if let rule = layout.rule { out.append(rule) }
                out += layout.foot.flatMap { $0 }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The screens' word wrap, except that a word longer than the line keeps its own line
    /// (a web address stays whole for whoever copies it from the report).
    func wrap(_ text: String, lineWidth: Int, indent: String) -> [String] {
        Text.wrapMeasured(text, to: lineWidth, breakingLongWords: false).map { indent + $0.text }
    }
}

// MARK: - Markdown

extension ReportDocument {
    public func markdown() -> String {
        var out: [String] = []
        func md(_ s: String) -> String { Escape.markdown(oneLine(s)) }
        for block in blocks {
            if !out.isEmpty { out.append("") }
            switch block {
            case let .heading(level, text):
                out.append(String(repeating: "#", count: max(2, min(6, level + 1))) + " " + md(text))
            case let .paragraph(text):
                out.append(md(text))
            case let .bullets(items):
                out += items.map { "- " + md($0) }
            case let .fields(pairs):
                out += pairs.map { "- **\(md($0[0])):** \(md($0[1]))" }
            case let .areaHeading(text):
                out.append("## " + md(text))
            case let .chart(chart):
                // The numbers only: a chart as a link to nothing would be worse than none.
                out.append("**\(md(chart.title))**")
                out.append("")
                out += Self.markdownTable(chart.table, md: md)
            case let .table(table):
                out += Self.markdownTable(table, md: md)
            }
        }
        return "# " + md(title) + "\n\n" + out.joined(separator: "\n") + "\n"
    }

    static func markdownTable(_ table: Table, md: (String) -> String) -> [String] {
        var out: [String] = []
        var headers = table.headers
        if let detail = table.detailHeader { headers.append(detail) }
        func row(_ cells: [String]) -> String { "| " + cells.map { md($0) }.joined(separator: " | ") + " |" }
        out.append(row(headers))
        out.append("|" + headers.indices.map { table.rightAligned.contains($0) ? " ---: |" : " --- |" }.joined())
        for (i, cells) in table.rows.enumerated() {
            out.append(row(cells + (table.detailHeader == nil ? [] : [i < table.details.count ? table.details[i] : ""])))
        }
        for cells in table.footer {
            let padded = cells + Array(repeating: "", count: max(0, headers.count - cells.count))
            out.append("| " + padded.enumerated().map { $0.offset == 0 && !$0.element.isEmpty ? "**\(md($0.element))**" : md($0.element) }
                .joined(separator: " | ") + " |")
        }
        return out
    }
}

// MARK: - HTML

extension ReportDocument {
    /// A self-contained printable page: inline CSS (with print rules), no scripts, no external
    /// assets, every value escaped; written as XHTML-style markup so an XML parser reads it.
    public func html() -> String {
        func h(_ s: String) -> String { Escape.html(s) }
        var body: [String] = ["<h1>\(h(title))</h1>"]
        var charts = 0
        for block in blocks {
            switch block {
            case let .heading(level, text):
                let n = max(2, min(6, level + 1))
                body.append("<h\(n)>\(h(text))</h\(n)>")
            case let .paragraph(text):
                body.append("<p>\(h(text))</p>")
            case let .bullets(items):
                body.append("<ul>" + items.map { "<li>\(h($0))</li>" }.joined() + "</ul>")
            case let .fields(pairs):
                body.append("<dl>" + pairs.map { "<dt>\(h($0[0]))</dt><dd>\(h($0[1]))</dd>" }.joined() + "</dl>")
            case let .areaHeading(text):
                body.append("<h2 class=\"area\">\(h(text))</h2>")
            case let .chart(chart):
                charts += 1
                body.append("<figure class=\"chart\">\n" + chart.svg(key: "chart\(charts)")
                    + "\n<figcaption>\(h(chart.title)): the numbers</figcaption>\n" + Self.htmlTable(chart.table, className: "chart-data")
                    + "\n</figure>")
            case let .table(table):
                body.append(Self.htmlTable(table))
            }
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(h(title))</title>
        <style>
        \(Self.css)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    /// An id (PO-04) or a date (2006-11-30, or one with "(late)" after it): kept on one line.
    static func neverWraps(_ text: String) -> Bool {
        let u = Array(text.utf8)
        func digit(_ i: Int) -> Bool { i < u.count && u[i] >= 48 && u[i] <= 57 }
        if u.count >= 10, digit(0), digit(1), digit(2), digit(3), u[4] == UInt8(ascii: "-"), digit(5), digit(6), u[7] == UInt8(ascii: "-") { return true }
        guard let dash = u.firstIndex(of: UInt8(ascii: "-")), dash >= 1, dash <= 4, dash + 1 < u.count, u.count <= 12 else { return false }
        return u[..<dash].allSatisfy { $0 >= 65 && $0 <= 90 } && (dash + 1..<u.count).allSatisfy(digit)
    }

    static func htmlTable(_ table: Table, className: String? = nil) -> String {
        func h(_ s: String) -> String { Escape.html(s) }
        var headers = table.headers
        if let detail = table.detailHeader { headers.append(detail) }
        let ragColumn = table.headers.firstIndex(of: "RAG")
        var rows = [className.map { "<table class=\"\($0)\">" } ?? "<table>", "<thead><tr>" + headers.enumerated().map { i, text in
            "<th\(table.rightAligned.contains(i) ? " class=\"num\"" : "")>\(h(text))</th>"
        }.joined() + "</tr></thead>", "<tbody>"]
        func cells(_ values: [String], tag: String) -> String {
            values.enumerated().map { i, text in
                var classes: [String] = []
                if table.rightAligned.contains(i) { classes.append("num") }
                if i == ragColumn, let rag = RAG(rawValue: text.lowercased()) { classes.append("rag rag-\(rag.rawValue)") }
                if i == table.headers.count { classes.append("note") }
                if neverWraps(text) { classes.append("nowrap") }
                let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                return "<\(tag)\(attribute)>\(h(text))</\(tag)>"
            }.joined()
        }
        for (i, values) in table.rows.enumerated() {
            let extra = table.detailHeader == nil ? [] : [i < table.details.count ? table.details[i] : ""]
            rows.append("<tr>" + cells(values + extra, tag: "td") + "</tr>")
        }
        rows.append("</tbody>")
        if !table.footer.isEmpty {
            rows.append("<tfoot>" + table.footer.map { values in
                let padded = values + Array(repeating: "", count: max(0, headers.count - values.count))
                return "<tr>" + cells(padded, tag: "td") + "</tr>"
            }.joined() + "</tfoot>")
        }
        rows.append("</table>")
        return rows.joined(separator: "\n")
    }

    /// Plain, legible on screen and on paper; RAG is spelt out, never colour alone.
    static let css = """
    body { font-family: "Segoe UI", Helvetica, Arial, sans-serif; color: #111; margin: 2em auto; max-width: 60em; padding: 0 1em; line-height: 1.4; }
    h1 { font-size: 1.6em; border-bottom: 2px solid #333; padding-bottom: 0.2em; }
    h2 { font-size: 1.3em; margin-top: 1.6em; border-bottom: 1px solid #999; }
    h3 { font-size: 1.1em; margin-top: 1.2em; }
    table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.95em; }
    th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
    th { background: #eee; }
    td.num, th.num { text-align: right; }
    td.note { font-size: 0.9em; }
    tfoot td { font-weight: bold; border-top: 2px solid #333; }
    .rag { font-weight: bold; }
    .rag-red { background: #f8d0d0; }
    .rag-amber { background: #fbe3b0; }
    .rag-green { background: #d3ecd3; }
    dl { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1em; }
    dt { font-weight: bold; }
    dd { margin: 0; }
    .nowrap { white-space: nowrap; }
    figure.chart { margin: 1em 0; }
    figure.chart svg { max-width: 100%; height: auto; display: block; font-family: "Segoe UI", Helvetica, Arial, sans-serif; }
    figure.chart figcaption { font-size: 0.85em; color: #444; margin-top: 0.4em; }
    table.chart-data { font-size: 0.85em; }
    h2.area { border-bottom: 2px solid #333; margin-top: 2em; }
    /* Meeting packs: A4 landscape, each area on a new page, no row split across pages,
       headers repeated, ids and dates kept whole. */
    @page { size: A4 landscape; margin: 12mm; }
    @media print {
      body { margin: 0; max-width: none; font-size: 10pt; }
      h2, h3 { page-break-after: avoid; break-after: avoid; }
      h2.area { page-break-before: always; break-before: page; }
      tr, figure.chart svg { page-break-inside: avoid; break-inside: avoid; }
      thead { display: table-header-group; }
      th { background: #eee !important; }
      .nowrap { white-space: nowrap; }
      .rag-red, .rag-amber, .rag-green, figure.chart svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
