/// A way an action's funding terms fall short of the Compact funding principles (paras 3.17-3.21).
public enum CompactConcern: Hashable, Sendable {
    case shortTerm(years: Double, minimum: Double)
    case shortNotice(months: Double, minimum: Double)
    case noFullCostRecovery

    public var message: String {
        switch self {
        case let .shortTerm(years, minimum):
            "funding term of \(Number.format(years)) year\(years == 1 ? "" : "s") is under the Compact's \(Number.format(minimum))-year norm"
        case let .shortNotice(months, minimum):
            (months == 1 ? "1 month's" : "\(Number.format(months)) months'") + " notice is under the Compact's \(Number.format(minimum)) months"
        case .noFullCostRecovery:
            "funding does not allow full cost recovery"
        }
    }
}

extension FundingRules {
    /// Every way the funding terms fall short of these rules; empty when they meet them.
    public func concerns(with funding: Funding) -> [CompactConcern] {
        var concerns: [CompactConcern] = []
        if let minimum = minimumTermYears, let years = funding.termYears, years < minimum {
            concerns.append(.shortTerm(years: years, minimum: minimum))
        }
        if let minimum = minimumNoticeMonths, let months = funding.noticeMonths, months < minimum {
            concerns.append(.shortNotice(months: months, minimum: minimum))
        }
        if fullCostRecoveryExpected, funding.fullCostRecovery == false {
            concerns.append(.noFullCostRecovery)
        }
        return concerns
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
