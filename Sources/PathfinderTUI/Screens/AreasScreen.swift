import PathfinderModel

/// Screen 1: every area with its type, number of actions, RAG count, overdue count and next due
/// date, and a store-wide total line.
public struct AreasPage: ListScreen {
    public var cursor: ListCursor
    /// Public: the app opens on this screen (`AppState`'s default pages).
    public init(cursor: ListCursor = ListCursor()) { self.cursor = cursor }

    var page: Page { .areas(self) }
    var keyContext: KeyContext { .areas }
    func crumbs(_ state: AppState) -> [String] { ["Areas"] }
    var jumpKey: String? { "areas" }
    func path(_ state: AppState, below: [String]) -> [String] { ["Areas"] }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        Self.render(state, cursor, layout, &screen)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        if state.loadingStore, command == .open || command == .goActionPlan {
            // The rows are the summary cache's until the store is read: open from them.
            guard let row = state.cachedSummary[safe: cursor.selected] else { return [] }
            state.page = page
            return state.openReading(row.area, command == .open ? .area(row.area) : .actionPlan(ActionPlanPage(area: row.area)), name: row.name)
        }
        Self.handle(command, &cursor, &state)
        return []
    }

    /// The areas listed: the summary cache's while the store is read, then the store's.
    func rowCount(_ state: AppState) -> Int { Self.rowCount(state) }

    func area(_ state: AppState) -> String? {
        if state.loadingStore { return state.cachedSummary[safe: cursor.selected]?.area }
        return state.partnership.areas.indices.contains(cursor.selected) ? state.partnership.areas[cursor.selected].id : nil
    }
}

extension AreasPage {
    /// Rows: header, the areas, a rule and the total line.
    static func visibleRows(_ state: AppState) -> Int { max(1, state.bodyHeight - 4) }
    /// The areas listed: the summary cache's while the store is read, then the store's.
    static func rowCount(_ state: AppState) -> Int {
        state.loadingStore ? state.cachedSummary.count : state.partnership.areas.count
    }
    static let listTop = 3   // title line, blank line, header

    static func columns(width: Int) -> [Column] {
        // Narrow windows drop the action count and shorten headings; the RAG mix, overdue and
        // next due date matter most.
        let narrow = width < 60
        var numbers = [Column(title: "R/A/G", width: 8, alignRight: true),
                       Column(title: narrow ? "Late" : "Overdue", width: narrow ? 4 : 7, alignRight: true),
                       Column(title: "Next due", width: 10, alignRight: true)]
        if !narrow { numbers.insert(Column(title: "Actions", width: 7, alignRight: true), at: 0) }
        // A wide window also draws the open actions' RAG mix as a bar (█ red ▒ amber ░ green).
        if width >= 88 { numbers.insert(Column(title: "RAG mix", width: 10), at: numbers.count - 2) }
        let fixed = numbers.reduce(0) { $0 + $1.width + 1 }
        // The authority type goes first when space is short: the numbers matter more.
        let typeWidth = width - fixed >= 40 ? min(16, width - fixed - 25) : 0
        // An area's name needs 40 columns at most: wider, the numbers sat 130 columns from the
        // names they belong to at 200 columns (the rows are read across).
        let name = min(max(6, width - fixed - (typeWidth > 0 ? typeWidth + 1 : 0)), 40)
        var cols = [Column(title: "Area", width: name)]
        if typeWidth > 0 { cols.append(Column(title: "Type", width: typeWidth)) }
        return cols + numbers
    }

    static func render(_ state: AppState, _ cursor: ListCursor, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        let theme = state.theme
        let rows = state.loadingStore ? state.cachedSummary : state.partnership.summaries(asOf: state.asOf)
        let cols = columns(width: body.width - 2)
        // Files with problems first: on a narrow screen the date gives way, not the warning.
        let problemFiles = state.problemCount.filesWithErrors
        let intro = "\(rows.count) areas · " + (state.problemCount.filesSentence.map { "! \($0) · " } ?? "")
            + "overdue as of \(state.asOf.iso)"
        screen.put(" " + intro, x: body.x, y: body.y, style: theme.style(for: .dim), maxWidth: body.width)
        Table.header(cols, x: body.x + 1, y: body.y + 2, theme: theme, into: &screen)
        let visible = visibleRows(state)
        for (i, y) in layout.rows where rows.indices.contains(i) {
            let row = rows[i]
            let selected = i == cursor.selected
            drawRow(row, cols: cols, x: body.x, y: y, width: body.width, selected: selected, theme: theme, into: &screen,
                    problemFiles: state.filesWithErrors(inArea: row.area))
        }
        // An area whose area.md did not load has no row of its own: a line says it is there, so
        // it does not vanish with its actions (while room is left for the total).
        var totalY = body.y + listTop + min(visible, rows.count)
        let shown = Set(rows.map(\.area))
        for area in Set(state.problems.compactMap(\.area)).subtracting(shown).sorted() where totalY + 1 < body.y + body.height {
            let line = "\(area) !\(state.filesWithErrors(inArea: area)): did not load, \(state.problemsKeyPhrase("why"))"
            screen.put(Text.truncate(" " + line, to: body.width), x: body.x, y: totalY, style: theme.style(for: .error))
            totalY += 1
        }
        // The total under a rule; one line short (a small terminal), without the rule rather
        // than not at all.
        if totalY + 1 < body.y + body.height {
            screen.put(String(repeating: "─", count: max(0, body.width - 2)), x: body.x + 1, y: totalY, style: theme.style(for: .border))
            totalY += 1
        }
        if totalY < body.y + body.height {
            drawRow(AreaSummary.total(rows), cols: cols, x: body.x, y: totalY, width: body.width, selected: false,
                    theme: theme, into: &screen, bold: true, problemFiles: problemFiles)
        }
    }

    /// `problemFiles`: how many of the row's files have errors, marked "!2" after the name
    /// (a mark and a number, not colour alone).
    static func drawRow(_ row: AreaSummary, cols: [Column], x: Int, y: Int, width: Int, selected: Bool, theme: Theme,
                        into screen: inout Screen, bold: Bool = false, problemFiles: Int = 0) {
        var base = theme.style(for: selected ? .selected : .normal)
        if bold { base.bold = true }
        if selected { screen.fill(x: x, y: y, width: width, height: 1, style: base) }
        var values: [String: String] = ["Area": row.name, "Type": row.type, "Actions": String(row.actions),
                                         "Next due": row.nextDue?.iso ?? "—"]
        values["Overdue"] = row.overdue == 0 ? "0" : "\(row.overdue) !"
        values["Late"] = values["Overdue"]
        var cx = x + 1
        for col in cols {
            if col.title == "R/A/G" {
                RAGBadge.drawCount(row.rag, x: cx, y: y, width: col.width, theme: theme, selected: selected, into: &screen)
            } else if col.title == "RAG mix" {
                for (i, cell) in RAGChart.bar(red: row.rag.red, amber: row.rag.amber, green: row.rag.green, width: col.width).enumerated() {
                    screen.put(cell.glyph, x: cx + i, y: y, style: selected ? base : theme.style(for: cell.role))
                }
            } else if col.title == "Area", problemFiles > 0 {
                let mark = " !\(problemFiles)"
                let markWidth = DisplayWidth.of(mark)
                let nameWidth = max(1, col.width - markWidth)
                screen.put(Text.pad(Text.truncate(row.name, to: nameWidth), to: nameWidth), x: cx, y: y, style: base)
                var markStyle = theme.style(for: selected ? .selected : .error)
                if bold { markStyle.bold = true }
                screen.put(mark, x: cx + nameWidth, y: y, style: markStyle, maxWidth: col.width - nameWidth)
            } else {
                var style = base
                if col.title == "Overdue" || col.title == "Late", row.overdue > 0, !selected { style = theme.style(for: .overdue) }
                screen.put(Table.fit(values[col.title] ?? "", col), x: cx, y: y, style: style)
            }
            cx += col.width + 1
        }
    }

    static func handle(_ command: Command, _ cursor: inout ListCursor, _ state: inout AppState) {
        let count = rowCount(state)
        if ListKeys.move(command, &cursor, count: count, visible: visibleRows(state)) { return }
        switch command {
        case .open:
            guard state.partnership.areas.indices.contains(cursor.selected) else { return }
            state.push(.area(state.partnership.areas[cursor.selected].id))
        case .goActionPlan:
            guard state.partnership.areas.indices.contains(cursor.selected) else { return }
            state.push(.actionPlan(ActionPlanPage(area: state.partnership.areas[cursor.selected].id)))
        default:
            state.message = Message("That key does nothing on the areas list — press ? for the keys")
        }
    }
}

/// A table column: title, width in terminal columns, alignment.
struct Column: Hashable {
    var title: String
    var width: Int
    var alignRight = false
}

enum Table {
    static func header(_ cols: [Column], x: Int, y: Int, theme: Theme, into screen: inout Screen) {
        var cx = x
        for col in cols {
            screen.put(fit(col.title, col), x: cx, y: y, style: theme.style(for: .tableHeader))
            cx += col.width + 1
        }
    }

    /// Truncated with an ellipsis or padded to the column, aligned as the column says.
    static func fit(_ text: String, _ col: Column) -> String {
        let t = Text.truncate(text, to: col.width)
        return col.alignRight ? Text.padLeft(t, to: col.width) : Text.pad(t, to: col.width)
    }
}

/// The shared list keys: up/down, pages, top/bottom, the wheel. Returns true if it moved.
enum ListKeys {
    static func move(_ command: Command, _ cursor: inout ListCursor, count: Int, visible: Int) -> Bool {
        switch command {
        case .up: cursor.move(by: -1, count: count, visible: visible)
        case .down: cursor.move(by: 1, count: count, visible: visible)
        case .pageUp: cursor.move(by: -visible, count: count, visible: visible)
        case .pageDown: cursor.move(by: visible, count: count, visible: visible)
        case .halfPageUp: cursor.move(by: -max(1, visible / 2), count: count, visible: visible)
        case .halfPageDown: cursor.move(by: max(1, visible / 2), count: count, visible: visible)
        case .top: cursor.select(0, count: count, visible: visible)
        case .bottom: cursor.select(count - 1, count: count, visible: visible)
        case .scrollUp: cursor.scroll(by: -3, count: count, visible: visible)
        case .scrollDown: cursor.scroll(by: 3, count: count, visible: visible)
        default: return false
        }
        return true
    }
}

/// RAG and status shown as a letter or symbol as well as a colour, never colour alone.
enum RAGBadge {
    static func role(_ rag: RAG) -> Role {
        switch rag {
        case .red: .ragRed
        case .amber: .ragAmber
        case .green: .ragGreen
        }
    }

    /// "R" "A" "G" in their colours.
    @discardableResult
    static func draw(_ rag: RAG, x: Int, y: Int, theme: Theme, into screen: inout Screen) -> Int {
        screen.put(rag.letter, x: x, y: y, style: theme.style(for: role(rag)))
    }

    /// "2/3/4" right-aligned, each number in its colour.
    static func drawCount(_ count: RAGCount, x: Int, y: Int, width: Int, theme: Theme, selected: Bool, into screen: inout Screen) {
        let parts = [(String(count.red), RAG.red), (String(count.amber), .amber), (String(count.green), .green)]
        let text = parts.map(\.0).joined(separator: "/")
        var cx = x + max(0, width - text.count)
        for (i, part) in parts.enumerated() {
            let style = selected ? theme.style(for: .selected) : theme.style(for: part.0 == "0" ? .dim : role(part.1))
            cx += screen.put(part.0, x: cx, y: y, style: style)
            if i < 2 { cx += screen.put("/", x: cx, y: y, style: theme.style(for: selected ? .selected : .dim)) }
        }
    }

    static func statusRole(_ status: String) -> Role {
        switch status {
        case "not-started": .statusNotStarted
        case "in-progress": .statusInProgress
        case "blocked": .statusBlocked
        case "done": .statusDone
        case "dropped": .statusDropped
        default: .normal
        }
    }
}
