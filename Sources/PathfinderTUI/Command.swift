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
    // Finding and arranging.
    case search, filter
    case clearFilter = "clear-filter"
    case cycleSort = "cycle-sort"
    // The program.
    case quit, help
    case commandLine = "command-line"
    case cycleTheme = "cycle-theme"
    case redraw
    // Editing: quick updates from the action plan and the action, long text, undo.
    // A command is added only with the code that performs it, so help never lists a dead key.
    case changeStatus = "change-status", changeRAG = "change-rag"
    case addNote = "add-note", writeNote = "write-note"
    case changeDue = "change-due", tickMilestone = "tick-milestone", markReviewed = "mark-reviewed"
    case editText = "edit-text"
    case undo, redo
    case duplicateAction = "duplicate-action", moveAction = "move-action", deleteAction = "delete-action"
    case editAction = "edit-action", newAction = "new-action"
    case editArea = "edit-area", newArea = "new-area", editCaseStudy = "edit-case-study", newCaseStudy = "new-case-study"
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

    /// The groups the help overlay lists commands in.
    public enum Group: String, CaseIterable, Hashable, Sendable {
        case moving = "Moving", screens = "Screens", finding = "Finding", editing = "Editing", meeting = "Meeting"
        case program = "Pathfinder"
    }

    public var group: Group {
        switch self {
        case .up, .down, .left, .right, .pageUp, .pageDown, .halfPageUp, .halfPageDown, .top, .bottom, .scrollUp, .scrollDown:
            .moving
        case .open, .back, .nextPane, .previousPane, .goAreas, .goActionPlan, .goCaseStudies, .goSuccessFactors:
            .screens
        case .search, .filter, .clearFilter, .cycleSort:
            .finding
        case .changeStatus, .changeRAG, .addNote, .writeNote, .changeDue, .tickMilestone, .markReviewed, .editText, .undo, .redo,
             .duplicateAction, .moveAction, .deleteAction, .editAction, .newAction, .editArea, .newArea,
             .editCaseStudy, .newCaseStudy, .keepMine, .takeTheirs, .keepAllMine, .takeAllTheirs, .saveMerge:
            .editing
        case .startMeeting, .toggleAgenda, .nextItem, .previousItem, .moveItemUp, .moveItemDown, .dropItem, .addItem,
             .addDiscussion, .addDecision, .captureAction, .endMeeting:
            .meeting
        case .quit, .help, .commandLine, .cycleTheme, .redraw, .sync:
            .program
        case .history, .showReport, .showProblems:
            .finding
        }
    }

    /// A few words for the status line ("open", "filter").
    public var hint: String {
        switch self {
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .pageUp: "page up"
        case .pageDown: "page down"
        case .halfPageUp: "half page up"
        case .halfPageDown: "half page down"
        case .top: "top"
        case .bottom: "bottom"
        case .scrollUp: "scroll up"
        case .scrollDown: "scroll down"
        case .open: "open"
        case .back: "back"
        case .nextPane: "next link"
        case .previousPane: "previous link"
        case .goAreas: "areas"
        case .goActionPlan: "action plan"
        case .goCaseStudies: "case studies"
        case .goSuccessFactors: "success factors"
        case .search: "search"
        case .filter: "filter"
        case .clearFilter: "clear filter"
        case .cycleSort: "sort"
        case .quit: "quit"
        case .help: "help"
        case .commandLine: "go to"
        case .cycleTheme: "theme"
        case .redraw: "redraw"
        case .changeStatus: "status"
        case .changeRAG: "RAG"
        case .addNote: "note"
        case .writeNote: "long note"
        case .changeDue: "due"
        case .tickMilestone: "milestone"
        case .markReviewed: "reviewed"
        case .editText: "edit text"
        case .undo: "undo"
        case .redo: "redo"
        case .duplicateAction: "duplicate"
        case .moveAction: "move"
        case .deleteAction: "delete"
        case .editAction: "edit"
        case .newAction: "new action"
        case .editArea: "edit area"
        case .newArea: "new area"
        case .editCaseStudy: "edit"
        case .newCaseStudy: "new case study"
        case .keepMine: "keep mine"
        case .takeTheirs: "take theirs"
        case .keepAllMine: "all mine"
        case .takeAllTheirs: "all theirs"
        case .saveMerge: "save"
        case .startMeeting: "meeting"
        case .toggleAgenda: "agenda/item"
        case .nextItem: "next"
        case .previousItem: "previous"
        case .moveItemUp: "move up"
        case .moveItemDown: "move down"
        case .dropItem: "drop"
        case .addItem: "add"
        case .addDiscussion: "discussion"
        case .addDecision: "decision"
        case .captureAction: "new action"
        case .endMeeting: "end"
        case .sync: "sync"
        case .history: "history"
        case .showReport: "report"
        case .showProblems: "problems"
        }
    }

    /// One line for the help overlay.
    public var help: String {
        switch self {
        case .up: "Move up a line"
        case .down: "Move down a line"
        case .left: "Move left (success factor matrix)"
        case .right: "Move right (success factor matrix)"
        case .pageUp: "Up a page"
        case .pageDown: "Down a page"
        case .halfPageUp: "Up half a page"
        case .halfPageDown: "Down half a page"
        case .top: "Go to the top"
        case .bottom: "Go to the bottom"
        case .scrollUp: "Scroll up (mouse wheel)"
        case .scrollDown: "Scroll down (mouse wheel)"
        case .open: "Open what is selected"
        case .back: "Go back to the previous screen"
        case .nextPane: "Select the next link (case study, action, plan)"
        case .previousPane: "Select the previous link"
        case .goAreas: "Areas"
        case .goActionPlan: "The action plan of the current area"
        case .goCaseStudies: "Case studies"
        case .goSuccessFactors: "Success factors by area"
        case .search: "Search areas, actions and case studies"
        case .filter: "Filter the actions: words, or status: rag: theme: factor: lead: due: overdue"
        case .clearFilter: "Clear the filter"
        case .cycleSort: "Sort by theme, due date, RAG, status or id"
        case .quit: "Quit Pathfinder (everything is already saved)"
        case .help: "Show or hide this list of keys"
        case .commandLine: "Go to: :areas  :plan AREA  :action ID  :case NAME  :factors  :problems  :theme NAME  :q"
        case .cycleTheme: "Next colour theme (remembered)"
        case .redraw: "Redraw the screen"
        case .changeStatus: "Change the action's status (saved at once)"
        case .changeRAG: "Change the RAG rating, with an optional reason for the progress log"
        case .addNote: "Add a one-line progress note"
        case .writeNote: "Write a longer progress note in your editor"
        case .changeDue: "Set a new due date (2007-03-31, +2w, +3m, end of quarter)"
        case .tickMilestone: "Tick a milestone done, or untick it"
        case .markReviewed: "Mark the action reviewed today"
        case .editText: "Edit the description, narrative or case study text in your editor"
        case .undo: "Undo the last change (even after it was saved)"
        case .redo: "Redo what was undone"
        case .editAction: "Edit every field of the action in a form (Ctrl-S saves)"
        case .newAction: "Add a new action to this area's plan, in a form"
        case .editArea: "Edit the area's profile in a form: name, code, key figures, steering group, forums, narrative"
        case .newArea: "Add a new area in a form (its folder is named from its name)"
        case .editCaseStudy: "Edit every field of the case study in a form (Ctrl-S saves)"
        case .newCaseStudy: "Add a new case study in a form (its file is named from its title)"
        case .duplicateAction: "Make a copy of the action (a new id, not started, no notes)"
        case .moveAction: "Move the action to another area (it gets an id there; the old file goes to the trash)"
        case .deleteAction: "Delete the action, after asking: it goes to the store's trash (u undoes; `pathfinder trash` restores)"
        case .keepMine: "Keep your value of this field"
        case .takeTheirs: "Take the value on disk for this field"
        case .keepAllMine: "Keep your value of every field"
        case .takeAllTheirs: "Take the values on disk for every field"
        case .saveMerge: "Save the result (progress notes from both are kept)"
        case .startMeeting: "Start a meeting from this area's plan, or resume the one in progress"
        case .toggleAgenda: "Switch between the agenda and the item in front of the meeting"
        case .nextItem: "Mark this item reviewed and go to the next"
        case .previousItem: "Back to the previous item"
        case .moveItemUp: "Move the agenda item up"
        case .moveItemDown: "Move the agenda item down"
        case .dropItem: "Take the item off the agenda"
        case .addItem: "Add an action to the agenda"
        case .addDiscussion: "Record a point of discussion on this item"
        case .addDecision: "Record a decision on this item"
        case .captureAction: "Capture a new action: title, lead, due date"
        case .endMeeting: "End the meeting (its file keeps everything for the minutes)"
        case .sync: "Sync with colleagues through git: save, fetch, merge field by field, send"
        case .history: "The action's history from git: who changed what, and when"
        case .showReport: "The highlight report of this area (of all, on the areas list); :report PATH.html writes it"
        case .showProblems: "Files with problems (not loaded, or read-only): file, line and what is wrong; Enter opens one in your editor"
        }
    }
}
