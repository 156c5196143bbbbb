import PathfinderModel

public struct SearchPage: ListScreen {
    public var query = LineEditor()
    public var editing = true
    public var results: [SearchResult] = []
    /// All matches, of which `results` holds the first few hundred per kind.
    public var total = 0
    public var cursor = ListCursor()
    public init() {}
}

extension SearchPage {
    var page: Page { .search(self) }
    var keyContext: KeyContext { .search }
    func crumbs(_ state: AppState) -> [String] { ["Search"] }
    func path(_ state: AppState, below: [String]) -> [String] { ["Search"] }
    var jumpKey: String? { "search" }

    /// Results take two lines each, with a heading line above each kind's first result shown.
    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout {
        var spots: [ScreenLayout.Spot] = []
        var y = body.y + Self.listTop
        var lastKind: SearchResult.Kind?
        for (i, result) in results.enumerated().dropFirst(cursor.top) {
            guard y + 1 < body.y + body.height else { break }
            if result.kind != lastKind {
                y += 1
                lastKind = result.kind
                guard y + 1 < body.y + body.height else { break }
            }
            spots.append(.init(target: .row(i), rect: Rect(x: body.x, y: y, width: body.width, height: 2)))
            y += 2
        }
        return ScreenLayout(body: body, spots: spots, pageRows: Self.visibleRows(state))
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        Self.handle(command, &self, &state)
    }

    /// The search box takes typing first; Up, Down and PgDn still move the results.
    mutating func input(_ event: Event, _ state: inout AppState) -> [Effect]? {
        guard editing else { return nil }
        // Nothing typed yet, `:` and `?` keep their meaning, as on the decisions register.
        if query.isEmpty, event == .key(.character(":")) || event == .key(.character("?")) { return nil }
        switch query.handle(event) {
        case .edited:
            Self.run(&self, &state)
        case .submitted:
            editing = false
            if !results.isEmpty {
                state.page = page
                return Self.open(self, &state)
            }
        case .cancelled:
            if query.isEmpty {
                state.page = page
                state.goBack()
            } else {
                editing = false
            }
        case .ignored:
            return nil
        }
        return []
    }

    var selection: Target? { editing ? nil : .row(cursor.selected) }
    mutating func select(_ target: Target, _ state: AppState) {
        guard let row = target.row else { return }
        cursor.selected = row
        editing = false
    }
    func rowCount(_ state: AppState) -> Int { results.count }
}

/// Screen 7: incremental search across areas, actions and case studies, grouped by kind, with
/// the match highlighted. Enter jumps to the result.
extension SearchPage {
    static let listTop = 2
    /// Each result takes two lines: title, then where it matched.
    static func visibleRows(_ state: AppState) -> Int { max(1, (state.bodyHeight - listTop) / 2) }

    static func run(_ p: inout SearchPage, _ state: inout AppState) {
        if state.searchIndex == nil { state.searchIndex = SearchIndex(state.partnership, words: state.searchWords) }
        let found = state.searchIndex!.search(p.query.text)
        p.results = found.results
        p.total = found.total
        // The best match is marked, and Enter opens it: a title that is the query beats a
        // word found in a key figure (issue 16: "Good Neighbours" opened the area).
        p.cursor = ListCursor()
        if let best = SearchResult.best(p.results) { p.cursor.select(best, count: p.results.count, visible: visibleRows(state)) }
    }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        let p = self
        let body = layout.body
        let theme = state.theme
        screen.put(" Search: ", x: body.x, y: body.y, style: theme.style(for: .heading))
        if p.editing {
            InputField.render(p.query, x: body.x + 9, y: body.y, width: body.width - 10, theme: theme, into: &screen)
        } else {
            screen.put(Text.truncate(p.query.text, to: body.width - 10), x: body.x + 9, y: body.y, style: theme.style(for: .input))
        }
        let countText: String
        if p.query.isEmpty {
            countText = "Type to search areas, actions (every field and progress note), case studies and meetings."
        } else if p.total == 0 {
            countText = "Nothing found for \(Quote.value(p.query.text))."
        } else {
            countText = "\(p.total) found" + (p.total > p.results.count ? ", showing \(p.results.count)" : "")
                + (p.editing ? " · Enter opens the one marked, ↓ moves into the results" : " · Enter opens, / edits the search")
        }
        screen.put(Text.truncate(" " + countText, to: body.width), x: body.x, y: body.y + 1, style: theme.style(for: .dim))
        let words = p.query.text.split(separator: " ").map(String.init)
        var lastKind: SearchResult.Kind?
        for (i, y) in layout.rows {
            let result = p.results[i]
            if result.kind != lastKind {
                // A kind's heading shows above its first visible result.
                screen.put(" \(result.kind.label)", x: body.x, y: y - 1, style: theme.style(for: .tableHeader))
                lastKind = result.kind
            }
            let base = theme.style(for: i == p.cursor.selected ? .selected : .normal)
            if i == p.cursor.selected { screen.fill(x: body.x, y: y, width: body.width - 1, height: 2, style: base) }
            let title = result.kind == .action ? "\(result.id)  \(result.title)" : result.title
            Self.highlight(Text.truncate(title, to: body.width - 4), words: words, x: body.x + 2, y: y, base: base, state: state, into: &screen)
            let context = result.field.isEmpty ? "" : "\(result.field): \(result.snippet)"
            Self.highlight(Text.truncate(context, to: body.width - 6), words: words, x: body.x + 4, y: y + 1,
                      base: i == p.cursor.selected ? base : theme.style(for: .dim), state: state, into: &screen)
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

    /// A meeting opens as its minutes, which is how a past meeting is read.
    static func open(_ p: SearchPage, _ state: inout AppState) -> [Effect] {
        guard p.results.indices.contains(p.cursor.selected) else { return [] }
        let result = p.results[p.cursor.selected]
        switch result.kind {
        case .area: state.open(.area(result.id))
        case .action: state.open(.action(result.id))
        case .caseStudy: state.open(.caseStudy(result.id))
        case .meeting: return state.export(ExportRequest(kind: .minutes(meeting: result.id)))
        }
        return []
    }

    static func handle(_ command: Command, _ p: inout SearchPage, _ state: inout AppState) -> [Effect] {
        if ListKeys.move(command, &p.cursor, count: p.results.count, visible: visibleRows(state)) {
            p.editing = false
            return []
        }
        switch command {
        case .open:
            state.page = .search(p)
            return open(p, &state)
        case .filter, .search:
            p.editing = true
        default:
            break
        }
        return []
    }
}
