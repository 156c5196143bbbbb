import PathfinderModel

/// Running a steering group or forum meeting from the plan: an agenda built from it (red,
/// overdue, amber, due soon, the rest), one action at a time in a large layout for a projector,
/// and single keys to record discussion, decisions and changes. Every change is saved to the
/// action as it happens and recorded in the meeting's file, which is saved after each one, so a
/// meeting can be left and resumed, also after a crash.
public struct MeetingPage: PageScreen {
    public var meeting: String
    /// Showing the agenda list (to reorder, drop, add) rather than one item.
    public var showingAgenda = true
    /// The agenda item shown or selected.
    public var item = 0
    /// The first line of the item shown; past the end means "follow the end", where what was
    /// just recorded is (the view clamps it).
    public var scroll = 0
}

/// What starting a meeting collects before the file is made.
public struct MeetingDraft: Hashable, Sendable {
    public var area: String
    public var date: Day
    public var title: String
    public var attendees: [String]
    /// Action ids in agenda order.
    public var agenda: [String]

    public init(area: String, date: Day, title: String, attendees: [String], agenda: [String]) {
        self.area = area
        self.date = date
        self.title = title
        self.attendees = attendees
        self.agenda = agenda
    }
}

extension AppState {
    var openMeeting: (page: MeetingPage, meeting: Meeting)? {
        guard case let .meeting(p) = page, let m = partnership.meetings.first(where: { $0.id == p.meeting }) else { return nil }
        return (p, m)
    }

    /// M on an area or its plan: resume the area's meeting in progress, or start one. On the
    /// areas list: a forum meeting across the areas chosen.
    mutating func startOrResumeMeeting() -> [Effect] {
        if case .areas = page {
            guard mayEdit(then: .startMeeting) else { return [] }
            ask(.choosingAreas)
            return []
        }
        return startOrResumeMeeting(inArea: currentArea)
    }

    mutating func startOrResumeMeeting(inArea areaID: String?) -> [Effect] {
        guard let area = areaID.flatMap(partnership.area) else {
            message = Message("Choose an area first: a meeting runs from its action plan", isError: true)
            return []
        }
        if let open = partnership.meetings(inArea: area.id).last(where: { !$0.ended }) {
            let next = open.items.firstIndex { !$0.reviewed } ?? 0
            push(.meeting(MeetingPage(meeting: open.id, showingAgenda: false, item: next)))
            message = Message("Resumed \(open.title) of \(open.date.iso)")
            return []
        }
        guard mayEdit(then: .startMeeting) else { return [] }
        ask(MeetingWizard(area: area))
        return []
    }

    mutating func meetingCreated(_ meeting: Meeting) -> [Effect] {
        place(.meeting(meeting))
        push(.meeting(MeetingPage(meeting: meeting.id, showingAgenda: true)))
        message = Message("Meeting started with \(meeting.items.count) item\(meeting.items.count == 1 ? "" : "s"): ↑↓ J K reorder, x drop, + add, Enter to begin")
        return []
    }

    /// Changes the open meeting and saves it (not undoable on its own: the agenda is the
    /// facilitator's working paper; action changes made in the meeting are undone with theirs).
    mutating func changeMeeting(_ change: (inout Meeting) -> Void) -> [Effect] {
        guard let (_, before) = openMeeting else { return [] }
        var after = before
        change(&after)
        guard after != before, !refuse(writeRefusal(.meeting(before))) else { return [] }
        return show(from: .meeting(before), to: .meeting(after))
    }

    /// The record of an action change made while a meeting is on screen: field, old, new.
    func recordInMeeting(_ change: Change) -> Change? {
        guard let (_, meeting) = openMeeting, case let .action(before)? = change.before, case let .action(after)? = change.after,
              meeting.items.contains(where: { $0.action == after.id }) else { return nil }
        var recorded = meeting
        for field in ActionEdit.changes(from: before, to: after, catalogue: partnership.catalogue) {
            recorded.changes.append(MeetingChange(action: after.id, field: field.field.rawValue, old: field.old, new: field.new))
        }
        guard recorded != meeting else { return nil }
        return Change(before: .meeting(meeting), after: .meeting(recorded), summary: change.summary)
    }

    mutating func handleMeeting(_ command: Command, _ p: inout MeetingPage) -> [Effect] {
        guard let meeting = partnership.meetings.first(where: { $0.id == p.meeting }) else { return [] }
        let count = meeting.items.count
        // Asked before the question that leads to a change the store would refuse.
        if [.addItem, .addDiscussion, .addDecision, .captureAction, .endMeeting].contains(command),
           refuse(writeRefusal(.meeting(meeting))) {
            return []
        }
        // In front of the meeting, the moving keys scroll the item.
        if !p.showingAgenda, !meeting.items.isEmpty, MeetingItemView.scroll(command, &p, self, meeting) { return [] }
        let itemBefore = p.item
        defer { if p.item != itemBefore { p.scroll = 0 } }
        switch command {
        case .toggleAgenda:
            p.showingAgenda.toggle()
        case .up where p.showingAgenda, .previousItem:
            p.item = max(0, p.item - 1)
        case .down where p.showingAgenda:
            p.item = min(max(0, count - 1), p.item + 1)
        case .top where p.showingAgenda:
            p.item = 0
        case .bottom where p.showingAgenda:
            p.item = max(0, count - 1)
        case .pageUp where p.showingAgenda, .halfPageUp where p.showingAgenda:
            p.item = max(0, p.item - max(1, MeetingPage.agendaRows(body) / (command == .pageUp ? 1 : 2)))
        case .pageDown where p.showingAgenda, .halfPageDown where p.showingAgenda:
            p.item = min(max(0, count - 1), p.item + max(1, MeetingPage.agendaRows(body) / (command == .pageDown ? 1 : 2)))
        case .open where p.showingAgenda:
            p.showingAgenda = false
        case .nextItem, .open:
            // Moving on marks the item reviewed, with where the action stands now.
            guard meeting.items.indices.contains(p.item), let action = partnership.action(meeting.items[p.item].action) else { return [] }
            let i = p.item
            var effects = changeMeeting { m in
                m.items[i].reviewed = true
                m.items[i].status = action.status
                m.items[i].rag = action.rag
            }
            if action.reviewed != meeting.date, canEdit(.action(action)) {
                var reviewed = action
                reviewed.reviewed = meeting.date
                reviewed.updated = edits.today
                reviewed.updatedBy = edits.userName ?? reviewed.updatedBy
                place(.action(reviewed))
                edits.pending[Record.action(reviewed).key] = .save(.action(reviewed))
                effects.append(.save(.action(reviewed)))
            }
            if p.item + 1 < count {
                p.item += 1
            } else {
                p.showingAgenda = true
                message = Message("That was the last item: E ends the meeting, + adds another")
            }
            return effects
        case .moveItemUp, .moveItemDown:
            let j = p.item + (command == .moveItemUp ? -1 : 1)
            guard meeting.items.indices.contains(p.item), meeting.items.indices.contains(j) else { return [] }
            let i = p.item
            p.item = j
            return changeMeeting { $0.items.swapAt(i, j) }
        case .dropItem:
            guard meeting.items.indices.contains(p.item) else { return [] }
            let i = p.item
            let id = meeting.items[i].action
            p.item = max(0, min(p.item, count - 2))
            message = Message("\(id) taken off the agenda")
            return changeMeeting { $0.items.remove(at: i) }
        case .addItem:
            let onAgenda = Set(meeting.items.map(\.action))
            // The areas the meeting covers: its own, and those of the actions on its agenda.
            let areas = Set([meeting.area] + meeting.items.compactMap { partnership.action($0.action)?.area })
            let choices = partnership.actions.filter { areas.contains($0.area) && !onAgenda.contains($0.id) }.map {
                Picker.Choice(id: $0.id, label: "\($0.id) \($0.title)", detail: partnership.catalogue.status($0.status)?.label ?? $0.status,
                              symbol: $0.rag.letter)
            }
            guard !choices.isEmpty else {
                message = Message("Every action of \(meeting.area) is on the agenda")
                return []
            }
            overlay = .picker(Picker(title: "Add to the agenda (type to narrow)", choices: choices), .agendaItem(meeting: meeting.id))
        case .addDiscussion, .addDecision:
            guard meeting.items.indices.contains(p.item) else { return [] }
            let id = meeting.items[p.item].action
            let decision = command == .addDecision
            overlay = .prompt(Prompt(label: decision ? "Decision on \(id):" : "Discussion of \(id):",
                                     purpose: decision ? .meetingDecision(meeting: meeting.id, item: p.item) : .meetingNote(meeting: meeting.id, item: p.item)))
        case .captureAction:
            overlay = .prompt(Prompt(label: "New action's title:", purpose: .captureTitle(meeting: meeting.id)))
        case .endMeeting:
            overlay = .confirm(Confirmation(question: "End \(meeting.title)? (\(meeting.items.filter(\.reviewed).count) of \(count) items reviewed)",
                                            purpose: .endMeeting(meeting: meeting.id)))
        default:
            break
        }
        return []
    }
}

extension MeetingPage {
    var page: Page { .meeting(self) }
    var keyContext: KeyContext { .meeting }
    func crumbs(_ state: AppState) -> [String] { ["Meeting"] }

    /// The agenda's rows scroll to keep the item in view; one item at a time has no rows.
    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout {
        guard let meeting = state.partnership.meetings.first(where: { $0.id == self.meeting }),
              showingAgenda || meeting.items.isEmpty else { return ScreenLayout(body: body) }
        let rows = Self.agendaRows(body)
        let top = max(0, min(item - rows + 1, meeting.items.count - rows))
        return .list(body, top: Self.listTop, first: top, count: meeting.items.count, room: rows)
    }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        Self.render(state, self, layout, &screen)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        state.handleMeeting(command, &self)
    }

    var selection: Target? { showingAgenda ? .row(item) : nil }
    mutating func select(_ target: Target, _ state: AppState) {
        if let row = target.row { item = row }
    }

    func area(_ state: AppState) -> String? { state.partnership.meetings.first { $0.id == meeting }?.area }
    func action(_ state: AppState) -> String? {
        state.partnership.meetings.first { $0.id == meeting }?.items[safe: item]?.action
    }
}

extension MeetingPage {
    static let listTop = 3
    static func agendaRows(_ body: Rect) -> Int { max(1, body.height - listTop) }

    /// After a note, a decision or a change is recorded: show the item's end, where it went.
    static func followingTheEnd(_ page: Page) -> Page {
        guard case var .meeting(p) = page, !p.showingAgenda else { return page }
        p.scroll = MeetingItemView.followEnd
        return .meeting(p)
    }

    /// The status line: the meeting's keys, and the scrolling ones when the item does not fit.
    func hints(_ state: AppState) -> [KeyHint] {
        var hints = state.keyMap.hints(for: keyContext)
        if showingAgenda { return hints }
        if let meeting = state.partnership.meetings.first(where: { $0.id == self.meeting }),
           MeetingItemView.lines(state, meeting, self, width: MeetingItemView.textWidth(state.body)).count > state.bodyHeight - 1 {
            hints.insert(KeyHint(key: "j/k", label: "scroll"), at: min(1, hints.count))
        }
        return hints
    }

    static func render(_ state: AppState, _ p: MeetingPage, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        guard let meeting = state.partnership.meetings.first(where: { $0.id == p.meeting }) else { return }
        let theme = state.theme
        let reviewed = meeting.items.filter(\.reviewed).count
        let head = " \(meeting.title) · \(meeting.date.iso) · \(reviewed) of \(meeting.items.count) reviewed" + (meeting.ended ? " · ended" : "")
        screen.put(Text.truncate(head, to: body.width), x: body.x, y: body.y, style: theme.style(for: .heading))
        if p.showingAgenda || meeting.items.isEmpty {
            renderAgenda(state, meeting, p, layout, &screen)
        } else {
            MeetingItemView.render(state, meeting, p, body, &screen)
        }
    }

    static func renderAgenda(_ state: AppState, _ meeting: Meeting, _ p: MeetingPage, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        let theme = state.theme
        if !meeting.attendees.isEmpty {
            screen.put(Text.truncate(" Present: " + meeting.attendees.joined(separator: ", "), to: body.width), x: body.x, y: body.y + 1,
                       style: theme.style(for: .dim))
        }
        if meeting.items.isEmpty {
            screen.put(" The agenda is empty: + adds an action", x: body.x, y: body.y + listTop, style: theme.style(for: .normal))
            return
        }
        // A long agenda (a forum's 38 items) shows where it is, in a bar at the right edge.
        let rows = agendaRows(body)
        let bar = meeting.items.count > rows ? 1 : 0
        let right = body.x + body.width - bar
        if let first = layout.rows.first?.index {
            Scrollbar.draw(top: first, visible: rows, total: meeting.items.count, x: right, y: body.y + listTop, theme: theme, into: &screen)
        }
        for (i, y) in layout.rows {
            let item = meeting.items[i]
            let selected = i == p.item
            let action = state.partnership.action(item.action)
            let style = theme.style(for: selected ? .selected : .normal)
            screen.fill(x: body.x, y: y, width: right - body.x, height: 1, style: style)
            var x = body.x + screen.put(Text.padLeft(String(i + 1), to: 3) + " ", x: body.x, y: y, style: style)
            x += screen.put(item.reviewed ? "✓ " : "· ", x: x, y: y, style: style)
            if let action {
                x += RAGBadge.draw(action.rag, x: x, y: y, theme: theme, into: &screen)
                x += 1
                x += screen.put(Text.pad(action.id, to: 8), x: x, y: y, style: style)
                let due = action.due.map { " " + $0.iso + (action.isOverdue(asOf: state.asOf, catalogue: state.partnership.catalogue) ? "!" : " ") } ?? ""
                let room = right - x - DisplayWidth.of(due)
                // A number the merge changed since the last review is said where the room looks.
                let previous = MeetingAgenda.lastReviewed(action.id, before: meeting.date, in: state.partnership.meetings)
                let was = Renumbering.of(action, since: previous?.meeting.date).map { "(was \($0.old)) " } ?? ""
                screen.put(Text.truncate(was + action.title, to: max(1, room)), x: x, y: y, style: style)
                screen.put(due, x: right - DisplayWidth.of(due), y: y, style: style)
            } else {
                screen.put("\(item.action) (not in the store)", x: x, y: y, style: theme.style(for: .warning))
            }
        }
    }
}
