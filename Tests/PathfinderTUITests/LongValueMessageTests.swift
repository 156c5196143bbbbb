import Testing
@testable import PathfinderTUI
import PathfinderModel

/// Messages on the screens, and the problems a theme or key file gives, show a long value by
/// its start and its length, never in full.
@Suite struct LongValueScreenMessageTests {
    static let long = String(repeating: "w", count: 5_000)

    func state() -> AppState {
        AppState(partnership: Fixture.partnership, asOf: Fixture.asOf, storeLabel: "t", width: 80, height: 24,
                 today: EditingTests.today)
    }

    /// The huge word is echoed shortened: what is left of the message besides the list of
    /// commands (as long as the table, whatever was typed) stays short.
    func isShort(_ text: String) -> Bool {
        // The lists a message offers (commands, key contexts) grow with the program; the huge
        // word is what must be cut.
        text.replacingOccurrences(of: TypedCommand.summary, with: "")
            .replacingOccurrences(of: KeyContext.allCases.map(\.rawValue).joined(separator: ", "), with: "").count < 300
            && text.contains(String(repeating: "w", count: 40) + "…") && text.contains("5,000 characters")
    }

    @Test func aCommandLineWithAHugeWordGivesAShortMessage() {
        for line in ["plan " + Self.long, "case " + Self.long, Self.long] {
            var s = state()
            _ = s.runCommandLine(line)
            let message = s.message?.text ?? ""
            #expect(isShort(message), "\(message.prefix(120))")
        }
    }

    @Test func aHugeTitleIsShortenedInTheQuestionButARealOneIsWhole() throws {
        var partnership = Fixture.partnership
        let i = try #require(partnership.actions.firstIndex { $0.id == "PO-01" })
        let real = partnership.actions[i].title
        for (title, whole) in [(Self.long, false), (real, true)] {
            partnership.actions[i].title = title
            var s = AppState(partnership: partnership, asOf: Fixture.asOf, storeLabel: "t", width: 80, height: 24,
                             pages: [.areas(AreasPage()), .action("PO-01")], today: EditingTests.today)
            s.edits.userName = "Zoë Ahmed"
            _ = s.performEdit(.deleteAction)
            guard case let .confirm(question) = s.overlay else {
                Issue.record("no question asked")
                continue
            }
            #expect(whole ? question.question.contains("“" + real + "”") : isShort(question.question), "\(question.question.prefix(160))")
        }
    }

    @Test func aThemeOrKeyFileWithHugeWordsGivesShortProblems() {
        let lines = ["inherit \(Self.long)", "color \(Self.long) red blue", "color heading \(Self.long) blue",
                     "color heading red \(Self.long)", "color heading red blue \(Self.long)", "\(Self.long) x"]
        let (_, problems) = Theme.parse(lines.joined(separator: "\n"), file: "mine.theme", themes: [:])
        #expect(problems.count == lines.count)
        for problem in problems { #expect(isShort(problem.description), "\(problem.description.prefix(120))") }

        var map = KeyMap.defaults
        let keyLines = ["bind \(Self.long) q quit", "bind global \(Self.long) quit", "bind global q \(Self.long)",
                        "unbind global \(Self.long)", "\(Self.long) global q"]
        let keyProblems = map.apply(keyLines.joined(separator: "\n"), file: "keys")
        #expect(keyProblems.count == keyLines.count)
        for problem in keyProblems { #expect(isShort(problem.description), "\(problem.description.prefix(120))") }
    }
}
