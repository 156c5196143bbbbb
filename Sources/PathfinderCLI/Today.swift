import Foundation
import PathfinderModel

extension Day {
    /// Today in the user's time zone: what "overdue" means for a real store.
    public static func today(now: Date = Date(), timeZone: TimeZone = .current) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
