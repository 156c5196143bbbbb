import Foundation
import Testing

/// `pathfinder reading`, `agreement` and `report funding` as scripts call them: the built binary
/// on a copy of the sample store, on 2006-12-15.
@Suite(.serialized) struct FundingCommandTests {
    func run(_ arguments: [String], _ scratch: (root: URL, store: URL, home: URL)) throws -> (status: Int32, out: String, err: String) {
        try Fixtures.run(arguments + ["--store", scratch.store.path, "--as-of", "2006-12-15"],
                         environment: ["XDG_CONFIG_HOME": scratch.home.path, "HOME": scratch.home.path, "USER": "tester"])
    }

    func file(_ scratch: (root: URL, store: URL, home: URL), _ path: String) throws -> String {
        try String(contentsOf: scratch.store.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func aReadingIsAddedInDateOrderAndSaysTheCourse() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let r = try run(["reading", "NO-06", "0.2", "--date", "2006-06-30", "--note", "June return"], s)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "NO-06: reading 0.2% added (2006-06-30, tester); off course\n")
        let text = try file(s, "areas/nottingham/actions/NO-06.md")
        #expect(text.contains("    - date: 2006-06-30\n      value: 0.2\n      note: June return\n      who: tester\n    - date: 2006-09-30"))
        #expect(!text.contains("  current: 0.2"))   // an older reading does not become current
        let bad = try run(["reading", "NO-06", "lots"], s)
        #expect(bad.status != 0)
        #expect(bad.err.contains("is not a number; nothing was added"))
        let none = try run(["reading", "PO-03", "4"], s)
        #expect(none.status != 0)
        #expect(none.err.contains("PO-03 has no indicator"))
    }

    @Test func anActionsFundingTermsBecomeAnAgreement() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let r = try run(["agreement", "from-action", "PO-06"], s)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("three-year-security-of-funding-for-third: made funding/"), "\(r.out)")
        let made = try FileManager.default.contentsOfDirectory(atPath: s.store.appendingPathComponent("funding").path)
            .first { $0.hasPrefix("three-year") }!
        let text = try file(s, "funding/" + made)
        #expect(text.contains("funder: Portsmouth City Council\n"))
        #expect(text.contains("term-years: 3\nnotice-months: 3\nfull-cost-recovery: \"yes\"\n"))
        #expect(text.contains("actions: [PO-06]\n"))
        #expect(!(try file(s, "areas/portsmouth/actions/PO-06.md")).contains("funding:"))
        let again = try run(["agreement", "from-action", "PO-08"], s)
        #expect(again.status != 0)
        #expect(again.err.contains("already funded by agreement portsmouth-good-neighbours"))
    }

    @Test func anAgreementIsMadeAndChangedFieldByField() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let made = try run(["agreement", "new", "--title", "Befriending grant", "funder=Portsmouth City Council",
                            "term-years=1", "notice-months=3", "full-cost-recovery=yes"], s)
        #expect(made.status == 0, "\(made.err)")
        #expect(made.out.contains("! 1-year term, under the Government's 3-year starting point"))
        let changed = try run(["agreement", "set", "befriending-grant", "term-reason=a pilot year before the full scheme"], s)
        #expect(changed.status == 0, "\(changed.err)")
        #expect(changed.out.contains("~") == false)   // departures are kept, so not listed as concerns
        let refused = try run(["agreement", "set", "befriending-grant", "mechanism=handshake"], s)
        #expect(refused.status != 0)
        #expect(refused.err.contains("mechanism: “handshake” is not one of grant, contract, service-level-agreement"))
        let report = try run(["report", "funding", "--format", "csv"], s)
        #expect(report.out.contains("agreement,befriending-grant,Befriending grant,"))
        #expect(report.out.contains(",explained,"))
    }

    @Test func theRegisterListsNoticeDueInTheNext90Days() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let r = try run(["report", "funding"], s)
        #expect(r.status == 0, "\(r.err)")
        let soon = r.out.components(separatedBy: "Give notice by (the next 90 days)\n")[1].components(separatedBy: "\n\n")[0]
        #expect(soon.contains("2007-02-28  One-year grants to third sector organisations (illustration)"))
        #expect(!soon.contains("Good Neighbours"))
        let later = try Fixtures.run(["report", "funding", "--store", s.store.path, "--as-of", "2007-03-15"],
                                     environment: ["XDG_CONFIG_HOME": s.home.path, "HOME": s.home.path])
        #expect(later.out.contains("No agreement's notice date falls in the next 90 days."))
    }
}
