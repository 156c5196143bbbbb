import PathfinderModel

/// The forms as screens: drawn in the body, their keys their own (every event goes to the
/// form first), their heading the breadcrumb and their hints the status line's.
extension ActionForm: PageScreen {
    var page: Page { .actionForm(self) }
    var keyContext: KeyContext { .action }
    func crumbs(_ state: AppState) -> [String] { [heading] }
    func hints(_ state: AppState) -> [KeyHint] { hints }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        render(into: &screen, in: layout.body, theme: state.theme)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] { [] }

    mutating func input(_ event: Event, _ state: inout AppState) -> [Effect]? {
        state.handleForm(&self, event)
    }

    mutating func resize(_ state: AppState) {
        resize(width: state.width, height: state.bodyHeight)
    }
}

/// Which page a profile form is, so one conformance serves the area and case study forms.
protocol ProfileFormSpec: RecordFormSpec {
    static func page(_ form: RecordForm<Self>) -> Page
    static var keyContext: KeyContext { get }
}

extension AreaFormSpec: ProfileFormSpec {
    static func page(_ form: AreaForm) -> Page { .areaForm(form) }
    static var keyContext: KeyContext { .area }
}

extension CaseStudyFormSpec: ProfileFormSpec {
    static func page(_ form: CaseStudyForm) -> Page { .caseStudyForm(form) }
    static var keyContext: KeyContext { .caseStudy }
}

extension RecordForm: PageScreen where Spec: ProfileFormSpec {
    var page: Page { Spec.page(self) }
    var keyContext: KeyContext { Spec.keyContext }
    func crumbs(_ state: AppState) -> [String] { [heading] }
    func hints(_ state: AppState) -> [KeyHint] { hints }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        render(into: &screen, in: layout.body, theme: state.theme)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] { [] }

    /// The profile form's handling changes the page in place (and may close it): what is left
    /// on top afterwards is this form as it now is.
    mutating func input(_ event: Event, _ state: inout AppState) -> [Effect]? {
        state.page = page
        let effects = state.handleProfileForm(event)
        if let now = state.page.screen as? Self { self = now }
        return effects
    }

    mutating func resize(_ state: AppState) {
        resize(width: state.width, height: state.bodyHeight)
    }
}
