import PathfinderModel
import Testing
@testable import PathfinderTUI

/// Quick updates, undo and redo, and what happens when the disk answers back, driven by keys
/// through `update` as the run loop does.
@Suite struct EditingTests {
    static let today = Day(iso: "2026-11-25")!

    /// On PO-01's action screen, as a user who has given their name.
    func onAction(_ id: String = "PO-01") -> AppState {
        var s = AppState(partnership: Fixture.partnership, asOf: Fixture.asOf, storeLabel: "test-store", width: 80, height: 24,
                         pages: [.areas(AreasPage()), .action(id)], today: Self.today)
        s.edits.userName = "Zoë Ahmed"
        return s
    }

    /// Keys in, and the effects of the last one out.
    func press(_ state: inout AppState, _ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { (state, effects) = update(state, .key(key)) }
        return effects
    }

    func type(_ state: inout AppState, _ text: String) {
        for c in text { state = update(state, .key(.character(c))).0 }
    }

    @Test func statusChangesFromThePickerAndIsSavedStampedAndUndoable() {
        var s = onAction()
        #expect(press(&s, .character("s")).isEmpty)
        guard case let .picker(picker, _)? = s.overlay else { Issue.record("no status picker"); return }
        #expect(picker.current?.id == "in-progress")   // starts on the current status
        let effects = press(&s, .character("d"), .enter)   // "d" jumps to Done
        let action = s.partnership.action("PO-01")!
        #expect(action.status == "done")
        #expect(action.updated == Self.today)
        #expect(action.updatedBy == "Zoë Ahmed")
        #expect(effects == [.save(.action(action))])
        #expect(s.message?.text == "PO-01 status: In progress → Done")
        #expect(s.edits.undo.count == 1)

        let undo = press(&s, .character("u"))
        let restored = Fixture.partnership.action("PO-01")!
        #expect(s.partnership.action("PO-01") == restored)
        #expect(undo == [.save(.action(restored))])
        #expect(s.message?.text == "Undone: PO-01 status: In progress → Done")

        let redo = press(&s, .control("r"))
        #expect(s.partnership.action("PO-01") == action)
        #expect(redo == [.save(.action(action))])
        #expect(press(&s, .control("r")).isEmpty)
        #expect(s.message?.text == "Nothing to redo")
    }

    @Test func ragChangeWithAReasonWritesItToTheProgressLog() {
        var s = onAction()
        _ = press(&s, .character("r"), .character("a"), .enter)   // Amber
        guard case .prompt? = s.overlay else { Issue.record("no reason prompt"); return }
        // The question is read whole at 80 columns; it gives way as a long answer is typed.
        #expect(render(s).lines[22].hasPrefix("Why Amber? (optional, for the progress log):"))
        type(&s, "Funding ends in March")
        let effects = press(&s, .enter)
        let action = s.partnership.action("PO-01")!
        #expect(action.rag == .amber)
        #expect(action.progress.last == ProgressEntry(date: Self.today, author: "Zoë Ahmed", text: "RAG Red → Amber: Funding ends in March"))
        #expect(effects == [.save(.action(action))])

        // Without a reason, only the rating changes.
        var t = onAction()
        _ = press(&t, .character("r"), .character("g"), .enter, .enter)
        #expect(t.partnership.action("PO-01")!.rag == .green)
        #expect(t.partnership.action("PO-01")!.progress == Fixture.partnership.action("PO-01")!.progress)
    }

    @Test func notesAreAddedInDateOrderAndAnEmptyOneIsNot() {
        var s = onAction()
        _ = press(&s, .character("n"))
        type(&s, "Met the befriending volunteers")
        _ = press(&s, .enter)
        #expect(s.partnership.action("PO-01")!.progress.last?.text == "Met the befriending volunteers")
        #expect(s.partnership.action("PO-01")!.progress.count == 3)

        var t = onAction()
        let effects = press(&t, .character("n"), .character(" "), .enter)
        #expect(effects.isEmpty)
        #expect(t.message?.text == "An empty note is not added")
    }

    @Test func aDueDatePromptResolvesShortcutsAndKeepsABadDateToCorrect() {
        var s = onAction()
        _ = press(&s, .character("d"))
        type(&s, "next tuesday")
        _ = press(&s, .enter)
        guard case let .prompt(prompt)? = s.overlay else { Issue.record("a bad date closed the prompt"); return }
        #expect(prompt.editor.text == "next tuesday")
        #expect(s.message?.isError == true)
        _ = press(&s, .control("u"))   // clear the line, readline style
        type(&s, "+2w")
        let effects = press(&s, .enter)
        #expect(s.overlay == nil)
        // Counted from the store's day (pinned to 2006-12-15), as "overdue" is (issue 16).
        #expect(s.partnership.action("PO-01")!.due == Fixture.asOf.adding(days: 14))
        #expect(effects.count == 1)
        #expect(s.message?.text == "PO-01 due: 2006-11-30 → 2006-12-29")
    }

    @Test func aDueDateBeforeTheStartIsRefused() {
        var s = onAction()
        _ = press(&s, .character("d"))
        type(&s, "2006-01-01")   // PO-01 starts 2006-04-01
        let effects = press(&s, .enter)
        #expect(effects.isEmpty)
        #expect(s.partnership.action("PO-01")!.due == Day(iso: "2006-11-30"))
        #expect(s.message?.isError == true)
    }

    @Test func milestonesTickAndUntick() {
        var s = onAction()
        _ = press(&s, .character("m"), .enter)
        #expect(s.partnership.action("PO-01")!.milestones[0].done == false)
        #expect(s.message?.text == "PO-01 milestone “Recruit 90 volunteers”: not done")
        var t = onAction("PO-02")
        _ = press(&t, .character("m"))
        #expect(t.message?.text == "PO-02 has no milestones yet")
    }

    @Test func markReviewedIsOneKey() {
        var s = onAction()
        let effects = press(&s, .character("v"))
        #expect(s.partnership.action("PO-01")!.reviewed == Self.today)
        #expect(effects.count == 1)
    }

    @Test func theActionPlanEditsTheSelectedAction() {
        var s = AppState(partnership: Fixture.partnership, asOf: Fixture.asOf, storeLabel: "t", width: 80, height: 24,
                         pages: [.actionPlan(ActionPlanPage(area: "portsmouth"))], today: Self.today)
        s.edits.userName = "Zoë Ahmed"
        _ = press(&s, .character("v"))
        #expect(s.partnership.action("PO-01")!.reviewed == Self.today)
    }

    @Test func theNameIsAskedOnceBeforeTheFirstEditAndRemembered() {
        var s = onAction()
        s.edits.userName = nil
        s.edits.suggestedName = "zoe"
        _ = press(&s, .character("v"))
        guard case let .prompt(prompt)? = s.overlay else { Issue.record("name not asked"); return }
        #expect(prompt.editor.text == "zoe")
        _ = press(&s, .control("u"))
        type(&s, "Zoë Ahmed")
        let effects = press(&s, .enter)
        #expect(effects.first == .rememberName("Zoë Ahmed"))
        #expect(s.partnership.action("PO-01")!.updatedBy == "Zoë Ahmed")
        #expect(s.partnership.action("PO-01")!.reviewed == Self.today)
        _ = press(&s, .character("n"))
        guard case .prompt(let next)? = s.overlay, case .note = next.purpose else { Issue.record("asked again"); return }
    }

    @Test func filesWithProblemsAndReadOnlyStoresAreNotEdited() {
        var s = onAction()
        s.edits.notEditable = [.action("PO-01")]
        #expect(press(&s, .character("v")).isEmpty)
        #expect(s.partnership.action("PO-01") == Fixture.partnership.action("PO-01"))
        #expect(s.message?.isError == true)

        var t = onAction()
        t.edits.readOnlyReason = "another Pathfinder has this store open"
        #expect(press(&t, .character("s")).isEmpty)
        #expect(t.overlay == nil)
        #expect(t.message?.text.hasPrefix("Read-only") == true)
    }

    @Test func aFailedSaveIsKeptShownRetriedAndGuardsQuitting() {
        var s = onAction()
        let effects = press(&s, .character("v"))
        guard case let .save(record)? = effects.first else { Issue.record("no save"); return }
        s = update(s, .saveFailed(record, reason: "disk full")).0
        #expect(s.message?.isError == true)
        #expect(RootView.saveState(s.edits)?.text.contains("1 change not saved") == true)
        #expect(update(s, .tick).1 == [.save(record)])
        // Quitting now asks first.
        #expect(press(&s, .character("q")).isEmpty)
        guard case .confirm? = s.overlay else { Issue.record("quit did not ask"); return }
        _ = press(&s, .character("n"))
        #expect(s.overlay == nil)
        // The retry lands.
        s = update(s, .saved(record, time: "10:42")).0
        #expect(s.edits.failures.isEmpty)
        #expect(s.edits.pending.isEmpty)
        #expect(update(s, .tick).1.isEmpty)
        #expect(RootView.saveState(s.edits)?.text == "· saved 10:42 ")
        #expect(press(&s, .character("q")) == [.quit])
    }

    @Test func undoAfterAColleaguesChangeRevertsOnlyMyField() {
        var s = onAction()
        let saves = press(&s, .character("s"), .character("d"), .enter)   // I set Done, and it is saved
        if case let .save(mine)? = saves.first { s = update(s, .saved(mine, time: "10:42")).0 }
        var theirs = s.partnership.action("PO-01")!
        theirs.title = "Good Neighbours befriending (renamed by a colleague)"
        s = update(s, .storeChanged(StoreChange(actions: [theirs]))).0
        #expect(s.message?.text == "1 file changed on disk: read again")
        let effects = press(&s, .character("u"))
        let now = s.partnership.action("PO-01")!
        #expect(now.status == "in-progress")
        #expect(now.title == theirs.title)
        #expect(effects == [.save(.action(now))])
    }

    @Test func aConflictShowsBothVersionsAndSavesTheChoiceKeepingEveryNote() {
        var s = onAction()
        _ = press(&s, .character("s"), .character("d"), .enter)   // mine: status Done
        _ = press(&s, .character("n"))
        type(&s, "My note")
        let effects = press(&s, .enter)
        guard case let .save(mine)? = effects.first else { Issue.record("no save"); return }
        // Meanwhile a colleague changed the RAG and the status, and added a note.
        var theirs = Fixture.partnership.action("PO-01")!
        theirs.rag = .green
        theirs.status = "blocked"
        theirs.progress.append(ProgressEntry(date: Day(iso: "2026-11-20")!, author: "Colleague", text: "Their note"))
        s = update(s, .conflict(mine: mine, theirs: .action(theirs))).0
        guard case let .conflict(page) = s.page else { Issue.record("no conflict page: \(s.page)"); return }
        // Status: both changed it, so it is asked, mine chosen first; RAG: only they changed it,
        // so theirs is kept without asking.
        #expect(page.fields.map(\.field) == [.status])
        #expect(page.fields.first { $0.field == .status }?.takeTheirs == false)
        #expect(s.partnership.action("PO-01") == theirs)   // the screen shows what is on disk
        // Esc does not throw my change away.
        _ = press(&s, .escape)
        guard case .conflict = s.page else { Issue.record("Esc left the conflict"); return }
        let saved = press(&s, .enter)
        let result = s.partnership.action("PO-01")!
        #expect(result.status == "done")
        #expect(result.rag == .green)
        #expect(result.progress.map(\.text).contains("My note"))
        #expect(result.progress.map(\.text).contains("Their note"))
        #expect(saved == [.save(.action(result))])
        #expect(s.page == .action("PO-01"))
    }

    @Test func aConflictCanTakeTheirsForEveryField() {
        var s = onAction()
        let effects = press(&s, .character("s"), .character("d"), .enter)
        guard case let .save(mine)? = effects.first else { return }
        var theirs = Fixture.partnership.action("PO-01")!
        theirs.status = "blocked"
        s = update(s, .conflict(mine: mine, theirs: .action(theirs))).0
        _ = press(&s, .character("T"), .enter)
        #expect(s.partnership.action("PO-01")?.status == "blocked")
    }

    @Test func anActionRemovedOnDiskLeavesItsPageWithAMessage() {
        var s = onAction()
        s = update(s, .storeChanged(StoreChange(removedActions: ["PO-01"]))).0
        #expect(s.pages.count == 1)
        #expect(s.message?.text == "PO-01 was removed on disk (by another program or a sync)")
    }

    @Test func withoutAnEditorLongTextIsWrittenInPlace() {
        var s = onAction()
        _ = press(&s, .character("N"))
        guard case .textArea? = s.overlay else { Issue.record("no inline editor"); return }
        type(&s, "First line")
        _ = press(&s, .enter)
        type(&s, "Second line")
        let effects = press(&s, .control("s"))
        #expect(s.overlay == nil)
        #expect(s.partnership.action("PO-01")!.progress.last?.text == "First line\nSecond line")
        #expect(effects.count == 1)
        // Drawn as a box with its keys in the status line, at the smallest size too.
        var t = onAction()
        t.width = 40
        t.height = 12
        _ = press(&t, .character("E"))
        let screen = render(t)
        #expect(screen.lines[1].contains("Description of PO-01"))
        #expect(screen.lines[11].contains("Ctrl-S done"))
    }

    @Test func longTextGoesToTheEditorWhenThereIsOne() {
        var s = onAction()
        s.edits.hasExternalEditor = true
        let effects = press(&s, .character("E"))
        guard case let .editText(request)? = effects.first else { Issue.record("no editor: \(effects)"); return }
        #expect(request.text == Fixture.partnership.action("PO-01")!.description)
        let saved = update(s, .textEdited(request, text: "New description.\n", problem: nil))
        #expect(saved.0.partnership.action("PO-01")!.description == "New description.")
        #expect(saved.1.count == 1)
        let failed = update(s, .textEdited(request, text: nil, problem: "the editor vi stopped with status 1; nothing changed"))
        #expect(failed.0.partnership.action("PO-01") == Fixture.partnership.action("PO-01"))
        #expect(failed.0.message?.isError == true)
    }
}

/// Duplicating, moving and deleting actions from the screens.
@Suite struct ActionLifecycleTests {
    func onAction() -> AppState {
        var s = AppState(partnership: Fixture.partnership, asOf: Fixture.asOf, storeLabel: "t", width: 80, height: 24,
                         pages: [.areas(AreasPage()), .action("PO-01")], today: EditingTests.today)
        s.edits.userName = "Zoë Ahmed"
        return s
    }

    @Test func deleteAsksThenGoesToTheTrashAndUndoBringsItBack() {
        var s = onAction()
        s = update(s, .key(.delete)).0
        guard case .confirm? = s.overlay else { Issue.record("delete did not ask"); return }
        let (deleted, effects) = update(s, .key(.character("y")))
        let action = Fixture.partnership.action("PO-01")!
        #expect(effects == [.delete(action)])
        #expect(deleted.partnership.action("PO-01") == nil)
        #expect(deleted.pages.count == 1)
        let (undone, restore) = update(deleted, .key(.character("u")))
        #expect(restore == [.restore(action)])
        #expect(undone.partnership.action("PO-01") == action)
        // "n" keeps it.
        let kept = update(update(onAction(), .key(.delete)).0, .key(.character("n")))
        #expect(kept.1.isEmpty)
        #expect(kept.0.partnership.action("PO-01") != nil)
    }

    @Test func duplicateMakesANotStartedCopyWithoutNotes() {
        var s = onAction()
        let effects = update(s, .key(.character("C"))).1
        guard case let .create(copy)? = effects.first else { Issue.record("no copy: \(effects)"); return }
        #expect(copy.title == "Good Neighbours befriending for housebound people (copy)")
        #expect(copy.rag == .green)
        #expect(copy.status == "not-started")
        #expect(copy.progress.isEmpty)
        #expect(copy.milestones.allSatisfy { !$0.done })
        var created = copy
        created.id = "PO-7KQ3"
        s = update(s, .created(created)).0
        #expect(s.page == .action("PO-7KQ3"))
        let undo = update(s, .key(.character("u"))).1
        #expect(undo == [.delete(created)])
    }

    @Test func moveAsksForTheAreaAndFollowsTheNewId() {
        var s = onAction()
        s = update(s, .key(.character(">"))).0
        guard case .picker? = s.overlay else { Issue.record("no area picker"); return }
        let (chosen, effects) = update(s, .key(.enter))
        s = chosen
        guard case let .move(action, area)? = effects.first else { Issue.record("no move: \(effects)"); return }
        #expect(area == "tower-hamlets")
        var new = action
        new.id = "TH-9ABC"
        new.area = "tower-hamlets"
        s = update(s, .moved(old: action, new: new)).0
        #expect(s.page == .action("TH-9ABC"))
        #expect(s.partnership.action("PO-01") == nil)
        let (after, undo) = update(s, .key(.character("u")))
        #expect(undo == [.restore(action), .delete(new)], "\(after.message?.text ?? "")")
        #expect(after.page == .action("PO-01"))
    }
}

/// The full form, opened from the action and the plan.
@Suite struct FormIntegrationTests {
    func onAction() -> AppState {
        var s = AppState(partnership: Fixture.partnership, asOf: Fixture.asOf, storeLabel: "t", width: 80, height: 24,
                         pages: [.areas(AreasPage()), .action("PO-02")], today: EditingTests.today)
        s.edits.userName = "Zoë Ahmed"
        return s
    }

    @Test func eOpensTheFormAndCtrlSSavesThroughTheSameEdit() {
        var s = onAction()
        s = update(s, .key(.character("e"))).0
        guard case .form(.action) = s.page else { Issue.record("no form: \(s.page)"); return }
        #expect(render(s).lines[0].contains("Edit PO-02"))
        s = s.after(.control("u")).typing("Social clauses in every council contract")
        let (saved, effects) = update(s, .key(.control("s")))
        let action = saved.partnership.action("PO-02")!
        #expect(action.title == "Social clauses in every council contract")
        #expect(action.updatedBy == "Zoë Ahmed")
        #expect(effects == [.save(.action(action))])
        #expect(saved.page == .action("PO-02"))
        #expect(saved.message?.text == "PO-02 edited: Title")
        #expect(update(saved, .key(.character("u"))).0.partnership.action("PO-02")?.title == "Social clauses in council contracts")
    }

    @Test func escWithoutChangesClosesAndAnEmptyTitleIsNotSaved() {
        var s = onAction()
        s = s.after(.character("e"), .escape)
        #expect(s.page == .action("PO-02"))
        s = s.after(.character("e"), .control("u"))
        let (kept, effects) = update(s, .key(.control("s")))
        #expect(effects.isEmpty)
        guard case .form(.action) = kept.page else { Issue.record("an invalid form closed"); return }
    }

    @Test func aNewActionFromThePlanIsCreatedByTheStore() {
        var s = AppState(partnership: Fixture.partnership, asOf: Fixture.asOf, storeLabel: "t", width: 80, height: 24,
                         pages: [.actionPlan(ActionPlanPage(area: "portsmouth"))], today: EditingTests.today)
        s.edits.userName = "Zoë Ahmed"
        s = s.after(.character("a")).typing("Run a consortium workshop")
        s = s.after(.tab, .tab, .tab).typing("Head of Procurement")
        let effects = update(s, .key(.control("s"))).1
        guard case let .create(draft)? = effects.first else { Issue.record("not created: \(effects)"); return }
        #expect(draft.title == "Run a consortium workshop")
        #expect(draft.lead == "Head of Procurement")
        #expect(draft.area == "portsmouth")
        #expect(draft.id.isEmpty)
    }
}

/// Starting from the summary cache while the store is read in the background.
@Suite struct LoadingTests {
    @Test func theAreasShowFromTheCacheAndTheRestWaitsForTheStore() {
        let full = Fixture.partnership
        var s = AppState(partnership: Partnership(title: full.title, catalogue: Catalogue(), areas: [], actions: [], caseStudies: [], meetings: []),
                         asOf: Fixture.asOf, storeLabel: "t", width: 80, height: 24)
        s.loadingStore = true
        s.cachedSummary = full.summaries(asOf: Fixture.asOf)
        #expect(render(s).lines[4].contains("Portsmouth"))
        // A search waits for the whole store; opening an area asks for its files alone.
        s = update(s, .key(.character("/"))).0
        #expect(s.message?.text == "Still reading the store: a moment…")
        s = update(s, .key(.enter)).0
        #expect(s.message?.text == "Reading Portsmouth…")
        #expect(s.pages.count == 1)
        #expect(update(s, .key(.character("q"))).1 == [.quit])
        // The whole store came before the area's own read: the area opens from it.
        s = update(s, .storeChanged(StoreChange(partnership: full))).0
        #expect(!s.loadingStore)
        #expect(s.message == nil)
        #expect(s.page == .area("portsmouth"))
    }

    @Test func aMessageThatIsNotAboutLoadingOutlivesTheStoresArrival() {
        // Sync conflicts waiting are said at start; the store arriving must not wipe that.
        let full = Fixture.partnership
        var s = AppState(partnership: Partnership(title: full.title), asOf: Fixture.asOf, storeLabel: "t", width: 80, height: 24)
        s.loadingStore = true
        s.message = Message("1 sync conflict waits for your decision: S shows it", isError: true)
        s = update(s, .storeChanged(StoreChange(partnership: full))).0
        #expect(s.message?.text == "1 sync conflict waits for your decision: S shows it")
        s.loadingStore = true
        s.message = .readingStore
        s = update(s, .storeChanged(StoreChange(partnership: full))).0
        #expect(s.message == nil)
    }
}
