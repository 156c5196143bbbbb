import Foundation
import PathfinderModel
import PathfinderReports
import PathfinderStore
import Testing
@testable import PathfinderCLI

/// `report --format json` (and `csv`) of the whole store (issue 14) reads from the index only
/// the notes it prints and streams its document; it must print what a full load and
/// `HighlightReport.json` (`csv()`) print, byte for byte, with the index cold, warm and after
/// an edit.
@Suite(.serialized) struct ReportJSONCommandTests {
    func run(_ arguments: [String], _ s: (root: URL, store: URL, home: URL)) throws -> (status: Int32, out: String, err: String) {
        try Fixtures.run(arguments + ["--store", s.store.path],
                         environment: ["XDG_CONFIG_HOME": s.home.path, "HOME": s.home.path, "USER": "tester"])
    }

    static let cases: [[String]] = [[], ["--since", "2006-12-05"], ["--area", "portsmouth"], ["--area", "gen-1"],
                                    ["--as-of", "2007-01-10"], ["--as-of", "2006-11-20", "--since", "2006-11-01"]]

    /// The report a full load gives for `arguments` (the same options the command reads).
    static func built(_ arguments: [String], store: URL) throws -> HighlightReport {
        let p = try PlainFileStore(root: store).load().partnership
        func value(_ option: String) -> String? { arguments.firstIndex(of: option).map { arguments[$0 + 1] } }
        let asOf = try value("--as-of").map { try DateOption.day($0, option: "--as-of", today: Day.today()) } ?? p.asOf ?? Day.today()
        let since = try value("--since").map { try DateOption.day($0, option: "--since", today: asOf) }
        return HighlightReport.build(p, area: value("--area"), since: since, asOf: asOf, charts: false)
    }

    func compare(_ s: (root: URL, store: URL, home: URL), _ context: String) throws {
        for arguments in Self.cases where !arguments.contains("gen-1") || FileManager.default.fileExists(atPath: s.store.path + "/areas/gen-1") {
            let report = try Self.built(arguments, store: s.store)
            // The CSV comes from the same read of the index as the JSON.
            let (expected, expectedCSV) = (report.json.rendered(), report.csv())
            for state in ["cold", "warm"] {
                if state == "cold" { try? FileManager.default.removeItem(at: s.store.appendingPathComponent(".pathfinder")) }
                let r = try run(["report", "--format", "json"] + arguments, s)
                #expect(r.status == 0, "\(arguments) \(state) \(context): \(r.err)")
                #expect(r.out == expected, "\(arguments) \(state) \(context)")
                let csv = try run(["report", "--format", "csv"] + arguments, s)
                #expect(csv.status == 0, "\(arguments) \(state) \(context): \(csv.err)")
                #expect(csv.out == expectedCSV, "CSV \(arguments) \(state) \(context)")
            }
        }
    }

    @Test func theSampleStoresReportIsTheFullLoadsDocument() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        try compare(s, "sample")
        let note = try run(["note", "PO-03", "Quotes \" and \\ back, é 日本 🎉", "--as-of", "2006-12-15"], s)
        #expect(note.status == 0, "\(note.err)")
        try compare(s, "after a note")
    }

    /// The JSON report reads no funding agreements (`IndexQuery.fundingAgreements`); its line
    /// about files with problems must still be the full read's: a broken agreement, one that
    /// is a link, and one naming an unknown area (a warning only) in the funding folder.
    @Test func damagedAgreementsAreCountedAsTheFullReadCountsThem() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let funding = s.store.appendingPathComponent("funding")
        try FileManager.default.createDirectory(at: funding, withIntermediateDirectories: true)
        try "---\ntitle: [unclosed\n---\n".write(to: funding.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
        try "---\ntitle: Elsewhere\nfunder: Council\narea: nowhere\n---\n"
            .write(to: funding.appendingPathComponent("unknown-area.md"), atomically: true, encoding: .utf8)
        let outside = s.root.appendingPathComponent("outside.md")
        try "---\ntitle: Outside\n---\n".write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: funding.appendingPathComponent("linked.md"), withDestinationURL: outside)
        let full = try PlainFileStore(root: s.store).load()
        let sentence = try #require(ProblemCount(full.problems).filesSentence)
        #expect(full.problems.contains { $0.path == "funding/broken.md" && $0.severity == .error })
        #expect(full.problems.contains { $0.path == "funding/linked.md" && $0.severity == .error })
        for state in ["cold", "warm"] {
            if state == "cold" { try? FileManager.default.removeItem(at: s.store.appendingPathComponent(".pathfinder")) }
            let json = try run(["report", "--format", "json"], s)
            let markdown = try run(["report", "--format", "markdown"], s)
            #expect(json.status == 0 && markdown.status == 0, "\(state): \(json.err) \(markdown.err)")
            #expect(json.err.contains(sentence), "\(state): \(json.err)")
            #expect(json.err == markdown.err, "\(state)")
        }
    }

    @Test func aGeneratedStoresReportIsTheFullLoadsDocument() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        try Self.generate(into: s.store, areas: 6, actionsPerArea: 25)
        let p = try PlainFileStore(root: s.store).load()
        #expect(p.partnership.actions.count > 150 && !p.problems.isEmpty, "generated actions, and a broken file")
        try compare(s, "generated")
        // A note and an edit in a generated area, read again into the warm index.
        #expect(try run(["note", "GAB-03", "A later note.", "--as-of", "2006-12-15"], s).status == 0)
        #expect(try run(["edit", "GAC-04", "rag=red", "due=2006-11-30", "--as-of", "2006-12-15"], s).status == 0)
        try compare(s, "after edits")
    }

    /// Areas of actions whose ten notes fall either side of the area's "since" day (its last
    /// meeting, or 30 days before the as-of day), with ties on the latest day, lead bodies
    /// naming organisations, indicators, milestones, meetings that decide and change, and one
    /// broken file.
    static func generate(into store: URL, areas: Int, actionsPerArea: Int) throws {
        func write(_ path: String, _ text: String) throws {
            let url = store.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        let organisations = try FileManager.default.contentsOfDirectory(atPath: store.path + "/organisations").sorted().map { String($0.dropLast(3)) }
        let start = Day(iso: "2006-10-01")!
        for a in 0..<areas {
            let code = "GA" + String(UnicodeScalar(UInt8(65 + a)))
            try write("areas/gen-\(a)/area.md", "---\nname: Generated \(a)\ncode: \(code)\ntype: District\n---\n\nArea \(a).\n")
            for n in 1...actionsPerArea {
                let id = "\(code)-\(String(format: "%02d", n))"
                let k = a * actionsPerArea + n
                var text = "---\nid: \(id)\ntitle: Generated action \(n) of \"area\" \(a)\ntheme: third-sector-involvement\n"
                text += "lead: Officer \(k % 5)\nlead-body: \(k % 3 == 0 ? "Free text body \(k)" : organisations[k % organisations.count])\n"
                text += "status: \(["not-started", "in-progress", "blocked", "done", "dropped"][k % 5])\nrag: \(["red", "amber", "green"][k % 3])\n"
                text += "start: \(start.iso)\ndue: \(start.adding(days: k % 120).iso)\n"
                text += "milestones:\n  - title: Milestone \(k)\n    due: \(start.adding(days: 60 + k % 60).iso)\n    done: \(k % 4 == 0)\n"
                if k % 4 == 1 {
                    text += "indicator:\n  name: Local spend\n  baseline: 7\n  target: 12\n  current: \(7 + k % 6)\n  unit: \"%\"\n"
                }
                if k % 3 == 1 { text += "updated: \(start.adding(days: 40 + k % 50).iso)\nupdated-by: Officer \(k % 4)\n" }
                text += "---\n\nWhat action \(n) does.\n\n## Progress\n\n"
                for note in 0..<(k % 11) {
                    // Every few days from early November, the last two on one day when k is even.
                    let day = start.adding(days: 35 + note * 6 - (k % 2 == 0 && note == k % 11 - 1 ? 6 : 0))
                    text += "### \(day.iso) — Officer \(note)\nNote \(note) on \(id): \"quoted\" \\ and é.\n\n"
                }
                try write("areas/gen-\(a)/actions/\(id).md", text)
            }
            if a % 2 == 0 {
                try write("areas/gen-\(a)/meetings/2006-12-0\(1 + a)-review.md", """
                    ---
                    date: 2006-12-0\(1 + a)
                    title: Review \(a)
                    items:
                      - action: \(code)-02
                        decisions:
                          - "Decided something about \(code)-02."
                        status: blocked
                        rag: red
                    ---

                    """)
            }
        }
        try write("areas/gen-0/actions/GAA-99.md", "---\nid: GAA-99\ntitle: [unclosed\n---\n")
    }
}
