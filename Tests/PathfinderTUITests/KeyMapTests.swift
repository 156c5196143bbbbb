import Testing
@testable import PathfinderTUI

@Suite struct KeyMapTests {
    @Test func defaultsBindTheUsualKeys() {
        let map = KeyMap.defaults
        #expect(map.command(for: .character("j"), in: .areas) == .down)
        #expect(map.command(for: .down, in: .action) == .down)
        #expect(map.command(for: .control("d"), in: .areas) == .halfPageDown)
        #expect(map.command(for: .control("u"), in: .areas) == .halfPageUp)
        #expect(map.command(for: .character("g"), in: .help) == .top)
        #expect(map.command(for: .end, in: .caseStudy) == .bottom)
        #expect(map.command(for: .character("f"), in: .actionPlan) == .filter)
        #expect(map.command(for: .character("f"), in: .areas) == nil)
        #expect(map.command(for: .escape, in: .caseStudy) == .back)
        #expect(map.command(for: .backspace, in: .caseStudy) == .back)
        #expect(map.command(for: .backTab, in: .action) == .previousPane)
        #expect(map.command(for: .character("5"), in: .areas) == .search)
        #expect(map.command(for: .character("6"), in: .areas) == .help)
        #expect(map.command(for: .control("l"), in: .search) == .redraw)
    }

    @Test func everyCommandHasHelpAndAKeyExceptTheMouseOnes() {
        let bound = Set(KeyContext.allCases.flatMap { KeyMap.defaults.bindings(for: $0).map(\.command) })
        for command in Command.allCases {
            #expect(!command.help.isEmpty && !command.hint.isEmpty)
            if command != .scrollUp && command != .scrollDown { #expect(bound.contains(command), "\(command) has no key") }
        }
    }

    @Test func theThemesReadmeListsEveryCommandAndContext() throws {
        let readme = try ThemeTests.shipped("README.md")
        for command in Command.allCases { #expect(readme.contains("`\(command.rawValue)`"), "README lacks \(command.rawValue)") }
        for context in KeyContext.allCases { #expect(readme.contains("`\(context.rawValue)`"), "README lacks \(context.rawValue)") }
    }

    @Test func aUserFileRebindsAndReportsMistakesByLine() {
        let (map, problems) = KeyMap.parse("""
        # my keys
        bind action-plan o open
        unbind global q
        bind global <C-q> quit
        bind global x opne
        bind everywhere y quit
        bind global <Hyper-x> quit
        bind global y
        press global y quit
        bind global # help    # the # key, then a comment
        """, file: "keys")
        #expect(problems.map(\.description) == [
            "keys:5: unknown command \"opne\"",
            "keys:6: unknown context \"everywhere\" (global, areas, area, action-plan, action, case-studies, case-study, success-factors, search, help, conflict, meeting, log, sync-conflicts, problems, form, organisations, organisation, timeline, rag-history, decisions, funding, agreement)",
            "keys:7: unknown key \"<Hyper-x>\"",
            "keys:8: expected `bind CONTEXT KEY COMMAND`",
            "keys:9: unknown instruction \"press\" (expected bind or unbind)",
        ])
        #expect(map.command(for: .character("o"), in: .actionPlan) == .open)
        #expect(map.command(for: .character("q"), in: .areas) == nil)
        #expect(map.command(for: .control("q"), in: .areas) == .quit)
        #expect(map.command(for: .character("#"), in: .areas) == .help)
        // Help and hints follow the change, so they never show a key that does nothing.
        #expect(map.hints(for: .areas).contains(KeyHint(key: "Ctrl-Q", label: "quit")))
        #expect(!map.hints(for: .areas).contains { $0.key == "q" })
    }

    @Test func noneSwitchesAGlobalKeyOffOnOneScreen() {
        let (map, problems) = KeyMap.parse("bind action-plan q none\nbind action-plan G none", file: "keys")
        #expect(problems.isEmpty)
        #expect(map.command(for: .character("q"), in: .actionPlan) == nil)
        #expect(map.command(for: .character("q"), in: .areas) == .quit)
        // Help on that screen no longer offers q under "Everywhere"; End still goes to the bottom.
        let global = map.bindings(for: .global, seenFrom: .actionPlan)
        #expect(!global.contains { $0.command == .quit })
        #expect(global.first { $0.command == .bottom }?.keys == [.end])
        #expect(map.keys(for: .bottom, in: .actionPlan) == [.end])
        #expect(map.text.contains("bind action-plan q none"))
    }

    @Test func bindingsListKeysWithTheirHelp() {
        let plan = KeyMap.defaults.bindings(for: .actionPlan)
        #expect(plan.first?.command == .filter)
        #expect(plan.first?.help == Command.filter.help)
        let global = KeyMap.defaults.bindings(for: .global)
        #expect(global.first { $0.command == .up }?.keyNames == "↑, k")
        #expect(global.first { $0.command == .help }?.keyNames == "?, F1, 6")
        #expect(KeyMap.defaults.hints(for: .actionPlan).map(\.key) == ["Enter", "!", "f", "s", "r", "n", "e", "a", "t", "u", "o", "Esc", "?", "/"])
        // Without files with problems the screens leave their key out of the hints.
        #expect(KeyMap.defaults.hints(for: .actionPlan, omitting: [.showProblems]).map(\.key)
            == ["Enter", "f", "s", "r", "n", "e", "a", "t", "u", "o", "Esc", "?", "/"])
    }

    @Test func theDefaultsWriteOutAndReadBackTheSame() {
        var map = KeyMap()
        #expect(map.apply(KeyMap.defaults.text, file: "written").isEmpty)
        #expect(map == KeyMap.defaults)
    }

    @Test func keyNamesParseDisplayAndRoundTrip() {
        #expect(KeyName.parse("<C-r>") == .control("r"))
        #expect(KeyName.parse("<c-R>") == .control("r"))
        #expect(KeyName.parse("<Ctrl-r>") == .control("r"))
        #expect(KeyName.parse("<PgDn>") == .pageDown)
        #expect(KeyName.parse("<PageDown>") == .pageDown)
        #expect(KeyName.parse("<S-Tab>") == .backTab)
        #expect(KeyName.parse("<F5>") == .function(5))
        #expect(KeyName.parse("<F25>") == nil)
        #expect(KeyName.parse("<Space>") == .character(" "))
        #expect(KeyName.parse("<Lt>") == .character("<"))
        #expect(KeyName.parse("<") == .character("<"))
        #expect(KeyName.parse("<nope>") == nil)
        #expect(KeyName.parse("<C-1>") == nil)
        #expect(KeyName.parse("") == nil)
        #expect(KeyName.parse("jj") == nil)
        #expect(KeyName.display(.control("r")) == "Ctrl-R")
        #expect(KeyName.display(.pageDown) == "PgDn")
        #expect(KeyName.display(.enter) == "Enter")
        #expect(KeyName.display(.backTab) == "Shift-Tab")
        #expect(KeyName.display(.character(" ")) == "Space")
        let keys: [Key] = [.character("j"), .character("G"), .character(" "), .character("<"), .character("#"), .control("r"),
                           .enter, .escape, .tab, .backTab, .backspace, .delete, .insert, .up, .down, .left, .right,
                           .home, .end, .pageUp, .pageDown, .function(1), .function(12)]
        for key in keys { #expect(KeyName.parse(KeyName.name(key)) == key, "\(KeyName.name(key))") }
    }

    @Test func helpListsTheScreensKeysThenTheGlobalOnes() {
        var state = Fixture.state(pages: [.actionPlan(ActionPlanPage(area: "portsmouth"))])
        state = state.after(.character("?"))
        let lines = HelpOverlay.lines(state).map { $0.spans.map(\.text).joined() }
        #expect(lines.first == "On this screen")
        #expect(lines.contains { $0.hasPrefix("f ") && $0.contains("Filter the actions") })
        #expect(lines.contains("Everywhere"))
        #expect(lines.contains { $0.hasPrefix("q ") && $0.contains("Quit") })
    }
}
