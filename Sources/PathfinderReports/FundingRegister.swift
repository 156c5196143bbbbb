import PathfinderModel

/// The funding register: every funding agreement with its Compact check, the agreements whose
/// notice date falls in the next 90 days ("give notice by"), and the funding terms still kept
/// as a shorthand on actions. The screens and `pathfinder report funding` print it; `check`
/// gives the same findings (`FundingRules.check`).
public struct FundingRegisterReport: Hashable, Sendable {
    /// How far ahead "give notice by" looks.
    public static let noticeWindowDays = 90

    public struct AgreementRow: Hashable, Sendable {
        public var agreement: FundingAgreement
        public var areaName: String
        /// The organisation funded, by name where the agreement holds an organisation's id.
        public var organisationName: String
        public var check: CompactCheck
    }

    public struct ActionRow: Hashable, Sendable {
        public var action: String
        public var area: String
        public var areaName: String
        public var title: String
        public var leadBody: String
        public var funding: Funding
        public var check: CompactCheck
        /// Agreements that link the action (the shorthand then only repeats them).
        public var agreements: [String]
    }

    public var partnership: String
    public var scope: String
    public var asOf: Day
    public var rules: FundingRules
    public var agreements: [AgreementRow]
    /// Agreements to give notice on soon, earliest first.
    public var dueForNotice: [AgreementRow]
    public var actions: [ActionRow]

    public var keeping: Int { agreements.filter(\.check.keepsAll).count }

    public static func build(_ p: Partnership, area: String? = nil, asOf: Day) -> FundingRegisterReport {
        let names = Dictionary(p.areas.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rules = p.catalogue.fundingRules
        let inScope = area.map { p.fundingAgreements(inArea: $0) } ?? p.fundingAgreements
        // One look-up table, not a search of every organisation per agreement (issue 14).
        let organisations = Dictionary(p.organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = inScope.map { a in
            AgreementRow(agreement: a, areaName: a.area.flatMap { names[$0] } ?? a.area ?? "",
                         organisationName: organisations[a.organisation] ?? a.organisation, check: rules.check(a.terms))
        }
        let due = rows.filter { $0.agreement.noticeFalls(within: noticeWindowDays, of: asOf) }
            .sorted { ($0.agreement.noticeDate!, $0.agreement.title) < ($1.agreement.noticeDate!, $1.agreement.title) }
        var linked: [String: [String]] = [:]
        for a in p.fundingAgreements { for id in a.actions { linked[id, default: []].append(a.id) } }
        let order = Dictionary(p.areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let actions = p.actions.filter { area == nil || $0.area == area }.compactMap { a -> ActionRow? in
            guard let funding = a.funding else { return nil }
            return ActionRow(action: a.id, area: a.area, areaName: names[a.area] ?? a.area, title: a.title, leadBody: a.leadBody,
                             funding: funding, check: rules.check(funding.terms), agreements: linked[a.id] ?? [])
        }.sorted { (order[$0.area] ?? Int.max, $0.action) < (order[$1.area] ?? Int.max, $1.action) }
        return FundingRegisterReport(partnership: p.title, scope: area.map { id in p.area(id)?.name ?? id } ?? "All areas",
                                     asOf: asOf, rules: rules, agreements: rows, dueForNotice: due, actions: actions)
    }
}

/// An agreement's terms as people say them, shared by every format and the screens.
public enum AgreementText {
    public static func amount(_ a: FundingAgreement) -> String { a.amount.map { "£" + Number.grouped($0) } ?? "" }
    public static func term(_ a: FundingAgreement) -> String { a.termYears.map(Number.format) ?? "" }
    public static func notice(_ a: FundingAgreement) -> String { a.noticeMonths.map(Number.format) ?? "" }
    public static func fullCost(_ a: FundingAgreement) -> String { a.fullCostRecovery?.rawValue ?? "" }

    /// The check in one cell: the summary, then each concern with its mark (never colour alone).
    public static func check(_ c: CompactCheck) -> String {
        c.keepsAll ? "✓ " + c.summary : c.concernLines.joined(separator: "; ")
    }
}

extension FundingRegisterReport: RenderableReport {
    public var document: ReportDocument {
        var d = ReportDocument(title: "Funding register: \(scope)")
        d.fields([("Partnership", partnership), ("As of", asOf.iso), ("Principles", FundingText.rules(rules))])
        let short = agreements.filter { !$0.check.fallingShort.isEmpty }.count
        let unstated = agreements.filter { $0.check.fallingShort.isEmpty && !$0.check.notStated.isEmpty }.count
        d.paragraph("\(agreements.count) agreement\(agreements.count == 1 ? "" : "s"): \(keeping) meet\(keeping == 1 ? "s" : "") the principles, "
                    + "\(short) fall\(short == 1 ? "s" : "") short, \(unstated) leave\(unstated == 1 ? "s" : "") terms not stated. "
                    + "✓ meets, ~ departs for a recorded reason, ! falls short, ? not stated.")
        d.heading(2, "Give notice by (the next \(Self.noticeWindowDays) days)")
        d.table(["Notice by", "Agreement", "Funder", "Organisation", "Ends"],
                dueForNotice.map { r in
                    [r.agreement.noticeDate?.iso ?? "", r.agreement.title, r.agreement.funder, r.organisationName,
                     r.agreement.end?.iso ?? ""]
                },
                none: "No agreement's notice date falls in the next \(Self.noticeWindowDays) days.")
        d.heading(2, "Agreements")
        d.table(["Id", "Area", "Funder", "Organisation", "Amount a year", "Start", "Term (years)", "Notice (months)", "Full cost recovery"],
                agreements.map { r in
                    let a = r.agreement
                    return [a.id, r.areaName, a.funder, r.organisationName, AgreementText.amount(a), a.start?.iso ?? "",
                            AgreementText.term(a), AgreementText.notice(a), AgreementText.fullCost(a)]
                },
                right: [4, 6, 7], detailHeader: "Compact check", details: agreements.map { AgreementText.check($0.check) },
                none: "No funding agreements in funding/.")
        d.heading(2, "Funding terms kept on actions")
        d.table(["Id", "Area", "Amount a year", "Term (years)", "Notice (months)", "Full cost recovery", "Title"],
                actions.map { r in
                    [r.action, r.areaName, FundingText.amount(r.funding), FundingText.term(r.funding),
                     FundingText.notice(r.funding), FundingText.fullCost(r.funding), r.title]
                },
                right: [2, 3, 4], detailHeader: "Compact check",
                details: actions.map { r in
                    AgreementText.check(r.check) + (r.agreements.isEmpty ? "; no agreement records it yet"
                                                                         : "; agreement: " + r.agreements.joined(separator: ", "))
                },
                none: "No action keeps funding terms of its own.")
        return d
    }

    /// One row per agreement, then one per action's shorthand, with each principle's verdict.
    public func csv() -> String {
        let principles = CompactPrinciple.allCases
        func verdicts(_ c: CompactCheck) -> [String] {
            principles.map { p in c.findings.first { $0.principle == p }?.verdict.rawValue ?? "" }
        }
        var rows: [[String]] = agreements.map { r in
            let a = r.agreement
            return ["agreement", a.id, a.title, a.area ?? "", a.funder, a.organisation, a.mechanism?.rawValue ?? "",
                    a.amount.map(Number.format) ?? "", a.start?.iso ?? "", a.end?.iso ?? "", AgreementText.term(a),
                    AgreementText.notice(a), a.noticeDate?.iso ?? "", AgreementText.fullCost(a), a.actions.joined(separator: " ")]
                + verdicts(r.check) + [r.check.keepsAll ? "yes" : "no", r.check.concerns.map(\.message).joined(separator: "; ")]
        }
        rows += actions.map { r in
            ["action", r.action, r.title, r.area, "", r.leadBody, "", r.funding.amount.map(Number.format) ?? "", "", "",
             FundingText.term(r.funding), FundingText.notice(r.funding), "", FundingText.fullCost(r.funding), r.action]
                + verdicts(r.check) + [r.check.keepsAll ? "yes" : "no", r.check.concerns.map(\.message).joined(separator: "; ")]
        }
        return CSV.render(["kind", "id", "title", "area", "funder", "organisation", "mechanism", "amount", "start", "end", "term_years",
                           "notice_months", "notice_by", "full_cost_recovery", "actions"]
                          + principles.map { $0.rawValue.replacingDashes } + ["meets_principles", "concerns"], rows)
    }

    public var json: JSONValue {
        func check(_ c: CompactCheck) -> JSONValue {
            .object([("meets", .bool(c.keepsAll)), ("summary", .string(c.summary)),
                     ("findings", .array(c.findings.map { f in
                         .object([("principle", .string(f.principle.rawValue)), ("verdict", .string(f.verdict.rawValue)),
                                  ("message", .string(f.message))])
                     }))])
        }
        return RecordJSON.document([
            ("report", .string("funding")),
            ("partnership", .string(partnership)),
            ("as-of", .string(asOf.iso)),
            ("rules", .object([("minimum-term-years", .number(rules.minimumTermYears)),
                               ("minimum-notice-months", .number(rules.minimumNoticeMonths)),
                               ("full-cost-recovery", .bool(rules.fullCostRecoveryExpected)),
                               ("monitoring-at-most-per-year", .number(rules.monitoringAtMostPerYear)),
                               ("fair-price", .bool(rules.fairPriceExpected)),
                               ("shared-risk", .bool(rules.sharedRiskExpected))])),
            ("give-notice-by", .array(dueForNotice.map { r in
                .object([("id", .string(r.agreement.id)), ("notice-by", .string(r.agreement.noticeDate?.iso ?? "")),
                         ("ends", .string(r.agreement.end?.iso ?? ""))])
            })),
            ("agreements", .array(agreements.map { r in
                let a = r.agreement
                return .object([("id", .string(a.id)), ("title", .string(a.title)), ("area", a.area.map { .string($0) } ?? .null),
                                ("funder", .string(a.funder)), ("organisation", .string(a.organisation)),
                                ("mechanism", a.mechanism.map { .string($0.rawValue) } ?? .null), ("amount", .number(a.amount)),
                                ("start", a.start.map { .string($0.iso) } ?? .null), ("end", a.end.map { .string($0.iso) } ?? .null),
                                ("term-years", .number(a.termYears)), ("notice-months", .number(a.noticeMonths)),
                                ("notice-by", a.noticeDate.map { .string($0.iso) } ?? .null),
                                ("full-cost-recovery", a.fullCostRecovery.map { .string($0.rawValue) } ?? .null),
                                ("actions", .array(a.actions.map { .string($0) })), ("compact", check(r.check))])
            })),
            ("actions", .array(actions.map { r in
                .object([("id", .string(r.action)), ("area", .string(r.area)), ("title", .string(r.title)),
                         ("lead-body", .string(r.leadBody)), ("amount", .number(r.funding.amount)),
                         ("term-years", .number(r.funding.termYears)), ("notice-months", .number(r.funding.noticeMonths)),
                         ("full-cost-recovery", r.funding.fullCostRecovery.map { .bool($0) } ?? .null),
                         ("agreements", .array(r.agreements.map { .string($0) })), ("compact", check(r.check))])
            })),
        ])
    }
}

private extension String {
    var replacingDashes: String { String(map { $0 == "-" ? "_" : $0 }) }
}
