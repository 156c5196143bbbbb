import Foundation
import Testing

/// The field rules (one line, no controls, a length limit, each field once) as the command
/// line applies them: refused on one line that never repeats a huge value, the file untouched;
/// and `check` warning about such values already in files, which still load.
@Suite(.serialized) struct FieldRulesCommandTests {
    func run(_ arguments: [String], _ s: (root: URL, store: URL, home: URL)) throws -> (status: Int32, out: String, err: String) {
        try Fixtures.run(arguments + ["--store", s.store.path, "--as-of", "2006-12-15"],
                         environment: ["XDG_CONFIG_HOME": s.home.path, "HOME": s.home.path, "USER": "tester"])
    }

    @Test func oneLineFieldsRefuseLineBreaksAndControlsLongTextTakesLineBreaks() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let path = s.store.appendingPathComponent("areas/portsmouth/actions/PO-03.md")
        let before = try Data(contentsOf: path)
        let oneLine = ["title", "lead", "lead-body", "partners", "success-factors", "milestones", "indicator.name",
                       "indicator.unit", "source", "due", "start", "reviewed", "status", "theme", "case-studies"]
        for field in oneLine {
            for breaking in ["line one\nline two", "one\rtwo", "one\u{2028}two", "one\u{85}two", "bell\u{07}", "esc\u{1B}[2J"] {
                let r = try run(["edit", "PO-03", "\(field)=\(breaking)"], s)
                #expect(r.status == 1, "\(field) took \(breaking.debugDescription)")
                #expect(r.err.hasPrefix("pathfinder: PO-03: \(field): "), "\(field): \(r.err)")
                #expect(r.err.contains("one line") || r.err.contains("control character"), "\(field): \(r.err)")
                #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
            }
        }
        #expect(try Data(contentsOf: path) == before, "a refused edit changed the file")
        // A new action's title and a note are checked the same way.
        let title = try run(["new-action", "--area", "portsmouth", "--title", "one\ntwo", "theme=ensuring-dialogue"], s)
        #expect(title.status == 1 && title.err.contains("title: must be one line"), "\(title.err)")
        let note = try run(["note", "PO-03", "Bell \u{07} in a note"], s)
        #expect(note.status == 1 && note.err.contains("control character"), "\(note.err)")
        let name = try run(["note", "PO-03", "Fine.", "--as-user", "Ann\nExample"], s)
        #expect(name.status == 64 && name.err.contains("--as-user: must be one line"), "\(name.err)")
        // Long text keeps its line breaks.
        let description = try run(["edit", "PO-03", "description=First paragraph.\n\nSecond paragraph."], s)
        #expect(description.status == 0, "\(description.err)")
        #expect(try String(contentsOf: path, encoding: .utf8).contains("First paragraph.\n\nSecond paragraph."))
        let twoLines = try run(["note", "PO-03", "Line one.\nLine two."], s)
        #expect(twoLines.status == 0, "\(twoLines.err)")
    }

    /// Other ways a value reaches a file follow the same rules: a value given to decide a
    /// conflict, and the user's name from the config or $USER.
    @Test func resolvedValuesAndNamesFollowTheRulesToo() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let title = try run(["resolve", "PO-03", "title", "--value", "one\ntwo"], s)
        #expect(title.status == 64 && title.err.contains("--value: must be one line"), "\(title.err)")
        let long = try run(["resolve", "areas/portsmouth/area.md", "name", "--value", String(repeating: "n", count: 121)], s)
        #expect(long.status == 64 && long.err.contains("--value: too long: 121 characters, at most 120"), "\(long.err)")
        let field = try run(["resolve", "PO-03", String(repeating: "f", count: 5_000), "mine"], s)
        #expect(field.status == 64 && field.err.count < 300, "\(field.err.prefix(300))")
        let user = try Fixtures.run(["edit", "PO-03", "rag=red", "--store", s.store.path],
                                    environment: ["XDG_CONFIG_HOME": s.home.path, "HOME": s.home.path, "USER": "ann\u{1B}]2;x\u{07}"])
        #expect(user.status == 64 && user.err.contains("give --as-user NAME"), "\(user.err)")
    }

    @Test func aFieldGivenTwiceIsRefusedEvenUnderAnotherName() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let path = s.store.appendingPathComponent("areas/portsmouth/actions/PO-03.md")
        let before = try Data(contentsOf: path)
        let cases: [([String], String)] = [
            (["status=done", "status=blocked"], "“status” is given twice"),
            (["due=2007-01-01", "due-date=2007-02-02"], "“due” and “due-date” are the same field"),
            (["rag=red", "RAG rating=amber"], "“rag” and “RAG rating” are the same field"),
            (["lead-body=A", "body=B"], "“lead-body” and “body” are the same field"),
        ]
        for (pairs, message) in cases {
            let r = try run(["edit", "PO-03"] + pairs, s)
            #expect(r.status == 1 && r.err == "pathfinder: \(message): give each field once\n", "\(pairs): \(r.err)")
        }
        let created = try run(["new-action", "--area", "portsmouth", "--title", "X", "title=Y", "theme=ensuring-dialogue"], s)
        #expect(created.status == 1 && created.err.contains("“title” is given twice"), "\(created.err)")
        #expect(try Data(contentsOf: path) == before)
    }

    @Test func valuesOverTheirLimitAreRefusedWithoutRepeatingThem() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let huge = String(repeating: "x", count: 102_400)
        for (field, limit) in [("title", "200"), ("lead", "120"), ("description", "20,000"), ("partners", "2,000")] {
            let r = try run(["edit", "PO-03", "\(field)=\(huge)"], s)
            #expect(r.status == 1)
            #expect(r.err == "pathfinder: PO-03: \(field): too long: 102,400 characters, at most \(limit)\n", "\(r.err.prefix(300))")
        }
        // Values quoted in other messages are shortened the same way.
        for arguments in [["edit", "PO-03", "status=\(huge)"], ["edit", "PO-03", "\(huge)=x"], ["edit", huge, "status=done"],
                          ["new-action", "--area", huge, "--title", "X"], ["list", "actions", "--status", huge],
                          ["show", huge], ["note", "PO-03", huge]] {
            let r = try run(arguments, s)
            #expect(r.status != 0)
            #expect(r.err.count < 600, "\(arguments[0]) repeated the value: \(r.err.prefix(200))…")
            #expect(r.err.split(separator: "\n").count == 1)
        }
        let withinLimit = try run(["edit", "PO-03", "title=" + String(repeating: "Ж", count: 200)], s)
        #expect(withinLimit.status == 0, "\(withinLimit.err)")
    }

    @Test func checkWarnsAboutSuchValuesInFilesAndTheyStillLoad() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let path = s.store.appendingPathComponent("areas/portsmouth/actions/PO-03.md")
        var text = try String(contentsOf: path, encoding: .utf8)
        let long = String(repeating: "t", count: 300)
        text = text.replacingOccurrences(of: "title: A policy framework that values the sector's voice and independence", with: "title: \(long)")
        text = text.replacingOccurrences(of: "lead-body: portsmouth-city-council", with: #"lead-body: "Portsmouth\nCity Council""#)
        try text.write(to: path, atomically: true, encoding: .utf8)
        let check = try run(["check"], s)
        #expect(check.status == 0, "warnings alone exit 0: \(check.out)")
        #expect(check.out.contains("areas/portsmouth/actions/PO-03.md:3: warning: title too long: 300 characters, at most 200"), "\(check.out)")
        #expect(check.out.contains("PO-03.md:7: warning: lead-body must be one line: take out the line break (line feed)"), "\(check.out)")
        let show = try run(["show", "PO-03"], s)
        #expect(show.status == 0 && show.out.contains(long) && show.out.contains("Portsmouth␊City Council"))
        // Another field of it can still be changed from the command line.
        let edit = try run(["edit", "PO-03", "rag=amber"], s)
        #expect(edit.status == 0, "\(edit.err)")
    }
}
