import PathfinderModel

public struct FactorMatrixPage: PageScreen {
    public var row = 0
    public var column = 0
}

extension FactorMatrixPage {
    var page: Page { .successFactors(self) }
    var keyContext: KeyContext { .successFactors }
    func crumbs(_ state: AppState) -> [String] { ["Success factors"] }
    func path(_ state: AppState, below: [String]) -> [String] { ["Success factors"] }
    var jumpKey: String? { "success-factors" }

    /// Each cell drawn is a target, two lines high (count, then the RAG split), reaching to
    /// the next cell's edge.
    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout {
        let matrix = Matrix(state, self, bodyWidth: body.width, bodyHeight: body.height)
        let areas = state.partnership.areas.count
        let factors = state.partnership.catalogue.successFactors.count
        var spots: [ScreenLayout.Spot] = []
        for r in matrix.firstRow..<min(factors, matrix.firstRow + matrix.rowCount) {
            for c in matrix.firstColumn..<min(areas, matrix.firstColumn + matrix.columnCount) {
                spots.append(.init(target: .cell(row: r, column: c),
                                   rect: Rect(x: body.x + matrix.x(ofColumn: c), y: body.y + Matrix.top + (r - matrix.firstRow) * 2,
                                              width: matrix.cellWidth + 1, height: 2)))
            }
        }
        return ScreenLayout(body: body, spots: spots, pageRows: matrix.rowCount)
    }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        Self.render(state, self, layout.body, &screen)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        Self.handle(command, &self, &state)
        return []
    }

    var selection: Target? { .cell(row: row, column: column) }
    mutating func select(_ target: Target, _ state: AppState) {
        if case let .cell(r, c) = target {
            row = r
            column = c
        }
    }
}

/// Screen 6: areas by the nine critical success factors (para 5.2); each cell the number of
/// actions serving that factor and their RAG mix. Enter lists those actions.
extension FactorMatrixPage {
    /// Where the matrix's parts go at this size. When the areas do not all fit beside the factor
    /// names (a narrow window, or a partnership of many areas), the columns scroll sideways with
    /// the selection, and the rows scroll down it, so every cell can be reached.
    struct Matrix {
        var cellWidth: Int
        var labelWidth: Int
        var firstColumn: Int
        var columnCount: Int
        var firstRow: Int
        var rowCount: Int

        /// Matrix rows start two lines into the body (title, area headings); each factor takes two
        /// lines (count, then the RAG split).
        static let top = 2

        init(_ state: AppState, _ p: FactorMatrixPage, bodyWidth: Int, bodyHeight: Int) {
            let areas = state.partnership.areas.count
            let factors = state.partnership.catalogue.successFactors.count
            cellWidth = min(13, max(7, (bodyWidth - 2 - 24) / max(1, areas) - 1))
            columnCount = max(1, min(areas, (bodyWidth - 2 - 12) / (cellWidth + 1)))
            labelWidth = max(1, bodyWidth - 2 - columnCount * (cellWidth + 1))
            firstColumn = max(0, min(p.column - columnCount + 1, areas - columnCount))
            rowCount = max(1, min(factors, (bodyHeight - Matrix.top) / 2))
            firstRow = max(0, min(p.row - rowCount + 1, factors - rowCount))
        }

        /// Screen column of a matrix column's left edge, relative to the body.
        func x(ofColumn column: Int) -> Int { 1 + labelWidth + 1 + (column - firstColumn) * (cellWidth + 1) }

    }

    static func cell(_ state: AppState, area: String, factor: String) -> [Action] {
        state.partnership.actions.filter { $0.area == area && $0.successFactors.contains(factor) }
    }

    /// Factors are rows and areas columns: nine factor names read better down the side than
    /// across an 80-column screen.
    static func render(_ state: AppState, _ p: FactorMatrixPage, _ body: Rect, _ screen: inout Screen) {
        let theme = state.theme
        let areas = state.partnership.areas
        let factors = state.partnership.catalogue.successFactors
        let layout = Matrix(state, p, bodyWidth: body.width, bodyHeight: body.height)
        let cellWidth = layout.cellWidth
        screen.put(" Critical success factors × areas: actions, and red/amber/green", x: body.x, y: body.y,
                   style: theme.style(for: .heading), maxWidth: body.width)
        let shownColumns = layout.firstColumn..<min(areas.count, layout.firstColumn + layout.columnCount)
        if shownColumns.count < areas.count {
            // Say there is more to either side, as a pager would.
            let more = (layout.firstColumn > 0 ? "◂ " : "") + "\(shownColumns.lowerBound + 1)–\(shownColumns.upperBound) of \(areas.count)"
                + (shownColumns.upperBound < areas.count ? " ▸" : "")
            screen.put(Text.truncate(more, to: layout.labelWidth), x: body.x + 1, y: body.y + 1, style: theme.style(for: .dim))
        }
        // In the narrowest cells names cut to six letters stop being recognisable ("Nottin…"),
        // so then every column is headed by its area code, the same way throughout.
        // So are names cut at any width ("Nottingh…", "Portsmou…" at 80 columns, issue 16): when
        // one does not fit, every column shows its code, as the actions' ids do (PO-, TH-).
        let useCodes = shownColumns.contains { DisplayWidth.of(areas[$0].name) > cellWidth }
        for c in shownColumns {
            let area = areas[c]
            let name = useCodes && !area.code.isEmpty ? area.code : area.name
            screen.put(Text.padLeft(Text.truncate(name, to: cellWidth), to: cellWidth), x: body.x + layout.x(ofColumn: c), y: body.y + 1,
                       style: theme.style(for: c == p.column ? .selected : .tableHeader))
        }
        for r in layout.firstRow..<min(factors.count, layout.firstRow + layout.rowCount) {
            let factor = factors[r]
            let y = body.y + Matrix.top + (r - layout.firstRow) * 2
            guard y < body.y + body.height else { break }
            screen.put(Text.truncate(factor.label, to: layout.labelWidth), x: body.x + 1, y: y,
                       style: theme.style(for: r == p.row ? .heading : .normal))
            for c in shownColumns {
                let cx = body.x + layout.x(ofColumn: c)
                let actions = cell(state, area: areas[c].id, factor: factor.id)
                var rag = RAGCount()
                for a in actions { rag.add(a.rag) }
                let selected = r == p.row && c == p.column
                let base = theme.style(for: selected ? .selected : (actions.isEmpty ? .dim : .normal))
                screen.put(Text.padLeft(actions.isEmpty ? "·" : String(actions.count), to: cellWidth), x: cx, y: y, style: base)
                if !actions.isEmpty, y + 1 < body.y + body.height {
                    RAGBadge.drawCount(rag, x: cx, y: y + 1, width: cellWidth, theme: theme, selected: selected, into: &screen)
                }
            }
        }
    }

    static func handle(_ command: Command, _ p: inout FactorMatrixPage, _ state: inout AppState) {
        let rows = state.partnership.catalogue.successFactors.count
        let columns = state.partnership.areas.count
        guard rows > 0, columns > 0 else { return }
        switch command {
        case .up, .scrollUp: p.row = max(0, p.row - 1)
        case .down, .scrollDown: p.row = min(rows - 1, p.row + 1)
        case .left, .previousPane: p.column = max(0, p.column - 1)
        case .right, .nextPane: p.column = min(columns - 1, p.column + 1)
        case .top: p.row = 0
        case .bottom: p.row = rows - 1
        case .open:
            let factor = state.partnership.catalogue.successFactors[p.row]
            let area = state.partnership.areas[p.column]
            let actions = cell(state, area: area.id, factor: factor.id)
            if actions.isEmpty {
                state.message = Message("No \(area.name) action serves \(factor.label.lowercased()) yet")
            } else {
                state.page = .successFactors(p)
                state.push(.actionList(ActionListPage(title: "\(area.name): \(factor.label)", actions: actions.map(\.id))))
            }
        default:
            break
        }
    }
}
