/// A decision recorded in a meeting, with where it was taken: the register lists these, newest
/// first, and a decision that names an owner and a date can become an action.
public struct Decision: Hashable, Sendable {
    public var text: String
    public var meeting: String
    public var meetingTitle: String
    public var date: Day
    public var area: String
    /// The action whose agenda item it was taken under.
    public var action: String

    public init(text: String, meeting: String, meetingTitle: String, date: Day, area: String, action: String) {
        self.text = text
        self.meeting = meeting
        self.meetingTitle = meetingTitle
        self.date = date
        self.area = area
        self.action = action
    }

    /// What the decision asks of whom and by when, when it says so in the way minutes do:
    /// "Head of Finance to list the contracts due for renewal in 2007/08 by 22 December." A day
    /// without a year is the first such day on or after the meeting.
    public var proposal: Proposal? {
        var sentence = Self.trim(text)
        while let last = sentence.last, ".;".contains(last) { sentence.removeLast() }
        guard let to = sentence.firstRange(of: " to "), let by = sentence.ranges(of: " by ").last,
              to.upperBound <= by.lowerBound else { return nil }
        let owner = Self.trim(String(sentence[..<to.lowerBound]))
        let task = Self.trim(String(sentence[to.upperBound..<by.lowerBound]))
        // An owner is a role or a name, not a clause ("Guidance on consortia waits until…").
        guard !owner.isEmpty, owner.split(separator: " ").count <= 8, owner.first?.isUppercase == true,
              !task.isEmpty, let due = Self.day(String(sentence[by.upperBound...]), onOrAfter: date) else { return nil }
        return Proposal(owner: owner, title: task.prefix(1).uppercased() + task.dropFirst(), due: due)
    }

    public struct Proposal: Hashable, Sendable {
        public var owner: String
        public var title: String
        public var due: Day
    }

    static func trim(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    /// "2007-01-15", "22 December", "22 December 2006", "December 22": the day named, nil if
    /// the words are anything else.
    static func day(_ text: String, onOrAfter start: Day) -> Day? {
        let trimmed = trim(text)
        if let day = Day(iso: trimmed) { return day }
        let words = trimmed.lowercased().split(separator: " ").map { String($0.filter { $0 != "," }) }
        guard words.count == 2 || words.count == 3 else { return nil }
        let (dayWord, monthWord) = Int(words[0]) != nil ? (words[0], words[1]) : (words[1], words[0])
        guard let number = Int(dayWord), let month = months.firstIndex(of: monthWord).map({ $0 + 1 }) else { return nil }
        if words.count == 3 {
            guard let year = Int(words[2]) else { return nil }
            return Day(year: year, month: month, day: number)
        }
        guard let sameYear = Day(year: start.year, month: month, day: number) else { return nil }
        return sameYear >= start ? sameYear : Day(year: start.year + 1, month: month, day: number)
    }
}

extension Partnership {
    /// Every decision of every meeting, newest meeting first (in agenda order within one);
    /// only an area's with `area`, only meetings on or after `since` with it.
    public func decisions(area: String? = nil, since: Day? = nil) -> [Decision] {
        meetings.filter { m in (area == nil || m.area == area) && (since.map { m.date >= $0 } ?? true) }
            .sorted { ($0.date, $0.id) > ($1.date, $1.id) }
            .flatMap { m in
                m.items.flatMap { item in
                    item.decisions.map {
                        Decision(text: $0, meeting: m.id, meetingTitle: m.title, date: m.date, area: m.area, action: item.action)
                    }
                }
            }
    }
}
