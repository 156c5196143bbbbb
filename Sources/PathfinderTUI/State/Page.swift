import PathfinderModel

/// How the action plan's rows are ordered; `s` cycles through them.
public enum ActionSort: String, CaseIterable, Hashable, Sendable {
    case theme, due, rag, status, id

    public var label: String {
        switch self {
        case .theme: "grouped by theme"
        case .due: "by due date"
        case .rag: "by RAG"
        case .status: "by status"
        case .id: "by id"
        }
    }
}

/// Where the reader is in a scrollable document (area profile, action, case study): the first
/// line shown and the selected link, which Tab moves and Enter opens.
public struct DocumentCursor: Hashable, Sendable {
    public var scroll = 0
    public var link: Int?
    public init(scroll: Int = 0, link: Int? = nil) {
        self.scroll = scroll
        self.link = link
    }
}

public struct AreaPage: Hashable, Sendable {
    public var area: String
    /// The action plan link is selected from the start: Enter on an area leads on to its plan.
    public var document = DocumentCursor(link: 0)
    public init(area: String) { self.area = area }
}

public struct ActionPlanPage: Hashable, Sendable {
    public var area: String
    public var cursor = ListCursor()
    public var sort: ActionSort = .theme
    public var filter = LineEditor()
    public var editingFilter = false
    public init(area: String) { self.area = area }
}

public struct ActionPage: Hashable, Sendable {
    public var action: String
    public var document = DocumentCursor()
    public init(action: String) { self.action = action }
}

public struct CaseStudyPage: Hashable, Sendable {
    public var caseStudy: String
    public var document = DocumentCursor()
    public init(caseStudy: String) { self.caseStudy = caseStudy }
}

public struct FactorMatrixPage: Hashable, Sendable {
    public var row = 0
    public var column = 0
    public init(row: Int = 0, column: Int = 0) {
        self.row = row
        self.column = column
    }
}

/// A titled list of actions (e.g. one cell of the success factor matrix).
public struct ActionListPage: Hashable, Sendable {
    public var title: String
    public var actions: [String]
    public var cursor = ListCursor()
    public init(title: String, actions: [String]) {
        self.title = title
        self.actions = actions
    }
}

public struct SearchPage: Hashable, Sendable {
    public var query = LineEditor()
    public var editing = true
    public var results: [SearchResult] = []
    /// All matches, of which `results` holds the first few hundred per kind.
    public var total = 0
    public var cursor = ListCursor()
    public init() {}
}

/// One screen in the navigation stack, with the state that belongs to it (cursor, scroll,
/// filter), so going back returns to exactly where the user was.
public enum Page: Hashable, Sendable {
    case areas(ListCursor)
    case area(AreaPage)
    case actionPlan(ActionPlanPage)
    case action(ActionPage)
    case caseStudies(ListCursor)
    case caseStudy(CaseStudyPage)
    case successFactors(FactorMatrixPage)
    case actionList(ActionListPage)
    case search(SearchPage)
    /// Yours against the version on disk, after a save found the file changed.
    case conflict(ConflictPage)
    /// A meeting being run: its agenda, or one item at a time.
    case meeting(MeetingPage)
    /// An action's history, or what changed since a date or the last sync.
    case log(LogPage)
    /// Fields a sync found changed differently here and elsewhere, to decide.
    case syncConflicts(SyncConflictsPage)
    /// An action, an area or a case study (or a new one) in a form.
    case form(FormPage)
    /// A report on screen.
    case report(ReportPage)
    /// Every file with problems, to read and fix.
    case problems(ProblemsPage)
}
