import PathfinderModel

public struct ActionPlanPage: PageScreen {
    public var area: String
    public var cursor = ListCursor()
    public var sort: ActionSort = .theme
    public var filter = LineEditor()
    public var editingFilter = false
    public init(area: String) { self.area = area }
}

extension ActionPlanPage {
    var page: Page { .actionPlan(self) }
    var keyContext: KeyContext { .actionPlan }
    var jumpKey: String? { "plan:" + area }

    func crumbs(_ state: AppState) -> [String] { ["Action plan"] }

    /// Areas › the area › Action plan, however it was reached.
    func path(_ state: AppState, below: [String]) -> [String] {
        ["Areas", state.partnership.area(area)?.name ?? area, "Action plan"]
    }

    /// Every row drawn, theme headings too; a heading is not selectable (`select` passes it by).
    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout {
        .list(body, top: Self.listTop(state), first: cursor.top, count: Self.rows(self, state).rows.count, room: Self.visibleRows(state))
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        Self.handle(command, &self, &state)
        return []
    }

    /// The filter line takes typing first; keys it does not use (Up, Down, PgDn) still move
    /// the list.
    mutating func input(_ event: Event, _ state: inout AppState) -> [Effect]? {
        guard editingFilter else { return nil }
        switch filter.handle(event) {
        case .edited:
            cursor = ListCursor()
            Self.keepVisible(&self, state)
        case .submitted:
            editingFilter = false
        case .cancelled:
            filter.set("")
            editingFilter = false
            Self.keepVisible(&self, state)
        case .ignored:
            return nil
        }
        return []
    }

    var activeField: (label: String, editor: LineEditor)? { editingFilter ? ("Filter: ", filter) : nil }

    var selection: Target? { .row(cursor.selected) }
    mutating func select(_ target: Target, _ state: AppState) {
        let rows = Self.rows(self, state).rows
        if let row = target.row, rows.indices.contains(row), rows[row].action != nil { cursor.selected = row }
    }
    mutating func keepVisible(_ state: AppState) { Self.keepVisible(&self, state) }

    func area(_ state: AppState) -> String? { area }
    func action(_ state: AppState) -> String? { Self.selectedAction(self, state)?.id }
}

/// Screen 3: an area's actions as a table, grouped by theme or sorted, with a filter line that
/// narrows as you type and a count of shown/total.
extension ActionPlanPage {
    enum Row: Hashable {
        case group(String, count: Int)
        case action(Action)

        var action: Action? {
            if case let .action(a) = self { return a }
            return nil
        }
    }

    /// Summary line, the line about files with problems when the area has any, header.
    static func listTop(_ state: AppState) -> Int { problemNotice(state) == nil ? 2 : 3 }

    static func visibleRows(_ state: AppState) -> Int { max(1, state.bodyHeight - listTop(state) - detailHeight(state)) }

    /// Lines under the list for the selected action in full (issue 16: the room reads titles
    /// first, and at 80 columns a title gets about 30): a rule naming it, then its title, lead
    /// and due date wrapped over two lines. One line of text on a small screen; none when the
    /// list would keep fewer than four rows. Always there, so the list does not jump as the
    /// selection moves between short and long titles.
    static func detailHeight(_ state: AppState) -> Int {
        let room = state.bodyHeight - listTop(state)
        return room >= 14 ? 3 : room >= 6 ? 2 : 0
    }

    /// The selected action's detail: the rule (id, status, due), then the text lines.
    static func detailLines(_ a: Action, state: AppState, width: Int, textLines: Int) -> (rule: String, text: [String]) {
        let catalogue = state.partnership.catalogue
        let overdue = a.isOverdue(asOf: state.asOf, catalogue: catalogue)
        let status = catalogue.status(a.status).map { "\($0.symbol) \($0.label)" } ?? a.status
        let due = a.due.map { "due \($0.iso)" + (overdue ? " OVERDUE" : "") } ?? "no due date"
        // Narrow, the status gives way (the list shows its symbol) so the due date stays whole.
        var head = "─ \(a.id) · \(status) · \(due) "
        if DisplayWidth.of(head) > width { head = "─ \(a.id) · \(due) " }
        let rule = Text.truncate(head, to: width) + String(repeating: "─", count: max(0, width - DisplayWidth.of(head)))
        var paragraph = a.title
        let lead = state.partnership.leadText(a)
        if !lead.isEmpty { paragraph += " — lead: " + lead }
        if !a.dependsOn.isEmpty { paragraph += " — waits on " + a.dependsOn.joined(separator: ", ") }
        var lines = Text.wrap(paragraph, to: width)
        if lines.count > textLines {
            let rest = lines.dropFirst(textLines - 1).joined(separator: " ")
            // What does not fit ends in "…": the rest wraps, so it is wider than the line.
            lines = Array(lines.prefix(textLines - 1)) + [Text.truncate(rest, to: width)]
        }
        return (rule, lines)
    }

    /// "! 1 file in this area has problems: press ! to see it", when the plan on screen has
    /// files that did not load or are read-only (their actions are missing or cannot change).
    static func problemNotice(_ state: AppState) -> String? {
        guard case let .actionPlan(p) = state.page else { return nil }
        let n = state.filesWithErrors(inArea: p.area)
        guard n > 0 else { return nil }
        let files = "\(n) file\(n == 1 ? "" : "s")"
        // Shorter on a narrow screen, so the key to press is never cut off.
        if state.width < 60 { return "! \(files) with problems (\(state.problemsKey))" }
        return "! \(files) in this area \(n == 1 ? "has" : "have") problems: " + state.problemsKeyPhrase(n == 1 ? "it" : "them")
    }

    /// A plan's rows, how many actions they show and how many the area has.
    typealias PlanRows = (rows: [Row], shown: Int, total: Int)

    /// The rows shown for a page: its area's actions, filtered, sorted, with theme group headings
    /// (made once per change, see `FrameCache`).
    static func rows(_ p: ActionPlanPage, _ state: AppState) -> PlanRows {
        state.planRows(area: p.area, filter: p.filter.text, sort: p.sort)
    }

    /// Rows made from an area's actions.
    static func makeRows(_ all: [Action], filter text: String, sort: ActionSort, state: AppState) -> PlanRows {
        let filter = PlanFilter.parse(text, catalogue: state.partnership.catalogue, today: state.asOf)
        let shown = text.isEmpty ? all : all.filter { filter.matches($0, asOf: state.asOf, catalogue: state.partnership.catalogue) }
        return (layout(shown, sort: sort, state: state), shown.count, all.count)
    }

    static func layout(_ actions: [Action], sort: ActionSort, state: AppState) -> [Row] {
        let catalogue = state.partnership.catalogue
        switch sort {
        case .theme:
            // Themes in catalogue order; unknown themes last.
            let order = Dictionary(catalogue.themes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            let groups = Dictionary(grouping: actions, by: \.theme)
            var rows: [Row] = []
            for theme in groups.keys.sorted(by: { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }) {
                let members = groups[theme]!.sorted { $0.id < $1.id }
                rows.append(.group(catalogue.theme(theme)?.label ?? theme, count: members.count))
                rows += members.map(Row.action)
            }
            return rows
        case .due:
            return actions.sorted { ($0.due ?? Day(year: 9999, month: 12, day: 31)!, $0.id) < ($1.due ?? Day(year: 9999, month: 12, day: 31)!, $1.id) }.map(Row.action)
        case .rag:
            return actions.sorted { ($0.rag.urgency, $0.id) < ($1.rag.urgency, $1.id) }.map(Row.action)
        case .status:
            let order = Dictionary(catalogue.statuses.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            return actions.sorted { (order[$0.status] ?? .max, $0.id) < (order[$1.status] ?? .max, $1.id) }.map(Row.action)
        case .id:
            return actions.sorted { $0.id < $1.id }.map(Row.action)
        }
    }

    /// `titles`: the widest title shown (with what it waits on), so a wide screen gives the
    /// lead what the titles do not use rather than leaving it cut beside empty title columns.
    static func columns(width: Int, titles: Int? = nil) -> [Column] {
        let showLead = width >= 70
        let showUpdated = width >= 100
        // Narrow windows show the status as its symbol alone, so the due date still fits.
        let statusWidth = width < 60 ? 1 : 13
        var fixed = 7 + 1 + statusWidth + 11
        if showUpdated { fixed += 11 }
        let separators = 4 + (showLead ? 1 : 0) + (showUpdated ? 1 : 0)
        // The room reads titles first: below 100 columns the lead gives way to them (10 at 80,
        // where the title had 24); wide, the lead shares what titles do not need, up to 40
        // (at 200 columns it stayed at 16 beside a hundred empty title columns).
        let room = width - fixed - separators
        var leadWidth = !showLead ? 0 : width < 100 ? 10 : min(40, max(16, (room - 60) / 2))
        if showLead, width >= 100, let titles { leadWidth = max(leadWidth, min(70, room - max(titles, 40))) }
        var cols = [Column(title: "ID", width: 7), Column(title: "R", width: 1),
                    Column(title: "Title", width: max(8, room - leadWidth))]
        if showLead { cols.append(Column(title: "Lead", width: leadWidth)) }
        cols += [Column(title: statusWidth == 1 ? "S" : "Status", width: statusWidth), Column(title: "Due", width: 11)]
        if showUpdated { cols.append(Column(title: "Updated", width: 11)) }
        return cols
    }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        let p = self
        let body = layout.body
        let theme = state.theme
        let (rows, shown, total) = Self.rows(p, state)
        let name = state.partnership.area(p.area)?.name ?? p.area
        var summary = " \(name): \(shown) of \(total) actions · \(p.sort.label)"
        if !p.filter.isEmpty { summary += " · filter: \(p.filter.text)" }
        // What the filter could not read is said, not silently matched against nothing.
        let unread = p.filter.isEmpty ? [] : PlanFilter.read(p.filter.text, catalogue: state.partnership.catalogue, today: state.asOf).problems
        if let first = unread.first { summary = " \(name): \(first)" }
        screen.put(Text.truncate(summary, to: body.width), x: body.x, y: body.y, style: theme.style(for: unread.isEmpty ? .heading : .error))
        let listTop = Self.listTop(state)
        if let notice = Self.problemNotice(state) {
            screen.put(Text.truncate(" " + notice, to: body.width), x: body.x, y: body.y + 1, style: theme.style(for: .error))
        }
        let titles = rows.compactMap(\.action).map { DisplayWidth.of($0.title) + ($0.dependsOn.isEmpty ? 0 : 3 + DisplayWidth.of($0.dependsOn.joined(separator: ","))) }.max()
        let cols = Self.columns(width: body.width - 2, titles: titles)
        Table.header(cols, x: body.x + 1, y: body.y + listTop - 1, theme: theme, into: &screen)
        if rows.isEmpty {
            let text = total == 0 ? "No actions yet in this plan." : "No action matches the filter. Press f to change it, or Esc in the filter to clear it."
            screen.put(" " + text, x: body.x, y: body.y + listTop, style: theme.style(for: .dim), maxWidth: body.width)
            return
        }
        let visible = Self.visibleRows(state)
        for (i, y) in layout.rows {
            switch rows[i] {
            case let .group(title, count):
                screen.put(Text.truncate(" \(title) (\(count))", to: body.width), x: body.x, y: y, style: theme.style(for: .heading))
            case let .action(action):
                Self.drawAction(action, cols: cols, x: body.x, y: y, width: body.width, selected: i == p.cursor.selected,
                           state: state, into: &screen)
            }
        }
        Scrollbar.draw(top: p.cursor.top, visible: visible, total: rows.count, x: body.x + body.width - 1,
                       y: body.y + listTop, theme: theme, into: &screen)
        let detail = Self.detailHeight(state)
        // The rows made above, not made again: at 52,500 actions a second pass was a third of a frame.
        if detail > 0, rows.indices.contains(p.cursor.selected), let selected = rows[p.cursor.selected].action {
            let y = body.y + listTop + visible
            let (rule, text) = Self.detailLines(selected, state: state, width: body.width - 2, textLines: detail - 1)
            screen.put(rule, x: body.x + 1, y: y, style: theme.style(for: .border))
            for (i, line) in text.enumerated() {
                screen.put(line, x: body.x + 1, y: y + 1 + i, style: theme.style(for: .normal))
            }
        }
    }

    static func drawAction(_ a: Action, cols: [Column], x: Int, y: Int, width: Int, selected: Bool, state: AppState,
                           into screen: inout Screen) {
        let theme = state.theme
        let catalogue = state.partnership.catalogue
        let base = theme.style(for: selected ? .selected : .normal)
        if selected { screen.fill(x: x, y: y, width: width - 1, height: 1, style: base) }
        let overdue = a.isOverdue(asOf: state.asOf, catalogue: catalogue)
        var cx = x + 1
        for col in cols {
            switch col.title {
            case "ID":
                screen.put(Table.fit(a.id, col), x: cx, y: y, style: base)
                // « waits on an open action that is red or overdue; ‹ waits on another.
                if !a.dependsOn.isEmpty, col.width > DisplayWidth.of(a.id) {
                    let risky = !Dependencies.blockers(of: a, in: state.partnership, asOf: state.asOf).isEmpty
                    screen.put(risky ? "«" : "‹", x: cx + col.width - 1, y: y, style: selected ? base : theme.style(for: risky ? .overdue : .dim))
                }
            case "R":
                if selected { screen.put(a.rag.letter, x: cx, y: y, style: base) } else { RAGBadge.draw(a.rag, x: cx, y: y, theme: theme, into: &screen) }
            case "Title":
                // What it waits on stays in view: the title gives way to it.
                let waits = a.dependsOn.isEmpty ? "" : " ← " + a.dependsOn.joined(separator: ",")
                let room = col.width - DisplayWidth.of(waits)
                let title = room >= 8 ? Text.truncate(a.title, to: room) + waits : a.title
                screen.put(Table.fit(title, col), x: cx, y: y, style: base)
            case "Lead":
                screen.put(Table.fit(a.lead.isEmpty ? state.partnership.organisationName(a.leadBody) : a.lead, col), x: cx, y: y, style: base)
            case "Status", "S":
                let entry = catalogue.status(a.status)
                let text = col.width == 1 ? (entry?.symbol ?? "?") : "\(entry?.symbol ?? "?") \(entry?.label ?? a.status)"
                screen.put(Table.fit(text, col), x: cx, y: y, style: selected ? base : theme.style(for: RAGBadge.statusRole(a.status)))
            case "Due":
                let text = (a.due?.iso ?? "—") + (overdue ? "!" : "")
                screen.put(Table.fit(text, col), x: cx, y: y, style: overdue && !selected ? theme.style(for: .overdue) : base)
            case "Updated":
                screen.put(Table.fit(a.lastUpdate?.iso ?? "—", col), x: cx, y: y, style: selected ? base : theme.style(for: .dim))
            default:
                break
            }
            cx += col.width + 1
        }
    }

    static func keepVisible(_ p: inout ActionPlanPage, _ state: AppState) {
        let rows = rows(p, state).rows
        p.cursor.keepVisible(count: rows.count, visible: visibleRows(state))
        skipGroup(&p.cursor, rows: rows, direction: 1, visible: visibleRows(state))
    }

    /// Group headings cannot be selected: step past them in the direction of travel.
    static func skipGroup(_ cursor: inout ListCursor, rows: [Row], direction: Int, visible: Int) {
        guard !rows.isEmpty else { return }
        var i = cursor.selected
        while rows.indices.contains(i), rows[i].action == nil { i += direction }
        if !rows.indices.contains(i) {
            i = cursor.selected
            while rows.indices.contains(i), rows[i].action == nil { i -= direction }
        }
        if rows.indices.contains(i) { cursor.select(i, count: rows.count, visible: visible) }
        // Keep the group heading of the first row in view when at the top.
        if cursor.selected == 1, cursor.top == 1 { cursor.top = 0 }
    }

    static func selectedAction(_ p: ActionPlanPage, _ state: AppState) -> Action? {
        let rows = rows(p, state).rows
        return rows.indices.contains(p.cursor.selected) ? rows[p.cursor.selected].action : nil
    }

    static func handle(_ command: Command, _ p: inout ActionPlanPage, _ state: inout AppState) {
        let rows = rows(p, state).rows
        let visible = visibleRows(state)
        let before = p.cursor.selected
        if ListKeys.move(command, &p.cursor, count: rows.count, visible: visible) {
            skipGroup(&p.cursor, rows: rows, direction: p.cursor.selected >= before ? 1 : -1, visible: visible)
            return
        }
        switch command {
        case .open:
            if let action = selectedAction(p, state) { state.push(.action(action.id)) }
        case .filter:
            p.editingFilter = true
        case .clearFilter:
            p.filter.set("")
            keepVisible(&p, state)
        case .cycleSort:
            let selected = selectedAction(p, state)?.id
            let all = ActionSort.allCases
            p.sort = all[(all.firstIndex(of: p.sort)! + 1) % all.count]
            p.cursor = ListCursor()
            // Keep the same action selected after re-sorting.
            let newRows = self.rows(p, state).rows
            if let selected, let i = newRows.firstIndex(where: { $0.action?.id == selected }) {
                p.cursor.select(i, count: newRows.count, visible: visible)
            }
            keepVisible(&p, state)
            state.message = Message("Sorted \(p.sort.label)")
        default:
            state.message = Message("That key does nothing on the action plan — press ? for the keys")
        }
    }
}

/// The action plan's filter line: words narrow by any field; `key:value` narrows by one.
/// Keys: status, rag, theme, factor, lead, due, and `overdue` on its own. Values match
/// catalogue ids or labels by prefix, so `rag:r` and `theme:proc` work while typing. `due:`
/// takes a date (due before it), `<DATE` the same, a month (`2007-03`), or a range
/// (`2007-01..2007-03`, months or days, both ends included).
public enum PlanFilter {
    public static func parse(_ text: String, catalogue: Catalogue, today: Day? = nil) -> ActionFilter {
        read(text, catalogue: catalogue, today: today).filter
    }

    /// The filter, and what in the text it could not read ("rag:purple: no such rating"),
    /// said on the filter line rather than silently matching nothing or everything.
    public static func read(_ text: String, catalogue: Catalogue, today: Day? = nil) -> (filter: ActionFilter, problems: [String]) {
        var filter = ActionFilter()
        var words: [String] = []
        var problems: [String] = []
        for token in text.split(separator: " ") {
            let parts = token.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                if token.lowercased() == "overdue" { filter.overdue = true } else { words.append(String(token)) }
                continue
            }
            let key = parts[0].lowercased(), value = parts[1]
            func pick(_ entries: [(id: String, label: String)], _ what: String) -> String? {
                let v = TextMatch.fold(value)
                guard !v.isEmpty else { return nil }
                if let id = entries.first(where: { TextMatch.fold($0.id).hasPrefix(v) || TextMatch.fold($0.label).hasPrefix(v) })?.id {
                    return id
                }
                problems.append("\(token): no \(what) called that (\(entries.prefix(6).map(\.label).joined(separator: ", ")))")
                return "\u{0}no match"
            }
            switch key {
            case "status", "s":
                filter.status = pick(catalogue.statuses.map { ($0.id, $0.label) }, "status")
            case "rag", "r":
                filter.rag = pick(RAG.allCases.map { ($0.rawValue, $0.label) }, "RAG rating").flatMap(RAG.init(rawValue:))
                if filter.rag == nil, !value.isEmpty { filter.text = "\u{0}" }  // nothing matches an unknown rating
            case "theme", "t":
                filter.theme = pick(catalogue.themes.map { ($0.id, $0.label) }, "theme")
            case "factor", "f":
                filter.successFactor = pick(catalogue.successFactors.map { ($0.id, $0.label) }, "success factor")
            case "lead", "l":
                filter.lead = value.isEmpty ? nil : value
            case "due":
                guard !value.isEmpty else { continue }
                if let (from, before) = dueRange(value, today: today) {
                    filter.dueFrom = from
                    filter.dueBefore = before
                } else {
                    problems.append("\(token): not a date, a month (2007-03) or a range (2007-01..2007-03)")
                    filter.text = "\u{0}"   // nothing matches what could not be read
                }
            default:
                words.append(String(token))
            }
        }
        if filter.text.isEmpty { filter.text = words.joined(separator: " ") }
        return (filter, problems)
    }

    /// A `due:` value as the days it covers: from (included) and before (excluded).
    static func dueRange(_ value: String, today: Day?) -> (from: Day?, before: Day)? {
        func day(_ text: Substring) -> Day? {
            today.flatMap { DateInput.parse(String(text), today: $0) } ?? Day(iso: String(text))
        }
        /// A month (2007-03) as its first day and the first of the next; a day as itself and the next.
        func span(_ text: Substring) -> (Day, Day)? {
            let parts = text.split(separator: "-")
            if parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
               let first = Day(year: y, month: m, day: 1) {
                return (first, first.adding(months: 1))
            }
            return day(text).map { ($0, $0.adding(days: 1)) }
        }
        if value.hasPrefix("<") { return day(value.dropFirst()).map { (nil, $0) } }
        let ends = value.split(separator: ".", omittingEmptySubsequences: true)
        if value.contains(".."), ends.count == 2 {
            guard let start = span(ends[0]), let end = span(ends[1]) else { return nil }
            return (start.0, end.1)
        }
        if let (first, next) = span(Substring(value)), value.split(separator: "-").count == 2 { return (first, next) }
        return day(Substring(value)).map { (nil, $0) }
    }
}

/// A one-column scrollbar on the right edge when a list is longer than its window.
enum Scrollbar {
    static func draw(top: Int, visible: Int, total: Int, x: Int, y: Int, theme: Theme, into screen: inout Screen) {
        guard total > visible, visible > 0 else { return }
        let thumb = max(1, visible * visible / total)
        let position = (visible - thumb) * top / max(1, total - visible)
        for i in 0..<visible {
            let on = i >= position && i < position + thumb
            screen.put(on ? "█" : "│", x: x, y: y + i, style: theme.style(for: on ? .scrollThumb : .border))
        }
    }
}
