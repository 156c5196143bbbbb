/// Dates as people type them in a form, a prompt or on the command line: an ISO date, or a
/// shortcut relative to today. Pure: "today" is given, so tests and snapshot stores agree.
public enum DateInput {
    /// Shown beside a date field.
    public static let hint = "YYYY-MM-DD, today, +2w, +3m, end of quarter"

    /// "2007-03-31", "today", "tomorrow", "yesterday", "+2w", "+10d", "+3m", "+1y", "-1w",
    /// "end of month"/"eom", "end of quarter"/"eoq", "end of year"/"eoy"; case and spaces
    /// forgiven. The one reading of a typed date: forms, prompts, `:` commands and command-line
    /// options all come here. Its one fallback is nil, never a guess: an empty or unknown text,
    /// a day that does not exist (2026-02-30) and a result outside the years 1 to 9999 (which a
    /// file could not hold) are all "not a date", and the caller says so.
    public static func parse(_ text: String, today: Day) -> Day? {
        guard let day = read(text, today: today), (1...9999).contains(day.year) else { return nil }
        return day
    }

    private static func read(_ text: String, today: Day) -> Day? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        let joined = words.joined(separator: " ")
        if let day = Day(iso: joined) { return day }
        switch joined {
        case "today", "now": return today
        case "tomorrow": return today.adding(days: 1)
        case "yesterday": return today.adding(days: -1)
        case "end of month", "eom": return endOfMonth(today)
        case "end of quarter", "eoq": return today.endOfQuarter
        case "end of year", "eoy": return Day(year: today.year, month: 12, day: 31)
        default: break
        }
        // Relative: a sign, a number, a unit ("+2w", "+ 2 weeks", "-3d").
        let compact = words.joined()
        guard let sign = compact.first, sign == "+" || sign == "-" else { return nil }
        let rest = compact.dropFirst()
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let number = Int(digits), number <= 100_000 else { return nil }
        let n = sign == "-" ? -number : number
        switch String(rest.dropFirst(digits.count)) {
        case "d", "day", "days": return today.adding(days: n)
        case "w", "week", "weeks": return today.adding(days: 7 * n)
        case "m", "month", "months": return today.adding(months: n)
        case "y", "year", "years": return today.adding(months: 12 * n)
        default: return nil
        }
    }

    static func endOfMonth(_ day: Day) -> Day {
        Day(year: day.year, month: day.month, day: Day.daysIn(month: day.month, year: day.year))!
    }
}
