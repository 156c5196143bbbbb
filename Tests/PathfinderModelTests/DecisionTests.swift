import PathfinderModel
import Testing

/// The decisions register and a decision read as a proposed action (issue 16).
@Suite struct DecisionTests {
    func decision(_ text: String, on date: String = "2006-11-28") -> Decision {
        Decision(text: text, meeting: "portsmouth/x", meetingTitle: "Steering group", date: Day(iso: date)!, area: "portsmouth",
                 action: "PO-06")
    }

    @Test func anOwnerAndADateMakeAProposal() {
        let p = decision("Head of Finance to list the contracts due for renewal in 2007/08 by 22 December.").proposal
        #expect(p?.owner == "Head of Finance")
        #expect(p?.title == "List the contracts due for renewal in 2007/08")
        #expect(p?.due == Day(iso: "2006-12-22"))
        // A day already past in the meeting's year is next year's.
        #expect(decision("Chair to write to the PCT by 3 January", on: "2006-11-28").proposal?.due == Day(iso: "2007-01-03"))
        #expect(decision("Chair to write to the PCT by 2007-02-01").proposal?.due == Day(iso: "2007-02-01"))
        #expect(decision("Chair to write to the PCT by March 5 2007").proposal?.due == Day(iso: "2007-03-05"))
    }

    @Test func aDecisionWithoutOwnerOrDateIsNone() {
        #expect(decision("Amber until the outcome of the bid is known.").proposal == nil)
        #expect(decision("Draft framework to the VCS Providers Network in the new year.").proposal == nil)
        #expect(decision("The Primary Care Trust representative to bring the Trust's grants and contracts with the sector, "
                         + "so the audit covers more than the council's side.").proposal == nil)
        #expect(decision("Chair to write by the end of term").proposal == nil)
    }

    @Test func theRegisterIsNewestFirstAndFilteredByAreaAndDay() {
        let old = Meeting(id: "po/old", area: "portsmouth", date: Day(iso: "2006-10-01")!, title: "Old",
                          items: [MeetingItem(action: "PO-01", decisions: ["first", "second"])])
        let new = Meeting(id: "po/new", area: "portsmouth", date: Day(iso: "2006-11-01")!, title: "New",
                          items: [MeetingItem(action: "PO-02", decisions: ["third"])])
        let other = Meeting(id: "do/x", area: "dorset", date: Day(iso: "2006-10-15")!, title: "Dorset",
                            items: [MeetingItem(action: "DO-01", decisions: ["fourth"])])
        var p = Partnership(title: "test")
        p.meetings = [old, new, other]
        #expect(p.decisions().map(\.text) == ["third", "fourth", "first", "second"])
        #expect(p.decisions(area: "portsmouth").map(\.text) == ["third", "first", "second"])
        #expect(p.decisions(since: Day(iso: "2006-10-10")!).map(\.text) == ["third", "fourth"])
        #expect(p.decisions().first?.action == "PO-02")
    }

    @Test func searchFindsADecisionByItsWords() {
        var p = Partnership(title: "test")
        p.meetings = [Meeting(id: "portsmouth/2006-11-28-steering-group", area: "portsmouth", date: Day(iso: "2006-11-28")!,
                              title: "Pathfinder steering group",
                              items: [MeetingItem(action: "PO-06", notes: ["Three months' notice"],
                                                  decisions: ["Head of Finance to list the contracts by 22 December."])])]
        let found = SearchIndex(p).search("22 December").results
        #expect(found.count == 1)
        #expect(found.first?.kind == .meeting)
        #expect(found.first?.field == "decision on PO-06")
        #expect(found.first?.snippet.contains("Finance to list") == true)
        #expect(SearchIndex(p).search("months notice").results.first?.field == "note on PO-06")
    }
}
