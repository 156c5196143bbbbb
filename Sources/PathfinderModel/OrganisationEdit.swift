/// Every field of an organisation a user can set, by the key its file uses. The id (the file
/// name) is not a field: a new organisation's is made from its name and never changes after,
/// since actions name it.
public enum OrganisationField: String, CaseIterable, Sendable {
    case name, kind, size, areas, themes, services, accreditations, contacts, source, notes

    public var label: String {
        switch self {
        case .name: "Name"
        case .kind: "Kind"
        case .size: "Size"
        case .areas: "Areas"
        case .themes: "Themes"
        case .services: "Services"
        case .accreditations: "Accreditation"
        case .contacts: "Contacts"
        case .source: "Source"
        case .notes: "Notes"
        }
    }

    /// For lists of entries: what each part of an entry is.
    public var parts: [String] {
        switch self {
        case .accreditations: ["What", "By", "From", "Until"]
        case .contacts: ["Role", "Name", "How to reach"]
        case .services: ["Service"]
        default: []
        }
    }

    /// One line, as a user reads it ("" when unset): kind, size, areas and themes by id; lists as
    /// `EntryText` writes them.
    public func value(of o: Organisation) -> String {
        switch self {
        case .name: o.name
        case .kind: o.kind
        case .size: o.size
        case .areas: o.areas.joined(separator: ", ")
        case .themes: o.themes.joined(separator: ", ")
        case .services, .accreditations, .contacts: EntryText.join(OrganisationEdit.entries(self, of: o))
        case .source: o.source
        case .notes: o.notes
        }
    }

    public var rule: TextRule {
        switch self {
        case .name: .line(200)
        case .kind, .size: .line(100)
        case .areas, .themes: .line(2_000)
        case .services, .contacts: .line(4_000)
        case .accreditations: .line(8_000)
        case .source: .line(1_000)
        case .notes: .text(20_000)
        }
    }
}

/// Setting an organisation's fields from typed text, checking a whole one, and comparing two
/// versions: the rules the organisation form follows (as `CaseStudyEdit` for case studies).
public enum OrganisationEdit {
    /// Sets one field from what a user typed: kind and size by id or label from the catalogue,
    /// areas by id or name and themes by id or label, comma-separated. Throws `RecordProblem`.
    public static func set(_ field: OrganisationField, to text: String, on o: inout Organisation, areas: [Area],
                           catalogue: Catalogue) throws {
        let t = ActionEdit.trim(text)
        func fail(_ message: String) -> RecordProblem<OrganisationField> { RecordProblem(field: field, message: message) }
        if let problem = field.rule.problem(text) { throw fail(problem) }
        func pick(_ item: String, from entries: [CatalogueEntry], noun: String) throws -> String {
            let wanted = ActionEdit.fold(item)
            guard let entry = entries.first(where: { ActionEdit.fold($0.id) == wanted || ActionEdit.fold($0.label) == wanted }) else {
                throw fail("unknown \(noun) \(Quote.value(item)) (\(Quote.choices(entries.map(\.id), noun: noun + "s")))")
            }
            return entry.id
        }
        func items(_ text: String) -> [String] {
            text.split(separator: ",").map { ActionEdit.trim(String($0)) }.filter { !$0.isEmpty }
        }
        switch field {
        case .name:
            guard !t.isEmpty else { throw fail("a name is needed") }
            o.name = t
        case .kind:
            guard !t.isEmpty else { throw fail("a kind is needed (\(Quote.choices(catalogue.organisationKinds.map(\.id), noun: "kinds")))") }
            o.kind = try pick(t, from: catalogue.organisationKinds, noun: "kind")
        case .size:
            o.size = t.isEmpty ? "" : try pick(t, from: catalogue.sizeBands, noun: "size band")
        case .areas:
            o.areas = try items(t).map { item in
                let wanted = ActionEdit.fold(item)
                guard let area = areas.first(where: { ActionEdit.fold($0.id) == wanted || ActionEdit.fold($0.name) == wanted }) else {
                    throw fail("\(Quote.value(item)) is not one of the store's areas")
                }
                return area.id
            }
        case .themes:
            o.themes = try items(t).map { catalogue.themes.isEmpty ? $0 : try pick($0, from: catalogue.themes, noun: "theme") }
        case .services, .accreditations, .contacts:
            let entries = EntryText.split(t)
            if let problem = entries.lazy.compactMap({ entryProblem(field, $0) }).first { throw fail(problem) }
            setEntries(field, entries, on: &o)
        case .source: o.source = t
        case .notes: o.notes = text
        }
    }

    public static func entries(_ field: OrganisationField, of o: Organisation) -> [[String]] {
        switch field {
        case .services: o.services.map { [$0] }
        case .accreditations: o.accreditations.map { [$0.what, $0.by, $0.from?.iso ?? "", $0.until?.iso ?? ""] }
        case .contacts: o.contacts.map { [$0.role, $0.name, $0.reach] }
        default: []
        }
    }

    /// Replaces a list field's entries; missing parts are empty, a date that does not read is none
    /// (`entryProblem` refuses it first).
    public static func setEntries(_ field: OrganisationField, _ entries: [[String]], on o: inout Organisation) {
        func part(_ e: [String], _ i: Int) -> String { e.indices.contains(i) ? ActionEdit.trim(e[i]) : "" }
        switch field {
        case .services: o.services = entries.map { part($0, 0) }
        case .accreditations:
            o.accreditations = entries.map { Accreditation(what: part($0, 0), by: part($0, 1), from: Day(iso: part($0, 2)),
                                                           until: Day(iso: part($0, 3))) }
        case .contacts: o.contacts = entries.map { OrganisationContact(role: part($0, 0), name: part($0, 1), reach: part($0, 2)) }
        default: break
        }
    }

    public static func entryProblem(_ field: OrganisationField, _ parts: [String]) -> String? {
        func part(_ i: Int) -> String { parts.indices.contains(i) ? ActionEdit.trim(parts[i]) : "" }
        switch field {
        case .services:
            if part(0).isEmpty { return "a service needs a name" }
        case .accreditations:
            if part(0).isEmpty { return "an accreditation needs to say what it is" }
            for i in [2, 3] where !part(i).isEmpty && Day(iso: part(i)) == nil {
                return "\(Quote.value(part(i))) is not a date (YYYY-MM-DD)"
            }
            if let from = Day(iso: part(2)), let until = Day(iso: part(3)), until < from {
                return "accreditation \(Quote.value(part(0))) ends (\(until.iso)) before it starts (\(from.iso))"
            }
        case .contacts:
            if part(0).isEmpty { return "a contact needs a role" }
        default: break
        }
        return nil
    }

    /// Whole-organisation checks before anything is written: nothing here means it is fine to save.
    /// - Parameter others: the store's other organisations, not this one as it was (for a new one,
    ///   all of them): their file names must not clash with its.
    public static func problems(_ o: Organisation, others: [Organisation], areas: [Area], catalogue: Catalogue)
        -> [RecordProblem<OrganisationField>] {
        var problems: [RecordProblem<OrganisationField>] = []
        func add(_ field: OrganisationField, _ message: String) { problems.append(RecordProblem(field: field, message: message)) }
        if ActionEdit.trim(o.name).isEmpty {
            add(.name, "a name is needed")
        } else if !Slug.isSlug(o.id) {
            add(.name, "its file name \(Quote.value(o.id)) must be lowercase letters, digits and dashes")
        } else if others.contains(where: { $0.id == o.id }) {
            add(.name, "there is already an organisation named \(Quote.value(o.id))")
        }
        if catalogue.organisationKind(o.kind) == nil {
            add(.kind, "unknown kind \(Quote.value(o.kind)) (\(Quote.choices(catalogue.organisationKinds.map(\.id), noun: "kinds")))")
        }
        if !o.size.isEmpty, catalogue.sizeBand(o.size) == nil {
            add(.size, "unknown size band \(Quote.value(o.size))")
        }
        for area in o.areas where !areas.contains(where: { $0.id == area }) {
            add(.areas, "\(Quote.value(area)) is not one of the store's areas")
        }
        for theme in o.themes where !catalogue.themes.isEmpty && catalogue.theme(theme) == nil {
            add(.themes, "unknown theme \(Quote.value(theme))")
        }
        for field in [OrganisationField.services, .accreditations, .contacts] {
            if let problem = entries(field, of: o).lazy.compactMap({ entryProblem(field, $0) }).first { add(field, problem) }
        }
        return problems
    }

    public static func changes(from old: Organisation, to new: Organisation) -> [RecordFieldChange<OrganisationField>] {
        OrganisationField.allCases.compactMap { field in
            let a = field.value(of: old)
            let b = field.value(of: new)
            return a == b ? nil : RecordFieldChange(field: field, old: a, new: b)
        }
    }
}

extension RecordMerge {
    // MARK: Organisations

    /// As a case study: lists (areas, themes, services, accreditations by what, contacts by role)
    /// merge entry by entry, other fields both changed differently are conflicts.
    public static func merge(base: Organisation, mine: Organisation, theirs: Organisation) -> Merged<Organisation> {
        fieldwise(base: base, mine: mine, theirs: theirs, fields: OrganisationField.allCases, key: \.rawValue, label: \.label,
                  value: { $0.value(of: $1) }, take: { take($0.rawValue, from: $1, into: &$2) }) { field, merged in
            switch field {
            case .areas: merged.areas = ListMerge.merge(base: base.areas, mine: mine.areas, theirs: theirs.areas)
            case .themes: merged.themes = ListMerge.merge(base: base.themes, mine: mine.themes, theirs: theirs.themes)
            case .services: merged.services = ListMerge.merge(base: base.services, mine: mine.services, theirs: theirs.services)
            case .accreditations:
                guard let list = ListMerge.merge(base: base.accreditations, mine: mine.accreditations, theirs: theirs.accreditations,
                                                 id: \.what) else { return false }
                merged.accreditations = list
            case .contacts:
                guard let list = ListMerge.merge(base: base.contacts, mine: mine.contacts, theirs: theirs.contacts, id: \.role) else {
                    return false
                }
                merged.contacts = list
            default:
                return false
            }
            return true
        }
    }

    public static func take(_ key: String, from source: Organisation, into record: inout Organisation) {
        guard let field = OrganisationField(rawValue: key) else { return }
        switch field {
        case .name: record.name = source.name
        case .kind: record.kind = source.kind
        case .size: record.size = source.size
        case .areas: record.areas = source.areas
        case .themes: record.themes = source.themes
        case .services: record.services = source.services
        case .accreditations: record.accreditations = source.accreditations
        case .contacts: record.contacts = source.contacts
        case .source: record.source = source.source
        case .notes: record.notes = source.notes
        }
    }
}
