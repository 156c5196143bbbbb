import Foundation
import Testing
@testable import PathfinderCLI

/// The per-user store a first run makes from the sample: the files, not one machine's state.
@Suite struct StoreLocationTests {
    @Test func theCopyLeavesTheSamplesMachineStateBehind() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("pf-location-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let sample = root.appendingPathComponent("sample")
        try FileManager.default.createDirectory(at: sample.appendingPathComponent(".pathfinder"), withIntermediateDirectories: true)
        try "title: Sample\nformat: 1\n".write(to: sample.appendingPathComponent("pathfinder.yaml"), atomically: true, encoding: .utf8)
        // What running the program on the sample in place leaves there.
        try "cache".write(to: sample.appendingPathComponent(".pathfinder/summary-cache"), atomically: true, encoding: .utf8)
        try "pid=1\n".write(to: sample.appendingPathComponent(".pathfinder/session.lock"), atomically: true, encoding: .utf8)

        let data = root.appendingPathComponent("data")
        let made = try StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": data.path], sample: { sample })
        #expect(made.createdFromSample)
        #expect(made.path.path == data.appendingPathComponent("pathfinder/store").path)
        #expect(FileManager.default.fileExists(atPath: made.path.appendingPathComponent("pathfinder.yaml").path))
        #expect(!FileManager.default.fileExists(atPath: made.path.appendingPathComponent(".pathfinder").path))

        let again = try StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": data.path], sample: { sample })
        #expect(!again.createdFromSample)
        #expect(again.path.standardizedFileURL.path == made.path.standardizedFileURL.path)
    }
}
