import Foundation
import Testing
@testable import PathfinderStore

/// A message never repeats a huge value in full: a value from a file is shown by its start and
/// its length (`Quote`), so every problem stays one readable line that still names the field.
@Suite struct LongValueMessageTests {
    static let long = String(repeating: "x", count: 5_000)

    @Test func aFiveThousandCharacterStatusGivesAShortLineNamingTheField() throws {
        let path = "areas/portsmouth/actions/PO-02.md"
        let text = "---\nid: PO-02\ntitle: Second\ntheme: procurement-practice\nlead: Jo\nstatus: \(Self.long)\nrag: green\n---\nText.\n"
        let outcome = try HostileFileTests.load([path: text])
        for problems in [outcome.problems, outcome.summaryErrors.isEmpty ? outcome.problems : outcome.summaryErrors] {
            let line = try #require(problems.first { $0.hasPrefix(path + ":6:") })
            #expect(line.count < 300, "\(line.count) characters")
            #expect(line.contains("status"))
            #expect(line.contains("\"" + String(repeating: "x", count: 40) + "…"))
            #expect(line.contains("5,000 characters"))
        }
    }

    /// Each field of each kind of file, set to 5,000 characters (and long unknown names, and
    /// long list items), gives only lines under 300 characters, in `load` and in `check`.
    @Test func everyFieldOfEveryFileGivesShortLines() throws {
        let long = Self.long
        let fields = ["id", "title", "theme", "lead", "lead-body", "status", "rag", "start", "due", "reviewed", "updated",
                      "updated-by", "source", "name", "code", "date", "place", "area", "format", "as-of", "value",
                      "amount", "notice-months", "term-years", "full-cost-recovery", "attendees", "organisation"]
        var fragments = fields.map { "\($0)-x: \(long)" } + fields.map { "\($0): \(long)" }
        fragments += ["case-studies: [\(long)]", "success-factors: [\(long), \(long)]", "partners: [\(long)]", "themes: [\(long)]",
                      "milestones:\n  - title: \(long)\n    due: \(long)\n    done: \(long)",
                      "statuses:\n  - id: \(long)\n    label: \(long)",
                      "\(String(repeating: "k", count: 60)): 1", "\(String(repeating: "k", count: 1_000)): 1",
                      "stauts: \(long)"]
        for kind in HostileFileTests.kinds {
            for fragment in fragments {
                let (path, text, _) = HostileFileTests.file(kind, fragment: fragment)
                let outcome = try HostileFileTests.load([path: text])
                for line in outcome.problems + outcome.summaryErrors {
                    #expect(line.count < 300, "\(kind), \(fragment.prefix(30)): \(line.prefix(200))… (\(line.count) characters)")
                }
            }
        }
    }
}
