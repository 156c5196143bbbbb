/// A step towards an action's goal, ticked when met.
public struct Milestone: Hashable, Sendable {
    public var title: String
    public var due: Day?
    public var done: Bool

    public init(title: String, due: Day? = nil, done: Bool = false) {
        self.title = title
        self.due = due
        self.done = done
    }
}

/// A measurable target, e.g. a recycling rate going from 7% to 12% (para 2.24 box).
public struct Indicator: Hashable, Sendable {
    public var name: String
    public var baseline: Double
    public var target: Double
    public var current: Double?
    public var unit: String
    /// Which way is better; nil: towards the target from the baseline.
    public var direction: IndicatorDirection?
    /// The Local Area Agreement target it serves, if any (paras 4.4-4.5).
    public var laaTarget: String
    /// Measurements over time, oldest first (`IndicatorReadings.swift`).
    public var readings: [IndicatorReading]

    public init(name: String, baseline: Double, target: Double, current: Double? = nil, unit: String = "",
                direction: IndicatorDirection? = nil, laaTarget: String = "", readings: [IndicatorReading] = []) {
        self.name = name
        self.baseline = baseline
        self.target = target
        self.current = current
        self.unit = unit
        self.direction = direction
        self.laaTarget = laaTarget
        self.readings = readings
    }

    /// Share of the way from baseline to target, clamped to 0...1 (works for falling targets too).
    public var progress: Double? {
        guard let current, target != baseline else { return nil }
        return min(1, max(0, (current - baseline) / (target - baseline)))
    }
}

/// The terms on which a third sector organisation is funded, checked against the Compact.
public struct Funding: Hashable, Sendable {
    /// Pounds sterling per year.
    public var amount: Double?
    public var termYears: Double?
    public var noticeMonths: Double?
    public var fullCostRecovery: Bool?

    public init(amount: Double? = nil, termYears: Double? = nil, noticeMonths: Double? = nil,
                fullCostRecovery: Bool? = nil) {
        self.amount = amount
        self.termYears = termYears
        self.noticeMonths = noticeMonths
        self.fullCostRecovery = fullCostRecovery
    }
}

/// One dated entry in an action's progress log: who said what, when.
public struct ProgressEntry: Hashable, Sendable {
    public var date: Day
    public var author: String
    public var text: String

    public init(date: Day, author: String, text: String) {
        self.date = date
        self.author = author
        self.text = text
    }
}

/// One thing an area's partnership intends to do: who leads it, by when, how it is going.
public struct Action: Hashable, Sendable, Identifiable {
    public var id: String
    /// The area whose action plan holds this action (the folder it lives in).
    public var area: String
    public var title: String
    public var theme: String
    public var successFactors: [String]
    public var lead: String
    public var leadBody: String
    public var partners: [String]
    public var status: String
    public var rag: RAG
    public var start: Day?
    public var due: Day?
    public var milestones: [Milestone]
    public var indicator: Indicator?
    public var funding: Funding?
    public var caseStudies: [String]
    /// Ids of the actions this one waits on (`depends-on: [PO-04]`): it cannot finish before they do.
    public var dependsOn: [String]
    /// Last reviewed at a meeting or by its lead.
    public var reviewed: Day?
    public var updated: Day?
    public var updatedBy: String
    /// Where in the seed document (or other source) the action rests, e.g. "para 2.24".
    public var source: String
    public var description: String
    /// In date order, oldest first, as in the file.
    public var progress: ProgressLog
    /// False when the action was read without its long texts (`withoutLongTexts()`): then
    /// `description` is empty and `progress` holds only the latest note. Such an action is
    /// never written back (the store refuses it), since the file would lose what it left out.
    public private(set) var longTextsRead = true

    public init(id: String, area: String, title: String, theme: String = "",
                successFactors: [String] = [], lead: String = "", leadBody: String = "",
                partners: [String] = [], status: String = "not-started", rag: RAG = .green,
                start: Day? = nil, due: Day? = nil, milestones: [Milestone] = [],
                indicator: Indicator? = nil, funding: Funding? = nil, caseStudies: [String] = [],
                dependsOn: [String] = [], reviewed: Day? = nil, updated: Day? = nil, updatedBy: String = "", source: String = "",
                description: String = "", progress: ProgressLog = []) {
        self.id = id
        self.area = area
        self.title = title
        self.theme = theme
        self.successFactors = successFactors
        self.lead = lead
        self.leadBody = leadBody
        self.partners = partners
        self.status = status
        self.rag = rag
        self.start = start
        self.due = due
        self.milestones = milestones
        self.indicator = indicator
        self.funding = funding
        self.caseStudies = caseStudies
        self.dependsOn = dependsOn
        self.reviewed = reviewed
        self.updated = updated
        self.updatedBy = updatedBy
        self.source = source
        self.description = description
        self.progress = progress
    }

    /// The action without its description and all but its latest progress note: what a read
    /// that needs no long texts keeps (`pathfinder check` holds 52,500 actions, whose notes and
    /// descriptions are three quarters of their memory). The latest note stays, so the
    /// latest progress and the last update are still right. It cannot be saved.
    public func withoutLongTexts() -> Action {
        var lean = self
        lean.dropLongTexts(keeping: ProgressLog(progress.latest.map { [$0] } ?? []))
        return lean
    }

    /// `withoutLongTexts()` in place, keeping `progress` as the log: for a reader that has
    /// already chosen which notes to keep (the latest among them), without copying the action.
    public mutating func dropLongTexts(keeping progress: ProgressLog) {
        description = ""
        self.progress = progress
        longTextsRead = false
    }

    /// The latest progress entry (by date; the last written wins a tie).
    public var latestProgress: ProgressEntry? { progress.latest }

    /// The date of the last thing that happened to the action: an update or a progress note.
    public var lastUpdate: Day? {
        [updated, progress.latestDate].compactMap { $0 }.max()
    }

    /// Overdue: past its due date on `asOf` and not in a closed status (done, dropped).
    public func isOverdue(asOf: Day, catalogue: Catalogue) -> Bool {
        guard let due, !catalogue.isClosed(status: status) else { return false }
        return due < asOf
    }
}
