import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore

/// `modify` (edit what is on disk now), the trash, moving and duplicating actions.
@Suite struct ActionLifecycleTests {
    let today = Day(iso: "2006-12-15")!

    func sample(_ label: String) throws -> (URL, PlainFileStore, Partnership) {
        let root = try TestStores.copy(TestStores.sample, label: label)
        let store = PlainFileStore(root: root)
        return (root, store, try store.load().partnership)
    }

    @Test func modifyWorksOnTheFileAsItIsNowNotAsLoaded() throws {
        let (root, store, _) = try sample("modify")
        defer { try? FileManager.default.removeItem(at: root) }
        // Someone else changes the file after our load: a plain save would refuse, modify builds on it.
        let other = PlainFileStore(root: root)
        let p = try other.load().partnership
        var theirs = try #require(p.action("PO-03"))
        theirs.rag = .red
        try other.save(theirs)

        let before = try TestStores.read(root, "areas/portsmouth/actions/PO-03.md")
        let saved = try store.modify(actionID: "PO-03", by: "Zoë", today: today) { $0.status = "blocked" }
        #expect(saved.rag == .red && saved.status == "blocked")
        #expect(saved.updatedBy == "Zoë" && saved.updated == today)
        let after = try TestStores.read(root, "areas/portsmouth/actions/PO-03.md")
        let differing = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter { $0 != $1 }.map { $1 }
        #expect(differing == ["status: blocked", "updated: 2006-12-15", "updated-by: Zoë"])
        #expect(after.contains("status: blocked\nrag: red\n"))

        // A change that throws, or changes nothing, writes nothing.
        struct Refused: Error {}
        #expect(throws: Refused.self) { try store.modify(actionID: "PO-03", by: "Zoë", today: today) { a in a.title = "x"; throw Refused() } }
        _ = try store.modify(actionID: "PO-03", by: "Someone else", today: Day(iso: "2007-01-01")!) { $0.status = "blocked" }
        #expect(try TestStores.read(root, "areas/portsmouth/actions/PO-03.md") == after)

        // A result that would not load is refused, with the file untouched.
        #expect(throws: StoreError.self) { try store.modify(actionID: "PO-03", by: "Zoë", today: today) { $0.status = "finished" } }
        #expect(throws: StoreError.self) { try store.modify(actionID: "PO-03", by: "Zoë", today: today) { $0.caseStudies = ["nowhere"] } }
        #expect(throws: StoreError.self) { try store.modify(actionID: "../../x", by: "Zoë", today: today) { $0.status = "done" } }
        #expect(try TestStores.read(root, "areas/portsmouth/actions/PO-03.md") == after)
    }

    @Test func modifyFindsAnActionCreatedAfterTheLoad() throws {
        let (root, store, _) = try sample("modify-new")
        defer { try? FileManager.default.removeItem(at: root) }
        let other = PlainFileStore(root: root)
        let p = try other.load().partnership
        let made = try other.create(Action(id: "", area: "dorset", title: "New", theme: p.catalogue.themes[0].id, lead: "L"), in: p)
        let saved = try store.modify(actionID: made.id, by: "Zoë", today: today) { $0.rag = .amber }
        #expect(saved.rag == .amber)
    }

    @Test func deleteMovesTheFileToTheTrashAndRestoreBringsItBack() throws {
        let (root, store, p) = try sample("trash")
        defer { try? FileManager.default.removeItem(at: root) }
        let original = try TestStores.read(root, "areas/cumbria/actions/CU-04.md")
        let entry = try store.delete(actionID: "CU-04", in: p)
        #expect(entry.path == "trash/areas/cumbria/actions/CU-04.md")
        #expect(try TestStores.read(root, entry.path) == original)
        let reloaded = try PlainFileStore(root: root).load()
        #expect(reloaded.partnership.action("CU-04") == nil)
        #expect(reloaded.errors.isEmpty)
        #expect(store.trash().map(\.id) == ["CU-04"])
        #expect(store.trash().first?.title == "A shared vehicle at the Ambleside Children's Centre")

        let back = try store.restore(actionID: "CU-04")
        #expect(back.id == "CU-04")
        #expect(try TestStores.read(root, "areas/cumbria/actions/CU-04.md") == original)
        #expect(store.trash().isEmpty)
        // Restored, it saves like any loaded action.
        _ = try store.modify(actionID: "CU-04", by: "Zoë", today: today) { $0.rag = .red }

        // A deleted file changed meanwhile is not deleted; an id in use again is not restored over.
        let other = PlainFileStore(root: root)
        _ = try other.load()
        _ = try other.modify(actionID: "CU-04", by: "Ann", today: today) { $0.rag = .green }
        #expect(throws: StoreError.changedOnDisk("areas/cumbria/actions/CU-04.md")) { try store.delete(actionID: "CU-04", in: p) }
        _ = try other.delete(actionID: "CU-04", in: p)
        try TestStores.write(root, "areas/cumbria/actions/CU-04.md", original)
        #expect(throws: StoreError.self) { try other.restore(actionID: "CU-04") }
        #expect(try TestStores.read(root, "areas/cumbria/actions/CU-04.md") == original)
        #expect(other.trash().count == 1)
    }

    @Test func deletingTwiceKeepsBothCopies() throws {
        let (root, store, p) = try sample("trash-twice")
        defer { try? FileManager.default.removeItem(at: root) }
        let original = try TestStores.read(root, "areas/cumbria/actions/CU-04.md")
        _ = try store.delete(actionID: "CU-04", in: p)
        // The same id made again (by hand, or a sync bringing it back), then deleted again.
        try TestStores.write(root, "areas/cumbria/actions/CU-04.md", original)
        _ = try store.load()
        let second = try store.delete(actionID: "CU-04", in: p)
        #expect(second.path == "trash/areas/cumbria/actions/CU-04~2.md")
        #expect(Set(store.trash().map(\.path)) == ["trash/areas/cumbria/actions/CU-04.md", "trash/areas/cumbria/actions/CU-04~2.md"])
    }

    @Test func anActionAMeetingNamesIsNotDeleted() throws {
        let (root, store, _) = try sample("trash-meeting")
        defer { try? FileManager.default.removeItem(at: root) }
        var meeting = try store.createMeeting(area: "portsmouth", date: today, title: "Steering group")
        meeting.items = [MeetingItem(action: "PO-04")]
        try store.save(meeting)
        let p = try store.load().partnership
        // The model's rule, in its words: the screens and `pathfinder delete` refuse with it first.
        let refusal = try #require(p.deletionRefusal("PO-04"))
        #expect(refusal.hasSuffix("set its status to dropped instead"))
        #expect(throws: StoreError.invalid(refusal)) { try store.delete(actionID: "PO-04", in: p) }
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("areas/portsmouth/actions/PO-04.md").path))
    }

    @Test func movingToAnotherAreaGivesANewIdAndRelinksMeetings() throws {
        let (root, store, _) = try sample("move")
        defer { try? FileManager.default.removeItem(at: root) }
        var meeting = try store.createMeeting(area: "portsmouth", date: today, title: "Steering group")
        meeting.items = [MeetingItem(action: "PO-05"), MeetingItem(action: "PO-01")]
        try store.save(meeting)
        let p = try store.load().partnership
        let before = try TestStores.read(root, "areas/portsmouth/actions/PO-05.md")
        let moved = try store.move(actionID: "PO-05", toArea: "dorset", in: p, by: "Zoë", today: today)
        #expect(moved.id.hasPrefix("DO-") && moved.area == "dorset")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("areas/portsmouth/actions/PO-05.md").path))
        let after = try TestStores.read(root, "areas/dorset/actions/\(moved.id).md")
        // The file keeps its own lines: only the id and the stamp are replaced.
        let kept = Set(after.split(separator: "\n"))
        let gone = before.split(separator: "\n").filter { !kept.contains($0) }
        #expect(gone.allSatisfy { $0.hasPrefix("id:") || $0.hasPrefix("updated") }, "\(gone)")
        #expect(after.contains("Moved here from Portsmouth, where it was PO-05."))
        let reloaded = try PlainFileStore(root: root).load()
        #expect(reloaded.errors.isEmpty, "\(reloaded.errors)")
        #expect(reloaded.partnership.meetings.first { $0.id == meeting.id }?.items.map(\.action) == [moved.id, "PO-01"])
        #expect(!reloaded.partnership.meetings.contains { m in m.items.contains { $0.action == "PO-05" } })
        #expect(throws: StoreError.self) { try store.move(actionID: moved.id, toArea: "dorset", in: p, by: "Zoë", today: today) }
        #expect(throws: StoreError.self) { try store.move(actionID: "PO-01", toArea: "atlantis", in: p, by: "Zoë", today: today) }
    }

    @Test func duplicateMakesAFreshCopyInTheSameArea() throws {
        let (root, store, p) = try sample("duplicate")
        defer { try? FileManager.default.removeItem(at: root) }
        let original = try #require(p.action("PO-03"))
        let copy = try store.duplicate(actionID: "PO-03", in: p, by: "Zoë", today: today)
        #expect(copy.id != "PO-03" && copy.id.hasPrefix("PO-"))
        #expect(copy.title == original.title + " (copy)")
        #expect(copy.progress.isEmpty && copy.reviewed == nil && copy.status == "not-started" && copy.rag == .green)
        #expect(copy.milestones.map(\.title) == original.milestones.map(\.title) && copy.milestones.allSatisfy { !$0.done })
        #expect(copy.theme == original.theme && copy.partners == original.partners && copy.due == original.due)
        let reloaded = try PlainFileStore(root: root).load()
        #expect(reloaded.partnership.action(copy.id)?.title == copy.title)
        #expect(reloaded.errors.isEmpty)
    }
}
