import Testing
@testable import PathfinderModel

@Suite struct DayTests {
    @Test func parsesAndFormatsISODates() {
        #expect(Day(iso: "2006-12-15")?.iso == "2006-12-15")
        #expect(Day(iso: "2007-02-30") == nil)
        #expect(Day(iso: "2008-02-29") != nil)
        #expect(Day(iso: "2007-02-29") == nil)
        #expect(Day(iso: "06-12-15") == nil)
        #expect(Day(iso: "2006-1-155") == nil)
        #expect(Day(iso: "next week") == nil)
    }

    @Test func ordinalRoundTripsAcrossCenturies() {
        for ordinal in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(Day(ordinal: ordinal).ordinal == ordinal)
        }
        #expect(Day(iso: "1970-01-01")!.ordinal == 0)
        #expect(Day(iso: "2006-12-15")!.adding(days: 17).iso == "2007-01-01")
    }

    @Test func addsMonthsClampingToTheMonthEnd() {
        #expect(Day(iso: "2007-01-31")!.adding(months: 1).iso == "2007-02-28")
        #expect(Day(iso: "2008-01-31")!.adding(months: 1).iso == "2008-02-29")
        #expect(Day(iso: "2006-11-15")!.adding(months: 3).iso == "2007-02-15")
        #expect(Day(iso: "2006-03-15")!.adding(months: -3).iso == "2005-12-15")
    }

    @Test func knowsWeekdaysAndQuarterEnds() {
        #expect(Day(iso: "2006-12-15")!.weekday == 4) // a Friday
        #expect(Day(iso: "2006-11-02")!.endOfQuarter.iso == "2006-12-31")
        #expect(Day(iso: "2007-04-01")!.endOfQuarter.iso == "2007-06-30")
    }

    @Test func ordersAndComparesLikeTheCalendar() {
        // Days are packed into one number; its order must be the calendar's, including the
        // last day of a month against the first of the next and years before 1 AD.
        let isos = ["0001-01-01", "2006-01-31", "2006-02-01", "2006-12-31", "2007-01-01", "2008-02-29", "9999-12-31"]
        let days = isos.map { Day(iso: $0)! }
        #expect(days == days.shuffled().sorted())
        #expect(days.map(\.iso) == isos)
        let ancient = Day(ordinal: Day(iso: "0001-01-01")!.ordinal - 400)
        #expect(ancient < days[0])
        #expect(ancient.year == -1 && ancient.month == 11 && Day(ordinal: ancient.ordinal) == ancient)
        #expect(Set(days + days).count == days.count)
        let huge = Day(ordinal: Int(Int32.max))   // a typed "+99999999w" does not trap
        #expect(huge > days.last!)
    }
}
