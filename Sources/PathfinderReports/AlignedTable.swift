import PathfinderModel

/// An aligned plain-text table, measured in terminal columns (`DisplayWidth`, as the screens
/// measure) with every cell made safe to show. The command line's tables (`pathfinder list`)
/// and the terminal reports are both drawn by it.
public struct AlignedTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []
    /// Rows drawn after a rule line (a total).
    public var footer: [[String]] = []

    public init(_ headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render() -> String {
        let l = layout()
        var lines = l.head + l.rows.flatMap { $0 }
        if let rule = l.rule { lines.append(rule) }
        lines += l.foot.flatMap { $0 }
        return lines.joined(separator: "\n")
    }

    /// The table's lines, the header's, each row's and the footer's apart (a report puts a
    /// row's details under it). With `maxWidth`, a table wider than that narrows its widest
    /// left-aligned columns (never below 8 columns or their heading) and wraps their cells, so
    /// a row takes several lines rather than running off the screen.
    public func layout(maxWidth: Int? = nil) -> (head: [String], rows: [[String]], rule: String?, foot: [[String]]) {
        // Each cell is cleaned and measured once: a report of 50,000 actions has 300,000 cells.
        func measured(_ row: [String]) -> [(text: String, width: Int)] {
            headers.indices.map { i in
                let text = SafeText.line(i < row.count ? row[i] : "")
                return (text, DisplayWidth.of(text))
            }
        }
        let head = measured(headers), body = rows.map(measured), foot = footer.map(measured)
        var widths = Array(repeating: 0, count: headers.count)
        for row in [head] + body + foot {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.width) }
        }
        if let maxWidth, widths.reduce(0, +) + 2 * (widths.count - 1) > maxWidth {
            // A column is not narrowed below its longest word, up to 12 columns: an id or a date
            // ("2006-05-01") never breaks across lines, while a long title still wraps.
            let words = headers.indices.map { i in
                body.reduce(0) { longest, row in
                    Swift.max(longest, row[i].text.split(separator: " ").reduce(0) { Swift.max($0, DisplayWidth.of($1)) })
                }
            }
            let headings = head.map(\.width)
            let least = widths.indices.reduce(2 * (widths.count - 1)) { total, i in
                let left = (i < alignments.count ? alignments[i] : .left) == .left
                return total + (left ? Swift.min(widths[i], Swift.max(8, headings[i], Swift.min(12, words[i]))) : widths[i])
            }
            // Too many columns for the line even at their narrowest: the widest text column (a
            // title) goes under its row, whole, rather than in a column a word wide.
            if least > maxWidth, headers.count > 2, footer.isEmpty,
               let moved = widths.indices.filter({ (($0 < alignments.count ? alignments[$0] : .left) == .left) }).max(by: { widths[$0] < widths[$1] }) {
                var rest = AlignedTable(headers.enumerated().filter { $0.offset != moved }.map(\.element),
                                        alignments: alignments.enumerated().filter { $0.offset != moved }.map(\.element))
                rest.rows = rows.map { row in row.enumerated().filter { $0.offset != moved }.map(\.element) }
                let l = rest.layout(maxWidth: maxWidth)
                let under = body.map { Text.wrapMeasured($0[moved].text, to: Swift.max(8, maxWidth - 4)).map { "    " + $0.text } }
                return (l.head + (head[moved].text.isEmpty ? [] : ["    " + head[moved].text]),
                        zip(l.rows, under).map { $0 + $1 }, nil, [])
            }
            narrow(&widths, to: maxWidth, headings: headings, words: words)
        }
        func lines(_ row: [(text: String, width: Int)]) -> [String] {
            let cells = row.enumerated().map { i, cell in
                cell.width <= widths[i] ? [cell] : Text.wrapMeasured(cell.text, to: widths[i])
            }
            let height = cells.map(\.count).max() ?? 1
            return (0..<height).map { k in
                var out = ""
                for (i, columnWidth) in widths.enumerated() {
                    let cell = k < cells[i].count ? cells[i][k] : (text: "", width: 0)
                    let pad = String(repeating: " ", count: max(0, columnWidth - cell.width))
                    let isLast = i == widths.count - 1
                    switch i < alignments.count ? alignments[i] : .left {
                    case .left: out += cell.text + (isLast ? "" : pad)
                    case .right: out += pad + cell.text
                    }
                    if !isLast { out += "  " }
                }
                while out.last == " " { out.removeLast() }
                return out
            }
        }
        let rule = foot.isEmpty ? nil : String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        return (lines(head), body.map(lines), rule, foot.map(lines))
    }

    /// Takes columns in from the widest left-aligned one until the table fits, or cannot.
    private func narrow(_ widths: inout [Int], to maxWidth: Int, headings: [Int], words: [Int]) {
        var over = widths.reduce(0, +) + 2 * (widths.count - 1) - maxWidth
        while over > 0 {
            let floor = { (i: Int) in Swift.max(8, headings[i], Swift.min(12, words[i])) }
            let candidates = widths.indices.filter { i in
                (i < alignments.count ? alignments[i] : .left) == .left && widths[i] > floor(i)
            }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { return }
            // Down to the next widest (or its floor), or as far as needed, whichever comes first;
            // a column as wide as the next gives one column at a time, so the two take turns.
            let next = candidates.filter { $0 != widest }.map { widths[$0] }.max() ?? 0
            let cut = Swift.max(1, Swift.min(over, widths[widest] - Swift.max(floor(widest), next)))
            widths[widest] -= cut
            over -= cut
        }
    }
}
