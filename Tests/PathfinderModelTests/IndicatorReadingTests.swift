import Testing
@testable import PathfinderModel

/// An indicator's readings over time: kept in date order, on course or off it against the
/// straight line from baseline to target, and drawn as a sparkline.
struct IndicatorReadingTests {
    let start = Day(iso: "2006-01-01")!, due = Day(iso: "2008-12-31")!

    func indicator(_ readings: [(String, Double)], baseline: Double = 0, target: Double = 1.5) -> Indicator {
        var i = Indicator(name: "Local spend", baseline: baseline, target: target, unit: "%")
        for (day, value) in readings { i.add(IndicatorReading(date: Day(iso: day)!, value: value)) }
        return i
    }

    @Test func aReadingBelowTheLineIsOffCourseAndOnOrAboveItOnCourse() {
        // A quarter of the way through, the line stands at about 0.37.
        #expect(indicator([("2006-09-30", 0.3)]).course(start: start, due: due) == .offCourse)
        #expect(indicator([("2006-09-30", 0.5)]).course(start: start, due: due) == .onCourse)
        #expect(indicator([("2006-09-30", 1.5)]).course(start: start, due: due) == .met)
        #expect(indicator([]).course(start: start, due: due) == .notMeasured)
    }

    @Test func lowerIsBetterWhenTheTargetIsBelowTheBaseline() {
        let waiting = indicator([("2006-09-30", 35)], baseline: 40, target: 20)
        #expect(waiting.better == .lower)
        #expect(waiting.course(start: start, due: due) == .onCourse)   // the line is at 35 too
        #expect(indicator([("2006-09-30", 39)], baseline: 40, target: 20).course(start: start, due: due) == .offCourse)
    }

    @Test func withoutDatesOnCourseMeansBetterThanTheBaseline() {
        #expect(indicator([("2006-09-30", 0.2)]).course(start: nil, due: nil) == .onCourse)
        #expect(indicator([("2006-09-30", 0)]).course(start: nil, due: nil) == .offCourse)
    }

    @Test func readingsStayInDateOrderAndTheLatestIsCurrent() {
        var i = indicator([("2006-09-30", 0.3), ("2006-03-31", 0.1)])
        #expect(i.readings.map(\.value) == [0.1, 0.3])
        #expect(i.current == 0.3)
        i.add(IndicatorReading(date: Day(iso: "2006-06-30")!, value: 0.2))
        #expect(i.readings.map(\.value) == [0.1, 0.2, 0.3])
        #expect(i.current == 0.3)   // an older reading does not replace the latest
    }

    @Test func theSparklineScalesReadingsWithTheTarget() {
        let line = indicator([("2006-03-31", 0), ("2006-06-30", 0.75), ("2006-09-30", 1.5)]).sparkline()
        #expect(line.trend == "▁▅█")
        #expect(line.target == "█")
    }
}
