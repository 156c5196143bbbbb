import Foundation
import Testing

/// `show`, `note` and `list actions --area` read one area's files (issue 14): what they print
/// does not depend on the rest of the store, and a broken file elsewhere does not stop them.
@Suite(.serialized) struct PartialReadCommandTests {
    func run(_ arguments: [String], _ scratch: (root: URL, store: URL, home: URL)) throws -> (status: Int32, out: String, err: String) {
        try Fixtures.run(arguments + ["--store", scratch.store.path, "--as-of", "2006-12-15"],
                         environment: ["XDG_CONFIG_HOME": scratch.home.path, "HOME": scratch.home.path, "USER": "tester"])
    }

    func write(_ scratch: (root: URL, store: URL, home: URL), _ path: String, _ text: String) throws {
        let url = scratch.store.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    static let commands = [["show", "PO-03"], ["show", "po-03"], ["show", "portsmouth"], ["show", "portsmouth-good-neighbours"],
                           ["list", "actions", "--area", "portsmouth"], ["list", "actions", "--area", "portsmouth", "--json"],
                           ["list", "actions", "--area", "portsmouth", "--rag", "red"]]

    @Test func brokenFilesInAnotherAreaChangeNothingHere() throws {
        let clean = try Fixtures.scratch()
        let broken = try Fixtures.scratch()
        defer {
            try? FileManager.default.removeItem(at: clean.root)
            try? FileManager.default.removeItem(at: broken.root)
        }
        try write(broken, "areas/dorset/actions/DO-77.md", "---\nid: DO-77\ntitle: [unclosed\n---\n")
        try write(broken, "areas/dorset/meetings/2006-12-01-broken.md", "---\ndate: not a date\n---\n")
        try write(broken, "case-studies/broken-study.md", "---\ntitle: [unclosed\n---\n")
        for command in Self.commands {
            let expected = try run(command, clean)
            let got = try run(command, broken)
            #expect(expected.status == 0, "\(command): \(expected.err)")
            #expect(got.status == expected.status && got.out == expected.out, "\(command)")
            if command[0] == "list" { #expect(got.err == expected.err, "\(command): only the files read are counted") }
        }
        let note = try run(["note", "PO-03", "Read what is needed."], broken)
        #expect(note.status == 0, "\(note.err)")
        #expect(note.out == "PO-03: progress note added (2006-12-15, tester)\n")
        #expect(try run(["show", "PO-03"], broken).out.contains("Read what is needed."))
        // A store-wide command still sees the broken files.
        let check = try run(["check"], broken)
        #expect(check.out.contains("areas/dorset/actions/DO-77.md") || check.err.contains("areas/dorset/actions/DO-77.md"))
    }

    @Test func aBrokenFileInThisAreaIsCountedAndTheRestStillShows() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        try write(s, "areas/portsmouth/actions/PO-77.md", "---\nid: PO-77\ntitle: [unclosed\n---\n")
        let list = try run(["list", "actions", "--area", "portsmouth"], s)
        #expect(list.status == 0)
        #expect(list.err.contains("1 file has problems"), "\(list.err)")
        #expect(!list.out.contains("PO-77") && list.out.contains("PO-03"))
        // The broken action is not shown, as after a full load; the message is the usual one.
        let show = try run(["show", "PO-77"], s)
        #expect(show.status == 1 && show.err.contains("nothing in the store is called “PO-77”"), "\(show.err)")
        #expect(try run(["show", "PO-03"], s).status == 0)
    }
}
