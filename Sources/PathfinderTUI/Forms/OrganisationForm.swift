import PathfinderModel

/// The organisation form: `RecordForm` over an organisation, by `OrganisationEdit`'s rules.
public typealias OrganisationForm = RecordForm<OrganisationFormSpec>

/// An organisation's fields for the form, with the store's areas, kinds, size bands and themes.
public struct OrganisationFormSpec: RecordFormSpec {
    public var areas: [Area]
    public var catalogue: Catalogue
    /// Every organisation but the one edited (all of them, for a new one).
    public var others: [Organisation]
    /// A new organisation's file name is made from its name; an existing one's never changes.
    public var isNew: Bool

    public var fields: [OrganisationField] { OrganisationField.allCases }

    public func kind(of field: OrganisationField) -> RecordFieldKind {
        switch field {
        case .kind, .size: .choice
        case .areas: .choices
        case .themes: catalogue.themes.isEmpty ? .text : .choices
        case .services, .accreditations, .contacts: .entries
        case .notes: .longText
        default: .text
        }
    }

    public func label(_ field: OrganisationField) -> String { field.label }
    public func value(_ field: OrganisationField, of o: Organisation) -> String { field.value(of: o) }

    public func set(_ field: OrganisationField, to text: String, on o: inout Organisation) throws {
        try OrganisationEdit.set(field, to: text, on: &o, areas: areas, catalogue: catalogue)
    }

    public func problems(_ o: Organisation) -> [RecordProblem<OrganisationField>] {
        OrganisationEdit.problems(o, others: others, areas: areas, catalogue: catalogue)
    }

    public func choices(for field: OrganisationField) -> [Picker.Choice] {
        switch field {
        case .kind: catalogue.organisationKinds.map { Picker.Choice(id: $0.id, label: $0.label, detail: $0.detail) }
        case .size: [Picker.Choice(id: "", label: "Not known")] + catalogue.sizeBands.map { Picker.Choice(id: $0.id, label: $0.label, detail: $0.detail) }
        case .areas: areas.map { Picker.Choice(id: $0.id, label: $0.name, detail: $0.code) }
        case .themes: catalogue.themes.map { Picker.Choice(id: $0.id, label: $0.label, detail: $0.group) }
        default: []
        }
    }

    public func chosen(_ field: OrganisationField, of o: Organisation) -> [String] {
        switch field {
        case .kind: [o.kind]
        case .size: [o.size]
        case .areas: o.areas
        case .themes: o.themes
        default: []
        }
    }

    public func setChosen(_ field: OrganisationField, _ ids: [String], on o: inout Organisation) {
        switch field {
        case .kind: o.kind = ids.first ?? o.kind
        case .size: o.size = ids.first ?? ""
        case .areas: o.areas = ids
        case .themes: o.themes = ids
        default: break
        }
    }

    public func parts(of field: OrganisationField) -> [String] { field.parts }
    public func entries(_ field: OrganisationField, of o: Organisation) -> [[String]] { OrganisationEdit.entries(field, of: o) }

    public func setEntries(_ field: OrganisationField, _ entries: [[String]], on o: inout Organisation) {
        OrganisationEdit.setEntries(field, entries, on: &o)
    }

    public func entryProblem(_ field: OrganisationField, _ parts: [String]) -> String? { OrganisationEdit.entryProblem(field, parts) }

    public func settle(_ o: inout Organisation) {
        if isNew { o.id = Slug.make(o.name) }
    }
}

extension RecordForm where Spec == OrganisationFormSpec {
    /// The form for an organisation of a loaded partnership; a new one (a charity, unless the
    /// catalogue has no such kind) when `organisation` is nil.
    public init(organisation: Organisation?, partnership: Partnership, usesExternalEditor: Bool = false) {
        let catalogue = partnership.catalogue
        let spec = OrganisationFormSpec(areas: partnership.areas, catalogue: catalogue,
                                        others: partnership.organisations.filter { $0.id != organisation?.id }, isNew: organisation == nil)
        let kind = catalogue.organisationKind("charity")?.id ?? catalogue.organisationKinds.first?.id ?? "other"
        self.init(spec: spec, record: organisation ?? Organisation(id: "", name: "", kind: kind), isNew: organisation == nil,
                  heading: organisation.map { "Edit \($0.name)" } ?? "New organisation", usesExternalEditor: usesExternalEditor)
    }
}
