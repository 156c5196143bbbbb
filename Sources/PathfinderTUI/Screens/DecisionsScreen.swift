import PathfinderModel

/// The decisions register (`:decisions`): every decision of every meeting, newest first, with
/// its date, meeting and action; typing narrows it. A decision that names an owner and a date
/// becomes an action (`a`) or a milestone of its action (`m`), in the form, filled in.
public struct DecisionsPage: ListScreen {
    public var filter = LineEditor()
    /// Typing goes to the filter until ↓ or Enter moves into the list.
    public var editing = true
    public var cursor = ListCursor()
    /// Only this area's (the register opened from an area), or every area's.
    public var area: String?

    public init(area: String? = nil) { self.area = area }
}

extension DecisionsPage {
    var page: Page { .decisions(self) }
    var keyContext: KeyContext { .decisions }
    func crumbs(_ state: AppState) -> [String] { ["Decisions"] }
    func area(_ state: AppState) -> String? { area }
    func action(_ state: AppState) -> String? { Self.shown(self, state)[safe: cursor.selected]?.action }

    /// Two lines a decision: where it was taken, then the decision itself.
    static let listTop = 2
    static func visibleRows(_ state: AppState) -> Int { max(1, (state.bodyHeight - listTop) / 2) }
    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout {
        .list(body, top: Self.listTop, first: cursor.top, count: rowCount(state), room: Self.visibleRows(state), height: 2)
    }
    func rowCount(_ state: AppState) -> Int { Self.shown(self, state).count }

    /// The decisions the filter's words all occur in (text, meeting, date, action or area).
    static func shown(_ p: DecisionsPage, _ state: AppState) -> [Decision] {
        let words = p.filter.text.split(separator: " ").map(String.init)
        let all = state.partnership.decisions(area: p.area)
        guard !words.isEmpty else { return all }
        return all.filter { d in
            let text = [d.text, d.meetingTitle, d.date.iso, d.action, state.partnership.area(d.area)?.name ?? d.area].joined(separator: "\n")
            return words.allSatisfy { TextMatch.contains(text, $0) }
        }
    }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        let theme = state.theme
        let decisions = Self.shown(self, state)
        screen.put(" Decisions: ", x: body.x, y: body.y, style: theme.style(for: .heading))
        if editing {
            InputField.render(filter, x: body.x + 12, y: body.y, width: body.width - 13, theme: theme, into: &screen)
        } else {
            screen.put(Text.truncate(filter.text, to: body.width - 13), x: body.x + 12, y: body.y, style: theme.style(for: .input))
        }
        let total = state.partnership.decisions(area: area).count
        let count = decisions.count == total ? "\(total) decision\(total == 1 ? "" : "s"), newest first"
            : "\(decisions.count) of \(total) decisions"
        let how = editing ? "type to narrow, ↓ to the list" : "a makes an action, m a milestone, / narrows"
        screen.put(Text.truncate(" \(count) · \(how)", to: body.width), x: body.x, y: body.y + 1, style: theme.style(for: .dim))
        if decisions.isEmpty {
            let empty = total == 0 ? "No meeting has recorded a decision yet (D in a meeting records one)." : "No decision has those words."
            screen.put(Text.truncate(" " + empty, to: body.width), x: body.x, y: body.y + Self.listTop, style: theme.style(for: .dim))
        }
        for (i, y) in layout.rows {
            let d = decisions[i]
            let selected = i == cursor.selected && !editing
            let style = theme.style(for: selected ? .selected : .normal)
            if selected { screen.fill(x: body.x, y: y, width: body.width - 1, height: 2, style: style) }
            let areaName = state.partnership.area(d.area)?.name ?? d.area
            let place = "\(d.date.iso)  \(d.action)  \(d.meetingTitle), \(areaName)"
            screen.put(Text.truncate(" " + place, to: body.width - 1), x: body.x, y: y, style: selected ? style : theme.style(for: .dim))
            let mark = d.proposal == nil ? "   " : " ▸ "
            screen.put(Text.truncate(mark + d.text, to: body.width - 1), x: body.x, y: y + 1, style: style)
        }
        Scrollbar.draw(top: cursor.top, visible: Self.visibleRows(state) * 2, total: decisions.count * 2, x: body.x + body.width - 1,
                       y: body.y + Self.listTop, theme: theme, into: &screen)
    }

    mutating func input(_ event: Event, _ state: inout AppState) -> [Effect]? {
        guard editing else { return nil }
        // Nothing typed yet, `:` and `?` keep their meaning (the walk's `:factors` was taken
        // as words to narrow by, and nothing else on the screen said why).
        if filter.isEmpty, event == .key(.character(":")) || event == .key(.character("?")) { return nil }
        switch filter.handle(event) {
        case .edited:
            cursor = ListCursor()
        case .submitted:
            editing = false
        case .cancelled:
            if filter.isEmpty {
                state.page = page
                state.goBack()
            } else {
                editing = false
            }
        case .ignored:
            // ↓ and the page keys move into the list.
            guard case let .key(key) = event, [.down, .pageDown].contains(key) else { return nil }
            editing = false
            return []
        }
        return []
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        let decisions = Self.shown(self, state)
        if ListKeys.move(command, &cursor, count: decisions.count, visible: Self.visibleRows(state)) {
            editing = false
            return []
        }
        guard let decision = decisions[safe: cursor.selected] else {
            if [.filter, .search].contains(command) { editing = true }
            return []
        }
        switch command {
        case .filter, .search:
            editing = true
        case .open:
            state.page = page
            state.open(.action(decision.action))
        case .decisionToAction:
            state.page = page
            return state.openActionForm(from: decision)
        case .decisionToMilestone:
            state.page = page
            return state.openMilestoneForm(from: decision)
        default:
            break
        }
        return []
    }
}

extension AppState {
    /// A new action in the decision's area, filled in from it: the task, the owner as lead,
    /// the day as due, and where it was decided as its description.
    mutating func openActionForm(from decision: Decision) -> [Effect] {
        guard let proposal = decision.proposal else {
            message = Message("This decision names no owner and date (“Head of Finance to … by 22 December”): "
                              + "n on the plan adds an action by hand", isError: true)
            return []
        }
        guard mayEdit(then: .decisionToAction), let area = partnership.area(decision.area) else { return [] }
        let theme = partnership.action(decision.action)?.theme ?? partnership.catalogue.themes.first?.id ?? ""
        let draft = Action(id: "", area: area.id, title: proposal.title, theme: theme, lead: proposal.owner,
                           status: partnership.catalogue.startingStatus, rag: .green, due: proposal.due,
                           description: "Decided at \(decision.meetingTitle), \(decision.date.iso) (under \(decision.action)): "
                               + decision.text)
        open(.action(ActionForm(action: draft, partnership: partnership, today: datesFrom,
                                heading: "New action in \(area.name), from a decision", usesExternalEditor: edits.hasExternalEditor)))
        return []
    }

    /// The decision's action in its form with the decision added as a milestone, to check and
    /// save (Esc leaves the action as it was).
    mutating func openMilestoneForm(from decision: Decision) -> [Effect] {
        guard let proposal = decision.proposal else {
            message = Message("This decision names no owner and date (“Head of Finance to … by 22 December”) for a milestone",
                              isError: true)
            return []
        }
        guard let action = partnership.action(decision.action), mayEdit(then: .decisionToMilestone), mayEdit(.action(action)) else {
            return []
        }
        var form = ActionForm(action: action, partnership: partnership, today: datesFrom,
                              heading: "Edit \(action.id): a milestone from a decision", usesExternalEditor: edits.hasExternalEditor)
        form.draft.milestones.append(Milestone(title: "\(proposal.owner): \(proposal.title)", due: proposal.due))
        form.focus = .entry(.milestones, form.draft.milestones.count - 1)
        open(.action(form))
        return []
    }
}
