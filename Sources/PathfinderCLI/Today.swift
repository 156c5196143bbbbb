import ArgumentParser
import Foundation
import PathfinderModel

/// Where the command line meets the clock and the time zone. The arithmetic is the model's
/// (`Day(secondsSince1970:utcOffset:)`); only the time zone's offset is asked for here.
extension Day {
    /// Today in the user's time zone: what "overdue" means for a real store.
    public static func today(now: Date = Date(), timeZone: TimeZone = .current) -> Day {
        Day(secondsSince1970: now.timeIntervalSince1970, utcOffset: timeZone.secondsFromGMT(for: now))
    }

    /// The moment this day starts (midnight) in the time zone, for "changed since" a day.
    /// Clocks change in the small hours, so the offset at midnight UTC is the day's offset at
    /// its own midnight in every zone that changes them after 01:00 local time.
    func start(in timeZone: TimeZone = .current) -> Date {
        let utcMidnight = Date(timeIntervalSince1970: secondsSince1970(utcOffset: 0))
        return Date(timeIntervalSince1970: secondsSince1970(utcOffset: timeZone.secondsFromGMT(for: utcMidnight)))
    }
}

/// A date typed after an option (`--as-of`, `--since`, `--due-before`, `--date`), read as the
/// forms read one (`DateInput`): an ISO day or a shortcut such as today, +2w or end of quarter.
enum DateOption {
    static func day(_ text: String, option: String, today: Day) throws -> Day {
        guard let day = DateInput.parse(text, today: today) else {
            throw ValidationError("\(option) needs a date (\(DateInput.hint)), not \(Quote.value(text))")
        }
        return day
    }
}
