import Foundation
import Testing

/// Two machines sharing a store through a bare repository (as on a USB stick), driven through
/// the built binary so git calls back into it as the merge driver.
final class TwoMachines {
    let root: URL
    let remote: URL
    let a: URL
    let b: URL
    let environment: [String: String]
    /// The template's folder outlives its object (copies are made of it); a test's copy does not.
    private var keep = false

    /// Two machines set up once (Ann's store sent to the stick, Bob's copied from it); each
    /// test works on its own copy of them, which keeps the suite fast.
    private static let template = Result { () throws -> URL in
        // One template per test process; those of earlier runs (processes gone) are removed.
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix("pf-sync-template-") {
            if let pid = Int32(name.dropFirst("pf-sync-template-".count)), kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        let machines = try TwoMachines(folder: temporary.appendingPathComponent("pf-sync-template-\(getpid())"))
        try machines.expectOK(machines.run(["sync", "--setup", machines.remote.path], machines.a, name: "Ann"))
        try machines.expectOK(machines.run(["sync", "--setup", machines.remote.path], machines.b, name: "Bob"))
        machines.keep = true
        return machines.root
    }

    private init(folder: URL) throws {
        root = folder
        remote = root.appendingPathComponent("stick/plan.git")
        a = root.appendingPathComponent("ann/store")
        b = root.appendingPathComponent("bob/store")
        let home = root.appendingPathComponent("home")
        // No one's own git settings: a fresh home, no system config, no identity.
        environment = ["HOME": home.path, "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
                       "GIT_CONFIG_NOSYSTEM": "1", "USER": "tester", "CI": "true"]
        guard !FileManager.default.fileExists(atPath: root.path) else { return }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try git(["init", "--quiet", "--bare", remote.path], in: root)
        try FileManager.default.createDirectory(at: a.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.sampleStore, to: a)
    }

    convenience init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pf-sync-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: try Self.template.get(), to: root)
        try self.init(folder: root)
        for store in [a, b] { try git(["remote", "set-url", "origin", remote.path], in: store) }
    }

    deinit { if !keep { try? FileManager.default.removeItem(at: root) } }

    /// Runs the binary on one machine's store as that machine's user.
    func run(_ arguments: [String], _ store: URL, name: String? = nil, extra: [String: String] = [:]) throws
        -> (status: Int32, out: String, err: String) {
        var env = environment
        if let name {
            let config = root.appendingPathComponent("config-\(name)/pathfinder")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try "name = \(name)\n".write(to: config.appendingPathComponent("config"), atomically: true, encoding: .utf8)
            env["XDG_CONFIG_HOME"] = config.deletingLastPathComponent().path
        }
        for (k, v) in extra { env[k] = v }
        return try Fixtures.run(arguments + ["--store", store.path], environment: env)
    }

    func sync(_ store: URL, _ extra: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        try run(["sync"], store, name: store == a ? "Ann" : "Bob", extra: extra)
    }

    @discardableResult
    func expectOK(_ r: (status: Int32, out: String, err: String), _ comment: String = "") -> (status: Int32, out: String, err: String) {
        #expect(r.status == 0, "\(comment) exit \(r.status)\n\(r.out)\n\(r.err)")
        return r
    }

    @discardableResult
    func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        env["GIT_AUTHOR_NAME"] = "Tester"; env["GIT_COMMITTER_NAME"] = "Tester"
        env["GIT_AUTHOR_EMAIL"] = ""; env["GIT_COMMITTER_EMAIL"] = ""
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func read(_ store: URL, _ path: String) throws -> String {
        try String(contentsOf: store.appendingPathComponent(path), encoding: .utf8)
    }

    func write(_ store: URL, _ path: String, _ text: String) throws {
        let url = store.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Replaces a field's line (`status: ...`) in a file.
    func set(_ store: URL, _ path: String, _ field: String, _ value: String) throws {
        var lines = try read(store, path).components(separatedBy: "\n")
        let i = try #require(lines.firstIndex { $0.hasPrefix("\(field): ") }, "no \(field) in \(path)")
        lines[i] = "\(field): \(value)"
        try write(store, path, lines.joined(separator: "\n"))
    }

    func addNote(_ store: URL, _ path: String, date: String, author: String, _ text: String) throws {
        var body = try read(store, path)
        if !body.hasSuffix("\n") { body += "\n" }
        try write(store, path, body + "\n### \(date) — \(author)\n\(text)\n")
    }

    /// Every file in the store parses (`pathfinder check` reports no error), and no file
    /// anywhere in it holds a conflict marker.
    func expectClean(_ store: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let check = try run(["check"], store)
        #expect(check.status == 0 && !check.out.contains(": error:"), "check failed:\n\(check.out)\n\(check.err)", sourceLocation: sourceLocation)
        let walker = FileManager.default.enumerator(atPath: store.path)!
        while let relative = walker.nextObject() as? String {
            if relative.hasPrefix(".git/") || relative == ".git" { continue }
            let url = store.appendingPathComponent(relative)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            #expect(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"), "conflict markers in \(relative)", sourceLocation: sourceLocation)
        }
    }
}

@Suite(.serialized) struct SyncCommandTests {
    let po03 = "areas/portsmouth/actions/PO-03.md"

    @Test func differentFieldsOfOneActionBothLand() throws {
        let m = try TwoMachines()
        try m.set(m.a, po03, "status", "done")
        try m.set(m.b, po03, "rag", "red")
        let first = m.expectOK(try m.sync(m.a))
        #expect(first.out.contains("Portsmouth PO-03: status in progress -> done"), "\(first.out)")
        m.expectOK(try m.sync(m.b))
        m.expectOK(try m.sync(m.a))
        for store in [m.a, m.b] {
            let text = try m.read(store, po03)
            #expect(text.contains("\nstatus: done\n") && text.contains("\nrag: red\n"), "\(text)")
            try m.expectClean(store)
        }
        #expect(try m.run(["conflicts"], m.b).out.contains("No conflicts"))
        // The history says who changed what.
        let history = m.expectOK(try m.run(["history", "PO-03"], m.a))
        #expect(history.out.contains("Ann") && history.out.contains("status in progress -> done"), "\(history.out)")
        #expect(history.out.contains("Bob") && history.out.contains("rag green -> red"), "\(history.out)")
        let changed = m.expectOK(try m.run(["changed"], m.a))
        #expect(changed.out.contains("PO-03: rag green -> red") && changed.out.contains("Bob"), "\(changed.out)")
    }

    @Test func sameFieldChangedDifferentlyIsRecordedAndResolved() throws {
        let m = try TwoMachines()
        try m.set(m.a, po03, "status", "done")
        try m.set(m.b, po03, "status", "blocked")
        try m.addNote(m.b, po03, date: "2006-12-05", author: "Bob", "Blocked on the council's budget.")
        m.expectOK(try m.sync(m.a))
        let merged = m.expectOK(try m.sync(m.b))
        #expect(merged.out.contains("1 conflict"), "\(merged.out)")
        let text = try m.read(m.b, po03)
        #expect(text.contains("\nstatus: blocked\n"), "the local value is kept:\n\(text)")
        #expect(text.contains("Blocked on the council's budget."))
        try m.expectClean(m.b)
        let listed = m.expectOK(try m.run(["conflicts"], m.b))
        #expect(listed.out.contains("\(po03): status: kept yours “blocked”; theirs “done”"), "\(listed.out)")
        let json = try m.run(["conflicts", "--json"], m.b)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(records.count == 1 && records[0]["field"] as? String == "status" && records[0]["base"] as? String == "in-progress")

        // The next sync waits for a decision.
        let refused = try m.sync(m.b)
        #expect(refused.status == 1 && refused.err.contains("pathfinder conflicts"), "\(refused.err)")
        #expect(refused.err.split(separator: "\n").count == 1)
        let wrong = try m.run(["resolve", po03, "rag", "theirs"], m.b)
        #expect(wrong.status == 1 && wrong.err.contains("there is one on status"), "\(wrong.err)")
        m.expectOK(try m.run(["resolve", "PO-03", "status", "theirs"], m.b))
        #expect(try m.read(m.b, po03).contains("\nstatus: done\n"))
        m.expectOK(try m.sync(m.b))
        m.expectOK(try m.sync(m.a))
        let final = try m.read(m.a, po03)
        #expect(final.contains("\nstatus: done\n") && final.contains("Blocked on the council's budget."))
        try m.expectClean(m.a)
    }

    @Test func bothAddProgressNotesAndBothAreKeptInDateOrder() throws {
        let m = try TwoMachines()
        try m.addNote(m.a, po03, date: "2006-12-10", author: "Ann", "Draft sent to the network.")
        try m.addNote(m.b, po03, date: "2006-12-03", author: "Bob", "Met the Local Strategic Partnership.")
        try m.addNote(m.b, po03, date: "2006-12-12", author: "Bob", "Comments back from the network.")
        m.expectOK(try m.sync(m.a))
        m.expectOK(try m.sync(m.b))
        m.expectOK(try m.sync(m.a))
        for store in [m.a, m.b] {
            let text = try m.read(store, po03)
            let order = ["Met the Local Strategic Partnership.", "Draft sent to the network.", "Comments back from the network."]
                .map { text.range(of: $0)?.lowerBound }
            #expect(order.allSatisfy { $0 != nil }, "a note is missing:\n\(text)")
            #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "notes out of date order:\n\(text)")
            #expect(text.components(separatedBy: "Draft sent to the network.").count == 2, "a note appears twice")
            try m.expectClean(store)
        }
        #expect(try m.read(m.a, po03) == m.read(m.b, po03))
    }

    @Test func actionsCreatedOfflineOnBothMachinesAllLand() throws {
        let m = try TwoMachines()
        let template = try m.read(m.a, po03)
        func action(_ id: String, _ title: String) -> String {
            template.replacingOccurrences(of: "id: PO-03", with: "id: \(id)")
                .replacingOccurrences(of: "title: A policy framework that values the sector's voice and independence", with: "title: \(title)")
        }
        try m.write(m.a, "areas/portsmouth/actions/PO-7KQ3.md", action("PO-7KQ3", "Ann's new action"))
        try m.write(m.b, "areas/portsmouth/actions/PO-9XY2.md", action("PO-9XY2", "Bob's new action"))
        // The same id taken on both machines, for different actions.
        try m.write(m.a, "areas/portsmouth/actions/PO-ZZ22.md", action("PO-ZZ22", "Ann's clashing action"))
        try m.write(m.b, "areas/portsmouth/actions/PO-ZZ22.md", action("PO-ZZ22", "Bob's clashing action"))
        m.expectOK(try m.sync(m.a))
        // Killed after writing the second copy under its new id, before recording that it did.
        let killed = try m.sync(m.b, ["PATHFINDER_SYNC_FAULT": "after-split-write"])
        #expect(killed.status != 0)
        let merged = m.expectOK(try m.sync(m.b))
        #expect(merged.out.contains("PO-ZZ22 was created on both machines"), "\(merged.out)")
        m.expectOK(try m.sync(m.a))
        for store in [m.a, m.b] {
            let folder = store.appendingPathComponent("areas/portsmouth/actions")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            var titles: [String] = []
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("title: ") }) { titles.append(String(line.dropFirst(7))) }
                #expect(text.contains("id: \(file.dropLast(3))\n"), "\(file) holds another id")
            }
            for title in ["Ann's new action", "Bob's new action", "Ann's clashing action", "Bob's clashing action"] {
                #expect(titles.filter { $0 == title }.count == 1, "\(title) should be there once: \(titles)")
            }
            #expect(files.contains("PO-ZZ22.md") && files.count == 11 + 4)
            try m.expectClean(store)
        }
        // Bob's copy kept the id; Ann's arrived under a fresh one, with a note saying so (issue
        // 16), written once although the first attempt was killed after writing it.
        #expect(try m.read(m.b, "areas/portsmouth/actions/PO-ZZ22.md").contains("Bob's clashing action"))
        #expect(merged.out.contains("was renumbered"), "\(merged.out)")
        let folder = m.a.appendingPathComponent("areas/portsmouth/actions")
        let anns = try FileManager.default.contentsOfDirectory(atPath: folder.path).map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
            .filter { $0.contains("title: Ann's clashing action\n") }
        #expect(anns.count == 1)
        if let ann = anns.first, let id = ann.split(separator: "\n").first(where: { $0.hasPrefix("id: ") })?.dropFirst(4) {
            #expect(ann.contains("PO-ZZ22 was renumbered \(id) by the merge"), "\(ann)")
            #expect(ann.components(separatedBy: "was renumbered").count == 2, "the note is there once:\n\(ann)")
            #expect(ann.contains("Pathfinder sync"), "\(ann)")
        }
    }

    @Test func droppedOnOneMachineEditedOnTheOther() throws {
        let m = try TwoMachines()
        let po05 = "areas/portsmouth/actions/PO-05.md"
        try m.set(m.a, po03, "status", "dropped")
        try m.set(m.b, po03, "rag", "amber")
        try m.addNote(m.b, po03, date: "2006-12-06", author: "Bob", "Still worth doing.")
        // Both changed the status of another action: one dropped it, one finished it.
        try m.set(m.a, po05, "status", "dropped")
        try m.set(m.b, po05, "status", "done")
        m.expectOK(try m.sync(m.a))
        let r = m.expectOK(try m.sync(m.b))
        let text = try m.read(m.b, po03)
        #expect(text.contains("\nstatus: dropped\n") && text.contains("\nrag: amber\n") && text.contains("Still worth doing."), "\(text)")
        #expect(r.out.contains("\(po05): status: kept yours “done”; theirs “dropped”"), "\(r.out)")
        try m.expectClean(m.b)
    }

    @Test func deletedOnOneMachineEditedOnTheOtherKeepsTheEdit() throws {
        let m = try TwoMachines()
        // Actions no meeting names (deleting a named one is refused: it would be dropped instead).
        let po04 = "areas/cumbria/actions/CU-04.md", po06 = "areas/cumbria/actions/CU-06.md"
        // Ann deletes CU-04 the way the program does: into the store's trash folder.
        let trashed = m.a.appendingPathComponent("trash/" + po04)
        try FileManager.default.createDirectory(at: trashed.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: m.a.appendingPathComponent(po04), to: trashed)
        try m.addNote(m.b, po04, date: "2006-12-07", author: "Bob", "Bob's note on a deleted action.")
        try m.addNote(m.a, po06, date: "2006-12-08", author: "Ann", "Ann's note on a deleted action.")
        try FileManager.default.removeItem(at: m.b.appendingPathComponent(po06))
        m.expectOK(try m.sync(m.a))
        let r = m.expectOK(try m.sync(m.b))
        #expect(r.out.contains("\(po04) was deleted on the other machine but edited here"), "\(r.out)")
        #expect(r.out.contains("\(po06) was deleted here but edited on the other machine"), "\(r.out)")
        #expect(try m.read(m.b, po04).contains("Bob's note on a deleted action."))
        #expect(try m.read(m.b, po06).contains("Ann's note on a deleted action."))
        try m.expectClean(m.b)
        let listed = try m.run(["conflicts"], m.b).out
        #expect(listed.contains("\(po04): deleted on the other machine but edited here"), "\(listed)")
        // Keeping the edit is one decision; agreeing to the deletion is the other.
        m.expectOK(try m.run(["resolve", po04, "file", "mine"], m.b))
        m.expectOK(try m.run(["resolve", po06, "file", "theirs"], m.b))
        #expect(!FileManager.default.fileExists(atPath: m.b.appendingPathComponent(po06).path))
        // Agreeing to the deletion puts the edited action in the trash, not nowhere.
        let trash = m.b.appendingPathComponent("trash/areas/cumbria/actions")
        let inTrash = try FileManager.default.contentsOfDirectory(atPath: trash.path).filter { $0.hasPrefix("CU-06") }
        #expect(try inTrash.contains { try String(contentsOf: trash.appendingPathComponent($0), encoding: .utf8).contains("Ann's note on a deleted action.") })
        m.expectOK(try m.sync(m.b))
        m.expectOK(try m.sync(m.a))
        #expect(try m.read(m.a, po04).contains("Bob's note on a deleted action."))
        #expect(!FileManager.default.fileExists(atPath: m.a.appendingPathComponent(po06).path))
        try m.expectClean(m.a)
    }

    @Test func syncKilledAtEachStepIsFinishedByTheNext() throws {
        let m = try TwoMachines()
        for (i, step) in ["after-commit", "after-fetch", "after-merge"].enumerated() {
            let note = "Note \(i) written before a sync killed \(step)."
            try m.addNote(m.a, po03, date: "2006-12-2\(i)", author: "Ann", note)
            try m.addNote(m.b, po03, date: "2006-12-1\(i)", author: "Bob", "Bob's " + note)
            m.expectOK(try m.sync(m.a))
            let killed = try m.sync(m.b, ["PATHFINDER_SYNC_FAULT": step])
            #expect(killed.status != 0, "the fault at \(step) did not stop the sync")
            let finished = m.expectOK(try m.sync(m.b), "after \(step)")
            #expect(finished.out.contains("Up to date"), "\(finished.out)")
            m.expectOK(try m.sync(m.a))
            for store in [m.a, m.b] {
                let text = try m.read(store, po03)
                #expect(text.contains(note) && text.contains("Bob's " + note), "lost a note after \(step):\n\(text)")
                try m.expectClean(store)
            }
        }
    }

    @Test func mergeLeftHalfDoneIsFinished() throws {
        let m = try TwoMachines()
        try m.set(m.a, po03, "status", "done")
        m.expectOK(try m.sync(m.a))
        try m.set(m.b, po03, "rag", "red")
        try m.git(["commit", "--quiet", "-am", "Bob's edit"], in: m.b)
        try m.git(["fetch", "--quiet", "origin"], in: m.b)
        try m.git(["merge", "--no-commit", "--no-ff", "origin/master"], in: m.b)
        #expect(FileManager.default.fileExists(atPath: m.b.appendingPathComponent(".git/MERGE_HEAD").path))
        let r = m.expectOK(try m.sync(m.b))
        #expect(r.out.contains("finished a merge"), "\(r.out)")
        #expect(!FileManager.default.fileExists(atPath: m.b.appendingPathComponent(".git/MERGE_HEAD").path))
        m.expectOK(try m.sync(m.a))
        let text = try m.read(m.a, po03)
        #expect(text.contains("\nstatus: done\n") && text.contains("\nrag: red\n"))
        try m.expectClean(m.a)
    }

    @Test func remoteGoneThenBackAndStaleLocks() throws {
        let m = try TwoMachines()
        let away = m.root.appendingPathComponent("stick-unplugged")
        try FileManager.default.moveItem(at: m.remote.deletingLastPathComponent(), to: away)
        try m.set(m.a, po03, "status", "done")
        let offline = try m.sync(m.a)
        #expect(offline.status == 1 && offline.err.contains("could not reach") && offline.err.contains("next sync sends them"), "\(offline.err)")
        #expect(offline.out.contains("Portsmouth PO-03: status in progress -> done"), "committed anyway:\n\(offline.out)")
        try FileManager.default.moveItem(at: away, to: m.remote.deletingLastPathComponent())

        // The remote refuses while receiving (as when a stick is pulled out mid-send).
        let hook = m.remote.appendingPathComponent("hooks/pre-receive")
        try "#!/bin/sh\nexit 1\n".write(to: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
        let refused = try m.sync(m.a)
        #expect(refused.status == 1 && refused.err.contains("could not send"), "\(refused.out)\(refused.err)")
        try FileManager.default.removeItem(at: hook)

        // A lock a killed git left behind two minutes ago is removed; a fresh one is respected.
        let lock = m.a.appendingPathComponent(".git/index.lock")
        #expect(FileManager.default.createFile(atPath: lock.path, contents: Data()))
        let fresh = try m.sync(m.a)
        #expect(fresh.status == 1 && fresh.err.contains("another git command is working"), "\(fresh.err)")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-120)], ofItemAtPath: lock.path)
        let r = m.expectOK(try m.sync(m.a))
        #expect(r.out.contains("removed .git/index.lock"), "\(r.out)")
        m.expectOK(try m.sync(m.b))
        #expect(try m.read(m.b, po03).contains("\nstatus: done\n"))
        try m.expectClean(m.b)
    }

    @Test func aFileThatIsNotAPathfinderFileIsLeftForAPerson() throws {
        let m = try TwoMachines()
        try m.write(m.a, "minutes.txt", "Minutes of the steering group\n")
        m.expectOK(try m.sync(m.a))
        m.expectOK(try m.sync(m.b))
        try m.write(m.a, "minutes.txt", "Minutes of the steering group, 14 November\n")
        try m.write(m.b, "minutes.txt", "Minutes of the steering group (draft)\n")
        try m.set(m.b, po03, "rag", "red")
        m.expectOK(try m.sync(m.a))
        let stopped = try m.sync(m.b)
        #expect(stopped.status == 1 && stopped.err.contains("could not merge minutes.txt"), "\(stopped.err)")
        #expect(try m.read(m.b, po03).contains("\nrag: red\n"))
        try m.write(m.b, "minutes.txt", "Minutes of the steering group (draft), 14 November\n")
        m.expectOK(try m.sync(m.b))
        m.expectOK(try m.sync(m.a))
        #expect(try m.read(m.a, "minutes.txt") == "Minutes of the steering group (draft), 14 November\n")
        try m.expectClean(m.a)
    }

    @Test func withoutGitSyncSaysSoAndEverythingElseWorks() throws {
        let m = try TwoMachines()
        let noGit = ["PATH": "/nonexistent"]
        let r = try m.run(["sync"], m.a, extra: noGit)
        #expect(r.status == 1)
        #expect(r.err == "pathfinder: sync needs git, which is not installed; everything else works\n", "\(r.err)")
        #expect(try m.run(["list", "areas"], m.a, extra: noGit).status == 0)
        #expect(try m.run(["check"], m.a, extra: noGit).status == 0)
    }

    @Test func setupRegistersTheDriverAndInitCanMakeARepository() throws {
        let m = try TwoMachines()
        let attributes = try m.read(m.a, ".gitattributes")
        #expect(attributes.contains("*.md merge=pathfinder") && attributes.contains("pathfinder.yaml merge=pathfinder"))
        #expect(try m.read(m.a, ".gitignore").contains(".pathfinder/"))
        let driver = try m.git(["config", "--get", "merge.pathfinder.driver"], in: m.b)
        #expect(driver.contains(Fixtures.binary.lastPathComponent + "' merge-driver %O %A %B %P"), "\(driver)")
        // A moved program is repaired by the next sync.
        try m.git(["config", "merge.pathfinder.driver", "/gone/pathfinder merge-driver %O %A %B %P"], in: m.b)
        m.expectOK(try m.sync(m.b))
        #expect(!(try m.git(["config", "--get", "merge.pathfinder.driver"], in: m.b)).contains("/gone/"))

        // A laptop with no store yet is given the shared one (not the sample joined to it).
        var env = m.environment
        env["XDG_DATA_HOME"] = m.root.appendingPathComponent("xdg").path
        env["PATHFINDER_STORE"] = ""
        let joined = try Fixtures.run(["sync", "--setup", m.remote.path], environment: env)
        #expect(joined.status == 0 && !joined.out.contains("conflict"), "\(joined.out)\(joined.err)")
        #expect(FileManager.default.fileExists(atPath: m.root.appendingPathComponent("xdg/pathfinder/store/.git").path))
        #expect(!joined.err.contains("sample store"))

        let fresh = m.root.appendingPathComponent("new-store")
        let made = try Fixtures.run(["init", fresh.path, "--git"], environment: m.environment)
        #expect(made.status == 0, "\(made.err)")
        #expect(try m.git(["log", "--oneline"], in: fresh).split(separator: "\n").count == 1)
        #expect(try m.git(["status", "--porcelain"], in: fresh).isEmpty)
    }
}
