import PathfinderModel

/// What every screen supplies, in one place: one type per screen, in its own file. The app
/// asks `page.screen` for it and dispatches once (`Page.screen` is the only switch over the
/// page); adding a screen is its file plus one line there.
///
/// As tig keeps one operations table per view: draw, handle a request, say where it is.
protocol PageScreen: Hashable, Sendable {
    /// The screen put back into the navigation stack.
    var page: Page { get }
    /// Which keys work here (their hints and help come from the key map under it).
    var keyContext: KeyContext { get }
    /// What the screen adds to the title's breadcrumbs.
    func crumbs(_ state: AppState) -> [String]
    /// The breadcrumbs to this screen, given those to the page beneath it. A place of its own
    /// (an area, its plan, an action, a case study) gives its own path, whatever way the user
    /// came; what opens over a place (a form, a report, a meeting) adds its crumb to that
    /// place's path.
    func path(_ state: AppState, below: [String]) -> [String]
    /// Where the screen's rows, links or cells are drawn at this size: computed once and used
    /// by `render`, by the keys (a page of rows) and by mouse clicks alike.
    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout
    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen)
    /// The status line's keys.
    func hints(_ state: AppState) -> [KeyHint]
    /// A command from the key map (or the mouse wheel, or a click on the selection).
    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect]
    /// An event before the key map sees it: typing in the screen's own field or form. Nil
    /// when the screen leaves it to the key map.
    mutating func input(_ event: Event, _ state: inout AppState) -> [Effect]?
    /// What is selected, in the layout's terms, so a second click on it opens it.
    var selection: Target? { get }
    mutating func select(_ target: Target, _ state: AppState)
    /// After a resize, a reload or a return to the screen: keep the selection in its list and
    /// on screen.
    mutating func keepVisible(_ state: AppState)
    /// The window changed size (a form's inline editor follows it).
    mutating func resize(_ state: AppState)
    /// The area this screen is about, for keys like "go to the action plan".
    func area(_ state: AppState) -> String?
    /// The action a quick edit (status, RAG, note…) applies to: the one open or selected.
    func action(_ state: AppState) -> String?
    /// Screens a jump reuses instead of stacking again (the areas list, one area's plan).
    var jumpKey: String? { get }
    /// Whether its browsing keys work while the whole store is still being read (its files
    /// are in: see `BrowsingWhileLoading.swift`).
    func browsableWhileLoading(_ state: AppState) -> Bool
    /// Whether its keys take the status line from the store's name when both do not fit (a
    /// form: save and move matter more than where the store is).
    var keysFirst: Bool { get }
    /// A one-line field being typed into, shown on the message line.
    var activeField: (label: String, editor: LineEditor)? { get }
}

extension PageScreen {
    func hints(_ state: AppState) -> [KeyHint] {
        state.keyMap.hints(for: keyContext, omitting: state.problemCount.filesWithErrors == 0 ? [.showProblems] : [])
    }
    mutating func input(_ event: Event, _ state: inout AppState) -> [Effect]? { nil }
    var selection: Target? { nil }
    mutating func select(_ target: Target, _ state: AppState) {}
    mutating func keepVisible(_ state: AppState) {}
    mutating func resize(_ state: AppState) { keepVisible(state) }
    func area(_ state: AppState) -> String? { nil }
    func action(_ state: AppState) -> String? { nil }
    var jumpKey: String? { nil }
    func path(_ state: AppState, below: [String]) -> [String] { below + crumbs(state) }
    var keysFirst: Bool { false }
    func browsableWhileLoading(_ state: AppState) -> Bool { false }
    var activeField: (label: String, editor: LineEditor)? { nil }
    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout { ScreenLayout(body: body) }
}

/// Something on a screen a click can select: a list row (or a document's link, by its
/// number), or a cell of a matrix.
public enum Target: Hashable, Sendable {
    case row(Int)
    case cell(row: Int, column: Int)

    var row: Int? {
        if case let .row(i) = self { return i }
        return nil
    }
}

/// Where a screen's selectable parts are drawn, and how many rows a page of movement covers.
struct ScreenLayout: Sendable {
    struct Spot: Sendable {
        var target: Target
        var rect: Rect
    }

    var body: Rect
    var spots: [Spot] = []
    var pageRows = 1

    init(body: Rect, spots: [Spot] = [], pageRows: Int = 1) {
        self.body = body
        self.spots = spots
        self.pageRows = pageRows
    }

    /// A list of rows `height` lines each, from `top` lines into the body, starting with row
    /// `first` of `count`, as many as fit (`room` rows at most).
    static func list(_ body: Rect, top: Int, first: Int, count: Int, room: Int, height: Int = 1, width: Int? = nil) -> ScreenLayout {
        let rows = (first..<max(first, count)).prefix(max(0, room))
        let spots = rows.map { i in
            Spot(target: .row(i), rect: Rect(x: body.x, y: body.y + top + (i - first) * height, width: width ?? body.width, height: height))
        }
        return ScreenLayout(body: body, spots: spots, pageRows: max(1, room))
    }

    /// What is drawn at a screen position.
    func target(atX x: Int, y: Int) -> Target? {
        spots.first { $0.rect.contains(x: x, y: y) }?.target
    }

    /// Where a target is drawn, if it is.
    func rect(of target: Target) -> Rect? {
        spots.first { $0.target == target }?.rect
    }

    /// The rows drawn, with the line each starts on.
    var rows: [(index: Int, y: Int)] {
        spots.compactMap { spot in spot.target.row.map { ($0, spot.rect.y) } }
    }
}

extension Rect {
    func contains(x: Int, y: Int) -> Bool {
        x >= self.x && x < self.x + width && y >= self.y && y < self.y + height
    }
}

extension AppState {
    /// The screen on top of the stack.
    var screen: any PageScreen { page.screen }

    /// The body's rectangle: every screen draws between the title and the message lines.
    var body: Rect { Rect(x: 0, y: 1, width: width, height: bodyHeight) }

    /// Runs a screen's handler on the page on top, and keeps what it changed of itself
    /// unless it opened, closed or replaced a page meanwhile (then the stack is its answer).
    mutating func onScreen<Result>(_ run: (inout any PageScreen, inout AppState) -> Result) -> Result {
        var screen = page.screen
        let depth = pages.count
        let result = run(&screen, &self)
        if pages.count == depth, type(of: page.screen) == type(of: screen) { page = screen.page }
        return result
    }
}
