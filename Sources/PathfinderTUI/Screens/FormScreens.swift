import PathfinderModel

/// Every form as a screen, whichever record it edits: drawn in the body, every event its own
/// (`AppState.handleForm` in `State/FormCommands.swift`), its keys the key map's `form` context,
/// its heading the breadcrumb.
extension FormPage: PageScreen {
    var page: Page { .form(self) }
    var keyContext: KeyContext { .form }
    var keysFirst: Bool { true }
    func crumbs(_ state: AppState) -> [String] { [heading] }
    func hints(_ state: AppState) -> [KeyHint] { hints(using: state.keyMap) }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        render(into: &screen, in: layout.body, theme: state.theme)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] { [] }

    /// The form's handling changes the page in place (and may close it): what is left on top
    /// afterwards is this form as it now is.
    mutating func input(_ event: Event, _ state: inout AppState) -> [Effect]? {
        state.page = page
        let effects = state.handleForm(event)
        if case let .form(now) = state.page { self = now }
        return effects
    }

    mutating func resize(_ state: AppState) {
        resize(width: state.width, height: state.bodyHeight)
    }
}
