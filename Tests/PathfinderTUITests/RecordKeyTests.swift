import PathfinderModel
import Testing
@testable import PathfinderTUI

/// The record key: one per file, from a record or from a store path alike, so a reload marks
/// the very record an edit would write.
@Suite struct RecordKeyTests {
    @Test func aStorePathGivesTheKeyOfTheRecordInIt() {
        #expect(RecordKey(storePath: "areas/portsmouth/actions/PO-03.md") == .action("PO-03"))
        #expect(RecordKey(storePath: "areas/portsmouth/area.md") == .area("portsmouth"))
        #expect(RecordKey(storePath: "case-studies/good-neighbours.md") == .caseStudy("good-neighbours"))
        #expect(RecordKey(storePath: "areas/portsmouth/meetings/2006-12-14-steering.md") == .meeting("portsmouth/2006-12-14-steering"))
    }

    @Test func aFileThatHoldsNoRecordHasNoKey() {
        for path in ["pathfinder.yaml", "catalogue/themes.md", "areas/portsmouth/notes.txt", "areas/portsmouth/actions/PO-03.txt",
                     "areas/portsmouth/other/PO-03.md", "case-studies/old/x.md", ""] {
            #expect(RecordKey(storePath: path) == nil, "\(path)")
        }
    }

    @Test func aRecordAndItsFileHaveTheSameKey() {
        let action = Fixture.partnership.actions[0]
        #expect(Record.action(action).key == RecordKey(storePath: "areas/\(action.area)/actions/\(action.id).md"))
        let area = Fixture.partnership.areas[0]
        #expect(Record.area(area).key == RecordKey(storePath: "areas/\(area.id)/area.md"))
    }

    @Test func keysSortByKindThenIdAsTheirOldNamesDid() {
        #expect([RecordKey.meeting("a/b"), .action("PO-10"), .newAction(area: "a"), .area("z"), .action("PO-03"), .caseStudy("c")].sorted()
            == [.action("PO-03"), .action("PO-10"), .area("z"), .caseStudy("c"), .meeting("a/b"), .newAction(area: "a")])
    }

    /// A file that breaks on disk marks the record as not editable; an edit to it is then
    /// refused, which only works if the reload and the edit name the record alike.
    @Test func aReloadedBrokenFileStopsEditsToThatAction() {
        var s = Fixture.state(pages: [.areas(AreasPage()), .action("PO-01")])
        s.edits.userName = "Officer"
        let key = RecordKey(storePath: "areas/portsmouth/actions/PO-01.md")!
        s = update(s, .storeChanged(StoreChange(notEditable: [key]))).0
        let (after, effects) = update(s, .key(.character("r")))
        #expect(effects.isEmpty)
        #expect(after.overlay == nil)
        #expect(after.message?.isError == true)
    }
}

/// Dialog answers arrive typed: a confirmation's no changes nothing, its yes does the deed.
@Suite struct TypedAnswerTests {
    func onAction() -> AppState {
        var s = Fixture.state(pages: [.areas(AreasPage()), .actionPlan(ActionPlanPage(area: "portsmouth")), .action("PO-02")])
        s.edits.userName = "Officer"
        return s
    }

    @Test func noToADeleteKeepsTheAction() {
        var s = onAction()
        let effects = s.answer(ConfirmationPurpose.deleteAction("PO-02"), yes: false)
        #expect(effects.isEmpty)
        #expect(s.partnership.action("PO-02") != nil)
        #expect(s.message == Message("Cancelled; nothing changed"))
    }

    @Test func yesToADeleteTrashesItAndLeavesItsPage() {
        var s = onAction()
        let action = s.partnership.action("PO-02")!
        let effects = s.answer(ConfirmationPurpose.deleteAction("PO-02"), yes: true)
        #expect(effects == [.delete(action)])
        #expect(s.partnership.action("PO-02") == nil)
        #expect(s.edits.pending[.action("PO-02")] == .delete(action))
        #expect(s.page.document != .action("PO-02"), "still on the deleted action's page")
    }

    @Test func aChosenStatusIsTheStatusIdAndNothingChosenChangesNothing() {
        var s = onAction()
        let before = s.partnership.action("PO-02")!
        #expect(s.answer(PickerPurpose.status(action: "PO-02"), chosen: []).isEmpty)
        #expect(s.partnership.action("PO-02") == before)
        let effects = s.answer(PickerPurpose.status(action: "PO-02"), chosen: ["done"])
        #expect(s.partnership.action("PO-02")?.status == "done")
        #expect(effects.count == 1)
    }
}
