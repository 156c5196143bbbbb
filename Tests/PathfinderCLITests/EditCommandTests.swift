import Foundation
import Testing

/// `pathfinder edit`, `note`, `new-action`, `delete`, `trash`, `move` and `duplicate` as scripts
/// call them: the built binary on a copy of the sample store.
@Suite(.serialized) struct EditCommandTests {
    /// Runs the binary on the scratch store, as user "Tester", on 2006-12-15.
    func run(_ arguments: [String], _ scratch: (root: URL, store: URL, home: URL)) throws -> (status: Int32, out: String, err: String) {
        try Fixtures.run(arguments + ["--store", scratch.store.path, "--as-of", "2006-12-15"],
                         environment: ["XDG_CONFIG_HOME": scratch.home.path, "HOME": scratch.home.path, "USER": "tester"])
    }

    func file(_ scratch: (root: URL, store: URL, home: URL), _ path: String) throws -> String {
        try String(contentsOf: scratch.store.appendingPathComponent(path), encoding: .utf8)
    }

    /// The lines that differ between two versions of a file with the same number of lines.
    func changedLines(_ old: String, _ new: String) -> [String] {
        let a = old.components(separatedBy: "\n"), b = new.components(separatedBy: "\n")
        guard a.count == b.count else { return ["line count \(a.count) → \(b.count)"] }
        return zip(a, b).filter { $0 != $1 }.map { "\($0) → \($1)" }
    }

    @Test func aOneFieldEditChangesOnlyThatLineAndTheStamp() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let path = "areas/portsmouth/actions/PO-03.md"
        let before = try file(s, path)
        let r = try run(["edit", "PO-03", "status=Blocked", "--as-user", "Zoë Tester"], s)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "PO-03: status: In progress → Blocked\n")
        let after = try file(s, path)
        #expect(changedLines(before, after) == [
            "status: in-progress → status: blocked",
            "updated: 2006-11-28 → updated: 2006-12-15",
            "updated-by: Strategic Director, champion for community involvement → updated-by: Zoë Tester",
        ])
        // Setting the same value again writes nothing at all.
        let again = try run(["edit", "PO-03", "status=blocked"], s)
        #expect(again.status == 0)
        #expect(again.out.contains("nothing to change"))
        #expect(try file(s, path) == after)
    }

    @Test func aBadValueLeavesTheFileByteIdenticalAndSaysWhyOnOneLine() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let path = "areas/portsmouth/actions/PO-03.md"
        let before = try Data(contentsOf: s.store.appendingPathComponent(path))
        let cases: [([String], String)] = [
            (["status=done", "due=2006-01-01"], "pathfinder: PO-03: due date 2006-01-01 is before the start date 2006-06-01"),
            (["rag=green", "due=soon"], "pathfinder: PO-03: due: “soon” is not a date"),
            (["status=finished"], "pathfinder: PO-03: status: unknown status “finished”"),
            (["title=  "], "pathfinder: PO-03: title: a title is needed"),
            (["indicator.target=twelve"], "pathfinder: PO-03: indicator.target: “twelve” is not a number"),
            (["colour=red"], "pathfinder: unknown field “colour”"),
            (["status"], "pathfinder: “status” is not FIELD=VALUE"),
            (["case-studies=no-such-study"], "no-such-study"),
            (["status=\u{1B}[2Jx"], "status: has a control character in it (escape, U+001B)"),   // nothing raw reaches the terminal
        ]
        for (pairs, message) in cases {
            let r = try run(["edit", "PO-03"] + pairs, s)
            #expect(r.status == 1, "\(pairs)")
            #expect(r.err.hasPrefix("pathfinder: ") && r.err.contains(message), "\(pairs): \(r.err)")
            #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
            #expect(try Data(contentsOf: s.store.appendingPathComponent(path)) == before, "\(pairs) changed the file")
        }
        let missing = try run(["edit", "PO-99", "status=done"], s)
        #expect(missing.status == 1)
        #expect(missing.err == "pathfinder: no action PO-99 in the store\n")
    }

    @Test func everyKindOfFieldCanBeSetAndTheStoreStillChecksClean() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let r = try run(["edit", "po-03", "rag=R", "due=+3m", "partners=Age Concern, PCT", "lead-body=Portsmouth PCT",
                         "milestones=[x] Survey (2006-09-30); Report", "indicator.name=Replies", "indicator.target=40",
                         "funding.term-years=3", "reviewed=today", "description=Rewritten."], s)
        #expect(r.status == 0, "\(r.err)")
        let text = try file(s, "areas/portsmouth/actions/PO-03.md")
        for line in ["rag: red", "due: 2007-03-15", "  - Age Concern", "lead-body: Portsmouth PCT", "  - title: Survey",
                     "    due: 2006-09-30", "  name: Replies", "  target: 40", "  term-years: 3", "reviewed: 2006-12-15", "Rewritten."] {
            #expect(text.contains(line), "missing \(line) in\n\(text)")
        }
        let check = try run(["check"], s)
        #expect(check.status == 0, "\(check.out)")
    }

    @Test func noteAddsAProgressNoteByTheConfiguredUser() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let config = s.home.appendingPathComponent("pathfinder/config")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("theme = dark\nname = Ruth Forum\n".utf8).write(to: config)
        let r = try run(["note", "PO-03", "Survey results in: 41 replies."], s)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "PO-03: progress note added (2006-12-15, Ruth Forum)\n")
        let text = try file(s, "areas/portsmouth/actions/PO-03.md")
        #expect(text.hasSuffix("\n### 2006-12-15 — Ruth Forum\nSurvey results in: 41 replies.\n"), "\(text)")
        #expect(text.contains("updated-by: Ruth Forum"))
        // An earlier date goes in date order, not at the end.
        let early = try run(["note", "PO-03", "Back-dated.", "--date", "2006-07-01", "--as-user", "Ann"], s)
        #expect(early.status == 0, "\(early.err)")
        let later = try file(s, "areas/portsmouth/actions/PO-03.md")
        let back = try #require(later.range(of: "### 2006-07-01 — Ann"))
        let last = try #require(later.range(of: "### 2006-12-15 — Ruth Forum"))
        #expect(back.lowerBound < last.lowerBound)
        let empty = try run(["note", "PO-03", "  "], s)
        #expect(empty.status == 1)
        let badDate = try run(["note", "PO-03", "x", "--date", "someday"], s)
        #expect(badDate.status == 1)
        #expect(badDate.err.contains("--date"))
    }

    @Test func newActionPrintsItsIdAndIsChecked() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let r = try run(["new-action", "--area", "Portsmouth", "--title", "Map the befriending schemes",
                         "theme=developing-market-intelligence", "due=end of quarter", "status=in progress", "--as-user", "Zoë"], s)
        #expect(r.status == 0, "\(r.err)")
        let id = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
        // The area's next number (the sample's Portsmouth ends at PO-11).
        #expect(id == "PO-12", "\(id)")
        let text = try file(s, "areas/portsmouth/actions/\(id).md")
        for line in ["id: \(id)", "title: Map the befriending schemes", "lead: Zoë", "status: in-progress", "due: 2006-12-31",
                     "updated-by: Zoë"] {
            #expect(text.contains(line), "missing \(line) in\n\(text)")
        }
        let show = try run(["show", id], s)
        #expect(show.out.contains("Map the befriending schemes"))
        #expect(try run(["check"], s).status == 0)

        let noTheme = try run(["new-action", "--area", "portsmouth", "--title", "No theme"], s)
        #expect(noTheme.status == 1)
        #expect(noTheme.err.hasPrefix("pathfinder: new action: a theme is needed (theme=ID, one of: third-sector-involvement, "))
        #expect(noTheme.err.split(separator: "\n").count == 1)
        let noArea = try run(["new-action", "--area", "atlantis", "--title", "T", "theme=developing-market-intelligence"], s)
        #expect(noArea.status == 1)
        #expect(noArea.err.hasPrefix("pathfinder: no area “atlantis”"))
        let actions = try FileManager.default.contentsOfDirectory(atPath: s.store.appendingPathComponent("areas/portsmouth/actions").path)
        #expect(actions.filter { $0.hasSuffix(".md") }.count == 12)
    }

    @Test func deleteGoesToTheTrashAndRestoreBringsItBack() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let path = "areas/cumbria/actions/CU-04.md"
        let original = try file(s, path)
        let refused = try run(["delete", "CU-04"], s)
        #expect(refused.status == 1)
        #expect(refused.err.contains("--yes"))
        #expect(try file(s, path) == original)

        let r = try run(["delete", "CU-04", "--yes"], s)
        #expect(r.status == 0, "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: s.store.appendingPathComponent(path).path))
        #expect(try file(s, "trash/areas/cumbria/actions/CU-04.md") == original)
        #expect(try run(["check"], s).status == 0)
        #expect(try run(["show", "CU-04"], s).status == 1)
        let list = try run(["trash"], s)
        #expect(list.out.contains("CU-04") && list.out.contains("A shared vehicle at the Ambleside Children's Centre"))

        let back = try run(["trash", "restore", "CU-04"], s)
        #expect(back.status == 0, "\(back.err)")
        #expect(try file(s, path) == original)
        #expect(try run(["trash", "list"], s).err.contains("empty"))

        // Deleted twice (the id made again meanwhile): both copies kept; a restore refuses
        // while the id is in use.
        _ = try run(["delete", "CU-04", "--yes"], s)
        try Data(original.utf8).write(to: s.store.appendingPathComponent(path))
        #expect(try run(["delete", "CU-04", "--yes"], s).status == 0)
        #expect(FileManager.default.fileExists(atPath: s.store.appendingPathComponent("trash/areas/cumbria/actions/CU-04~2.md").path))
        try Data(original.utf8).write(to: s.store.appendingPathComponent(path))
        let taken = try run(["trash", "restore", "CU-04"], s)
        #expect(taken.status == 1)
        #expect(taken.err.contains("in use again"))
    }

    @Test func moveGivesANewIdInTheOtherAreaAndDuplicateCopies() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let r = try run(["move", "PO-05", "--to", "dorset", "--as-user", "Zoë"], s)
        #expect(r.status == 0, "\(r.err)")
        let id = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id.hasPrefix("DO-"))
        #expect(!FileManager.default.fileExists(atPath: s.store.appendingPathComponent("areas/portsmouth/actions/PO-05.md").path))
        let text = try file(s, "areas/dorset/actions/\(id).md")
        #expect(text.contains("id: \(id)\n"))
        #expect(text.contains("Moved here from Portsmouth, where it was PO-05."))
        #expect(try run(["check"], s).status == 0)

        let copy = try run(["duplicate", "CU-01"], s)
        #expect(copy.status == 0, "\(copy.err)")
        let copyID = copy.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(copyID.hasPrefix("CU-") && copyID != "CU-01")
        let copied = try file(s, "areas/cumbria/actions/\(copyID).md")
        #expect(copied.contains(" (copy)\n"))
        #expect(!copied.contains("## Progress"))
        #expect(try run(["check"], s).status == 0)
    }

    /// Two `edit`s started at the same moment on one action, each changing another field: both
    /// changes land, every time.
    @Test func twoEditsAtOnceBothLand() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let path = s.store.appendingPathComponent("areas/portsmouth/actions/PO-03.md")
        for round in 1...20 {
            let first = try start(["edit", "PO-03", "source=Round \(round) source", "--store", s.store.path, "--as-user", "A"], s)
            let second = try start(["edit", "PO-03", "lead-body=Round \(round) body", "--store", s.store.path, "--as-user", "B"], s)
            first.waitUntilExit()
            second.waitUntilExit()
            #expect(first.terminationStatus == 0 && second.terminationStatus == 0, "round \(round)")
            let text = try String(contentsOf: path, encoding: .utf8)
            #expect(text.contains("source: Round \(round) source\n"), "round \(round): the source edit was lost\n\(text)")
            #expect(text.contains("lead-body: Round \(round) body\n"), "round \(round): the lead body edit was lost\n\(text)")
        }
        #expect(try run(["check"], s).status == 0)
    }

    /// In a store pinned to a day (the sample's `as-of: 2006-12-15`), a typed relative date counts
    /// from that day on the command line too, as on the screens; the change is still dated by
    /// the real clock (issue 16).
    @Test func relativeDatesCountFromThePinnedDay() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        func pinned(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
            try Fixtures.run(arguments + ["--store", s.store.path],
                             environment: ["XDG_CONFIG_HOME": s.home.path, "HOME": s.home.path, "USER": "tester"])
        }
        let edit = try pinned(["edit", "PO-03", "due=+2w"])
        #expect(edit.status == 0, "\(edit.err)")
        let po03 = try file(s, "areas/portsmouth/actions/PO-03.md")
        #expect(po03.contains("\ndue: 2006-12-29\n"), "\(po03)")
        // The stamp is the real day: the pinned day judges overdue, it does not date work.
        #expect(!po03.contains("\nupdated: 2006-12-15\n"), "\(po03)")
        let made = try pinned(["new-action", "--area", "portsmouth", "--title", "Map services", "theme=market-development", "due=tomorrow"])
        #expect(made.status == 0, "\(made.err)")
        let id = made.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try file(s, "areas/portsmouth/actions/\(id).md").contains("\ndue: 2006-12-16\n"))
        let note = try pinned(["note", "PO-03", "Met the network.", "--date", "yesterday"])
        #expect(note.out.contains("(2006-12-14, tester)"), "\(note.out)\(note.err)")
        let reading = try pinned(["reading", "TH-05", "13", "--date=-1w"])
        #expect(reading.out.contains("(2006-12-08, tester)"), "\(reading.out)\(reading.err)")
        // --as-of still wins over the pinned day.
        let given = try pinned(["edit", "PO-03", "due=+1w", "--as-of", "2007-01-01"])
        #expect(given.status == 0, "\(given.err)")
        #expect(try file(s, "areas/portsmouth/actions/PO-03.md").contains("\ndue: 2007-01-08\n"))
        // The help says where relative dates count from.
        #expect(try pinned(["edit", "--help"]).out.contains("pinned day"))
    }

    func start(_ arguments: [String], _ scratch: (root: URL, store: URL, home: URL)) throws -> Process {
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["XDG_CONFIG_HOME"] = scratch.home.path
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}
