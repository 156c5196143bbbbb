/// Red, amber and green counts, shown as R/A/G.
public struct RAGCount: Hashable, Sendable {
    public var red = 0
    public var amber = 0
    public var green = 0

    public init(red: Int = 0, amber: Int = 0, green: Int = 0) {
        self.red = red
        self.amber = amber
        self.green = green
    }

    public mutating func add(_ rag: RAG) {
        switch rag {
        case .red: red += 1
        case .amber: amber += 1
        case .green: green += 1
        }
    }

    public static func + (a: RAGCount, b: RAGCount) -> RAGCount {
        RAGCount(red: a.red + b.red, amber: a.amber + b.amber, green: a.green + b.green)
    }

    public var total: Int { red + amber + green }
}

/// One row of the areas summary: how an area's action plan stands on a given day.
public struct AreaSummary: Hashable, Sendable {
    public var area: String
    public var name: String
    public var type: String
    public var actions: Int
    /// RAG of the open actions only: a done action's rating is history.
    public var rag: RAGCount
    public var overdue: Int
    /// The earliest due date among open actions on or after the as-of day.
    public var nextDue: Day?

    public init(area: String, name: String, type: String, actions: Int = 0, rag: RAGCount = RAGCount(),
                overdue: Int = 0, nextDue: Day? = nil) {
        self.area = area
        self.name = name
        self.type = type
        self.actions = actions
        self.rag = rag
        self.overdue = overdue
        self.nextDue = nextDue
    }

    /// Summarises one area's actions as of a day.
    public static func of(area: Area, actions: [Action], asOf: Day, catalogue: Catalogue) -> AreaSummary {
        var summary = AreaSummary(area: area.id, name: area.name, type: area.type)
        for action in actions where action.area == area.id { summary.count(action, asOf: asOf, catalogue: catalogue) }
        return summary
    }

    /// Adds one of the area's actions to the row.
    mutating func count(_ action: Action, asOf: Day, catalogue: Catalogue) {
        actions += 1
        guard !catalogue.isClosed(status: action.status) else { return }
        rag.add(action.rag)
        if action.isOverdue(asOf: asOf, catalogue: catalogue) {
            overdue += 1
        } else if let due = action.due, nextDue.map({ due < $0 }) ?? true {
            nextDue = due
        }
    }

    /// The store-wide total line.
    public static func total(_ rows: [AreaSummary]) -> AreaSummary {
        var total = AreaSummary(area: "", name: "All areas", type: "")
        for row in rows {
            total.actions += row.actions
            total.rag = total.rag + row.rag
            total.overdue += row.overdue
            if let due = row.nextDue, total.nextDue.map({ due < $0 }) ?? true { total.nextDue = due }
        }
        return total
    }
}

extension Partnership {
    /// The areas summary as of a day, one row per area in area order.
    public func summaries(asOf: Day) -> [AreaSummary] {
        // Counted in one pass into each area's row. Grouping copies of the actions by area
        // first made a second array of every action at each call (35 MB at 52,500 actions,
        // the screens' memory peak, since the areas list draws it).
        var rows = areas.map { AreaSummary(area: $0.id, name: $0.name, type: $0.type) }
        var rowsOfArea: [String: [Int]] = [:]
        for (i, area) in areas.enumerated() { rowsOfArea[area.id, default: []].append(i) }
        for action in actions {
            for i in rowsOfArea[action.area] ?? [] { rows[i].count(action, asOf: asOf, catalogue: catalogue) }
        }
        return rows
    }
}
