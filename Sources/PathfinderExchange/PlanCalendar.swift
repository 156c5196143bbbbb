import Foundation
import PathfinderModel

/// The plan's dates as an iCalendar file (RFC 5545) for a council's calendar: each action's due
/// date, each dated milestone and each meeting as an all-day event. UIDs come from what the
/// event is (the action's id, the milestone's title, the meeting's file), never from the run,
/// so importing a later export updates the events instead of adding them twice.
public enum PlanCalendar {
    /// The calendar of `areas`' actions and meetings. `stamp` is when it was made (DTSTAMP).
    public static func render(_ p: Partnership, areas: [Area], stamp: Date) -> String {
        let wanted = Set(areas.map(\.id))
        let names = Dictionary(areas.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let dtstamp = utc(stamp)
        var out = ICSLines()
        out.add("BEGIN:VCALENDAR")
        out.add("VERSION:2.0")
        out.add("PRODID:-//Pathfinder//Partnership action plans//EN")
        out.add("CALSCALE:GREGORIAN")
        out.add("METHOD:PUBLISH")
        out.add("X-WR-CALNAME:" + escape(p.title))
        for a in p.actions where wanted.contains(a.area) {
            let area = names[a.area] ?? a.area
            let status = ActionField.status.value(of: a, catalogue: p.catalogue)
            let lead = a.lead + (a.leadBody.isEmpty ? "" : " (\(a.leadBody))")
            if let due = a.due {
                out.event(uid: "\(a.id)-due", stamp: dtstamp, day: due, modified: a.updated,
                          summary: "Due: \(a.id) \(a.title)",
                          description: "\(area) action \(a.id)\nLead: \(lead)\nStatus: \(status). RAG: \(a.rag.label)", category: area)
            }
            var seen: [String: Int] = [:]
            for m in a.milestones {
                guard let due = m.due else { continue }
                // A second milestone of the same title gets its own UID, stable while the order is.
                let n = seen[m.title, default: 0]
                seen[m.title] = n + 1
                let uid = "\(a.id)-milestone-\(hex(fnv1a(m.title)))" + (n > 0 ? "-\(n + 1)" : "")
                out.event(uid: uid, stamp: dtstamp, day: due, modified: a.updated,
                          summary: "Milestone\(m.done ? " (met)" : ""): \(m.title) (\(a.id))",
                          description: "\(area) action \(a.id): \(a.title)\nLead: \(lead)", category: area)
            }
        }
        for m in p.meetings where wanted.contains(m.area) {
            let area = names[m.area] ?? m.area
            let file = m.id.split(separator: "/").last.map(String.init) ?? m.id
            out.event(uid: "meeting-\(m.area)-\(file)", stamp: dtstamp, day: m.date, modified: nil,
                      summary: m.title.isEmpty ? "\(area) meeting" : m.title,
                      description: "\(area) meeting" + (m.attendees.isEmpty ? "" : "\nAttendees: " + m.attendees.joined(separator: ", "))
                        + (m.items.isEmpty ? "" : "\nAgenda: " + m.items.map(\.action).joined(separator: ", ")),
                      category: area)
        }
        out.add("END:VCALENDAR")
        return out.text
    }

    /// TEXT as RFC 5545 §3.3.11 escapes it: backslash, semicolon, comma and line breaks;
    /// other controls are dropped (a calendar cannot hold them).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    static func basic(_ day: Day) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

    /// FNV-1a, 64 bits: a hash that is the same in every run (Swift's `Hasher` is seeded per process).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Content lines: CRLF-ended, folded at 75 octets with CRLF and a space, never inside a
/// UTF-8 sequence (RFC 5545 §3.1).
struct ICSLines {
    private(set) var text = ""

    mutating func add(_ line: String) {
        var count = 0
        for scalar in line.unicodeScalars {
            let v = scalar.value
            let size = v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
            if count + size > 75 {
                text += "\r\n "
                count = 1
            }
            text.unicodeScalars.append(scalar)
            count += size
        }
        text += "\r\n"
    }

    mutating func event(uid: String, stamp: String, day: Day, modified: Day?, summary: String, description: String, category: String) {
        add("BEGIN:VEVENT")
        add("UID:" + PlanCalendar.escape(uid) + "@pathfinder")
        add("DTSTAMP:" + stamp)
        add("DTSTART;VALUE=DATE:" + PlanCalendar.basic(day))
        add("DTEND;VALUE=DATE:" + PlanCalendar.basic(day.adding(days: 1)))
        if let modified { add("LAST-MODIFIED:" + PlanCalendar.basic(modified) + "T000000Z") }
        add("SUMMARY:" + PlanCalendar.escape(summary))
        add("DESCRIPTION:" + PlanCalendar.escape(description))
        add("CATEGORIES:" + PlanCalendar.escape(category))
        add("TRANSP:TRANSPARENT")
        add("END:VEVENT")
    }
}
