/// Everything a store holds, loaded: the partnership's catalogues, areas, actions, case studies
/// and meetings. The store module reads and writes it; the screens and commands query it.
public struct Partnership: Hashable, Sendable {
    public var title: String
    /// The date the store is "as of": the sample store pins December 2006 so "overdue" means
    /// what it meant then. Nil for a real store, which uses today.
    public var asOf: Day?
    public var catalogue: Catalogue
    /// In the order shown: by name.
    public var areas: [Area]
    /// In area order, then by id.
    public var actions: [Action]
    public var caseStudies: [CaseStudy]
    public var meetings: [Meeting]
    /// By name (organisations/, issue 12).
    public var organisations: [Organisation]
    /// By title (`funding/`).
    public var fundingAgreements: [FundingAgreement]

    public init(title: String, asOf: Day? = nil, catalogue: Catalogue = Catalogue(), areas: [Area] = [],
                actions: [Action] = [], caseStudies: [CaseStudy] = [], meetings: [Meeting] = [],
                organisations: [Organisation] = [], fundingAgreements: [FundingAgreement] = []) {
        self.title = title
        self.asOf = asOf
        self.catalogue = catalogue
        self.areas = areas
        self.actions = actions
        self.caseStudies = caseStudies
        self.meetings = meetings
        self.organisations = organisations
        self.fundingAgreements = fundingAgreements
    }

    public func area(_ id: String) -> Area? { areas.first { $0.id == id } }
    public func action(_ id: String) -> Action? { Self.first(in: actions) { $0.id == id } }
    public func caseStudy(_ id: String) -> CaseStudy? { caseStudies.first { $0.id == id } }
    public func actions(inArea id: String) -> [Action] { Self.all(in: actions) { $0.area == id } }
    public func meetings(inArea id: String) -> [Meeting] { meetings.filter { $0.area == id } }
    public func fundingAgreement(_ id: String) -> FundingAgreement? { fundingAgreements.first { $0.id == id } }

    /// The agreements funding an organisation: naming it by id, or by its name as free text
    /// (case, accents and spacing aside).
    public func fundingAgreements(forOrganisation o: Organisation) -> [FundingAgreement] {
        let name = OrganisationNames.key(o.name)
        return fundingAgreements.filter { $0.organisation == o.id || OrganisationNames.key($0.organisation) == name }
    }

    /// The organisation an agreement funds, when the store holds its record.
    public func organisation(funded a: FundingAgreement) -> Organisation? {
        organisation(a.organisation) ?? organisations.first { OrganisationNames.key($0.name) == OrganisationNames.key(a.organisation) }
    }

    /// The agreements that fund or serve an action.
    public func fundingAgreements(forAction id: String) -> [FundingAgreement] {
        Self.all(in: fundingAgreements) { $0.actions.contains(id) }
    }

    /// The first record that passes, looked at where it lies: `first(where:)` and `filter`
    /// copy each record to test one field, most of a screen key's time at 52,500 actions.
    @inlinable public static func first<Record>(in records: [Record], where test: (Record) -> Bool) -> Record? {
        records.withUnsafeBufferPointer { all in
            for i in all.indices where test(all[i]) { return all[i] }
            return nil
        }
    }

    /// Every record that passes, looked at where it lies (see `first(in:where:)`).
    @inlinable public static func all<Record>(in records: [Record], where test: (Record) -> Bool) -> [Record] {
        records.withUnsafeBufferPointer { all in
            var found: [Record] = []
            for i in all.indices where test(all[i]) { found.append(all[i]) }
            return found
        }
    }

    /// The sections an action's page shows: its own (`Action.sections`), and its funding
    /// section when an agreement funds it though it has no funding terms of its own.
    public func sections(_ a: Action) -> [ActionSection] {
        let own = a.sections
        guard !own.contains(.funding), !fundingAgreements(forAction: a.id).isEmpty else { return own }
        return ActionSection.allCases.filter { $0 == .funding || own.contains($0) }
    }

    /// An area's agreements: those naming it, and those linked to its actions.
    public func fundingAgreements(inArea id: String) -> [FundingAgreement] {
        fundingAgreements.filter { a in a.area == id || a.actions.contains { action($0)?.area == id } }
    }

    /// Actions that link to a case study, so its reader can point back to them.
    public func actions(citing caseStudy: String) -> [Action] {
        actions.filter { $0.caseStudies.contains(caseStudy) }
    }

    /// Case studies linked to an area: its own, and those its actions cite.
    public func caseStudies(forArea id: String) -> [CaseStudy] {
        let cited = Set(actions(inArea: id).flatMap(\.caseStudies))
        return caseStudies.filter { $0.area == id || cited.contains($0.id) }
    }

    /// Meetings that name an action: on their agenda, in the changes they recorded, or among
    /// the actions they created. Their minutes would point at nothing if it were deleted.
    public func meetingsNaming(_ action: String) -> [Meeting] {
        meetings.filter { $0.names(action) }
    }

    /// Why an action may not be deleted, with what to do instead; nil when it may. The store
    /// refuses a delete with this, and the screens refuse it before asking to confirm.
    public func deletionRefusal(_ action: String) -> String? {
        guard let meeting = meetingsNaming(action).first else { return nil }
        return "\(action) is named in the meeting “\(meeting.title)” of \(meeting.date.iso), so it is kept for the minutes: "
            + "set its status to dropped instead"
    }
}

extension Meeting {
    /// Whether the meeting names the action anywhere (agenda, recorded changes, actions created).
    public func names(_ action: String) -> Bool {
        items.contains { $0.action == action } || changes.contains { $0.action == action } || actionsCreated.contains(action)
    }
}
