/// How much time a timeline shows across its width: about a month, a quarter or a year.
public enum TimelineZoom: String, CaseIterable, Hashable, Sendable {
    case month, quarter, year

    /// Days across the chart at this zoom.
    public var days: Int {
        switch self {
        case .month: 35
        case .quarter: 100
        case .year: 400
        }
    }

    public var label: String { rawValue }

    public var zoomedIn: TimelineZoom {
        switch self {
        case .year: .quarter
        default: .month
        }
    }

    public var zoomedOut: TimelineZoom {
        switch self {
        case .month: .quarter
        default: .year
        }
    }
}

/// Days mapped onto columns: the chart's left edge is `start`, `days` wide across `columns`.
public struct TimelineScale: Hashable, Sendable {
    public var start: Day
    public var days: Int
    public var columns: Int

    public init(start: Day, days: Int, columns: Int) {
        self.start = start
        self.days = max(1, days)
        self.columns = max(1, columns)
    }

    /// The column a day falls in, possibly off the chart (negative, or `columns` and beyond).
    public func column(of day: Day) -> Int {
        let offset = start.days(until: day)
        // Floor division, so days before the start land left of column 0.
        let scaled = offset * columns
        return scaled >= 0 ? scaled / days : -((-scaled + days - 1) / days)
    }

    /// The first day a column covers.
    public func day(atColumn column: Int) -> Day {
        start.adding(days: (column * days + columns - 1) / columns)
    }

    public var end: Day { start.adding(days: days) }

    /// The default window for a zoom: the as-of day a third of the way across, so what is late
    /// and what comes next both show.
    public static func around(_ asOf: Day, zoom: TimelineZoom, columns: Int) -> TimelineScale {
        TimelineScale(start: asOf.adding(days: -zoom.days / 3), days: zoom.days, columns: columns)
    }

    /// The first day of each month whose start falls on the chart, with its column: the axis
    /// labels (at month zoom, the Mondays too).
    public func ticks(weekly: Bool) -> [(day: Day, column: Int)] {
        var result: [(Day, Int)] = []
        var d = Day(year: start.year, month: start.month, day: 1)!
        if d < start { d = d.adding(months: 1) }
        while d < end {
            result.append((d, column(of: d)))
            d = d.adding(months: 1)
        }
        if weekly {
            var w = start.adding(days: (7 - start.weekday) % 7)
            while w < end {
                if w.day != 1 { result.append((w, column(of: w))) }
                w = w.adding(days: 7)
            }
            result.sort { $0.1 < $1.1 }
        }
        return result
    }
}

/// One action as the timeline draws it: when its bar begins and ends, where its milestones
/// fall, and what makes it stand out (red, overdue, closed, waiting on an action at risk).
public struct TimelineBar: Hashable, Sendable {
    public var id: String
    public var title: String
    public var rag: RAG
    public var status: String
    /// The start, or (with no start) the first progress note or last update: when work is
    /// known to have begun. Nil when the action says nothing about when.
    public var begins: Day?
    /// False when `begins` was not the action's own start date.
    public var startGiven: Bool
    public var due: Day?
    public var closed: Bool
    /// Past due on the as-of day and still open: the bar runs on from the due date to the
    /// as-of line, hatched.
    public var overdue: Bool
    public var daysLate: Int
    public var milestones: [Milestone]
    public var waitsOn: [String]
    public var waitedOnBy: [String]
    /// Open actions it waits on that are red or overdue.
    public var blockedBy: [String]

    /// `find` looks an action up by id (for the actions this one waits on).
    public init(_ a: Action, asOf: Day, catalogue: Catalogue, dependencies: Dependencies, find: (String) -> Action?) {
        id = a.id
        title = a.title
        rag = a.rag
        status = a.status
        startGiven = a.start != nil
        begins = a.start ?? [a.progress.first?.date, a.updated].compactMap { $0 }.min()
        if let b = begins, let d = a.due, d < b { begins = d }
        due = a.due
        closed = catalogue.isClosed(status: a.status)
        overdue = a.isOverdue(asOf: asOf, catalogue: catalogue)
        daysLate = overdue ? (a.due.map { $0.days(until: asOf) } ?? 0) : 0
        milestones = a.milestones
        waitsOn = a.dependsOn
        waitedOnBy = dependencies.waitedOnBy(a.id)
        blockedBy = Dependencies.blockers(of: a, find: find, asOf: asOf, catalogue: catalogue).map(\.id)
    }

    /// One line of the text equivalent: the dates and numbers behind the bar.
    public func summary(asOf: Day) -> String {
        var parts = [(begins?.iso ?? "?") + (startGiven ? "" : "*") + " → " + (due?.iso ?? "no due date")]
        if overdue { parts.append("\(daysLate) day\(daysLate == 1 ? "" : "s") late") }
        if closed { parts.append("closed") }
        if !milestones.isEmpty {
            let done = milestones.filter(\.done).count
            var m = "milestones \(done)/\(milestones.count) done"
            if let next = milestones.first(where: { !$0.done }) {
                m += "; next: \(next.title)" + (next.due.map { " \($0.iso)" + ($0 < asOf ? " (missed)" : "") } ?? "")
            }
            parts.append(m)
        }
        if !waitsOn.isEmpty { parts.append("waits on " + waitsOn.joined(separator: ", ")) }
        if !blockedBy.isEmpty { parts.append("at risk from " + blockedBy.joined(separator: ", ")) }
        if !waitedOnBy.isEmpty { parts.append("waited on by " + waitedOnBy.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }
}

/// The marks a timeline row is made of, one per column, decided apart from any screen or
/// colour so that the terminal and the reports agree on what each day shows. Shapes carry the
/// meaning (colour only repeats it): a solid bar, a shaded one when red, a hatched run from
/// the due date to the as-of line when overdue, a thin line when closed, ◆ a milestone done
/// and ◇ one still to do.
public enum TimelineMark: Hashable, Sendable {
    case empty, bar, redBar, closedBar, overdueRun, milestoneDone, milestoneOpen, asOfLine, link
    /// Off the chart: the bar goes on before its left edge or after its right.
    case continuesLeft, continuesRight

    public var glyph: String {
        switch self {
        case .empty: " "
        case .bar: "█"
        case .redBar: "▓"
        case .closedBar: "─"
        case .overdueRun: "░"
        case .milestoneDone: "◆"
        case .milestoneOpen: "◇"
        case .asOfLine: "│"
        case .link: "┊"
        case .continuesLeft: "◀"
        case .continuesRight: "▶"
        }
    }

    /// What the mark means, for the key under the chart and the help.
    public var meaning: String {
        switch self {
        case .empty: ""
        case .bar: "start to due"
        case .redBar: "red"
        case .closedBar: "done or dropped"
        case .overdueRun: "overdue"
        case .milestoneDone: "milestone done"
        case .milestoneOpen: "milestone to do"
        case .asOfLine: "as of"
        case .link: "waits on"
        case .continuesLeft: "earlier"
        case .continuesRight: "later"
        }
    }

    /// The marks of one action's row on `scale`, with the as-of line where nothing else is.
    public static func row(_ bar: TimelineBar, scale: TimelineScale, asOf: Day) -> [TimelineMark] {
        var marks = [TimelineMark](repeating: .empty, count: scale.columns)
        func fill(_ from: Int, _ to: Int, _ mark: TimelineMark) {
            let lo = max(0, from), hi = min(scale.columns - 1, to)
            guard lo <= hi else { return }
            for c in lo...hi { marks[c] = mark }
        }
        let body: TimelineMark = bar.closed ? .closedBar : (bar.rag == .red ? .redBar : .bar)
        let asOfColumn = scale.column(of: asOf)
        if let begins = bar.begins {
            // With no due date the bar runs to the as-of day: it is going on, with no end set.
            let end = bar.due ?? max(asOf, begins)
            let from = scale.column(of: begins), to = scale.column(of: end)
            fill(from, to, body)
            if bar.overdue { fill(to + 1, asOfColumn, .overdueRun) }
            if from < 0, to >= 0 { marks[0] = .continuesLeft }
            let last = bar.overdue ? max(to, asOfColumn) : to
            if last >= scale.columns, from < scale.columns { marks[scale.columns - 1] = .continuesRight }
        } else if let due = bar.due {
            fill(scale.column(of: due), scale.column(of: due), body)
            if bar.overdue { fill(scale.column(of: due) + 1, asOfColumn, .overdueRun) }
        }
        for m in bar.milestones {
            guard let d = m.due else { continue }
            let c = scale.column(of: d)
            if c >= 0, c < scale.columns { marks[c] = m.done ? .milestoneDone : .milestoneOpen }
        }
        if asOfColumn >= 0, asOfColumn < scale.columns, marks[asOfColumn] == .empty { marks[asOfColumn] = .asOfLine }
        return marks
    }
}
