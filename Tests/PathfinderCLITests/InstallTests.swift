import Foundation
import PathfinderTUI
import Testing
@testable import PathfinderCLI

/// Pathfinder installed like any other tool (issue 17): the program finds its files wherever it
/// is put, says its version, and completes ids from the store. `make smoke` and `.ci/run` try
/// the installed release binary; these tests hold the pieces to account on every `swift test`.
@Suite struct InstallTests {
    let fm = FileManager.default

    func scratch() throws -> URL {
        let root = fm.temporaryDirectory.appendingPathComponent("pf-install-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    /// A data folder as `make install` lays it out: the sample store and the themes.
    func installData(at folder: URL, title: String) throws {
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        try fm.copyItem(at: Fixtures.sampleStore, to: folder.appendingPathComponent("sample-areas"))
        try fm.copyItem(at: Fixtures.repository.appendingPathComponent("themes").resolvingSymlinksInPath(),
                        to: folder.appendingPathComponent("themes"))
        let manifest = folder.appendingPathComponent("sample-areas/pathfinder.yaml")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        try text.replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: \(title)", options: .regularExpression)
            .write(to: manifest, atomically: true, encoding: .utf8)
    }

    @Test func theDataIsLookedForBesideTheBinaryThenInTheUsualPlaces() {
        let binary = URL(fileURLWithPath: "/opt/tools/bin/pathfinder")
        let places = ProgramData.candidates(environment: [:], executable: binary).map(\.path)
        #expect(places == ["/opt/tools/share/pathfinder", "/opt/tools/bin/Pathfinder_PathfinderCLI.resources",
                           "/usr/local/share/pathfinder", "/usr/share/pathfinder"])
        // A folder named on purpose is the only place looked.
        let named = ProgramData.candidates(environment: ["PATHFINDER_DATA": "/srv/pf"], executable: binary).map(\.path)
        #expect(named == ["/srv/pf"])
    }

    @Test func theFirstPlaceHoldingASampleStoreIsUsedAndNoneIsExplained() throws {
        let root = try scratch()
        defer { try? fm.removeItem(at: root) }
        let binary = root.appendingPathComponent("prefix/bin/pathfinder")
        try fm.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        // A share/pathfinder without a sample store does not count.
        try fm.createDirectory(at: root.appendingPathComponent("prefix/share/pathfinder/themes"), withIntermediateDirectories: true)
        let bundle = binary.deletingLastPathComponent().appendingPathComponent(ProgramData.resourceBundleName)
        try installData(at: bundle, title: "From the bundle")
        let found = try ProgramData.find(environment: [:], executable: binary).get()
        #expect(found.folder.path == bundle.path)
        #expect(found.themes.path == bundle.appendingPathComponent("themes").path)

        let missing = root.appendingPathComponent("nowhere").path
        guard case .failure(let notFound) = ProgramData.find(environment: ["PATHFINDER_DATA": missing], executable: binary) else {
            Issue.record("PATHFINDER_DATA naming an empty place was not refused")
            return
        }
        #expect(notFound.description.contains("PATHFINDER_DATA is \(missing)"))
        let theme = ThemeCatalogue.load(shipped: .failure(notFound), userFolder: root.appendingPathComponent("config"))
        #expect(theme.themes.map(\.name) == ["default"])
        #expect(theme.problems.count == 1 && theme.problems[0].hasSuffix("only the built-in default theme is available"))
    }

    /// The built binary copied into PREFIX/bin with its data in PREFIX/share/pathfinder, run
    /// from another folder by a new user with nothing but /usr/bin and /bin on PATH.
    @Test func anInstalledBinaryMakesANewUsersStoreFromTheDataBesideIt() throws {
        let root = try scratch()
        defer { try? fm.removeItem(at: root) }
        let binary = root.appendingPathComponent("prefix/bin/pathfinder")
        try fm.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.copyItem(at: Fixtures.binary, to: binary)
        try installData(at: root.appendingPathComponent("prefix/share/pathfinder"), title: "Installed beside the binary")
        let home = root.appendingPathComponent("home"), elsewhere = root.appendingPathComponent("elsewhere")
        for folder in [home, elsewhere] { try fm.createDirectory(at: folder, withIntermediateDirectories: true) }
        let user = ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]

        let list = try Fixtures.run(["list", "areas"], environment: user, executable: binary, inherit: false, in: elsewhere)
        #expect(list.status == 0, "\(list.err)")
        #expect(list.out.contains("Portsmouth"))
        let store = home.appendingPathComponent(".local/share/pathfinder/store")
        #expect(list.err.contains("made your own copy of the sample store in \(store.path)"))
        let manifest = try String(contentsOf: store.appendingPathComponent("pathfinder.yaml"), encoding: .utf8)
        #expect(manifest.contains("title: Installed beside the binary"))

        var nowhere = user
        nowhere["HOME"] = root.appendingPathComponent("another-home").path
        nowhere["PATHFINDER_DATA"] = root.appendingPathComponent("nowhere").path
        let refused = try Fixtures.run(["list", "areas"], environment: nowhere, executable: binary, inherit: false, in: elsewhere)
        #expect(refused.status == 1)
        #expect(refused.err.hasPrefix("pathfinder: no store given, and your own copy of the sample store cannot be made: PATHFINDER_DATA is"))
        #expect(refused.err.split(separator: "\n").count == 1)
    }

    /// An installed sample is root's and read-only; a new user's copy must be theirs to change
    /// (FileManager's copy kept the modes, and failed outright for anyone but root).
    @Test func theUsersCopyOfAReadOnlySampleIsWritable() throws {
        let root = try scratch()
        defer {
            _ = try? fm.subpathsOfDirectory(atPath: root.path).map { chmod(root.appendingPathComponent($0).path, 0o755) }
            try? fm.removeItem(at: root)
        }
        let sample = root.appendingPathComponent("share/sample-areas")
        try installData(at: root.appendingPathComponent("share"), title: "Read-only")
        for path in try fm.subpathsOfDirectory(atPath: sample.path).map({ sample.appendingPathComponent($0).path }) + [sample.path] {
            var isFolder: ObjCBool = false
            _ = fm.fileExists(atPath: path, isDirectory: &isFolder)
            chmod(path, isFolder.boolValue ? 0o555 : 0o444)
        }
        let made = try StoreLocation.resolve(option: nil, environment: ["HOME": root.appendingPathComponent("home").path], sample: { sample })
        #expect(made.createdFromSample)
        let action = made.path.appendingPathComponent("areas/portsmouth/actions/PO-03.md").path
        let mode = try #require(try fm.attributesOfItem(atPath: action)[.posixPermissions] as? Int)
        #expect(mode & 0o200 != 0, "the copied action is not writable by its owner (mode \(String(mode, radix: 8)))")
        let folder = try #require(try fm.attributesOfItem(atPath: made.path.appendingPathComponent("areas/portsmouth/actions").path)[.posixPermissions] as? Int)
        #expect(folder & 0o200 != 0)
        #expect(try String(contentsOfFile: action, encoding: .utf8) == String(contentsOf: sample.appendingPathComponent("areas/portsmouth/actions/PO-03.md"), encoding: .utf8))
    }

    @Test func versionIsPrintedOnStandardOutputAndTheChangelogLeadsWithIt() throws {
        let r = try Fixtures.run(["--version"])
        #expect(r.status == 0)
        #expect(r.out == ProgramVersion.number + "\n")
        #expect(r.err.isEmpty)
        let changelog = try String(contentsOf: Fixtures.repository.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        // Work not yet released is gathered under "## Unreleased", above the newest release.
        let newest = changelog.split(separator: "\n").first { $0.hasPrefix("## ") && $0 != "## Unreleased" }
        #expect(newest?.hasPrefix("## \(ProgramVersion.number) — ") == true, "CHANGELOG's newest release is \(newest ?? "none")")
        let readme = try String(contentsOf: Fixtures.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("pathfinder_\(ProgramVersion.number)_amd64.deb"), "README's install section names another version's package")
    }

    /// The man page's hand-written keys carry the `bind` line each describes; every one must
    /// still be a default binding, so the page never teaches a key that does something else.
    @Test func theManPagesKeysAreTheDefaultKeyMap() throws {
        let page = try String(contentsOf: Fixtures.repository.appendingPathComponent("docs/pathfinder-man-extra.mdoc"), encoding: .utf8)
        let claims = page.split(separator: "\n").filter { $0.hasPrefix(#".\" bind "#) }.map { String($0.dropFirst(4)) }
        #expect(claims.count >= 20)
        let defaults = Set(KeyMap.defaultText.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let stale = claims.filter { !defaults.contains($0) }
        #expect(stale.isEmpty, "the man page says these, which are not default bindings: \(stale)")
    }

    @Test func completionReadsIdsFromFolderNamesOfTheStoreTheLineNames() throws {
        let names = StoreNames.names(in: Fixtures.sampleStore)
        #expect(names.areas == ["cumbria", "dorset", "nottingham", "portsmouth", "tower-hamlets"])
        #expect(names.actions.contains("PO-03") && names.actions.contains("CU-01"))
        #expect(names.actions == names.actions.sorted())
        #expect(names.caseStudies.contains("dorset-3d-procurement"))
        let root = try scratch()
        defer { try? fm.removeItem(at: root) }
        for file in ["areas/east/actions/EA-01.md", "areas/east/area.md", "organisations/east-cvs.md", "organisations/notes.txt", "areas/.hidden/area.md"] {
            let url = root.appendingPathComponent(file)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "---\n---\n".write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(StoreNames.names(in: root) == StoreNames.Names(areas: ["east"], actions: ["EA-01"], caseStudies: [], organisations: ["east-cvs"]))
        #expect(StoreNames.names(in: URL(fileURLWithPath: "/nonexistent")) == StoreNames.Names())

        let env = ["HOME": "/home/ann", "PATHFINDER_STORE": "/srv/plan"]
        #expect(StoreNames.store(words: ["pathfinder", "show", "--store", "'/tmp/my store'", "PO"], environment: env)?.path == "/tmp/my store")
        #expect(StoreNames.store(words: ["pathfinder", "--store=~/plan", "show"], environment: env)?.path == "/home/ann/plan")
        #expect(StoreNames.store(words: ["pathfinder", "show"], environment: env)?.path == "/srv/plan")
        #expect(StoreNames.store(words: ["pathfinder", "show"], environment: ["HOME": "/home/ann"])?.path
                == "/home/ann/.local/share/pathfinder/store")
    }

    /// What the generated bash script runs at Tab, through the real binary and argument parser.
    @Test func theProgramAnswersTheShellsCompletionRequests() throws {
        let store = Fixtures.sampleStore.path
        let area = try Fixtures.run(["---completion", "list", "--", "--area", "4", "4",
                                     "pathfinder", "list", "actions", "--area", "tower", "--store", store])
        #expect(area.status == 0, "\(area.err)")
        #expect(area.out.split(separator: "\n") == ["tower-hamlets"])
        let action = try Fixtures.run(["---completion", "show", "--", "positional@0", "4", "4",
                                       "pathfinder", "--store", store, "show", "DO-0"])
        #expect(action.out.split(separator: "\n").count == 9)
        #expect(action.out.split(separator: "\n").allSatisfy { $0.hasPrefix("DO-0") })
    }
}
