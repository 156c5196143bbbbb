import PathfinderModel

/// One action as a report lists it: enough to read it without opening the store.
public struct ReportAction: Hashable, Sendable {
    public var id: String
    public var area: String
    public var areaName: String
    public var title: String
    public var lead: String
    /// The lead body as people read it: an organisation's name where the action holds its id.
    public var leadBody: String
    public var status: String
    public var statusLabel: String
    public var closed: Bool
    public var rag: RAG
    public var due: Day?
    /// Days past the due date on the as-of day; nil when not overdue.
    public var daysOverdue: Int?
    public var latestNote: ProgressEntry?
    public var reviewed: Day?
    public var updated: Day?

    /// `a` is borrowed: an initialiser otherwise takes its argument owned.
    public init(_ a: borrowing Action, areaName: String, asOf: Day, catalogue: Catalogue, leadBodyName: String? = nil) {
        id = a.id
        area = a.area
        self.areaName = areaName
        title = a.title
        lead = a.lead
        leadBody = leadBodyName ?? a.leadBody
        status = a.status
        statusLabel = catalogue.status(a.status)?.label ?? a.status
        closed = catalogue.isClosed(status: a.status)
        rag = a.rag
        due = a.due
        daysOverdue = a.isOverdue(asOf: asOf, catalogue: catalogue) ? a.due.map { $0.days(until: asOf) } : nil
        latestNote = a.latestProgress
        reviewed = a.reviewed
        updated = a.updated
    }
}

/// How many actions are in one status.
public struct StatusCount: Hashable, Sendable {
    public var status: String
    public var label: String
    public var closed: Bool
    public var count: Int
}

/// The day an area's "what changed" starts, and why that day.
public struct SincePoint: Hashable, Sendable {
    public enum Basis: Hashable, Sendable {
        /// Given on the command line.
        case given
        /// The area's last meeting on or before the as-of day.
        case meeting(id: String, title: String)
        /// No meeting to go by: a fixed number of days before the as-of day.
        case daysBefore(Int)
    }

    public var area: String
    public var areaName: String
    public var since: Day
    public var basis: Basis

    public var explanation: String {
        switch basis {
        case .given: "as asked"
        case let .meeting(_, title): "last meeting: \(title)"
        case let .daysBefore(n): "no meeting yet: \(n) days before the as-of date"
        }
    }
}

/// One thing that happened to an action on or after its area's since day.
public struct ReportChange: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// A progress note was added.
        case note
        /// A meeting changed a field (field, old, new).
        case field
        /// A meeting created the action.
        case created
        /// A meeting decided something under the action (the decisions register's entries).
        case decision
        /// The file was saved (by the screens or a command) with no note or meeting change that day.
        case updated
    }

    public var date: Day
    public var action: String
    public var area: String
    public var title: String
    public var kind: Kind
    /// Who: the note's author, the meeting's title, or who last saved the action.
    public var by: String
    public var field: String
    public var old: String
    public var new: String
    /// The note's text, or a sentence describing the change.
    public var text: String
}

/// An action's indicator and how far it has come.
public struct ReportIndicator: Hashable, Sendable {
    public var action: String
    public var area: String
    public var title: String
    public var indicator: Indicator
    /// Against the action's start and due dates (`Indicator.course`).
    public var course: IndicatorCourse
    /// The action's due date: when the target is meant to be reached.
    public var due: Day?
    public var progress: Double? { indicator.progress }
}

/// A milestone not yet done and due by the end of the coming period (including any already late).
public struct ReportMilestone: Hashable, Sendable {
    public var action: String
    public var area: String
    public var actionTitle: String
    public var title: String
    public var due: Day
    public var late: Bool
}

/// A steering group's highlight report for one area or all: built once from the store as a
/// value, then rendered in any format, so every format says the same thing.
public struct HighlightReport: Hashable, Sendable {
    /// Milestones due within this many days of the as-of day are "due in the next period".
    public static let periodDays = 30
    /// With no meeting to measure from, "what changed" starts this many days before the as-of day.
    public static let defaultSinceDays = 30

    public var partnership: String
    /// Nil for all areas.
    public var area: String?
    public var scope: String
    public var asOf: Day
    public var periodEnd: Day
    public var since: [SincePoint]
    public var totalActions: Int
    public var openActions: Int
    public var statusCounts: [StatusCount]
    /// Open actions only: a done action's rating is history.
    public var rag: RAGCount
    /// Every action in scope, in area then id order (the CSV's rows).
    public var actions: [ReportAction]
    public var overdue: [ReportAction]
    /// Open red actions, then open amber ones.
    public var redAndAmber: [ReportAction]
    public var changes: [ReportChange]
    public var indicators: [ReportIndicator]
    public var milestones: [ReportMilestone]
    /// The pictures: RAG by area, RAG over time, each area's open actions on a time line.
    public var charts: HighlightCharts

    /// Builds the report. `area` nil covers every area; `since` nil measures each area from its
    /// own last meeting on or before `asOf`, or from `defaultSinceDays` before `asOf` when it
    /// has none. `charts` false leaves the charts empty, for the formats that have none (JSON
    /// and CSV): at 52,500 actions they cost more than the rest of the report.
    public static func build(_ p: Partnership, area: String? = nil, since: Day? = nil, asOf: Day,
                             history: RAGHistoryTable? = nil, charts: Bool = true) -> HighlightReport {
        let catalogue = p.catalogue
        let areas = area.map { id in p.areas.filter { $0.id == id } } ?? p.areas
        let areaIDs = Set(areas.map(\.id))
        let names = Dictionary(p.areas.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let order = Dictionary(p.areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var inScope = p.actions
        // Read where they lie (a closure's `$0`, or `inScope[i].area`, copied each whole action).
        let outside = inScope.withUnsafeBufferPointer { actions in actions.indices.contains { order[actions[$0].area] == nil } }
        if area != nil || outside { inScope = inScope.filter { areaIDs.contains($0.area) } }
        // A store's actions come in this order already (areas by name, then ids): sorting, or
        // even filtering, 52,500 of them copies each whole, so it is done only when needed.
        let inOrder = inScope.withUnsafeBufferPointer { actions in
            actions.indices.dropFirst().allSatisfy { i in
                (order[actions[i - 1].area] ?? Int.max, actions[i - 1].id) < (order[actions[i].area] ?? Int.max, actions[i].id)
            }
        }
        if !inOrder { inScope.sort { (order[$0.area] ?? Int.max, $0.id) < (order[$1.area] ?? Int.max, $1.id) } }
        // `Partnership.organisationName` looks through every organisation: 52,500 times 14,000
        // was a second of the national report (issue 14). The first of an id wins, as there.
        let bodies = Dictionary(p.organisations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // The loops below read the actions and rows where they lie, through buffer pointers:
        // `for a in inScope`, and even `inScope[i].field`, copied each whole action, retaining
        // its two dozen strings and arrays, in each of six loops: a fifth of the national
        // report's time (issue 14).
        // A national store's 52,500 rows are made on both cores.
        let actions = inScope
        let rows = Parallel.map(count: actions.count, on: actions.count >= Self.rowsMadeApart ? Parallel.sharedPool : Parallel.inOrder) { i in
            ReportAction(actions[i], areaName: names[actions[i].area] ?? actions[i].area, asOf: asOf, catalogue: catalogue,
                         leadBodyName: bodies[actions[i].leadBody] ?? actions[i].leadBody)
        }
        func eachAction(_ body: (UnsafeBufferPointer<Action>, UnsafeBufferPointer<ReportAction>) -> Void) {
            inScope.withUnsafeBufferPointer { actions in rows.withUnsafeBufferPointer { rows in body(actions, rows) } }
        }

        let starts = Self.sincePoints(areas, meetings: p.meetings, since: since, asOf: asOf)
        let sinceByArea = Dictionary(starts.map { ($0.area, $0.since) }, uniquingKeysWith: { a, _ in a })

        var statusCounts = catalogue.statuses.map { StatusCount(status: $0.id, label: $0.label, closed: $0.closed, count: 0) }
        var rag = RAGCount()
        eachAction { _, rows in
            for row in rows.indices {
                if let i = statusCounts.firstIndex(where: { $0.status == rows[row].status }) {
                    statusCounts[i].count += 1
                } else {
                    // A status the catalogue does not know (check reports it) still counts, under its id.
                    statusCounts.append(StatusCount(status: rows[row].status, label: rows[row].status, closed: false, count: 1))
                }
                if !rows[row].closed { rag.add(rows[row].rag) }
            }
        }

        // Sorted as positions, then copied once: sorting the rows themselves moved each whole
        // row (a dozen strings) at every step, a sixth of the national report (issue 14).
        let overdue = ordered(rows, rows.indices.filter { rows[$0].daysOverdue != nil }) { i, j in
            (rows[i].due!, rows[i].id) < (rows[j].due!, rows[j].id)
        }
        let redAndAmber = ordered(rows, rows.indices.filter { !rows[$0].closed && rows[$0].rag != .green }) { i, j in
            (rows[i].rag.urgency, rows[i].due ?? farFuture, rows[i].id) < (rows[j].rag.urgency, rows[j].due ?? farFuture, rows[j].id)
        }

        // (id, day) pairs a note or meeting already accounts for, and the order of what
        // changed: on a whole store's own day that is 525,000 changes, and an "id date" string
        // a change and sorting by comparing ids as strings were a fifth of the report (issue 14).
        struct Said: Hashable {
            var id: String
            var day: Day
        }
        var changes: [ReportChange] = []
        // Actions' titles by id, for what meetings changed: made only when a meeting is in
        // scope (a national store's 52,500 titles in a table were a fiftieth of its report).
        let meetingsInScope = p.meetings.filter { areaIDs.contains($0.area) }
        let titles = meetingsInScope.isEmpty ? [:] : Dictionary(rows.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        var explained: Set<Said> = []
        eachAction { actions, rows in
            for i in actions.indices {
                guard let from = sinceByArea[rows[i].area] else { continue }
                for note in actions[i].progress where note.date >= from {
                    changes.append(ReportChange(date: note.date, action: rows[i].id, area: rows[i].area, title: rows[i].title, kind: .note,
                                                by: note.author, field: "", old: "", new: "", text: note.text))
                    explained.insert(Said(id: rows[i].id, day: note.date))
                }
            }
        }
        for m in meetingsInScope {
            guard let from = sinceByArea[m.area], m.date >= from else { continue }
            for change in m.changes {
                let c = ChangeText.readable(change, catalogue)
                let title = titles[c.action] ?? ""
                changes.append(ReportChange(date: m.date, action: c.action, area: m.area, title: title, kind: .field,
                                            by: m.title, field: change.field, old: change.old, new: change.new,
                                            text: "\(c.field): \(c.old) → \(c.new)"))
                explained.insert(Said(id: c.action, day: m.date))
            }
            for item in m.items {
                for decision in item.decisions {
                    changes.append(ReportChange(date: m.date, action: item.action, area: m.area, title: titles[item.action] ?? "",
                                                kind: .decision, by: m.title, field: "", old: "", new: "", text: decision))
                }
                if !item.decisions.isEmpty { explained.insert(Said(id: item.action, day: m.date)) }
            }
            for id in m.actionsCreated {
                let title = titles[id] ?? ""
                changes.append(ReportChange(date: m.date, action: id, area: m.area, title: title, kind: .created,
                                            by: m.title, field: "", old: "", new: "", text: "created at the meeting"))
                explained.insert(Said(id: id, day: m.date))
            }
        }
        eachAction { actions, rows in
            for i in rows.indices {
                guard let from = sinceByArea[rows[i].area], let updated = rows[i].updated, updated >= from,
                      !explained.contains(Said(id: rows[i].id, day: updated)) else { continue }
                changes.append(ReportChange(date: updated, action: rows[i].id, area: rows[i].area, title: rows[i].title, kind: .updated,
                                            by: actions[i].updatedBy, field: "", old: "", new: "", text: "edited"))
            }
        }
        Self.putInChangeOrder(&changes)

        var indicators: [ReportIndicator] = []
        eachAction { actions, rows in
            for i in actions.indices {
                guard let indicator = actions[i].indicator else { continue }
                indicators.append(ReportIndicator(action: rows[i].id, area: rows[i].area, title: rows[i].title, indicator: indicator,
                                                  course: indicator.course(start: actions[i].start, due: rows[i].due), due: rows[i].due))
            }
        }
        let periodEnd = asOf.adding(days: periodDays)
        var milestones: [ReportMilestone] = []
        eachAction { actions, rows in
            for i in actions.indices where !rows[i].closed {
                for m in actions[i].milestones where !m.done {
                    guard let due = m.due, due <= periodEnd else { continue }
                    milestones.append(ReportMilestone(action: rows[i].id, area: rows[i].area, actionTitle: rows[i].title, title: m.title,
                                                      due: due, late: due < asOf))
                }
            }
        }
        milestones.sort { ($0.due, $0.action, $0.title) < ($1.due, $1.action, $1.title) }

        return HighlightReport(
            partnership: p.title, area: area, scope: area.map { names[$0] ?? $0 } ?? "All areas", asOf: asOf,
            periodEnd: periodEnd, since: starts, totalActions: inScope.count,
            openActions: rows.reduce(0) { $0 + ($1.closed ? 0 : 1) }, statusCounts: statusCounts,
            rag: rag, actions: rows, overdue: overdue, redAndAmber: redAndAmber, changes: changes,
            indicators: indicators, milestones: milestones,
            charts: charts ? HighlightCharts.build(p, areas: areas, actions: inScope, asOf: asOf, history: history, scope: area == nil ? nil : areas.first?.name)
                : HighlightCharts(ragByArea: .ragByArea([]), trend: nil, areas: []))
    }

    /// Where each area's "what changed" starts: `since` when given, else its last meeting on
    /// or before `asOf`, else `defaultSinceDays` before `asOf`. The index reads only the notes
    /// from these days on for a report (`IndexQuery.notesSince`), so it asks this too.
    public static func sincePoints(_ areas: [Area], meetings: [Meeting], since: Day?, asOf: Day) -> [SincePoint] {
        var meetingsByArea: [String: [Meeting]] = [:]
        if since == nil { for m in meetings { meetingsByArea[m.area, default: []].append(m) } }
        return areas.map { a in
            if let since {
                SincePoint(area: a.id, areaName: a.name, since: since, basis: .given)
            } else if let last = (meetingsByArea[a.id] ?? []).filter({ $0.date <= asOf }).max(by: { ($0.date, $0.id) < ($1.date, $1.id) }) {
                SincePoint(area: a.id, areaName: a.name, since: last.date, basis: .meeting(id: last.id, title: "\(last.title), \(last.date.iso)"))
            } else {
                SincePoint(area: a.id, areaName: a.name, since: asOf.adding(days: -defaultSinceDays), basis: .daysBefore(defaultSinceDays))
            }
        }
    }

    private static let farFuture = Day(year: 9999, month: 12, day: 31)!

    /// What changed by day, then action id, then kind (created, field, decision, note, saved).
    /// Many changes are sorted on their ids' ranks, found once, rather than by comparing the
    /// ids as strings at every step; equal ids rank equal, so the order is the same.
    /// Sorted in place (`permute`), not copied: on a whole store's own day the changes are
    /// 80 MB, and a sorted copy beside them was the top of the report's memory.
    static func inChangeOrder(_ changes: [ReportChange]) -> [ReportChange] {
        var sorted = changes
        putInChangeOrder(&sorted)
        return sorted
    }

    static func putInChangeOrder(_ changes: inout [ReportChange]) {
        let kindOrder: [ReportChange.Kind: Int] = [.created: 0, .field: 1, .decision: 2, .note: 3, .updated: 4]
        // Read where they lie: a closure's `$0` copied each change, retaining its eight strings.
        var order: [Int] = changes.withUnsafeBufferPointer { c in
            let kinds = c.indices.map { kindOrder[c[$0].kind]! }, dates = c.indices.map { c[$0].date }
            if c.count < rankedFrom {
                return stableOrder(c.count) { i, j in (dates[i], c[i].action, kinds[i]) < (dates[j], c[j].action, kinds[j]) }
            }
            var ids = Set<String>()
            for i in c.indices { ids.insert(c[i].action) }
            let rank = Dictionary(uniqueKeysWithValues: ids.sorted().enumerated().map { ($1, $0) })
            let ranks = c.indices.map { rank[c[$0].action]! }
            return stableOrder(c.count) { i, j in (dates[i], ranks[i], kinds[i]) < (dates[j], ranks[j], kinds[j]) }
        }
        permute(&changes, to: &order)
    }

    /// The positions 0..<count sorted by `before`, ties in position order.
    private static func stableOrder(_ count: Int, by before: (Int, Int) -> Bool) -> [Int] {
        (0..<count).sorted { i, j in
            if before(i, j) { return true }
            if before(j, i) { return false }
            return i < j
        }
    }

    /// Rearranges `items` so that position k holds what was at `order[k]`, by swapping along
    /// each cycle of the permutation (no second array); `order` is used up.
    static func permute<T>(_ items: inout [T], to order: inout [Int]) {
        for start in order.indices where order[start] >= 0 {
            // What was at `start` travels along the cycle until its own place comes up.
            var j = start
            while true {
                let from = order[j]
                order[j] = -1
                if from == start { break }
                items.swapAt(j, from)
                j = from
            }
        }
    }

    /// From how many actions their rows are made on two cores.
    static let rowsMadeApart = 2_000

    /// From how many changes their ids are ranked first (`inChangeOrder`).
    static let rankedFrom = 2_000

    /// `items` at `positions` (ascending), sorted by `before` (of two positions), ties kept in
    /// position order: `before` reads the fields it compares in place, and each item is
    /// copied once, into the result.
    private static func ordered<T>(_ items: [T], _ positions: [Int], by before: (Int, Int) -> Bool) -> [T] {
        positions.sorted { i, j in
            if before(i, j) { return true }
            if before(j, i) { return false }
            return i < j
        }.map { items[$0] }
    }
}

/// A highlight report's charts, built with it.
public struct HighlightCharts: Hashable, Sendable {
    /// At most this many open actions of an area go on its timeline (the soonest due first);
    /// the table under it says how many more there are.
    public static let timelineRows = 40

    public var ragByArea: ReportChart
    public var trend: ReportChart?
    /// One per area: its name, its timeline, and how many open actions were left off it.
    public var areas: [AreaCharts]

    public struct AreaCharts: Hashable, Sendable {
        public var name: String
        public var timeline: ReportChart
        public var trend: ReportChart?
        public var leftOff: Int
    }

    static func build(_ p: Partnership, areas: [Area], actions: [Action], asOf: Day, history: RAGHistoryTable?, scope: String?) -> HighlightCharts {
        let catalogue = p.catalogue
        var byArea: [String: [Action]] = [:]
        for a in actions { byArea[a.area, default: []].append(a) }
        let bars = areas.map { area in
            var count = RAGCount()
            for a in byArea[area.id] ?? [] where !catalogue.isClosed(status: a.status) { count.add(a.rag) }
            return ReportChart.RAGBar(label: area.name, red: count.red, amber: count.amber, green: count.green)
        }
        let table = history ?? RAGHistory.byArea(Partnership(title: p.title, asOf: p.asOf, catalogue: catalogue, areas: areas,
                                                             actions: actions, meetings: p.meetings), asOf: asOf)
        let months = scope == nil ? table.store : table.months(area: areas.first?.id)
        let trend = months.isEmpty ? nil : ReportChart.trend(months, scope: scope ?? "all areas", source: table.source)
        let perArea = areas.map { area -> AreaCharts in
            let open = (byArea[area.id] ?? []).filter { !catalogue.isClosed(status: $0.status) }
                .sorted { ($0.due ?? Day(year: 9999, month: 12, day: 31)!, $0.id) < ($1.due ?? Day(year: 9999, month: 12, day: 31)!, $1.id) }
            let shown = Array(open.prefix(timelineRows)).sorted { $0.id < $1.id }
            let areaMonths = table.months(area: area.id)
            return AreaCharts(name: area.name, timeline: ReportChart.timeline(shown, areaName: area.name, asOf: asOf, catalogue: catalogue),
                              trend: scope == nil && !areaMonths.isEmpty ? ReportChart.trend(areaMonths, scope: area.name, source: table.source) : nil,
                              leftOff: open.count - shown.count)
        }
        return HighlightCharts(ragByArea: .ragByArea(bars), trend: trend, areas: perArea)
    }
}
