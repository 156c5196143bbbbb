import Foundation
import PathfinderExchange
import PathfinderModel
import Testing

/// The .ics export read as RFC 5545 says a calendar reads it.
struct CalendarTests {
    let stamp = Date(timeIntervalSince1970: 1_165_000_000)

    /// Unfolded content lines, after checking every physical line: CRLF-ended, at most 75 octets.
    func contentLines(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        var physical: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 {
                physical.append(current)
                current = []
                i += 2
                continue
            }
            #expect(bytes[i] != 10 && bytes[i] != 13, "a bare line break")
            current.append(bytes[i])
            i += 1
        }
        #expect(current.isEmpty, "the last line ends with CRLF")
        var lines: [String] = []
        for line in physical {
            #expect(line.count <= 75, "a line of \(line.count) octets")
            #expect(String(validating: line, as: UTF8.self) != nil, "a fold inside a UTF-8 sequence")
            if line.first == 32, !lines.isEmpty {
                lines[lines.count - 1] += String(decoding: line.dropFirst(), as: UTF8.self)
            } else {
                lines.append(String(decoding: line, as: UTF8.self))
            }
        }
        return lines
    }

    /// Events as property maps (name without parameters → value, with parameters kept in the key).
    func events(_ text: String) -> [[String: String]] {
        var events: [[String: String]] = []
        var current: [String: String]?
        for line in contentLines(text) {
            if line == "BEGIN:VEVENT" { current = [:]; continue }
            if line == "END:VEVENT" { events.append(current!); current = nil; continue }
            guard current != nil, let colon = line.firstIndex(of: ":") else { continue }
            current![String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        return events
    }

    @Test func dueDatesMilestonesAndMeetingsAreAllDayEventsWithStableUIDs() throws {
        let p = try Sample.partnership()
        let text = PlanCalendar.render(p, areas: [p.area("portsmouth")!], stamp: stamp)
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let all = events(text)
        let po03 = try #require(all.first { $0["UID"] == "PO-03-due@pathfinder" })
        #expect(po03["DTSTART;VALUE=DATE"] == "20070630" && po03["DTEND;VALUE=DATE"] == "20070701")
        #expect(po03["DTSTAMP"] == "20061201T190640Z")
        #expect(po03["SUMMARY"] == "Due: PO-03 A policy framework that values the sector's voice and independence")
        let actions = p.actions(inArea: "portsmouth")
        let milestones = actions.flatMap { $0.milestones.filter { $0.due != nil } }
        #expect(all.count == actions.filter { $0.due != nil }.count + milestones.count + p.meetings(inArea: "portsmouth").count)
        #expect(all.contains { $0["UID"] == "meeting-portsmouth-2006-11-28-steering-group@pathfinder" })
        #expect(Set(all.compactMap { $0["UID"] }).count == all.count, "every UID is unique")
        let again = PlanCalendar.render(p, areas: [p.area("portsmouth")!], stamp: Date())
        #expect(events(again).map { $0["UID"] } == all.map { $0["UID"] }, "a re-export gives the same UIDs")
    }

    @Test func textIsEscapedAndLongLinesFoldedWithoutSplittingCharacters() {
        var action = Action(id: "PO-99", area: "portsmouth", title: "Résumé; commas, back\\slash and a\nnew line — " + String(repeating: "é", count: 60),
                            lead: "Zoë", due: Day(iso: "2007-01-31"))
        action.milestones = [Milestone(title: "Same", due: Day(iso: "2007-01-01")), Milestone(title: "Same", due: Day(iso: "2007-01-02"))]
        let p = Partnership(title: "T", catalogue: Catalogue(), areas: [Area(id: "portsmouth", name: "Portsmouth", code: "PO")], actions: [action])
        let text = PlanCalendar.render(p, areas: p.areas, stamp: stamp)
        let due = events(text)[0]
        #expect(due["SUMMARY"] == "Due: PO-99 Résumé\\; commas\\, back\\\\slash and a\\nnew line — " + String(repeating: "é", count: 60))
        let uids = events(text).compactMap { $0["UID"] }
        #expect(uids.count == 3 && Set(uids).count == 3, "two milestones of one title get two UIDs: \(uids)")
    }
}
