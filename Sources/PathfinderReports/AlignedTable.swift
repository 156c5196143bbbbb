/// How text is measured and made safe for a terminal. The reports module is pure and has no
/// width tables of its own; the command line passes the screens' (DisplayWidth), so reports
/// and screens measure Bengali and accented names the same way.
public struct TextWidth: Sendable {
    public var measure: @Sendable (String) -> Int
    /// Text from files is data: control characters become visible symbols.
    public var clean: @Sendable (String) -> String

    public init(measure: @escaping @Sendable (String) -> Int, clean: @escaping @Sendable (String) -> String) {
        self.measure = measure
        self.clean = clean
    }
}

/// An aligned plain-text table, measured in terminal columns. The command line's tables
/// (`pathfinder list`) and the terminal reports are both drawn by it.
public struct AlignedTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []
    /// Rows drawn after a rule line (a total).
    public var footer: [[String]] = []
    public var width: TextWidth

    public init(_ headers: [String], alignments: [Alignment]? = nil, width: TextWidth) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
        self.width = width
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render() -> String {
        // Each cell is cleaned and measured once: a report of 50,000 actions has 300,000 cells.
        func measured(_ row: [String]) -> [(text: String, width: Int)] {
            headers.indices.map { i in
                let text = width.clean(i < row.count ? row[i] : "")
                return (text, width.measure(text))
            }
        }
        let head = measured(headers), body = rows.map(measured), foot = footer.map(measured)
        var widths = Array(repeating: 0, count: headers.count)
        for row in [head] + body + foot {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.width) }
        }
        func line(_ row: [(text: String, width: Int)]) -> String {
            var out = ""
            for (i, columnWidth) in widths.enumerated() {
                let cell = row[i]
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
        var lines = [line(head)]
        lines += body.map(line)
        if !foot.isEmpty {
            lines.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)))
            lines += foot.map(line)
        }
        return lines.joined(separator: "\n")
    }
}
