import PathfinderModel
import Testing
@testable import PathfinderTUI

/// An export writes what is on screen (issue 16: `:report FILE` on "Highlight report: all
/// areas" wrote Portsmouth's), and minutes are of the meeting on screen, just ended, or chosen.
@Suite struct ExportOnScreenTests {
    func state(_ pages: [Page]) -> AppState {
        var s = AppState(partnership: SampleStoreScreenTests.partnership, asOf: SampleStoreScreenTests.partnership.asOf!,
                         storeLabel: "sample-areas", width: 80, height: 24, pages: pages)
        s.edits.userName = "Forum facilitator"
        return s
    }

    func command(_ s: inout AppState, _ line: String) -> [Effect] {
        var effects: [Effect] = []
        (s, effects) = update(s, .key(.character(":")))
        for c in line { (s, effects) = update(s, .key(.character(c))) }
        (s, effects) = update(s, .key(.enter))
        return effects
    }

    func exported(_ effects: [Effect]) -> ExportRequest? {
        effects.lazy.compactMap { if case let .export(r) = $0 { r } else { nil } }.first
    }

    @Test func theReportOnScreenIsTheOneWrittenWhateverWasSelectedBeneathIt() {
        // The plan of Portsmouth, then the report of all areas shown over it.
        var s = state([.areas(AreasPage()), .area("portsmouth"), .actionPlan(ActionPlanPage(area: "portsmouth"))])
        s = update(s, .showReport(ReportPage(title: "Highlight report: all areas", lines: ["…"], kind: .highlight(area: nil)))).0
        let request = exported(command(&s, "report hl.md"))
        #expect(request?.kind == .highlight(area: nil))
        #expect(request?.path == "hl.md")
        #expect(request?.kind.name(in: s.partnership) == "the highlight report for all areas")
    }

    @Test func eachScreenExportsItsOwnReport() {
        var s = state([.areas(AreasPage())])
        #expect(exported(command(&s, "report all.md"))?.kind == .highlight(area: nil))
        s = state([.areas(AreasPage()), .area("portsmouth"), .actionPlan(ActionPlanPage(area: "portsmouth"))])
        #expect(exported(command(&s, "report po.md"))?.kind == .highlight(area: "portsmouth"))
        #expect(exported(command(&s, "report funding po.csv"))?.kind == .funding(area: "portsmouth"))
        s = state([.areas(AreasPage()), .successFactors(FactorMatrixPage())])
        #expect(exported(command(&s, "report m.md"))?.kind == .factors(area: nil))
        // A funding check shown for Portsmouth writes that one.
        s = update(s, .showReport(ReportPage(title: "Compact funding check: Portsmouth", lines: [], kind: .funding(area: "portsmouth")))).0
        #expect(exported(command(&s, "report f.html"))?.kind == .funding(area: "portsmouth"))
        #expect(ExportRequest.Kind.funding(area: "portsmouth").name(in: s.partnership) == "the Compact funding check for Portsmouth")
    }

    @Test func minutesWithNoMeetingOnScreenAreChosenFromAListNewestFirst() {
        var s = state([.areas(AreasPage())])
        #expect(exported(command(&s, "minutes m.md")) == nil)
        guard case let .picker(picker, .minutesOf(path))? = s.overlay else { Issue.record("no list of meetings"); return }
        #expect(path == "m.md")
        #expect(picker.choices.first?.id == s.partnership.meetings.max { $0.date < $1.date }?.id)
        let effects = update(s, .key(.enter)).1
        #expect(exported(effects)?.kind == .minutes(meeting: picker.choices[0].id))
    }

    @Test func minutesOfTheMeetingOnScreenAndTheirName() {
        let meeting = "portsmouth/2006-11-28-steering-group"
        var s = state([.areas(AreasPage()), .meeting(MeetingPage(meeting: meeting, showingAgenda: true))])
        let request = exported(command(&s, "minutes m.html"))
        #expect(request?.kind == .minutes(meeting: meeting))
        #expect(request?.format == "html")
        #expect(request?.kind.name(in: s.partnership) == "the minutes of Pathfinder steering group, 2006-11-28")
        // Not a format minutes come in: said, nothing written.
        #expect(exported(command(&s, "minutes m.csv")) == nil)
        #expect(s.message?.isError == true)
    }

    @Test func endingAMeetingOffersToWriteItsMinutesAndMinutesThenMeanIt() {
        var s = state([.areas(AreasPage()), .area("portsmouth")])
        var p = s.partnership
        p.meetings.append(Meeting(id: "portsmouth/2006-12-15-forum", area: "portsmouth", date: Day(iso: "2006-12-15")!,
                                  title: "VCS forum", items: [MeetingItem(action: "PO-01")]))
        s.partnership = p
        s.push(.meeting(MeetingPage(meeting: "portsmouth/2006-12-15-forum", showingAgenda: false)))
        s = update(s, .key(.character("E"))).0
        s = update(s, .key(.character("y"))).0
        guard case let .prompt(prompt)? = s.overlay, case let .minutesFile(meeting) = prompt.purpose else {
            Issue.record("no offer of the minutes"); return
        }
        #expect(meeting == "portsmouth/2006-12-15-forum")
        #expect(prompt.editor.text == "minutes-2006-12-15-forum.md")
        let effects = update(s, .key(.enter)).1
        #expect(exported(effects)?.kind == .minutes(meeting: meeting))
        #expect(exported(effects)?.path == "minutes-2006-12-15-forum.md")
        // Later, elsewhere, :minutes means the meeting just ended.
        var later = update(s, .key(.enter)).0
        #expect(exported(command(&later, "minutes again.md"))?.kind == .minutes(meeting: meeting))
    }
}
