/// Every named thing a user can do with a key. Key files bind keys to these names (the raw
/// values, as in `bind action-plan o open`), and the help overlay and status line are generated
/// from the key map and these texts, so what is shown is what works.
public enum Command: String, CaseIterable, Hashable, Sendable {
    // Moving around a list or a page.
    case up, down, left, right
    case pageUp = "page-up", pageDown = "page-down"
    case halfPageUp = "half-page-up", halfPageDown = "half-page-down"
    case top, bottom
    case scrollUp = "scroll-up", scrollDown = "scroll-down"
    // Between screens and panes.
    case open, back
    case nextPane = "next-pane", previousPane = "previous-pane"
    case goAreas = "go-areas", goActionPlan = "go-action-plan"
    case goCaseStudies = "go-case-studies", goSuccessFactors = "go-success-factors"
    case goOrganisations = "go-organisations", actionOrganisations = "action-organisations"
    // Finding and arranging.
    case search, filter
    case clearFilter = "clear-filter"
    case cycleSort = "cycle-sort"
    // Charts: the timeline and RAG over time.
    case timeline, ragHistory = "rag-history"
    case zoomIn = "zoom-in", zoomOut = "zoom-out", panToday = "pan-today", textView = "text-view"
    // The program.
    case quit, help
    case commandLine = "command-line"
    case cycleTheme = "cycle-theme"
    case redraw
    // Editing: quick updates from the action plan and the action, long text, undo.
    // A command is added only with the code that performs it, so help never lists a dead key.
    case changeStatus = "change-status", changeRAG = "change-rag"
    case addNote = "add-note", writeNote = "write-note", addReading = "add-reading"
    case changeDue = "change-due", tickMilestone = "tick-milestone", markReviewed = "mark-reviewed"
    case editText = "edit-text"
    case decisionToAction = "decision-to-action", decisionToMilestone = "decision-to-milestone"
    case undo, redo
    case duplicateAction = "duplicate-action", moveAction = "move-action", deleteAction = "delete-action"
    case editAction = "edit-action", newAction = "new-action"
    case editArea = "edit-area", newArea = "new-area", editCaseStudy = "edit-case-study", newCaseStudy = "new-case-study"
    case editOrganisation = "edit-organisation", newOrganisation = "new-organisation"
    case editAgreement = "edit-agreement", newAgreement = "new-agreement"
    // Resolving a file changed on disk while it was being edited.
    case keepMine = "keep-mine", takeTheirs = "take-theirs"
    case keepAllMine = "keep-all-mine", takeAllTheirs = "take-all-theirs"
    case saveMerge = "save-merge"
    // Meetings.
    case startMeeting = "meeting"
    case toggleAgenda = "toggle-agenda"
    case nextItem = "next-item", previousItem = "previous-item"
    case moveItemUp = "move-item-up", moveItemDown = "move-item-down"
    case dropItem = "drop-item", addItem = "add-item"
    case addDiscussion = "add-discussion", addDecision = "add-decision"
    case captureAction = "capture-action", endMeeting = "end-meeting"
    // Working together through git.
    case sync, history
    case showReport = "report"
    // Files that did not load.
    case showProblems = "problems"
    case showMessages = "messages"
    // In a form (the `form` context): the form's own keys, so hints and help come from here too.
    case save, cancel
    case nextField = "next-field", previousField = "previous-field"
    case previousChoice = "previous-choice", nextChoice = "next-choice"
    case pick, tick
    case addEntry = "add-entry", removeEntry = "remove-entry"
    case moveEntryUp = "move-entry-up", moveEntryDown = "move-entry-down"

    /// The groups the help overlay lists commands in.
    public enum Group: String, CaseIterable, Hashable, Sendable {
        case moving = "Moving", screens = "Screens", finding = "Finding", editing = "Editing", meeting = "Meeting", form = "Form"
        case program = "Pathfinder"
    }

    /// This command's row of the table: its group, hint and help.
    public var row: CommandRow {
        guard let row = Command.rowsByCommand[self] else { preconditionFailure("no row for the command \(rawValue)") }
        return row
    }

    /// The group the help overlay lists it in.
    public var group: Group { row.group }
    /// A few words for the status line ("open", "filter").
    public var hint: String { row.hint }
    /// One line for the help overlay.
    public var help: String { row.help }

    private static let rowsByCommand: [Command: CommandRow] = {
        let rows = Dictionary(table.map { ($0.command, $0) }, uniquingKeysWith: { first, _ in first })
        precondition(rows.count == table.count && rows.count == allCases.count, "one row for each command")
        return rows
    }()
}

/// One row of the command table (tig's request table): the command (its name is the raw value
/// that key files use), the help group, a few words for the status line and a line of help.
/// What a command does depends on the screen, so each screen performs it, as tig's views do.
public struct CommandRow: Hashable, Sendable {
    public let command: Command
    public let group: Command.Group
    public let hint: String
    public let help: String

    init(_ command: Command, _ group: Command.Group, _ hint: String, _ help: String) {
        self.command = command
        self.group = group
        self.hint = hint
        self.help = help
    }

    /// The name written in key files (`bind action-plan o cycle-sort`).
    public var name: String { command.rawValue }
}

extension Command {
    /// Every command, one row each, in the order help lists them. Adding a command means adding
    /// its case above and its row here; a test checks each case has exactly one row.
    public static let table: [CommandRow] = [
        // Moving around a list or a page.
        CommandRow(.up, .moving, "up", "Move up a line"),
        CommandRow(.down, .moving, "down", "Move down a line"),
        CommandRow(.left, .moving, "left", "Move left (success factor matrix)"),
        CommandRow(.right, .moving, "right", "Move right (success factor matrix)"),
        CommandRow(.pageUp, .moving, "page up", "Up a page"),
        CommandRow(.pageDown, .moving, "page down", "Down a page"),
        CommandRow(.halfPageUp, .moving, "half page up", "Up half a page"),
        CommandRow(.halfPageDown, .moving, "half page down", "Down half a page"),
        CommandRow(.top, .moving, "top", "Go to the top"),
        CommandRow(.bottom, .moving, "bottom", "Go to the bottom"),
        CommandRow(.scrollUp, .moving, "scroll up", "Scroll up (mouse wheel)"),
        CommandRow(.scrollDown, .moving, "scroll down", "Scroll down (mouse wheel)"),
        // Between screens and panes.
        CommandRow(.open, .screens, "open", "Open what is selected"),
        CommandRow(.back, .screens, "back", "Go back to the previous screen"),
        CommandRow(.nextPane, .screens, "next link", "Select the next link (case study, action, plan)"),
        CommandRow(.previousPane, .screens, "previous link", "Select the previous link"),
        CommandRow(.goAreas, .screens, "areas", "Areas"),
        CommandRow(.goActionPlan, .screens, "action plan", "The action plan of the current area"),
        CommandRow(.goCaseStudies, .screens, "case studies", "Case studies"),
        CommandRow(.goSuccessFactors, .screens, "success factors", "Success factors by area"),
        CommandRow(.goOrganisations, .screens, "organisations", "The organisations: filter by kind:, area:, theme:, accredited or words"),
        CommandRow(.actionOrganisations, .screens, "organisations", "The organisations this action names as lead body or partners"),
        // Finding and arranging.
        CommandRow(.search, .finding, "search", "Search areas, actions and case studies"),
        CommandRow(.filter, .finding, "filter", "Filter the actions: words, or status: rag: theme: factor: lead: due: overdue"),
        CommandRow(.clearFilter, .finding, "clear filter", "Clear the filter"),
        CommandRow(.cycleSort, .finding, "sort", "Sort by theme, due date, RAG, status or id"),
        // Charts.
        CommandRow(.timeline, .finding, "timeline", "The plan on a time line: bars from start to due, milestones, the as-of day"),
        CommandRow(.ragHistory, .finding, "RAG over time", "How many actions were red, amber and green, month by month"),
        CommandRow(.zoomIn, .moving, "zoom in", "Show less time across the chart (year, quarter, month)"),
        CommandRow(.zoomOut, .moving, "zoom out", "Show more time across the chart (month, quarter, year)"),
        CommandRow(.panToday, .moving, "as of", "Back to the as-of day, a third of the way across"),
        CommandRow(.textView, .finding, "as text", "The chart as text: the dates and numbers behind it, to read or copy"),
        // The program.
        CommandRow(.quit, .program, "quit", "Quit Pathfinder (everything is already saved)"),
        CommandRow(.help, .program, "help", "Show or hide this list of keys"),
        CommandRow(.commandLine, .program, "go to",
                   "Type a command: Tab completes its name; the commands are listed at the end of this help"),
        CommandRow(.cycleTheme, .program, "theme", "Next colour theme (remembered)"),
        CommandRow(.redraw, .program, "redraw", "Redraw the screen"),
        // Editing: quick updates from the action plan and the action, long text, undo.
        // A command is added only with the code that performs it, so help never lists a dead key.
        CommandRow(.changeStatus, .editing, "status", "Change the action's status (saved at once)"),
        CommandRow(.changeRAG, .editing, "RAG", "Change the RAG rating, with an optional reason for the progress log"),
        CommandRow(.addNote, .editing, "note", "Add a one-line progress note"),
        CommandRow(.writeNote, .editing, "long note", "Write a longer progress note in your editor"),
        CommandRow(.addReading, .editing, "reading", "Add a reading to the action's indicator: the value, then a note if you like"),
        CommandRow(.changeDue, .editing, "due", "Set a new due date (2007-03-31, +2w, +3m, end of quarter)"),
        CommandRow(.tickMilestone, .editing, "milestone", "Tick a milestone done, or untick it"),
        CommandRow(.markReviewed, .editing, "reviewed", "Mark the action reviewed today"),
        CommandRow(.editText, .editing, "edit text", "Edit the description, narrative or case study text in your editor"),
        CommandRow(.undo, .editing, "undo", "Undo the last change (even after it was saved)"),
        CommandRow(.redo, .editing, "redo", "Redo what was undone"),
        CommandRow(.duplicateAction, .editing, "duplicate", "Make a copy of the action (a new id, not started, no notes)"),
        CommandRow(.moveAction, .editing, "move", "Move the action to another area (it gets an id there; the old file goes to the trash)"),
        CommandRow(.deleteAction, .editing, "delete",
                   "Delete the action, after asking: it goes to the store's trash (u undoes; `pathfinder trash` restores)"),
        CommandRow(.editAction, .editing, "edit", "Edit every field of the action in a form (Ctrl-S saves)"),
        CommandRow(.newAction, .editing, "new action", "Add a new action to this area's plan, in a form"),
        CommandRow(.editArea, .editing, "edit area",
                   "Edit the area's profile in a form: name, code, key figures, steering group, forums, narrative"),
        CommandRow(.newArea, .editing, "new area", "Add a new area in a form (its folder is named from its name)"),
        CommandRow(.editCaseStudy, .editing, "edit", "Edit every field of the case study in a form (Ctrl-S saves)"),
        CommandRow(.newCaseStudy, .editing, "new case study", "Add a new case study in a form (its file is named from its title)"),
        CommandRow(.editOrganisation, .editing, "edit", "Edit every field of the organisation in a form (Ctrl-S saves)"),
        CommandRow(.newOrganisation, .editing, "new organisation", "Add a new organisation in a form (its file is named from its name)"),
        CommandRow(.editAgreement, .editing, "edit", "Edit every field of the funding agreement in a form, checked against the funding principles as it is filled"),
        CommandRow(.newAgreement, .editing, "new agreement", "Add a funding agreement in a form (on an organisation's page: funding it), checked as it is filled"),
        // Resolving a file changed on disk while it was being edited.
        CommandRow(.keepMine, .editing, "keep mine", "Keep your value of this field"),
        CommandRow(.takeTheirs, .editing, "take theirs",
                   "Take theirs: the other machine's value of this field (or, for a file changed on disk, the one saved there)"),
        CommandRow(.keepAllMine, .editing, "all mine", "Keep your value of every field"),
        CommandRow(.takeAllTheirs, .editing, "all theirs", "Take their values (the other machine's, or those on disk) for every field"),
        CommandRow(.saveMerge, .editing, "save", "Save the result (progress notes from both are kept)"),
        // Meetings.
        CommandRow(.startMeeting, .meeting, "meeting", "Start a meeting from this area's plan, or resume the one in progress"),
        CommandRow(.toggleAgenda, .meeting, "agenda/item", "Switch between the agenda and the item in front of the meeting"),
        CommandRow(.nextItem, .meeting, "next", "Mark this item reviewed and go to the next"),
        CommandRow(.previousItem, .meeting, "previous", "Back to the previous item"),
        CommandRow(.moveItemUp, .meeting, "move up", "Move the agenda item up"),
        CommandRow(.moveItemDown, .meeting, "move down", "Move the agenda item down"),
        CommandRow(.dropItem, .meeting, "drop", "Take the item off the agenda"),
        CommandRow(.addItem, .meeting, "add", "Add an action to the agenda"),
        CommandRow(.addDiscussion, .meeting, "discussion", "Record a point of discussion on this item"),
        CommandRow(.addDecision, .meeting, "decision", "Record a decision on this item"),
        CommandRow(.captureAction, .meeting, "new action", "Capture a new action: title, lead, due date"),
        CommandRow(.decisionToAction, .meeting, "make action",
                   "Make the decision an action (its owner leads, due by its date), in the form to check and save"),
        CommandRow(.decisionToMilestone, .meeting, "milestone", "Add the decision as a milestone of its action, in the action's form"),
        CommandRow(.endMeeting, .meeting, "end", "End the meeting (its file keeps everything for the minutes)"),
        // Working together through git.
        CommandRow(.sync, .program, "sync", "Sync with colleagues through git: save, fetch, merge field by field, send"),
        CommandRow(.history, .finding, "history", "The action's history from git: who changed what, and when"),
        CommandRow(.showReport, .finding, "report",
                   "The highlight report of this area (of all, on the areas list); :report PATH.html writes it"),
        CommandRow(.showMessages, .finding, "messages", "Every message of this session in full, newest first (:messages)"),
        // Files that did not load.
        CommandRow(.showProblems, .finding, "problems",
                   "Files with problems (not loaded, or read-only): file, line and what is wrong; Enter opens one in your editor"),
        // In a form. `open`, `edit-text`, `page-up`, `page-down` and `help` work there too.
        CommandRow(.save, .form, "save", "Save (only when every field is valid)"),
        CommandRow(.cancel, .form, "cancel", "Close the form; asks first if anything changed (Ctrl-C does the same)"),
        CommandRow(.nextField, .form, "next", "Next field"),
        CommandRow(.previousField, .form, "previous", "Previous field"),
        CommandRow(.previousChoice, .form, "change", "The previous choice of a one-of field (status, RAG, theme), without the list"),
        CommandRow(.nextChoice, .form, "change", "The next choice of a one-of field, without the list"),
        CommandRow(.pick, .form, "pick", "In a typed field with values in use (lead body): pick one, or type a new one"),
        CommandRow(.tick, .form, "done/not done", "Tick a milestone done or not done; on a choice, open its list"),
        CommandRow(.addEntry, .form, "add", "Add an entry to a list (partner, milestone, key figure) after this one"),
        CommandRow(.removeEntry, .form, "remove", "Remove this entry of a list"),
        CommandRow(.moveEntryUp, .form, "move up", "Move this entry of a list up"),
        CommandRow(.moveEntryDown, .form, "move down", "Move this entry of a list down"),
    ]
}
