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
    }

    public var title: String
    public var blocks: [Block] = []

    public init(title: String) { self.title = title }

    mutating func heading(_ level: Int, _ text: String) { blocks.append(.heading(level, text)) }
    mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    mutating func bullets(_ items: [String]) { blocks.append(.bullets(items)) }
    mutating func fields(_ pairs: [(String, String)]) { blocks.append(.fields(pairs.map { [$0.0, $0.1] })) }
    mutating func table(_ table: Table) { blocks.append(.table(table)) }

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
            if case .table = block { afterTable = true } else { afterTable = false }
            switch block {
            case let .heading(level, text):
                out.append("")
                let t = clean(text)
                out.append(t)
                if level <= 1 { out.append(String(repeating: "-", count: max(1, DisplayWidth.of(t)))) }
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
            case let .table(table):
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
            }
        }
        return "# " + md(title) + "\n\n" + out.joined(separator: "\n") + "\n"
    }
}

// MARK: - HTML

extension ReportDocument {
    /// A self-contained printable page: inline CSS (with print rules), no scripts, no external
    /// assets, every value escaped; written as XHTML-style markup so an XML parser reads it.
    public func html() -> String {
        func h(_ s: String) -> String { Escape.html(s) }
        var body: [String] = ["<h1>\(h(title))</h1>"]
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
            case let .table(table):
                var headers = table.headers
                if let detail = table.detailHeader { headers.append(detail) }
                let ragColumn = table.headers.firstIndex(of: "RAG")
                var rows = ["<table>", "<thead><tr>" + headers.enumerated().map { i, text in
                    "<th\(table.rightAligned.contains(i) ? " class=\"num\"" : "")>\(h(text))</th>"
                }.joined() + "</tr></thead>", "<tbody>"]
                func cells(_ values: [String], tag: String) -> String {
                    values.enumerated().map { i, text in
                        var classes: [String] = []
                        if table.rightAligned.contains(i) { classes.append("num") }
                        if i == ragColumn, let rag = RAG(rawValue: text.lowercased()) { classes.append("rag rag-\(rag.rawValue)") }
                        if i == table.headers.count { classes.append("note") }
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
                body.append(rows.joined(separator: "\n"))
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
    @media print {
      body { margin: 0; max-width: none; font-size: 10pt; }
      h2 { page-break-after: avoid; break-after: avoid; }
      table, tr { page-break-inside: avoid; break-inside: avoid; }
      th { background: #eee !important; }
      .rag-red, .rag-amber, .rag-green { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
