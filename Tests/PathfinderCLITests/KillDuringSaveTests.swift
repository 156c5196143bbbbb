import Foundation
import Testing

/// Kill -9 at any moment leaves every file whole, and every save the program reported is there.
/// A writer (`pathfinder note ID TEXT --repeat N`: one save per note, each reported on stdout
/// only after its save returned) is killed with SIGKILL at random moments, many times; then the
/// store must check clean and hold every reported note.
@Suite(.serialized) struct KillDuringSaveTests {
    @Test func killingAWriterAtRandomMomentsLosesNoReportedSaveAndBreaksNoFile() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let path = s.store.appendingPathComponent("areas/portsmouth/actions/PO-01.md")
        var generator = SystemRandomNumberGenerator()
        var acknowledged: [String] = []
        var killedMidway = 0
        for round in 1...40 {
            let process = Process()
            process.executableURL = Fixtures.binary
            process.arguments = ["note", "PO-01", "Kill round \(round)", "--repeat", "40", "--store", s.store.path, "--as-user", "Writer",
                                 "--as-of", "2006-12-15"]
            var env = ProcessInfo.processInfo.environment
            env["XDG_CONFIG_HOME"] = s.home.path
            process.environment = env
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            var early = Data()
            if round.isMultiple(of: 2) {
                // Loading takes tens of milliseconds and each save a few: kill anywhere from the
                // load to the middle of the run of saves.
                usleep(UInt32.random(in: 20_000...400_000, using: &generator))
            } else {
                // Every other round waits for the first reported save and kills during the
                // saves that follow, so a loaded machine (a slow load) still tests saves.
                while !early.contains(UInt8(ascii: "\n")) {
                    let chunk = out.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    early.append(chunk)
                }
                usleep(UInt32.random(in: 0...15_000, using: &generator))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let printed = String(decoding: early + out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let saved = printed.split(separator: "\n").compactMap { line in line.split(separator: "#").last.map { "Kill round \(round) #\($0)" } }
            if process.terminationReason == .uncaughtSignal { killedMidway += 1 }
            acknowledged += saved

            // After every kill the file reads whole and holds everything reported so far.
            let text = try String(contentsOf: path, encoding: .utf8)
            let lines = Set(text.split(separator: "\n").map(String.init))
            for note in acknowledged {
                #expect(lines.contains(note), "round \(round): reported note “\(note)” is missing")
            }
        }
        print("kill -9 test: \(killedMidway) of 40 writers killed, \(acknowledged.count) reported saves, all present")
        #expect(killedMidway >= 20, "the writer finished before most kills (\(killedMidway) of 40 killed): the test did not test much")
        #expect(acknowledged.count >= 20, "only \(acknowledged.count) saves were reported")

        let check = try Fixtures.run(["check", "--store", s.store.path])
        #expect(check.status == 0, "\(check.out)\n\(check.err)")
        #expect(!check.out.contains(": error:"))
        // The notes are in the file in the order they were saved, none twice.
        let text = try String(contentsOf: path, encoding: .utf8)
        let notes = text.split(separator: "\n").filter { $0.hasPrefix("Kill round ") }.map(String.init)
        #expect(Set(notes).count == notes.count)
        var rest = notes[...]
        for note in acknowledged {
            guard let at = rest.firstIndex(of: note) else {
                Issue.record("“\(note)” is missing or out of order")
                break
            }
            rest = rest[(at + 1)...]
        }
        // Every other file is untouched: the store still shows every sample action.
        let list = try Fixtures.run(["list", "actions", "--store", s.store.path, "--json"])
        let actions = JSONList.actions(list.out)
        #expect((actions?.count ?? 0) >= 50)
    }
}
