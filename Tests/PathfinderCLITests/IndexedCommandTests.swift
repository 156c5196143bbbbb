import Foundation
import PathfinderModel
import PathfinderReports
import PathfinderStore
import Testing
@testable import PathfinderCLI

/// `list actions` and `report` answered through the index (issue 14) print what they printed
/// after a full load, byte for byte, with the index cold, warm and after edits.
@Suite(.serialized) struct IndexedCommandTests {
    func run(_ arguments: [String], _ store: URL, home: URL) throws -> (status: Int32, out: String, err: String) {
        try Fixtures.run(arguments + ["--store", store.path],
                         environment: ["XDG_CONFIG_HOME": home.path, "HOME": home.path, "USER": "tester"])
    }

    static let commands: [[String]] = [
        ["list", "actions", "--json"], ["list", "actions", "--overdue", "--json"], ["list", "actions"],
        ["list", "actions", "--rag", "red", "--as-of", "2007-06-30"], ["list", "actions", "--due-before", "+3m", "--json"],
        ["list", "actions", "--search", "volunteers", "--json"], ["list", "actions", "--status", "in-progress", "--theme", "ensuring-dialogue"],
        ["report", "--format", "json"], ["report"], ["report", "factors", "--format", "csv"], ["report", "funding", "--format", "json"],
        ["report", "--area", "portsmouth", "--format", "markdown"],
        ["search", "volunteers"], ["search", "zoe", "--json"], ["search", "recycling", "consortium"], ["search", "PO-03"],
        ["search", "in", "progress", "--json"], ["search", "Café"], ["search", "the", "--json"],
    ]

    /// Each command on a store with a warm index against the same command on a copy whose
    /// index is removed before every run (the first, cold build), after a sequence of edits.
    @Test func indexedAnswersAreTheFullLoadsAnswers() throws {
        let a = try Fixtures.scratch()
        let b = try Fixtures.scratch()
        defer {
            try? FileManager.default.removeItem(at: a.root)
            try? FileManager.default.removeItem(at: b.root)
        }
        func compare(_ context: String) throws {
            for command in Self.commands {
                try? FileManager.default.removeItem(at: b.store.appendingPathComponent(".pathfinder"))
                let cold = try run(command, b.store, home: b.home)
                let warm = try run(command, a.store, home: a.home)
                #expect(cold.status == 0, "\(command): \(cold.err)")
                #expect(warm.status == cold.status && warm.out == cold.out && warm.err == cold.err, "\(command) \(context)")
            }
        }
        try compare("first")
        try compare("warm")
        for s in [a, b] {
            _ = try run(["edit", "PO-03", "rag=red", "due=2006-11-30", "--as-of", "2006-12-15"], s.store, home: s.home)
            _ = try run(["note", "DO-01", "A note with \"quotes\" and / slashes.", "--as-of", "2006-12-15"], s.store, home: s.home)
            try "---\nid: PO-77\ntitle: [unclosed\n---\n".write(to: s.store.appendingPathComponent("areas/portsmouth/actions/PO-77.md"),
                                                             atomically: false, encoding: .utf8)
        }
        try compare("after edits and a broken file")
        // The same answer when the index files are damaged: they are made again.
        for folder in [".pathfinder/index/", ".pathfinder/search/"] {
            for shard in try FileManager.default.contentsOfDirectory(atPath: a.store.path + "/" + folder) {
                try Data("damaged".utf8).write(to: a.store.appendingPathComponent(folder + shard))
            }
        }
        try compare("damaged index")
    }

    /// `list actions --json` of every area writes its actions from the index records (issue
    /// 14): the document a full load and `RecordJSON` make, byte for byte, cold and warm, with
    /// a note full of text JSON must escape. (The test above compares the index with itself.)
    @Test func listedJSONIsTheFullLoadsDocument() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        // (Controls and U+2028 are refused in a note; IndexJSONTests writes them from records.)
        let note = try run(["note", "PO-03", "Quotes \" and \\ back, a separator, é 日本 🎉 ٱلعربية", "--as-of", "2006-12-15"], s.store, home: s.home)
        #expect(note.status == 0, "\(note.err)")
        let asOf = Day(iso: "2007-06-30")!
        let cases: [([String], ActionFilter)] = [([], ActionFilter()), (["--overdue"], ActionFilter(overdue: true)),
                                                 (["--search", "separator"], ActionFilter(text: "separator")),
                                                 (["--rag", "red"], ActionFilter(rag: .red))]
        func compare(_ states: [String]) throws {
            let p = try PlainFileStore(root: s.store).load().partnership
            for (arguments, filter) in cases {
                let shown = p.actions.filter { filter.matches($0, asOf: asOf, catalogue: p.catalogue) }
                let expected = RecordJSON.document([("as-of", .string(asOf.iso)),
                                                    ("actions", .array(shown.map { RecordJSON.action($0, overdue: $0.isOverdue(asOf: asOf, catalogue: p.catalogue)) }))])
                    .rendered()
                for state in states {
                    if state == "cold" { try? FileManager.default.removeItem(at: s.store.appendingPathComponent(".pathfinder")) }
                    let r = try run(["list", "actions", "--json", "--as-of", asOf.iso] + arguments, s.store, home: s.home)
                    #expect(r.status == 0 && r.out == expected, "\(arguments) \(state): \(r.err)")
                }
            }
        }
        try compare(["cold", "warm"])
        #expect(try run(["list", "actions", "--json", "--search", "separator", "--as-of", asOf.iso], s.store, home: s.home).out.contains("PO-03"))
        // A warm index with a changed file: its record is made again, the others read as they are.
        let edit = try run(["edit", "DO-01", "rag=red", "due=2007-01-31", "--as-of", "2006-12-15"], s.store, home: s.home)
        #expect(edit.status == 0, "\(edit.err)")
        try compare(["after an edit"])
    }
}
