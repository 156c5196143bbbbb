import PathfinderModel

/// An indicator's readings on the action screen: a sparkline with the target's level beside it,
/// the same in words (so it reads without colour, or in a screen reader), and whether it is on
/// course (`Indicator.course`).
enum IndicatorTrend {
    static func add(_ i: Indicator, course: IndicatorCourse, to doc: inout DocumentBuilder) {
        let unit = i.unit.isEmpty ? "" : (i.unit == "%" ? "%" : " " + i.unit)
        let role: Role = switch course {
        case .met, .onCourse: .ragGreen
        case .offCourse: .warning
        case .notMeasured: .dim
        }
        let mark = course == .offCourse ? "! " : course == .notMeasured ? "" : "✓ "
        if !i.readings.isEmpty {
            let (trend, target) = i.sparkline()
            doc.spans([.init(text: Text.pad("Trend", to: 10) + " ", role: .dim), .init(text: trend, role: .heading),
                       .init(text: "  target ", role: .dim), .init(text: target, role: .indicatorFilled),
                       .init(text: "  " + mark + course.label, role: role)])
            let values = i.readings.suffix(6).map { Number.format($0.value) }.joined(separator: " → ")
            doc.field("Readings", (i.readings.count > 6 ? "… → " : "") + values + unit + ", target \(Number.format(i.target))\(unit)"
                      + (i.better == .lower ? " (lower is better)" : ""))
            if let last = i.readings.last {
                doc.field("Latest", "\(Number.format(last.value))\(unit) on \(last.date.iso)"
                          + (last.who.isEmpty ? "" : " by \(last.who)") + (last.note.isEmpty ? "" : ": \(last.note)"))
            }
        } else if course != .notMeasured {
            doc.spans([.init(text: Text.pad("Course", to: 10) + " ", role: .dim), .init(text: mark + course.label, role: role)])
        }
        if !i.laaTarget.isEmpty { doc.field("LAA target", i.laaTarget) }
    }
}
