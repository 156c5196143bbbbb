import Foundation
import PathfinderModel
import PathfinderReports
import PathfinderStore
import Testing

/// The JSON shape tools rely on (docs/json.md), pinned: the version, every key of each record
/// in the store's own kebab-case names, true/false booleans. A key removed or renamed fails
/// here; docs/json.md and `RecordJSON.version` change with it.
struct JSONShapeTests {
    let sample = Fixtures.sampleStore.path

    static let actionKeys = ["id", "area", "title", "theme", "success-factors", "lead", "lead-body", "partners", "status", "rag",
                             "start", "due", "overdue", "milestones", "indicator", "funding", "case-studies", "reviewed",
                             "updated", "updated-by", "source", "description", "progress"]

    /// The object's keys in the order written (JSONSerialization forgets order).
    func keys(_ json: String, under indent: Int) -> [String] {
        json.split(separator: "\n").compactMap { line in
            let pad = String(repeating: " ", count: indent)
            guard line.hasPrefix(pad + "\""), !line.hasPrefix(pad + " ") else { return nil }
            return line.dropFirst(indent + 1).split(separator: "\"").first.map(String.init)
        }
    }

    @Test func listActionsHasTheVersionAndEveryFieldOfEveryAction() throws {
        let r = try Fixtures.run(["list", "actions", "--store", sample, "--area", "tower-hamlets", "--json"])
        #expect(r.status == 0, "\(r.err)")
        let document = try #require(JSONList.document(r.out))
        #expect(document["version"] as? Int == 1)
        #expect(keys(r.out, under: 2) == ["version", "as-of", "actions"])
        let actions = try #require(document["actions"] as? [[String: Any]])
        for a in actions { #expect(Set(a.keys) == Set(Self.actionKeys), "\(a["id"] ?? "?")") }
        #expect(Array(keys(r.out, under: 6).prefix(Self.actionKeys.count)) == Self.actionKeys, "keys in the file's order")
        let funded = try #require(actions.first { $0["funding"] is [String: Any] })
        let funding = try #require(funded["funding"] as? [String: Any])
        #expect(Set(funding.keys) == ["amount", "term-years", "notice-months", "full-cost-recovery"])
        #expect(funding["full-cost-recovery"] is Bool || funding["full-cost-recovery"] is NSNull)
        let measured = try #require(actions.first { $0["indicator"] is [String: Any] })
        #expect(Set((measured["indicator"] as? [String: Any] ?? [:]).keys) == ["name", "baseline", "target", "current", "unit", "direction", "laa-target", "readings"])
        let milestones = actions.flatMap { $0["milestones"] as? [[String: Any]] ?? [] }
        #expect(!milestones.isEmpty && milestones.allSatisfy { !($0["done"] is String) })
        // Booleans as written: true/false, never "yes"/"no".
        let done = r.out.split(separator: "\n").filter { $0.contains("\"done\": ") }
        #expect(done.count == milestones.count && done.allSatisfy { $0.hasSuffix("\"done\": true") || $0.hasSuffix("\"done\": false") })
        #expect(actions.allSatisfy { $0["updated-by"] is String && $0["description"] is String })
    }

    @Test func showJSONIsTheSameRecordAsTheList() throws {
        let show = try Fixtures.run(["show", "TH-01", "--store", sample, "--json"])
        let list = try Fixtures.run(["list", "actions", "--store", sample, "--area", "tower-hamlets", "--json"])
        let one = try #require(JSONList.document(show.out))
        #expect(one["version"] as? Int == 1)
        let action = try #require(one["action"] as? [String: Any])
        let listed = try #require(JSONList.actions(list.out)?.first { $0["id"] as? String == "TH-01" })
        #expect(NSDictionary(dictionary: action) == NSDictionary(dictionary: listed))
        let area = try #require(JSONList.document(try Fixtures.run(["show", "portsmouth", "--store", sample, "--json"]).out)?["area"] as? [String: Any])
        #expect(Set(area.keys) == ["id", "name", "code", "authority", "type", "region", "demography", "key-figures", "steering-group",
                                   "forums", "source", "narrative"])
    }

    @Test func reportsAndListsOfAreasCarryTheVersion() throws {
        for arguments in [["report", "--format", "json"], ["report", "funding", "--format", "json"], ["list", "areas", "--json"],
                          ["list", "case-studies", "--json"]] {
            let r = try Fixtures.run(arguments + ["--store", sample])
            #expect(keys(r.out, under: 2).first == "version", "\(arguments)")
            #expect(!r.out.contains("Body\"") && !r.out.contains("Due\""), "\(arguments): no camelCase keys")
        }
        let areas = try #require(JSONList.document(try Fixtures.run(["list", "areas", "--json", "--store", sample]).out)?["areas"] as? [[String: Any]])
        #expect(Set(areas.first?.keys.map { $0 } ?? []) == ["id", "name", "type", "actions", "rag", "overdue", "next-due"])
    }

    /// The byte writer behind `--json` (issue 14) escapes exactly as `Escape.json` does, on
    /// every action field of the sample store and on text JSON or a terminal has to fear.
    @Test func jsonBytesAreEscapeJSONsBytes() throws {
        let actions = try PlainFileStore(root: Fixtures.sampleStore).load().partnership.actions
        let hostile = ["q\"b\\s/\u{1}\u{8}\u{c}\n\r\t\u{1f}\u{7f}é\u{2028}\u{2029}𝄞\u{0}", "\u{1b}[2J\u{9b}31m\u{85}",
                       "\u{202e}evil\u{2066}\u{200f}", "\r\n", "\u{e2}\u{80}", "日本語ｶﾅ", "", "\u{feff}\u{fffe}\u{ffff}", "\\u2028"]
        let texts = hostile + actions.flatMap { [$0.id, $0.title, $0.description, $0.lead] + $0.partners + $0.progress.map(\.text) }
        for text in texts {
            #expect(JSONValue.string(text).renderedBytes() == Array((Escape.json(text) + "\n").utf8), "\(text.debugDescription)")
        }
        let tree = JSONValue.object([("a\u{2028}", .array([.int(-3), .number(1.5), .number(.nan), .bool(false), .null, .array([]), .object([])])),
                                     ("b", .object([("c", .string("é\n"))]))])
        #expect(tree.rendered() == "{\n  \"a\\u2028\": [\n    -3,\n    1.5,\n    null,\n    false,\n    null,\n    [],\n    {}\n  ],\n"
            + "  \"b\": {\n    \"c\": \"é\\n\"\n  }\n}\n")
    }
}
