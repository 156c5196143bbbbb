import PathfinderModel

/// The case study form: `RecordForm` over a case study, by `CaseStudyEdit`'s rules.
public typealias CaseStudyForm = RecordForm<CaseStudyFormSpec>

/// A case study's fields for the form, with the store's areas and themes to choose from.
public struct CaseStudyFormSpec: RecordFormSpec {
    public var areas: [Area]
    public var catalogue: Catalogue
    /// Every case study but the one edited (all of them, for a new one).
    public var others: [CaseStudy]
    /// A new case study's file name is made from its title; an existing one's never changes.
    public var isNew: Bool

    public var fields: [CaseStudyField] { CaseStudyField.allCases }

    public func kind(of field: CaseStudyField) -> RecordFieldKind {
        switch field {
        case .area: .choice
        case .themes: catalogue.themes.isEmpty ? .text : .choices
        case .organisations, .keyFigures: .entries
        case .text: .longText
        default: .text
        }
    }

    public func label(_ field: CaseStudyField) -> String { field.label }
    public func value(_ field: CaseStudyField, of study: CaseStudy) -> String { field.value(of: study) }

    public func set(_ field: CaseStudyField, to text: String, on study: inout CaseStudy) throws {
        try CaseStudyEdit.set(field, to: text, on: &study, areas: areas, catalogue: catalogue)
    }

    public func problems(_ study: CaseStudy) -> [RecordProblem<CaseStudyField>] {
        CaseStudyEdit.problems(study, others: others, areas: areas, catalogue: catalogue)
    }

    public func choices(for field: CaseStudyField) -> [Picker.Choice] {
        switch field {
        // "None" first: a case study from elsewhere says where under Place.
        case .area: [Picker.Choice(id: "", label: "None (another place)")] + areas.map { Picker.Choice(id: $0.id, label: $0.name, detail: $0.code) }
        case .themes: catalogue.themes.map { Picker.Choice(id: $0.id, label: $0.label, detail: $0.group) }
        default: []
        }
    }

    public func chosen(_ field: CaseStudyField, of study: CaseStudy) -> [String] {
        switch field {
        case .area: [study.area ?? ""]
        case .themes: study.themes
        default: []
        }
    }

    public func setChosen(_ field: CaseStudyField, _ ids: [String], on study: inout CaseStudy) {
        switch field {
        case .area: study.area = ids.first.flatMap { $0.isEmpty ? nil : $0 }
        case .themes: study.themes = ids
        default: break
        }
    }

    public func parts(of field: CaseStudyField) -> [String] { field.parts }
    public func entries(_ field: CaseStudyField, of study: CaseStudy) -> [[String]] { CaseStudyEdit.entries(field, of: study) }

    public func setEntries(_ field: CaseStudyField, _ entries: [[String]], on study: inout CaseStudy) {
        CaseStudyEdit.setEntries(field, entries, on: &study)
    }

    public func entryProblem(_ field: CaseStudyField, _ parts: [String]) -> String? { CaseStudyEdit.entryProblem(field, parts) }

    public func settle(_ study: inout CaseStudy) {
        if isNew { study.id = Slug.make(study.title) }
    }
}

extension RecordForm where Spec == CaseStudyFormSpec {
    /// The form for a case study of a loaded partnership; a new one (in `area`, if given) when
    /// `study` is nil.
    public init(caseStudy study: CaseStudy?, partnership: Partnership, area: String? = nil, usesExternalEditor: Bool = false) {
        let spec = CaseStudyFormSpec(areas: partnership.areas, catalogue: partnership.catalogue,
                                     others: partnership.caseStudies.filter { $0.id != study?.id }, isNew: study == nil)
        self.init(spec: spec, record: study ?? CaseStudy(id: "", title: "", area: area), isNew: study == nil,
                  heading: study.map { "Edit \($0.title)" } ?? "New case study", usesExternalEditor: usesExternalEditor)
    }
}
