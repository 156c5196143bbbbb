import Foundation
import Testing
@testable import PathfinderCLI

/// Every command line the README and docs/*.md show in a ```sh block is run, so an example
/// can never drift from the program: each must exit 0. A line that cannot run here is listed
/// below with the reason; any other line that is not a `pathfinder` or `git init --bare`
/// command fails the test until it is run or listed.
@Suite(.serialized) struct DocumentedExamplesTests {
    /// Lines that are not run, each with why.
    static let notRun: [String: String] = [
        "swift test": "it is this test run",
        "swift build -c release --scratch-path .build-release-perf --product pathfinder-bench":
            "a release build of the benchmark takes minutes; docs/performance.md's figures come from it",
        ".build-release-perf/release/pathfinder-bench": "the benchmark generates 52,500 actions; run by hand (docs/performance.md)",
        ".build-release-perf/release/pathfinder-bench 20 50": "needs the release build above",
        ".build-release-perf/release/pathfinder-bench --store DIR": "needs the release build above",
        ".build-release-perf/release/pathfinder-bench --memory-report DIR": "needs the release build above",
        "swift build -c release --scratch-path .build-release-perf --product pathfinder":
            "a release build takes minutes; the Taskwarrior comparison times it (docs/performance.md)",
        ".build-release-perf/release/pathfinder-bench taskwarrior --store /tmp/bstore":
            "needs Taskwarrior and the release builds above, and imports 52,500 actions; run by hand",
        "sudo apt install ./pathfinder_1.0.0_amd64.deb":
            "installs on this machine; .ci/run unpacks the package it builds and runs it (scripts/smoke-test.sh --deb)",
        "man pathfinder": "needs the program installed; the smoke test reads the installed page with man -l",
        "make": "a static release build takes minutes; .ci/run runs it",
        "sudo make install PREFIX=/usr/local": "installs on this machine; .ci/run installs into a temporary DESTDIR",
        "sudo make uninstall PREFIX=/usr/local": "the smoke test runs it on its temporary DESTDIR",
        "make deb": "needs the release build; .ci/run runs it",
    ]

    /// Lines that run but end otherwise than with 0, with the status and why.
    static let otherStatus: [String: (status: Int32, reason: String)] = [:]

    /// `tracker.csv` in the examples' working folder.
    static let trackerCSV = """
        Action,Who,RAG status,Deadline,Comments,Notes
        Map befriending schemes across the city,Community Development Officer,Amber/Green,31/03/2007,"12/12/2006: a first list of 14 schemes",kept apart
        Publish the forum's terms of reference,Forum facilitator,R,2007-02-28,,

        """

    struct Example {
        var file: String
        var line: Int
        var command: String
        /// The ```sh block it is in (lines of one block run one after another).
        var block: Int
    }

    /// The commands of every ```sh block, comments taken off.
    static func examples() throws -> [Example] {
        let root = Fixtures.repository
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
        var found: [Example] = []
        var block = 0
        for file in ["README.md"] + docs {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            var inBlock = false
            for (n, raw) in text.components(separatedBy: "\n").enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("```") {
                    inBlock = !inBlock && line == "```sh"
                    if inBlock { block += 1 }
                    continue
                }
                guard inBlock else { continue }
                let command = withoutComment(line)
                if !command.isEmpty { found.append(Example(file: file, line: n + 1, command: command, block: block)) }
            }
        }
        return found
    }

    /// A line without its shell comment (a `#` after a space, outside quotes).
    static func withoutComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        for (i, c) in zip(line.indices, line) {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#", previous == " " {
                return line[..<i].trimmingCharacters(in: .whitespaces)
            }
            previous = c
        }
        return line.trimmingCharacters(in: .whitespaces)
    }

    @Test func everyExampleInTheDocsRuns() throws {
        let examples = try Self.examples()
        #expect(examples.count > 30)
        // A listed line that no document shows any more is a stale entry: take it out.
        let shown = Set(examples.map(\.command))
        for listed in Array(Self.notRun.keys) + Array(Self.otherStatus.keys) {
            #expect(shown.contains(listed), "`\(listed)` is listed here but no document shows it")
        }
        let byFile = Dictionary(grouping: examples, by: \.file)
        for file in byFile.keys.sorted() {
            try run(byFile[file]!, file: file)
        }
    }

    /// The examples each command's --help gives run too, each on a fresh copy of the sample
    /// store, so `--help` cannot drift either.
    @Test func everyExampleInTheHelpRuns() throws {
        var examples: [Example] = []
        for command in PathfinderCommand.configuration.subcommands {
            let lines = command.configuration.discussion.components(separatedBy: "\n")
            var inExamples = false
            for (n, line) in lines.enumerated() {
                let text = line.trimmingCharacters(in: .whitespaces)
                // The indented lines under "Example:" or "Examples:".
                if text == "Example:" || text == "Examples:" {
                    inExamples = true
                } else if text.isEmpty || !line.hasPrefix("  ") {
                    inExamples = false
                } else if inExamples, text.hasPrefix("pathfinder ") {
                    examples.append(Example(file: "pathfinder \(command._commandName) --help", line: n + 1, command: text, block: 0))
                }
            }
        }
        #expect(examples.count >= 12)
        for example in examples { try run([example], file: example.file) }
    }

    /// Runs one file's examples in order in one scratch place: a home with `~/partnership`
    /// (a copy of the sample store, also $PATHFINDER_STORE), `/media/usb` as a temporary folder,
    /// and `pathfinder` on the PATH as the built program.
    func run(_ examples: [Example], file: String) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pf-docs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let home = root.appendingPathComponent("home"), work = root.appendingPathComponent("work")
        let bin = root.appendingPathComponent("bin"), media = root.appendingPathComponent("media")
        for dir in [home, work, bin, media.appendingPathComponent("usb")] {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        let store = home.appendingPathComponent("partnership")
        try FileManager.default.copyItem(at: Fixtures.sampleStore, to: store)
        // The spreadsheet the import examples read, as a steering group's tracker might be.
        try Data(Self.trackerCSV.utf8).write(to: work.appendingPathComponent("tracker.csv"))
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("pathfinder"), withDestinationURL: Fixtures.binary)
        let environment = [
            "HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
            "XDG_DATA_HOME": home.appendingPathComponent(".local/share").path, "PATHFINDER_STORE": store.path,
            "PATH": bin.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "GIT_CONFIG_NOSYSTEM": "1", "USER": "docs-reader", "CI": "true", "TERM": "dumb",
        ]
        var conflictsMade = false
        for example in examples {
            var command = example.command
            if let reason = Self.notRun[command] {
                #expect(!reason.isEmpty)
                continue
            }
            if command.hasPrefix("swift run pathfinder") { command = String(command.dropFirst("swift run ".count)) }
            let runnable = command == "pathfinder" || command.hasPrefix("pathfinder ") || command.hasPrefix("git init --bare ")
            #expect(runnable, "\(example.file):\(example.line): `\(command)` is neither run nor listed in notRun with a reason")
            guard runnable else { continue }
            command = command.replacingOccurrences(of: "/media/", with: media.path + "/")
            // The examples of deciding conflicts need conflicts to decide: made once, as two
            // laptops would make them (see makeConflicts).
            if command.hasPrefix("pathfinder resolve"), !conflictsMade {
                try makeConflicts(store: store, root: root, environment: environment)
                conflictsMade = true
            }
            let r = try shell(command, in: work, environment: environment)
            #expect(r.status == (Self.otherStatus[example.command]?.status ?? 0), "\(example.file):\(example.line): `\(example.command)` exited \(r.status):\n\(r.out)\n\(r.err)")
        }
    }

    /// Another laptop sets PO-03's status, RAG, due date and lead one way and syncs; this
    /// store sets them another way and syncs: four conflicts wait here.
    func makeConflicts(store: URL, root: URL, environment: [String: String]) throws {
        let remote = try shell("git -C '\(store.path)' remote get-url origin", in: root, environment: environment).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let other = root.appendingPathComponent("other-laptop").path
        for command in [
            "pathfinder --store '\(other)' sync --setup '\(remote)'",
            "pathfinder --store '\(other)' edit PO-03 status=blocked rag=red due=2007-05-31 'lead=Head of Policy'",
            "pathfinder --store '\(other)' sync",
            "pathfinder edit PO-03 status=done rag=amber due=2007-04-30 'lead=Head of Finance'",
        ] {
            let r = try shell(command, in: root, environment: environment)
            #expect(r.status == 0, "making conflicts: `\(command)` exited \(r.status): \(r.err)")
        }
        _ = try shell("pathfinder sync", in: root, environment: environment)   // stops: conflicts to decide
    }

    func shell(_ command: String, in folder: URL, environment: [String: String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--norc", "--noprofile", "-c", command]
        process.environment = environment
        process.currentDirectoryURL = folder
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pf-docs-out-\(UUID().uuidString)")
        let err = FileManager.default.temporaryDirectory.appendingPathComponent("pf-docs-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
