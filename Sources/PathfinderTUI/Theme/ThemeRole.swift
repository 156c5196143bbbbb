/// What a piece of the screen is, so a theme can style it. Views name roles, never colours;
/// a theme file gives each role a style (`color ROLE FOREGROUND BACKGROUND [ATTRIBUTES]`).
///
/// Colour is never the only signal: views always print RAG as a letter and status as a symbol
/// beside the role's colour, so monochrome terminals, projectors and colour-blind eyes lose
/// nothing.
public enum Role: String, CaseIterable, Hashable, Sendable {
    case normal, dim, heading, link, warning, error
    case titleBar = "title-bar", breadcrumb, statusBar = "status-bar"
    case keyHintKey = "key-hint-key", keyHintLabel = "key-hint-label"
    case messageInfo = "message-info", messageError = "message-error"
    case tableHeader = "table-header", selected
    case selectedUnfocused = "selected-unfocused"
    case border
    case scrollThumb = "scroll-thumb"
    case ragRed = "rag-red", ragAmber = "rag-amber", ragGreen = "rag-green"
    case ragRedBadge = "rag-red-badge", ragAmberBadge = "rag-amber-badge", ragGreenBadge = "rag-green-badge"
    case statusNotStarted = "status-not-started", statusInProgress = "status-in-progress"
    case statusBlocked = "status-blocked", statusDone = "status-done", statusDropped = "status-dropped"
    case overdue
    case searchMatch = "search-match"
    case indicatorFilled = "indicator-filled", indicatorEmpty = "indicator-empty"
    case input
    case inputCursor = "input-cursor"
    case dialog
    case dialogBorder = "dialog-border"
    case helpKey = "help-key", helpText = "help-text"

    /// What the role is used for, as listed in themes/README.md.
    public var summary: String {
        switch self {
        case .normal: "ordinary text"
        case .dim: "less important text: labels, counts, empty cells"
        case .heading: "headings and section titles"
        case .link: "something Enter or Tab opens (a case study, an action)"
        case .warning: "a warning in the text"
        case .error: "an error in the text"
        case .titleBar: "the top line"
        case .breadcrumb: "where you are, in the top line (Areas › Portsmouth › Action plan)"
        case .statusBar: "the bottom line"
        case .keyHintKey: "a key in the bottom line's hints"
        case .keyHintLabel: "what that key does"
        case .messageInfo: "a message after an action (saved, filtered)"
        case .messageError: "a message that something went wrong"
        case .tableHeader: "column headings"
        case .selected: "the selected row"
        case .selectedUnfocused: "the selected row of a pane that does not have the keyboard"
        case .border: "lines between panes"
        case .scrollThumb: "the scroll position marker"
        case .ragRed: "a red RAG rating (always shown with its letter R)"
        case .ragAmber: "an amber RAG rating (letter A)"
        case .ragGreen: "a green RAG rating (letter G)"
        case .ragRedBadge: "a red RAG rating as a block badge ( R )"
        case .ragAmberBadge: "an amber RAG badge ( A )"
        case .ragGreenBadge: "a green RAG badge ( G )"
        case .statusNotStarted: "status not started (always with its symbol ○)"
        case .statusInProgress: "status in progress (◐)"
        case .statusBlocked: "status blocked (■)"
        case .statusDone: "status done (●)"
        case .statusDropped: "status dropped (×)"
        case .overdue: "a due date that has passed"
        case .searchMatch: "the words a search or filter matched"
        case .indicatorFilled: "the filled part of a progress bar"
        case .indicatorEmpty: "the empty part of a progress bar"
        case .input: "a text field being typed in"
        case .inputCursor: "the cursor in a text field"
        case .dialog: "the inside of a box over the screen (help, questions)"
        case .dialogBorder: "that box's border and title"
        case .helpKey: "keys in the help list"
        case .helpText: "what they do"
        }
    }
}
