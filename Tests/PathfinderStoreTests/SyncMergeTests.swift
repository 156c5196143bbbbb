import Foundation
import Testing
import PathfinderModel
@testable import PathfinderStore

/// The field-by-field merge the git merge driver performs, on texts (no git).
struct SyncMergeTests {
    static let path = "areas/portsmouth/actions/PO-03.md"
    let base: String

    init() throws {
        base = try TestStores.read(TestStores.sample, Self.path)
    }

    func merge(_ base: String, _ mine: String, _ theirs: String, path: String = SyncMergeTests.path)
        -> (text: String, conflicts: [FieldConflict]) {
        switch StoreFileMerge.merge(base: Array(base.utf8), mine: Array(mine.utf8), theirs: Array(theirs.utf8), path: path) {
        case let .merged(bytes, conflicts): return (String(decoding: bytes, as: UTF8.self), conflicts)
        case .keepBoth: return ("<kept both>", [])
        case let .unreadable(why): return ("<unreadable: \(why)>", [])
        }
    }

    func replacing(_ text: String, _ old: String, _ new: String) -> String {
        #expect(text.contains(old), "fixture lacks \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    func parses(_ text: String, path: String = SyncMergeTests.path) -> Action? {
        let parsed = StoreText.parseAction(text, path: path)
        #expect(!parsed.problems.contains { $0.severity == .error }, "\(parsed.problems)")
        return parsed.action
    }

    @Test func differentFieldsTakeBothAndLeaveEveryOtherByteAlone() {
        let mine = replacing(base, "status: in-progress\n", "status: done\n")
        let theirs = replacing(base, "rag: green\n", "rag: red\n")
        let result = merge(base, mine, theirs)
        #expect(result.conflicts.isEmpty)
        #expect(result.text == replacing(mine, "rag: green\n", "rag: red\n"))
    }

    @Test func sameFieldChangedDifferentlyKeepsMineAndReportsIt() throws {
        let mine = replacing(base, "status: in-progress\n", "status: done\n")
        let theirs = replacing(base, "status: in-progress\n", "status: blocked\n")
        let result = merge(base, mine, theirs)
        #expect(result.text == mine)
        let conflict = try #require(result.conflicts.first)
        #expect(result.conflicts.count == 1)
        #expect(conflict.location.fieldName == "status")
        #expect(conflict.base == .text("in-progress") && conflict.mine == .text("done") && conflict.theirs == .text("blocked"))
    }

    @Test func updatedTakesTheLaterDayAndItsAuthor() throws {
        let mine = replacing(replacing(base, "updated: 2006-11-28\n", "updated: 2006-12-04\n"),
                             "updated-by: Strategic Director, champion for community involvement\n", "updated-by: Ann\n")
        let theirs = replacing(replacing(base, "updated: 2006-11-28\n", "updated: 2006-12-09\n"),
                               "updated-by: Strategic Director, champion for community involvement\n", "updated-by: Bob\n")
        let result = merge(base, mine, theirs)
        #expect(result.conflicts.isEmpty)
        let action = try #require(parses(result.text))
        #expect(action.updated == Day(iso: "2006-12-09") && action.updatedBy == "Bob")
    }

    @Test func listsMergeAsUnionsAndMilestonesByTitle() throws {
        let partners = "partners:\n  - vcs-providers-network\n  - portsmouth-prevention-and-well-being-network\n  - Local Strategic Partnership\n"
        let milestone = "  - title: Draft framework discussed with the VCS Providers Network\n    due: 2007-02-28\n    done: false\n"
        let mine = replacing(replacing(base, partners, partners + "  - Age Concern Portsmouth\n"),
                             milestone, milestone.replacingOccurrences(of: "done: false", with: "done: true"))
        let theirs = replacing(replacing(base, partners, partners.replacingOccurrences(of: "  - Local Strategic Partnership\n", with: "") + "  - Portsmouth CVS\n"),
                               milestone, milestone + "  - title: Consultation with small groups\n    due: 2007-01-15\n    done: false\n")
        let result = merge(base, mine, theirs)
        #expect(result.conflicts.isEmpty, "\(result.conflicts)")
        let action = try #require(parses(result.text))
        // Theirs goes where they put it (after the entry it follows in their list).
        #expect(action.partners == ["vcs-providers-network", "portsmouth-prevention-and-well-being-network",
                                    "Portsmouth CVS", "Age Concern Portsmouth"])
        #expect(action.milestones.map(\.title) == ["Consultation with small groups",
                                                   "Draft framework discussed with the VCS Providers Network",
                                                   "Framework adopted by the council and the Local Strategic Partnership"])
        #expect(action.milestones[1].done)

        // The same milestone's due date changed differently: a conflict inside the list.
        let mineDue = replacing(base, "    due: 2007-02-28\n", "    due: 2007-03-15\n")
        let theirsDue = replacing(base, "    due: 2007-02-28\n", "    due: 2007-04-01\n")
        let clash = merge(base, mineDue, theirsDue)
        #expect(clash.conflicts.map(\.location.fieldName) == ["milestones[Draft framework discussed with the VCS Providers Network].due"])
        #expect(parses(clash.text)?.milestones.first?.due == Day(iso: "2007-03-15"))
    }

    @Test func progressNotesFromBothSidesInDateOrderOnce() throws {
        let shared = "\n### 2006-12-01 — Forum facilitator\nAgreed at the forum.\n"
        let mine = base + "\n### 2006-12-10 — Ann\nDraft sent.\n" + shared
        let theirs = base + shared + "\n### 2006-12-03 — Bob\nMet the partnership.\n"
        let result = merge(base, mine, theirs)
        let action = try #require(parses(result.text))
        let dates = action.progress.map(\.date.iso)
        #expect(dates == ["2006-07-12", "2006-11-28", "2006-12-01", "2006-12-03", "2006-12-10"], "\(dates)")
        #expect(action.progress.filter { $0.text == "Agreed at the forum." }.count == 1)
    }

    @Test func descriptionMergesByLinesAndAClashKeepsMine() throws {
        let first = "Key issue 3: the future role of the third sector should not only be about delivering public\n"
        let last = "Strategic Partnership's Community Strategy (para 2.11).\n"
        let mine = replacing(base, first, "Key issue 3 (revised): the future role of the third sector should not only be about delivering public\n")
        let theirs = replacing(base, last, "Strategic Partnership's Community Strategy (para 2.11). Reviewed in December.\n")
        let result = merge(base, mine, theirs)
        #expect(result.conflicts.isEmpty)
        #expect(result.text.contains("Key issue 3 (revised)") && result.text.contains("Reviewed in December."))

        let theirsClash = replacing(base, first, "Key issue three: the future role of the third sector should not only be about delivering public\n")
        let clash = merge(base, mine, theirsClash)
        #expect(clash.conflicts.map(\.location.fieldName) == ["description"])
        #expect(clash.text == mine)
    }

    @Test func unknownFieldsAndOtherFileKindsMergeByKey() throws {
        let mine = replacing(base, "source: ", "owner-notes: checked by Ann\nsource: ")
        let theirs = replacing(base, "reviewed: 2006-11-28\n", "reviewed: 2006-11-28\nrisk-register: [R1, R2]\n")
        let result = merge(base, mine, theirs)
        #expect(result.conflicts.isEmpty)
        #expect(result.text.contains("owner-notes: checked by Ann\n") && result.text.contains("risk-register: [R1, R2]\n"))
        // A comment line added on their side comes along, after the field it follows.
        let commented = replacing(theirs, "rag: green\n", "rag: green\n# RAG agreed at the November forum\n")
        #expect(merge(base, mine, commented).text.contains("rag: green\n# RAG agreed at the November forum\nstart:"))

        // An area: key figures added on both sides, the narrative edited in different places.
        let areaPath = "areas/portsmouth/area.md"
        let area = try TestStores.read(TestStores.sample, areaPath)
        let areaMine = replacing(area, "steering-group:\n", "  - label: Volunteers\n    value: \"3,000\"\nsteering-group:\n")
        let areaTheirs = replacing(area, "region: South East\n", "region: South East of England\n")
        let areaResult = merge(area, areaMine, areaTheirs, path: areaPath)
        #expect(areaResult.conflicts.isEmpty)
        let parsed = StoreText.parseArea(areaResult.text, path: areaPath)
        #expect(parsed.area?.region == "South East of England")
        #expect(parsed.area?.keyFigures.contains { $0.label == "Volunteers" } == true)

        // The manifest: a theme added on each side.
        let manifest = try TestStores.read(TestStores.sample, "pathfinder.yaml")
        let themes = "themes:\n"
        let m1 = replacing(manifest, themes, themes + "  - id: digital-inclusion\n    label: Digital inclusion\n")
        let m2 = replacing(manifest, themes, themes + "  - id: rural-access\n    label: Rural access\n")
        let merged = merge(manifest, m1, m2, path: "pathfinder.yaml")
        #expect(merged.conflicts.isEmpty)
        let catalogue = try #require(StoreText.parseManifest(merged.text).manifest?.catalogue)
        #expect(catalogue.themes.map(\.id).contains("digital-inclusion") && catalogue.themes.map(\.id).contains("rural-access"))
        #expect(merged.text.hasPrefix(String(manifest.prefix(40))), "comments and layout kept")
    }

    @Test func actionCreatedOnBothSidesWithOneIDIsKeptTwice() {
        let mine = replacing(base, "title: A policy framework that values the sector's voice and independence\n", "title: Ann's action\n")
        let theirs = replacing(base, "title: A policy framework that values the sector's voice and independence\n", "title: Bob's action\n")
        guard case let .keepBoth(kept) = StoreFileMerge.merge(base: [], mine: Array(mine.utf8), theirs: Array(theirs.utf8), path: Self.path) else {
            Issue.record("expected both actions to be kept")
            return
        }
        #expect(String(decoding: kept, as: UTF8.self) == theirs)
        // The same action added on both sides (same title) merges, clashing fields reported.
        let a = replacing(base, "rag: green\n", "rag: red\n")
        let same = merge("", a, base)
        #expect(same.conflicts.map(\.location.fieldName) == ["rag"])
        #expect(same.text == a)
    }

    @Test func filesThatDoNotReadAreLeftToGit() {
        let broken = base.replacingOccurrences(of: "rag: green\n", with: "rag: [green\n")
        if case .unreadable = StoreFileMerge.merge(base: Array(base.utf8), mine: Array(broken.utf8), theirs: Array(base.utf8), path: Self.path) {
        } else {
            Issue.record("a file with a YAML error should not be merged field by field")
        }
    }

    @Test func windowsLineEndingsSurvive() {
        let crlf = base.replacingOccurrences(of: "\n", with: "\r\n")
        let mine = crlf.replacingOccurrences(of: "status: in-progress\r\n", with: "status: done\r\n")
        let theirs = crlf.replacingOccurrences(of: "rag: green\r\n", with: "rag: red\r\n")
        let result = merge(crlf, mine, theirs)
        #expect(result.text == mine.replacingOccurrences(of: "rag: green\r\n", with: "rag: red\r\n"))
    }

    @Test func lineMergeTakesEachSidesLines() {
        let b = "one\ntwo\nthree\nfour\n"
        #expect(LineMerge.merge(base: b, mine: "ONE\ntwo\nthree\nfour\n", theirs: "one\ntwo\nthree\nFOUR\n") == "ONE\ntwo\nthree\nFOUR\n")
        #expect(LineMerge.merge(base: b, mine: "one\nTWO\nthree\nfour\n", theirs: "one\ntwo!\nthree\nfour\n") == nil)
        #expect(LineMerge.merge(base: b, mine: "zero\n" + b, theirs: b + "five\n") == "zero\n" + b + "five\n")
    }

    @Test func changesAreToldInUsersWords() {
        let new = replacing(base, "status: in-progress\n", "status: done\n")
            + "\n### 2006-12-01 — Ann\nOne.\n\n### 2006-12-02 — Ann\nTwo.\n"
        let change = FileChanges.describe(path: Self.path, old: Array(base.utf8), new: Array(new.utf8),
                                          areaName: { $0 == "portsmouth" ? "Portsmouth" : nil })
        #expect(change.line == "Portsmouth PO-03: status in progress -> done; 2 progress notes")
        let created = FileChanges.describe(path: Self.path, old: nil, new: Array(base.utf8), areaName: { _ in "Portsmouth" })
        #expect(created.line.hasPrefix("Portsmouth PO-03: new action “A policy framework"))
        let deleted = FileChanges.describe(path: Self.path, old: Array(base.utf8), new: nil, areaName: { _ in "Portsmouth" })
        #expect(deleted.line.hasPrefix("Portsmouth PO-03: deleted"))
        let moved = FileChanges.describe(path: "areas/dorset/actions/PO-03.md", oldPath: Self.path, old: Array(base.utf8),
                                         new: Array(base.utf8), areaName: { $0 == "dorset" ? "Dorset" : nil })
        #expect(moved.line == "Dorset PO-03: moved from \(Self.path)")
        let listed = FileChanges.describe(path: Self.path, old: Array(base.utf8),
                                          new: Array(replacing(base, "  - Local Strategic Partnership\n", "  - Portsmouth CVS\n").utf8))
        #expect(listed.details == ["partners: removed Local Strategic Partnership", "partners: added Portsmouth CVS"])
    }
}
