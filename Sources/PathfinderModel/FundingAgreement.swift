/// How the money is given (para 3.2: grant, contract or service level agreement).
public enum FundingMechanism: String, CaseIterable, Hashable, Sendable {
    case grant, contract, serviceLevelAgreement = "service-level-agreement"

    public var label: String {
        switch self {
        case .grant: "Grant"
        case .contract: "Contract"
        case .serviceLevelAgreement: "Service level agreement"
        }
    }
}

/// Whether the funding meets a reasonable share of the organisation's overheads (para 3.19).
/// Para 3.21 lets an organisation take less "if it consciously chooses to": that choice, with
/// its reason, is not a shortfall but is shown as the choice it is.
public enum CostRecovery: String, CaseIterable, Hashable, Sendable {
    case yes, no, consciousChoice = "conscious-choice"

    public var label: String {
        switch self {
        case .yes: "yes"
        case .no: "no"
        case .consciousChoice: "a conscious choice"
        }
    }
}

/// How often the funder asks for monitoring returns: proportionate monitoring (paras 1.4, 3.1)
/// is judged on how often, against the manifest's `monitoring-at-most-per-year`.
public enum MonitoringFrequency: String, CaseIterable, Hashable, Sendable {
    case weekly, monthly, quarterly, halfYearly = "half-yearly", yearly, atTheEnd = "at-the-end"

    public var timesAYear: Double {
        switch self {
        case .weekly: 52
        case .monthly: 12
        case .quarterly: 4
        case .halfYearly: 2
        case .yearly: 1
        case .atTheEnd: 0
        }
    }

    public var label: String {
        switch self {
        case .halfYearly: "half-yearly"
        case .atTheEnd: "at the end"
        default: rawValue
        }
    }
}

/// An agreement between a funder and a third sector organisation: what is paid, for how long,
/// with how much notice, on what terms; checked against the Compact (`FundingRules.check`).
/// Kept in `funding/<id>.md`.
public struct FundingAgreement: Hashable, Sendable, Identifiable {
    /// The file name without `.md`, e.g. "portsmouth-good-neighbours".
    public var id: String
    public var title: String
    /// Who pays: "Portsmouth City Council".
    public var funder: String
    /// The organisation funded: an organisation's id, or its name as free text.
    public var organisation: String
    /// The area whose register lists it (an area id), if any.
    public var area: String?
    public var mechanism: FundingMechanism?
    /// Pounds sterling a year.
    public var amount: Double?
    public var start: Day?
    public var termYears: Double?
    /// Why the term is shorter than the Government's three-year starting point, when it is
    /// ("subject to best value and affordability", para 1.8).
    public var termReason: String
    public var noticeMonths: Double?
    public var fullCostRecovery: CostRecovery?
    /// The organisation's reason, for a conscious choice (para 3.21), or any note on the costing.
    public var costRecoveryReason: String
    /// What monitoring the funder asks for, and how often.
    public var monitoring: String
    public var monitoringFrequency: MonitoringFrequency?
    /// How risks are shared between funder and organisation (para 3.1).
    public var riskSharing: String
    /// Why the price is fair (para 3.1: "fair price or full cost recovery").
    public var fairPrice: String
    /// Actions the agreement funds or serves.
    public var actions: [String]
    public var source: String
    public var notes: String

    public init(id: String, title: String, funder: String = "", organisation: String = "", area: String? = nil,
                mechanism: FundingMechanism? = nil, amount: Double? = nil, start: Day? = nil, termYears: Double? = nil,
                termReason: String = "", noticeMonths: Double? = nil, fullCostRecovery: CostRecovery? = nil,
                costRecoveryReason: String = "", monitoring: String = "", monitoringFrequency: MonitoringFrequency? = nil,
                riskSharing: String = "", fairPrice: String = "", actions: [String] = [], source: String = "", notes: String = "") {
        self.id = id
        self.title = title
        self.funder = funder
        self.organisation = organisation
        self.area = area
        self.mechanism = mechanism
        self.amount = amount
        self.start = start
        self.termYears = termYears
        self.termReason = termReason
        self.noticeMonths = noticeMonths
        self.fullCostRecovery = fullCostRecovery
        self.costRecoveryReason = costRecoveryReason
        self.monitoring = monitoring
        self.monitoringFrequency = monitoringFrequency
        self.riskSharing = riskSharing
        self.fairPrice = fairPrice
        self.actions = actions
        self.source = source
        self.notes = notes
    }

    /// The last day funded: start plus the term (whole months; a term of 2.5 years is 30 months).
    public var end: Day? {
        guard let start, let termYears, termYears > 0, termYears < 1000 else { return nil }
        return start.adding(months: Int((termYears * 12).rounded())).adding(days: -1)
    }

    /// The last day to give notice of ending or changing the agreement: the end less the notice
    /// period. Nil when the start, term or notice is not stated.
    public var noticeDate: Day? {
        guard let end, let noticeMonths, noticeMonths >= 0, noticeMonths < 1000 else { return nil }
        return end.adding(months: -Int(noticeMonths.rounded()))
    }

    /// Whether notice must be given within `days` of `asOf` (from today, on or before the last
    /// day): the register's "give notice by" list.
    public func noticeFalls(within days: Int, of asOf: Day) -> Bool {
        guard let noticeDate else { return false }
        return noticeDate >= asOf && noticeDate <= asOf.adding(days: days)
    }

    /// The terms the Compact check reads.
    public var terms: CompactTerms {
        CompactTerms(termYears: termYears, termReason: termReason, noticeMonths: noticeMonths,
                     fullCostRecovery: fullCostRecovery, costRecoveryReason: costRecoveryReason,
                     monitoring: monitoring, monitoringFrequency: monitoringFrequency, riskSharing: riskSharing,
                     fairPrice: fairPrice, checks: Set(CompactPrinciple.allCases))
    }
}

extension Funding {
    /// The terms an action's `funding` shorthand can state: term, notice and full cost recovery.
    /// Monitoring, fair price and shared risk live on a funding agreement, so they are not
    /// checked here (and never reported as met).
    public var terms: CompactTerms {
        CompactTerms(termYears: termYears, noticeMonths: noticeMonths,
                     fullCostRecovery: fullCostRecovery.map { $0 ? .yes : .no },
                     checks: [.term, .notice, .fullCostRecovery])
    }
}
