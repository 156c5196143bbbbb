import Foundation
import Testing

/// `pathfinder report` and `pathfinder minutes` as scripts call them: the built binary, no terminal.
@Suite(.serialized) struct ReportCommandTests {
    let sample = Fixtures.sampleStore.path

    func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pf-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func outputRefusesToReplaceAFileUnlessForced() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("highlight.html").path

        let first = try Fixtures.run(["report", "--store", sample, "--format", "html", "--output", path])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.isEmpty, "the report went to the file, not stdout")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>"))

        try "keep me".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try Fixtures.run(["report", "funding", "--store", sample, "--output", path])
        #expect(refused.status == 1)
        #expect(refused.err.contains("already exists") && refused.err.contains("--force"), "\(refused.err)")
        #expect(refused.err.split(separator: "\n").count == 1, "one line: \(refused.err)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")

        let forced = try Fixtures.run(["report", "funding", "--store", sample, "--format", "markdown", "--output", path, "--force"])
        #expect(forced.status == 0, "\(forced.err)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# Funding register"))
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["highlight.html"])
    }

    /// The question of an existing --output file comes before any work: a store that is not
    /// there at all is not even looked for (a national export used to load for seconds first).
    @Test func anExistingOutputIsRefusedBeforeTheStoreIsRead() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("plan.ics").path
        try "keep me".write(toFile: path, atomically: true, encoding: .utf8)
        let missing = folder.appendingPathComponent("no-store").path
        for arguments in [["export", "ics"], ["export", "xlsx"], ["report"], ["minutes", "portsmouth/2006-11-28"]] {
            let r = try Fixtures.run(arguments + ["--store", missing, "--output", path])
            #expect(r.status == 1)
            #expect(r.err.contains("already exists") && r.err.contains("--force") && !r.err.contains("no-store"), "\(arguments): \(r.err)")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
    }

    @Test func jsonFormatParses() throws {
        let r = try Fixtures.run(["report", "highlight", "--store", sample, "--area", "portsmouth", "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(json["area"] as? String == "portsmouth")
        // The store's pinned date by default.
        #expect(json["as-of"] as? String == "2006-12-15")
        let since = try #require(json["since"] as? [[String: Any]])
        #expect(since.first?["since"] as? String == "2006-11-28", "the area's last meeting")

        let later = try Fixtures.run(["report", "--store", sample, "--format", "json", "--as-of", "2007-06-01", "--since", "2006-12-01"])
        let laterJSON = try #require(try JSONSerialization.jsonObject(with: Data(later.out.utf8)) as? [String: Any])
        #expect(laterJSON["as-of"] as? String == "2007-06-01")
        for kind in ["factors", "funding"] {
            let k = try Fixtures.run(["report", kind, "--store", sample, "--format", "json"])
            #expect(k.status == 0, "\(k.err)")
            #expect((try JSONSerialization.jsonObject(with: Data(k.out.utf8)) as? [String: Any])?["report"] as? String == kind)
        }
    }

    @Test func badInputIsOneClearLine() throws {
        let area = try Fixtures.run(["report", "--store", sample, "--area", "atlantis"])
        #expect(area.status != 0)
        #expect(area.err.contains("no area “atlantis”") && area.err.contains("portsmouth"), "\(area.err)")
        let since = try Fixtures.run(["report", "factors", "--store", sample, "--since", "2006-11-01"])
        #expect(since.status != 0)
        #expect(since.err.contains("highlight report only"), "\(since.err)")
        let format = try Fixtures.run(["minutes", "2006-11-28", "--store", sample, "--format", "csv"])
        #expect(format.status != 0)
    }

    @Test func minutesFindAMeetingByIdFileNameOrPrefix() throws {
        for name in ["portsmouth/2006-11-28-steering-group", "2006-11-28-steering-group", "2006-11-28", "portsmouth/2006",
                     "areas/portsmouth/meetings/2006-11-28-steering-group.md"] {
            let r = try Fixtures.run(["minutes", name, "--store", sample])
            #expect(r.status == 0, "\(name): \(r.err)")
            #expect(r.out.hasPrefix("# Minutes: Pathfinder steering group"), "\(name)")
            #expect(r.out.contains("| PO-04 | Status | In progress | Blocked |"))
        }
        let html = try Fixtures.run(["minutes", "2006-11-28", "--store", sample, "--format", "html"])
        #expect(html.out.contains("<h1>Minutes: Pathfinder steering group</h1>"))
    }

    @Test func anUnknownMeetingIsNamedAndTheMeetingsListed() throws {
        let r = try Fixtures.run(["minutes", "1999-01-01", "--store", sample])
        #expect(r.status == 1)
        #expect(r.err == "pathfinder: no meeting “1999-01-01”; the meetings are: portsmouth/2006-11-28-steering-group\n", "\(r.err)")
    }

    @Test func anAmbiguousMeetingListsWhatMatches() throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let meetings = scratch.store.appendingPathComponent("areas/portsmouth/meetings")
        let text = try String(contentsOf: meetings.appendingPathComponent("2006-11-28-steering-group.md"), encoding: .utf8)
        try text.replacingOccurrences(of: "date: 2006-11-28", with: "date: 2006-11-30")
            .write(to: meetings.appendingPathComponent("2006-11-30-forum.md"), atomically: true, encoding: .utf8)
        let r = try Fixtures.run(["minutes", "2006-11", "--store", scratch.store.path])
        #expect(r.status == 1)
        #expect(r.err.contains("matches 2 meetings: portsmouth/2006-11-28-steering-group, portsmouth/2006-11-30-forum"), "\(r.err)")
    }
}
