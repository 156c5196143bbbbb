import PathfinderModel
import Testing
@testable import PathfinderTUI

/// While a large store is read in the background, an area, its plan and its actions open at
/// once from their own files; keys that need the whole store wait for it, in order.
@Suite struct BrowsingWhileLoadingTests {
    /// The screens as they start on a large store: the summary cache's rows, no records yet.
    static func loading() -> AppState {
        let full = Fixture.partnership
        var state = AppState(partnership: Partnership(title: full.title, catalogue: full.catalogue, areas: [], actions: [], caseStudies: []),
                             asOf: Fixture.asOf, storeLabel: "big", width: 80, height: 24)
        state.loadingStore = true
        state.cachedSummary = full.summaries(asOf: Fixture.asOf)
        return state
    }

    /// What the run loop answers `.readArea` with: the area's files, every area, the case
    /// studies its actions cite.
    static func areaRead(_ id: String) -> StoreChange {
        let full = Fixture.partnership
        var change = StoreChange(actions: full.actions(inArea: id), areas: full.areas, caseStudies: full.caseStudies)
        change.area = id
        return change
    }

    @Test func anAreaOpensFromItsOwnFilesBeforeTheStoreIsRead() {
        var s = Self.loading()
        s = update(s, .key(.down)).0
        guard case let .areas(list) = s.page else { Issue.record("left the list"); return }
        #expect(list.cursor.selected == 1, "the cached rows move like the store's")
        let (asked, effects) = update(s, .key(.enter))
        #expect(effects == [.readArea(.area("tower-hamlets"))])
        #expect(asked.message?.text == "Reading Tower Hamlets…")
        #expect(asked.page == s.page, "nothing opens until the area is read")
        let (opened, _) = update(asked, .storeChanged(Self.areaRead("tower-hamlets")))
        #expect(opened.page == .area("tower-hamlets"))
        #expect(opened.loadingStore, "the whole store is still being read")
        // Its plan and its action open at once: their files are in.
        let plan = opened.after(.character("p"))
        #expect(plan.screen.jumpKey == "plan:tower-hamlets")
        let (action, readAgain) = update(plan, .key(.enter))
        #expect(readAgain.isEmpty)
        #expect(action.page == .action("TH-01"))
    }

    @Test func theActionPlanKeyOnTheListReadsTheAreaAndOpensItsPlan() {
        let (asked, effects) = update(Self.loading(), .key(.character("p")))
        #expect(effects == [.readArea(.area("portsmouth"))])
        let (opened, _) = update(asked, .storeChanged(Self.areaRead("portsmouth")))
        #expect(opened.screen.jumpKey == "plan:portsmouth")
    }

    /// A key that waits for the whole store says how far the read has got, and the figure
    /// follows the read; once the store is in, no figure is left behind.
    @Test func aKeyWaitingForTheStoreSeesHowFarTheReadHasGot() {
        var s = Self.loading()
        s = update(s, .key(.character("/"))).0
        s = update(s, .storeReadProgress(percent: 45)).0
        #expect(s.message == .stillReadingStore, "the progress is not a message of its own")
        #expect(render(s).lines.contains { $0.contains("Still reading the store: a moment… 45%") }, "\(render(s).lines.suffix(2))")
        s = update(s, .storeReadProgress(percent: 80)).0
        #expect(render(s).lines.contains { $0.contains("a moment… 80%") })
        s.message = .readingStore
        #expect(render(s).lines.contains { $0.contains("Reading the store… 80%") })
        s = update(s, .storeChanged(StoreChange(partnership: Fixture.partnership))).0
        #expect(!render(s).lines.joined().contains("80%"))
    }

    @Test func keysNeedingTheWholeStoreWaitForIt() {
        var s = Self.loading()
        for key in [Key.character("/"), .character("4"), .character("a")] {
            let (held, effects) = update(s, .key(key))
            #expect(effects == [.holdUntilRead(.key(key))], "\(key) acts on the whole store")
            #expect(held.message == .stillReadingStore)
            #expect(held.page == s.page)
        }
        // In an area already read, an edit waits too: the store that saves is busy reading.
        s = update(update(s, .key(.enter)).0, .storeChanged(Self.areaRead("portsmouth"))).0
        s = s.after(.character("p"))
        let (_, effects) = update(s, .key(.character("s")))
        #expect(effects == [.holdUntilRead(.key(.character("s")))])
        // The quit key never waits.
        #expect(update(s, .key(.character("q"))).1 == [.quit])
    }

    @Test func anActionInAnAreaNotReadYetIsReadByItsId() {
        var s = Self.loading()
        s = update(update(s, .key(.enter)).0, .storeChanged(Self.areaRead("portsmouth"))).0
        #expect(s.page == .area("portsmouth"))
        let effects = s.open(.action("TH-01"))
        #expect(effects == [.readArea(.holding(action: "TH-01"))])
        let (opened, _) = update(s, .storeChanged(Self.areaRead("tower-hamlets")))
        #expect(opened.page == .action("TH-01"))
        var missing = s
        _ = missing.open(.action("ZZ-99"))
        var none = StoreChange()
        none.area = ""
        let (said, _) = update(missing, .storeChanged(none))
        #expect(said.page == .area("portsmouth"))
        #expect(said.message?.text == "Action ZZ-99 is not in this store")
    }

    @Test func theWholeStoreReplacesWhatWasReadAndEveryKeyWorksAgain() {
        var s = Self.loading()
        s = update(update(s, .key(.enter)).0, .storeChanged(Self.areaRead("portsmouth"))).0
        let (full, _) = update(s, .storeChanged(StoreChange(partnership: Fixture.partnership)))
        #expect(!full.loadingStore)
        #expect(full.areasRead.isEmpty)
        #expect(full.page == .area("portsmouth"), "the page open stays open")
        #expect(full.partnership.actions.count == Fixture.partnership.actions.count)
        let (_, effects) = update(full, .key(.character("/")))
        #expect(!effects.contains(.holdUntilRead(.key(.character("/")))))
    }
}
