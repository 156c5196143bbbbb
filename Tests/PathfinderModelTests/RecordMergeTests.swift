import Testing
@testable import PathfinderModel

/// The one merge rule every edit path uses: base (where an edit started), mine, theirs.
@Suite struct RecordMergeTests {
    let base = Action(id: "PO-01", area: "portsmouth", title: "Befriending", lead: "Jo", partners: ["Age UK", "PCT"],
                      status: "in-progress", rag: .amber,
                      milestones: [Milestone(title: "Recruit", due: Day(iso: "2007-01-31"), done: false),
                                   Milestone(title: "Report", due: Day(iso: "2007-03-31"), done: false)],
                      progress: [ProgressEntry(date: Day(iso: "2006-10-02")!, author: "Jo", text: "Started")])

    @Test func aFieldOnlyOneSideChangedTakesThatChangeAndTheSameFieldIsAConflict() {
        var mine = base, theirs = base
        mine.lead = "Sam"
        theirs.rag = .red
        let clean = RecordMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(clean.conflicts.isEmpty)
        #expect(clean.merged.lead == "Sam" && clean.merged.rag == .red)
        theirs.lead = "Ali"
        let clash = RecordMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(clash.conflicts.map(\.key) == ["lead"])
        #expect(clash.conflicts.first?.mine == "Sam" && clash.conflicts.first?.theirs == "Ali")
        #expect(clash.merged.lead == "Ali", "a conflict keeps their value until the user decides")
        #expect(RecordMerge.merge(base: base, mine: theirs, theirs: theirs).conflicts.isEmpty, "the same change on both sides")
    }

    @Test func listsMergeEntryByEntry() {
        var mine = base, theirs = base
        mine.partners = ["Age UK", "PCT", "Police"]          // added
        theirs.partners = ["PCT", "Fire service"]            // removed one, added one
        mine.milestones[0].done = true                       // ticked
        theirs.milestones[0].due = Day(iso: "2007-02-28")    // moved
        theirs.milestones.append(Milestone(title: "Launch", due: nil, done: false))
        let r = RecordMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(r.conflicts.isEmpty)
        #expect(r.merged.partners == ["PCT", "Police", "Fire service"])   // where it was typed: after PCT
        #expect(r.merged.milestones.map(\.title) == ["Recruit", "Report", "Launch"])
        #expect(r.merged.milestones[0].done && r.merged.milestones[0].due == Day(iso: "2007-02-28"))
        // The same milestone given two different dates cannot be settled.
        mine.milestones[0].due = Day(iso: "2007-04-30")
        #expect(RecordMerge.merge(base: base, mine: mine, theirs: theirs).conflicts.map(\.key) == ["milestones"])
    }

    @Test func notesFromBothAreKeptInDateOrderAndAnUndoneOneGoes() {
        var mine = base, theirs = base
        mine.addProgress(ProgressEntry(date: Day(iso: "2006-12-01")!, author: "Sam", text: "Mine"))
        theirs.addProgress(ProgressEntry(date: Day(iso: "2006-11-20")!, author: "Ali", text: "Theirs"))
        let both = RecordMerge.merge(base: base, mine: mine, theirs: theirs).merged
        #expect(both.progress.map(\.text) == ["Started", "Theirs", "Mine"])
        var undone = base
        undone.progress = []
        #expect(RecordMerge.merge(base: base, mine: undone, theirs: theirs).merged.progress.map(\.text) == ["Theirs"])
    }

    @Test func anEditOutweighsARemovalInAList() {
        var mine = base, theirs = base
        mine.milestones.removeLast()                 // I removed "Report"
        theirs.milestones[1].done = true             // they ticked it
        #expect(RecordMerge.merge(base: base, mine: mine, theirs: theirs).merged.milestones.map(\.title) == ["Recruit", "Report"])
    }

    @Test func areasCaseStudiesAndMeetingsMergeTheSameWay() {
        let area = Area(id: "portsmouth", name: "Portsmouth", code: "PO")
        var mine = area, theirs = area
        mine.region = "South East"
        theirs.narrative = "Theirs"
        let a = RecordMerge.merge(base: area, mine: mine, theirs: theirs)
        #expect(a.conflicts.isEmpty && a.merged.region == "South East" && a.merged.narrative == "Theirs")

        let meeting = Meeting(id: "portsmouth/m", area: "portsmouth", date: Day(iso: "2006-11-28")!, title: "Steering",
                              items: [MeetingItem(action: "PO-01")])
        var m = meeting, t = meeting
        m.items[0].notes = ["Mine"]
        t.items[0].notes = ["Theirs"]
        t.title = "Steering group"
        let merged = RecordMerge.merge(base: meeting, mine: m, theirs: t)
        #expect(merged.conflicts.isEmpty)
        #expect(merged.merged.items[0].notes == ["Theirs", "Mine"] && merged.merged.title == "Steering group")
    }
}

/// Rules about actions the screens, the command line and the store share.
@Suite struct ActionRulesTests {
    @Test func aNewActionStartsAtTheCataloguesStatusNeverAHardCodedOne() {
        var catalogue = Catalogue()
        #expect(catalogue.startingStatus == "not-started")
        catalogue.statuses = [StatusEntry(id: "finished", label: "Finished", symbol: "●", closed: true),
                              StatusEntry(id: "planned", label: "Planned", symbol: "○", closed: false)]
        #expect(catalogue.startingStatus == "planned")
        catalogue.statuses.removeLast()
        #expect(catalogue.startingStatus == "finished")   // no open status: still one of its own
        catalogue.statuses = []
        #expect(catalogue.startingStatus == "not-started")
    }

    @Test func aCopyStartsAtTheCataloguesFirstOpenStatusWithNothingDone() {
        var catalogue = Catalogue()
        catalogue.statuses = [StatusEntry(id: "finished", label: "Finished", symbol: "●", closed: true), StatusEntry(id: "planned", label: "Planned", symbol: "○", closed: false)]
        #expect(catalogue.firstOpenStatus == "planned")
        let action = Action(id: "PO-01", area: "portsmouth", title: "Befriending", status: "finished", rag: .red,
                            milestones: [Milestone(title: "Recruit", due: nil, done: true)], reviewed: Day(iso: "2006-11-28"),
                            progress: [ProgressEntry(date: Day(iso: "2006-10-02")!, author: "Jo", text: "Started")])
        let copy = action.duplicated(catalogue: catalogue)
        #expect(copy.id.isEmpty && copy.title == "Befriending (copy)" && copy.status == "planned" && copy.rag == .green)
        #expect(copy.progress.isEmpty && copy.reviewed == nil && copy.milestones.allSatisfy { !$0.done })
    }

    @Test func aNoteGoesInDateOrderAfterItsOwnDaysNotes() {
        var log: ProgressLog = [ProgressEntry(date: Day(iso: "2006-10-02")!, author: "a", text: "1"),
                                ProgressEntry(date: Day(iso: "2006-11-14")!, author: "a", text: "3")]
        log.add(ProgressEntry(date: Day(iso: "2006-10-02")!, author: "b", text: "2"))
        log.add(ProgressEntry(date: Day(iso: "2006-01-01")!, author: "b", text: "0"))
        #expect(log.map(\.text) == ["0", "1", "2", "3"])
    }

    @Test func relinkingAMeetingPointsEveryMentionAtTheNewID() {
        var meeting = Meeting(id: "portsmouth/m", area: "portsmouth", date: Day(iso: "2006-11-28")!, title: "Steering",
                              items: [MeetingItem(action: "PO-05")], changes: [MeetingChange(action: "PO-05", field: "rag", old: "A", new: "R")],
                              actionsCreated: ["PO-05"])
        meeting.relink(from: "PO-05", to: "DO-11")
        #expect(meeting.items[0].action == "DO-11" && meeting.changes[0].action == "DO-11" && meeting.actionsCreated == ["DO-11"])
    }
}
