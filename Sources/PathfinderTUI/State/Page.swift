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

/// One screen in the navigation stack, with the state that belongs to it (cursor, scroll,
/// filter), so going back returns to exactly where the user was.
public enum Page: Hashable, Sendable {
    case areas(AreasPage)
    /// An area's profile, an action or a case study, to read and follow links from.
    case document(DocumentPage)
    case actionPlan(ActionPlanPage)
    case caseStudies(CaseStudiesPage)
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
    /// An area's plan on a time line.
    case timeline(TimelinePage)
    /// RAG over time, for an area or the store.
    case ragHistory(RAGHistoryPage)
    /// Every meeting's decisions, newest first.
    case decisions(DecisionsPage)
    /// The organisations, or those an action names (issue 12).
    case organisations(OrganisationsPage)
    /// The funding register: agreements, their Compact check and notice due soon.
    case funding(FundingPage)
}

extension Page {
    /// The screen this page is: the one switch over pages. A new screen adds its line here.
    var screen: any PageScreen {
        switch self {
        case let .areas(p): p
        case let .document(p): p
        case let .actionPlan(p): p
        case let .caseStudies(p): p
        case let .successFactors(p): p
        case let .actionList(p): p
        case let .search(p): p
        case let .conflict(p): p
        case let .meeting(p): p
        case let .log(p): p
        case let .syncConflicts(p): p
        case let .form(p): p
        case let .report(p): p
        case let .problems(p): p
        case let .timeline(p): p
        case let .ragHistory(p): p
        case let .decisions(p): p
        case let .organisations(p): p
        case let .funding(p): p
        }
    }

    /// An area's profile.
    public static func area(_ id: String) -> Page { .document(DocumentPage(.area(id))) }
    /// An action in full.
    public static func action(_ id: String) -> Page { .document(DocumentPage(.action(id))) }
    /// A case study.
    public static func caseStudy(_ id: String) -> Page { .document(DocumentPage(.caseStudy(id))) }
    /// An organisation, with the actions and case studies naming it.
    public static func organisation(_ id: String) -> Page { .document(DocumentPage(.organisation(id))) }
    /// A funding agreement in full, with its Compact check.
    public static func fundingAgreement(_ id: String) -> Page { .document(DocumentPage(.fundingAgreement(id))) }
}

extension Page {
    /// What this page shows as a document (an area, an action, a case study), if it is one.
    public var document: DocumentContent? {
        if case let .document(d) = self { return d.content }
        return nil
    }
}
