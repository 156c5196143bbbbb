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

    public init(action: String, notes: [String] = [], decisions: [String] = [], reviewed: Bool = false) {
        self.action = action
        self.notes = notes
        self.decisions = decisions
        self.reviewed = reviewed
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
