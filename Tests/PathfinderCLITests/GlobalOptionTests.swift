import Foundation
import Testing
@testable import PathfinderCLI

/// `--store`, `--as-of` and `--as-user` work before the command's name as well as after it,
/// for every command that takes them, with the same result.
@Suite(.serialized) struct GlobalOptionTests {
    /// A run of each command that works on the sample store. A command missing here fails the
    /// test, so a new command is covered as soon as it is added.
    static let runs: [String: [String]] = [
        "open": [], "list": ["actions", "--overdue"], "search": ["consortia"], "show": ["PO-03"], "check": [], "sync": [], "conflicts": [],
        "resolve": ["PO-03", "status", "mine"], "history": ["PO-03"], "changed": [],
        "edit": ["PO-03", "status=done"], "note": ["PO-03", "Survey results in."],
        "new-action": ["--area", "portsmouth", "--title", "Map befriending schemes", "theme=ensuring-dialogue"],
        "move": ["PO-07", "--to", "dorset"], "duplicate": ["PO-07"], "delete": ["PO-07", "--yes"], "trash": [],
        "report": [], "minutes": ["portsmouth/2006-11-28-steering-group"],
        "reading": ["NO-06", "0.4", "--date", "2006-12-01"], "agreement": ["set", "portsmouth-good-neighbours", "notice-months=3"],
        "import": [tracker, "--area", "portsmouth", "theme=ensuring-dialogue"],
        // A workbook: the calendar's DTSTAMP is the moment of the run, so two runs differ there.
        "export": ["xlsx", "--output", FileManager.default.temporaryDirectory.appendingPathComponent("pathfinder-global-options.xlsx").path, "--force"],
        "link-organisations": ["--dry-run"],
        // These take none of the options: a store's folder is init's argument, and git gives
        // the merge driver its files.
        "init": [], "merge-driver": [],
    ]

    /// A small spreadsheet to import, written once.
    static let tracker: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pathfinder-global-options-tracker.csv")
        try? Data(DocumentedExamplesTests.trackerCSV.utf8).write(to: url)
        return url.path
    }()

    /// New ids are random: the same run twice differs only there.
    static func withoutNewIDs(_ text: String) -> String {
        text.replacingOccurrences(of: #"\b[A-Z]{2,4}-[0-9A-Z]{4}\b"#, with: "ID", options: .regularExpression)
    }

    @Test func everyGlobalOptionWorksBeforeAndAfterEveryCommandThatTakesIt() throws {
        let names = PathfinderCommand.configuration.subcommands.map { $0._commandName }
        #expect(Set(Self.runs.keys) == Set(names), "every subcommand needs a run here")
        var checked = 0
        for name in names {
            let help = try Fixtures.run([name, "--help"])
            let takes = GlobalOptions.names.filter { help.out.contains($0 + " ") }
            for option in takes {
                var outcomes: [(status: Int32, out: String, err: String)] = []
                for before in [true, false] {
                    // A fresh copy each time, so both runs start from the same store.
                    let s = try Fixtures.scratch()
                    defer { try? FileManager.default.removeItem(at: s.root) }
                    let value = switch option {
                    case "--store": s.store.path
                    case "--as-of": "2007-06-30"
                    default: "Ann Example"
                    }
                    let store = option == "--store" ? [] : ["--store", s.store.path]
                    let arguments = before ? [option, value, name] + (Self.runs[name] ?? []) + store
                        : [name] + (Self.runs[name] ?? []) + [option, value] + store
                    let r = try Fixtures.run(arguments, environment: [
                        "HOME": s.home.path, "XDG_CONFIG_HOME": s.home.path, "XDG_DATA_HOME": s.home.path,
                        "PATHFINDER_STORE": "", "CI": "true", "USER": "tester", "GIT_CONFIG_NOSYSTEM": "1"])
                    #expect(r.status != 64 && !r.err.contains("Unknown option"), "\(arguments): \(r.err)")
                    outcomes.append((r.status, Self.withoutNewIDs(r.out.replacingOccurrences(of: s.root.path, with: "ROOT")),
                                     r.err.replacingOccurrences(of: s.root.path, with: "ROOT")))
                }
                #expect(outcomes[0].status == outcomes[1].status, "\(name) \(option): \(outcomes[0].err) | \(outcomes[1].err)")
                #expect(outcomes[0].out == outcomes[1].out, "\(name) \(option) before and after differ")
                #expect(outcomes[0].err == outcomes[1].err, "\(name) \(option): \(outcomes[0].err) | \(outcomes[1].err)")
                checked += 1
            }
        }
        // --store on 17 commands, --as-of on those that read a store, --as-user on the edits.
        #expect(checked >= 40, "only \(checked) combinations")
    }

    @Test func theOptionsAreEffectiveWhereverTheyStand() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let env = ["XDG_CONFIG_HOME": s.home.path, "HOME": s.home.path, "PATHFINDER_STORE": ""]
        let early = try Fixtures.run(["--as-of", "2006-12-15", "--store", s.store.path, "list", "actions", "--overdue", "--json"], environment: env)
        let late = try Fixtures.run(["--as-of", "2008-12-31", "--store", s.store.path, "list", "actions", "--overdue", "--json"], environment: env)
        let count = { (r: (status: Int32, out: String, err: String)) in
            JSONList.actions(r.out)?.count ?? -1
        }
        #expect(count(early) > 0 && count(late) > count(early))
        let edit = try Fixtures.run(["--as-user", "Ann Example", "--as-of", "2006-12-20", "--store", s.store.path, "edit", "PO-03", "rag=red"],
                                    environment: env)
        #expect(edit.status == 0, "\(edit.err)")
        let text = try String(contentsOf: s.store.appendingPathComponent("areas/portsmouth/actions/PO-03.md"), encoding: .utf8)
        #expect(text.contains("updated-by: Ann Example") && text.contains("updated: 2006-12-20"))
        // `--store=DIR` as well as `--store DIR`; a value that names a command is still a value.
        let equals = try Fixtures.run(["--store=\(s.store.path)", "show", "PO-03"], environment: env)
        #expect(equals.status == 0 && equals.out.hasPrefix("PO-03"), "\(equals.err)")
        #expect(GlobalOptions.inPlace(["--store", "list", "show", "PO-03"]) == ["show", "--store", "list", "PO-03"])
        // Without a command's name the options stay for the screens.
        #expect(GlobalOptions.inPlace(["--store", "DIR"]) == ["--store", "DIR"])
        #expect(GlobalOptions.inPlace(["--store", "DIR", "--read-only"]) == ["--store", "DIR", "--read-only"])
    }

    /// Parser errors are one line that says where the usage is, with the usual status 64; the
    /// program's own refusals are one line with status 1.
    @Test func everyErrorIsOneLine() throws {
        let sample = Fixtures.sampleStore.path
        let cases: [([String], Int32, String)] = [
            (["list", "actions", "--bogus", "--store", sample], 64, "see `pathfinder list --help`"),
            (["--store", sample, "sync", "--bogus"], 64, "see `pathfinder sync --help`"),
            (["show", "--store", sample], 64, "see `pathfinder show --help`"),
            (["list", "planets", "--store", sample], 64, "see `pathfinder list --help`"),
            (["frobnicate", "--store", sample], 64, "see `pathfinder --help`"),
            (["report", "--format", "pdf", "--store", sample], 64, "see `pathfinder report --help`"),
            (["list", "actions", "--rag", "purple", "--store", sample], 64, "--rag is red, amber or green"),
            (["edit", "PO-03", "--as-user", "two\nlines", "--store", sample], 64, "--as-user: must be one line"),
            (["resolve", "PO-03", "status", "--store", sample], 64, "say mine, theirs or --value V"),
            (["show", "NO-SUCH", "--store", sample], 1, "nothing in the store is called"),
            (["list", "actions", "--" + String(repeating: "x", count: 100_000), "--store", sample], 64, "(100,002 characters)"),
        ]
        for (arguments, status, text) in cases {
            let r = try Fixtures.run(arguments)
            #expect(r.status == status, "\(arguments.map { $0.prefix(50) }): \(r.status) \(r.err)")
            #expect(r.err.hasPrefix("pathfinder: ") && r.err.hasSuffix("\n"), "\(r.err.prefix(300))")
            #expect(r.err.split(separator: "\n").count == 1, "not one line: \(r.err.prefix(500))")
            #expect(r.err.contains(text), "\(r.err.prefix(300))")
            #expect(r.err.count < 500, "an error repeats a huge value: \(r.err.count) characters")
            #expect(r.out.isEmpty)
        }
        // --help is not an error: all of it, on stdout.
        let help = try Fixtures.run(["sync", "--help"])
        #expect(help.status == 0 && help.out.contains("--setup") && help.err.isEmpty)
    }
}
