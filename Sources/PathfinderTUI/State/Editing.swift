import PathfinderModel

/// Something in the store a user changes whole: what a save writes and what undo puts back.
public enum Record: Hashable, Sendable {
    case action(Action)
    case area(Area)
    case caseStudy(CaseStudy)
    case meeting(Meeting)
    case organisation(Organisation)
    case fundingAgreement(FundingAgreement)

    /// How messages name it: "PO-03", "Portsmouth", "Good Neighbours".
    public var name: String {
        switch self {
        case let .action(a): a.id
        case let .area(a): a.name
        case let .caseStudy(c): c.title
        case let .meeting(m): m.title
        case let .organisation(o): o.name
        case let .fundingAgreement(a): a.title
        }
    }
}

/// One change a user made, kept so it can be undone and redone, even after it was saved.
public struct Change: Hashable, Sendable {
    /// nil when the change created the record.
    public var before: Record?
    /// nil when the change put the record in the trash.
    public var after: Record?
    /// What the message line says: "PO-03 status: In progress → Done".
    public var summary: String
    /// Records changed with it and undone with it: the meeting that recorded the change.
    public var alongside: [Change]

    public init(before: Record?, after: Record?, summary: String, alongside: [Change] = []) {
        self.before = before
        self.after = after
        self.summary = summary
        self.alongside = alongside
    }
}

/// A long text being written in the user's editor or the inline one.
public struct TextRequest: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        case note(action: String)
        case description(action: String)
        case narrative(area: String)
        case caseStudyText(String)
        /// A long field of the form on screen (its raw `ActionField` value).
        case formField(String)
    }

    public var purpose: Purpose
    public var text: String
    /// A file name hint for the editor, so it picks Markdown highlighting.
    public var fileName: String

    /// What is being written, as the inline editor's box says it.
    public var title: String {
        switch purpose {
        case let .note(id): "Progress note on \(id)"
        case let .description(id): "Description of \(id)"
        case let .narrative(area): "Narrative of \(area)"
        case let .caseStudyText(id): "Text of \(id)"
        case let .formField(field): ActionField(rawValue: field)?.label ?? field
        }
    }
}

/// What changed in the store's files while the program ran (an editor, a git pull, a
/// colleague), as the store read it back.
public struct StoreChange: Hashable, Sendable {
    public var actions: [Action]
    public var removedActions: [String]
    public var areas: [Area]
    public var caseStudies: [CaseStudy]
    public var meetings: [Meeting]
    /// Set when everything was read again (the manifest or an area changed).
    public var partnership: Partnership?
    /// Record keys whose files are not editable now (problems of their own or between files).
    public var notEditable: Set<RecordKey>
    /// Record keys that are editable again.
    public var editableAgain: Set<RecordKey>
    /// With `partnership`, every problem in the store; otherwise the problems of the files
    /// read again (`readAgain`), which replace what was known about those files.
    public var problems: [Problem]
    /// The files (paths relative to the store) read again, with or without problems now.
    public var readAgain: [String]
    /// Read because the screens asked (`.readStoreAgain`): what they said stands.
    public var requested = false
    /// Set when only this area's files were read (`Effect.readArea`), while the whole store is
    /// still being read: they join what is on screen and nothing else changes.
    public var area: String?

    public init(actions: [Action] = [], removedActions: [String] = [], areas: [Area] = [], caseStudies: [CaseStudy] = [],
                meetings: [Meeting] = [], partnership: Partnership? = nil, notEditable: Set<RecordKey> = [],
                editableAgain: Set<RecordKey> = [], problems: [Problem] = [], readAgain: [String] = []) {
        self.actions = actions
        self.removedActions = removedActions
        self.areas = areas
        self.caseStudies = caseStudies
        self.meetings = meetings
        self.partnership = partnership
        self.notEditable = notEditable
        self.editableAgain = editableAgain
        self.problems = problems
        self.readAgain = readAgain
    }
}

/// The session's edits: undo and redo stacks, what is waiting to be saved, when the last save
/// happened. Pure data in the state, so undo can be tested like any key.
public struct EditSession: Hashable, Sendable {
    public var undo: [Change] = []
    public var redo: [Change] = []
    /// The write of each record shown but not yet confirmed on disk, by record key. A failed
    /// one stays here and is tried again on every tick until it lands: nothing typed is dropped.
    public var pending: [RecordKey: Effect] = [:]
    /// Why the last save of a record failed, by key, for the status line and message.
    public var failures: [RecordKey: String] = [:]
    /// The version of each record last confirmed on disk, by key: the common ancestor when a
    /// save meets a colleague's change.
    public var onDisk: [RecordKey: Record] = [:]
    /// For each record with a save not yet confirmed, by key: the version the store last read
    /// or wrote, which that save grew from. A save that meets a change on disk (or a reload
    /// that arrives first) merges against it, so the colleague's change is kept.
    public var base: [RecordKey: Record] = [:]
    /// Clock time of the last successful save ("10:42"), shown in the status line.
    public var lastSaved: String?
    /// Records (by key) whose files cannot be written: problems in the file, or read-only mode.
    public var notEditable: Set<RecordKey> = []
    /// The whole store is read-only (another Pathfinder has it open, and the user chose to look).
    public var readOnlyReason: String?
    /// Who edits: stamped into `updated-by` and progress notes. nil until asked once.
    public var userName: String?
    /// Offered when asking for the name ($USER).
    public var suggestedName: String = ""
    /// The real date, for progress notes and `updated`; distinct from the store's as-of date,
    /// which a snapshot store pins in the past.
    public var today: Day
    /// Whether $VISUAL or $EDITOR is set; without one, long text is written inline.
    public var hasExternalEditor: Bool = false

    public init(today: Day) {
        self.today = today
    }
}

extension String {
    /// Without leading and trailing spaces and line breaks (the TUI does not use Foundation).
    var trimmed: String {
        var slice = Substring(self)
        while let c = slice.first, c.isWhitespace { slice.removeFirst() }
        while let c = slice.last, c.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
