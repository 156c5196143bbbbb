import Foundation
import PathfinderModel
import PathfinderStore
import Testing
@testable import PathfinderTUI

/// Changes the store would refuse are refused on screen before they are shown, with what to do
/// instead, and never left waiting as "not saved" (which quitting would then ask about).
@Suite struct StoreRefusalTests {
    static let today = Day(iso: "2026-11-25")!

    /// The sample store: its Portsmouth meeting names PO-01 to PO-06 and PO-11, not PO-07 to PO-10.
    static let sample: Partnership = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-areas").resolvingSymlinksInPath()
        return try! PlainFileStore(root: root).load().partnership
    }()
    static let meeting = sample.meetings.first { $0.area == "portsmouth" }!

    func onAction(_ id: String) -> AppState {
        var s = AppState(partnership: Self.sample, asOf: Self.sample.asOf!, storeLabel: "sample", width: 80, height: 24,
                         pages: [.areas(AreasPage()), .action(id)], today: Self.today)
        s.edits.userName = "Zoë Ahmed"
        return s
    }

    /// Nothing shown, nothing to save, nothing for quitting to ask about.
    func expectNothingChanged(_ s: AppState, from before: AppState, _ effects: [Effect], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(effects.isEmpty, sourceLocation: sourceLocation)
        #expect(s.partnership == before.partnership, sourceLocation: sourceLocation)
        #expect(s.edits.pending.isEmpty && s.edits.failures.isEmpty, sourceLocation: sourceLocation)
        #expect(update(s, .key(.character("q"))).1 == [.quit], "quitting asks about nothing", sourceLocation: sourceLocation)
    }

    @Test func deletingAnActionAMeetingNamesIsRefusedBeforeTheQuestion() {
        let s = onAction("PO-03")
        let (after, effects) = update(s, .key(.delete))
        #expect(after.overlay == nil, "no confirmation is asked for")
        #expect(after.message?.isError == true)
        #expect(after.message?.text.contains("named in the meeting “\(Self.meeting.title)”") == true)
        #expect(after.message?.text.contains("set its status to dropped instead") == true)
        expectNothingChanged(after, from: s, effects)
        // The store's own refusal is the same rule, in the same words.
        #expect(Self.sample.deletionRefusal("PO-03") == after.message?.text)
        // An action no meeting names is asked about as before.
        guard case .confirm? = update(onAction("PO-08"), .key(.delete)).0.overlay else {
            Issue.record("deleting PO-08 did not ask")
            return
        }
    }

    @Test func aDeleteConfirmedAfterAMeetingNamedTheActionIsRefused() {
        // The question was asked; meanwhile a colleague's meeting put PO-08 on its agenda.
        var s = update(onAction("PO-08"), .key(.delete)).0
        var meeting = Self.meeting
        meeting.items.append(MeetingItem(action: "PO-08"))
        s = update(s, .storeChanged(StoreChange(meetings: [meeting]))).0
        let before = s
        let (after, effects) = update(s, .key(.character("y")))
        #expect(after.message?.text.contains("set its status to dropped instead") == true)
        expectNothingChanged(after, from: before, effects)
        #expect(after.partnership.action("PO-08") != nil)
    }

    @Test func redoingADeleteAMeetingNowNamesIsRefused() {
        var s = onAction("PO-08")
        s = update(update(s, .key(.delete)).0, .key(.character("y"))).0
        s = update(s, .deleted("PO-08")).0
        s = update(s, .key(.character("u"))).0   // back from the trash
        s = update(s, .saved(.action(Self.sample.action("PO-08")!), time: "10:00")).0
        var meeting = Self.meeting
        meeting.items.append(MeetingItem(action: "PO-08"))
        s = update(s, .storeChanged(StoreChange(meetings: [meeting]))).0
        let before = s
        let (after, effects) = update(s, .key(.control("r")))
        #expect(after.message?.text.hasPrefix("Not redone: PO-08 is named in the meeting") == true)
        expectNothingChanged(after, from: before, effects)
        #expect(after.edits.redo.isEmpty, "it leaves the redo stack, as a refused undo leaves the undo stack")
    }

    @Test func undoingAMoveOfAnActionAMeetingNamesIsRefused() {
        // PO-03 moved to Dorset as DO-11: the store pointed the meeting at DO-11.
        var s = onAction("PO-03")
        let old = Self.sample.action("PO-03")!
        var moved = old
        moved.id = "DO-11"
        moved.area = "dorset"
        s = update(s, .moved(old: old, new: moved)).0
        #expect(s.partnership.meetings.first { $0.id == Self.meeting.id }?.names("DO-11") == true)
        let before = s
        let (after, effects) = update(s, .key(.character("u")))
        #expect(after.message?.text == "Not undone: a meeting names DO-11 now; to take it back to Portsmouth, move it there (press >)")
        expectNothingChanged(after, from: before, effects)
        #expect(after.edits.undo.isEmpty, "it leaves the undo stack, so earlier changes undo next")
    }

    @Test func undoingADeleteWhoseAreaHasGoneIsRefused() {
        var s = onAction("PO-08")
        s = update(update(s, .key(.delete)).0, .key(.character("y"))).0
        s = update(s, .deleted("PO-08")).0
        // Portsmouth's folder went (a colleague's sync): the trash cannot put PO-08 back there.
        var gone = s.partnership
        gone.areas.removeAll { $0.id == "portsmouth" }
        gone.actions.removeAll { $0.area == "portsmouth" }
        gone.meetings.removeAll { $0.area == "portsmouth" }
        s = update(s, .storeChanged(StoreChange(partnership: gone))).0
        let before = s
        let (after, effects) = update(s, .key(.character("u")))
        #expect(after.message?.text.contains("is no longer in the store") == true)
        expectNothingChanged(after, from: before, effects)
    }

    @Test func undoingAnEditOfAFileThatNowHasProblemsIsRefused() {
        var s = onAction("PO-08")
        s = update(s, .key(.character("v"))).0   // marked reviewed
        s = update(s, .saved(.action(s.partnership.action("PO-08")!), time: "10:00")).0
        // Someone broke the file meanwhile: it loads read-only.
        s = update(s, .storeChanged(StoreChange(notEditable: [.action("PO-08")],
                                                problems: [.error("areas/portsmouth/actions/PO-08.md", 4, "unknown theme \"x\"")],
                                                readAgain: ["areas/portsmouth/actions/PO-08.md"]))).0
        let before = s
        let (after, effects) = update(s, .key(.character("u")))
        #expect(after.message?.text == "PO-08's file has problems, so it is not changed here: press ! to see them")
        expectNothingChanged(after, from: before, effects)
    }

    @Test func movingAnActionNamedByAMeetingWhoseFileHasProblemsIsRefused() {
        var s = onAction("PO-03")
        s.edits.notEditable = [Record.meeting(Self.meeting).key]
        let (after, effects) = update(s, .key(.character(">")))
        #expect(after.overlay == nil, "no area is asked for")
        #expect(after.message?.text.contains("whose file has problems and would have to change with the move") == true)
        expectNothingChanged(after, from: s, effects)
        // With the meeting's file fine, the areas are offered.
        guard case .picker? = update(onAction("PO-03"), .key(.character(">"))).0.overlay else {
            Issue.record("move did not ask for the area")
            return
        }
    }

    @Test func aMeetingWhoseFileHasProblemsIsNotChanged() {
        var s = AppState(partnership: Self.sample, asOf: Self.sample.asOf!, storeLabel: "sample", width: 80, height: 24,
                         pages: [.areas(AreasPage()), .meeting(MeetingPage(meeting: Self.meeting.id))], today: Self.today)
        s.edits.userName = "Zoë Ahmed"
        s.edits.notEditable = [Record.meeting(Self.meeting).key]
        for key: Key in [.character("n"), .character("D"), .character("+"), .character("c"), .character("E")] {
            let (after, effects) = update(s, .key(key))
            #expect(after.overlay == nil, "\(key) asked a question about a meeting it cannot save")
            #expect(after.message?.text.contains("file has problems") == true)
            expectNothingChanged(after, from: s, effects)
        }
        // An edit of an action on its agenda would be recorded in the meeting: refused too.
        let (after, effects) = update(s, .key(.character("s")))
        #expect(after.message?.text.contains("the meeting “\(Self.meeting.title)”'s file has problems") == true)
        expectNothingChanged(after, from: s, effects)
    }

    @Test func undoingANewCaseStudyActionsNowCiteIsRefused() {
        var s = onAction("PO-08")
        let study = CaseStudy(id: "new-study", title: "A new study", area: "portsmouth")
        s.partnership.caseStudies.append(study)
        s.edits.undo = [Change(before: nil, after: .caseStudy(study), summary: "A new study created")]
        // A colleague's action cites it now: trashing it would leave PO-08 linking to nothing.
        var citing = s.partnership.action("PO-08")!
        citing.caseStudies.append("new-study")
        s = update(s, .storeChanged(StoreChange(actions: [citing]))).0
        let before = s
        let (after, effects) = update(s, .key(.character("u")))
        #expect(after.message?.text == "A new study is cited by PO-08; take it out of their case studies first")
        expectNothingChanged(after, from: before, effects)
        #expect(after.partnership.caseStudy("new-study") != nil)
    }

    @Test func undoingANewAreaACaseStudyNamesIsRefused() {
        var s = onAction("PO-08")
        let area = Area(id: "wakefield", name: "Wakefield", code: "WA")
        s.partnership.areas.append(area)
        s.edits.undo = [Change(before: nil, after: .area(area), summary: "Wakefield created")]
        var study = s.partnership.caseStudies[0]
        study.area = "wakefield"
        s = update(s, .storeChanged(StoreChange(caseStudies: [study]))).0
        let before = s
        let (after, effects) = update(s, .key(.character("u")))
        #expect(after.message?.text == "Wakefield is the area of the case study “\(study.title)”; change their area first")
        expectNothingChanged(after, from: before, effects)
    }
}
