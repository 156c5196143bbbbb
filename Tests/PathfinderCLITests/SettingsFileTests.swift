import Foundation
import Testing
@testable import PathfinderCLI
import PathfinderStore

/// The user's own files (themes, the key map, the settings) are read as the store's are: a
/// named pipe or a huge file in their place does not hang the start; it is named in one line
/// and the built-in theme, the usual keys or no settings are used instead.
@Suite struct SettingsFileTests {
    /// A settings folder (as `~/.config/pathfinder`) holding a good theme, a pipe and a huge file.
    func settings() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pf-settings-\(UUID().uuidString)")
        let themes = root.appendingPathComponent("pathfinder/themes")
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "name = mine\n".write(to: themes.appendingPathComponent("mine.theme"), atomically: true, encoding: .utf8)
        #expect(mkfifo(themes.appendingPathComponent("pipe.theme").path, 0o644) == 0)
        try Data(repeating: UInt8(ascii: "#"), count: SmallFile.themeLimit + 1).write(to: themes.appendingPathComponent("huge.theme"))
        return root
    }

    @Test func aThemeThatIsAPipeOrHugeIsAWarningAndLeftOut() throws {
        let root = try settings()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("pathfinder")
        let catalogue = ThemeCatalogue.load(shipped: .success(root.appendingPathComponent("no-shipped-themes")), userFolder: folder)
        #expect(catalogue.themes.map(\.name).sorted() == ["default", "mine"])
        let pipe = catalogue.problems.filter { $0.contains("pipe.theme") }
        let huge = catalogue.problems.filter { $0.contains("huge.theme") }
        #expect(pipe.count == 1 && pipe[0].contains("not a plain file") && pipe[0].hasSuffix("the theme is not used"))
        #expect(huge.count == 1 && huge[0].contains("larger than 256 KB"))
        #expect(catalogue.problems.allSatisfy { !$0.contains("\n") && $0.count < 300 })
    }

    @Test func aKeyMapOrSettingsFileThatIsAPipeOrHugeIsNamedAndNotUsed() throws {
        for kind in ["pipe", "huge"] {
            let root = try settings()
            defer { try? FileManager.default.removeItem(at: root) }
            let folder = root.appendingPathComponent("pathfinder")
            for name in ["keys", "config"] {
                let path = folder.appendingPathComponent(name).path
                if kind == "pipe" {
                    #expect(mkfifo(path, 0o644) == 0)
                } else {
                    try Data(repeating: UInt8(ascii: "#"), count: SmallFile.settingsLimit + 1).write(to: URL(fileURLWithPath: path))
                }
            }
            let why = kind == "pipe" ? "not a plain file" : "larger than 64 KB"
            let keys = KeyBindings.load(userFolder: folder)
            #expect(keys.problems.count == 1)
            #expect(keys.problems.first.map { $0.contains(folder.appendingPathComponent("keys").path) && $0.contains(why) } == true)

            var config = UserConfig.load(environment: ["XDG_CONFIG_HOME": root.path])
            #expect(config["theme"] == nil)
            #expect(config.problem.map { $0.contains(folder.appendingPathComponent("config").path) && $0.contains(why) && !$0.contains("\n") } == true)
            // What the user put there is not written over when a theme is chosen.
            config.set("theme", "mine")
            #expect(throws: CLIError.self) { try config.save() }
        }
    }
}

/// `pathfinder check` on a file whose status is 5,000 characters long: one short line that
/// names the field and shows the value's start and length.
@Suite struct LongValueCheckTests {
    @Test func aHugeStatusIsShownByItsStartAndLength() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let file = scratch.store.appendingPathComponent("areas/cumbria/actions/CU-01.md")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "status: in-progress", with: "status: " + String(repeating: "q", count: 5_000))
        let date = "due: " + String(repeating: "9", count: 5_000)
        text = text.replacingOccurrences(of: "due: 2007-03-31", with: date)
        try text.write(to: file, atomically: true, encoding: .utf8)
        let run = try Fixtures.run(["--store", scratch.store.path, "check"], environment: ["HOME": scratch.home.path])
        let lines = (run.out + run.err).split(separator: "\n")
        let status = try #require(lines.first { $0.hasPrefix("areas/cumbria/actions/CU-01.md:11:") })
        #expect(status.count < 300)
        #expect(status.contains("status") && status.contains(String(repeating: "q", count: 40) + "…") && status.contains("5,000 characters"))
        let due = try #require(lines.first { $0.hasPrefix("areas/cumbria/actions/CU-01.md:14:") })
        #expect(due.count < 300)
        #expect(due.contains("\"due\"") && due.contains(String(repeating: "9", count: 40) + "…") && due.contains("5,000 characters"))
        #expect(lines.allSatisfy { $0.count < 300 })
    }
}
