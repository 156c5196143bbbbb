import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore

/// Funding agreements (`funding/<id>.md`) and indicator readings in the store: read, checked
/// with line numbers, written line by line, created, and merged.
struct FundingAgreementStoreTests {
    @Test func theSampleAgreementsLoadWithTheirTerms() throws {
        let p = try PlainFileStore(root: TestStores.sample).load().partnership
        let good = try #require(p.fundingAgreement("portsmouth-good-neighbours"))
        #expect(good.amount == 80_000)
        #expect(good.termYears == 3)
        #expect(good.actions == ["PO-08"])
        #expect(p.fundingAgreements(forAction: "PO-08").map(\.id) == ["portsmouth-good-neighbours"])
        let grants = try #require(p.fundingAgreement("tower-hamlets-one-year-grants"))
        #expect(grants.noticeDate == Day(iso: "2007-02-28"))
        #expect(grants.fullCostRecovery == CostRecovery.no)
        #expect(grants.monitoringFrequency == .quarterly)
    }

    @Test func checkNamesTheLineOfEachTermThatFallsShort() throws {
        let root = try TestStores.copy(TestStores.sample, label: "funding-lines")
        defer { try? FileManager.default.removeItem(at: root) }
        let problems = try PlainFileStore(root: root).load().problems.filter { $0.path == "funding/tower-hamlets-one-year-grants.md" }
        let text = problems.map(\.description)
        #expect(text.contains { $0.hasPrefix("funding/tower-hamlets-one-year-grants.md:8: warning: funding: 1-year term") })
        #expect(text.contains { $0.hasPrefix("funding/tower-hamlets-one-year-grants.md:9: warning: funding: 1 month's notice") })
        #expect(text.contains { $0.hasPrefix("funding/tower-hamlets-one-year-grants.md:10: warning: funding: no full cost recovery") })
        #expect(text.contains("funding/tower-hamlets-one-year-grants.md:2: warning: funding: not stated: fair price, shared risk (a term not stated never meets the principles)"))
    }

    @Test func aBadValueIsAnErrorOnItsLineAndTheRestOfTheStoreLoads() throws {
        let root = try TestStores.copy(TestStores.sample, label: "funding-bad")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestStores.write(root, "funding/bad.md", "---\ntitle: Bad\nmechanism: handshake\nnotice-months: soon\nactions: [ZZ-99]\n---\n")
        let result = try PlainFileStore(root: root).load()
        let bad = result.problems.filter { $0.path == "funding/bad.md" }.map(\.description)
        #expect(bad.contains { $0.hasPrefix("funding/bad.md:3: error: \"mechanism\" should be one of grant, contract, service-level-agreement") })
        #expect(bad.contains("funding/bad.md:4: error: \"notice-months\" should be a number, not \"soon\""))
        #expect(result.partnership.fundingAgreement("bad") == nil)
        #expect(result.partnership.fundingAgreements.count == 5)
        #expect(result.partnership.actions.count > 40)
    }

    @Test func aLinkToAnActionNotInTheStoreIsAWarningOnItsItem() throws {
        let root = try TestStores.copy(TestStores.sample, label: "funding-link")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestStores.write(root, "funding/linked.md", "---\ntitle: Linked\nactions:\n  - PO-08\n  - ZZ-99\n---\n")
        let problems = try PlainFileStore(root: root).load().problems.filter { $0.path == "funding/linked.md" }
        #expect(problems.contains { $0.line == 5 && $0.severity == .warning && $0.message.contains("ZZ-99") })
    }

    /// The organisation funded and the funder are checked against organisations/ as an action's
    /// lead body is: an unknown id on its line, and a name given its id; free text stays valid.
    @Test func anUnknownOrganisationIdIsReportedAndANameGetsItsId() throws {
        let root = try TestStores.copy(TestStores.sample, label: "funding-organisations")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestStores.write(root, "funding/a.md", "---\ntitle: A\nfunder: no-such-council\norganisation: the-salvaton-army\n---\n")
        try TestStores.write(root, "funding/b.md", "---\ntitle: B\nfunder: portsmouth-city-council\norganisation: The  Salvation ARMY\n---\n")
        try TestStores.write(root, "funding/c.md", "---\ntitle: C\nfunder: A fund\norganisation: Several small groups\n---\n")
        let problems = try PlainFileStore(root: root).load().problems.map(\.description)
        #expect(problems.contains { $0.hasPrefix("funding/a.md:3: warning: funder \"no-such-council\" is no organisation's id") })
        #expect(problems.contains { $0.hasPrefix("funding/a.md:4: warning: organisation \"the-salvaton-army\" is no organisation's id") })
        #expect(problems.contains("funding/b.md:4: warning: organisation \"The  Salvation ARMY\" is the organisation the-salvation-army: write \"organisation: the-salvation-army\" to link them"))
        #expect(!problems.contains { $0.hasPrefix("funding/b.md:3:") }, "a funder that is an organisation's id")
        #expect(!problems.contains { $0.hasPrefix("funding/c.md:3:") || $0.hasPrefix("funding/c.md:4:") }, "free text")
        #expect(!problems.contains { $0.contains("is no organisation's id") && $0.hasPrefix("funding/portsmouth") }, "the sample's own")
    }

    @Test func aSaveRewritesOnlyTheChangedFieldAndCreateNamesTheFileFromTheTitle() throws {
        let root = try TestStores.copy(TestStores.sample, label: "funding-save")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        let p = try store.load().partnership
        var good = try #require(p.fundingAgreement("portsmouth-good-neighbours"))
        let before = try TestStores.read(root, "funding/portsmouth-good-neighbours.md")
        good.noticeMonths = 3
        try store.save(good)
        let after = try TestStores.read(root, "funding/portsmouth-good-neighbours.md")
        #expect(TestStores.changedLines(before, after) == ["+notice-months: 3"])
        let made = try store.create(FundingAgreement(id: "", title: "Befriending grant", funder: "Portsmouth City Council",
                                                    fullCostRecovery: .consciousChoice, costRecoveryReason: "trustees' choice"))
        #expect(made.id == "befriending-grant")
        let again = try store.create(FundingAgreement(id: "", title: "Befriending grant"))
        #expect(again.id == "befriending-grant-2")
        let reloaded = try PlainFileStore(root: root).load()
        #expect(reloaded.partnership.fundingAgreement("befriending-grant")?.fullCostRecovery == .consciousChoice)
        #expect(reloaded.partnership.fundingAgreement("portsmouth-good-neighbours")?.noticeMonths == 3)
        #expect(reloaded.errors.isEmpty)
    }

    @Test func aSaveOverAColleaguesChangeIsRefused() throws {
        let root = try TestStores.copy(TestStores.sample, label: "funding-race")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        var good = try #require(try store.load().partnership.fundingAgreement("portsmouth-good-neighbours"))
        let path = "funding/portsmouth-good-neighbours.md"
        try TestStores.write(root, path, try TestStores.read(root, path).replacingOccurrences(of: "term-years: 3", with: "term-years: 4"))
        good.noticeMonths = 3
        #expect(throws: StoreError.self) { try store.save(good) }
    }

    @Test func readingsRoundTripAndMergeFromBothSides() throws {
        let root = try TestStores.copy(TestStores.sample, label: "readings")
        defer { try? FileManager.default.removeItem(at: root) }
        let store = PlainFileStore(root: root)
        let base = try #require(try store.load().partnership.action("TH-05"))
        #expect(base.indicator?.readings.map(\.value) == [7, 12])
        #expect(base.indicator?.direction == .higher)
        var mine = base, theirs = base
        mine.indicator?.add(IndicatorReading(date: Day(iso: "2006-11-30")!, value: 13, note: "November", who: "Me"))
        theirs.indicator?.add(IndicatorReading(date: Day(iso: "2006-10-31")!, value: 12.5, who: "Them"))
        let merged = RecordMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(merged.conflicts.isEmpty)
        #expect(merged.merged.indicator?.readings.map(\.value) == [7, 12, 12.5, 13])
        #expect(merged.merged.indicator?.current == 13)
        try store.save(merged.merged)
        let text = try TestStores.read(root, "areas/tower-hamlets/actions/TH-05.md")
        #expect(text.contains("    - date: 2006-11-30\n      value: 13\n      note: November\n      who: Me\n"))
        let reread = try PlainFileStore(root: root).load()
        #expect(reread.partnership.action("TH-05")?.indicator == merged.merged.indicator)
        #expect(reread.errors.isEmpty)
    }

    @Test func agreementsMergeFieldByFieldWithTheirActionsAsAList() {
        let base = FundingAgreement(id: "a", title: "A", termYears: 1, actions: ["PO-01"])
        var mine = base, theirs = base
        mine.noticeMonths = 3
        mine.actions.append("PO-02")
        theirs.termYears = 3
        theirs.actions.append("PO-03")
        let merged = RecordMerge.merge(base: base, mine: mine, theirs: theirs)
        #expect(merged.conflicts.isEmpty)
        #expect(merged.merged.noticeMonths == 3 && merged.merged.termYears == 3)
        #expect(Set(merged.merged.actions) == ["PO-01", "PO-02", "PO-03"])
        var other = base
        other.termYears = 2
        #expect(RecordMerge.merge(base: base, mine: theirs, theirs: other).conflicts.map(\.key) == ["term-years"])
    }
}
