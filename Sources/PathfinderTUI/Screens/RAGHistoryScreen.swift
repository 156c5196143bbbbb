import PathfinderModel

/// RAG over time in full: a stacked column per month for an area (or the whole store), and,
/// with `t`, the numbers behind it as a table.
public struct RAGHistoryPage: PageScreen {
    /// Nil for the whole store.
    public var area: String?
    public var asText = false
    public var top = 0

    public init(area: String?) { self.area = area }
}

extension RAGHistoryPage {
    var page: Page { .ragHistory(self) }
    var keyContext: KeyContext { .ragHistory }
    func crumbs(_ state: AppState) -> [String] { ["RAG over time"] }
    func path(_ state: AppState, below: [String]) -> [String] {
        guard let area else { return ["Areas", "RAG over time"] }
        return ["Areas", state.partnership.area(area)?.name ?? area, "RAG over time"]
    }
    func area(_ state: AppState) -> String? { area }

    static func months(_ p: RAGHistoryPage, _ state: AppState) -> [RAGMonth]? {
        state.ragHistory?.months(area: p.area)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        let lines = (Self.months(self, state).map(RAGChart.table) ?? []).count
        let visible = max(1, state.bodyHeight - 2)
        switch command {
        case .textView:
            asText.toggle()
            top = 0
        case .up, .scrollUp: top = max(0, top - 1)
        case .down, .scrollDown: top = min(max(0, lines - visible), top + 1)
        case .pageUp: top = max(0, top - visible)
        case .pageDown: top = min(max(0, lines - visible), top + visible)
        case .top: top = 0
        case .bottom: top = max(0, lines - visible)
        default: state.message = Message("That key does nothing here — t shows the numbers, ? the keys")
        }
        return []
    }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        let theme = state.theme
        let name = area.map { state.partnership.area($0)?.name ?? $0 } ?? "All areas"
        guard let months = Self.months(self, state), let history = state.ragHistory else {
            screen.put(" \(name): RAG over time is being worked out from the store's history…", x: body.x, y: body.y,
                       style: theme.style(for: .dim), maxWidth: body.width)
            return
        }
        let range = months.isEmpty ? "" : " · \(months.first!.label) to \(months.last!.label)"
        screen.put(Text.truncate(" \(name): RAG over time\(range) · from \(history.source)", to: body.width), x: body.x, y: body.y,
                   style: theme.style(for: .heading))
        if months.isEmpty {
            screen.put(" No actions yet.", x: body.x, y: body.y + 2, style: theme.style(for: .dim), maxWidth: body.width)
            return
        }
        if asText {
            for (i, line) in RAGChart.table(months).dropFirst(top).prefix(body.height - 2).enumerated() {
                screen.put(" " + line, x: body.x, y: body.y + 2 + i, style: theme.style(for: i == 0 && top == 0 ? .tableHeader : .normal),
                           maxWidth: body.width)
            }
            return
        }
        Self.drawChart(months, x: body.x + 1, y: body.y + 1, width: body.width - 2, height: body.height - 2, theme: theme, into: &screen)
        let key = RAGChart.key + "  · t: the numbers"
        screen.put(Text.truncate(" " + key, to: body.width), x: body.x, y: body.y + body.height - 1, style: theme.style(for: .dim))
    }

    /// The largest total up the left, the columns, the months under them.
    static func drawChart(_ all: [RAGMonth], x: Int, y: Int, width: Int, height: Int, theme: Theme, into screen: inout Screen) {
        let top = all.map(\.total).max() ?? 0
        let axis = max(2, String(top).count) + 1
        let (months, columnWidth) = RAGChart.fit(all, width: width - axis)
        let rows = RAGChart.columns(months, height: max(1, height - 1), columnWidth: columnWidth)
        screen.put(Text.padLeft(String(rows.count > 1 ? months.map(\.total).max() ?? 0 : 0), to: axis - 1), x: x, y: y,
                   style: theme.style(for: .dim))
        screen.put(Text.padLeft("0", to: axis - 1), x: x, y: y + rows.count - 1, style: theme.style(for: .dim))
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() where cell.glyph != " " {
                screen.put(cell.glyph, x: x + axis + c, y: y + r, style: theme.style(for: cell.role))
            }
        }
        screen.put(RAGChart.monthLabels(months, columnWidth: columnWidth), x: x + axis, y: y + rows.count, style: theme.style(for: .dim),
                   maxWidth: width - axis)
    }
}
