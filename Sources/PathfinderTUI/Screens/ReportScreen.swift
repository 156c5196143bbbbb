import PathfinderModel

/// A report shown in the terminal: lines to scroll (the highlight report, the success factor
/// matrix, the funding register), as `pathfinder report` prints them.
public struct ReportPage: PageScreen {
    public var title: String
    public var lines: [String]
    public var top = 0
    /// Which report this is, so `:report FILE` over it writes this one and no other.
    public var kind: ExportRequest.Kind?

    public init(title: String, lines: [String], kind: ExportRequest.Kind? = nil) {
        self.title = title
        self.lines = lines
        self.kind = kind
    }
}

/// What to export, in which format, where. The screens only ask; the run loop renders with
/// the reports module and writes the file atomically.
public struct ExportRequest: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case highlight(area: String?)
        case factors(area: String?)
        case funding(area: String?)
        case minutes(meeting: String)

        /// What a confirmation calls it: "the highlight report for all areas", "the minutes of
        /// Portsmouth VCS forum, 2006-11-28".
        public func name(in p: Partnership) -> String {
            func areaName(_ area: String?) -> String { area.map { p.area($0)?.name ?? $0 } ?? "all areas" }
            switch self {
            case let .highlight(area): return "the highlight report for " + areaName(area)
            case let .factors(area): return "the success factor matrix" + (area == nil ? "" : " for " + areaName(area))
            case let .funding(area): return "the Compact funding check for " + areaName(area)
            case let .minutes(id):
                guard let meeting = p.meetings.first(where: { $0.id == id }) else { return "the minutes of \(id)" }
                return "the minutes of \(meeting.title), \(meeting.date.iso)"
            }
        }
    }

    public var kind: Kind
    /// markdown, html, csv, json (minutes: markdown, html); nil shows it in the terminal.
    public var format: String?
    public var path: String?
    /// The user said yes to replacing an existing file.
    public var replace: Bool
    /// Shown on screen: paragraphs wrap at this many columns.
    public var lineWidth: Int?

    public init(kind: Kind, format: String? = nil, path: String? = nil, replace: Bool = false) {
        self.kind = kind
        self.format = format
        self.path = path
        self.replace = replace
    }
}

extension AppState {
    /// `:report [highlight|factors|funding] [PATH]` and `:minutes [PATH]`: without a path the
    /// report opens on screen; with one it is written there, its format from the extension
    /// (.md, .html, .csv, .json). Either way it is the report of what is on screen.
    mutating func runReportCommand(_ verb: String, _ argument: String) -> [Effect] {
        var words = argument.split(separator: " ").map(String.init)
        if verb == "minutes" { return runMinutesCommand(words) }
        var kind = reportOnScreen
        if let first = words.first, ["highlight", "factors", "funding"].contains(first.lowercased()) {
            words.removeFirst()
            switch first.lowercased() {
            case "factors": kind = .factors(area: nil)
            case "funding": kind = .funding(area: areaOnScreen)
            default: kind = .highlight(area: areaOnScreen)
            }
        }
        guard let path = words.first else { return export(ExportRequest(kind: kind)) }
        let formats = ["md": "markdown", "markdown": "markdown", "html": "html", "htm": "html", "csv": "csv", "json": "json"]
        let ext = path.split(separator: ".").last.map { String($0).lowercased() } ?? ""
        guard let format = formats[ext] else {
            message = Message("Name the file with .md, .html, .csv or .json so the format is clear", isError: true)
            return []
        }
        if case .minutes = kind, !["markdown", "html"].contains(format) {
            message = Message("Minutes are written as .md or .html", isError: true)
            return []
        }
        return export(ExportRequest(kind: kind, format: format, path: path))
    }

    /// The report of what is on screen: a report shown is itself; the success factor matrix is
    /// its report; the areas list is every area; anything else is the highlight report of the
    /// area it is about.
    var reportOnScreen: ExportRequest.Kind {
        switch page {
        case let .report(p): if let kind = p.kind { return kind }
        case .successFactors: return .factors(area: nil)
        default: break
        }
        return .highlight(area: areaOnScreen)
    }

    /// The area what is on screen is about: none on the areas list (all of them), a report's
    /// own, else the nearest screen's that is about one.
    var areaOnScreen: String? {
        switch page {
        case .areas, .successFactors: return nil
        case let .report(p):
            switch p.kind {
            case let .highlight(area)?, let .factors(area)?, let .funding(area)?: return area
            case .minutes?, nil: break
            }
        default: break
        }
        return currentArea
    }

    mutating func export(_ request: ExportRequest) -> [Effect] {
        var request = request
        if let path = request.path {
            message = Message("Writing \(path)…")
        } else {
            // The report's own margin and the scrollbar; no wider than a readable measure, as
            // documents are (at 200 columns its notes ran 190 wide).
            request.lineWidth = max(20, min(width - 3, DocumentPage.readableWidth))
        }
        return [.export(request)]
    }

    mutating func handleReport(_ command: Command, _ p: inout ReportPage) {
        let visible = max(1, bodyHeight - 2)
        let last = max(0, p.lines.count - visible)
        switch command {
        case .down, .scrollDown: p.top = min(last, p.top + 1)
        case .up, .scrollUp: p.top = max(0, p.top - 1)
        case .pageDown, .halfPageDown: p.top = min(last, p.top + visible)
        case .pageUp, .halfPageUp: p.top = max(0, p.top - visible)
        case .top: p.top = 0
        case .bottom: p.top = last
        default: break
        }
    }
}

extension ReportPage {
    var page: Page { .report(self) }
    var keyContext: KeyContext { .log }
    func crumbs(_ state: AppState) -> [String] { [title] }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        Self.render(state, self, layout.body, &screen)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        state.handleReport(command, &self)
        return []
    }
}

extension ReportPage {
    static func render(_ state: AppState, _ p: ReportPage, _ body: Rect, _ screen: inout Screen) {
        let theme = state.theme
        screen.put(Text.truncate(" " + p.title + "  (:report PATH.html writes it to a file)", to: body.width), x: body.x, y: body.y,
                   style: theme.style(for: .heading))
        let visible = max(1, body.height - 2)
        for (i, line) in p.lines.dropFirst(p.top).prefix(visible).enumerated() {
            screen.put(Text.truncate(" " + line, to: body.width - 1), x: body.x, y: body.y + 2 + i, style: theme.style(for: .normal))
        }
        if p.lines.count > visible {
            Scrollbar.draw(top: p.top, visible: visible, total: p.lines.count, x: body.x + body.width - 1, y: body.y + 2,
                           theme: theme, into: &screen)
        }
    }
}
