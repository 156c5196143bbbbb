import PathfinderTUI

/// An aligned plain-text table for the command line, measured in terminal columns so Bengali
/// names and emoji line up as well as ASCII does.
struct TextTable {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []
    /// Rows drawn after a rule line (a total).
    var footer: [[String]] = []

    init(_ headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .left, count: headers.count)
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let all = [headers] + rows + footer
        var widths = Array(repeating: 0, count: headers.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(Self.clean(cell)))
            }
        }
        func line(_ row: [String]) -> String {
            var out = ""
            for (i, width) in widths.enumerated() {
                let cell = Self.clean(i < row.count ? row[i] : "")
                let pad = String(repeating: " ", count: width - DisplayWidth.of(cell))
                let isLast = i == widths.count - 1
                switch alignments[i] {
                case .left: out += cell + (isLast ? "" : pad)
                case .right: out += pad + cell
                }
                if !isLast { out += "  " }
            }
            return String(out.reversed().drop(while: { $0 == " " }).reversed())
        }
        var lines = [line(headers)]
        lines += rows.map(line)
        if !footer.isEmpty {
            lines.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)))
            lines += footer.map(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Text from files is data: control characters become visible symbols.
    static func clean(_ text: String) -> String {
        String(text.map(DisplayWidth.safe))
    }
}
