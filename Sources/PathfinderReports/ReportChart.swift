import PathfinderModel

/// A chart in a report: its data, from which HTML draws inline SVG (with its numbers in a table
/// beside it), Markdown keeps only the table, and the terminal draws bars with block
/// characters. One value, so every format shows the same numbers.
public struct ReportChart: Hashable, Sendable {
    /// A bar of red, amber and green counts (an area, or a month).
    public struct RAGBar: Hashable, Sendable {
        public var label: String
        public var red: Int
        public var amber: Int
        public var green: Int
        public var total: Int { red + amber + green }

        public init(label: String, red: Int, amber: Int, green: Int) {
            self.label = label
            self.red = red
            self.amber = amber
            self.green = green
        }

        func count(_ rag: RAG) -> Int {
            switch rag {
            case .red: red
            case .amber: amber
            case .green: green
            }
        }
    }

    /// One action on a timeline.
    public struct TimelineRow: Hashable, Sendable {
        public var id: String
        public var title: String
        public var rag: RAG
        public var begins: Day?
        public var due: Day?
        public var overdue: Bool
        public var milestones: [Milestone]
        public var waitsOn: [String]
    }

    /// An indicator from baseline towards target.
    public struct IndicatorRow: Hashable, Sendable {
        public var id: String
        public var name: String
        public var baseline: Double
        public var current: Double?
        public var target: Double
        public var unit: String
        /// Dated readings when the store has them (oldest first); empty otherwise.
        public var readings: [(day: Day, value: Double)] = []

        public static func == (a: IndicatorRow, b: IndicatorRow) -> Bool {
            a.id == b.id && a.name == b.name && a.baseline == b.baseline && a.current == b.current && a.target == b.target
                && a.unit == b.unit && a.readings.map(\.day) == b.readings.map(\.day) && a.readings.map(\.value) == b.readings.map(\.value)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(id)
            hasher.combine(name)
        }

        public var progress: Double? {
            Indicator(name: name, baseline: baseline, target: target, current: current, unit: unit).progress
        }
    }

    public enum Kind: Hashable, Sendable {
        /// Horizontal stacked bars, one per label (RAG by area).
        case ragBars([RAGBar])
        /// Stacked columns, one per month (RAG over time).
        case ragTrend([RAGBar])
        /// Bars from start to due, milestones on them, a line on the as-of day.
        case timeline([TimelineRow], asOf: Day)
        /// Each indicator's way from baseline to target, the current value marked.
        case indicators([IndicatorRow])
    }

    /// Said above the chart and as the SVG's <title>.
    public var title: String
    /// What the chart shows in words, as the SVG's <desc> (for screen readers).
    public var description: String
    public var kind: Kind

    public init(title: String, description: String, kind: Kind) {
        self.title = title
        self.description = description
        self.kind = kind
    }

    /// The numbers behind the chart: the table printed under it in HTML, and in its place in
    /// Markdown and the terminal.
    public var table: ReportDocument.Table {
        switch kind {
        case let .ragBars(bars), let .ragTrend(bars):
            let first = if case .ragTrend = kind { "Month" } else { "Area" }
            return ReportDocument.Table(headers: [first, "Red", "Amber", "Green", "Total"],
                                        rows: bars.map { [$0.label, String($0.red), String($0.amber), String($0.green), String($0.total)] },
                                        rightAligned: [1, 2, 3, 4])
        case let .timeline(rows, _):
            return ReportDocument.Table(headers: ["Id", "RAG", "Start", "Due", "Late", "Milestones done", "Waits on", "Title"],
                                        rows: rows.map { r in
                                            [r.id, r.rag.label, r.begins?.iso ?? "", r.due?.iso ?? "", r.overdue ? "overdue" : "",
                                             "\(r.milestones.filter(\.done).count) of \(r.milestones.count)",
                                             r.waitsOn.joined(separator: ", "), r.title]
                                        })
        case let .indicators(rows):
            return ReportDocument.Table(headers: ["Id", "Indicator", "Baseline", "Current", "Target", "Progress"],
                                        rows: rows.map { r in
                                            let unit = r.unit.isEmpty ? "" : " " + r.unit
                                            return [r.id, r.name, Number.format(r.baseline) + unit,
                                                    r.current.map { Number.format($0) + unit } ?? "not measured yet",
                                                    Number.format(r.target) + unit,
                                                    r.progress.map { "\(Int(($0 * 100).rounded()))%" } ?? ""]
                                        },
                                        rightAligned: [2, 3, 4, 5])
        }
    }
}

// MARK: - Building the charts from the store

extension ReportChart {
    /// RAG of the open actions, one bar per area.
    public static func ragByArea(_ bars: [RAGBar]) -> ReportChart {
        let total = bars.reduce(0) { $0 + $1.total }
        let described = bars.map { "\($0.label): \($0.red) red, \($0.amber) amber, \($0.green) green" }.joined(separator: "; ")
        return ReportChart(title: "Open actions by RAG rating, by area",
                           description: "Stacked bars of \(total) open actions. \(described).", kind: .ragBars(bars))
    }

    /// RAG over time, month by month.
    public static func trend(_ months: [RAGMonth], scope: String, source: String) -> ReportChart {
        let bars = months.map { RAGBar(label: $0.label, red: $0.red, amber: $0.amber, green: $0.green) }
        let first = bars.first.map { "\($0.label): \($0.red) red, \($0.amber) amber, \($0.green) green" } ?? ""
        let last = bars.last.map { "\($0.label): \($0.red) red, \($0.amber) amber, \($0.green) green" } ?? ""
        return ReportChart(title: "RAG over time: \(scope)",
                           description: "Stacked columns, one a month, from \(source). \(first) … \(last).", kind: .ragTrend(bars))
    }

    /// The open actions of one area on a time line.
    public static func timeline(_ actions: [Action], areaName: String, asOf: Day, catalogue: Catalogue) -> ReportChart {
        let rows = actions.filter { !catalogue.isClosed(status: $0.status) }.map { a in
            TimelineRow(id: a.id, title: a.title, rag: a.rag, begins: RAGHistory.begins(a).map { b in a.due.map { min($0, b) } ?? b },
                        due: a.due, overdue: a.isOverdue(asOf: asOf, catalogue: catalogue), milestones: a.milestones,
                        waitsOn: a.dependsOn)
        }
        let late = rows.filter(\.overdue).count
        return ReportChart(title: "Timeline of open actions: \(areaName)",
                           description: "\(rows.count) open actions as bars from start to due date, milestones as diamonds (filled when done), "
                               + "a line at the as-of date \(asOf.iso); \(late) overdue, shown hatched to the as-of date.",
                           kind: .timeline(rows, asOf: asOf))
    }

    public static func indicators(_ rows: [IndicatorRow]) -> ReportChart {
        let described = rows.map { r in
            "\(r.id) \(r.name): \(Number.format(r.baseline)) to \(Number.format(r.target))\(r.unit), now "
                + (r.current.map { Number.format($0) } ?? "not measured")
        }.joined(separator: "; ")
        return ReportChart(title: "Indicators against their targets",
                           description: "Each indicator as a bar from baseline to target with the current value marked. \(described).",
                           kind: .indicators(rows))
    }
}

// MARK: - Block characters, for the terminal report

extension ReportChart {
    /// The chart as lines of block characters (red █, amber ▒, green ░, so it reads without
    /// colour), scaled to `lineWidth`; the timeline's numbers follow as a table instead.
    public func blockBars(lineWidth: Int) -> [String] {
        func bar(_ b: RAGBar, width: Int, most: Int) -> String {
            guard most > 0 else { return "" }
            return RAG.allCases.map { rag in
                let cells = b.count(rag) == 0 ? 0 : max(1, Int((Double(b.count(rag)) * Double(width) / Double(most)).rounded()))
                return String(repeating: Self.block(rag), count: cells)
            }.joined()
        }
        switch kind {
        case let .ragBars(bars), let .ragTrend(bars):
            let labelWidth = min(20, bars.map { DisplayWidth.of($0.label) }.max() ?? 0)
            let width = max(10, min(50, lineWidth - labelWidth - 14))
            let most = bars.map(\.total).max() ?? 0
            return bars.map { b in
                Text.pad(Text.truncate(b.label, to: labelWidth), to: labelWidth) + "  " + bar(b, width: width, most: most)
                    + "  \(b.red)/\(b.amber)/\(b.green)"
            } + [RAG.shadeKey]
        case let .indicators(rows):
            let width = max(10, min(40, lineWidth - 30))
            return rows.map { r in
                let filled = Int(((r.progress ?? 0) * Double(width)).rounded())
                let label = Text.pad(Text.truncate(r.id, to: 8), to: 8)
                return label + " " + Number.format(r.baseline) + " " + String(repeating: "█", count: filled)
                    + String(repeating: "░", count: width - filled) + " " + Number.format(r.target)
                    + (r.progress.map { "  \(Int(($0 * 100).rounded()))%" } ?? "  not measured yet")
            }
        case .timeline:
            return []
        }
    }

    /// The timeline and the indicators need their table in plain text (names, dates); the RAG
    /// bars carry their numbers on each line.
    var showsTableInText: Bool {
        switch kind {
        case .timeline, .indicators: true
        case .ragBars, .ragTrend: false
        }
    }

    static func block(_ rag: RAG) -> String { rag.shade }
}
