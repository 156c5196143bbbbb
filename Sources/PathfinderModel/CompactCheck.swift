/// One of the funding principles the source document names, with who it attributes it to.
public enum CompactPrinciple: String, CaseIterable, Hashable, Sendable, Comparable {
    case term, notice, fullCostRecovery = "full-cost-recovery", monitoring, fairPrice = "fair-price", riskSharing = "risk-sharing"

    public var label: String {
        switch self {
        case .term: "Term"
        case .notice: "Notice"
        case .fullCostRecovery: "Full cost recovery"
        case .monitoring: "Proportionate monitoring"
        case .fairPrice: "Fair price"
        case .riskSharing: "Shared risk"
        }
    }

    /// Where the principle comes from. Three years is the Government's guidance (the Local
    /// Government White Paper and the action plan for third sector involvement), not the
    /// Compact's; the Compact is cited for notice and the rest.
    public var authority: String {
        switch self {
        case .term: "the Government's guidance, paras 1.5, 1.8, 3.17"
        case .notice: "the Compact, para 3.18"
        case .fullCostRecovery: "the Compact, paras 3.1, 3.19-3.21"
        case .monitoring, .fairPrice, .riskSharing: "the Compact, para 3.1"
        }
    }

    public static func < (a: CompactPrinciple, b: CompactPrinciple) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How a record stands against one principle. Only `meets` and `explained` count as keeping
/// it: a value the record does not state is `notStated`, never a pass.
public enum CompactVerdict: String, Hashable, Sendable {
    case meets, explained, fallsShort = "falls-short", notStated = "not-stated"

    /// Kept: met, or departed from for a reason the record gives (para 1.8's "subject to best
    /// value and affordability", para 3.21's conscious choice).
    public var keeps: Bool { self == .meets || self == .explained }

    /// A word that does not rely on colour: shown beside each finding.
    public var mark: String {
        switch self {
        case .meets: "✓"
        case .explained: "~"
        case .fallsShort: "!"
        case .notStated: "?"
        }
    }
}

/// One principle checked: the verdict and a sentence saying why.
public struct CompactFinding: Hashable, Sendable {
    public var principle: CompactPrinciple
    public var verdict: CompactVerdict
    public var message: String

    public init(_ principle: CompactPrinciple, _ verdict: CompactVerdict, _ message: String) {
        self.principle = principle
        self.verdict = verdict
        self.message = message
    }
}

/// What the check reads: an agreement's terms, or the few an action's `funding` block states.
public struct CompactTerms: Hashable, Sendable {
    public var termYears: Double?
    public var termReason: String
    public var noticeMonths: Double?
    public var fullCostRecovery: CostRecovery?
    public var costRecoveryReason: String
    public var monitoring: String
    public var monitoringFrequency: MonitoringFrequency?
    public var riskSharing: String
    public var fairPrice: String
    /// The principles this kind of record can state; the others are not checked.
    public var checks: Set<CompactPrinciple>

    public init(termYears: Double? = nil, termReason: String = "", noticeMonths: Double? = nil,
                fullCostRecovery: CostRecovery? = nil, costRecoveryReason: String = "", monitoring: String = "",
                monitoringFrequency: MonitoringFrequency? = nil, riskSharing: String = "", fairPrice: String = "",
                checks: Set<CompactPrinciple> = Set(CompactPrinciple.allCases)) {
        self.termYears = termYears
        self.termReason = termReason
        self.noticeMonths = noticeMonths
        self.fullCostRecovery = fullCostRecovery
        self.costRecoveryReason = costRecoveryReason
        self.monitoring = monitoring
        self.monitoringFrequency = monitoringFrequency
        self.riskSharing = riskSharing
        self.fairPrice = fairPrice
        self.checks = checks
    }
}

/// Every principle the rules ask about, checked against one record's terms.
public struct CompactCheck: Hashable, Sendable {
    public var findings: [CompactFinding]
    /// The principles the record could not state (an action's shorthand has no monitoring).
    public var unchecked: [CompactPrinciple]

    /// Findings that are not kept: what `pathfinder check` warns about.
    public var concerns: [CompactFinding] { findings.filter { !$0.verdict.keeps } }
    public var keepsAll: Bool { concerns.isEmpty && !findings.isEmpty }
    public var fallingShort: [CompactFinding] { findings.filter { $0.verdict == .fallsShort } }
    public var notStated: [CompactFinding] { findings.filter { $0.verdict == .notStated } }

    /// One line: kept, or what falls short and what is not stated.
    public var summary: String {
        if findings.isEmpty { return "no funding rules set in the manifest" }
        if keepsAll {
            let scope = unchecked.isEmpty ? "the funding principles"
                : "the principles its terms state (" + findings.map { $0.principle.label.lowercased() }.joined(separator: ", ") + ")"
            return "meets " + scope
        }
        var parts: [String] = []
        if !fallingShort.isEmpty { parts.append("falls short on " + Self.names(fallingShort)) }
        if !notStated.isEmpty { parts.append("not stated: " + Self.names(notStated)) }
        return parts.joined(separator: "; ")
    }

    /// The concerns as short lines: each shortfall in full, what is not stated in one line.
    public var concernLines: [String] {
        fallingShort.map { "\($0.verdict.mark) \($0.message)" }
            + (notStated.isEmpty ? [] : ["? not stated: " + Self.names(notStated)])
    }

    private static func names(_ findings: [CompactFinding]) -> String {
        findings.map { $0.principle.label.lowercased() }.joined(separator: ", ")
    }
}

extension FundingRules {
    /// Checks `terms` against every rule these set, in the order of `CompactPrinciple`.
    public func check(_ terms: CompactTerms) -> CompactCheck {
        var findings: [CompactFinding] = []
        var unchecked: [CompactPrinciple] = []
        func add(_ principle: CompactPrinciple, applies: Bool, _ finding: () -> CompactFinding) {
            guard applies else { return }
            if terms.checks.contains(principle) { findings.append(finding()) } else { unchecked.append(principle) }
        }
        add(.term, applies: minimumTermYears != nil) { Self.term(terms, minimum: minimumTermYears ?? 0) }
        add(.notice, applies: minimumNoticeMonths != nil) { Self.notice(terms, minimum: minimumNoticeMonths ?? 0) }
        add(.fullCostRecovery, applies: fullCostRecoveryExpected) { Self.costRecovery(terms) }
        add(.monitoring, applies: monitoringAtMostPerYear != nil) { Self.monitoring(terms, atMost: monitoringAtMostPerYear ?? 0) }
        add(.fairPrice, applies: fairPriceExpected) { Self.fairPrice(terms) }
        add(.riskSharing, applies: sharedRiskExpected) { Self.riskSharing(terms) }
        return CompactCheck(findings: findings, unchecked: unchecked)
    }

    /// The shortfalls alone, as `check` and the screens list them.
    public func concerns(with funding: Funding) -> [CompactFinding] { check(funding.terms).concerns }

    static func yearText(_ y: Double) -> String { "\(Number.format(y))-year" }
    static func monthText(_ m: Double) -> String { m == 1 ? "1 month's" : "\(Number.format(m)) months'" }

    static func term(_ t: CompactTerms, minimum: Double) -> CompactFinding {
        guard let years = t.termYears else {
            return CompactFinding(.term, .notStated, "term not stated (the Government's guidance takes \(yearText(minimum)) funding as the starting point, para 1.8)")
        }
        if years >= minimum {
            return CompactFinding(.term, .meets, "\(yearText(years)) term meets the Government's \(yearText(minimum)) starting point (para 1.8)")
        }
        let reason = t.termReason.trimmingSpaces
        if !reason.isEmpty {
            return CompactFinding(.term, .explained, "\(yearText(years)) term, under the \(yearText(minimum)) starting point, because: \(reason)")
        }
        return CompactFinding(.term, .fallsShort,
                              "\(yearText(years)) term, under the Government's \(yearText(minimum)) starting point (para 1.8): why? (“subject to best value and affordability”)")
    }

    static func notice(_ t: CompactTerms, minimum: Double) -> CompactFinding {
        guard let given = t.noticeMonths else {
            return CompactFinding(.notice, .notStated, "notice not stated (the Compact asks for at least \(monthText(minimum)) notice, para 3.18)")
        }
        if given >= minimum {
            return CompactFinding(.notice, .meets, "\(monthText(given)) notice meets the Compact's \(Number.format(minimum)) months (para 3.18)")
        }
        return CompactFinding(.notice, .fallsShort, "\(monthText(given)) notice is under the Compact's \(Number.format(minimum)) months (para 3.18)")
    }

    static func costRecovery(_ t: CompactTerms) -> CompactFinding {
        let reason = t.costRecoveryReason.trimmingSpaces
        switch t.fullCostRecovery {
        case nil:
            return CompactFinding(.fullCostRecovery, .notStated, "full cost recovery not stated (yes, no or the organisation's conscious choice, para 3.21)")
        case .yes?:
            return CompactFinding(.fullCostRecovery, .meets, "full cost recovery (paras 3.19-3.20)")
        case .no?:
            return CompactFinding(.fullCostRecovery, .fallsShort,
                                  "no full cost recovery, nor a recorded conscious choice (paras 3.19-3.21)")
        case .consciousChoice?:
            if reason.isEmpty {
                return CompactFinding(.fullCostRecovery, .fallsShort, "below full cost by the organisation's conscious choice, but the reason is not recorded (para 3.21)")
            }
            return CompactFinding(.fullCostRecovery, .explained, "below full cost by the organisation's conscious choice (para 3.21): \(reason)")
        }
    }

    static func monitoring(_ t: CompactTerms, atMost: Double) -> CompactFinding {
        let what = t.monitoring.trimmingSpaces
        guard let frequency = t.monitoringFrequency else {
            return CompactFinding(.monitoring, .notStated, what.isEmpty ? "monitoring not stated (what is asked and how often, para 3.1)"
                                  : "how often monitoring is asked is not stated (para 3.1)")
        }
        let asked = what.isEmpty ? "" : ": " + what
        if frequency.timesAYear > atMost {
            return CompactFinding(.monitoring, .fallsShort,
                                  "monitoring \(frequency.label) is more than the \(Number.format(atMost)) times a year the rules take as proportionate (para 3.1)\(asked)")
        }
        if what.isEmpty {
            return CompactFinding(.monitoring, .notStated, "what monitoring asks for is not stated (para 3.1)")
        }
        return CompactFinding(.monitoring, .meets, "monitoring \(frequency.label)\(asked)")
    }

    static func fairPrice(_ t: CompactTerms) -> CompactFinding {
        let note = t.fairPrice.trimmingSpaces
        if !note.isEmpty { return CompactFinding(.fairPrice, .meets, "fair price: \(note)") }
        // Para 3.1 names "fair price or full cost recovery": full cost recovery is a fair price.
        if t.fullCostRecovery == .yes { return CompactFinding(.fairPrice, .meets, "fair price: full cost recovery (para 3.1)") }
        return CompactFinding(.fairPrice, .notStated, "fair price not stated (para 3.1)")
    }

    static func riskSharing(_ t: CompactTerms) -> CompactFinding {
        let note = t.riskSharing.trimmingSpaces
        if note.isEmpty { return CompactFinding(.riskSharing, .notStated, "how risk is shared is not stated (para 3.1)") }
        return CompactFinding(.riskSharing, .meets, "risk shared: \(note)")
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

/// Numbers as people write them: "3" not "3.0", "2.5" stays.
public enum Number {
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// Thousands separated with commas: 1500000 -> "1,500,000".
    public static func grouped(_ value: Double) -> String {
        let whole = format(value.rounded() == value ? value : (value * 100).rounded() / 100)
        let parts = whole.split(separator: ".", maxSplits: 1)
        var digits = String(parts[0])
        let negative = digits.hasPrefix("-")
        if negative { digits.removeFirst() }
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        var result = (negative ? "-" : "") + String(out.reversed())
        if parts.count > 1 { result += "." + parts[1] }
        return result
    }
}
