import Foundation
import Testing
@testable import PathfinderTUI

@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes")

    static func shipped(_ name: String) throws -> String {
        try String(contentsOf: themesFolder.appendingPathComponent("\(name).theme"), encoding: .utf8)
    }

    @Test(arguments: ["default", "light", "projector", "monochrome"])
    func everyShippedThemeParsesAndStylesEveryRole(name: String) throws {
        let (theme, problems) = Theme.parse(try Self.shipped(name), file: "\(name).theme", themes: [:])
        #expect(problems.isEmpty, "\(problems)")
        #expect(theme.name == name)
        // Every role is set in the file itself, so the theme does not lean on the default.
        let text = try Self.shipped(name)
        for role in Role.allCases {
            #expect(text.contains("color \(role.rawValue) "), "\(name) does not set \(role.rawValue)")
        }
    }

    @Test func theShippedDefaultIsTheBuiltInDefault() throws {
        let (theme, _) = Theme.parse(try Self.shipped("default"), file: "default.theme", themes: [:])
        #expect(theme == Theme.builtInDefault)
    }

    @Test func monochromeUsesNoColour() throws {
        let (theme, _) = Theme.parse(try Self.shipped("monochrome"), file: "monochrome.theme", themes: [:])
        for role in Role.allCases {
            #expect(theme.style(for: role).foreground == .default && theme.style(for: role).background == .default)
        }
        #expect(theme.style(for: .selected).reverse)
    }

    @Test func mistakesAreReportedByLineAndTheRestIsUsed() {
        let text = """
        name mine
        color title-bar white purpel bold
        color heading bright-white default blinking
        colour selected black #ffcc00
        color nonsense red default
        shade x
        """
        let (theme, problems) = Theme.parse(text, file: "mine.theme", themes: [:])
        #expect(problems.map(\.description) == [
            "mine.theme:2: unknown colour \"purpel\"",
            "mine.theme:3: unknown attribute \"blinking\" (bold, underline, reverse, dim, normal)",
            "mine.theme:5: unknown role \"nonsense\"",
            "mine.theme:6: unknown instruction \"shade\" (expected name, inherit or color)",
        ])
        #expect(theme.name == "mine")
        #expect(theme.style(for: .selected) == Style(foreground: .ansi(0), background: .indexed(220)))
        // Unset or broken roles keep the default's style.
        #expect(theme.style(for: .titleBar) == Theme.builtInDefault.style(for: .titleBar))
    }

    @Test func inheritStartsFromAnotherTheme() {
        let (base, _) = Theme.parse("name base\ncolor heading red default", file: "base.theme", themes: [:])
        let (child, problems) = Theme.parse("inherit base\ncolor link green default", file: "child.theme", themes: ["base": base])
        #expect(problems.isEmpty)
        #expect(child.name == "child")
        #expect(child.style(for: .heading).foreground == .ansi(1))
        #expect(child.style(for: .link).foreground == .ansi(2))
    }

    @Test func rgbColoursMapToTheNearestOfTheCube() {
        #expect(Theme.parseColor("#ff0000") == .indexed(196))
        #expect(Theme.parseColor("#808080") == .indexed(244))
        #expect(Theme.parseColor("color7") == .ansi(7))
        #expect(Theme.parseColor("color300") == nil)
    }
}

@Suite struct KeyMapTests {
    @Test func defaultsBindTheUsualKeys() {
        let map = KeyMap.defaults
        #expect(map.command(for: .character("j"), in: .areas) == .down)
        #expect(map.command(for: .down, in: .action) == .down)
        #expect(map.command(for: .control("d"), in: .areas) == .halfPageDown)
        #expect(map.command(for: .character("f"), in: .actionPlan) == .filter)
        #expect(map.command(for: .character("f"), in: .areas) == nil)
        #expect(map.command(for: .escape, in: .caseStudy) == .back)
    }

    @Test func aUserFileRebindsAndReportsMistakesByLine() {
        var map = KeyMap.defaults
        let problems = map.apply("""
        # my keys
        bind action-plan o open
        unbind global q
        bind global <C-q> quit
        bind global x opne
        bind everywhere y quit
        bind global <Hyper-x> quit
        bind global y
        """, file: "keys")
        #expect(problems.map(\.description) == [
            "keys:5: unknown command \"opne\"",
            "keys:6: unknown context \"everywhere\"",
            "keys:7: unknown key \"<Hyper-x>\"",
            "keys:8: expected `bind CONTEXT KEY COMMAND`",
        ])
        #expect(map.command(for: .character("o"), in: .actionPlan) == .open)
        #expect(map.command(for: .character("q"), in: .areas) == nil)
        #expect(map.command(for: .control("q"), in: .areas) == .quit)
        // Help and hints follow the change, so they never show a key that does nothing.
        #expect(map.hints(for: .areas).contains(KeyHint(key: "Ctrl-Q", label: "quit")))
        #expect(!map.hints(for: .areas).contains { $0.key == "q" })
    }

    @Test func helpListsTheScreensKeysThenTheGlobalOnes() {
        var state = Fixture.state(pages: [.actionPlan(ActionPlanPage(area: "portsmouth"))])
        state = state.after(.character("?"))
        let lines = HelpOverlay.lines(state).map { $0.spans.map(\.text).joined() }
        #expect(lines.first == "On this screen")
        #expect(lines.contains { $0.hasPrefix("f ") && $0.contains("Filter the actions") })
        #expect(lines.contains("Everywhere"))
        #expect(lines.contains { $0.hasPrefix("q ") && $0.contains("Quit") })
        // Every command bound anywhere has help text.
        for command in Command.allCases { #expect(!command.help.isEmpty) }
    }

    @Test func keyNamesParseAndDisplay() {
        #expect(KeyName.parse("<C-r>") == .control("r"))
        #expect(KeyName.parse("<PgDn>") == .pageDown)
        #expect(KeyName.parse("<S-Tab>") == .backTab)
        #expect(KeyName.parse("<F5>") == .function(5))
        #expect(KeyName.parse("<Space>") == .character(" "))
        #expect(KeyName.parse("<nope>") == nil)
        #expect(KeyName.display(.control("r")) == "Ctrl-R")
        #expect(KeyName.display(.pageDown) == "PgDn")
    }
}
