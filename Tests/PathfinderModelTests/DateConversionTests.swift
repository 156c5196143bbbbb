import Testing
@testable import PathfinderModel

/// The one reading of a typed date (`DateInput.parse`), the one format (`Day.iso`) and the one
/// conversion between clock time and days, with the inputs people really get wrong.
@Suite struct DateConversionTests {
    let today = Day(iso: "2026-12-07")!

    @Test func badTextIsNotADateAndNeverToday() {
        for text in ["", " ", "\t", "2026-02-30", "2026-13-01", "2026-00-10", "0000-01-01", "2026-2-3", "26-12-07",
                     "2026/12/07", "2026-12-07x", "１２３４-01-01", "+", "+w", "-", "+2", "today please"] {
            #expect(DateInput.parse(text, today: today) == nil, "\(text)")
        }
    }

    @Test func spacesAndCaseAreForgiven() {
        #expect(DateInput.parse("  2026-12-25  ", today: today)?.iso == "2026-12-25")
        #expect(DateInput.parse("TODAY", today: today) == today)
        #expect(DateInput.parse(" +  2   W ", today: today)?.iso == "2026-12-21")
        #expect(DateInput.parse("End  Of   Quarter", today: today)?.iso == "2026-12-31")
    }

    @Test func farYearsAreRefusedRatherThanWrittenOrTrapping() {
        // A file holds four-digit years; anything beyond is "not a date", never a crash.
        #expect(DateInput.parse("+100000m", today: today) == nil)
        #expect(DateInput.parse("+100000y", today: today) == nil)
        #expect(DateInput.parse("-3000y", today: today) == nil)
        #expect(DateInput.parse("+7973y", today: today)?.iso == "9999-12-07")
        #expect(DateInput.parse("+7974y", today: today) == nil)
        #expect(DateInput.parse("+99999999w", today: today) == nil)   // past the number limit
        #expect(DateInput.parse("9999-12-31", today: today)?.iso == "9999-12-31")
        #expect(DateInput.parse("10000-01-01", today: today) == nil)
        #expect(Day(iso: "0001-01-01")!.adding(months: -1).year == 0)   // kept, not trapped
    }

    @Test func isoIsTheOneFormatAndReadsBack() {
        for text in ["0001-01-01", "1970-01-01", "2000-02-29", "2026-12-07", "9999-12-31"] {
            #expect(Day(iso: text)?.iso == text)
            #expect(DateInput.parse(text, today: today)?.iso == text)
        }
        #expect(Day(year: 7, month: 3, day: 9)?.iso == "0007-03-09")
    }

    @Test func clockTimeTurnsIntoTheDayOfTheLocalClock() {
        // 2026-12-07 23:30 UTC: still the 7th in London, already the 8th in Dhaka (UTC+6),
        // and the 7th at 18:30 in New York (UTC-5).
        let seconds = today.secondsSince1970(utcOffset: 0) + 23.5 * 3600
        #expect(Day(secondsSince1970: seconds, utcOffset: 0) == today)
        #expect(Day(secondsSince1970: seconds, utcOffset: 6 * 3600).iso == "2026-12-08")
        #expect(Day(secondsSince1970: seconds, utcOffset: -5 * 3600) == today)
        #expect(Day(secondsSince1970: 0, utcOffset: 0).iso == "1970-01-01")
        #expect(Day(secondsSince1970: -1, utcOffset: 0).iso == "1969-12-31")
        #expect(Day(secondsSince1970: .nan, utcOffset: 0).iso == "1970-01-01")
        #expect(Day(secondsSince1970: .infinity, utcOffset: 0).iso == "1970-01-01")
    }

    @Test func aDayStartsAtItsOwnMidnight() {
        for offset in [0, 3600, -5 * 3600, 6 * 3600, 5 * 3600 + 1800] {
            let start = today.secondsSince1970(utcOffset: offset)
            #expect(Day(secondsSince1970: start, utcOffset: offset) == today)
            #expect(Day(secondsSince1970: start - 1, utcOffset: offset) == today.adding(days: -1))
        }
    }
}
