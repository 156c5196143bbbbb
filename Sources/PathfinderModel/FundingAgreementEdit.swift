/// Every field of a funding agreement a user can set, by the key its file uses. The id (the
/// file name) is made from the title when it is created and never changes after.
public enum FundingAgreementField: String, CaseIterable, Sendable {
    case title, funder, organisation, area, mechanism, amount, start, termYears = "term-years", termReason = "term-reason"
    case noticeMonths = "notice-months", fullCostRecovery = "full-cost-recovery", costRecoveryReason = "cost-recovery-reason"
    case monitoring, monitoringFrequency = "monitoring-frequency", riskSharing = "risk-sharing", fairPrice = "fair-price"
    case actions, source, notes

    public var label: String {
        switch self {
        case .title: "Title"
        case .funder: "Funder"
        case .organisation: "Organisation funded"
        case .area: "Area"
        case .mechanism: "Mechanism"
        case .amount: "Amount (£ a year)"
        case .start: "Start"
        case .termYears: "Term (years)"
        case .termReason: "Reason for a shorter term"
        case .noticeMonths: "Notice (months)"
        case .fullCostRecovery: "Full cost recovery"
        case .costRecoveryReason: "Cost recovery reason"
        case .monitoring: "Monitoring asked"
        case .monitoringFrequency: "Monitoring how often"
        case .riskSharing: "Risk sharing"
        case .fairPrice: "Fair price"
        case .actions: "Actions"
        case .source: "Source"
        case .notes: "Notes"
        }
    }

    /// What the field's text may hold (docs/store-format.md, "Field limits").
    public var rule: TextRule {
        switch self {
        case .title, .funder, .organisation: .line(200)
        case .area, .mechanism, .fullCostRecovery, .monitoringFrequency: .line(40)
        case .amount, .start, .termYears, .noticeMonths: .line(40)
        case .termReason, .costRecoveryReason, .monitoring, .riskSharing, .fairPrice, .source: .line(1_000)
        case .actions: .line(2_000)
        case .notes: .text(20_000)
        }
    }

    /// The rule of the field a file key names (an unknown key: one line of 1,000).
    public static func rule(_ key: String) -> TextRule { FundingAgreementField(rawValue: key)?.rule ?? .line(1_000) }

    /// The choices of a field picked from a list; empty for typed fields.
    public var choices: [String] {
        switch self {
        case .mechanism: FundingMechanism.allCases.map(\.rawValue)
        case .fullCostRecovery: CostRecovery.allCases.map(\.rawValue)
        case .monitoringFrequency: MonitoringFrequency.allCases.map(\.rawValue)
        default: []
        }
    }

    /// One line, as a user reads and types it ("" when unset).
    public func value(of a: FundingAgreement) -> String {
        func number(_ v: Double?) -> String { v.map(Number.format) ?? "" }
        switch self {
        case .title: return a.title
        case .funder: return a.funder
        case .organisation: return a.organisation
        case .area: return a.area ?? ""
        case .mechanism: return a.mechanism?.rawValue ?? ""
        case .amount: return number(a.amount)
        case .start: return a.start?.iso ?? ""
        case .termYears: return number(a.termYears)
        case .termReason: return a.termReason
        case .noticeMonths: return number(a.noticeMonths)
        case .fullCostRecovery: return a.fullCostRecovery?.rawValue ?? ""
        case .costRecoveryReason: return a.costRecoveryReason
        case .monitoring: return a.monitoring
        case .monitoringFrequency: return a.monitoringFrequency?.rawValue ?? ""
        case .riskSharing: return a.riskSharing
        case .fairPrice: return a.fairPrice
        case .actions: return a.actions.joined(separator: ", ")
        case .source: return a.source
        case .notes: return a.notes
        }
    }
}

/// Setting an agreement's fields from typed text, checking a whole one and comparing two
/// versions: what the agreement form and `pathfinder agreement` follow (as `ActionEdit`).
public enum FundingAgreementEdit {
    /// Sets one field from what a user typed. Throws `RecordProblem`, leaving the field as it was.
    public static func set(_ field: FundingAgreementField, to text: String, on a: inout FundingAgreement,
                           areas: [Area], today: Day) throws {
        let t = ActionEdit.trim(text)
        func fail(_ message: String) -> RecordProblem<FundingAgreementField> { RecordProblem(field: field, message: message) }
        if let problem = field.rule.problem(text) { throw fail(problem) }
        func number() throws -> Double? {
            if t.isEmpty { return nil }
            guard let v = Double(t.filter { $0 != "," && $0 != "£" }), v.isFinite, v >= 0 else {
                throw fail("\(Quote.value(t)) is not a number of 0 or more")
            }
            return v
        }
        func choice<T: RawRepresentable & CaseIterable>(_: T.Type) throws -> T? where T.RawValue == String {
            if t.isEmpty { return nil }
            let wanted = String(ActionEdit.fold(t).map { $0 == " " ? "-" : $0 })
            guard let v = T.allCases.first(where: { $0.rawValue == wanted }) else {
                throw fail("\(Quote.value(t)) is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return v
        }
        switch field {
        case .title:
            guard !t.isEmpty else { throw fail("a title is needed") }
            a.title = t
        case .funder: a.funder = t
        case .organisation: a.organisation = t
        case .area:
            if t.isEmpty { a.area = nil; return }
            let wanted = ActionEdit.fold(t)
            guard let area = areas.first(where: { ActionEdit.fold($0.id) == wanted || ActionEdit.fold($0.name) == wanted }) else {
                throw fail("\(Quote.value(t)) is not one of the store's areas")
            }
            a.area = area.id
        case .mechanism: a.mechanism = try choice(FundingMechanism.self)
        case .amount: a.amount = try number()
        case .start:
            if t.isEmpty { a.start = nil; return }
            guard let day = DateInput.parse(t, today: today) else { throw fail("\(Quote.value(t)) is not a date (e.g. 2007-04-01)") }
            a.start = day
        case .termYears: a.termYears = try number()
        case .termReason: a.termReason = t
        case .noticeMonths: a.noticeMonths = try number()
        case .fullCostRecovery:
            let folded = ActionEdit.fold(t)
            a.fullCostRecovery = folded == "true" ? .yes : folded == "false" ? .no : try choice(CostRecovery.self)
        case .costRecoveryReason: a.costRecoveryReason = t
        case .monitoring: a.monitoring = t
        case .monitoringFrequency: a.monitoringFrequency = try choice(MonitoringFrequency.self)
        case .riskSharing: a.riskSharing = t
        case .fairPrice: a.fairPrice = t
        case .actions: a.actions = t.split(separator: ",").map { ActionEdit.trim(String($0)).uppercased() }.filter { !$0.isEmpty }
        case .source: a.source = t
        case .notes: a.notes = text
        }
    }

    /// Whole-agreement checks before anything is written: nothing here means it may be saved.
    public static func problems(_ a: FundingAgreement, actions: Set<String>) -> [RecordProblem<FundingAgreementField>] {
        var problems: [RecordProblem<FundingAgreementField>] = []
        if ActionEdit.trim(a.title).isEmpty { problems.append(RecordProblem(field: .title, message: "a title is needed")) }
        for id in a.actions where !actions.contains(id) {
            problems.append(RecordProblem(field: .actions, message: "there is no action \(Quote.value(id))"))
        }
        return problems
    }

    public static func changes(from old: FundingAgreement, to new: FundingAgreement) -> [RecordFieldChange<FundingAgreementField>] {
        FundingAgreementField.allCases.compactMap { field in
            let a = field.value(of: old), b = field.value(of: new)
            return a == b ? nil : RecordFieldChange(field: field, old: a, new: b)
        }
    }

    /// Sets one field of `record` to the value `source` has (a merge's "keep mine").
    public static func take(_ field: FundingAgreementField, from source: FundingAgreement, into record: inout FundingAgreement) {
        switch field {
        case .title: record.title = source.title
        case .funder: record.funder = source.funder
        case .organisation: record.organisation = source.organisation
        case .area: record.area = source.area
        case .mechanism: record.mechanism = source.mechanism
        case .amount: record.amount = source.amount
        case .start: record.start = source.start
        case .termYears: record.termYears = source.termYears
        case .termReason: record.termReason = source.termReason
        case .noticeMonths: record.noticeMonths = source.noticeMonths
        case .fullCostRecovery: record.fullCostRecovery = source.fullCostRecovery
        case .costRecoveryReason: record.costRecoveryReason = source.costRecoveryReason
        case .monitoring: record.monitoring = source.monitoring
        case .monitoringFrequency: record.monitoringFrequency = source.monitoringFrequency
        case .riskSharing: record.riskSharing = source.riskSharing
        case .fairPrice: record.fairPrice = source.fairPrice
        case .actions: record.actions = source.actions
        case .source: record.source = source.source
        case .notes: record.notes = source.notes
        }
    }

    /// The agreement an action's `funding` shorthand describes: its terms, the action linked,
    /// its lead body as the organisation funded (para 3.2's mechanisms are not in the shorthand).
    public static func fromShorthand(_ action: Action, funder: String) -> FundingAgreement? {
        guard let f = action.funding else { return nil }
        return FundingAgreement(id: "", title: action.title, funder: funder, organisation: action.leadBody, area: action.area,
                                amount: f.amount, start: action.start, termYears: f.termYears, noticeMonths: f.noticeMonths,
                                fullCostRecovery: f.fullCostRecovery.map { $0 ? .yes : .no }, actions: [action.id],
                                source: action.source, notes: "Made from the funding terms recorded on \(action.id).")
    }
}

extension RecordMerge {
    /// Field by field, as actions: the linked actions merge as a list (both sides' links kept).
    public static func merge(base: FundingAgreement, mine: FundingAgreement, theirs: FundingAgreement) -> Merged<FundingAgreement> {
        fieldwise(base: base, mine: mine, theirs: theirs, fields: FundingAgreementField.allCases, key: \.rawValue, label: \.label,
                  value: { $0.value(of: $1) }, take: { FundingAgreementEdit.take($0, from: $1, into: &$2) }) { field, merged in
            guard field == .actions else { return false }
            merged.actions = ListMerge.merge(base: base.actions, mine: mine.actions, theirs: theirs.actions)
            return true
        }
    }

    public static func take(_ key: String, from source: FundingAgreement, into record: inout FundingAgreement) {
        if let field = FundingAgreementField(rawValue: key) { FundingAgreementEdit.take(field, from: source, into: &record) }
    }
}
