/// A third sector organisation, council department or public body the partnership works with
/// (Portsmouth's audit of more than 700, para 2.19; approved lists and quality marks, 3.10-3.13).
/// Kept in `organisations/<id>.md`; actions name it by id in `lead-body` and `partners`.
public struct Organisation: Hashable, Sendable, Identifiable {
    /// File name without extension, e.g. "southern-focus-trust": made from the name when the
    /// organisation is created and never changed after, since actions name it.
    public var id: String
    public var name: String
    /// An id from the catalogue's organisation kinds (charity, community-group, police…).
    public var kind: String
    /// An id from the catalogue's size bands, or "" when not known.
    public var size: String
    /// Store area ids it works in.
    public var areas: [String]
    /// Theme ids from the catalogue.
    public var themes: [String]
    /// What it delivers, in its own words ("day services for older people").
    public var services: [String]
    public var accreditations: [Accreditation]
    public var contacts: [OrganisationContact]
    /// Where the record comes from ("para 2.22"); empty for an organisation the partnership added.
    public var source: String
    public var notes: String

    public init(id: String, name: String, kind: String = "other", size: String = "", areas: [String] = [], themes: [String] = [],
                services: [String] = [], accreditations: [Accreditation] = [], contacts: [OrganisationContact] = [],
                source: String = "", notes: String = "") {
        self.id = id
        self.name = name
        self.kind = kind
        self.size = size
        self.areas = areas
        self.themes = themes
        self.services = services
        self.accreditations = accreditations
        self.contacts = contacts
        self.source = source
        self.notes = notes
    }

    /// Whether any accreditation is in force on `day` (started by then, not ended before it);
    /// one without dates counts as held.
    public func isAccredited(on day: Day) -> Bool {
        accreditations.contains { a in (a.from.map { $0 <= day } ?? true) && (a.until.map { $0 >= day } ?? true) }
    }
}

/// A place on an approved list or a quality mark (para 3.10-3.13: acquA, Tower Hamlets'
/// three-stage scale), who gave it and for when.
public struct Accreditation: Hashable, Sendable {
    /// What it is: "approved list: day services", "acquA quality mark".
    public var what: String
    /// Who gives it: "Dorset County Council", "Herefordshire Alliance".
    public var by: String
    public var from: Day?
    public var until: Day?

    public init(what: String, by: String = "", from: Day? = nil, until: Day? = nil) {
        self.what = what
        self.by = by
        self.from = from
        self.until = until
    }
}

/// Someone to ask, by their role ("chief executive", "commissioning lead").
public struct OrganisationContact: Hashable, Sendable {
    public var role: String
    public var name: String
    /// How to reach them: an address, a telephone number.
    public var reach: String

    public init(role: String, name: String = "", reach: String = "") {
        self.role = role
        self.name = name
        self.reach = reach
    }
}

extension Partnership {
    public func organisation(_ id: String) -> Organisation? { Self.first(in: organisations) { $0.id == id } }

    /// What a `lead-body` or `partners` value names for people to read: the organisation's name
    /// when the value is an organisation's id, else the value as typed (free text still loads).
    public func organisationName(_ value: String) -> String { organisation(value)?.name ?? value }

    /// "Lead, lead body" as people read it: the body by name when it is an organisation's id.
    public func leadText(_ a: Action) -> String {
        [a.lead, organisationName(a.leadBody)].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// The partners as people read them, organisations by name.
    public func partnerNames(_ a: Action) -> [String] { a.partners.map(organisationName) }

    /// The organisations an action links to by id: its lead body first, then its partners.
    public func organisations(of a: Action) -> [Organisation] {
        var ids: [String] = []
        for id in [a.leadBody] + a.partners where !ids.contains(id) { ids.append(id) }
        return ids.compactMap(organisation)
    }

    /// Actions that name the organisation as their lead body or among their partners.
    public func actions(naming organisation: String) -> (lead: [Action], partner: [Action]) {
        (actions.filter { $0.leadBody == organisation }, actions.filter { $0.partners.contains(organisation) })
    }

    /// Funding agreements paying the organisation: naming it by id, or by its name as free text.
    public func fundingAgreements(of organisation: Organisation) -> [FundingAgreement] {
        let name = OrganisationNames.key(organisation.name)
        return fundingAgreements.filter { $0.organisation == organisation.id || OrganisationNames.key($0.organisation) == name }
    }

    /// Case studies that name the organisation, by id or by its name.
    public func caseStudies(naming organisation: Organisation) -> [CaseStudy] {
        let name = OrganisationNames.key(organisation.name)
        return caseStudies.filter { study in
            study.organisations.contains { $0 == organisation.id || OrganisationNames.key($0) == name }
        }
    }
}

/// Reading free text as an organisation: a `lead-body` or partner typed as a name the store
/// holds a record for, which `check` asks to be written as its id and `link-organisations`
/// rewrites.
public struct OrganisationNames: Sendable {
    /// Organisation id by folded name.
    private var byName: [String: String] = [:]
    private var ids: Set<String> = []

    public init(_ organisations: [Organisation]) {
        for o in organisations {
            ids.insert(o.id)
            let key = Self.key(o.name)
            if !key.isEmpty, byName[key] == nil { byName[key] = o.id }
        }
    }

    /// From ids and names already folded with `key`, in the order a load reads the files: what
    /// one area's read takes from the store's table of names instead of every file.
    public init(keys: [(id: String, key: String)]) {
        for (id, key) in keys {
            ids.insert(id)
            if !key.isEmpty, byName[key] == nil { byName[key] = id }
        }
    }

    public var isEmpty: Bool { ids.isEmpty }

    /// Whether the value is an organisation's id (a link, not free text).
    public func isID(_ value: String) -> Bool { ids.contains(value) }

    /// The id of the organisation whose name `text` is (case, accents and spacing aside), when
    /// `text` is not already an id.
    public func id(forName text: String) -> String? {
        guard !ids.contains(text) else { return nil }
        return byName[Self.key(text)]
    }

    /// A name as compared: folded (case and accents aside) with runs of spaces as one.
    public static func key(_ text: String) -> String {
        let folded = TextMatch.fold(text)
        // ASCII (nearly every name): spaces squeezed byte by byte; a load asks this of every
        // lead body and partner, and `isWhitespace` per character was 3% of it.
        var bytes = folded
        let squeezed = bytes.withUTF8 { utf8 -> String? in
            guard !utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: utf8.count) { out in
                var n = 0, gap = false
                for b in utf8 {
                    if b == 0x20 || (0x09...0x0D).contains(b) {
                        gap = n > 0
                    } else {
                        if gap { out[n] = 0x20; n += 1; gap = false }
                        out[n] = b
                        n += 1
                    }
                }
                return n
            }
        }
        return squeezed ?? folded.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The action with every free-text lead body and partner that names an organisation
    /// written as its id; nil when there is nothing to link.
    public func linked(_ action: Action) -> Action? {
        var copy = action
        if let id = id(forName: action.leadBody) { copy.leadBody = id }
        var partners: [String] = []
        for p in action.partners {
            let value = id(forName: p) ?? p
            if !partners.contains(value) { partners.append(value) }
        }
        copy.partners = partners
        return copy == action ? nil : copy
    }
}

/// Which organisations a list shows: the words of the organisations screen's filter
/// (`kind:`, `area:`, `theme:`, `accredited`, then any text) and `list organisations`' options.
public struct OrganisationFilter: Hashable, Sendable {
    public var area: String?
    public var kind: String?
    public var theme: String?
    public var accreditedOnly = false
    /// Words every one of which is in the name, services, notes or source.
    public var text: String

    public init(area: String? = nil, kind: String? = nil, theme: String? = nil, accreditedOnly: Bool = false, text: String = "") {
        self.area = area
        self.kind = kind
        self.theme = theme
        self.accreditedOnly = accreditedOnly
        self.text = text
    }

    /// Reads the filter as typed: `kind:charity area:dorset theme:accreditation accredited good
    /// neighbours`. A kind, area or theme is matched by id or label/name, ignoring case.
    public static func parse(_ typed: String, in p: Partnership) -> OrganisationFilter {
        var filter = OrganisationFilter()
        var words: [String] = []
        func find(_ value: String, _ entries: [(id: String, label: String)]) -> String {
            let wanted = ActionEdit.fold(value)
            return entries.first { ActionEdit.fold($0.id) == wanted || ActionEdit.fold($0.label) == wanted }?.id ?? value
        }
        for word in typed.split(whereSeparator: \.isWhitespace).map(String.init) {
            let lower = word.lowercased()
            if lower.hasPrefix("kind:") {
                filter.kind = find(String(word.dropFirst(5)), p.catalogue.organisationKinds.map { ($0.id, $0.label) })
            } else if lower.hasPrefix("area:") {
                filter.area = find(String(word.dropFirst(5)), p.areas.map { ($0.id, $0.name) })
            } else if lower.hasPrefix("theme:") {
                filter.theme = find(String(word.dropFirst(6)), p.catalogue.themes.map { ($0.id, $0.label) })
            } else if lower == "accredited" {
                filter.accreditedOnly = true
            } else {
                words.append(word)
            }
        }
        filter.text = words.joined(separator: " ")
        return filter
    }

    public func matches(_ o: Organisation, in p: Partnership, asOf: Day) -> Bool {
        if let area, !o.areas.contains(area) { return false }
        if let kind, o.kind != kind { return false }
        if let theme, !o.themes.contains(theme) { return false }
        if accreditedOnly, !o.isAccredited(on: asOf) { return false }
        guard !text.isEmpty else { return true }
        let fields = [o.id, o.name, o.source, o.notes, p.catalogue.organisationKind(o.kind)?.label ?? o.kind] + o.services
        return text.split(separator: " ").allSatisfy { word in fields.contains { TextMatch.contains($0, word) } }
    }
}
