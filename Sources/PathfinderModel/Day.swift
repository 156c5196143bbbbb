/// A calendar day (no time, no zone): action plans speak in dates, and "overdue" is a matter of days.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Year, month and day in one 4-byte number (year * 512 + month * 32 + day), which orders
    /// as the dates do: an action holds several dates and its log one per entry, and 52,500
    /// actions' worth of three `Int`s each cost megabytes a full load need not hold.
    private let packed: Int32

    public var year: Int { Int(packed >> 9) }
    public var month: Int { Int((packed >> 5) & 0xF) }
    public var day: Int { Int(packed & 0x1F) }

    /// Years far outside any plan (a typed "+99999999w") are clamped rather than trapping.
    private init(packing year: Int, _ month: Int, _ day: Int) {
        packed = Int32(clamping: min(max(year, -4_000_000), 4_000_000)) << 9 | Int32(month << 5 | day)
    }

    /// Returns nil for a date that does not exist (2007-02-30), so validation can say so.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.init(packing: year, month, day)
    }

    /// Parses exactly `YYYY-MM-DD`: the one format of dates in files, and the strict half of
    /// reading a typed date (`DateInput.parse` tries this first).
    public init?(iso text: some StringProtocol) {
        // Read in one pass without copying the text: every dated note of every file comes here.
        var fields = (0, 0, 0), field = 0, count = 0
        for byte in text.utf8 {
            defer { count += 1 }
            if count == 4 || count == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                field += 1
                continue
            }
            guard count < 10, byte >= 48, byte <= 57 else { return nil }
            let digit = Int(byte - 48)
            switch field {
            case 0: fields.0 = fields.0 * 10 + digit
            case 1: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        guard count == 10 else { return nil }
        self.init(year: fields.0, month: fields.1, day: fields.2)
    }

    /// `YYYY-MM-DD`, the one way a day is written: in files, reports, the screens and the
    /// command line.
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    /// `iso`'s ten bytes, quoted, appended in place: what JSON writers use for the hundreds of
    /// thousands of days a national report or list writes, without a string for each.
    public func appendQuotedISO(to out: inout [UInt8]) {
        func digits(_ n: Int, _ width: Int) {
            let at = out.count
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
            var value = n
            for k in stride(from: width - 1, through: 0, by: -1) {
                out[at + k] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        out.append(UInt8(ascii: "\""))
        digits(year, 4)
        out.append(UInt8(ascii: "-"))
        digits(month, 2)
        out.append(UInt8(ascii: "-"))
        digits(day, 2)
        out.append(UInt8(ascii: "\""))
    }

    public static func < (a: Day, b: Day) -> Bool {
        a.packed < b.packed
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (civil-from-days algorithm), for arithmetic and comparisons.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.init(packing: y, m, d)
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb).
    /// Never traps: a year outside 1...9999 (a typed "+100000m") is kept for `DateInput` to
    /// refuse, as `adding(days:)` keeps it.
    public func adding(months: Int) -> Day {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return Day(packing: y, m, min(day, Day.daysIn(month: m, year: y)))
    }

    /// The day a clock shows at `seconds` after 1970-01-01 00:00 UTC, the clock being
    /// `utcOffset` seconds ahead of UTC (the time zone's offset, which the caller asks for).
    /// With `secondsSince1970(utcOffset:)`, the one conversion between clock time and days:
    /// pure arithmetic on `ordinal`, no calendar, so it cannot fail (a nonsense time gives
    /// 1970-01-01).
    public init(secondsSince1970 seconds: Double, utcOffset: Int) {
        let days = ((seconds + Double(utcOffset)) / 86_400).rounded(.down)
        self.init(ordinal: days.isFinite ? Int(min(max(days, -2e9), 2e9)) : 0)
    }

    /// Seconds after 1970-01-01 00:00 UTC at which this day starts (its midnight) on a clock
    /// `utcOffset` seconds ahead of UTC.
    public func secondsSince1970(utcOffset: Int) -> Double {
        Double(ordinal) * 86_400 - Double(utcOffset)
    }

    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    /// 0 = Monday ... 6 = Sunday.
    public var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 }

    /// Last day of this day's calendar quarter (31 Mar, 30 Jun, 30 Sep, 31 Dec).
    public var endOfQuarter: Day {
        let m = ((month - 1) / 3 + 1) * 3
        return Day(year: year, month: m, day: Day.daysIn(month: m, year: year))!
    }
}
