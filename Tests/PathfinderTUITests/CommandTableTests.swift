import Testing
@testable import PathfinderTUI
import PathfinderModel

/// Commands and `:` commands are each one table, and help, the status line, Tab and the
/// command line all read from it, so none of them can list a command the others do not know.
@Suite struct CommandTableTests {
    /// An action on screen, so every `:` command has something to act on.
    func onAnAction() -> AppState {
        Fixture.state(pages: [.areas(AreasPage()), .action("PO-02")])
    }

    @Test func everyCommandHasExactlyOneRowWithAHintAndHelp() {
        for command in Command.allCases {
            let rows = Command.table.filter { $0.command == command }
            #expect(rows.count == 1, "\(command.rawValue) has \(rows.count) rows")
            #expect(!command.hint.isEmpty && !command.help.isEmpty, "\(command.rawValue)")
        }
        #expect(Command.table.count == Command.allCases.count)
        #expect(Set(Command.table.map(\.name)).count == Command.table.count)
    }

    @Test func everyTypedCommandAndAliasIsOneRowsAndNoOther() {
        var seen: [String: String] = [:]
        for command in TypedCommand.table {
            #expect(!command.help.isEmpty, "\(command.name)")
            for word in [command.name] + command.aliases {
                #expect(seen[word] == nil, "\(word) names both \(seen[word] ?? "") and \(command.name)")
                seen[word] = command.name
                #expect(TypedCommand.named(word)?.name == command.name)
                #expect(TypedCommand.named(word.uppercased())?.name == command.name)
            }
        }
    }

    @Test func everyTypedCommandInTheTableParsesAndDoesSomething() {
        let start = onAnAction()
        for command in TypedCommand.table {
            for word in [command.name] + command.aliases {
                var s = start
                let effects = s.runCommandLine(word)
                let message = s.message?.text ?? ""
                #expect(!message.hasPrefix("Unknown command"), ":\(word): \(message)")
                let acted = !effects.isEmpty || s.page != start.page || s.overlay != start.overlay || s.message != nil
                #expect(acted, ":\(word) did nothing")
            }
        }
        var s = start
        _ = s.runCommandLine("nonsense")
        #expect(s.message?.text.hasPrefix("Unknown command") == true)
        for command in TypedCommand.table {
            #expect(s.message?.text.contains(command.usage) == true, "the unknown-command message leaves out \(command.usage)")
        }
    }

    @Test func theHelpOverlayListsEveryTypedCommandWithItsHelp() throws {
        let lines = HelpOverlay.lines(onAnAction().after(.character("?"))).map { $0.spans.map(\.text).joined() }
        let heading = try #require(lines.firstIndex(of: HelpOverlay.commandsHeading))
        let after = lines.dropFirst(heading + 1)
        for command in TypedCommand.table {
            #expect(after.contains { $0.hasPrefix(command.usage + " ") || $0 == command.usage }, "help leaves out \(command.usage)")
            let firstWords = Text.wrap(command.help, to: 200)[0].prefix(20)
            #expect(after.contains { $0.contains(firstWords) }, "help leaves out what \(command.usage) does")
        }
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func helpScrollsToItsLastLine(width: Int, height: Int) {
        var s = Fixture.state(width: width, height: height, pages: [.areas(AreasPage()), .action("PO-02")])
        s = s.after(.character("?"))
        for _ in 0..<60 { s = s.after(.pageDown) }
        let text = render(s).lines.joined(separator: "\n")
        let last = HelpOverlay.lines(s).last.map { $0.spans.map(\.text).joined().trimmingCharacters(in: .whitespaces) } ?? ""
        #expect(text.contains(String(last.prefix(width - 8))), "the last line of help, \(last), never shows")
    }

    @Test func theCompletionsAreTheTablesNames() {
        #expect(TypedCommand.completions(of: "").map(\.name) == TypedCommand.table.map(\.name))
        #expect(TypedCommand.completions(of: "C").map(\.name) == TypedCommand.table.map(\.name).filter { $0.hasPrefix("c") })
        #expect(TypedCommand.completions(of: "plan port").isEmpty)
        #expect(TypedCommand.complete("pl") == "plan ")
        #expect(TypedCommand.complete("co") == "conflicts ")
        #expect(TypedCommand.complete("c") == nil)
        #expect(TypedCommand.complete("zz") == nil)
        for command in TypedCommand.table {
            let unique = (1...command.name.count).map { String(command.name.prefix($0)) }
                .first { prefix in TypedCommand.table.filter { $0.name.hasPrefix(prefix) }.count == 1 }
            if let unique { #expect(TypedCommand.complete(unique) == command.name + " ") }
        }
    }

    @Test func tabCompletesOnTheCommandLineAndTheStatusLineShowsWhatFits() {
        var s = onAnAction().after(.character(":")).typing("fa")
        s = s.after(.tab)
        #expect(s.overlay == .commandLine(LineEditor("factors ")))
        s = s.after(.enter)
        #expect(s.page == .successFactors(FactorMatrixPage()))
        // Tab with several names that fit leaves the text alone; the status line lists them.
        s = onAnAction().after(.character(":")).typing("t").after(.tab)
        #expect(s.overlay == .commandLine(LineEditor("t")))
        let status = render(s).lines.last ?? ""
        #expect(status.contains(":trash") && status.contains(":theme NAME"), "\(status)")
        #expect(!status.contains(":areas"))
    }
}

/// The help overlay keeps its keys: G and End go to its end, other keys do nothing beneath it,
/// and only Esc, q or ? close it.
@Suite struct HelpOverlayKeysTests {
    @Test func gGoesToTheEndAndOtherKeysStayInHelp() {
        let start = Fixture.state(pages: [.areas(AreasPage()), .actionPlan(ActionPlanPage(area: "portsmouth"))]).after(.character("?"))
        let end = start.after(.character("G"))
        guard case let .help(scroll)? = end.overlay else { Issue.record("G closed help"); return }
        #expect(scroll > 0)
        let last = HelpOverlay.lines(end).last.map { $0.spans.map(\.text).joined().trimmingCharacters(in: .whitespaces) } ?? ""
        #expect(render(end).lines.joined(separator: "\n").contains(String(last.prefix(60))))
        // A key that means something on the plan beneath does nothing while help is open.
        let pressed = end.after(.character("j"), .character("s"))
        #expect(pressed.overlay == end.overlay)
        #expect(pressed.page == start.page)
        #expect(start.after(.escape).overlay == nil)
        #expect(start.after(.character("?")).overlay == nil)
    }
}
