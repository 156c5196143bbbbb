import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore
#if canImport(Glibc)
import Glibc
#endif

/// Saves of every kind of file, line endings, refusals, ids and the write lock.
@Suite struct StoreEditingTests {
    static func base(_ label: String) throws -> URL {
        try TestStores.copy(TestStores.corpus.appendingPathComponent("_base"), label: label)
    }

    static func bytes(_ root: URL, _ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    }

    static func writeBytes(_ root: URL, _ path: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    @Test func everyKindOfFileSavesUnchangedAsNoWriteAndNoByteChanged() throws {
        let root = try TestStores.copy(TestStores.sample, label: "every-kind")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        let first = try store.load().partnership
        let meeting = try store.createMeeting(area: "portsmouth", date: Day(iso: "2006-12-14")!, title: "Steering group: December",
                                              attendees: ["Chair", "Forum facilitator"])
        #expect(meeting.id == "portsmouth/2006-12-14-steering-group-december")
        let before = try TestStores.snapshot(root)
        let reloaded = PlainFileStore(root: root)
        let p = try reloaded.load().partnership
        // The new meeting joins those the sample store already has.
        #expect(p.meetings.filter { $0.id == meeting.id } == [meeting])
        #expect(p.meetings.count == first.meetings.count + 1)
        #expect(p.areas.count == first.areas.count && p.caseStudies.count == first.caseStudies.count)
        for area in p.areas { #expect(try reloaded.save(area) == false) }
        for study in p.caseStudies { #expect(try reloaded.save(study) == false) }
        for action in p.actions { #expect(try reloaded.save(action) == false) }
        for meeting in p.meetings { #expect(try reloaded.save(meeting) == false) }
        #expect(try TestStores.snapshot(root) == before)
    }

    @Test func editsToAnAreaACaseStudyAndAMeetingChangeOnlyTheirLines() throws {
        let root = try TestStores.copy(TestStores.sample, label: "edit-kinds")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        let p = try store.load().partnership

        var area = try #require(p.area("portsmouth"))
        let areaBefore = try TestStores.read(root, "areas/portsmouth/area.md")
        area.region = "South East England"
        #expect(try store.save(area))
        #expect(TestStores.changedLines(areaBefore, try TestStores.read(root, "areas/portsmouth/area.md"))
            == ["-region: South East", "+region: South East England"])

        var study = try #require(p.caseStudies.first)
        let studyPath = PlainFileStore.caseStudyPath(study)
        let studyBefore = try TestStores.read(root, studyPath)
        study.text += "\n\nA paragraph added by a reviewer."
        #expect(try store.save(study))
        #expect(try TestStores.read(root, studyPath) == studyBefore + "\nA paragraph added by a reviewer.\n")

        var meeting = try store.createMeeting(area: "portsmouth", date: Day(iso: "2006-12-14")!, title: "Forum")
        let meetingPath = PlainFileStore.meetingPath(meeting)
        #expect(try TestStores.read(root, meetingPath) == "---\ndate: 2006-12-14\ntitle: Forum\n---\n")
        meeting.items.append(MeetingItem(action: "PO-04", notes: ["Costs of consortia: a decision is needed"],
                                         decisions: ["Ask the forum"], reviewed: true))
        meeting.ended = true
        #expect(try store.save(meeting))
        #expect(try TestStores.read(root, meetingPath) == """
        ---
        date: 2006-12-14
        title: Forum
        items:
          - action: PO-04
            notes:
              - "Costs of consortia: a decision is needed"
            decisions:
              - Ask the forum
            reviewed: true
        ended: true
        ---

        """)
        let again = try store.createMeeting(area: "portsmouth", date: Day(iso: "2006-12-14")!, title: "Forum")
        #expect(again.id == "portsmouth/2006-12-14-forum-2")

        let result = try PlainFileStore(root: root).load()
        #expect(result.problems.filter { $0.severity == .error }.isEmpty, "\(result.problems)")
        #expect(result.partnership.area("portsmouth") == area)
        #expect(result.partnership.caseStudy(study.id) == study)
        #expect(result.partnership.meetings.first { $0.id == meeting.id } == meeting)
    }

    @Test func clearingAFieldRemovesExactlyItsLines() throws {
        let root = try TestStores.copy(TestStores.sample, label: "clear")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        var action = try #require(try store.load().partnership.action("PO-04"))
        let path = PlainFileStore.actionPath(action)
        let before = try TestStores.read(root, path)
        action.partners = []
        action.leadBody = ""
        try store.save(action)
        #expect(TestStores.changedLines(before, try TestStores.read(root, path))
            == ["-lead-body: portsmouth-city-council", "-partners:", "-  - vcs-providers-network",
                "-  - portsmouth-prevention-and-well-being-network"])
    }

    @Test func aFieldAddedToAHandWrittenFileGoesInCanonicalPlaceAndNothingElseMoves() throws {
        let root = try Self.base("insert")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestStores.write(root, "areas/portsmouth/actions/PO-02.md", StoreWritingTests.handWritten)
        let store = PlainFileStore(root: root)
        var action = try #require(try store.load().partnership.action("PO-02"))
        action.leadBody = "Portsmouth City Council"
        try store.save(action)
        #expect(TestStores.changedLines(StoreWritingTests.handWritten, try TestStores.read(root, "areas/portsmouth/actions/PO-02.md"))
            == ["+lead-body: Portsmouth City Council"])
        let lines = try TestStores.read(root, "areas/portsmouth/actions/PO-02.md").split(separator: "\n")
        #expect(lines.firstIndex(of: "lead-body: Portsmouth City Council") == lines.firstIndex(of: "lead: Head of Procurement")! + 1)
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreKept() throws {
        let root = try Self.base("crlf")
        defer { try? FileManager.default.removeItem(at: root) }
        let lf = """
        ---
        id: PO-02
        title: Written on Windows
        theme: procurement-practice
        lead: Jo
        status: in-progress
        rag: amber
        ---

        Notepad wrote this.

        ## Progress

        ### 2006-10-02 — Jo
        First.

        """
        let crlf = [0xEF, 0xBB, 0xBF] + Array(lf.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        try Self.writeBytes(root, "areas/portsmouth/actions/PO-02.md", crlf)
        let store = PlainFileStore(root: root)
        let result = try store.load()
        #expect(result.problems.isEmpty, "\(result.problems)")
        var action = try #require(result.partnership.action("PO-02"))
        #expect(action.title == "Written on Windows")
        #expect(action.description == "Notepad wrote this.")
        #expect(action.progress == [ProgressEntry(date: Day(iso: "2006-10-02")!, author: "Jo", text: "First.")])
        #expect(try store.save(action) == false)
        #expect(try Self.bytes(root, "areas/portsmouth/actions/PO-02.md") == crlf)

        action.rag = .red
        action.progress.append(ProgressEntry(date: Day(iso: "2006-11-01")!, author: "Sam", text: "Second."))
        try store.save(action)
        let expected = lf.replacingOccurrences(of: "rag: amber", with: "rag: red") + "\n### 2006-11-01 — Sam\nSecond.\n"
        #expect(try Self.bytes(root, "areas/portsmouth/actions/PO-02.md")
            == [0xEF, 0xBB, 0xBF] + Array(expected.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    @Test func aFileThatIsNotUTF8IsReportedAndLeftAlone() throws {
        let root = try Self.base("latin1")
        defer { try? FileManager.default.removeItem(at: root) }
        let latin1: [UInt8] = Array("---\nid: PO-02\ntitle: Caf".utf8) + [0xE9] + Array("\n---\n".utf8)
        try Self.writeBytes(root, "areas/portsmouth/actions/PO-02.md", latin1)
        let store = PlainFileStore(root: root)
        let result = try store.load()
        #expect(result.problems.map(\.description)
            == ["areas/portsmouth/actions/PO-02.md:3: error: this line is not UTF-8 text: save the file as UTF-8 in your editor"])
        #expect(result.partnership.action("PO-02") == nil)
        #expect(result.partnership.action("PO-01") != nil)
        // Saving an action with that id would replace a file the store could not read: refused.
        let draft = Action(id: "PO-02", area: "portsmouth", title: "New", theme: "procurement-practice", lead: "Jo")
        #expect(throws: StoreError.hasProblems("areas/portsmouth/actions/PO-02.md")) { try store.save(draft) }
        #expect(try Self.bytes(root, "areas/portsmouth/actions/PO-02.md") == latin1)
    }

    @Test func nothingIsSavedThatWouldNotLoad() throws {
        let root = try Self.base("invalid")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        let good = try #require(try store.load().partnership.action("PO-01"))
        let before = try TestStores.read(root, "areas/portsmouth/actions/PO-01.md")
        var emptyTitle = good
        emptyTitle.title = ""
        #expect(throws: StoreError.wouldNotLoad(path: "areas/portsmouth/actions/PO-01.md",
                                                problem: "areas/portsmouth/actions/PO-01.md:3: error: \"title\" is empty")) {
            try store.save(emptyTitle)
        }
        var unknownStatus = good
        unknownStatus.status = "finished"
        #expect(throws: StoreError.self) { try store.save(unknownStatus) }
        var dueBeforeStart = good
        dueBeforeStart.due = Day(iso: "2006-01-01")
        #expect(throws: StoreError.self) { try store.save(dueBeforeStart) }
        #expect(try TestStores.read(root, "areas/portsmouth/actions/PO-01.md") == before)
        // A warning (here, a Compact concern) does not stop a save.
        var shortFunding = good
        shortFunding.funding = Funding(amount: 5000, termYears: 1)
        #expect(try store.save(shortFunding))
    }

    @Test func aFileWithProblemsOrFieldsInBracesIsNeverRewritten() throws {
        let root = try Self.base("braces")
        defer { try? FileManager.default.removeItem(at: root) }
        let braces = "---\n{id: PO-02, title: In braces, theme: procurement-practice, lead: Jo, status: done, rag: green}\n---\n"
        try TestStores.write(root, "areas/portsmouth/actions/PO-02.md", braces)
        let store = PlainFileStore(root: root)
        var action = try #require(try store.load().partnership.action("PO-02"))
        #expect(!store.isEditable("areas/portsmouth/actions/PO-02.md"))
        #expect(store.isEditable("areas/portsmouth/actions/PO-01.md"))
        action.title = "Changed"
        #expect(throws: StoreError.hasProblems("areas/portsmouth/actions/PO-02.md")) { try store.save(action) }
        #expect(try TestStores.read(root, "areas/portsmouth/actions/PO-02.md") == braces)
    }

    @Test func aFileDeletedOrCreatedBySomeoneElseIsAConflict() throws {
        let root = try Self.base("deleted")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        var action = try #require(try store.load().partnership.action("PO-01"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("areas/portsmouth/actions/PO-01.md"))
        action.rag = .red
        #expect(throws: StoreError.changedOnDisk("areas/portsmouth/actions/PO-01.md")) { try store.save(action) }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("areas/portsmouth/actions/PO-01.md").path))
        // Saving twice in a row is not a conflict: the store remembers what it wrote.
        try store.save(action, overwrite: true)
        action.rag = .green
        #expect(try store.save(action))
    }

    @Test func anActionCannotBeSavedIntoAnotherAreasFolder() throws {
        let root = try Self.base("move")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        var action = try #require(try store.load().partnership.action("PO-01"))
        action.area = "dorset"
        #expect(throws: StoreError.self) { try store.save(action) }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("areas/dorset").path))
    }

    @Test func newIdsAvoidIdsInTheStoreAndFilesWrittenSinceTheLoad() throws {
        let root = try Self.base("ids")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        var partnership = try store.load().partnership
        let highest = partnership.actions(inArea: "portsmouth").compactMap { Int($0.id.dropFirst(3)) }.max() ?? 0
        func id(_ n: Int) -> String { "PO-" + (n < 10 ? "0" : "") + String(n) }
        // Someone else's action, written after this store loaded, takes the next number.
        try TestStores.write(root, "areas/portsmouth/actions/\(id(highest + 1)).md", """
        ---
        id: \(id(highest + 1))
        title: Theirs
        theme: procurement-practice
        lead: Jo
        status: not-started
        rag: green
        ---

        """)
        partnership.actions.append(Action(id: id(highest + 2), area: "portsmouth", title: "In memory"))
        let draft = Action(id: "", area: "portsmouth", title: "Mine", theme: "procurement-practice", lead: "Sam")
        let made = try store.create(draft, in: partnership)
        // The area's next number after both (issue 16: said aloud in a meeting, not PO-4S8N).
        #expect(made.id == id(highest + 3))
        #expect(try TestStores.read(root, "areas/portsmouth/actions/\(id(highest + 1)).md").contains("title: Theirs"))
        #expect(try TestStores.read(root, "areas/portsmouth/actions/\(made.id).md").contains("title: Mine"))
    }

    @Test func theWriteLockIsHeldForTheWholeCheckAndWrite() throws {
        let root = try Self.base("lock")
        defer { try? FileManager.default.removeItem(at: root) }
        func tryLock() -> Bool {
            let fd = open(root.path + "/.pathfinder/lock", O_RDWR | O_CREAT, 0o644)
            defer { close(fd) }
            return flock(fd, LOCK_EX | LOCK_NB) == 0
        }
        let heldInside = try WriteLock.hold(store: root.path) { !tryLock() }
        #expect(heldInside, "another open of the lock file could take the lock while it was held")
        #expect(tryLock(), "the lock was not released")
    }

    @Test func initRefusesAFolderWithFilesAndWritesACanonicalManifest() throws {
        let root = TestStores.temporaryFolder("init2")
        defer { try? FileManager.default.removeItem(at: root) }
        try PlainFileStore.initialise(at: root, title: "Tower Hamlets: 2007 plan")
        let manifest = try TestStores.read(root, "pathfinder.yaml")
        #expect(manifest.contains("title: \"Tower Hamlets: 2007 plan\"\nformat: 1\n"))
        #expect(manifest == DefaultCatalogue.manifest(title: "Tower Hamlets: 2007 plan"))
        let store = PlainFileStore(root: root)
        let p = try store.load().partnership
        #expect(p.catalogue == DefaultCatalogue.catalogue)
        #expect(p.catalogue.statuses.map(\.id) == ["not-started", "in-progress", "blocked", "done", "dropped"])
        #expect(p.catalogue.ragMeanings[.red] == "Off track: needs a decision by the steering group")
    }
}
