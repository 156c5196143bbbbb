import PathfinderModel

/// One agenda item in front of the meeting (the presenter view). It scrolls (j/k, PgUp/PgDn,
/// g/G), shows a scrollbar and "↓ 5 more" at the end of the heading line when it does not fit
/// (no line of the item is given up for it: at 40x12 every line counts), and follows what was
/// just recorded: after a note, a decision or a change it shows the end, where that went.
enum MeetingItemView {
    /// The item's lines at this width: the action, then what this meeting said and changed.
    static func lines(_ state: AppState, _ meeting: Meeting, _ p: MeetingPage, width: Int) -> [DocumentLine] {
        guard meeting.items.indices.contains(p.item) else { return [] }
        let item = meeting.items[p.item]
        guard let action = state.partnership.action(item.action) else {
            return [DocumentLine("\(item.action) is not in the store (removed?): → moves on", .warning)]
        }
        let catalogue = state.partnership.catalogue
        // On a projector at 80 columns every word must be there, so values wrap under their
        // label (as on the action screen) instead of running off the edge.
        var doc = DocumentBuilder(width: width)
        func wrapped(_ text: String, _ role: Role) {
            for piece in Text.wrap(text, to: width) { doc.spans([.init(text: piece, role: role)]) }
        }
        func field(_ label: String, _ value: String, _ role: Role = .normal) { doc.field(label, value, role: role, labelWidth: 9) }
        wrapped("Item \(p.item + 1) of \(meeting.items.count)" + (item.reviewed ? " · reviewed" : ""), .dim)
        wrapped("\(action.id)  \(action.title)", .heading)
        let previous = MeetingAgenda.lastReviewed(action.id, before: meeting.date, in: state.partnership.meetings)
        if let renumbered = Renumbering.of(action, since: previous?.meeting.date) {
            wrapped("\(renumbered.old) was renumbered \(renumbered.new) by the merge on \(renumbered.date.iso): "
                    + "\(renumbered.old) was also made on another machine, and that one kept the number.", .warning)
        }
        doc.blank()
        field("Lead", state.partnership.leadText(action))
        // What changed since the action was last reviewed goes right after the value, before
        // the RAG's meaning, so the narrowest screen still shows it.
        var status = catalogue.status(action.status).map { "\($0.symbol) \($0.label)" } ?? action.status
        if let was = previous?.item.status, was != action.status {
            status += " (was \(catalogue.status(was)?.label ?? was) on \(previous!.meeting.date.iso))"
        }
        field("Status", status)
        var rag = "[\(action.rag.letter)] \(action.rag.label)"
        if let was = previous?.item.rag, was != action.rag { rag += " (was \(was.label) on \(previous!.meeting.date.iso))" }
        if let meaning = catalogue.ragMeanings[action.rag] { rag += " — " + meaning }
        field("RAG", rag, action.rag == .red ? .ragRed : action.rag == .amber ? .ragAmber : .ragGreen)
        let overdue = action.isOverdue(asOf: state.asOf, catalogue: catalogue)
        field("Due", (action.due?.iso ?? "no date") + (overdue ? "  OVERDUE" : ""), overdue ? .overdue : .normal)
        if let indicator = action.indicator {
            field("Indicator", indicator.name)
            // The bar's own two-space margin brings it under the values.
            doc.lines.append(DocumentLine(IndicatorBar.spans(indicator, width: min(30, max(10, width - 40))), indent: 8))
        }
        doc.blank()
        if let note = action.latestProgress {
            wrapped("Last note, \(note.date.iso), \(note.author):", .dim)
            for piece in Text.wrapParagraphs(note.text, to: width - 2).prefix(4) { doc.spans([.init(text: "  " + piece, role: .normal)]) }
        } else {
            wrapped("No progress notes yet", .dim)
        }
        if !item.notes.isEmpty || !item.decisions.isEmpty {
            doc.blank()
            wrapped("This meeting", .heading)
            for note in item.notes { doc.field("  •", note, labelWidth: 3) }
            for decision in item.decisions { doc.field("  ✔", "Decided: " + decision, labelWidth: 3) }
        }
        for change in meeting.changes where change.action == action.id {
            doc.field("  Δ", "\(change.field): \(change.old) → \(change.new)", role: .dim, labelWidth: 3)
        }
        return doc.lines
    }

    /// The text's width in a body this wide: a margin of two each side, one for the scrollbar.
    /// No wider than a document's readable measure (at 200 columns a note ran 190 wide).
    static func textWidth(_ body: Rect) -> Int { max(10, min(body.width - 4, DocumentPage.readableWidth)) }
    /// Lines shown at once: the body below the heading.
    static func visible(_ body: Rect, total: Int) -> Int { max(1, body.height - 1) }

    /// The first line shown: the page's scroll, held inside the text.
    static func top(_ p: MeetingPage, total: Int, visible: Int) -> Int { max(0, min(p.scroll, total - visible)) }

    static func render(_ state: AppState, _ meeting: Meeting, _ p: MeetingPage, _ body: Rect, _ screen: inout Screen) {
        let theme = state.theme
        let width = textWidth(body)
        let lines = lines(state, meeting, p, width: width)
        let visible = visible(body, total: lines.count)
        let top = top(p, total: lines.count, visible: visible)
        for (i, line) in lines.dropFirst(top).prefix(visible).enumerated() {
            var x = body.x + 2 + line.indent
            for span in line.spans {
                let room = body.x + 2 + width - x
                guard room > 0 else { break }
                x += screen.put(Text.truncate(span.text, to: room), x: x, y: body.y + 1 + i, style: theme.style(for: span.role))
            }
        }
        guard lines.count > visible else { return }
        Scrollbar.draw(top: top, visible: visible, total: lines.count, x: body.x + body.width - 1, y: body.y + 1, theme: theme,
                       into: &screen)
        let below = lines.count - top - visible
        let more = below > 0 ? " ↓ \(below) more below " : " ↑ \(top) more above "
        screen.put(more, x: body.x + body.width - DisplayWidth.of(more), y: body.y, style: theme.style(for: .messageInfo))
    }

    /// Scrolling keys on the item; false for any other command.
    static func scroll(_ command: Command, _ p: inout MeetingPage, _ state: AppState, _ meeting: Meeting) -> Bool {
        let body = state.body
        let total = lines(state, meeting, p, width: textWidth(body)).count
        let visible = visible(body, total: total)
        let last = max(0, total - visible)
        let top = top(p, total: total, visible: visible)
        switch command {
        case .down, .scrollDown: p.scroll = min(last, top + (command == .scrollDown ? 3 : 1))
        case .up, .scrollUp: p.scroll = max(0, top - (command == .scrollUp ? 3 : 1))
        case .pageDown, .halfPageDown: p.scroll = min(last, top + max(1, command == .pageDown ? visible - 1 : visible / 2))
        case .pageUp, .halfPageUp: p.scroll = max(0, top - max(1, command == .pageUp ? visible - 1 : visible / 2))
        case .top: p.scroll = 0
        case .bottom: p.scroll = last
        default: return false
        }
        return true
    }

    /// "Follow the end": past any text's last line; the view clamps it.
    static let followEnd = Int.max / 2
}
