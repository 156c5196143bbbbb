import PathfinderModel

/// RAG counts drawn with block characters: a stacked column per month, or one stacked bar.
/// Each rating has its own shade as well as its colour (red █, amber ▒, green ░), so the chart
/// reads on a monochrome terminal, under NO_COLOR and on a projector.
enum RAGChart {
    struct Cell: Hashable {
        var glyph: String
        var role: Role
    }

    static func glyph(_ rag: RAG) -> String { rag.shade }

    static let key = RAG.shadeKey

    /// One horizontal bar `width` cells long, split red, amber, green in proportion; a rating
    /// with any actions gets at least one cell (when the width allows).
    static func bar(red: Int, amber: Int, green: Int, width: Int) -> [Cell] {
        let counts = [(RAG.red, red), (.amber, amber), (.green, green)]
        let total = red + amber + green
        guard total > 0, width > 0 else { return Array(repeating: Cell(glyph: "·", role: .dim), count: max(0, width)) }
        var sizes = counts.map { $0.1 == 0 ? 0 : max(1, Int((Double($0.1) * Double(width) / Double(total)).rounded())) }
        // Give back or take the cells rounding got wrong, from the largest part.
        while sizes.reduce(0, +) != width {
            let i = sizes.indices.max { sizes[$0] < sizes[$1] }!
            sizes[i] += sizes.reduce(0, +) > width ? -1 : 1
        }
        return zip(counts, sizes).flatMap { entry, size in
            Array(repeating: Cell(glyph: glyph(entry.0), role: RAGBadge.role(entry.0)), count: max(0, size))
        }
    }

    /// Stacked columns, one per month, `height` rows tall at the largest total, red at the
    /// bottom. Rows are returned top first; each column is `columnWidth` cells and a gap.
    static func columns(_ months: [RAGMonth], height: Int, columnWidth: Int, gap: Int = 1) -> [[Cell]] {
        let top = max(1, months.map(\.total).max() ?? 1)
        let blank = Cell(glyph: " ", role: .normal)
        var rows = Array(repeating: [Cell](), count: max(1, height))
        for (m, month) in months.enumerated() {
            // The cumulative heights of red, red+amber, red+amber+green, rounded once each so
            // the column's total height is exact.
            var cumulative = 0
            var bounds: [(RAG, Int)] = []
            for rag in [RAG.red, .amber, .green] {
                cumulative += month.count(rag)
                bounds.append((rag, Int((Double(cumulative) * Double(rows.count) / Double(top)).rounded())))
            }
            for r in 0..<rows.count {
                let level = rows.count - r   // 1 at the bottom row
                let rag = bounds.first { level <= $0.1 }?.0
                let cell = rag.map { Cell(glyph: glyph($0), role: RAGBadge.role($0)) } ?? blank
                if m > 0 { rows[r] += Array(repeating: blank, count: gap) }
                rows[r] += Array(repeating: cell, count: columnWidth)
            }
        }
        return rows
    }

    /// Under the columns: each month's initial, with the year's last two digits at January
    /// (or at the first month) when the column is wide enough.
    static func monthLabels(_ months: [RAGMonth], columnWidth: Int, gap: Int = 1) -> String {
        let letters = ["J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"]
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var line = ""
        for (i, month) in months.enumerated() {
            if i > 0 { line += String(repeating: " ", count: gap) }
            let label = columnWidth >= 3 ? names[month.month.month - 1] : letters[month.month.month - 1]
            line += Text.fit(String(label.prefix(columnWidth)), to: columnWidth)
        }
        return line
    }

    /// The columns that fit `width` (the latest months), and how wide each can be.
    static func fit(_ months: [RAGMonth], width: Int, maxColumnWidth: Int = 4) -> (months: [RAGMonth], columnWidth: Int) {
        guard !months.isEmpty else { return ([], 1) }
        let columnWidth = max(1, min(maxColumnWidth, (width + 1) / months.count - 1))
        let fitting = max(1, (width + 1) / (columnWidth + 1))
        return (Array(months.suffix(fitting)), columnWidth)
    }

    /// The numbers behind the chart, one line a month: what `t` shows and a copy-paste takes.
    static func table(_ months: [RAGMonth]) -> [String] {
        ["Month       Red  Amber  Green  Total"] + months.map { m in
            Text.pad(m.label, to: 9) + Text.padLeft(String(m.red), to: 6) + Text.padLeft(String(m.amber), to: 7)
                + Text.padLeft(String(m.green), to: 7) + Text.padLeft(String(m.total), to: 7)
        }
    }
}
