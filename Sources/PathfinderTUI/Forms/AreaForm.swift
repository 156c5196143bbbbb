import PathfinderModel

/// The area profile form: `RecordForm` over an area, by `AreaEdit`'s rules.
public typealias AreaForm = RecordForm<AreaFormSpec>

/// An area's fields for the form, and the store's other areas its code and folder must not
/// clash with.
public struct AreaFormSpec: RecordFormSpec {
    /// Every area but the one edited (all of them, for a new one).
    public var others: [Area]
    /// A new area's folder is made from its name as it is typed; an existing one's never changes.
    public var isNew: Bool
    /// The code, when the area has actions (whose ids start with it): it cannot change.
    public var lockedCode: String?

    public var fields: [AreaField] { AreaField.allCases }

    public func kind(of field: AreaField) -> RecordFieldKind {
        switch field {
        case .keyFigures, .steeringGroup, .forums: .entries
        case .narrative: .longText
        default: .text
        }
    }

    public func label(_ field: AreaField) -> String { field.label }
    public func value(_ field: AreaField, of area: Area) -> String { field.value(of: area) }
    public func set(_ field: AreaField, to text: String, on area: inout Area) throws { try AreaEdit.set(field, to: text, on: &area) }
    public func problems(_ area: Area) -> [RecordProblem<AreaField>] { AreaEdit.problems(area, others: others, lockedCode: lockedCode) }
    public func parts(of field: AreaField) -> [String] { field.parts }
    public func entries(_ field: AreaField, of area: Area) -> [[String]] { AreaEdit.entries(field, of: area) }
    public func setEntries(_ field: AreaField, _ entries: [[String]], on area: inout Area) { AreaEdit.setEntries(field, entries, on: &area) }
    public func entryProblem(_ field: AreaField, _ parts: [String]) -> String? { AreaEdit.entryProblem(field, parts) }

    public func settle(_ area: inout Area) {
        if isNew { area.id = Slug.make(area.name) }
    }
}

extension RecordForm where Spec == AreaFormSpec {
    /// The form for an area of a loaded partnership; a new one when `area` is nil.
    public init(area: Area?, partnership: Partnership, usesExternalEditor: Bool = false) {
        let others = partnership.areas.filter { $0.id != area?.id }
        let record = area ?? Area(id: "", name: "", code: "")
        let locked = area.flatMap { a in partnership.actions(inArea: a.id).isEmpty ? nil : a.code }
        self.init(spec: AreaFormSpec(others: others, isNew: area == nil, lockedCode: locked), record: record,
                  isNew: area == nil, heading: area.map { "Edit \($0.name)" } ?? "New area", usesExternalEditor: usesExternalEditor)
    }
}
