import PathfinderModel
import Testing
@testable import PathfinderTUI

/// Every way the screens change a record merges against the version it started from: a
/// colleague's change made meanwhile (read in by the watcher, by a sync, or met by the save
/// itself) is kept when it touched another field, and opens the conflict view when it touched
/// the same one. Never silently overwritten.
@Suite struct MergeOnEveryPathTests {
    let editing = EditingTests()

    func state(_ pages: [Page]) -> AppState {
        var s = AppState(partnership: Fixture.partnership, asOf: Fixture.asOf, storeLabel: "t", width: 80, height: 24,
                         pages: pages, today: EditingTests.today)
        s.edits.userName = "Zoë Ahmed"
        return s
    }

    /// PO-01's full form with Lead replaced by `lead` (Title, Theme, Success factors, Lead).
    func formWithLead(_ lead: String) -> AppState {
        editing.onAction().after(.character("e"), .tab, .tab, .tab, .control("u")).typing(lead)
    }

    func colleague(_ change: (inout Action) -> Void) -> Action {
        var theirs = Fixture.partnership.action("PO-01")!
        change(&theirs)
        return theirs
    }

    func savedAction(_ effects: [Effect]) -> Action? {
        for case let .save(.action(a)) in effects { return a }
        return nil
    }

    // MARK: The action form

    @Test func theFormKeepsAColleaguesRAGReadInWhileItWasOpen() {
        var s = formWithLead("Jo Bloggs")
        // From another shell: `pathfinder edit PO-01 rag=amber`, read in by the watcher.
        let theirs = colleague { $0.rag = .amber }
        s = update(s, .storeChanged(StoreChange(actions: [theirs]))).0
        let (saved, effects) = update(s, .key(.control("s")))
        let written = savedAction(effects)
        #expect(written?.lead == "Jo Bloggs")
        #expect(written?.rag == .amber)
        #expect(saved.partnership.action("PO-01")?.rag == .amber)
        #expect(saved.message?.text.contains("merged with a change made meanwhile") == true)
    }

    @Test func theFormKeepsAChangeASyncBroughtWhileItWasOpen() {
        var s = formWithLead("Jo Bloggs")
        var pulled = Fixture.partnership
        pulled.actions = pulled.actions.map { a in
            var a = a
            if a.id == "PO-01" { a.status = "blocked" }
            return a
        }
        s = update(s, .storeChanged(StoreChange(partnership: pulled))).0
        let written = savedAction(update(s, .key(.control("s"))).1)
        #expect(written?.status == "blocked")
        #expect(written?.lead == "Jo Bloggs")
    }

    @Test func theFormAndAColleagueChangingTheSameFieldOpensTheConflictView() {
        var s = formWithLead("Jo Bloggs")
        s = update(s, .storeChanged(StoreChange(actions: [colleague { $0.lead = "Sam Patel" }]))).0
        let (conflict, effects) = update(s, .key(.control("s")))
        #expect(effects.isEmpty)   // nothing written until the user decides
        guard case let .conflict(page) = conflict.page else { Issue.record("no conflict view: \(conflict.page)"); return }
        #expect(page.fields.map(\.label) == ["Lead"])
        #expect(page.fields.first?.mine == "Jo Bloggs")
        #expect(page.fields.first?.theirs == "Sam Patel")
        #expect(conflict.partnership.action("PO-01")?.lead == "Sam Patel")   // the screen shows the disk's
        // Keeping theirs saves nothing of mine for that field.
        let (kept, saves) = update(conflict, .key(.character("t")))
        let resolved = update(kept, .key(.enter))
        #expect(saves.isEmpty)
        #expect(savedAction(resolved.1)?.lead == "Sam Patel")
    }

    @Test func aSaveThatMeetsAChangeOnDiskMergesItWithoutAsking() {
        // The watcher had not read the colleague's change yet: the save itself met it.
        var s = formWithLead("Jo Bloggs")
        let (sent, effects) = update(s, .key(.control("s")))
        s = sent
        guard let mine = savedAction(effects) else { Issue.record("no save"); return }
        let theirs = colleague { a in
            a.rag = .green
            a.progress.append(ProgressEntry(date: Day(iso: "2026-11-24")!, author: "Sam Patel", text: "Their note"))
        }
        let (merged, again) = update(s, .conflict(mine: .action(mine), theirs: .action(theirs)))
        guard let written = savedAction(again) else { Issue.record("merge not saved: \(merged.page)"); return }
        #expect(written.lead == "Jo Bloggs")
        #expect(written.rag == .green)
        #expect(written.progress.map(\.text).contains("Their note"))
        #expect(merged.page == .action("PO-01"))
        #expect(merged.message?.text == "PO-01: merged with a change made on disk meanwhile; both kept")
    }

    @Test func aSaveWaitingOnAFullDiskIsMergedWithWhatIsReadIn() {
        var s = editing.onAction()
        let effects = editing.press(&s, .character("s"), .character("d"), .enter)   // status Done
        guard let mine = savedAction(effects) else { Issue.record("no save"); return }
        s = update(s, .saveFailed(.action(mine), reason: "No space left on device")).0
        // A colleague's RAG arrives while it waits; the retry must not write it back.
        let (after, resaved) = update(s, .storeChanged(StoreChange(actions: [colleague { $0.rag = .amber }])))
        let written = savedAction(resaved)
        #expect(written?.status == "done")
        #expect(written?.rag == .amber)
        #expect(after.edits.pending[Record.action(mine).key] == written.map { .save(.action($0)) })
    }

    // MARK: Long text in the editor

    @Test func aDescriptionChangedMeanwhileIsAConflictAndAnotherFieldIsKept() {
        var s = editing.onAction()
        let original = s.partnership.action("PO-01")!.description
        let request = TextRequest(purpose: .description(action: "PO-01"), text: original, fileName: "PO-01-description.md")
        // Another field changed meanwhile: kept.
        s = update(s, .storeChanged(StoreChange(actions: [colleague { $0.title = "Renamed by Sam" }]))).0
        let (kept, effects) = update(s, .textEdited(request, text: "Mine, from vi.\n", problem: nil))
        #expect(savedAction(effects)?.description == "Mine, from vi.")
        #expect(savedAction(effects)?.title == "Renamed by Sam")
        #expect(kept.page == .action("PO-01"))
        // The description itself changed meanwhile: asked, not overwritten.
        var t = editing.onAction()
        t = update(t, .storeChanged(StoreChange(actions: [colleague { $0.description = "Theirs." }]))).0
        let (asked, none) = update(t, .textEdited(request, text: "Mine, from vi.\n", problem: nil))
        #expect(none.isEmpty)
        guard case let .conflict(page) = asked.page else { Issue.record("no conflict view"); return }
        #expect(page.fields.map(\.label) == ["Description"])
    }

    // MARK: Areas, case studies, meetings

    @Test func theAreaFormKeepsAColleaguesNarrativeAndAsksAboutTheSameField() {
        let open = state([.areas(AreasPage()), .area("portsmouth")])
            .after(.character("e"), .tab, .tab).control("u").typing("Portsmouth City Council (unitary)")
        var theirs = Fixture.partnership.area("portsmouth")!
        theirs.narrative = "Rewritten by the forum."
        let read = update(open, .storeChanged(StoreChange(areas: [theirs]))).0
        let (_, effects) = update(read, .key(.control("s")))
        guard case let .save(.area(written))? = effects.first else { Issue.record("no save: \(effects)"); return }
        #expect(written.narrative == "Rewritten by the forum.")
        #expect(written.authority == "Portsmouth City Council (unitary)")

        var same = theirs
        same.authority = "Someone else's authority"
        let clash = update(open, .storeChanged(StoreChange(areas: [same]))).0
        let (asked, none) = update(clash, .key(.control("s")))
        #expect(none.isEmpty)
        guard case let .conflict(page) = asked.page else { Issue.record("no conflict view: \(asked.page)"); return }
        #expect(page.fields.map(\.label) == ["Authority"])
        // Keeping mine keeps their narrative too.
        let (_, saved) = update(asked, .key(.enter))
        guard case let .save(.area(result))? = saved.first else { Issue.record("not saved"); return }
        #expect(result.authority == "Portsmouth City Council (unitary)")
        #expect(result.narrative == "Rewritten by the forum.")
    }

    @Test func theCaseStudyFormKeepsAColleaguesText() {
        let open = state([.caseStudies(CaseStudiesPage()), .caseStudy("good-neighbours")])
            .after(.character("e"), .tab, .right)   // Area → the next one
        var theirs = Fixture.partnership.caseStudy("good-neighbours")!
        theirs.text = "Their text."
        let read = update(open, .storeChanged(StoreChange(caseStudies: [theirs]))).0
        let (_, effects) = update(read, .key(.control("s")))
        guard case let .save(.caseStudy(written))? = effects.first else { Issue.record("no save: \(effects)"); return }
        #expect(written.text == "Their text.")
        #expect(written.area == "tower-hamlets")
    }

    @Test func aMeetingSavedOverAColleaguesNotesKeepsBoth() {
        let meeting = Meeting(id: "portsmouth/2026-11-25-steering", area: "portsmouth", date: EditingTests.today, title: "Steering",
                              items: [MeetingItem(action: "PO-01"), MeetingItem(action: "PO-02")])
        var s = state([.areas(AreasPage())])
        s.partnership.meetings.append(meeting)
        var mine = meeting
        mine.items[0].decisions = ["Lead to report in January"]
        let saving = s.show(from: .meeting(meeting), to: .meeting(mine))
        #expect(saving == [.save(.meeting(mine))])
        var theirs = meeting
        theirs.items[1].notes = ["Raised by the forum"]
        theirs.attendees = ["Sam Patel"]
        let (after, effects) = update(s, .conflict(mine: .meeting(mine), theirs: .meeting(theirs)))
        guard case let .save(.meeting(written))? = effects.first else { Issue.record("no merge: \(after.page)"); return }
        #expect(written.items[0].decisions == ["Lead to report in January"])
        #expect(written.items[1].notes == ["Raised by the forum"])
        #expect(written.attendees == ["Sam Patel"])
    }

    // MARK: Undo

    @Test func undoNeverOverwritesAColleaguesChangeToTheSameField() {
        var s = editing.onAction()
        let effects = editing.press(&s, .character("s"), .character("d"), .enter)   // Done
        if let mine = savedAction(effects) { s = update(s, .saved(.action(mine), time: "10:42")).0 }
        // A colleague then set it to Blocked; undoing my Done must not put In progress over it.
        s = update(s, .storeChanged(StoreChange(actions: [colleague { $0.status = "blocked" }]))).0
        _ = editing.press(&s, .character("u"))
        #expect(s.partnership.action("PO-01")?.status == "blocked")
        #expect(s.message?.text == "Undone, except Status: changed on disk since, so it stays as it is there")
    }
}

extension AppState {
    func control(_ c: Character) -> AppState { after(.control(c)) }
}

/// A delete meets a colleague's edit: the edit wins, as sync decides it.
@Suite struct DeleteAgainstAnEditTests {
    let editing = EditingTests()

    func deleted() -> (AppState, Action) {
        var s = editing.onAction()
        _ = editing.press(&s, .delete)
        let effects = editing.press(&s, .character("y"))
        guard case let .delete(action)? = effects.first else { Issue.record("no delete: \(effects)"); return (s, Action(id: "", area: "", title: "")) }
        return (s, action)
    }

    @Test func aDeleteTheStoreRefusesBringsTheActionBackWithNothingToUndo() {
        var (s, action) = deleted()
        #expect(s.partnership.action("PO-01") == nil)
        var theirs = action
        theirs.rag = .green
        s = update(s, .deleteRefused(theirs, reason: "it was changed on disk meanwhile; delete it again if you still mean to")).0
        #expect(s.partnership.action("PO-01") == theirs)
        #expect(s.edits.pending.isEmpty)
        #expect(s.edits.undo.isEmpty)
        #expect(s.message?.text == "PO-01 was not deleted: it was changed on disk meanwhile; delete it again if you still mean to")
    }

    @Test func aDeleteWaitingOnAFullDiskIsCalledOffByAColleaguesEdit() {
        var (s, action) = deleted()
        s = update(s, .saveFailed(.action(action), reason: "No space left on device")).0
        var theirs = action
        theirs.title = "Renamed by Sam"
        let (after, effects) = update(s, .storeChanged(StoreChange(actions: [theirs])))
        #expect(after.partnership.action("PO-01")?.title == "Renamed by Sam")
        #expect(after.edits.pending.isEmpty)
        #expect(effects.isEmpty)   // the tick has nothing left to retry
        #expect(update(after, .tick).1.isEmpty)
    }
}

/// Notes and names typed on the screens follow the same rules as the command line's.
@Suite struct ScreenTextRuleTests {
    let editing = EditingTests()

    @Test func aNoteOrANameOverTheLimitIsRefused() {
        var s = editing.onAction()
        let long = String(repeating: "x", count: 20_001)
        let request = TextRequest(purpose: .note(action: "PO-01"), text: "", fileName: "n.md")
        let (refused, effects) = update(s, .textEdited(request, text: long, problem: nil))
        #expect(effects.isEmpty)
        #expect(refused.message?.text == "PO-01 not changed: note: too long: 20,001 characters, at most 20,000")
        #expect(refused.partnership.action("PO-01")?.progress == s.partnership.action("PO-01")?.progress)
        s.edits.userName = nil
        _ = editing.press(&s, .character("v"))
        _ = editing.press(&s, .control("u"))
        editing.type(&s, String(repeating: "Zoë ", count: 31))
        _ = editing.press(&s, .enter)
        #expect(s.edits.userName == nil)
        #expect(s.message?.text == "Your name: too long: 123 characters, at most 120")
    }
}
