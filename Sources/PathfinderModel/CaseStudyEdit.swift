/// Every field of a case study a user can set, by the key its file uses. The id (the file
/// name) is not a field: a new case study's is made from its title and never changes after,
/// since actions name it.
public enum CaseStudyField: String, CaseIterable, Sendable {
    case title, area, place, themes, organisations, keyFigures = "key-figures", source, text

    public var label: String {
        switch self {
        case .title: "Title"
        case .area: "Area"
        case .place: "Place"
        case .themes: "Themes"
        case .organisations: "Organisations"
        case .keyFigures: "Key figures"
        case .source: "Source"
        case .text: "Text"
        }
    }

    /// For lists of entries: what each part of an entry is.
    public var parts: [String] {
        switch self {
        case .keyFigures: ["Label", "Value", "Source"]
        case .organisations: ["Name"]
        default: []
        }
    }

    /// One line, as a user reads it ("" when unset): the area and themes by id; lists as
    /// `EntryText` writes them.
    public func value(of c: CaseStudy) -> String {
        switch self {
        case .title: c.title
        case .area: c.area ?? ""
        case .place: c.place
        case .themes: c.themes.joined(separator: ", ")
        case .organisations, .keyFigures: EntryText.join(CaseStudyEdit.entries(self, of: c))
        case .source: c.source
        case .text: c.text
        }
    }
}

/// Setting a case study's fields from typed text, checking a whole one, and comparing two
/// versions: the rules the case study form follows (as `ActionEdit` for actions).
public enum CaseStudyEdit {
    /// Sets one field from what a user typed: the area by id or name among `areas` (empty: none),
    /// themes by id or label from the catalogue, comma-separated. Throws `RecordProblem`.
    public static func set(_ field: CaseStudyField, to text: String, on study: inout CaseStudy, areas: [Area],
                           catalogue: Catalogue) throws {
        let t = ActionEdit.trim(text)
        func fail(_ message: String) -> RecordProblem<CaseStudyField> { RecordProblem(field: field, message: message) }
        if let problem = field.rule.problem(text) { throw fail(problem) }
        switch field {
        case .title:
            guard !t.isEmpty else { throw fail("a title is needed") }
            study.title = t
        case .area:
            if t.isEmpty {
                study.area = nil
                return
            }
            let wanted = ActionEdit.fold(t)
            guard let area = areas.first(where: { ActionEdit.fold($0.id) == wanted || ActionEdit.fold($0.name) == wanted }) else {
                throw fail("\(Quote.value(t)) is not one of the store's areas (say where it happened under Place)")
            }
            study.area = area.id
        case .place: study.place = t
        case .themes:
            study.themes = try t.split(separator: ",").map { ActionEdit.trim(String($0)) }.filter { !$0.isEmpty }.map { item in
                if catalogue.themes.isEmpty { return item }
                let wanted = ActionEdit.fold(item)
                guard let theme = catalogue.themes.first(where: { ActionEdit.fold($0.id) == wanted || ActionEdit.fold($0.label) == wanted })
                else { throw fail("unknown theme \(Quote.value(item)) (\(Quote.choices(catalogue.themes.map(\.id), noun: "themes")))") }
                return theme.id
            }
        case .organisations, .keyFigures:
            let entries = EntryText.split(t)
            if let problem = entries.lazy.compactMap({ entryProblem(field, $0) }).first { throw fail(problem) }
            setEntries(field, entries, on: &study)
        case .source: study.source = t
        case .text: study.text = text
        }
    }

    public static func entries(_ field: CaseStudyField, of c: CaseStudy) -> [[String]] {
        switch field {
        case .organisations: c.organisations.map { [$0] }
        case .keyFigures: c.keyFigures.map { [$0.label, $0.value, $0.source] }
        default: []
        }
    }

    public static func setEntries(_ field: CaseStudyField, _ entries: [[String]], on c: inout CaseStudy) {
        func part(_ e: [String], _ i: Int) -> String { e.indices.contains(i) ? ActionEdit.trim(e[i]) : "" }
        switch field {
        case .organisations: c.organisations = entries.map { part($0, 0) }
        case .keyFigures: c.keyFigures = entries.map { KeyFigure(label: part($0, 0), value: part($0, 1), source: part($0, 2)) }
        default: break
        }
    }

    public static func entryProblem(_ field: CaseStudyField, _ parts: [String]) -> String? {
        func part(_ i: Int) -> String { parts.indices.contains(i) ? ActionEdit.trim(parts[i]) : "" }
        switch field {
        case .organisations:
            if part(0).isEmpty { return "an organisation needs a name" }
        case .keyFigures:
            if part(0).isEmpty { return "a key figure needs a label" }
            if part(1).isEmpty { return "key figure \(Quote.value(part(0))) needs a value" }
        default: break
        }
        return nil
    }

    /// Whole-case-study checks before anything is written: nothing here means it is fine to save.
    /// - Parameter others: the store's other case studies, not this one as it was (for a new one,
    ///   all of them): their file names must not clash with its.
    public static func problems(_ c: CaseStudy, others: [CaseStudy], areas: [Area], catalogue: Catalogue)
        -> [RecordProblem<CaseStudyField>] {
        var problems: [RecordProblem<CaseStudyField>] = []
        func add(_ field: CaseStudyField, _ message: String) { problems.append(RecordProblem(field: field, message: message)) }
        if ActionEdit.trim(c.title).isEmpty {
            add(.title, "a title is needed")
        } else if !Slug.isSlug(c.id) {
            add(.title, "its file name \(Quote.value(c.id)) must be lowercase letters, digits and dashes")
        } else if others.contains(where: { $0.id == c.id }) {
            add(.title, "there is already a case study named \(Quote.value(c.id))")
        }
        if let area = c.area, !areas.contains(where: { $0.id == area }) {
            add(.area, "\(Quote.value(area)) is not one of the store's areas")
        }
        for theme in c.themes where !catalogue.themes.isEmpty && catalogue.theme(theme) == nil {
            add(.themes, "unknown theme \(Quote.value(theme))")
        }
        for field in [CaseStudyField.organisations, .keyFigures] {
            if let problem = entries(field, of: c).lazy.compactMap({ entryProblem(field, $0) }).first { add(field, problem) }
        }
        return problems
    }

    public static func changes(from old: CaseStudy, to new: CaseStudy) -> [RecordFieldChange<CaseStudyField>] {
        CaseStudyField.allCases.compactMap { field in
            let a = field.value(of: old)
            let b = field.value(of: new)
            return a == b ? nil : RecordFieldChange(field: field, old: a, new: b)
        }
    }
}
