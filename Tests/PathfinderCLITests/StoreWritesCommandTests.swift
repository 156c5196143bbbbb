import Foundation
import Testing

/// The commands people run against a store holding links and crash debris: writes refuse with
/// one line naming the link and change nothing outside the store; reading still works; `check`
/// reports the links and clears what crashed saves left.
@Suite(.serialized) struct StoreWritesCommandTests {
    func run(_ arguments: [String], _ scratch: (root: URL, store: URL, home: URL)) throws -> (status: Int32, out: String, err: String) {
        try Fixtures.run(arguments + ["--store", scratch.store.path, "--as-of", "2006-12-15"],
                         environment: ["XDG_CONFIG_HOME": scratch.home.path, "HOME": scratch.home.path, "USER": "tester"])
    }

    /// Moves a store folder out (into the scratch folder, beside the store) and leaves a link.
    func link(_ place: String, _ scratch: (root: URL, store: URL, home: URL)) throws -> URL {
        let outside = scratch.root.appendingPathComponent("outside-" + place.replacingOccurrences(of: "/", with: "-"))
        let real = scratch.store.appendingPathComponent(place)
        if FileManager.default.fileExists(atPath: real.path) {
            try FileManager.default.moveItem(at: real, to: outside)
        } else {
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(at: real, withDestinationURL: outside)
        return outside
    }

    func contents(_ folder: URL) -> [String] {
        (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func writesThroughALinkRefuseWithOneLineAndChangeNothingOutside() throws {
        let cases: [(place: String, command: [String])] = [
            ("trash", ["delete", "PO-09", "--yes"]),
            (".pathfinder", ["note", "PO-03", "A note"]),
            ("areas/portsmouth", ["new-action", "--area", "portsmouth", "--title", "Map services", "theme=developing-market-intelligence"]),
            ("areas/portsmouth/actions", ["note", "PO-03", "A note"]),
            ("areas/dorset/actions", ["move", "PO-07", "--to", "dorset"]),
        ]
        for (place, command) in cases {
            let s = try Fixtures.scratch()
            defer { try? FileManager.default.removeItem(at: s.root) }
            let outside = try link(place, s)
            let before = contents(outside)
            let r = try run(command, s)
            #expect(r.status != 0, "\(command) with \(place) linked")
            let lines = r.err.split(separator: "\n")
            #expect(lines.contains { $0.contains("\(place) is a symbolic link to ") && $0.contains("never writes through links") },
                    "\(command): \(r.err)")
            #expect(contents(outside) == before, "\(command) changed what \(place) points to")
        }
    }

    @Test func aLinkedPathfinderFolderStillListsShowsAndChecks() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let outside = try link(".pathfinder", s)
        let before = contents(outside).map { ($0, try? Data(contentsOf: outside.appendingPathComponent($0))) }
        for command in [["list", "actions"], ["list", "areas"], ["show", "PO-03"]] {
            let r = try run(command, s)
            #expect(r.status == 0, "\(command): \(r.err)")
        }
        let check = try run(["check"], s)
        #expect(check.status == 1)
        #expect(check.out.contains(".pathfinder:1: error: .pathfinder is a symbolic link to \(outside.path)"))
        let after = contents(outside).map { ($0, try? Data(contentsOf: outside.appendingPathComponent($0))) }
        #expect(after.elementsEqual(before) { $0.0 == $1.0 && $0.1 == $1.1 }, "no lock, cache or conflicts file went through the link")
    }

    @Test func checkClearsATemporaryFileAKilledSaveLeft() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let name = "areas/portsmouth/actions/.PO-03.md.\(finished.processIdentifier).4269804578.tmp"
        let file = s.store.appendingPathComponent(name)
        try Data("half a fi".utf8).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-300)], ofItemAtPath: file.path)
        let r = try run(["check"], s)
        #expect(r.status == 0, "\(r.out)")
        #expect(r.out.contains("\(name):1: warning: a temporary file left by an interrupted save"))
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }
}

/// `pathfinder move` killed (SIGKILL) at each of its steps in turn: the next command finds the
/// store as before the move or as after it, never both copies, and moving again makes one copy.
@Suite(.serialized) struct KilledMoveTests {
    func actionFiles(_ store: URL) -> Set<String> {
        let all = FileManager.default.enumerator(atPath: store.appendingPathComponent("areas").path)?.allObjects as? [String] ?? []
        return Set(all.filter { $0.contains("/actions/") && $0.hasSuffix(".md") && !($0 as NSString).lastPathComponent.hasPrefix(".") })
    }

    @Test func aMoveKilledAtAnyStepIsUndoneOrFinishedByTheNextCommand() throws {
        var step = 1
        while step < 40 {
            let s = try Fixtures.scratch()
            defer { try? FileManager.default.removeItem(at: s.root) }
            let env = ["XDG_CONFIG_HOME": s.home.path, "HOME": s.home.path, "USER": "tester"]
            let before = actionFiles(s.store)
            let meeting = s.store.appendingPathComponent("areas/portsmouth/meetings/2006-11-28-steering-group.md")
            let meetingBefore = try Data(contentsOf: meeting)
            let killed = try Fixtures.run(["move", "PO-05", "--to", "dorset", "--store", s.store.path],
                                          environment: env.merging(["PATHFINDER_STORE_KILL_AT": "\(step)"]) { $1 })
            if killed.status == 0 { break }
            let check = try Fixtures.run(["check", "--store", s.store.path], environment: env)
            #expect(check.status == 0, "killed at step \(step): \(check.out)")
            let after = actionFiles(s.store)
            let meetingAfter = try Data(contentsOf: meeting)
            if after == before {
                #expect(meetingAfter == meetingBefore, "killed at step \(step): the meeting was changed but the move undone")
            } else {
                #expect(after.subtracting(before).count == 1 && before.subtracting(after) == ["portsmouth/actions/PO-05.md"],
                        "killed at step \(step): \(after.symmetricDifference(before))")
                #expect(!String(decoding: meetingAfter, as: UTF8.self).contains("PO-05"))
            }
            if after == before {
                let again = try Fixtures.run(["move", "PO-05", "--to", "dorset", "--store", s.store.path], environment: env)
                #expect(again.status == 0, "\(again.err)")
                #expect(actionFiles(s.store).subtracting(before).count == 1)
                #expect(!actionFiles(s.store).contains("portsmouth/actions/PO-05.md"))
            }
            step += 1
        }
        #expect(step > 3 && step < 40)
    }
}
