import Foundation
import Testing
import PathfinderModel
@testable import PathfinderStore

/// Organisation records (issue 12): read and written like the other records, checked with
/// line numbers, merged field by field, and linked from actions' lead body and partners.
@Suite struct OrganisationStoreTests {
    static let file = """
    ---
    name: Test Focus Trust
    kind: charity
    size: medium
    areas: [portsmouth]
    themes: [third-sector-involvement]
    services:
      - housing and support for vulnerable people
    accreditations:
      - what: approved list
        by: Portsmouth City Council
        from: 2005-04-01
        until: 2008-03-31
    contacts:
      - role: chief executive
    source: "Annex B: Southern Focus Trust"
    ---

    A charity in Portsmouth.

    """

    func store(_ label: String) throws -> URL { try TestStores.copy(TestStores.sample, label: label) }

    @Test func anOrganisationLoadsWithEveryField() throws {
        let root = try store("org-load")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestStores.write(root, "organisations/test-trust.md", Self.file)
        let result = try PlainFileStore(root: root).load()
        let org = try #require(result.partnership.organisation("test-trust"))
        #expect(org.name == "Test Focus Trust" && org.kind == "charity" && org.size == "medium")
        #expect(org.areas == ["portsmouth"] && org.themes == ["third-sector-involvement"])
        #expect(org.services == ["housing and support for vulnerable people"])
        #expect(org.accreditations == [Accreditation(what: "approved list", by: "Portsmouth City Council",
                                                     from: Day(iso: "2005-04-01"), until: Day(iso: "2008-03-31"))])
        #expect(org.contacts == [OrganisationContact(role: "chief executive")])
        #expect(org.source == "Annex B: Southern Focus Trust" && org.notes == "A charity in Portsmouth.")
        #expect(org.isAccredited(on: Day(iso: "2006-12-01")!) && !org.isAccredited(on: Day(iso: "2009-01-01")!))
        #expect(!result.problems.contains { $0.path == "organisations/test-trust.md" })
    }

    @Test func aNewOrganisationIsWrittenCanonicallyAndReadsBack() throws {
        let org = Organisation(id: "a-b", name: "Yes: a name", kind: "faith-group", areas: ["dorset"], services: ["#1 service"],
                               accreditations: [Accreditation(what: "acquA", by: "Herefordshire Alliance", from: Day(iso: "2006-01-01"))],
                               contacts: [OrganisationContact(role: "manager", name: "Zoë", reach: "01234 567890")],
                               source: "para 3.12", notes: "Notes\n\nsecond paragraph")
        let text = StoreText.organisation(org)
        #expect(text.hasPrefix("---\nname: \"Yes: a name\"\nkind: faith-group\nareas: [dorset]\n"))
        let back = StoreText.parseOrganisation(text, path: "organisations/a-b.md")
        #expect(back.problems.isEmpty)
        #expect(back.organisation == org)
    }

    @Test func problemsNameTheFileAndLine() throws {
        let root = try store("org-problems")
        defer { try? FileManager.default.removeItem(at: root) }
        let bad = Self.file.replacingOccurrences(of: "kind: charity", with: "kind: charty")
            .replacingOccurrences(of: "areas: [portsmouth]", with: "areas: [portsmouth, atlantis]")
            .replacingOccurrences(of: "until: 2008-03-31", with: "until: 2004-03-31")
        try TestStores.write(root, "organisations/bad.md", bad)
        try TestStores.write(root, "organisations/no-name.md", "---\nkind: police\n---\n")
        let result = try PlainFileStore(root: root).load()
        let problems = result.problems.filter { $0.path.hasPrefix("organisations/") }.map { "\($0.path):\($0.line) \($0.message)" }
        #expect(problems.contains { $0.hasPrefix("organisations/bad.md:3 unknown kind \"charty\"") })
        #expect(problems.contains { $0.hasPrefix("organisations/bad.md:5 works in area \"atlantis\"") })
        #expect(problems.contains { $0.hasPrefix("organisations/bad.md:13 accreditation \"approved list\" ends (2004-03-31)") })
        #expect(problems.contains { $0 == "organisations/no-name.md:2 missing required field \"name\"" })
        // The rest of the store still loads.
        #expect(result.partnership.actions.count > 40 && result.partnership.organisation("bad") == nil)
        // The summary cache reports the same errors as the load.
        try SummaryCacheTests.expectSameAsFullLoad(root, "organisation errors")
        try SummaryCacheTests.expectSameAsFullLoad(root, "organisation errors, from the cache")
    }

    @Test func aFreeTextPartnerNamingAnOrganisationIsAWarningWithItsLine() throws {
        let root = try store("org-warn")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestStores.write(root, "organisations/test-trust.md", Self.file)
        let path = "areas/portsmouth/actions/PO-03.md"
        var text = try TestStores.read(root, path)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let partnersLine = try #require(lines.firstIndex { $0 == "partners:" }) + 1
        text = text.replacingOccurrences(of: "partners:\n", with: "partners:\n  - test  focus TRUST\n")
        try TestStores.write(root, path, text)
        let result = try PlainFileStore(root: root).load()
        let warning = try #require(result.problems.first { $0.path == path && $0.message.contains("test-trust") })
        #expect(warning.severity == .warning && warning.line == partnersLine + 1)
        #expect(warning.message.hasPrefix("partner \"test  focus TRUST\" is the organisation test-trust"))
        // Written as the id, it links and nothing is said.
        try TestStores.write(root, path, text.replacingOccurrences(of: "  - test  focus TRUST\n", with: "  - test-trust\n"))
        let linked = try PlainFileStore(root: root).load()
        #expect(!linked.problems.contains { $0.path == path && $0.message.contains("test-trust") })
        #expect(linked.partnership.organisationName("test-trust") == "Test Focus Trust")
        #expect(linked.partnership.actions(naming: "test-trust").partner.map(\.id) == ["PO-03"])
    }

    @Test func savingChangesOnlyTheChangedLinesAndRefusesAChangeOnDisk() throws {
        let root = try store("org-save")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestStores.write(root, "organisations/test-trust.md", Self.file.replacingOccurrences(of: "kind: charity", with: "kind: charity   # by hand"))
        let store = PlainFileStore(root: root)
        var org = try #require(try store.load().partnership.organisation("test-trust"))
        org.size = "large"
        try store.save(org)
        let after = try TestStores.read(root, "organisations/test-trust.md")
        #expect(TestStores.changedLines(Self.file.replacingOccurrences(of: "kind: charity", with: "kind: charity   # by hand"), after)
                == ["-size: medium", "+size: large"])
        try TestStores.write(root, "organisations/test-trust.md", after + "More.\n")
        org.size = "small"
        #expect(throws: StoreError.self) { try store.save(org) }
        // A new organisation is created; one that would not load is refused.
        let new = Organisation(id: "new-group", name: "New group", kind: "community-group")
        try store.save(new)
        #expect(try PlainFileStore(root: root).load().partnership.organisation("new-group") == new)
        #expect(throws: StoreError.self) { try store.save(Organisation(id: "odd", name: "Odd", kind: "alien")) }
    }

    @Test func theSyncMergeTakesFieldsFromBothSides() throws {
        let mine = Self.file.replacingOccurrences(of: "size: medium", with: "size: large")
        let theirs = Self.file.replacingOccurrences(of: "  - role: chief executive\n", with: "  - role: chief executive\n  - role: volunteer manager\n")
        guard case let .merged(bytes, conflicts) = StoreFileMerge.merge(base: Array(Self.file.utf8), mine: Array(mine.utf8),
                                                                       theirs: Array(theirs.utf8), path: "organisations/x.md") else {
            Issue.record("not merged")
            return
        }
        #expect(conflicts.isEmpty)
        let merged = try #require(StoreText.parseOrganisation(String(decoding: bytes, as: UTF8.self), path: "organisations/x.md").organisation)
        #expect(merged.size == "large" && merged.contacts.map(\.role) == ["chief executive", "volunteer manager"])
        #expect(FileKind(path: "organisations/x.md") == .organisation)
    }

    @Test func theRecordMergeKeepsBothSidesListsAndReportsAClash() {
        let base = Organisation(id: "x", name: "X", kind: "charity", services: ["a"])
        var mine = base, theirs = base
        mine.services.append("b")
        theirs.services.append("c")
        mine.kind = "police"
        theirs.kind = "other"
        let result = RecordMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(Set(result.merged.services) == ["a", "b", "c"])
        #expect(result.conflicts.map(\.key) == ["kind"])
    }

    @Test func theManifestsKindsAreTheCatalogue() throws {
        let parsed = StoreText.parseManifest("title: T\nformat: 1\norganisation-kinds:\n  - id: trust\n    label: Trust\n")
        #expect(parsed.manifest?.catalogue.organisationKinds.map(\.id) == ["trust"])
        #expect(parsed.manifest?.catalogue.sizeBands == Catalogue.defaultSizeBands)
        let plain = StoreText.parseManifest("title: T\nformat: 1\n")
        #expect(plain.manifest?.catalogue.organisationKinds.map(\.id) == ["charity", "community-group", "social-enterprise", "faith-group",
                                                                          "council-department", "primary-care-trust", "police", "other"])
    }
}
