import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore

@Suite struct StoreWritingTests {
    @Test func loadingAndSavingAnUnchangedStoreChangesNoByte() throws {
        let root = try TestStores.copy(TestStores.sample, label: "roundtrip")
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try TestStores.snapshot(root)
        let store = PlainFileStore(root: root)
        let result = try store.load()
        #expect(result.partnership.actions.count >= 40)
        for action in result.partnership.actions {
            // Rendering an unchanged action gives the file exactly as it is.
            #expect(store.render(action) == (try TestStores.read(root, PlainFileStore.actionPath(action))))
            #expect(try store.save(action) == false)
        }
        #expect(try TestStores.snapshot(root) == before)
    }

    @Test func changingOneFieldChangesOnlyThatLineOfThatFile() throws {
        let root = try TestStores.copy(TestStores.sample, label: "onefield")
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try TestStores.snapshot(root)
        let store = PlainFileStore(root: root)
        var action = try #require(try store.load().partnership.action("PO-04"))
        let oldStatus = action.status
        action.status = "done"
        #expect(try store.save(action))
        let after = try TestStores.snapshot(root)
        let changed = after.keys.filter { after[$0] != before[$0] }
        #expect(changed == ["areas/portsmouth/actions/PO-04.md"])
        let diff = TestStores.changedLines(String(decoding: before[changed[0]]!, as: UTF8.self), String(decoding: after[changed[0]]!, as: UTF8.self))
        #expect(diff == ["-status: \(oldStatus)", "+status: done"])
    }

    @Test func aNewProgressNoteOnlyAddsLines() throws {
        let root = try TestStores.copy(TestStores.sample, label: "note")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        var action = try #require(try store.load().partnership.action("PO-07"))
        let before = try TestStores.read(root, PlainFileStore.actionPath(action))
        action.progress.append(ProgressEntry(date: Day(iso: "2006-12-15")!, author: "Forum facilitator", text: "Agreed at the forum: keep going."))
        try store.save(action)
        let after = try TestStores.read(root, PlainFileStore.actionPath(action))
        let diff = TestStores.changedLines(before, after)
        #expect(diff.allSatisfy { $0.hasPrefix("+") }, "\(diff)")
        #expect(after.hasSuffix("\n### 2006-12-15 — Forum facilitator\nAgreed at the forum: keep going.\n"))
        let reloaded = try PlainFileStore(root: root).load().partnership.action("PO-07")
        #expect(reloaded?.progress.last?.text == "Agreed at the forum: keep going.")
        #expect(reloaded == action)
    }

    @Test func removingTheNoteJustAddedGivesBackTheFileAsItWas() throws {
        // What undoing a new note does: the file must be byte for byte what it was, with no
        // blank line left where the note was (an earlier version left one).
        let root = try TestStores.copy(TestStores.sample, label: "note-undo")
        defer { try? FileManager.default.removeItem(at: root) }
        let hand = "areas/portsmouth/actions/PO-02.md"
        try TestStores.write(root, hand, Self.handWritten)
        for id in ["PO-07", "PO-02"] {
            let store = PlainFileStore(root: root)
            let original = try #require(try store.load().partnership.action(id))
            let path = PlainFileStore.actionPath(original)
            let before = try TestStores.read(root, path)
            var action = original
            action.progress.append(ProgressEntry(date: Day(iso: "2006-12-15")!, author: "Forum facilitator", text: "Agreed."))
            try store.save(action)
            #expect(try TestStores.read(root, path) != before)
            try store.save(original)
            let undone = try TestStores.read(root, path)
            #expect(undone == before, "\(id): \(TestStores.changedLines(before, undone))")
            // And removing an older note keeps the rest as written.
            var fewer = original
            fewer.progress.removeLast()
            try store.save(fewer)
            let after = try TestStores.read(root, path)
            #expect(TestStores.changedLines(before, after).allSatisfy { $0.hasPrefix("-") }, "\(id)")
            #expect(try PlainFileStore(root: root).load().partnership.action(id) == fewer)
            // Put back, the note is a new entry again: written canonically, the rest as it was.
            try store.save(original)
            let restored = try TestStores.read(root, path)
            #expect(try PlainFileStore(root: root).load().partnership.action(id) == original)
            if id == "PO-07" {
                #expect(restored == before, "\(id): \(TestStores.changedLines(before, restored))")
            } else {
                #expect(TestStores.changedLines(before, restored) == ["-### 2006-11-14: Sam", "+", "+### 2006-11-14 — Sam"])
            }
        }
    }

    static let handWritten = """
    ---
    # Written by hand in an editor: comments, odd spacing and a field Pathfinder does not know.
    id:    PO-02
    title: "Support for small organisations"
    theme: procurement-practice
    lead: Head of Procurement
    status: in-progress   # updated at the October meeting
    rag: amber
    budget-code: PCC/3S/2006
    partners:
    - VCS Providers Network
    - "Southern Focus Trust"
    due: 2007-03-31
    ---

    Description written by hand.

    ## Progress

    ### 2006-10-02 - Jo
    First note.
    ### 2006-11-14: Sam
    Second note.

    ## Risks

    A section Pathfinder does not know.

    """

    @Test func handFormattingCommentsAndUnknownFieldsSurviveAnEdit() throws {
        let root = try TestStores.copy(TestStores.corpus.appendingPathComponent("_base"), label: "hand")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestStores.write(root, "areas/portsmouth/actions/PO-02.md", Self.handWritten)
        let store = PlainFileStore(root: root)
        let result = try store.load()
        #expect(result.problems.isEmpty, "\(result.problems)")
        var action = try #require(result.partnership.action("PO-02"))
        #expect(action.partners == ["VCS Providers Network", "Southern Focus Trust"])
        #expect(action.progress.map(\.author) == ["Jo", "Sam"])
        #expect(store.render(action) == Self.handWritten)   // unchanged: byte for byte

        action.rag = .red
        action.start = Day(iso: "2006-04-01")
        action.progress.append(ProgressEntry(date: Day(iso: "2006-12-01")!, author: "Jo", text: "Third."))
        try store.save(action)
        let after = try TestStores.read(root, "areas/portsmouth/actions/PO-02.md")
        // Exactly one line went (the old rating); only the new rating, field and note came.
        let beforeLines = Self.handWritten.split(separator: "\n").map(String.init)
        let afterLines = after.split(separator: "\n").map(String.init)
        #expect(beforeLines.filter { !afterLines.contains($0) } == ["rag: amber"])
        #expect(afterLines.filter { !beforeLines.contains($0) } == ["rag: red", "start: 2006-04-01", "### 2006-12-01 — Jo", "Third."])
        for kept in ["# Written by hand", "id:    PO-02", "status: in-progress   # updated at the October meeting",
                     "budget-code: PCC/3S/2006", "- \"Southern Focus Trust\"", "### 2006-10-02 - Jo", "## Risks",
                     "A section Pathfinder does not know."] {
            #expect(after.contains(kept), "lost: \(kept)")
        }
        // The new field goes where canonical order puts it (after partners and status, before due).
        let lines = after.split(separator: "\n").map(String.init)
        #expect(lines.firstIndex(of: "start: 2006-04-01")! < lines.firstIndex(of: "due: 2007-03-31")!)
        #expect(lines.firstIndex(of: "rag: red")! < lines.firstIndex(of: "start: 2006-04-01")!)
        // The new note joins the progress section, before the unknown section.
        #expect(after.range(of: "### 2006-12-01 — Jo\nThird.")!.lowerBound < after.range(of: "## Risks")!.lowerBound)
        let reloaded = try PlainFileStore(root: root).load()
        #expect(reloaded.problems.isEmpty)
        #expect(reloaded.partnership.action("PO-02") == action)
    }

    static let awkward = ["plain", "colon: space", "has #hash", "#starts", "- dash", "yes", "No", "123", "2006-11-14",
                          "\"quoted\"", "it's", "রহিম উদ্দিন", "Zoë 👍", "tab\there", "ends:", "[brackets]", "{x}", "a, b",
                          "  padded  ", "@home", "100%", "~", "null", "line\nbreak", "back\\slash", "esc\u{1B}[31m", "1e3", ".5"]

    @Test func awkwardTextRoundTripsThroughANewFile() throws {
        let root = try TestStores.copy(TestStores.corpus.appendingPathComponent("_base"), label: "awkward")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        let partnership = try store.load().partnership
        var written: [Action] = []
        for (i, text) in Self.awkward.enumerated() {
            let draft = Action(id: "", area: "portsmouth", title: text, theme: "procurement-practice",
                               successFactors: ["regular-dialogue"], lead: text, leadBody: text, partners: [text, "plain"],
                               status: "in-progress", rag: .amber, start: Day(iso: "2006-04-01"), due: Day(iso: "2007-03-31"),
                               milestones: [Milestone(title: text, due: Day(iso: "2006-09-30"), done: i % 2 == 0)],
                               indicator: Indicator(name: text, baseline: 7, target: 12.5, current: 9, unit: text),
                               funding: Funding(amount: 80_000, termYears: 3, noticeMonths: 3, fullCostRecovery: true),
                               caseStudies: ["good-neighbours"], updatedBy: text, source: text,
                               description: "About \(text).", progress: [ProgressEntry(date: Day(iso: "2006-10-02")!, author: "Jo", text: "Note on \(text)")])
            written.append(try store.create(draft, in: partnership))
        }
        let reloaded = try PlainFileStore(root: root).load()
        #expect(reloaded.problems.filter { $0.severity == .error }.isEmpty, "\(reloaded.problems)")
        for action in written {
            let back = reloaded.partnership.action(action.id)
            // Fields are kept as the user typed them; "  padded  " keeps its spaces in quotes.
            #expect(back == action, "\(action.title.debugDescription) did not round-trip")
        }
    }

    @Test func aFileChangedOnDiskIsNeverOverwritten() throws {
        let root = try TestStores.copy(TestStores.corpus.appendingPathComponent("_base"), label: "conflict")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        var action = try #require(try store.load().partnership.action("PO-01"))
        let path = "areas/portsmouth/actions/PO-01.md"
        let theirs = try TestStores.read(root, path).replacingOccurrences(of: "rag: amber", with: "rag: green")
        try TestStores.write(root, path, theirs)
        action.status = "done"
        #expect(throws: StoreError.changedOnDisk(path)) { try store.save(action) }
        #expect(try TestStores.read(root, path) == theirs)
        // Deliberately overwriting (after the user chose to keep theirs) works.
        try store.save(action, overwrite: true)
        #expect(try TestStores.read(root, path).contains("status: done"))
    }

    @Test func savesLeaveNoTemporaryFilesAndFilesWithProblemsAreNotRewritten() throws {
        let root = try TestStores.copy(TestStores.corpus.appendingPathComponent("_base"), label: "atomic")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestStores.write(root, "areas/portsmouth/actions/PO-03.md", """
        ---
        id: PO-03
        title: Links to a missing study
        theme: procurement-practice
        lead: Someone
        status: in-progress
        rag: green
        case-studies: [missing]
        ---

        """)
        let store = PlainFileStore(root: root)
        let p = try store.load().partnership
        var good = try #require(p.action("PO-01"))
        for i in 0..<20 {
            good.title = "Title \(i)"
            try store.save(good)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("areas/portsmouth/actions").path)
        #expect(leftovers.sorted() == ["PO-01.md", "PO-03.md"])
        var broken = try #require(p.action("PO-03"))   // loaded, shown, but read-only
        broken.title = "Changed"
        #expect(throws: StoreError.self) { try store.save(broken) }
    }

    @Test func idsMadeAtTheSameTimeByTwoWritersNeverCollide() async throws {
        let root = try TestStores.copy(TestStores.corpus.appendingPathComponent("_base"), label: "ids")
        defer { try? FileManager.default.removeItem(at: root) }
        let rootURL = root
        // Two writers (as two laptops or two command-line runs would be) each create 40 actions.
        try await withThrowingTaskGroup(of: [String].self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let store = PlainFileStore(root: rootURL)
                    let partnership = try store.load().partnership
                    var ids: [String] = []
                    for n in 0..<40 {
                        let draft = Action(id: "", area: "portsmouth", title: "Writer \(writer) action \(n)", theme: "procurement-practice",
                                           lead: "Lead", status: "not-started", rag: .green)
                        ids.append(try store.create(draft, in: partnership).id)
                    }
                    return ids
                }
            }
            var all: [String] = []
            for try await ids in group { all += ids }
            #expect(Set(all).count == 80)
        }
        let reloaded = try PlainFileStore(root: root).load()
        #expect(reloaded.partnership.actions.count == 81)
        #expect(reloaded.problems.isEmpty)
    }

    @Test func initMakesAStoreWithTheDefaultCatalogues() throws {
        let root = TestStores.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: root) }
        try PlainFileStore.initialise(at: root, title: "Our partnership: 2027")
        let result = try PlainFileStore(root: root).load()
        #expect(result.problems.isEmpty)
        #expect(result.partnership.title == "Our partnership: 2027")
        #expect(result.partnership.catalogue.themes.count == 17)
        #expect(result.partnership.catalogue.successFactors.count == 9)
        #expect(result.partnership.catalogue.fundingRules == FundingRules())
        #expect(throws: StoreError.notEmpty(root.standardizedFileURL.path)) { try PlainFileStore.initialise(at: root, title: "Again") }
    }
}
