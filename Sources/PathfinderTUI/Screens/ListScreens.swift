import PathfinderModel

/// Screen 5a: every case study with its area (or place) and themes.
enum CaseStudiesScreen {
    static let listTop = 2
    static func visibleRows(_ state: AppState) -> Int { max(1, state.bodyHeight - listTop) }

    static func render(_ state: AppState, _ cursor: ListCursor, _ body: Rect, _ screen: inout Screen) {
        let theme = state.theme
        let studies = state.partnership.caseStudies
        var heading = " \(studies.count) case stud\(studies.count == 1 ? "y" : "ies")"
        // A case study file with errors is not in the list: the heading says it is there.
        let broken = ProblemCount(state.problems.lazy.filter { $0.path.hasPrefix("case-studies/") }).filesWithErrors
        if broken > 0 {
            heading += " · ! \(broken) file\(broken == 1 ? "" : "s") with problems (\(state.problemsKey))"
        }
        screen.put(Text.truncate(heading, to: body.width), x: body.x, y: body.y, style: theme.style(for: .heading))
        let whereWidth = body.width >= 80 ? 16 : 12
        let themesWidth = body.width >= 100 ? 34 : (body.width >= 70 ? 20 : 0)
        var cols = [Column(title: "Case study", width: max(10, body.width - 3 - whereWidth - themesWidth - (themesWidth > 0 ? 2 : 1))),
                    Column(title: "Area / place", width: whereWidth)]
        if themesWidth > 0 { cols.append(Column(title: "Themes", width: themesWidth)) }
        Table.header(cols, x: body.x + 1, y: body.y + 1, theme: theme, into: &screen)
        let visible = visibleRows(state)
        for (i, study) in studies.enumerated().dropFirst(cursor.top).prefix(visible) {
            let y = body.y + listTop + i - cursor.top
            let selected = i == cursor.selected
            let style = theme.style(for: selected ? .selected : .normal)
            if selected { screen.fill(x: body.x, y: y, width: body.width - 1, height: 1, style: style) }
            let place = study.area.flatMap { state.partnership.area($0)?.name } ?? study.place
            let themes = study.themes.map { state.partnership.catalogue.theme($0)?.label ?? $0 }.joined(separator: ", ")
            let values = [study.title, place, themes]
            var x = body.x + 1
            for (c, col) in cols.enumerated() {
                screen.put(Table.fit(values[c], col), x: x, y: y, style: c == 0 || selected ? style : theme.style(for: .dim))
                x += col.width + 1
            }
        }
        Scrollbar.draw(top: cursor.top, visible: visible, total: studies.count, x: body.x + body.width - 1,
                       y: body.y + listTop, theme: theme, into: &screen)
    }

    static func handle(_ command: Command, _ cursor: inout ListCursor, _ state: inout AppState) {
        let studies = state.partnership.caseStudies
        if ListKeys.move(command, &cursor, count: studies.count, visible: visibleRows(state)) { return }
        if command == .open, studies.indices.contains(cursor.selected) {
            state.page = .caseStudies(cursor)
            state.push(.caseStudy(CaseStudyPage(caseStudy: studies[cursor.selected].id)))
        }
    }
}

/// Screen 6: areas by the nine critical success factors (para 5.2); each cell the number of
/// actions serving that factor and their RAG mix. Enter lists those actions.
enum SuccessFactorsScreen {
    /// Where the matrix's parts go at this size. When the areas do not all fit beside the factor
    /// names (a narrow window, or a partnership of many areas), the columns scroll sideways with
    /// the selection, and the rows scroll down it, so every cell can be reached.
    struct Layout {
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
            rowCount = max(1, min(factors, (bodyHeight - Layout.top) / 2))
            firstRow = max(0, min(p.row - rowCount + 1, factors - rowCount))
        }

        /// Screen column of a matrix column's left edge, relative to the body.
        func x(ofColumn column: Int) -> Int { 1 + labelWidth + 1 + (column - firstColumn) * (cellWidth + 1) }

        /// The cell under a body position, if any.
        func cell(atX x: Int, y: Int) -> (row: Int, column: Int)? {
            guard y >= Layout.top, x >= 2 + labelWidth else { return nil }
            let column = firstColumn + (x - 2 - labelWidth) / (cellWidth + 1)
            let row = firstRow + (y - Layout.top) / 2
            guard column < firstColumn + columnCount, row < firstRow + rowCount else { return nil }
            return (row, column)
        }
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
        let layout = Layout(state, p, bodyWidth: body.width, bodyHeight: body.height)
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
        let useCodes = cellWidth < 9 && shownColumns.contains { DisplayWidth.of(areas[$0].name) > cellWidth }
        for c in shownColumns {
            let area = areas[c]
            let name = useCodes && !area.code.isEmpty ? area.code : area.name
            screen.put(Text.padLeft(Text.truncate(name, to: cellWidth), to: cellWidth), x: body.x + layout.x(ofColumn: c), y: body.y + 1,
                       style: theme.style(for: c == p.column ? .selected : .tableHeader))
        }
        for r in layout.firstRow..<min(factors.count, layout.firstRow + layout.rowCount) {
            let factor = factors[r]
            let y = body.y + Layout.top + (r - layout.firstRow) * 2
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

/// A titled list of actions, as a cell of the success factor matrix lists them.
enum ActionListScreen {
    static let listTop = 2
    static func visibleRows(_ state: AppState) -> Int { max(1, state.bodyHeight - listTop) }

    static func render(_ state: AppState, _ p: ActionListPage, _ body: Rect, _ screen: inout Screen) {
        let theme = state.theme
        screen.put(Text.truncate(" \(p.title): \(p.actions.count) actions", to: body.width), x: body.x, y: body.y,
                   style: theme.style(for: .heading))
        let cols = ActionPlanScreen.columns(width: body.width - 2)
        Table.header(cols, x: body.x + 1, y: body.y + 1, theme: theme, into: &screen)
        let actions = p.actions.compactMap { state.partnership.action($0) }
        for (i, action) in actions.enumerated().dropFirst(p.cursor.top).prefix(visibleRows(state)) {
            ActionPlanScreen.drawAction(action, cols: cols, x: body.x, y: body.y + listTop + i - p.cursor.top,
                                        width: body.width, selected: i == p.cursor.selected, state: state, into: &screen)
        }
    }

    static func handle(_ command: Command, _ p: inout ActionListPage, _ state: inout AppState) {
        if ListKeys.move(command, &p.cursor, count: p.actions.count, visible: visibleRows(state)) { return }
        if command == .open, p.actions.indices.contains(p.cursor.selected) {
            state.page = .actionList(p)
            state.open(.action(p.actions[p.cursor.selected]))
        }
    }
}

/// Screen 7: incremental search across areas, actions and case studies, grouped by kind, with
/// the match highlighted. Enter jumps to the result.
enum SearchScreen {
    static let listTop = 2
    /// Each result takes two lines: title, then where it matched.
    static func visibleRows(_ state: AppState) -> Int { max(1, (state.bodyHeight - listTop) / 2) }

    static func run(_ p: inout SearchPage, _ state: inout AppState) {
        if state.searchIndex == nil { state.searchIndex = SearchIndex(state.partnership) }
        let found = state.searchIndex!.search(p.query.text)
        p.results = found.results
        p.total = found.total
        p.cursor = ListCursor()
    }

    static func render(_ state: AppState, _ p: SearchPage, _ body: Rect, _ screen: inout Screen) {
        let theme = state.theme
        screen.put(" Search: ", x: body.x, y: body.y, style: theme.style(for: .heading))
        if p.editing {
            InputField.render(p.query, x: body.x + 9, y: body.y, width: body.width - 10, theme: theme, into: &screen)
        } else {
            screen.put(Text.truncate(p.query.text, to: body.width - 10), x: body.x + 9, y: body.y, style: theme.style(for: .input))
        }
        let countText: String
        if p.query.isEmpty {
            countText = "Type to search areas, actions (every field and progress note) and case studies."
        } else if p.total == 0 {
            countText = "Nothing found for \(Quote.value(p.query.text))."
        } else {
            countText = "\(p.total) found" + (p.total > p.results.count ? ", showing \(p.results.count)" : "")
                + (p.editing ? " · Enter opens the first, ↓ moves into the results" : " · Enter opens, / edits the search")
        }
        screen.put(Text.truncate(" " + countText, to: body.width), x: body.x, y: body.y + 1, style: theme.style(for: .dim))
        let words = p.query.text.split(separator: " ").map(String.init)
        var y = body.y + listTop
        var lastKind: SearchResult.Kind?
        for (i, result) in p.results.enumerated().dropFirst(p.cursor.top) {
            guard y + 1 < body.y + body.height else { break }
            if result.kind != lastKind {
                // A kind's heading shows above its first visible result.
                screen.put(" \(result.kind.label)", x: body.x, y: y, style: theme.style(for: .tableHeader))
                y += 1
                lastKind = result.kind
                guard y + 1 < body.y + body.height else { break }
            }
            let base = theme.style(for: i == p.cursor.selected ? .selected : .normal)
            if i == p.cursor.selected { screen.fill(x: body.x, y: y, width: body.width - 1, height: 2, style: base) }
            let title = result.kind == .action ? "\(result.id)  \(result.title)" : result.title
            highlight(Text.truncate(title, to: body.width - 4), words: words, x: body.x + 2, y: y, base: base, state: state, into: &screen)
            let context = result.field.isEmpty ? "" : "\(result.field): \(result.snippet)"
            highlight(Text.truncate(context, to: body.width - 6), words: words, x: body.x + 4, y: y + 1,
                      base: i == p.cursor.selected ? base : theme.style(for: .dim), state: state, into: &screen)
            y += 2
        }
    }

    /// Draws text and restyles every occurrence of the query's words.
    static func highlight(_ text: String, words: [String], x: Int, y: Int, base: Style, state: AppState, into screen: inout Screen) {
        screen.put(text, x: x, y: y, style: base)
        let match = state.theme.style(for: .searchMatch)
        for word in words {
            var rest = text[...]
            var offset = 0
            while let r = TextMatch.range(of: word, in: String(rest)) {
                let s = String(rest)
                let before = DisplayWidth.of(s[s.startIndex..<r.lowerBound])
                let width = DisplayWidth.of(s[r])
                screen.restyle(x: x + offset + before, y: y, width: width, style: match)
                offset += before + width
                rest = s[r.upperBound...]
                if width == 0 { break }
            }
        }
    }

    static func open(_ p: SearchPage, _ state: inout AppState) {
        guard p.results.indices.contains(p.cursor.selected) else { return }
        let result = p.results[p.cursor.selected]
        switch result.kind {
        case .area: state.open(.area(result.id))
        case .action: state.open(.action(result.id))
        case .caseStudy: state.open(.caseStudy(result.id))
        }
    }

    static func handle(_ command: Command, _ p: inout SearchPage, _ state: inout AppState) {
        if ListKeys.move(command, &p.cursor, count: p.results.count, visible: visibleRows(state)) {
            p.editing = false
            return
        }
        switch command {
        case .open:
            state.page = .search(p)
            open(p, &state)
        case .filter, .search:
            p.editing = true
        default:
            break
        }
    }
}

/// Help (`?`): every key of the current screen and the global ones, generated from the key map.
enum HelpOverlay {
    /// The box's width on this screen.
    static func boxWidth(_ state: AppState) -> Int { min(state.width - 4, 72) }

    /// Key, then what it does, wrapped to the box: on a narrow screen the key column shrinks
    /// and the text runs on to further lines rather than being cut.
    static func lines(_ state: AppState) -> [DocumentLine] {
        let inner = max(10, boxWidth(state) - 4)
        let keyWidth = inner >= 60 ? 18 : min(14, inner / 3)
        var lines: [DocumentLine] = []
        func section(_ title: String, _ context: KeyContext) {
            let bindings = state.keyMap.bindings(for: context)
            guard !bindings.isEmpty else { return }
            if !lines.isEmpty { lines.append(DocumentLine()) }
            lines.append(DocumentLine(title, .heading))
            for binding in bindings {
                let keys = binding.keys.map { KeyName.display($0) }.joined(separator: ", ")
                let text = Text.wrap(binding.command.help, to: max(4, inner - keyWidth - 1))
                for (i, part) in text.enumerated() {
                    let key = i == 0 ? Text.pad(Text.truncate(keys, to: keyWidth), to: keyWidth) : String(repeating: " ", count: keyWidth)
                    lines.append(DocumentLine([.init(text: key + " ", role: .helpKey), .init(text: part, role: .helpText)]))
                }
            }
        }
        section("On this screen", state.context)
        // A form's keys are all its own (`?` and `:` are typed there): nothing else is listed.
        guard state.context.inheritsGlobal else { return lines }
        section("Everywhere", .global)
        // The `:` commands, from the table the command line runs, so none is left out.
        lines.append(DocumentLine())
        lines.append(DocumentLine(commandsHeading, .heading))
        for command in TypedCommand.table {
            let fits = DisplayWidth.of(command.usage) <= keyWidth
            if !fits { lines.append(DocumentLine([.init(text: command.usage, role: .helpKey)])) }
            for (i, part) in Text.wrap(command.help, to: max(4, inner - keyWidth - 1)).enumerated() {
                let key = i == 0 && fits ? Text.pad(command.usage, to: keyWidth) : String(repeating: " ", count: keyWidth)
                lines.append(DocumentLine([.init(text: key + " ", role: .helpKey), .init(text: part, role: .helpText)]))
            }
        }
        return lines
    }

    static let commandsHeading = "Typed after : (Tab completes the name)"

    /// How many lines the box shows at once, so scrolling stops with the last line in view.
    static func visibleLines(_ state: AppState) -> Int { max(1, state.bodyHeight - 4) }

    static func render(_ state: AppState, scroll: Int, _ body: Rect, _ screen: inout Screen) {
        let theme = state.theme
        let width = boxWidth(state)
        let height = body.height - 2
        let x = body.x + (body.width - width) / 2, y = body.y + 1
        guard width > 20, height > 4 else { return }
        screen.fill(x: x, y: y, width: width, height: height, style: theme.style(for: .dialog))
        Box.draw(x: x, y: y, width: width, height: height, title: " Keys — Esc or ? closes ", theme: theme, into: &screen)
        let lines = lines(state)
        for (i, line) in lines.enumerated().dropFirst(scroll).prefix(height - 2) {
            var cx = x + 2
            for span in line.spans {
                cx += screen.put(span.text, x: cx, y: y + 1 + i - scroll, style: theme.style(for: span.role), maxWidth: x + width - 2 - cx)
            }
        }
    }
}

/// A single-line box with a title in its top edge.
enum Box {
    static func draw(x: Int, y: Int, width: Int, height: Int, title: String, theme: Theme, into screen: inout Screen) {
        let style = theme.style(for: .dialogBorder)
        screen.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, style: style)
        for row in 1..<(height - 1) {
            screen.put("│", x: x, y: y + row, style: style)
            screen.put("│", x: x + width - 1, y: y + row, style: style)
        }
        screen.put("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, style: style)
        screen.put(Text.truncate(title, to: width - 4), x: x + 2, y: y, style: style)
    }
}
