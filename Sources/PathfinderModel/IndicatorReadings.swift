/// One measurement of an indicator: when, what, and who took it.
public struct IndicatorReading: Hashable, Sendable {
    public var date: Day
    public var value: Double
    public var note: String
    public var who: String

    public init(date: Day, value: Double, note: String = "", who: String = "") {
        self.date = date
        self.value = value
        self.note = note
        self.who = who
    }
}

/// Whether a higher or a lower value is better (a recycling rate; days waiting).
public enum IndicatorDirection: String, CaseIterable, Hashable, Sendable {
    case higher, lower
}

/// Where an indicator stands against its target and the action's timeline.
public enum IndicatorCourse: Hashable, Sendable {
    /// The latest value is at or past the target.
    case met
    case onCourse
    case offCourse
    /// Not measured yet.
    case notMeasured

    /// Words, never colour alone (NO_COLOR users read this).
    public var label: String {
        switch self {
        case .met: "target met"
        case .onCourse: "on course"
        case .offCourse: "off course"
        case .notMeasured: "not measured yet"
        }
    }
}

extension Indicator {
    /// The direction that counts as better: stated, or from the baseline towards the target.
    public var better: IndicatorDirection { direction ?? (target >= baseline ? .higher : .lower) }

    /// The latest reading, or `current` for an indicator without readings.
    public var latest: (value: Double, date: Day?)? {
        if let r = readings.max(by: { $0.date < $1.date }) { return (r.value, r.date) }
        return current.map { ($0, nil) }
    }

    /// Whether `a` is at least as good as `b`.
    func atLeastAsGood(_ a: Double, as b: Double) -> Bool { better == .higher ? a >= b : a <= b }

    /// On course when the latest value is at least where a straight line from the baseline (at
    /// `start`) to the target (at `due`) would be on the reading's day; without those dates,
    /// when it is better than the baseline. Met when it has reached the target.
    public func course(start: Day?, due: Day?) -> IndicatorCourse {
        guard let (value, date) = latest else { return .notMeasured }
        if atLeastAsGood(value, as: target) { return .met }
        if let start, let due, let date, start < due {
            let share = min(1, max(0, Double(start.days(until: date)) / Double(start.days(until: due))))
            let expected = baseline + (target - baseline) * share
            return atLeastAsGood(value, as: expected) ? .onCourse : .offCourse
        }
        return value != baseline && atLeastAsGood(value, as: baseline) ? .onCourse : .offCourse
    }

    /// Adds a reading in date order (after others of the same day) and makes it the current value
    /// when it is the latest.
    public mutating func add(_ reading: IndicatorReading) {
        let at = readings.lastIndex { $0.date <= reading.date }.map { $0 + 1 } ?? 0
        readings.insert(reading, at: at)
        if readings.last == reading { current = reading.value }
    }

    /// The readings as a sparkline (one block a reading, lowest to highest of the readings, the
    /// baseline and the target) and the target's own block, so the eye can compare the last
    /// reading with it.
    public func sparkline() -> (trend: String, target: String) {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let values = readings.map(\.value)
        let all = values + [baseline, target]
        guard let low = all.min(), let high = all.max() else { return ("", "") }
        func block(_ v: Double) -> Character {
            guard high > low else { return blocks[blocks.count / 2] }
            return blocks[min(blocks.count - 1, max(0, Int(((v - low) / (high - low) * Double(blocks.count - 1)).rounded())))]
        }
        return (String(values.map(block)), String(block(target)))
    }
}

extension Action {
    /// The action's indicator against its target and the action's start and due dates.
    public var indicatorCourse: IndicatorCourse? { indicator.map { $0.course(start: start, due: due) } }
}
