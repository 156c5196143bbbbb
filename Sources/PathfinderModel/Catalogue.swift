/// One entry of a catalogue in the manifest: a stable id used in files and a label shown to people.
public struct CatalogueEntry: Hashable, Sendable {
    public var id: String
    public var label: String
    /// A longer explanation (a RAG meaning, a theme's scope), shown in help and pickers.
    public var detail: String
    /// The group a theme belongs to (a chapter such as "Improving commissioning"); empty otherwise.
    public var group: String

    public init(id: String, label: String, detail: String = "", group: String = "") {
        self.id = id
        self.label = label
        self.detail = detail
        self.group = group
    }
}

/// A status from the catalogue. `closed` statuses (done, dropped) are never overdue.
public struct StatusEntry: Hashable, Sendable {
    public var id: String
    public var label: String
    /// One character shown beside the status so it never relies on colour alone.
    public var symbol: String
    public var closed: Bool

    public init(id: String, label: String, symbol: String, closed: Bool) {
        self.id = id
        self.label = label
        self.symbol = symbol
        self.closed = closed
    }
}

/// The funding principles agreements and actions' funding terms are checked against
/// (`FundingRules.check`): three-year funding as the starting point (the Government's guidance,
/// paras 1.5, 1.8, 3.17), and the Compact's notice, full cost recovery, proportionate
/// monitoring, fair price and shared risk (paras 3.1, 3.18-3.21). A rule left out (nil or
/// false) is not checked.
public struct FundingRules: Hashable, Sendable {
    public var minimumTermYears: Double?
    public var minimumNoticeMonths: Double?
    public var fullCostRecoveryExpected: Bool
    /// Monitoring asked more often than this many times a year is not proportionate.
    public var monitoringAtMostPerYear: Double?
    public var fairPriceExpected: Bool
    public var sharedRiskExpected: Bool

    public init(minimumTermYears: Double? = 3, minimumNoticeMonths: Double? = 3,
                fullCostRecoveryExpected: Bool = true, monitoringAtMostPerYear: Double? = 4,
                fairPriceExpected: Bool = true, sharedRiskExpected: Bool = true) {
        self.minimumTermYears = minimumTermYears
        self.minimumNoticeMonths = minimumNoticeMonths
        self.fullCostRecoveryExpected = fullCostRecoveryExpected
        self.monitoringAtMostPerYear = monitoringAtMostPerYear
        self.fairPriceExpected = fairPriceExpected
        self.sharedRiskExpected = sharedRiskExpected
    }

    /// No rule at all: a manifest without `funding-rules`.
    public static let none = FundingRules(minimumTermYears: nil, minimumNoticeMonths: nil, fullCostRecoveryExpected: false,
                                          monitoringAtMostPerYear: nil, fairPriceExpected: false, sharedRiskExpected: false)
}

/// Everything a partnership defines as data rather than code: themes, success factors, statuses,
/// RAG meanings and funding rules. Kept in the store's manifest so any partnership can use its own.
public struct Catalogue: Hashable, Sendable {
    public var themes: [CatalogueEntry]
    public var successFactors: [CatalogueEntry]
    public var statuses: [StatusEntry]
    /// Meanings of red, amber and green (the three ratings themselves are fixed: see `RAG`).
    public var ragMeanings: [RAG: String]
    public var fundingRules: FundingRules
    /// What an organisation is (charity, police…); the usual eight when the manifest names none.
    public var organisationKinds: [CatalogueEntry]
    /// How big an organisation is, by yearly income; the usual bands when the manifest names none.
    public var sizeBands: [CatalogueEntry]

    public init(themes: [CatalogueEntry] = [], successFactors: [CatalogueEntry] = [],
                statuses: [StatusEntry] = Catalogue.defaultStatuses,
                ragMeanings: [RAG: String] = [:], fundingRules: FundingRules = FundingRules(),
                organisationKinds: [CatalogueEntry] = Catalogue.defaultOrganisationKinds,
                sizeBands: [CatalogueEntry] = Catalogue.defaultSizeBands) {
        self.themes = themes
        self.successFactors = successFactors
        self.statuses = statuses
        self.ragMeanings = ragMeanings
        self.fundingRules = fundingRules
        self.organisationKinds = organisationKinds
        self.sizeBands = sizeBands
    }

    public static let defaultStatuses: [StatusEntry] = [
        StatusEntry(id: "not-started", label: "Not started", symbol: "○", closed: false),
        StatusEntry(id: "in-progress", label: "In progress", symbol: "◐", closed: false),
        StatusEntry(id: "blocked", label: "Blocked", symbol: "■", closed: false),
        StatusEntry(id: "done", label: "Done", symbol: "●", closed: true),
        StatusEntry(id: "dropped", label: "Dropped", symbol: "×", closed: true),
    ]

    /// The kinds the issue names (issue 12): the document's partners are charities, community
    /// groups, social enterprises, faith groups, council departments, primary care trusts and police.
    public static let defaultOrganisationKinds: [CatalogueEntry] = [
        CatalogueEntry(id: "charity", label: "Charity"),
        CatalogueEntry(id: "community-group", label: "Community group"),
        CatalogueEntry(id: "social-enterprise", label: "Social enterprise"),
        CatalogueEntry(id: "faith-group", label: "Faith group"),
        CatalogueEntry(id: "council-department", label: "Council department"),
        CatalogueEntry(id: "primary-care-trust", label: "Primary care trust"),
        CatalogueEntry(id: "police", label: "Police"),
        CatalogueEntry(id: "other", label: "Other"),
    ]

    /// Yearly income bands as the sector's almanac counts them (micro to major).
    public static let defaultSizeBands: [CatalogueEntry] = [
        CatalogueEntry(id: "micro", label: "Micro", detail: "income under £10,000 a year"),
        CatalogueEntry(id: "small", label: "Small", detail: "£10,000 to £100,000 a year"),
        CatalogueEntry(id: "medium", label: "Medium", detail: "£100,000 to £1 million a year"),
        CatalogueEntry(id: "large", label: "Large", detail: "£1 million to £10 million a year"),
        CatalogueEntry(id: "major", label: "Major", detail: "over £10 million a year"),
    ]

    public func organisationKind(_ id: String) -> CatalogueEntry? { organisationKinds.first { $0.id == id } }
    public func sizeBand(_ id: String) -> CatalogueEntry? { sizeBands.first { $0.id == id } }

    public func status(_ id: String) -> StatusEntry? { statuses.first { $0.id == id } }
    public func theme(_ id: String) -> CatalogueEntry? { themes.first { $0.id == id } }
    public func successFactor(_ id: String) -> CatalogueEntry? { successFactors.first { $0.id == id } }

    /// Whether a status means the action needs no more work (so it cannot be overdue).
    public func isClosed(status id: String) -> Bool { self.status(id)?.closed ?? false }
}
