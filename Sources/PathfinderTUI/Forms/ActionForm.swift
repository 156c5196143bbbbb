import PathfinderModel

/// The action form: `RecordForm` over an action, by `ActionEdit`'s rules.
public typealias ActionForm = RecordForm<ActionFormSpec>

/// An action's fields for the form: how each is edited, with the catalogue's choices, the
/// partnership's case studies, and the bodies already leading actions or running areas.
public struct ActionFormSpec: RecordFormSpec {
    public let catalogue: Catalogue
    /// The day date shortcuts ("+2w", "end of quarter") count from.
    public let day: Day
    public var today: Day? { day }
    let caseStudyChoices: [Picker.Choice]
    /// Offered for the lead body (Ctrl-P); the field stays typed, since a new body must be possible.
    let leadBodyChoices: [Picker.Choice]

    /// - Parameters:
    ///   - caseStudies: the partnership's case studies, offered by title.
    ///   - leadBodies: names offered for the lead body.
    ///   - organisations: offered first for the lead body, by name; choosing one writes its id.
    public init(catalogue: Catalogue, caseStudies: [CaseStudy] = [], areaNames: [String: String] = [:], leadBodies: [String] = [],
                organisations: [Organisation] = [], today: Day) {
        self.catalogue = catalogue
        day = today
        caseStudyChoices = caseStudies.map { study in
            Picker.Choice(id: study.id, label: study.title, detail: study.area.flatMap { areaNames[$0] } ?? study.place)
        }
        let ids = Set(organisations.map(\.id))
        leadBodyChoices = organisations.map { o in
            Picker.Choice(id: o.id, label: o.name, detail: catalogue.organisationKind(o.kind)?.label ?? o.kind)
        } + leadBodies.filter { !ids.contains($0) }.map { Picker.Choice(id: $0, label: $0) }
    }

    public var fields: [ActionField] { ActionField.allCases }

    public func kind(of field: ActionField) -> RecordFieldKind {
        switch field {
        case .theme, .status, .rag, .fundingFullCostRecovery: .choice
        case .successFactors, .caseStudies: .choices
        case .start, .due, .reviewed: .date
        case .partners: .list
        case .milestones: .milestones
        case .description: .longText
        default: .text
        }
    }

    public func label(_ field: ActionField) -> String { field.label }
    public func value(_ field: ActionField, of action: Action) -> String { field.value(of: action) }

    public func set(_ field: ActionField, to text: String, on action: inout Action) throws {
        // The description is kept as written, line breaks and all.
        if field == .description {
            action.description = text
            return
        }
        do {
            try ActionEdit.set(field, to: text, on: &action, catalogue: catalogue, today: day)
        } catch let problem as FieldProblem {
            throw RecordProblem(field: problem.field, message: problem.message)
        }
    }

    public func problems(_ action: Action) -> [RecordProblem<ActionField>] {
        ActionEdit.problems(action, catalogue: catalogue).map { RecordProblem(field: $0.field, message: $0.message) }
    }

    public func choices(for field: ActionField) -> [Picker.Choice] {
        switch field {
        case .status: catalogue.statuses.map { Picker.Choice(id: $0.id, label: $0.label, symbol: $0.symbol) }
        case .rag: RAG.allCases.map { Picker.Choice(id: $0.rawValue, label: $0.label, detail: catalogue.ragMeanings[$0] ?? "", symbol: $0.letter) }
        case .theme: catalogue.themes.map { Picker.Choice(id: $0.id, label: $0.label, detail: $0.group) }
        case .successFactors: catalogue.successFactors.map { Picker.Choice(id: $0.id, label: $0.label) }
        case .caseStudies: caseStudyChoices
        case .leadBody: leadBodyChoices
        case .fundingFullCostRecovery:
            [Picker.Choice(id: "yes", label: "Yes"), Picker.Choice(id: "no", label: "No"), Picker.Choice(id: "", label: "Not said")]
        default: []
        }
    }

    public func chosen(_ field: ActionField, of action: Action) -> [String] {
        switch field {
        case .status: [action.status]
        case .rag: [action.rag.rawValue]
        case .theme: action.theme.isEmpty ? [] : [action.theme]
        case .successFactors: action.successFactors
        case .caseStudies: action.caseStudies
        default: [field.value(of: action)]
        }
    }

    public func setChosen(_ field: ActionField, _ ids: [String], on action: inout Action) throws {
        switch field {
        case .status: if let id = ids.first { action.status = id }
        case .rag: if let rag = ids.first.flatMap(RAG.init(rawValue:)) { action.rag = rag }
        case .theme: if let id = ids.first { action.theme = id }
        case .successFactors: action.successFactors = ids
        case .caseStudies: action.caseStudies = ids
        // Anything else picked (full cost recovery, a lead body) is set as if typed, by the same rules.
        default: if let id = ids.first { try set(field, to: id, on: &action) }
        }
    }

    public func shown(_ field: ActionField, of action: Action) -> String? {
        switch field {
        case .status: return catalogue.status(action.status).map { "\($0.symbol) \($0.label)" } ?? action.status
        case .rag:
            let meaning = catalogue.ragMeanings[action.rag].map { " — \($0)" } ?? ""
            return "\(action.rag.letter) \(action.rag.label)\(meaning)"
        default: return nil
        }
    }

    public func parts(of field: ActionField) -> [String] { field == .milestones ? ["Title", "Due", "Done"] : [field.label] }

    public func entries(_ field: ActionField, of action: Action) -> [[String]] {
        switch field {
        case .partners: action.partners.map { [$0] }
        case .milestones: action.milestones.map(\.parts)
        default: []
        }
    }

    public func setEntries(_ field: ActionField, _ entries: [[String]], on action: inout Action) {
        switch field {
        case .partners: action.partners = entries.map { $0.first ?? "" }
        case .milestones: action.milestones = entries.map(Milestone.init(parts:))
        default: break
        }
    }

    /// Partners are checked as typed in their row, milestones in their box.
    public func entryProblem(_ field: ActionField, _ parts: [String]) -> String? { nil }

    public func entryName(_ field: ActionField) -> String? {
        switch field {
        case .partners: "partner"
        case .milestones: "milestone"
        default: nil
        }
    }

    /// A date typed as a shortcut is shown as the day it became; other fields as typed.
    public func showsSavedValue(_ field: ActionField) -> Bool { kind(of: field) == .date }
}

extension RecordForm where Spec == ActionFormSpec {
    /// - Parameters:
    ///   - caseStudies: the partnership's case studies, offered by title.
    ///   - leadBodies: names offered for the lead body.
    ///   - usesExternalEditor: true when `$VISUAL` or `$EDITOR` is set.
    public init(action: Action, catalogue: Catalogue, caseStudies: [CaseStudy] = [], areaNames: [String: String] = [:],
                leadBodies: [String] = [], organisations: [Organisation] = [], today: Day, heading: String? = nil,
                usesExternalEditor: Bool = false) {
        let spec = ActionFormSpec(catalogue: catalogue, caseStudies: caseStudies, areaNames: areaNames, leadBodies: leadBodies,
                                  organisations: organisations, today: today)
        self.init(spec: spec, record: action, isNew: action.id.isEmpty, heading: heading ?? "Edit \(action.id)",
                  usesExternalEditor: usesExternalEditor)
    }

    /// The form for an action of a loaded partnership: its catalogue and case studies.
    public init(action: Action, partnership: Partnership, today: Day, heading: String? = nil, usesExternalEditor: Bool = false) {
        var names: [String: String] = [:]
        for area in partnership.areas { names[area.id] = area.name }
        let bodies = Set(partnership.actions.map(\.leadBody) + partnership.areas.map(\.authority)).filter { !$0.trimmedSpaces.isEmpty }
        self.init(action: action, catalogue: partnership.catalogue, caseStudies: partnership.caseStudies, areaNames: names,
                  leadBodies: bodies.sorted { $0.lowercased() < $1.lowercased() }, organisations: partnership.organisations,
                  today: today, heading: heading,
                  usesExternalEditor: usesExternalEditor)
    }
}
