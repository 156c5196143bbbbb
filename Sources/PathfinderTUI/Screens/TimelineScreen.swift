import PathfinderModel

/// An area's plan on a time line: one row per action (grouped and filtered as on the plan),
/// a bar from start to due, milestones on it, a line for the as-of day, links from what an
/// action waits on. `t` shows the same as text (the dates and numbers behind each bar).
public struct TimelinePage: PageScreen {
    public var area: String
    public var sort: ActionSort = .theme
    /// The plan's filter when the timeline was opened: the same actions show.
    public var filter = ""
    public var cursor = ListCursor()
    public var zoom: TimelineZoom = .year
    /// The chart's left edge; nil keeps the as-of day a third of the way across.
    public var start: Day?
    /// The text equivalent instead of the chart.
    public var asText = false
    public var textTop = 0

    public init(area: String, sort: ActionSort = .theme, filter: String = "") {
        self.area = area
        self.sort = sort
        self.filter = filter
    }
}

extension TimelinePage {
    var page: Page { .timeline(self) }
    var keyContext: KeyContext { .timeline }
    func crumbs(_ state: AppState) -> [String] { ["Timeline"] }
    func path(_ state: AppState, below: [String]) -> [String] {
        ["Areas", state.partnership.area(area)?.name ?? area, "Action plan", "Timeline"]
    }
    func area(_ state: AppState) -> String? { area }
    func action(_ state: AppState) -> String? { asText ? nil : Self.selectedAction(self, state)?.id }

    /// Summary and axis above the rows; the key to the marks below them when there is room.
    static let listTop = 2
    static func showsKey(_ state: AppState) -> Bool { state.bodyHeight >= 10 }
    static func visibleRows(_ state: AppState) -> Int { max(1, state.bodyHeight - listTop - (showsKey(state) ? 1 : 0)) }

    /// The id, RAG letter and flag, then the title as room allows.
    static func labelWidth(_ width: Int) -> Int { width < 60 ? 9 : min(34, width * 3 / 10) }

    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout {
        if asText { return ScreenLayout(body: body, pageRows: max(1, body.height - 1)) }
        return .list(body, top: Self.listTop, first: cursor.top, count: Self.rows(self, state).count, room: Self.visibleRows(state))
    }

    func scale(_ state: AppState) -> TimelineScale {
        let columns = max(1, state.width - Self.labelWidth(state.width) - 2)
        guard let start else { return .around(state.asOf, zoom: zoom, columns: columns) }
        return TimelineScale(start: start, days: zoom.days, columns: columns)
    }

    /// The plan's rows: the same grouping, sort and filter.
    /// The plan's rows, made as the plan makes them (and cached with them: `FrameCache`).
    static func rows(_ p: TimelinePage, _ state: AppState) -> [ActionPlanPage.Row] {
        state.planRows(area: p.area, filter: p.filter, sort: p.sort).rows
    }

    static func selectedAction(_ p: TimelinePage, _ state: AppState) -> Action? {
        let rows = rows(p, state)
        return rows.indices.contains(p.cursor.selected) ? rows[p.cursor.selected].action : nil
    }

    var selection: Target? { asText ? nil : .row(cursor.selected) }
    mutating func select(_ target: Target, _ state: AppState) {
        let rows = Self.rows(self, state)
        if let row = target.row, rows.indices.contains(row), rows[row].action != nil { cursor.selected = row }
    }

    mutating func keepVisible(_ state: AppState) {
        let rows = Self.rows(self, state)
        cursor.keepVisible(count: rows.count, visible: Self.visibleRows(state))
        ActionPlanPage.skipGroup(&cursor, rows: rows, direction: 1, visible: Self.visibleRows(state))
    }

    /// The mouse wheel pans the chart through time (the rows move with the keys).
    mutating func input(_ event: Event, _ state: inout AppState) -> [Effect]? {
        guard !asText, case let .mouse(mouse) = event else { return nil }
        switch mouse {
        case .wheelUp: pan(-1, state)
        case .wheelDown: pan(1, state)
        default: return nil
        }
        return []
    }

    /// Moves the chart by a quarter of its width, earlier (-1) or later (1).
    mutating func pan(_ direction: Int, _ state: AppState) {
        start = scale(state).start.adding(days: direction * max(1, zoom.days / 4))
    }

    /// Zooms about the middle of the chart, so what was in view stays there.
    mutating func setZoom(_ new: TimelineZoom, _ state: AppState) {
        guard new != zoom else { return }
        let old = scale(state)
        let middle = old.start.adding(days: old.days / 2)
        zoom = new
        if start != nil { start = middle.adding(days: -new.days / 2) }
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        if asText {
            let lines = Self.textLines(self, state, width: state.width).count
            let visible = max(1, state.bodyHeight - 1)
            switch command {
            case .up, .scrollUp: textTop = max(0, textTop - (command == .up ? 1 : 3))
            case .down, .scrollDown: textTop = min(max(0, lines - visible), textTop + (command == .down ? 1 : 3))
            case .pageUp: textTop = max(0, textTop - visible)
            case .pageDown: textTop = min(max(0, lines - visible), textTop + visible)
            case .top: textTop = 0
            case .bottom: textTop = max(0, lines - visible)
            case .textView: asText = false
            default: state.message = Message("That key does nothing on the timeline's text — t shows the chart again")
            }
            return []
        }
        let rows = Self.rows(self, state)
        let visible = Self.visibleRows(state)
        let before = cursor.selected
        if command != .scrollUp, command != .scrollDown, ListKeys.move(command, &cursor, count: rows.count, visible: visible) {
            ActionPlanPage.skipGroup(&cursor, rows: rows, direction: cursor.selected >= before ? 1 : -1, visible: visible)
            return []
        }
        switch command {
        case .open:
            if let action = Self.selectedAction(self, state) { state.push(.action(action.id)) }
        case .left, .scrollUp: pan(-1, state)
        case .right, .scrollDown: pan(1, state)
        case .zoomIn: setZoom(zoom.zoomedIn, state)
        case .zoomOut: setZoom(zoom.zoomedOut, state)
        case .panToday: start = nil
        case .textView:
            asText = true
            textTop = 0
        case .cycleSort:
            let selected = Self.selectedAction(self, state)?.id
            let all = ActionSort.allCases
            sort = all[(all.firstIndex(of: sort)! + 1) % all.count]
            cursor = ListCursor()
            let newRows = Self.rows(self, state)
            if let selected, let i = newRows.firstIndex(where: { $0.action?.id == selected }) {
                cursor.select(i, count: newRows.count, visible: visible)
            }
            keepVisible(state)
            state.message = Message("Sorted \(sort.label)")
        default:
            state.message = Message("That key does nothing on the timeline — press ? for the keys")
        }
        return []
    }
}

// MARK: Drawing

extension TimelinePage {
    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        let theme = state.theme
        let rows = Self.rows(self, state)
        let count = rows.filter { $0.action != nil }.count
        let scale = scale(state)
        let name = state.partnership.area(area)?.name ?? area
        let range = "\(scale.start.iso.prefix(7)) to \(scale.end.adding(days: -1).iso.prefix(7))"
        var summary = " \(name): \(count) action\(count == 1 ? "" : "s") · \(zoom.label) · \(range)"
        if !filter.isEmpty { summary += " · filter: \(filter)" }
        screen.put(Text.truncate(summary, to: body.width), x: body.x, y: body.y, style: theme.style(for: .heading))
        if asText {
            let lines = Self.textLines(self, state, width: body.width)
            for (i, line) in lines.dropFirst(textTop).prefix(body.height - 1).enumerated() {
                screen.put(" " + line, x: body.x, y: body.y + 1 + i, style: theme.style(for: .normal), maxWidth: body.width)
            }
            return
        }
        let label = Self.labelWidth(body.width)
        let chartX = body.x + label + 1
        drawAxis(scale, x: chartX, y: body.y + 1, state: state, into: &screen)
        if rows.isEmpty {
            screen.put(" No actions to show.", x: body.x, y: body.y + Self.listTop, style: theme.style(for: .dim), maxWidth: body.width)
            return
        }
        let catalogue = state.partnership.catalogue
        let all = state.partnership.actions(inArea: area)
        let dependencies = Dependencies(all)
        var byID: [String: Action]?
        func find(_ id: String) -> Action? {
            if byID == nil { byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }
            return byID?[id] ?? state.partnership.action(id)
        }
        var drawnAt: [String: (y: Int, bar: TimelineBar)] = [:]
        for (i, y) in layout.rows {
            switch rows[i] {
            case let .group(title, count):
                let used = screen.put(Text.truncate(" \(title) (\(count))", to: body.width - 1), x: body.x, y: y, style: theme.style(for: .heading))
                let asOf = scale.column(of: state.asOf)
                if asOf >= 0, asOf < scale.columns, chartX + asOf > body.x + used {
                    screen.put(TimelineMark.asOfLine.glyph, x: chartX + asOf, y: y, style: theme.style(for: .heading))
                }
            case let .action(a):
                let bar = TimelineBar(a, asOf: state.asOf, catalogue: catalogue, dependencies: dependencies, find: find)
                drawnAt[a.id] = (y, bar)
                drawLabel(bar, x: body.x, y: y, width: label, selected: i == cursor.selected, state: state, into: &screen)
                let marks = TimelineMark.row(bar, scale: scale, asOf: state.asOf)
                for (c, mark) in marks.enumerated() where mark != .empty {
                    screen.put(mark.glyph, x: chartX + c, y: y, style: theme.style(for: Self.role(mark, bar)))
                }
            }
        }
        drawLinks(drawnAt, scale: scale, x: chartX, screen: &screen, theme: theme)
        Scrollbar.draw(top: cursor.top, visible: Self.visibleRows(state), total: rows.count, x: body.x + body.width - 1,
                       y: body.y + Self.listTop, theme: theme, into: &screen)
        if Self.showsKey(state) {
            let key = "█ plan  ▓ red  ░ overdue  ─ closed  ◆ done ◇ to do  ┊ waits on  │ \(state.asOf.iso)  « at risk  t: as text"
            screen.put(Text.truncate(" " + key, to: body.width), x: body.x, y: body.y + body.height - 1, style: theme.style(for: .dim))
        }
    }

    static func role(_ mark: TimelineMark, _ bar: TimelineBar) -> Role {
        switch mark {
        case .bar, .redBar: RAGBadge.role(bar.rag)
        case .overdueRun: .overdue
        case .closedBar, .link, .continuesLeft, .continuesRight, .empty: .dim
        case .milestoneDone: .normal
        case .milestoneOpen: .warning
        case .asOfLine: .heading
        }
    }

    /// Month names where months begin (a letter when a month is narrow), weeks at month zoom,
    /// and ▼ over the as-of day. The marker keeps a column of its own: a name it would land in
    /// moves to just after it, or is cut before it, so the scale never reads "D▼c" (issue 13).
    func drawAxis(_ scale: TimelineScale, x: Int, y: Int, state: AppState, into screen: inout Screen) {
        let theme = state.theme
        let asOf = scale.column(of: state.asOf)
        let marker = asOf >= 0 && asOf < scale.columns ? asOf : nil
        for label in Self.axisLabels(scale, weekly: zoom == .month, marker: marker) {
            screen.put(label.text, x: x + label.column, y: y, style: theme.style(for: .tableHeader))
        }
        if let marker { screen.put("▼", x: x + marker, y: y, style: theme.style(for: .heading)) }
    }

    /// Where each name of the scale goes, none under the marker's column: a name the marker
    /// falls in moves to just after it when it fits there whole, else keeps the letters before
    /// it ("D▼", December), else moves after it shortened.
    static func axisLabels(_ scale: TimelineScale, weekly: Bool, marker: Int?) -> [(column: Int, text: String)] {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let ticks = scale.ticks(weekly: weekly)
        var labels: [(column: Int, text: String, next: Int, full: String)] = []
        var taken = 0
        for (i, tick) in ticks.enumerated() where tick.column >= taken {
            let next = i + 1 < ticks.count ? ticks[i + 1].column : scale.columns
            let room = next - tick.column
            var text = tick.day.day == 1 ? names[tick.day.month - 1] : String(tick.day.day)
            if tick.day.day == 1, tick.day.month == 1, room >= 8 { text = "Jan " + String(tick.day.year) }
            let full = text
            if DisplayWidth.of(text) >= room { text = room >= 2 || tick.day.day != 1 ? String(text.prefix(max(1, room - 1))) : String(text.prefix(1)) }
            text = String(text.prefix(max(0, scale.columns - tick.column)))
            labels.append((tick.column, text, next, full))
            taken = tick.column + DisplayWidth.of(text)
        }
        guard let m = marker, let i = labels.firstIndex(where: { $0.column <= m && m < $0.column + DisplayWidth.of($0.text) }) else {
            return labels.map { ($0.column, $0.text) }
        }
        let label = labels[i]
        let following = i + 1 < labels.count ? labels[i + 1].column : scale.columns
        if m + 1 + DisplayWidth.of(label.full) < following {
            labels[i].column = m + 1
            labels[i].text = label.full
        } else if m > label.column {
            labels[i].text = String(label.text.prefix(m - label.column))
        } else if following - m - 2 >= 1 {
            labels[i].column = m + 1
            labels[i].text = String(label.full.prefix(following - m - 2))
        } else {
            labels.remove(at: i)
        }
        return labels.map { ($0.column, $0.text) }
    }

    func drawLabel(_ bar: TimelineBar, x: Int, y: Int, width: Int, selected: Bool, state: AppState, into screen: inout Screen) {
        let theme = state.theme
        let base = theme.style(for: selected ? .selected : .normal)
        if selected { screen.fill(x: x, y: y, width: width, height: 1, style: base) }
        screen.put(Text.fit(bar.id, to: 6), x: x + 1, y: y, style: base)
        if selected { screen.put(bar.rag.letter, x: x + 7, y: y, style: base) } else { RAGBadge.draw(bar.rag, x: x + 7, y: y, theme: theme, into: &screen) }
        let flag = bar.overdue ? "!" : (bar.blockedBy.isEmpty ? " " : "«")
        screen.put(flag, x: x + 8, y: y, style: selected ? base : theme.style(for: .overdue))
        if width > 11 { screen.put(Text.truncate(bar.title, to: width - 10), x: x + 10, y: y, style: base) }
    }

    /// A dotted line down from the due day of what an action waits on to the action's row.
    func drawLinks(_ drawn: [String: (y: Int, bar: TimelineBar)], scale: TimelineScale, x: Int, screen: inout Screen, theme: Theme) {
        let style = theme.style(for: .dim)
        func blank(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < screen.width && y < screen.height && screen[x, y].text == " " }
        for (_, row) in drawn.sorted(by: { $0.key < $1.key }) {
            for id in row.bar.waitsOn {
                guard let other = drawn[id], let due = other.bar.due else { continue }
                let c = min(max(0, scale.column(of: due)), scale.columns - 1)
                let (top, bottom) = other.y < row.y ? (other.y, row.y) : (row.y, other.y)
                for y in (top + 1)..<max(top + 1, bottom) where blank(x + c, y) {
                    screen.put(TimelineMark.link.glyph, x: x + c, y: y, style: style)
                }
                if blank(x + c, row.y) { screen.put(other.y < row.y ? "└" : "┌", x: x + c, y: row.y, style: style) }
            }
        }
    }

    /// The text equivalent: one paragraph per action with its dates, lateness, milestones and
    /// links, under the plan's group headings; what a screen reader or a copy-paste takes.
    static func textLines(_ p: TimelinePage, _ state: AppState, width: Int) -> [String] {
        let rows = rows(p, state)
        let all = state.partnership.actions(inArea: p.area)
        let dependencies = Dependencies(all)
        var lines = Text.wrap("As of \(state.asOf.iso). * = no start date: from the first note. t shows the chart.", to: max(10, width - 2))
        for row in rows {
            switch row {
            case let .group(title, count): lines.append("\(title) (\(count))")   // the heading, as on the plan
            case let .action(a):
                let bar = TimelineBar(a, asOf: state.asOf, catalogue: state.partnership.catalogue, dependencies: dependencies,
                                      find: state.partnership.action)
                let status = state.partnership.catalogue.status(a.status)?.label ?? a.status
                let text = "\(a.id) \(a.title) (\(a.rag.label), \(status)): \(bar.summary(asOf: state.asOf))."
                lines += Text.wrap(text, to: max(10, width - 6)).enumerated().map { ($0 == 0 ? "  " : "    ") + $1 }
            }
        }
        return lines
    }
}

extension AppState {
    /// `t` on a plan or an area, `:timeline [AREA]`: the plan's actions as the plan shows them
    /// (its sort and filter when opened from it).
    mutating func openTimeline(_ area: String?) {
        guard let area else {
            message = Message("Choose an area first: its timeline opens from its plan (t) or :timeline AREA", isError: true)
            return
        }
        if case let .actionPlan(plan) = page, plan.area == area {
            push(.timeline(TimelinePage(area: area, sort: plan.sort, filter: plan.filter.text)))
        } else {
            push(.timeline(TimelinePage(area: area)))
        }
    }
}
