import PathfinderModel

/// Where a link in a document leads.
public enum Link: Hashable, Sendable {
    case area(String)
    case actionPlan(String)
    case action(String)
    case caseStudy(String)
    case organisation(String)
    case fundingAgreement(String)
}

/// One line of a document: styled spans, and optionally a link the reader can select and open.
struct DocumentLine: Hashable {
    struct Span: Hashable {
        var text: String
        var role: Role
    }

    var spans: [Span]
    var link: Link?
    var indent = 0

    init(_ spans: [Span] = [], link: Link? = nil, indent: Int = 0) {
        self.spans = spans
        self.link = link
        self.indent = indent
    }

    init(_ text: String, _ role: Role = .normal, link: Link? = nil, indent: Int = 0) {
        self.init([Span(text: text, role: role)], link: link, indent: indent)
    }
}

/// Builds documents line by line at a given width: headings, label/value fields, wrapped text.
struct DocumentBuilder {
    let width: Int
    var lines: [DocumentLine] = []

    init(width: Int) { self.width = max(10, width) }

    mutating func blank() {
        if let last = lines.last, last.spans.isEmpty { return }
        lines.append(DocumentLine())
    }

    mutating func heading(_ text: String) {
        if !lines.isEmpty { blank() }
        lines.append(DocumentLine(text, .heading))
    }

    /// "Label    value", the value wrapped under itself.
    mutating func field(_ label: String, _ value: String, role: Role = .normal, labelWidth: Int = 10) {
        guard !value.isEmpty else { return }
        let wrapped = Text.wrap(value, to: width - labelWidth - 1)
        for (i, line) in wrapped.enumerated() {
            let lab = i == 0 ? Text.pad(label, to: labelWidth) : String(repeating: " ", count: labelWidth)
            lines.append(DocumentLine([.init(text: lab + " ", role: .dim), .init(text: line, role: role)]))
        }
    }

    /// A line of styled parts; one too long for the width goes on under its first part (the
    /// label), broken between parts, so nothing is cut off (at 40 columns an action's due
    /// date was cut to "due 200…").
    mutating func spans(_ spans: [DocumentLine.Span], link: Link? = nil) {
        let total = spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
        guard link == nil, total > width, spans.count > 1 else {
            lines.append(DocumentLine(spans, link: link))
            return
        }
        let labelWidth = DisplayWidth.of(spans[0].text)
        let hang = labelWidth <= width / 3 ? labelWidth : 0
        var line: [DocumentLine.Span] = []
        var used = 0
        for span in spans {
            var part = span
            let w = DisplayWidth.of(part.text)
            if used + w > width, used > hang {
                lines.append(DocumentLine(line))
                line = hang > 0 ? [.init(text: String(repeating: " ", count: hang), role: .dim)] : []
                used = hang
                part.text = String(part.text.drop { $0 == " " })
            }
            // A part longer than the room left (an action's title) wraps under the label.
            // Its leading spaces are kept (wrapping drops them: "2006-10-31— Head" at 40x12).
            let lead = String(part.text.prefix { $0 == " " })
            var pieces = [part.text]
            if DisplayWidth.of(part.text) > width - used {
                pieces = Text.wrap(part.text.dropFirst(lead.count), to: max(1, width - used - lead.count))
                pieces[0] = lead + pieces[0]
            }
            for (i, piece) in pieces.enumerated() {
                if i > 0 {
                    lines.append(DocumentLine(line))
                    line = hang > 0 ? [.init(text: String(repeating: " ", count: hang), role: .dim)] : []
                    used = hang
                }
                line.append(.init(text: piece, role: part.role))
                used += DisplayWidth.of(piece)
            }
        }
        if !line.isEmpty { lines.append(DocumentLine(line)) }
    }

    /// Markdown-ish paragraphs reflowed to the width; "#" headings shown as headings.
    mutating func text(_ text: String, indent: Int = 0, role: Role = .normal) {
        for line in Text.wrapMarkdown(text, to: width - indent, headingMarks: false) {
            if line.text.isEmpty {
                blank()
            } else {
                lines.append(DocumentLine(line.text, line.isHeading ? .heading : role, indent: indent))
            }
        }
    }

    mutating func link(_ text: String, to link: Link, indent: Int = 2) {
        lines.append(DocumentLine([.init(text: "› " + text, role: .link)], link: link, indent: indent))
    }
}

/// Draws a document with its scroll position and selected link; handles the shared keys.
enum DocumentView {
    static func render(_ lines: [DocumentLine], cursor: DocumentCursor, state: AppState, _ body: Rect,
                       _ screen: inout Screen) {
        let theme = state.theme
        let visible = body.height
        let links = linkIndices(lines)
        let selectedLine = cursor.link.flatMap { links.indices.contains($0) ? links[$0] : nil }
        for (i, line) in lines.enumerated().dropFirst(cursor.scroll).prefix(visible) {
            let y = body.y + i - cursor.scroll
            var x = body.x + 1 + line.indent
            let selected = i == selectedLine
            if selected { screen.fill(x: body.x, y: y, width: body.width - 1, height: 1, style: theme.style(for: .selected)) }
            for span in line.spans {
                let room = body.x + body.width - 1 - x
                guard room > 0 else { break }
                x += screen.put(Text.truncate(span.text, to: room), x: x, y: y,
                                style: theme.style(for: selected ? .selected : span.role))
            }
        }
        Scrollbar.draw(top: cursor.scroll, visible: visible, total: lines.count, x: body.x + body.width - 1,
                       y: body.y, theme: theme, into: &screen)
    }

    static func linkIndices(_ lines: [DocumentLine]) -> [Int] {
        lines.indices.filter { lines[$0].link != nil }
    }

    /// Scrolling, link selection (Tab / Shift-Tab, or Up/Down onto links when reading) and
    /// opening. Returns the link to open, if Enter chose one.
    static func handle(_ command: Command, _ cursor: inout DocumentCursor, lines: [DocumentLine],
                       visible: Int) -> Link? {
        let maxScroll = max(0, lines.count - visible)
        let links = linkIndices(lines)
        func scroll(_ delta: Int) {
            cursor.scroll = max(0, min(maxScroll, cursor.scroll + delta))
            // A selected link scrolled out of view is deselected, so Enter never opens the unseen.
            if let l = cursor.link, links.indices.contains(l), !(cursor.scroll..<(cursor.scroll + visible)).contains(links[l]) {
                cursor.link = nil
            }
        }
        func reveal() {
            guard let l = cursor.link, links.indices.contains(l) else { return }
            let line = links[l]
            if line < cursor.scroll { cursor.scroll = line }
            if line >= cursor.scroll + visible { cursor.scroll = min(maxScroll, line - visible + 1) }
        }
        switch command {
        case .down, .scrollDown: scroll(command == .down ? 1 : 3)
        case .up, .scrollUp: scroll(command == .up ? -1 : -3)
        case .pageDown: scroll(visible - 1)
        case .pageUp: scroll(-(visible - 1))
        case .halfPageDown: scroll(max(1, visible / 2))
        case .halfPageUp: scroll(-max(1, visible / 2))
        case .top: cursor.scroll = 0
        case .bottom: cursor.scroll = maxScroll
        case .nextPane:
            guard !links.isEmpty else { return nil }
            if let l = cursor.link {
                cursor.link = (l + 1) % links.count
            } else {
                // The first link at or below the top of the window.
                cursor.link = links.firstIndex { $0 >= cursor.scroll } ?? 0
            }
            reveal()
        case .previousPane:
            guard !links.isEmpty else { return nil }
            cursor.link = ((cursor.link ?? 0) - 1 + links.count) % links.count
            reveal()
        case .open:
            if let l = cursor.link, links.indices.contains(l) { return lines[links[l]].link }
            // With one link on screen, Enter opens it; otherwise select the first visible one.
            let onScreen = links.enumerated().filter { (cursor.scroll..<(cursor.scroll + visible)).contains($0.element) }
            if onScreen.count == 1 { return lines[onScreen[0].element].link }
            if let first = onScreen.first { cursor.link = first.offset }
        default:
            return nil
        }
        return nil
    }

    /// Clicking a line selects its link, if it has one.
    static func select(lineAt row: Int, _ cursor: inout DocumentCursor, lines: [DocumentLine]) -> Bool {
        let line = cursor.scroll + row
        guard let l = linkIndices(lines).firstIndex(of: line) else { return false }
        cursor.link = l
        return true
    }
}

extension AppState {
    /// Opens what a link points to, on top of the current page; while the store is still
    /// being read, an area not read yet is read first.
    @discardableResult
    mutating func open(_ link: Link) -> [Effect] {
        switch link {
        case let .area(id): return openReading(id, .area(id), name: partnership.area(id)?.name ?? id)
        case let .actionPlan(id): return openReading(id, .actionPlan(ActionPlanPage(area: id)), name: partnership.area(id)?.name ?? id)
        case let .action(id):
            if loadingStore, partnership.action(id) == nil {
                openWhenRead = .action(id)
                message = Message("Reading \(id)…")
                return [.readArea(.holding(action: id))]
            }
            if partnership.action(id) != nil { push(.action(id)) } else {
                message = Message("Action \(id) is not in this store", isError: true)
            }
        case let .caseStudy(id):
            if partnership.caseStudy(id) != nil { push(.caseStudy(id)) } else {
                message = Message("Case study \(id) is not in this store", isError: true)
            }
        case let .organisation(id):
            if partnership.organisation(id) != nil { push(.organisation(id)) } else {
                message = Message("Organisation \(id) is not in this store", isError: true)
            }
        case let .fundingAgreement(id):
            if partnership.fundingAgreement(id) != nil { push(.fundingAgreement(id)) } else {
                message = Message("Funding agreement \(id) is not in this store", isError: true)
            }
        }
        return []
    }
}

extension String {
    var trimmingSpaces: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
