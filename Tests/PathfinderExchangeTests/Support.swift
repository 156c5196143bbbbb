import Foundation
import PathfinderModel
import PathfinderStore

/// The committed spreadsheets (Fixtures/README.md says how each was made).
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }
}

/// The repository's sample store, read only.
enum Sample {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-areas").resolvingSymlinksInPath()

    static func partnership() throws -> Partnership { try PlainFileStore(root: root).load().partnership }

    /// A copy of the sample store to write to, removed by the caller.
    static func copy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathfinder-exchange-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: root, to: folder)
        return folder
    }
}

let importDay = Day(iso: "2006-12-15")!
