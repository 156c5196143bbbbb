import Foundation
import Testing
@testable import PathfinderCLI

/// No text from a file or an argument can act on the terminal, whatever the command: every
/// subcommand is run on a store full of escape sequences, controls and bidi overrides, with
/// such text in its arguments too, and what reaches the terminal must hold none of them.
@Suite(.serialized) struct HostileTextTests {
    let h = HostileStore.text

    /// Each subcommand's runs, by name. A command missing here fails the test, so a new one is
    /// covered as soon as it is added. Runs on one store, in this order (sync before history and
    /// changed, so they have something to show; delete before trash).
    func runs(store: String, remote: String, scratch: URL) -> [(command: String, arguments: [String])] {
        let id = HostileStore.actionID
        // A spreadsheet whose headers and cells carry the same hostile text.
        let sheet = scratch.appendingPathComponent("hostile.csv")
        let cell = "\"" + h.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        try? Data("Action,\(cell),RAG,Due date\n\(cell),\(cell),\(cell),\(cell)\nSecond,x,red,2007-01-01\n".utf8).write(to: sheet)
        return [
            ("import", [sheet.path, "--area", HostileStore.area, "--store", store, "--dry-run"]),
            ("import", [sheet.path, "--area", HostileStore.area, "--store", store, "--skip-bad", "--map", h + "=lead"]),
            ("import", [sheet.path, "--area", h, "--store", store]),
            ("export", ["ics", "--store", store]),
            ("link-organisations", ["--store", store, "--dry-run"]),
            ("export", ["xlsx", "--store", store, "--output", scratch.appendingPathComponent("plan.xlsx").path]),
            ("export", ["xlsx", "--store", store, "--area", h, "--output", scratch.appendingPathComponent("other.xlsx").path]),
            ("open", ["--store", store]),
            ("open", ["--store", store, "--theme", h]),
            ("init", [scratch.appendingPathComponent("new-\u{1B}]2;x\u{07}").path]),
            ("init", [scratch.appendingPathComponent("other").path, "--title", h]),
            ("list", ["areas", "--store", store]),
            ("list", ["actions", "--store", store]),
            ("list", ["case-studies", "--store", store]),
            ("list", ["organisations", "--store", store]),
            ("list", ["organisations", "--store", store, "--json"]),
            ("list", ["organisations", "--store", store, "--kind", h]),
            ("show", [HostileStore.organisation, "--store", store]),
            ("show", [HostileStore.organisation, "--json", "--store", store]),
            ("link-organisations", ["--dry-run", "--store", store]),
            ("link-organisations", ["--area", h, "--store", store]),
            ("list", ["actions", "--store", store, "--json"]),
            ("list", ["areas", "--store", store, "--json"]),
            ("list", ["actions", "--store", store, "--area", h]),
            ("list", ["actions", "--store", store, "--status", h]),
            ("list", ["actions", "--store", store, "--search", h]),
            ("list", [h]),
            ("search", ["pwned", "--store", store]),
            ("search", ["pwned", "--store", store, "--json"]),
            ("search", [h, "--store", store]),
            ("search", ["pwned", "--area", h, "--store", store]),
            ("show", [id, "--store", store]),
            ("show", [HostileStore.area, "--store", store]),
            ("show", [HostileStore.caseStudy, "--store", store]),
            ("show", [h, "--store", store]),
            ("check", ["--store", store]),
            ("report", ["--store", store]),
            ("report", ["factors", "--store", store]),
            ("report", ["funding", "--store", store]),
            ("report", ["--store", store, "--area", HostileStore.area, "--since", "2006-01-01"]),
            ("report", ["--store", store, "--format", "json"]),
            ("report", ["--store", store, "--format", "markdown"]),
            ("report", ["--store", store, "--format", "csv"]),
            ("report", ["--store", store, "--format", "html"]),
            ("report", ["--store", store, "--area", h]),
            ("report", ["--store", store, "--format", h]),
            ("minutes", [HostileStore.meeting, "--store", store]),
            ("minutes", [HostileStore.meeting, "--store", store, "--format", "html"]),
            ("minutes", [h, "--store", store]),
            ("edit", [id, "title=" + h, "--store", store]),
            ("edit", [id, "status=" + h, "--store", store]),
            ("edit", [id, h + "=x", "--store", store]),
            ("edit", [h, "status=done", "--store", store]),
            ("edit", [id, "rag=amber", "--store", store, "--as-user", h]),
            ("note", [id, "Bidi \u{202E}kept as data\u{202C}, shown inert", "--store", store]),
            ("note", [id, h, "--store", store]),
            ("note", [id, "x", "--date", h, "--store", store]),
            ("new-action", ["--area", h, "--title", "x", "--store", store]),
            ("new-action", ["--area", HostileStore.area, "--title", h, "--store", store]),
            ("move", [id, "--to", h, "--store", store]),
            ("duplicate", [id, "--store", store]),
            ("sync", ["--setup", remote, "--store", store]),
            ("sync", ["--setup", "/nonexistent/\u{1B}]2;x\u{07}", "--store", scratch.appendingPathComponent("elsewhere").path]),
            ("conflicts", ["--store", store]),
            ("conflicts", ["--store", store, "--json"]),
            ("resolve", [id, h, "mine", "--store", store]),
            ("resolve", [id, "title", h, "--store", store]),
            ("history", [id, "--store", store]),
            ("history", [h, "--store", store]),
            ("changed", ["--store", store, "--since", "2006-01-01"]),
            ("changed", ["--store", store, "--since", h]),
            ("merge-driver", [h, h, h, h]),
            ("delete", [id, "--store", store]),
            ("delete", [id, "--yes", "--store", store]),
            ("trash", ["--store", store]),
            ("trash", [h, "--store", store]),
            ("trash", ["restore", h, "--store", store]),
            ("reading", [id, h, "--store", store]),
            ("reading", [id, "4", "--note", h, "--store", store]),
            ("agreement", ["new", "--title", h, "funder=\(h)", "--store", store]),
            ("agreement", ["set", h, "funder=x", "--store", store]),
        ]
    }

    @Test func everyCommandShowsTextFromFilesAndArgumentsInertOnATerminal() throws {
        let s = try HostileStore.make()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let remote = s.root.appendingPathComponent("stick.git")
        let bare = Process()
        bare.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        bare.arguments = ["git", "init", "--quiet", "--bare", remote.path]
        try bare.run()
        bare.waitUntilExit()
        let env = ["HOME": s.home.path, "XDG_CONFIG_HOME": s.home.path, "XDG_DATA_HOME": s.home.path, "USER": "tester",
                   "GIT_CONFIG_NOSYSTEM": "1", "PATHFINDER_STORE": "", "CI": "true"]
        let all = runs(store: s.store.path, remote: remote.path, scratch: s.root)
        let names = Set(PathfinderCommand.configuration.subcommands.map { $0._commandName })
        #expect(Set(all.map(\.command)) == names, "every subcommand needs hostile runs here")
        var sawHostileText = 0
        for (command, arguments) in all {
            let r = try TerminalRun.run([command] + arguments, environment: env)
            let unsafe = HostileStore.unsafeCharacters(in: r.output)
            #expect(unsafe.isEmpty, "\(command) \(arguments.map { SafeTextForTest.show($0) }) wrote \(unsafe) to the terminal:\n\(r.output.prefix(2_000))")
            #expect(!r.output.contains("Fatal error"), "\(command) crashed: \(r.output.prefix(500))")
            if r.output.contains("␛]2;pwned") { sawHostileText += 1 }
        }
        // The text was there to be shown (read from the files), and shown as symbols.
        #expect(sawHostileText >= 20, "only \(sawHostileText) runs showed the hostile text")
    }

    @Test func showDisplaysEachControlAsTheScreensDo() throws {
        let s = try HostileStore.make()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let r = try Fixtures.run(["show", HostileStore.actionID, "--store", s.store.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("HO-01  T␛]2;pwned␇␛[2J�31m�evil�iso␤sep�nel␡del\n"))
        // Long text keeps its own line breaks.
        #expect(r.out.contains("\nDescription T␛]2;pwned"))
        // A line break inside a one-line value does not break a table's row.
        let table = try Fixtures.run(["list", "actions", "--store", s.store.path, "--area", HostileStore.area])
        let rows = table.out.split(separator: "\n")
        #expect(rows.count == 3, "\(table.out)")
        #expect(rows[1].contains("T␛]2;pwned␇␛[2J�31m�evil�iso␤sep�nel␡del"))
    }

    /// Markdown, HTML, CSV and JSON sent to a pipe are the data as it is: the same bytes as
    /// the file `--output` writes, the controls still in them.
    @Test func dataToAPipeKeepsItsBytes() throws {
        let s = try HostileStore.make()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let store = s.store.path
        let cases: [[String]] = [
            ["report", "--format", "markdown"], ["report", "--format", "csv"], ["report", "--format", "json"],
            ["report", "--format", "html"], ["report", "funding", "--format", "csv"],
            ["minutes", HostileStore.meeting], ["minutes", HostileStore.meeting, "--format", "html"],
        ]
        for (i, arguments) in cases.enumerated() {
            let piped = try Fixtures.run(arguments + ["--store", store])
            #expect(piped.status == 0, "\(arguments): \(piped.err)")
            let file = s.root.appendingPathComponent("out-\(i)")
            let written = try Fixtures.run(arguments + ["--store", store, "--output", file.path])
            #expect(written.status == 0, "\(arguments): \(written.err)")
            #expect(Data(piped.out.utf8) == (try Data(contentsOf: file)), "\(arguments): the pipe and the file differ")
            if arguments.contains("csv") {
                #expect(piped.out.contains("\u{1B}]2;pwned\u{07}"), "\(arguments) lost the data")
            } else if !arguments.contains("json") && !arguments.contains("html") {
                // Markdown escapes its own punctuation ("\]"), and nothing else.
                #expect(piped.out.contains("\u{1B}\\]2;pwned\u{07}\u{1B}\\[2J\u{9B}31m\u{202E}evil"), "\(arguments) lost the data")
            }
        }
        // JSON read back gives the very text of the file.
        let json = try Fixtures.run(["list", "actions", "--store", store, "--area", HostileStore.area, "--json"])
        let actions = try #require(JSONList.actions(json.out))
        #expect(actions.first?["title"] as? String == h)
        #expect(json.out.contains("\u{202E}") && json.out.contains("\u{9B}"), "JSON to a pipe keeps bidi and C1 as they are")
    }

    /// On a terminal, JSON keeps the same data but writes the unsafe characters as escapes.
    @Test func jsonOnATerminalIsTheSameDataEscaped() throws {
        let s = try HostileStore.make()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let r = try TerminalRun.run(["list", "actions", "--store", s.store.path, "--area", HostileStore.area, "--json"])
        #expect(HostileStore.unsafeCharacters(in: r.output).isEmpty)
        // stderr shares the terminal: its line about the file with errors follows the JSON.
        var text = r.output.replacingOccurrences(of: "\r\n", with: "\n")
        if let end = text.lastIndex(of: "}") { text = String(text[...end]) }
        let actions = try #require(JSONList.actions(text))
        #expect(actions.first?["title"] as? String == h)
    }

    /// Every write to stdout or stderr in the command line goes through `Output`: a new
    /// `print` elsewhere would bypass the rule, so it fails here.
    @Test func nothingInTheCommandLineWritesAroundTheOneOutput() throws {
        let folder = Fixtures.repository.appendingPathComponent("Sources/PathfinderCLI")
        var offenders: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") && name != "Output.swift" {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for (n, line) in text.components(separatedBy: "\n").enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                for pattern in [#"(^|[^.\w])print\("#, #"Swift\.print\("#, #"FileHandle\.standard(Output|Error)"#, #"\bfputs\("#,
                                #"\bputs\("#, #"\bdebugPrint\("#, #"\bdump\("#]
                where code.range(of: pattern, options: .regularExpression) != nil {
                    offenders.append("\(name):\(n + 1): \(code)")
                }
            }
        }
        #expect(offenders.isEmpty, "write through Output instead:\n\(offenders.joined(separator: "\n"))")
    }

    @Test func theOutputRuleKeepsLineBreaksOnlyWhereTheyAreStructure() {
        #expect(Output.clean("a\u{1B}[2Jb\nc\r\nd\re\t", as: .text, terminal: false) == "a␛[2Jb\nc\nd␍e␉")
        #expect(Output.clean("x\u{1B}y", as: .markup, terminal: false) == "x\u{1B}y")
        #expect(Output.clean("x\u{1B}y\u{202E}", as: .markup, terminal: true) == "x␛y�")
        #expect(Output.clean("{\"t\": \"\u{9B}\u{202E}\u{2028}\"}\n", as: .json, terminal: true) == "{\"t\": \"\\u009b\\u202e\\u2028\"}\n")
        #expect(Output.clean("{\"t\": \"\u{9B}\"}", as: .json, terminal: false) == "{\"t\": \"\u{9B}\"}")
        #expect(Output.oneLine("first\nsecond \u{1B}]2;x\u{07}") == "first; second ␛]2;x␇")
        // Words relayed from git about a huge argument are cut, not repeated in full.
        #expect(Output.oneLine("fatal: " + String(repeating: "g", count: 50_000)).hasSuffix("… (cut from 50,007 characters)"))
        #expect(Output.oneLine("fatal: " + String(repeating: "g", count: 50_000)).count < Output.longest + 40)
    }
}

/// Arguments shown in a failure message without acting on the terminal running the tests.
enum SafeTextForTest {
    static func show(_ s: String) -> String {
        String(s.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : Character($0) }.prefix(60))
    }
}
