import PathfinderModel

/// A line in the message row: what just happened, or what went wrong.
public struct Message: Hashable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }

    /// Shown while the store is read in the background; the store's arrival clears them (and
    /// leaves any other message standing, such as sync conflicts waiting).
    public static let readingStore = Message("Reading the store…")
    public static let stillReadingStore = Message("Still reading the store: a moment…")
}

/// Something drawn over the current page.
public enum Overlay: Hashable, Sendable {
    case help(scroll: Int)
    /// The `:` command line.
    case commandLine(LineEditor)
    /// Choose a status, a RAG rating, a milestone to tick; the answer is for `PickerPurpose`.
    case picker(Picker, PickerPurpose)
    /// A line of text on the message line: a progress note, a due date, a name.
    case prompt(Prompt)
    /// A yes/no question before something hard to undo.
    case confirm(Confirmation)
    /// Long text written in place, when no $VISUAL or $EDITOR is set.
    case textArea(TextArea, TextRequest)
}

/// What `update` asks the run loop to do: side effects are values, performed outside.
public enum Effect: Hashable, Sendable {
    case quit
    /// Save the chosen theme in the per-user config so the next start uses it.
    case rememberTheme(String)
    /// Clear and repaint the whole terminal (Ctrl-L, after a resize or an editor).
    case redrawAll
    /// Write a record to the store (atomically, checked against what was loaded); answered by
    /// `.saved`, `.saveFailed` or `.conflict`.
    case save(Record)
    /// Make a new action (the store gives it its id); answered by `.created` or `.saveFailed`.
    case create(Action)
    /// Put an action's file in the store's trash; answered by `.deleted` or `.saveFailed`.
    case delete(Action)
    /// Bring an action back from the trash (undoing a delete); answered by `.saved`.
    case restore(Action)
    /// Put a new area's or case study's file in the trash (undoing its creation); answered by
    /// `.notice` or `.saveFailed`.
    case trash(Record)
    /// A report on screen (no path) or written to a file; answered by `.showReport`, `.notice`,
    /// or `.exportExists` when the file is there already.
    case export(ExportRequest)
    /// List the store's trash; answered by `.showLog`.
    case loadTrash
    /// Put back an action chosen from the trash; answered by `.storeChanged` and `.showLog`.
    case restoreFromTrash(String)
    /// Move an action to another area (a new id there); answered by `.moved`.
    case move(Action, toArea: String)
    /// Run $VISUAL or $EDITOR on the text; answered by `.textEdited`.
    case editText(TextRequest)
    /// While the store is read in the background: read one area's files now (the one opened,
    /// or the one holding an action), so it opens without waiting; answered by `.storeChanged`
    /// with `StoreChange.area` set.
    case readArea(AreaToRead)
    /// While the store is read in the background: a key that needs the whole store (a search,
    /// an edit) waits for it, and every key after it, so they run in the order typed.
    case holdUntilRead(Event)
    /// Read the whole store again (a file with errors was fixed outside the program, so errors
    /// between files may be gone too); answered by `.storeChanged`.
    case readStoreAgain
    /// Run $VISUAL or $EDITOR on a store file (at a line, where the editor takes `+N`), then
    /// read the store again; answered by `.storeChanged` and `.fileEdited`.
    case editFile(path: String, line: Int)
    /// Keep the user's name in the per-user config.
    case rememberName(String)
    /// Make a meeting's file (the store names it) with its agenda; answered by `.meetingCreated`.
    case createMeeting(MeetingDraft)
    /// Sync through git, showing progress; answered by `.synced` and a reload.
    case sync
    /// Read an action's history from git; answered by `.showLog`.
    case loadHistory(String)
    /// What changed since a date (nil: since the last sync); answered by `.showLog`.
    case loadChanged(since: Day?)
    /// The conflicts a sync left; answered by `.syncConflicts`.
    case loadSyncConflicts
    /// Resolve one; answered by `.syncConflicts` with those left, and a reload of the file.
    case resolveSyncConflict(id: String, choice: SyncChoice)
    /// Read a spreadsheet to import (`:import FILE`); answered by `.importRead` or `.notice`.
    case readImport(ImportRequest)
    /// Write an import's good rows through the store, by `user`; answered by `.notice`.
    case writeImport(ImportPlan, user: String)
}

/// The whole application state: pure data, changed only by `update`, drawn by the views.
public struct AppState: Sendable {
    public var partnership: Partnership {
        // Simple (no oldValue), so a change to one action still happens in place.
        didSet { partnershipVersion &+= 1 }
    }
    /// Counts changes to `partnership`: what was worked out from it (`frameCache`) is used only
    /// while this is the number it was made at.
    private(set) var partnershipVersion = 0
    var frameCache = FrameCache()
    /// The day "overdue" is judged on (the store's pinned date, `--as-of`, or today).
    public var asOf: Day
    /// The store's folder as shown in the status line.
    public var storeLabel: String
    public var width: Int
    public var height: Int
    /// The navigation stack: the last page is shown; Esc pops. Never empty.
    public var pages: [Page]
    public var overlay: Overlay?
    public var message: Message?
    /// Every message said this session, oldest first (the last 200), so one cut off at the
    /// window's edge or gone with the next key can be read whole (`:messages`).
    public var messages: [Message] = []
    public var theme: Theme
    public var themes: [Theme]
    public var keyMap: KeyMap
    /// Built the first time search is used, then kept until the store changes.
    public var searchIndex: SearchIndex?
    /// The store's search words for the actions read (issue 14); an action changed since is
    /// forgotten in it (`place`) and searched by scanning.
    public var searchWords: ActionSearchWords?
    /// Undo and redo, saves in flight, who is editing.
    public var edits: EditSession
    /// The screens started from the summary cache while the store is read in the background:
    /// the areas list shows `cachedSummary`; anything needing the actions waits.
    public var loadingStore = false
    /// While loading: how much of the store has been read (per cent), said after "Reading the
    /// store…" so a key waiting for it shows how long it waits.
    public var storeReadPercent: Int?
    /// While loading: the areas whose files have been read on their own (`Effect.readArea`),
    /// so their pages can open before the whole store is in.
    public var areasRead: Set<String> = []
    /// While loading: what to open when the area being read arrives.
    public var openWhenRead: Page?
    public var cachedSummary: [AreaSummary] = []
    /// Every problem the store's files have (`check`'s list), errors first: the problems
    /// screen lists them, and the areas and plans mark the files they are in.
    public var problems: [Problem] = [] {
        didSet { problemsVersion &+= 1 }
    }
    /// Counts changes to `problems`, as `partnershipVersion` does for the partnership.
    private(set) var problemsVersion = 0
    /// RAG over time for each area and the store: worked out in the background by the run
    /// loop (and cached in the store's .pathfinder folder); nil until it is in.
    public var ragHistory: RAGHistoryTable?
    /// The meeting ended last this session: `:minutes` writes its minutes unless another is on
    /// screen.
    public var meetingJustEnded: String?

    public init(partnership: Partnership, asOf: Day, storeLabel: String, width: Int, height: Int,
                theme: Theme = .builtInDefault, themes: [Theme] = [], keyMap: KeyMap = .defaults,
                pages: [Page] = [.areas(AreasPage())], today: Day? = nil) {
        self.partnership = partnership
        edits = EditSession(today: today ?? asOf)
        self.asOf = asOf
        self.storeLabel = storeLabel
        self.width = width
        self.height = height
        self.pages = pages.isEmpty ? [.areas(AreasPage())] : pages
        self.theme = theme
        self.themes = themes
        self.keyMap = keyMap
        keepSelectionVisible()
    }

    public var page: Page {
        get { pages[pages.count - 1] }
        set { pages[pages.count - 1] = newValue }
    }

    /// Below this the screen says it is too small instead of drawing a broken layout.
    public static let minimumWidth = 40
    public static let minimumHeight = 12

    public var isTooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }

    /// The day typed dates count from (`tomorrow`, `+2w`, a new meeting's "today"): the day
    /// "overdue" is judged on, so a store pinned to a day reads dates as of that day. Notes and
    /// `updated` keep the real date: they record when the words were written.
    public var datesFrom: Day { asOf }

    /// Whether the store is pinned to a day other than the real one (dates typed say so).
    public var isPinned: Bool { asOf != edits.today }

    /// Rows between the title line and the message and status lines.
    public var bodyHeight: Int { max(0, height - 3) }
}
