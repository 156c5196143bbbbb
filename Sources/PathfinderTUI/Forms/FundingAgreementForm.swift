import PathfinderModel

/// The funding agreement form: `RecordForm` over an agreement, by `FundingAgreementEdit`'s
/// rules, with the Compact check under the fields it is about as they are filled.
public typealias FundingAgreementForm = RecordForm<FundingAgreementFormSpec>

/// An agreement's fields for the form, with the store's areas, organisations, actions and
/// funding rules.
public struct FundingAgreementFormSpec: RecordFormSpec {
    public var areas: [Area]
    /// Organisations to pick as the one funded or the funder (id, name).
    public var organisations: [Picker.Choice]
    /// Actions to link (id, title), and their ids for the check.
    public var actions: [Picker.Choice]
    public var actionIDs: Set<String>
    /// Ids of the other agreements: a new one's file name is made from its title, and must
    /// not be one of these.
    public var takenIDs: Set<String>
    public var rules: FundingRules
    public var isNew: Bool
    /// The day date shortcuts count from (the store's as-of day when it is pinned).
    public var day: Day
    public var today: Day? { day }

    public var fields: [FundingAgreementField] { FundingAgreementField.allCases }

    public func kind(of field: FundingAgreementField) -> RecordFieldKind {
        switch field {
        case .area, .mechanism, .fullCostRecovery, .monitoringFrequency: .choice
        case .actions: .choices
        case .start: .date
        case .notes: .longText
        default: .text
        }
    }

    /// Shorter than the field's own labels (which messages and merges use), so each fits the
    /// form's 12 columns at 40 wide; the notes under them say the units.
    public func label(_ field: FundingAgreementField) -> String {
        switch field {
        case .organisation: "Organisation"
        case .amount: "£ a year"
        case .termReason: "Why shorter"
        case .noticeMonths: "Notice"
        case .fullCostRecovery: "Full costs"
        case .costRecoveryReason: "Why not full"
        case .monitoring: "Monitoring"
        case .monitoringFrequency: "How often"
        default: field.label
        }
    }
    public func value(_ field: FundingAgreementField, of a: FundingAgreement) -> String { field.value(of: a) }

    public func set(_ field: FundingAgreementField, to text: String, on a: inout FundingAgreement) throws {
        try FundingAgreementEdit.set(field, to: text, on: &a, areas: areas, today: day)
        // An organisation typed by its name is linked by its id, as `check` would ask.
        if field == .organisation, let id = organisationID(named: a.organisation) { a.organisation = id }
    }

    func organisationID(named text: String) -> String? {
        let key = OrganisationNames.key(text)
        guard !key.isEmpty, !organisations.contains(where: { $0.id == text }) else { return nil }
        return organisations.first { OrganisationNames.key($0.label) == key }?.id
    }

    public func problems(_ a: FundingAgreement) -> [RecordProblem<FundingAgreementField>] {
        FundingAgreementEdit.problems(a, actions: actionIDs)
    }

    public func choices(for field: FundingAgreementField) -> [Picker.Choice] {
        let notStated = Picker.Choice(id: "", label: "Not stated")
        switch field {
        case .area: return [Picker.Choice(id: "", label: "None")] + areas.map { Picker.Choice(id: $0.id, label: $0.name, detail: $0.code) }
        case .mechanism: return [notStated] + FundingMechanism.allCases.map { Picker.Choice(id: $0.rawValue, label: $0.label, detail: "para 3.2") }
        case .fullCostRecovery:
            return [notStated] + CostRecovery.allCases.map {
                Picker.Choice(id: $0.rawValue, label: $0.label, detail: $0 == .consciousChoice ? "by the organisation, with its reason (para 3.21)" : "")
            }
        case .monitoringFrequency:
            return [notStated] + MonitoringFrequency.allCases.map { Picker.Choice(id: $0.rawValue, label: $0.label) }
        case .actions: return actions
        case .organisation, .funder: return organisations
        default: return []
        }
    }

    public func chosen(_ field: FundingAgreementField, of a: FundingAgreement) -> [String] {
        switch field {
        case .area: [a.area ?? ""]
        case .mechanism: [a.mechanism?.rawValue ?? ""]
        case .fullCostRecovery: [a.fullCostRecovery?.rawValue ?? ""]
        case .monitoringFrequency: [a.monitoringFrequency?.rawValue ?? ""]
        case .actions: a.actions
        case .organisation: [a.organisation]
        case .funder: [a.funder]
        default: []
        }
    }

    public func setChosen(_ field: FundingAgreementField, _ ids: [String], on a: inout FundingAgreement) throws {
        let first = ids.first ?? ""
        switch field {
        case .area: a.area = first.isEmpty ? nil : first
        case .mechanism: a.mechanism = FundingMechanism(rawValue: first)
        case .fullCostRecovery: a.fullCostRecovery = CostRecovery(rawValue: first)
        case .monitoringFrequency: a.monitoringFrequency = MonitoringFrequency(rawValue: first)
        case .actions: a.actions = ids
        case .organisation: a.organisation = first
        case .funder: a.funder = first
        default: break
        }
    }

    public func parts(of field: FundingAgreementField) -> [String] { [] }
    public func entries(_ field: FundingAgreementField, of a: FundingAgreement) -> [[String]] { [] }
    public func setEntries(_ field: FundingAgreementField, _ entries: [[String]], on a: inout FundingAgreement) {}
    public func entryProblem(_ field: FundingAgreementField, _ parts: [String]) -> String? { nil }

    /// A new agreement's file name follows its title, with -2, -3… when another has it.
    public func settle(_ a: inout FundingAgreement) {
        guard isNew else { return }
        let slug = Slug.make(a.title)
        let base = slug.isEmpty ? "agreement" : slug
        var id = base
        var n = 2
        while takenIDs.contains(id) {
            id = "\(base)-\(n)"
            n += 1
        }
        a.id = id
    }

    /// Each principle's verdict under the field it reads, as `check` would give it: a shortfall
    /// as a warning, what is met or departed from for a reason dim, and what is not stated
    /// only while its field has the focus. A shorter term, or a conscious choice, asks for its
    /// reason under the reason's own field too.
    public func advice(_ a: FundingAgreement) -> [FundingAgreementField: FormAdvice] {
        var out: [FundingAgreementField: FormAdvice] = [:]
        for finding in rules.check(a.terms).findings {
            let note = FormAdvice("\(finding.verdict.mark) \(finding.message)", isWarning: finding.verdict == .fallsShort,
                                  whenFocused: finding.verdict == .notStated)
            out[Self.field(for: finding.principle)] = note
            switch (finding.principle, finding.verdict) {
            case (.term, .fallsShort):
                out[.termReason] = FormAdvice("! asked for: why the term is under the starting point", isWarning: true)
            case (.fullCostRecovery, .fallsShort) where a.fullCostRecovery == .consciousChoice:
                out[.costRecoveryReason] = FormAdvice("! asked for: the organisation's reason for its choice", isWarning: true)
            default:
                break
            }
        }
        return out
    }

    /// The field whose value a principle's verdict turns on.
    static func field(for principle: CompactPrinciple) -> FundingAgreementField {
        switch principle {
        case .term: .termYears
        case .notice: .noticeMonths
        case .fullCostRecovery: .fullCostRecovery
        case .monitoring: .monitoringFrequency
        case .fairPrice: .fairPrice
        case .riskSharing: .riskSharing
        }
    }
}

extension RecordForm where Spec == FundingAgreementFormSpec {
    /// The form for an agreement of a loaded partnership; a new one when `agreement` is nil,
    /// funding `organisation` (an id) when made from an organisation's page, in its one area.
    public init(agreement: FundingAgreement?, partnership p: Partnership, today: Day, organisation: String? = nil,
                usesExternalEditor: Bool = false) {
        let spec = FundingAgreementFormSpec(
            areas: p.areas, organisations: p.organisations.map { Picker.Choice(id: $0.id, label: $0.name) },
            actions: p.actions.map { Picker.Choice(id: $0.id, label: $0.id, detail: $0.title) }, actionIDs: Set(p.actions.map(\.id)),
            takenIDs: Set(p.fundingAgreements.map(\.id)).subtracting([agreement?.id ?? ""]), rules: p.catalogue.fundingRules,
            isNew: agreement == nil, day: today)
        var draft = agreement ?? FundingAgreement(id: "", title: "")
        if agreement == nil, let organisation {
            draft.organisation = organisation
            if let areas = p.organisation(organisation)?.areas, areas.count == 1 { draft.area = areas[0] }
        }
        self.init(spec: spec, record: draft, isNew: agreement == nil,
                  heading: agreement.map { "Edit \($0.title)" } ?? "New funding agreement", usesExternalEditor: usesExternalEditor)
    }
}
