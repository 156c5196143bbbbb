import PathfinderModel

/// Inline SVG for a report chart: no script, no external file, well-formed XML. Each chart has
/// a <title> and <desc> (role="img", labelled by both), and every mark carries its numbers
/// (data-label, data-rag, data-value; data-id, data-start, data-due) and a <title> of its own,
/// so the drawing can be checked against the table printed under it. Ratings differ by pattern
/// as well as colour (red hatched, amber dotted, green plain), for print in black and white.
extension ReportChart {
    static let width = 760.0

    /// `key` makes the ids of this chart's patterns unique in the page.
    public func svg(key: String) -> String {
        let h = Escape.html
        var body: [String] = []
        let height: Double
        switch kind {
        case let .ragBars(bars): height = Self.ragBars(bars, key: key, into: &body)
        case let .ragTrend(bars): height = Self.ragTrend(bars, key: key, into: &body)
        case let .timeline(rows, asOf): height = Self.timeline(rows, asOf: asOf, key: key, into: &body)
        case let .indicators(rows): height = Self.indicators(rows, into: &body)
        }
        let defs = """
        <defs>\
        <pattern id="\(key)-red" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" fill="#c0392b"/><line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern>\
        <pattern id="\(key)-amber" width="5" height="5" patternUnits="userSpaceOnUse">\
        <rect width="5" height="5" fill="#e8a317"/><circle cx="2.5" cy="2.5" r="1" fill="#fff"/></pattern>\
        <pattern id="\(key)-late" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)">\
        <rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#c0392b" stroke-width="2.5"/></pattern>\
        </defs>
        """
        return """
        <svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \(Self.n(Self.width)) \(Self.n(height))" \
        width="\(Self.n(Self.width))" height="\(Self.n(height))" role="img" aria-labelledby="\(key)-title \(key)-desc">
        <title id="\(key)-title">\(h(title))</title>
        <desc id="\(key)-desc">\(h(description))</desc>
        \(defs)
        \(body.joined(separator: "\n"))
        </svg>
        """
    }

    static func fill(_ rag: RAG, key: String) -> String {
        switch rag {
        case .red: "url(#\(key)-red)"
        case .amber: "url(#\(key)-amber)"
        case .green: "#2e8b57"
        }
    }

    /// A number for SVG: at most two decimals, no exponent.
    static func n(_ v: Double) -> String {
        let r = (v * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(format2(r))
    }

    private static func format2(_ v: Double) -> String {
        let whole = Int(v.rounded(.towardZero))
        let cents = Int((abs(v - Double(whole)) * 100).rounded())
        return (v < 0 && whole == 0 ? "-" : "") + "\(whole)." + (cents < 10 ? "0\(cents)" : String(cents))
    }

    static func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Int = 11, weight: String? = nil,
                     fill: String = "#111") -> String {
        "<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(size)\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
            + (weight.map { " font-weight=\"\($0)\"" } ?? "") + ">\(Escape.html(s))</text>"
    }

    // MARK: RAG by area

    static func ragBars(_ bars: [RAGBar], key: String, into body: inout [String]) -> Double {
        let labelWidth = 150.0, barHeight = 20.0, gap = 8.0, top = 24.0
        let scaleWidth = width - labelWidth - 60
        let most = Double(max(1, bars.map(\.total).max() ?? 1))
        body.append(legend(key: key, x: labelWidth, y: 12))
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * (barHeight + gap)
            body.append(text(bar.label, x: labelWidth - 8, y: y + 14, anchor: "end"))
            var x = labelWidth
            for rag in RAG.allCases {
                let count = bar.count(rag)
                guard count > 0 else { continue }
                let w = Double(count) / most * scaleWidth
                body.append("<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(barHeight))\" fill=\"\(fill(rag, key: key))\" "
                    + "stroke=\"#333\" stroke-width=\"0.5\" data-label=\"\(Escape.html(bar.label))\" data-rag=\"\(rag.rawValue)\" "
                    + "data-value=\"\(count)\"><title>\(Escape.html(bar.label)): \(count) \(rag.rawValue)</title></rect>")
                if w >= 22 {
                    body.append("<text x=\"\(n(x + w / 2))\" y=\"\(n(y + 14))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#000\" "
                        + "stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(rag.letter)\(count)</text>")
                }
                x += w
            }
            body.append(text(String(bar.total), x: x + 6, y: y + 14))
        }
        return top + Double(bars.count) * (barHeight + gap) + 4
    }

    static func legend(key: String, x: Double, y: Double) -> String {
        var parts: [String] = []
        var cx = x
        for rag in RAG.allCases {
            parts.append("<rect x=\"\(n(cx))\" y=\"\(n(y - 9))\" width=\"12\" height=\"10\" fill=\"\(fill(rag, key: key))\" stroke=\"#333\" stroke-width=\"0.5\"/>")
            parts.append(text(rag.label, x: cx + 16, y: y))
            cx += 70
        }
        return parts.joined()
    }

    // MARK: RAG over time

    static func ragTrend(_ bars: [RAGBar], key: String, into body: inout [String]) -> Double {
        let left = 40.0, top = 24.0, plotHeight = 160.0
        let plotWidth = width - left - 10
        let step = plotWidth / Double(max(1, bars.count))
        let columnWidth = max(4, step * 0.7)
        let most = Double(max(1, bars.map(\.total).max() ?? 1))
        body.append(legend(key: key, x: left, y: 12))
        body.append("<line x1=\"\(n(left))\" y1=\"\(n(top + plotHeight))\" x2=\"\(n(width - 10))\" y2=\"\(n(top + plotHeight))\" stroke=\"#333\"/>")
        body.append(text(String(Int(most)), x: left - 6, y: top + 8, anchor: "end"))
        body.append(text("0", x: left - 6, y: top + plotHeight, anchor: "end"))
        for (i, bar) in bars.enumerated() {
            let x = left + Double(i) * step + (step - columnWidth) / 2
            var y = top + plotHeight
            for rag in RAG.allCases {
                let count = bar.count(rag)
                guard count > 0 else { continue }
                let h = Double(count) / most * plotHeight
                y -= h
                body.append("<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(columnWidth))\" height=\"\(n(h))\" fill=\"\(fill(rag, key: key))\" "
                    + "stroke=\"#333\" stroke-width=\"0.5\" data-label=\"\(bar.label)\" data-rag=\"\(rag.rawValue)\" data-value=\"\(count)\">"
                    + "<title>\(bar.label): \(count) \(rag.rawValue)</title></rect>")
            }
            // Every month is labelled when there is room, else every few.
            let every = max(1, Int((46 / step).rounded(.up)))
            if i % every == 0 || i == bars.count - 1 {
                body.append(text(bar.label, x: x + columnWidth / 2, y: top + plotHeight + 14, anchor: "middle", size: 10))
            }
        }
        return top + plotHeight + 22
    }

    // MARK: Timeline

    static func timeline(_ rows: [TimelineRow], asOf: Day, key: String, into body: inout [String]) -> Double {
        let labelWidth = 210.0, rowHeight = 18.0, top = 34.0
        let plotWidth = width - labelWidth - 10
        let days = rows.flatMap { [$0.begins, $0.due] + $0.milestones.map(\.due) }.compactMap { $0 } + [asOf]
        let first = days.min()!, last = days.max()!
        let start = Day(year: first.year, month: first.month, day: 1)!
        let end = Day(year: last.year, month: last.month, day: 1)!.adding(months: 1)
        let span = Double(max(1, start.days(until: end)))
        func x(_ d: Day) -> Double { labelWidth + Double(start.days(until: d)) / span * plotWidth }
        let bottom = top + Double(rows.count) * rowHeight
        // Month lines and labels; the year at January and at the first month.
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var m = start
        let monthWidth = plotWidth / (span / 30.4)
        while m < end {
            body.append("<line x1=\"\(n(x(m)))\" y1=\"\(n(top - 4))\" x2=\"\(n(x(m)))\" y2=\"\(n(bottom))\" stroke=\"#ddd\"/>")
            if monthWidth >= 24 || m.month % 3 == 1 {
                body.append(text(names[m.month - 1], x: x(m) + 2, y: top - 8, size: 10))
            }
            if m.month == 1 || m == start { body.append(text(String(m.year), x: x(m) + 2, y: top - 20, size: 10, weight: "bold")) }
            m = m.adding(months: 1)
        }
        var rowY: [String: Double] = [:]
        for (i, r) in rows.enumerated() { rowY[r.id] = top + Double(i) * rowHeight }
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            let label = r.id + " " + (r.title.count > 28 ? String(r.title.prefix(27)) + "…" : r.title)
            body.append(text(label, x: 4, y: y + 13, size: 10, weight: r.overdue ? "bold" : nil))
            let from = r.begins ?? r.due ?? asOf
            let to = r.due ?? asOf
            let mark = r.overdue ? " (overdue)" : ""
            body.append("<rect x=\"\(n(x(from)))\" y=\"\(n(y + 4))\" width=\"\(n(max(2, x(to) - x(from))))\" height=\"10\" "
                + "fill=\"\(fill(r.rag, key: key))\" stroke=\"#333\" stroke-width=\"0.5\" data-id=\"\(Escape.html(r.id))\" "
                + "data-start=\"\(r.begins?.iso ?? "")\" data-due=\"\(r.due?.iso ?? "")\" data-rag=\"\(r.rag.rawValue)\">"
                + "<title>\(Escape.html(r.id)): \(r.begins?.iso ?? "?") to \(r.due?.iso ?? "no due date"), \(r.rag.rawValue)\(mark)</title></rect>")
            if r.overdue, let due = r.due, due < asOf {
                body.append("<rect x=\"\(n(x(due)))\" y=\"\(n(y + 4))\" width=\"\(n(x(asOf) - x(due)))\" height=\"10\" fill=\"url(#\(key)-late)\" "
                    + "stroke=\"#c0392b\" stroke-width=\"0.8\" data-overdue=\"\(Escape.html(r.id))\"><title>\(Escape.html(r.id)): "
                    + "\(due.days(until: asOf)) days overdue</title></rect>")
            }
            for ms in r.milestones {
                guard let d = ms.due else { continue }
                let cx = x(d), cy = y + 9
                body.append("<polygon points=\"\(n(cx)),\(n(cy - 6)) \(n(cx + 5)),\(n(cy)) \(n(cx)),\(n(cy + 6)) \(n(cx - 5)),\(n(cy))\" "
                    + "fill=\"\(ms.done ? "#111" : "#fff")\" stroke=\"#111\" stroke-width=\"1.2\" data-milestone=\"\(ms.done ? "done" : "open")\">"
                    + "<title>\(Escape.html(ms.title)), \(d.iso)\(ms.done ? ", done" : "")</title></polygon>")
            }
        }
        // What waits on what: from the end of the bar waited on, out to the right, along the
        // gap between the rows, to the start of the bar that waits, ending in an arrowhead.
        // Drawn as an elbow with a stub of its own, so it keeps a shape when both ends fall on
        // the same day or the rows are neighbours (a curve between them had none: issue 13).
        for r in rows {
            guard let y2 = rowY[r.id] else { continue }
            for id in r.waitsOn {
                guard let other = rows.first(where: { $0.id == id }), let y1 = rowY[id], let due = other.due else { continue }
                let x1 = x(due), x2 = x(r.begins ?? due)
                let out = x1 + 6
                let down = y2 > y1
                // Between the rows: just below the bar waited on (or above it), clear of both bars.
                let gap = down ? y1 + 16 : y1 + 2
                let endY = y2 + 9
                let tip = x2 - 1
                let approach = min(out, tip - 6)   // the last run always points right, into the bar
                body.append("<path d=\"M\(n(x1)),\(n(y1 + 9)) H\(n(out)) V\(n(gap)) H\(n(approach)) V\(n(endY)) H\(n(tip))\" "
                    + "fill=\"none\" stroke=\"#555\" stroke-width=\"1.2\" stroke-dasharray=\"3,2\" data-link=\"\(Escape.html(id))→\(Escape.html(r.id))\">"
                    + "<title>\(Escape.html(r.id)) waits on \(Escape.html(id))</title></path>")
                body.append("<polygon points=\"\(n(tip)),\(n(endY)) \(n(tip - 5)),\(n(endY - 3.5)) \(n(tip - 5)),\(n(endY + 3.5))\" fill=\"#555\" "
                    + "data-link-head=\"\(Escape.html(id))→\(Escape.html(r.id))\"/>")
            }
        }
        let ax = x(asOf)
        body.append("<line x1=\"\(n(ax))\" y1=\"\(n(top - 4))\" x2=\"\(n(ax))\" y2=\"\(n(bottom + 2))\" stroke=\"#1f4e9c\" stroke-width=\"1.5\" "
            + "stroke-dasharray=\"5,3\" data-as-of=\"\(asOf.iso)\"><title>As of \(asOf.iso)</title></line>")
        body.append(text("as of \(asOf.iso)", x: min(ax + 3, width - 90), y: bottom + 14, size: 10, fill: "#1f4e9c"))
        return bottom + 22
    }

    // MARK: Indicators

    static func indicators(_ rows: [IndicatorRow], into body: inout [String]) -> Double {
        let labelWidth = 250.0, rowHeight = 30.0, top = 10.0
        let barX = labelWidth + 60, barWidth = width - barX - 70
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            let name = r.name.count > 36 ? String(r.name.prefix(35)) + "…" : r.name
            body.append(text("\(r.id) \(name)", x: 4, y: y + 14, size: 10))
            body.append(text(Number.format(r.baseline) + r.unit, x: barX - 6, y: y + 14, anchor: "end", size: 10))
            body.append(text(Number.format(r.target) + r.unit, x: barX + barWidth + 6, y: y + 14, size: 10))
            body.append("<rect x=\"\(n(barX))\" y=\"\(n(y + 5))\" width=\"\(n(barWidth))\" height=\"12\" fill=\"#f2f2f2\" stroke=\"#333\" stroke-width=\"0.5\"/>")
            if let p = r.progress {
                body.append("<rect x=\"\(n(barX))\" y=\"\(n(y + 5))\" width=\"\(n(p * barWidth))\" height=\"12\" fill=\"#3b6ea8\" "
                    + "data-id=\"\(Escape.html(r.id))\" data-value=\"\(Number.format(r.current ?? 0))\" data-progress=\"\(Int((p * 100).rounded()))\">"
                    + "<title>\(Escape.html(r.name)): now \(Number.format(r.current ?? 0))\(Escape.html(r.unit)), "
                    + "\(Int((p * 100).rounded()))% of the way to \(Number.format(r.target))</title></rect>")
                body.append(text("\(Int((p * 100).rounded()))%", x: barX + max(4, p * barWidth - 4), y: y + 27, anchor: "middle", size: 9))
            } else {
                body.append(text("not measured yet", x: barX + barWidth / 2, y: y + 15, anchor: "middle", size: 10, fill: "#555"))
            }
            // Readings, when the store records them, as dots along the bar.
            for reading in r.readings where r.target != r.baseline {
                let p = min(1, max(0, (reading.value - r.baseline) / (r.target - r.baseline)))
                body.append("<circle cx=\"\(n(barX + p * barWidth))\" cy=\"\(n(y + 11))\" r=\"2.5\" fill=\"#111\">"
                    + "<title>\(reading.day.iso): \(Number.format(reading.value))</title></circle>")
            }
        }
        return top + Double(rows.count) * rowHeight + 6
    }
}
