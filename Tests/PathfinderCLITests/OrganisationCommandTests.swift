import Foundation
import Testing

/// `list organisations`, `show ORG` and `link-organisations` (issue 12) as scripts call them:
/// the built binary on a copy of the sample store with an organisation added.
@Suite(.serialized) struct OrganisationCommandTests {
    static let organisation = """
    ---
    name: Test Neighbourhood Trust
    kind: charity
    areas: [portsmouth, dorset]
    themes: [accreditation]
    services:
      - befriending
    accreditations:
      - what: approved list
        by: Portsmouth City Council
        from: 2006-01-01
        until: 2007-12-31
    ---

    Made for the tests.

    """

    func scratch() throws -> (root: URL, store: URL, home: URL) {
        let s = try Fixtures.scratch()
        let folder = s.store.appendingPathComponent("organisations")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.organisation.write(to: folder.appendingPathComponent("test-trust.md"), atomically: true, encoding: .utf8)
        // Two actions name it as free text: PO-03 as a partner (in another case and spacing), DO-01 as its lead body.
        try edit(s, "areas/portsmouth/actions/PO-03.md") { $0.replacingOccurrences(of: "partners:\n", with: "partners:\n  - test  neighbourhood TRUST\n") }
        try edit(s, "areas/dorset/actions/DO-01.md") { text in
            let lines = text.components(separatedBy: "\n").map { $0.hasPrefix("lead-body:") ? "lead-body: Test Neighbourhood Trust" : $0 }
            return lines.joined(separator: "\n")
        }
        return s
    }

    func edit(_ s: (root: URL, store: URL, home: URL), _ path: String, _ change: (String) -> String) throws {
        let url = s.store.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "\(path) unchanged")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }

    func run(_ arguments: [String], _ s: (root: URL, store: URL, home: URL)) throws -> (status: Int32, out: String, err: String) {
        try Fixtures.run(arguments + ["--store", s.store.path, "--as-of", "2006-12-15"],
                         environment: ["XDG_CONFIG_HOME": s.home.path, "HOME": s.home.path, "USER": "tester"])
    }

    @Test func listFiltersByAreaAndKindAndPrintsJSON() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let table = try run(["list", "organisations", "--area", "dorset", "--kind", "charity"], s)
        #expect(table.status == 0, "\(table.err)")
        #expect(table.out.contains("test-trust") && table.out.contains("Test Neighbourhood Trust"))
        let none = try run(["list", "organisations", "--area", "cumbria", "--kind", "charity", "--search", "neighbourhood"], s)
        #expect(!none.out.contains("test-trust"))
        let json = try run(["list", "organisations", "--kind", "charity", "--json"], s)
        let list = try #require(JSONList.document(json.out)?["organisations"] as? [[String: Any]])
        let entry = try #require(list.first { $0["id"] as? String == "test-trust" })
        #expect(entry["accredited"] as? Bool == true)
        #expect(entry["areas"] as? [String] == ["portsmouth", "dorset"])
        #expect((entry["accreditations"] as? [[String: String]])?.first?["until"] == "2007-12-31")
        let wrong = try run(["list", "organisations", "--kind", "charty"], s)
        #expect(wrong.status != 0 && wrong.err.contains("no kind “charty”"))
    }

    @Test func showPrintsTheRecordAndWhatNamesIt() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        #expect(try run(["link-organisations"], s).status == 0)
        let text = try run(["show", "test-trust"], s)
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.hasPrefix("Test Neighbourhood Trust\n========================\nKind:     Charity\nAreas:    Portsmouth; Dorset\n"))
        #expect(text.out.contains("Accreditation\n  approved list, by Portsmouth City Council, 2006-01-01 to 2007-12-31"))
        #expect(text.out.contains("Leads\n  DO-01") && text.out.contains("Partner in\n  PO-03"))
        let json = try run(["show", "test-trust", "--json"], s)
        let object = try #require(JSONList.document(json.out)?["organisation"] as? [String: Any])
        #expect(object["leads"] as? [String] == ["DO-01"] && object["partner-in"] as? [String] == ["PO-03"])
        #expect(object["kind"] as? String == "charity" && object["services"] as? [String] == ["befriending"])
        // The action shows the organisation's name, not its id.
        let action = try run(["show", "PO-03"], s)
        #expect(action.out.contains("Test Neighbourhood Trust") && !action.out.contains("test-trust"))
    }

    @Test func linkOrganisationsRewritesNamesToIdsOnlyWhereAsked() throws {
        let s = try scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let check = try run(["check"], s)
        #expect(check.out.contains("areas/portsmouth/actions/PO-03.md:") && check.out.contains("is the organisation test-trust"))
        let before = try String(contentsOf: s.store.appendingPathComponent("areas/portsmouth/actions/PO-03.md"), encoding: .utf8)
        let dry = try run(["link-organisations", "--dry-run"], s)
        #expect(dry.status == 0, "\(dry.err)")
        #expect(dry.out.contains("PO-03: partner “test  neighbourhood TRUST” → test-trust"))
        #expect(dry.out.contains("DO-01: lead-body “Test Neighbourhood Trust” → test-trust"))
        #expect(try String(contentsOf: s.store.appendingPathComponent("areas/portsmouth/actions/PO-03.md"), encoding: .utf8) == before)
        // One area: only its actions change.
        let portsmouth = try run(["link-organisations", "--area", "portsmouth"], s)
        #expect(portsmouth.out.hasSuffix("1 action linked\n"), "\(portsmouth.out)")
        let after = try String(contentsOf: s.store.appendingPathComponent("areas/portsmouth/actions/PO-03.md"), encoding: .utf8)
        #expect(after.contains("  - test-trust\n") && !after.contains("neighbourhood TRUST"))
        #expect(after.contains("updated-by: tester"))
        let dorset = try String(contentsOf: s.store.appendingPathComponent("areas/dorset/actions/DO-01.md"), encoding: .utf8)
        #expect(dorset.contains("lead-body: Test Neighbourhood Trust"))
        // Then the rest; a second run finds nothing, and check has nothing more to say.
        #expect(try run(["link-organisations"], s).out.hasSuffix("1 action linked\n"))
        #expect(try run(["link-organisations"], s).out == "0 actions linked\n")
        #expect(!(try run(["check"], s).out.contains("is the organisation test-trust")))
    }
}
