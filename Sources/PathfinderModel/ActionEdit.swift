/// Every field of an action a user can set, by the key the store's files use for it (dotted for
/// the indicator's and the funding's parts). Progress notes are not a field: they are added
/// (`ActionEdit.notesAdded`), never set.
public enum ActionField: String, CaseIterable, Sendable {
    case title, theme, successFactors = "success-factors", lead, leadBody = "lead-body", partners, status, rag, start, due,
         milestones, dependsOn = "depends-on"
    case indicatorName = "indicator.name", indicatorBaseline = "indicator.baseline", indicatorTarget = "indicator.target",
         indicatorCurrent = "indicator.current", indicatorUnit = "indicator.unit"
    case fundingAmount = "funding.amount", fundingTerm = "funding.term-years", fundingNotice = "funding.notice-months",
         fundingFullCostRecovery = "funding.full-cost-recovery"
    case caseStudies = "case-studies", reviewed, source, description

    /// For forms and messages.
    public var label: String {
        switch self {
        case .title: "Title"
        case .theme: "Theme"
        case .successFactors: "Success factors"
        case .lead: "Lead"
        case .leadBody: "Lead body"
        case .partners: "Partners"
        case .status: "Status"
        case .rag: "RAG"
        case .start: "Start"
        case .due: "Due"
        case .milestones: "Milestones"
        case .dependsOn: "Depends on"
        case .indicatorName: "Indicator"
        case .indicatorBaseline: "Baseline"
        case .indicatorTarget: "Target"
        case .indicatorCurrent: "Current"
        case .indicatorUnit: "Unit"
        case .fundingAmount: "Funding (£ a year)"
        case .fundingTerm: "Term (years)"
        case .fundingNotice: "Notice (months)"
        case .fundingFullCostRecovery: "Full cost recovery"
        case .caseStudies: "Case studies"
        case .reviewed: "Reviewed"
        case .source: "Source"
        case .description: "Description"
        }
    }

    /// The field a key names: the store's key (`lead-body`, `funding.term-years`), the label
    /// ("Lead body"), or a forgiving variant (`lead_body`, `leadbody`, `term`, `factors`).
    public init?(key: String) {
        if let exact = ActionField(rawValue: key) {
            self = exact
            return
        }
        func squash(_ s: String) -> String { String(s.lowercased().filter { $0.isLetter || $0.isNumber }) }
        let wanted = squash(key)
        let aliases: [String: ActionField] = [
            "factors": .successFactors, "successfactor": .successFactors, "body": .leadBody, "casestudy": .caseStudies,
            "indicator": .indicatorName, "baseline": .indicatorBaseline, "target": .indicatorTarget, "current": .indicatorCurrent,
            "unit": .indicatorUnit, "amount": .fundingAmount, "term": .fundingTerm, "termyears": .fundingTerm,
            "notice": .fundingNotice, "noticemonths": .fundingNotice, "fullcostrecovery": .fundingFullCostRecovery,
            "fcr": .fundingFullCostRecovery, "dependencies": .dependsOn, "waitson": .dependsOn, "ragrating": .rag, "duedate": .due, "startdate": .start,
        ]
        if let alias = aliases[wanted] {
            self = alias
            return
        }
        guard let match = ActionField.allCases.first(where: { squash($0.rawValue) == wanted || squash($0.label) == wanted }) else {
            return nil
        }
        self = match
    }

    /// One line, as a user reads it ("" when unset). Catalogue ids are shown by label when a
    /// catalogue is given.
    public func value(of a: Action, catalogue: Catalogue? = nil) -> String {
        func number(_ v: Double?) -> String { v.map(ActionEdit.format) ?? "" }
        switch self {
        case .title: return a.title
        case .theme: return catalogue?.theme(a.theme)?.label ?? a.theme
        case .successFactors: return a.successFactors.map { catalogue?.successFactor($0)?.label ?? $0 }.joined(separator: ", ")
        case .lead: return a.lead
        case .leadBody: return a.leadBody
        case .partners: return a.partners.joined(separator: ", ")
        case .status: return catalogue?.status(a.status)?.label ?? a.status
        case .rag: return a.rag.label
        case .start: return a.start?.iso ?? ""
        case .due: return a.due?.iso ?? ""
        case .milestones:
            return a.milestones.map { ($0.done ? "[x] " : "[ ] ") + $0.title + ($0.due.map { " (\($0.iso))" } ?? "") }
                .joined(separator: "; ")
        case .dependsOn: return a.dependsOn.joined(separator: ", ")
        case .indicatorName: return a.indicator?.name ?? ""
        case .indicatorBaseline: return number(a.indicator?.baseline)
        case .indicatorTarget: return number(a.indicator?.target)
        case .indicatorCurrent: return number(a.indicator?.current)
        case .indicatorUnit: return a.indicator?.unit ?? ""
        case .fundingAmount: return number(a.funding?.amount)
        case .fundingTerm: return number(a.funding?.termYears)
        case .fundingNotice: return number(a.funding?.noticeMonths)
        case .fundingFullCostRecovery: return a.funding?.fullCostRecovery.map { $0 ? "yes" : "no" } ?? ""
        case .caseStudies: return a.caseStudies.joined(separator: ", ")
        case .reviewed: return a.reviewed?.iso ?? ""
        case .source: return a.source
        case .description: return a.description
        }
    }
}

/// A problem with a value, fit to show beside its field or on one line of the command line.
public struct FieldProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: ActionField
    public var message: String

    public init(field: ActionField, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field.rawValue): \(message)" }
}

/// One field's change, as users read it: "status: In progress → Done". An action's field
/// changes are the same value as any record's.
public typealias FieldChange = RecordFieldChange<ActionField>

/// Setting fields from typed text, checking a whole action, and comparing two versions: the
/// one set of rules the form, the quick updates, the meeting and the command line share.
public enum ActionEdit {
    /// Sets one field from what a user typed, checked against the catalogue (ids or labels for
    /// status, RAG, theme and success factors; dates through `DateInput`; numbers; lists
    /// comma-separated). An empty text clears an optional field. Throws `FieldProblem`.
    public static func set(_ field: ActionField, to text: String, on action: inout Action, catalogue: Catalogue, today: Day) throws {
        let t = trim(text)
        func fail(_ message: String) -> FieldProblem { FieldProblem(field: field, message: message) }
        if let problem = field.rule.problem(text) { throw fail(problem) }
        func date() throws -> Day? {
            if t.isEmpty { return nil }
            guard let day = DateInput.parse(t, today: today) else { throw fail("\(Quote.value(t)) is not a date (\(DateInput.hint))") }
            return day
        }
        func number() throws -> Double? {
            if t.isEmpty { return nil }
            guard let value = Double(t.filter { $0 != "," && $0 != "£" && $0 != "%" }), value.isFinite else {
                throw fail("\(Quote.value(t)) is not a number")
            }
            return value
        }
        func list() -> [String] { t.split(separator: ",").map { trim(String($0)) }.filter { !$0.isEmpty } }
        func entry(_ entries: [CatalogueEntry], _ what: String) throws -> String {
            let wanted = fold(t)
            if let e = entries.first(where: { fold($0.id) == wanted || fold($0.label) == wanted }) { return e.id }
            throw fail("unknown \(what) \(Quote.value(t)) (\(Quote.choices(entries.map(\.id), noun: what + "s")))")
        }
        switch field {
        case .title:
            guard !t.isEmpty else { throw fail("a title is needed") }
            action.title = t
        case .theme:
            guard !t.isEmpty else { throw fail("a theme is needed") }
            action.theme = catalogue.themes.isEmpty ? t : try entry(catalogue.themes, "theme")
        case .successFactors:
            action.successFactors = try list().map { item in
                let wanted = fold(item)
                guard let f = catalogue.successFactors.first(where: { fold($0.id) == wanted || fold($0.label) == wanted }) else {
                    throw fail("unknown success factor \(Quote.value(item)) (\(Quote.choices(catalogue.successFactors.map(\.id), noun: "success factors")))")
                }
                return f.id
            }
        case .lead:
            guard !t.isEmpty else { throw fail("a lead is needed") }
            action.lead = t
        case .leadBody: action.leadBody = t
        case .partners: action.partners = list()
        case .status:
            let wanted = fold(t)
            guard let s = catalogue.statuses.first(where: { fold($0.id) == wanted || fold($0.label) == wanted }) else {
                throw fail("unknown status \(Quote.value(t)) (\(Quote.choices(catalogue.statuses.map(\.id), noun: "statuses")))")
            }
            action.status = s.id
        case .rag:
            let wanted = fold(t)
            guard let rag = RAG.allCases.first(where: { $0.rawValue == wanted || fold($0.letter) == wanted }) else {
                throw fail("\(Quote.value(t)) is not a RAG rating (red, amber or green)")
            }
            action.rag = rag
        case .start: action.start = try date()
        case .due: action.due = try date()
        case .reviewed: action.reviewed = try date()
        case .milestones:
            // "Title (2007-03-31); [x] Done one" — as `value(of:)` writes them.
            action.milestones = try t.split(separator: ";").map { trim(String($0)) }.filter { !$0.isEmpty }.map {
                try milestone($0, today: today)
            }
        case .indicatorName:
            if t.isEmpty {
                action.indicator = nil
            } else {
                var i = action.indicator ?? Indicator(name: t, baseline: 0, target: 0)
                i.name = t
                action.indicator = i
            }
        case .indicatorBaseline, .indicatorTarget, .indicatorCurrent, .indicatorUnit:
            // Setting a part of an indicator makes one if there is none; it needs a name to save.
            // Clearing a part of no indicator leaves none (a form applying every field on save
            // must not invent an empty indicator).
            if t.isEmpty && action.indicator == nil { break }
            var i = action.indicator ?? Indicator(name: "", baseline: 0, target: 0)
            switch field {
            case .indicatorBaseline: i.baseline = try number() ?? 0
            case .indicatorTarget: i.target = try number() ?? 0
            case .indicatorCurrent: i.current = try number()
            default: i.unit = t
            }
            action.indicator = i
        case .fundingAmount, .fundingTerm, .fundingNotice, .fundingFullCostRecovery:
            var f = action.funding ?? Funding()
            switch field {
            case .fundingAmount: f.amount = try number()
            case .fundingTerm: f.termYears = try number()
            case .fundingNotice: f.noticeMonths = try number()
            default:
                switch fold(t) {
                case "": f.fullCostRecovery = nil
                case "yes", "y", "true": f.fullCostRecovery = true
                case "no", "n", "false": f.fullCostRecovery = false
                default: throw fail("say yes or no")
                }
            }
            action.funding = f == Funding() ? nil : f
        case .caseStudies: action.caseStudies = list()
        case .dependsOn:
            // Ids are written as the files name them (PO-04), whatever case was typed.
            let ids = list().map { $0.uppercased() }
            if ids.contains(action.id) { throw fail("an action cannot wait on itself") }
            action.dependsOn = ids.reduce(into: []) { seen, id in if !seen.contains(id) { seen.append(id) } }
        case .source: action.source = t
        case .description: action.description = text
        }
    }

    /// One milestone as typed: "[x] Title (2007-03-31)", the tick and the date optional.
    public static func milestone(_ item: String, today: Day) throws -> Milestone {
        func fail(_ message: String) -> FieldProblem { FieldProblem(field: .milestones, message: message) }
        var rest = trim(item)
        var done = false
        if rest.lowercased().hasPrefix("[x]") {
            done = true
            rest = trim(String(rest.dropFirst(3)))
        } else if rest.hasPrefix("[ ]") {
            rest = trim(String(rest.dropFirst(3)))
        }
        var due: Day?
        if rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") {
            let inside = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
            guard let day = DateInput.parse(inside, today: today) else { throw fail("\(Quote.value(inside)) is not a date (\(DateInput.hint))") }
            due = day
            rest = trim(String(rest[..<open]))
        }
        guard !rest.isEmpty else { throw fail("a milestone needs a title") }
        return Milestone(title: rest, due: due, done: done)
    }

    /// Whole-action checks before anything is written (the same rules `pathfinder check`
    /// applies to one file): nothing here means it is fine to save.
    public static func problems(_ a: Action, catalogue: Catalogue) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        func add(_ field: ActionField, _ message: String) { problems.append(FieldProblem(field: field, message: message)) }
        if trim(a.title).isEmpty { add(.title, "a title is needed") }
        if trim(a.theme).isEmpty {
            add(.theme, "a theme is needed")
        } else if !catalogue.themes.isEmpty, catalogue.theme(a.theme) == nil {
            add(.theme, "unknown theme \"\(Quote.short(a.theme))\" (see the themes in pathfinder.yaml)")
        }
        if trim(a.lead).isEmpty { add(.lead, "a lead is needed") }
        if catalogue.status(a.status) == nil {
            add(.status, "unknown status \"\(Quote.short(a.status))\" (expected \(Quote.choices(catalogue.statuses.map(\.id), noun: "statuses")))")
        }
        for factor in a.successFactors where !catalogue.successFactors.isEmpty && catalogue.successFactor(factor) == nil {
            add(.successFactors, "unknown success factor \"\(Quote.short(factor))\"")
        }
        if let start = a.start, let due = a.due, due < start {
            add(.due, "due date \(due.iso) is before the start date \(start.iso)")
        }
        if a.milestones.contains(where: { trim($0.title).isEmpty }) { add(.milestones, "a milestone needs a title") }
        if a.dependsOn.contains(a.id) { add(.dependsOn, "an action cannot wait on itself") }
        if let i = a.indicator, trim(i.name).isEmpty { add(.indicatorName, "an indicator needs a name") }
        return problems
    }

    /// The fields that differ, in form order, with old and new values as users read them.
    public static func changes(from old: Action, to new: Action, catalogue: Catalogue? = nil) -> [FieldChange] {
        ActionField.allCases.compactMap { field in
            let a = field.value(of: old, catalogue: catalogue)
            let b = field.value(of: new, catalogue: catalogue)
            // Milestones compare whole (a due date or tick inside one is a change too).
            if field == .milestones { return old.milestones == new.milestones ? nil : FieldChange(field: field, old: a, new: b) }
            return a == b ? nil : FieldChange(field: field, old: a, new: b)
        }
    }

    /// Progress notes in `new` that `old` does not have.
    public static func notesAdded(from old: Action, to new: Action) -> [ProgressEntry] {
        new.progress.filter { !old.progress.contains($0) }
    }

    /// Copies one field's value from `source` into `target` (the conflict view's "take this one").
    public static func take(_ field: ActionField, from source: Action, into target: inout Action) {
        switch field {
        case .title: target.title = source.title
        case .theme: target.theme = source.theme
        case .successFactors: target.successFactors = source.successFactors
        case .lead: target.lead = source.lead
        case .leadBody: target.leadBody = source.leadBody
        case .partners: target.partners = source.partners
        case .status: target.status = source.status
        case .rag: target.rag = source.rag
        case .start: target.start = source.start
        case .due: target.due = source.due
        case .milestones: target.milestones = source.milestones
        case .dependsOn: target.dependsOn = source.dependsOn
        case .indicatorName, .indicatorBaseline, .indicatorTarget, .indicatorCurrent, .indicatorUnit:
            guard let from = source.indicator else {
                target.indicator = nil
                return
            }
            var into = target.indicator ?? Indicator(name: from.name, baseline: from.baseline, target: from.target)
            switch field {
            case .indicatorName: into.name = from.name
            case .indicatorBaseline: into.baseline = from.baseline
            case .indicatorTarget: into.target = from.target
            case .indicatorCurrent: into.current = from.current
            default: into.unit = from.unit
            }
            target.indicator = into
        case .fundingAmount, .fundingTerm, .fundingNotice, .fundingFullCostRecovery:
            var into = target.funding ?? Funding()
            let from = source.funding ?? Funding()
            switch field {
            case .fundingAmount: into.amount = from.amount
            case .fundingTerm: into.termYears = from.termYears
            case .fundingNotice: into.noticeMonths = from.noticeMonths
            default: into.fullCostRecovery = from.fullCostRecovery
            }
            target.funding = into == Funding() ? nil : into
        case .caseStudies: target.caseStudies = source.caseStudies
        case .reviewed: target.reviewed = source.reviewed
        case .source: target.source = source.source
        case .description: target.description = source.description
        }
    }

    /// 12 for 12.0, 7.5 for 7.5: numbers as people write them.
    static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    static func trim(_ s: String) -> String {
        var slice = Substring(s)
        while let c = slice.first, c.isWhitespace { slice.removeFirst() }
        while let c = slice.last, c.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    /// Lowercased, with spaces, dashes and underscores dropped: "In progress" = "in-progress".
    static func fold(_ s: String) -> String {
        String(s.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" })
    }
}

extension Action {
    /// The action as saved by `user` on `day`.
    public func stamped(by user: String, on day: Day) -> Action {
        var copy = self
        copy.updated = day
        copy.updatedBy = user
        return copy
    }
}
