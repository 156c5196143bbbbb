import PathfinderModel

/// The organisations (issue 12): every organisation with its kind and areas, narrowed as you
/// type by the filter's words (`kind:`, `area:`, `theme:`, `accredited`, any text), or only
/// those an action names (`O` on an action with several).
public struct OrganisationsPage: ListScreen {
    public var cursor = ListCursor()
    public var filter = LineEditor()
    public var editingFilter = false
    /// Only these ids (an action's organisations), in this order; nil for every organisation.
    public var only: [String]?
    /// What `only` came from, for the heading: "PO-03".
    public var of: String?

    public init(only: [String]? = nil, of: String? = nil) {
        self.only = only
        self.of = of
    }

    var page: Page { .organisations(self) }
    var keyContext: KeyContext { .organisations }
    func crumbs(_ state: AppState) -> [String] { of.map { ["Organisations of \($0)"] } ?? ["Organisations"] }
    func path(_ state: AppState, below: [String]) -> [String] { of == nil ? crumbs(state) : below + crumbs(state) }
    var jumpKey: String? { only == nil ? "organisations" : nil }
    static let listTop = 2

    func rowCount(_ state: AppState) -> Int { shown(state).count }

    /// The organisations listed, in name order (an action's in its order).
    func shown(_ state: AppState) -> [Organisation] {
        let p = state.partnership
        let all = only.map { $0.compactMap(p.organisation) } ?? p.organisations
        let filter = OrganisationFilter.parse(self.filter.text, in: p)
        return all.filter { filter.matches($0, in: p, asOf: state.asOf) }
    }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        let theme = state.theme
        let p = state.partnership
        let list = shown(state)
        let total = only?.count ?? p.organisations.count
        var heading = " \(list.count == total ? "" : "\(list.count) of ")\(total) organisation\(total == 1 ? "" : "s")"
        if of != nil { heading += " named by \(of!)" }
        if !filter.text.isEmpty && !editingFilter { heading += " · filter: \(filter.text)" }
        // What the filter takes, said in the heading while it is typed: on the filter's own line
        // it left no room to type at 40 columns.
        if editingFilter { heading += " · kind: area: theme: accredited, or words" }
        let broken = ProblemCount(state.problems.lazy.filter { $0.path.hasPrefix("organisations/") }).filesWithErrors
        if broken > 0 { heading += " · ! \(broken) file\(broken == 1 ? "" : "s") with problems (\(state.problemsKey))" }
        screen.put(Text.truncate(heading, to: body.width), x: body.x, y: body.y, style: theme.style(for: .heading))
        if total == 0 {
            let key = state.keyMap.key(for: .newOrganisation, in: .organisations).map { "Press \(KeyName.display($0)) to add one." } ?? ""
            screen.put(Text.truncate(" No organisations yet. \(key)", to: body.width), x: body.x, y: body.y + 2, style: theme.style(for: .dim))
            return
        }
        var kindWidth = body.width >= 70 ? 20 : 0
        var areasWidth = body.width >= 80 ? 22 : (body.width >= 60 ? 14 : 0)
        var nameWidth = max(10, body.width - 3 - kindWidth - areasWidth - (kindWidth > 0 ? 1 : 0) - (areasWidth > 0 ? 1 : 0))
        // A wide screen gives the kind and the areas what a name does not need (names are short;
        // "Government or public body" was cut beside 150 empty name columns at 200).
        if nameWidth > 60 {
            let extra = nameWidth - 60
            kindWidth += min(extra, 16)
            areasWidth += extra - min(extra, 16)
            nameWidth = 60
        }
        var cols = [Column(title: "Organisation", width: nameWidth)]
        if kindWidth > 0 { cols.append(Column(title: "Kind", width: kindWidth)) }
        if areasWidth > 0 { cols.append(Column(title: "Areas", width: areasWidth)) }
        Table.header(cols, x: body.x + 1, y: body.y + 1, theme: theme, into: &screen)
        for (i, y) in layout.rows {
            let o = list[i]
            let selected = i == cursor.selected
            let style = theme.style(for: selected ? .selected : .normal)
            if selected { screen.fill(x: body.x, y: y, width: body.width - 1, height: 1, style: style) }
            let accredited = o.isAccredited(on: state.asOf) && !o.accreditations.isEmpty
            let values = [(accredited ? "✓ " : "  ") + o.name, p.catalogue.organisationKind(o.kind)?.label ?? o.kind,
                          o.areas.map { p.area($0)?.name ?? $0 }.joined(separator: ", ")]
            var x = body.x + 1
            for (c, col) in cols.enumerated() {
                screen.put(Table.fit(values[c], col), x: x, y: y, style: c == 0 || selected ? style : theme.style(for: .dim))
                x += col.width + 1
            }
        }
        Scrollbar.draw(top: cursor.top, visible: Self.visibleRows(state), total: list.count, x: body.x + body.width - 1,
                       y: body.y + Self.listTop, theme: theme, into: &screen)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        let list = shown(state)
        if ListKeys.move(command, &cursor, count: list.count, visible: Self.visibleRows(state)) { return [] }
        switch command {
        case .open where list.indices.contains(cursor.selected):
            state.page = page
            state.push(.organisation(list[cursor.selected].id))
        case .filter:
            editingFilter = true
            state.page = page
        case .clearFilter:
            filter.set("")
            cursor = ListCursor()
            state.page = page
        default:
            break
        }
        return []
    }

    /// The filter line takes typing first; keys it does not use still move the list.
    mutating func input(_ event: Event, _ state: inout AppState) -> [Effect]? {
        guard editingFilter else { return nil }
        switch filter.handle(event) {
        case .edited:
            cursor = ListCursor()
        case .submitted:
            editingFilter = false
        case .cancelled:
            filter.set("")
            editingFilter = false
        case .ignored:
            return nil
        }
        keepVisible(state)
        return []
    }

    var activeField: (label: String, editor: LineEditor)? {
        editingFilter ? ("Filter: ", filter) : nil
    }
}
