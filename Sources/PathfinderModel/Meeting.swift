/// A change made to an action during a meeting, kept so the minutes can say what moved.
public struct MeetingChange: Hashable, Sendable {
    public var action: String
    public var field: String
    public var old: String
    public var new: String

    public init(action: String, field: String, old: String, new: String) {
        self.action = action
        self.field = field
        self.old = old
        self.new = new
    }
}

/// One agenda item: an action reviewed, with what was said and decided.
public struct MeetingItem: Hashable, Sendable {
    public var action: String
    public var notes: [String]
    public var decisions: [String]
    public var reviewed: Bool
    /// The action's status and RAG as the meeting left them, recorded when the item is
    /// reviewed, so the next meeting can show what moved since.
    public var status: String?
    public var rag: RAG?

    public init(action: String, notes: [String] = [], decisions: [String] = [], reviewed: Bool = false,
                status: String? = nil, rag: RAG? = nil) {
        self.action = action
        self.notes = notes
        self.decisions = decisions
        self.reviewed = reviewed
        self.status = status
        self.rag = rag
    }
}

/// The order a meeting goes through the plan: red actions first, then overdue, then amber,
/// then those due in the next 30 days, then the rest; closed actions (done, dropped) are left
/// out (they can be added by hand). Within each group, by due date, then id. An action that
/// waits on another on the agenda follows it (`Dependencies.keepingChainsTogether`), so a
/// chain is discussed in one go.
public enum MeetingAgenda {
    public static let soonDays = 30

    public static func order(_ actions: [Action], asOf: Day, catalogue: Catalogue) -> [String] {
        func group(_ a: Action) -> Int? {
            if catalogue.isClosed(status: a.status) { return nil }
            if a.rag == .red { return 0 }
            if a.isOverdue(asOf: asOf, catalogue: catalogue) { return 1 }
            if a.rag == .amber { return 2 }
            if let due = a.due, due <= asOf.adding(days: soonDays) { return 3 }
            return 4
        }
        let order = actions.compactMap { a in group(a).map { (a, $0) } }
            .sorted { ($0.1, $0.0.due ?? Day(year: 9999, month: 12, day: 31)!, $0.0.id) < ($1.1, $1.0.due ?? Day(year: 9999, month: 12, day: 31)!, $1.0.id) }
            .map(\.0.id)
        guard actions.contains(where: { !$0.dependsOn.isEmpty }) else { return order }
        let byID = Dictionary(actions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return Dependencies.keepingChainsTogether(order, actions: byID)
    }

    /// Where an action stood at the last meeting before `date` that reviewed it, if any.
    public static func lastReviewed(_ action: String, before date: Day, in meetings: [Meeting]) -> (meeting: Meeting, item: MeetingItem)? {
        meetings.filter { $0.date < date }.sorted { $0.date > $1.date }.lazy.compactMap { m in
            m.items.first { $0.action == action && $0.reviewed }.map { (m, $0) }
        }.first
    }
}

/// A steering group or forum meeting run from the plan.
public struct Meeting: Hashable, Sendable, Identifiable {
    /// "<area>/<file name without extension>", e.g. "portsmouth/2006-11-14-steering-group".
    public var id: String
    public var area: String
    public var date: Day
    public var title: String
    public var attendees: [String]
    public var items: [MeetingItem]
    public var changes: [MeetingChange]
    public var actionsCreated: [String]
    /// A meeting in progress can be left and resumed; an ended one produces minutes.
    public var ended: Bool
    public var notes: String

    public init(id: String, area: String, date: Day, title: String, attendees: [String] = [],
                items: [MeetingItem] = [], changes: [MeetingChange] = [], actionsCreated: [String] = [],
                ended: Bool = false, notes: String = "") {
        self.id = id
        self.area = area
        self.date = date
        self.title = title
        self.attendees = attendees
        self.items = items
        self.changes = changes
        self.actionsCreated = actionsCreated
        self.ended = ended
        self.notes = notes
    }
}
