import PathfinderModel

/// A form on screen, whichever record it edits: one page case for every form, so the app draws
/// it, sizes it and acts on what it says in one place.
public enum FormPage: Hashable, Sendable {
    case action(ActionForm)
    case area(AreaForm)
    case caseStudy(CaseStudyForm)
    case organisation(OrganisationForm)
    case fundingAgreement(FundingAgreementForm)

    /// The form, for what is the same whatever it edits.
    var shown: any FormOnScreen {
        switch self {
        case let .action(form): form
        case let .area(form): form
        case let .caseStudy(form): form
        case let .organisation(form): form
        case let .fundingAgreement(form): form
        }
    }

    public var heading: String { shown.heading }
    public func hints(using keys: KeyMap) -> [KeyHint] { shown.hints(using: keys) }
    public func render(into screen: inout Screen, in rect: Rect, theme: Theme) { shown.render(into: &screen, in: rect, theme: theme) }
}

/// What the app asks of any form on screen.
protocol FormOnScreen {
    var heading: String { get }
    func hints(using keys: KeyMap) -> [KeyHint]
    func render(into screen: inout Screen, in rect: Rect, theme: Theme)
}

extension RecordForm: FormOnScreen {}

/// Opening a form, and acting on what any form says: a save goes through `commit` (shown at
/// once, undoable, saved like any edit) with the record's own summary of what changed.
extension AppState {
    /// Puts a form on screen, sized to the body so its inline editor wraps as drawn.
    mutating func open(_ form: FormPage) {
        var form = form
        form.resize(width: width, height: bodyHeight)
        push(.form(form))
    }

    /// Events for the form on screen; nil when no form is the page.
    mutating func handleForm(_ event: Event) -> [Effect]? {
        guard case let .form(form) = page else { return nil }
        switch form {
        case let .action(form):
            return run(form, event, FormPage.action, fileName: form.isNew ? "new-action" : form.original.id) { $0.save(action: $2, from: $1) }
        case let .area(form):
            return run(form, event, FormPage.area, fileName: form.isNew ? "new-area" : form.original.id) { $0.save(area: $2, from: $1) }
        case let .caseStudy(form):
            return run(form, event, FormPage.caseStudy, fileName: form.isNew ? "new-case-study" : form.original.id) {
                $0.save(caseStudy: $2, from: $1)
            }
        case let .organisation(form):
            return run(form, event, FormPage.organisation, fileName: form.isNew ? "new-organisation" : form.original.id) {
                $0.save(organisation: $2, from: $1)
            }
        case let .fundingAgreement(form):
            return run(form, event, FormPage.fundingAgreement, fileName: form.isNew ? "new-agreement" : form.original.id) {
                $0.save(agreement: $2, from: $1)
            }
        }
    }

    /// One event for a form, and what follows from its outcome, the same for every record.
    private mutating func run<Spec: RecordFormSpec>(
        _ form: RecordForm<Spec>, _ event: Event, _ page: (RecordForm<Spec>) -> FormPage, fileName: String,
        save: (inout AppState, RecordForm<Spec>, Spec.Record) -> [Effect]
    ) -> [Effect] where Spec.Field: RawRepresentable, Spec.Field.RawValue == String {
        var form = form
        let outcome: RecordForm<Spec>.Outcome
        if case let .mouse(.click(x, y)) = event {
            // The form is drawn in the body, below the title line.
            outcome = form.click(x: x, y: y, in: Rect(x: 0, y: 1, width: width, height: bodyHeight), keys: keyMap)
        } else {
            outcome = form.handle(event, keys: keyMap)
        }
        self.page = .form(page(form))
        switch outcome {
        case .editing:
            return []
        case .showHelp:
            overlay = .help(scroll: 0)
            return []
        case .cancelled:
            goBack()
            message = Message("Closed without saving; nothing changed")
            return []
        case let .openEditor(field):
            return [.editText(TextRequest(purpose: .formField(field.rawValue), text: form.longText(field),
                                          fileName: "\(fileName)-\(field.rawValue).md"))]
        case let .submitted(record):
            goBack()
            return save(&self, form, record)
        }
    }

    /// The external editor's text for a long field of the form on screen.
    mutating func setFormText(_ raw: String, _ text: String) -> [Effect] {
        let text = text.hasSuffix("\n") ? String(text.dropLast()) : text
        guard case let .form(form) = page else { return [] }
        switch form {
        case let .action(form): page = .form(.action(FormPage.setting(raw, to: text, in: form)))
        case let .area(form): page = .form(.area(FormPage.setting(raw, to: text, in: form)))
        case let .caseStudy(form): page = .form(.caseStudy(FormPage.setting(raw, to: text, in: form)))
        case let .organisation(form): page = .form(.organisation(FormPage.setting(raw, to: text, in: form)))
        case let .fundingAgreement(form): page = .form(.fundingAgreement(FormPage.setting(raw, to: text, in: form)))
        }
        return []
    }

    // MARK: Saving each record

    /// A new action is created by the store (which gives it its id); an edited one is changed
    /// from the version the form opened on, so `commit` merges a change made meanwhile.
    private mutating func save(action: Action, from form: ActionForm) -> [Effect] {
        let stamped = action.stamped(by: edits.userName ?? "", on: edits.today)
        if form.isNew {
            edits.pending[.newAction(area: action.area)] = .create(stamped)
            message = Message("Creating \(Quote.value(action.title, shown: Quote.titleShown))…")
            return [.create(stamped)]
        }
        let changed = ActionEdit.changes(from: form.original, to: action, catalogue: partnership.catalogue).map(\.field.label)
        guard !changed.isEmpty else { return nothingChanged(action.id) }
        return edit(action.id, from: form.original, summary: "\(action.id) edited: " + changed.joined(separator: ", ")) { $0 = action }
    }

    private mutating func save(area: Area, from form: AreaForm) -> [Effect] {
        if form.isNew { return commit(Change(before: nil, after: .area(area), summary: "New area \(area.name) (\(area.code)) added")) }
        let changed = AreaEdit.changes(from: form.original, to: area).map(\.field.label)
        guard !changed.isEmpty else { return nothingChanged(area.name) }
        return edit(.area(area), from: .area(form.original), summary: "\(area.name) edited: " + changed.joined(separator: ", "))
    }

    private mutating func save(caseStudy study: CaseStudy, from form: CaseStudyForm) -> [Effect] {
        let title = Quote.value(study.title, shown: Quote.titleShown)
        if form.isNew { return commit(Change(before: nil, after: .caseStudy(study), summary: "New case study \(title) added")) }
        let changed = CaseStudyEdit.changes(from: form.original, to: study).map(\.field.label)
        guard !changed.isEmpty else { return nothingChanged(title) }
        return edit(.caseStudy(study), from: .caseStudy(form.original), summary: "\(title) edited: " + changed.joined(separator: ", "))
    }

    private mutating func save(organisation o: Organisation, from form: OrganisationForm) -> [Effect] {
        let name = Quote.value(o.name, shown: Quote.titleShown)
        if form.isNew { return commit(Change(before: nil, after: .organisation(o), summary: "New organisation \(name) added")) }
        let changed = OrganisationEdit.changes(from: form.original, to: o).map(\.field.label)
        guard !changed.isEmpty else { return nothingChanged(name) }
        return edit(.organisation(o), from: .organisation(form.original), summary: "\(name) edited: " + changed.joined(separator: ", "))
    }

    /// Saved like an organisation: created as its own file, or changed from the version the
    /// form opened on so a change made meanwhile is merged. The message says how it stands
    /// against the funding principles, since the form's notes close with it.
    private mutating func save(agreement a: FundingAgreement, from form: FundingAgreementForm) -> [Effect] {
        let title = Quote.value(a.title, shown: Quote.titleShown)
        let check = partnership.catalogue.fundingRules.check(a.terms)
        if form.isNew {
            return commit(Change(before: nil, after: .fundingAgreement(a), summary: "New funding agreement \(title) added: \(check.summary)"))
        }
        let changed = FundingAgreementEdit.changes(from: form.original, to: a).map(\.field.label)
        guard !changed.isEmpty else { return nothingChanged(title) }
        return edit(.fundingAgreement(a), from: .fundingAgreement(form.original),
                    summary: "\(title) edited: " + changed.joined(separator: ", ") + "; " + check.summary)
    }

    private mutating func nothingChanged(_ name: String) -> [Effect] {
        message = Message("\(name): nothing changed")
        return []
    }
}

extension FormPage {
    mutating func resize(width: Int, height: Int) {
        switch self {
        case let .action(form): self = .action(Self.resized(form, width, height))
        case let .area(form): self = .area(Self.resized(form, width, height))
        case let .caseStudy(form): self = .caseStudy(Self.resized(form, width, height))
        case let .organisation(form): self = .organisation(Self.resized(form, width, height))
        case let .fundingAgreement(form): self = .fundingAgreement(Self.resized(form, width, height))
        }
    }

    private static func resized<Spec>(_ form: RecordForm<Spec>, _ width: Int, _ height: Int) -> RecordForm<Spec> {
        var form = form
        form.resize(width: width, height: height)
        return form
    }

    /// A long field given its text back from the editor, named by its key in the store.
    static func setting<Spec>(_ raw: String, to text: String, in form: RecordForm<Spec>) -> RecordForm<Spec>
    where Spec.Field: RawRepresentable, Spec.Field.RawValue == String {
        var form = form
        if let field = Spec.Field(rawValue: raw) { form.setLongText(field, to: text) }
        return form
    }
}
