import PathfinderModel

/// Screen 5a: every case study with its area (or place) and themes.
public struct CaseStudiesPage: ListScreen {
    public var cursor = ListCursor()

    var page: Page { .caseStudies(self) }
    var keyContext: KeyContext { .caseStudies }
    func crumbs(_ state: AppState) -> [String] { ["Case studies"] }
    func path(_ state: AppState, below: [String]) -> [String] { ["Case studies"] }
    var jumpKey: String? { "case-studies" }

    func rowCount(_ state: AppState) -> Int { state.partnership.caseStudies.count }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        Self.render(state, cursor, layout, &screen)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        Self.handle(command, &cursor, &state)
        return []
    }
}

extension CaseStudiesPage {
    static let listTop = 2

    static func render(_ state: AppState, _ cursor: ListCursor, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
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
        var themesWidth = body.width >= 100 ? 34 : (body.width >= 70 ? 20 : 0)
        // Wide, the titles take what the longest needs and the themes the rest (at 200 columns
        // the themes were cut at 34 beside eighty empty title columns).
        if themesWidth > 0 {
            let titles = studies.map { DisplayWidth.of($0.title) }.max() ?? 0
            themesWidth = max(themesWidth, body.width - 3 - whereWidth - 2 - titles)
        }
        var cols = [Column(title: "Case study", width: max(10, body.width - 3 - whereWidth - themesWidth - (themesWidth > 0 ? 2 : 1))),
                    Column(title: "Area / place", width: whereWidth)]
        if themesWidth > 0 { cols.append(Column(title: "Themes", width: themesWidth)) }
        Table.header(cols, x: body.x + 1, y: body.y + 1, theme: theme, into: &screen)
        let visible = visibleRows(state)
        for (i, y) in layout.rows {
            let study = studies[i]
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
            state.page = .caseStudies(CaseStudiesPage(cursor: cursor))
            state.push(.caseStudy(studies[cursor.selected].id))
        }
    }
}
