import Foundation
import Testing
@testable import PathfinderTUI

@Suite struct ThemeTests {
    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes")

    static func shipped(_ name: String) throws -> String {
        try String(contentsOf: themesFolder.appendingPathComponent(name), encoding: .utf8)
    }

    static func theme(_ name: String) throws -> Theme {
        Theme.parse(try shipped("\(name).theme"), file: "\(name).theme", themes: [:]).0
    }

    @Test(arguments: ["default", "light", "projector", "monochrome"])
    func everyShippedThemeParsesAndSetsEveryRoleItself(name: String) throws {
        let text = try Self.shipped("\(name).theme")
        let (theme, problems) = Theme.parse(text, file: "themes/\(name).theme", themes: [:])
        #expect(problems.isEmpty, "\(problems)")
        #expect(theme.name == name)
        for role in Role.allCases {
            #expect(text.contains("color \(role.rawValue) "), "\(name) does not set \(role.rawValue)")
        }
    }

    @Test func theCompiledInThemesAreTheShippedFiles() throws {
        #expect(try Self.shipped("default.theme") == Theme.defaultText + "\n")
        #expect(try Self.shipped("monochrome.theme") == Theme.monochromeText + "\n")
        #expect(try Self.theme("default") == Theme.builtInDefault)
        #expect(try Self.theme("monochrome") == Theme.monochrome)
        #expect(Role.allCases.allSatisfy { Theme.builtInDefault.styles[$0] != nil })
    }

    @Test func theReadmeListsEveryRoleAndTheThemesFolderIsTheResource() throws {
        let readme = try Self.shipped("README.md")
        for role in Role.allCases { #expect(readme.contains("`\(role.rawValue)`"), "README does not list \(role.rawValue)") }
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: Self.themesFolder.path)
        #expect(link == "Sources/PathfinderCLI/Resources/themes")
    }

    @Test func monochromeUsesNoColourAndSelectionIsReversed() throws {
        let theme = try Self.theme("monochrome")
        #expect(!theme.usesColor)
        #expect(theme.style(for: .selected).reverse)
        #expect(Theme.builtInDefault.usesColor)
    }

    @Test func theProjectorThemeIsBoldAndHasNoDefaultBackground() throws {
        let theme = try Self.theme("projector")
        // A projector washes out thin text and the terminal's own background may be grey.
        for role in [Role.normal, .heading, .selected, .ragRed, .statusBlocked, .titleBar] {
            #expect(theme.style(for: role).background != .default || theme.style(for: role).foreground != .default)
        }
        #expect(theme.style(for: .heading).bold && theme.style(for: .selected).bold)
    }

    @Test func mistakesAreReportedByLineAndTheRestIsUsed() {
        let text = """
        name mine
        color title-bar white purpel bold
        color heading bright-white default blinking
        colour selected black #ffcc00   # a comment after a colour
        color nonsense red default
        shade x
        color link cyan
        inherit nowhere
        """
        let (theme, problems) = Theme.parse(text, file: "themes/mine.theme", themes: ["default": .builtInDefault])
        #expect(problems.map(\.description) == [
            "themes/mine.theme:2: unknown colour \"purpel\"",
            "themes/mine.theme:3: unknown attribute \"blinking\" (bold, underline, reverse, dim, normal)",
            "themes/mine.theme:5: unknown role \"nonsense\"",
            "themes/mine.theme:6: unknown instruction \"shade\" (expected name, inherit or color)",
            "themes/mine.theme:7: expected `color ROLE FOREGROUND BACKGROUND [ATTRIBUTES]`",
            "themes/mine.theme:8: unknown theme \"nowhere\" to inherit (themes: default)",
        ])
        #expect(theme.name == "mine")
        #expect(theme.style(for: .selected) == Style(foreground: .ansi(0), background: .indexed(220)))
        // Unset or broken roles keep the default's style.
        #expect(theme.style(for: .titleBar) == Theme.builtInDefault.style(for: .titleBar))
    }

    @Test func inheritStartsFromAnotherThemeAndEarlierRulesStillWin() {
        let (base, _) = Theme.parse("name base\ncolor heading red default\ncolor link red default", file: "base.theme", themes: [:])
        let (child, problems) = Theme.parse("color link green default\ninherit base", file: "child.theme", themes: ["base": base])
        #expect(problems.isEmpty)
        #expect(child.name == "child")
        #expect(child.style(for: .heading).foreground == .ansi(1))
        #expect(child.style(for: .link).foreground == .ansi(2))
        let (fromBuiltIn, none) = Theme.parse("inherit monochrome", file: "mine.theme", themes: [:])
        #expect(none.isEmpty)
        #expect(fromBuiltIn.styles == Theme.monochrome.styles)
    }

    @Test func coloursAreNamesIndexesOrRGB() {
        #expect(Theme.parseColor("default") == .default)
        #expect(Theme.parseColor("Bright-Red") == .ansi(9))
        #expect(Theme.parseColor("grey") == .ansi(8))
        #expect(Theme.parseColor("color7") == .ansi(7))
        #expect(Theme.parseColor("color16") == .indexed(16))
        #expect(Theme.parseColor("color255") == .indexed(255))
        #expect(Theme.parseColor("color256") == nil)
        #expect(Theme.parseColor("color") == nil)
        #expect(Theme.parseColor("#ff0000") == .indexed(196))
        #expect(Theme.parseColor("#808080") == .indexed(244))
        #expect(Theme.parseColor("#ffffff") == .indexed(231))
        #expect(Theme.parseColor("#fff") == nil)
        #expect(Theme.parseColor("#gg0000") == nil)
        #expect(Theme.parseColor("purpel") == nil)
    }
}

/// Terminals with 16, 8 or no colours, and NO_COLOR.
@Suite struct ColorSupportTests {
    @Test func detectFollowsTheTerminalAndNoColor() {
        #expect(ColorSupport.detect(colors: 256, noColor: nil) == .full)
        #expect(ColorSupport.detect(colors: 16_777_216, noColor: nil) == .full)
        #expect(ColorSupport.detect(colors: 88, noColor: nil) == .sixteen)
        #expect(ColorSupport.detect(colors: 8, noColor: nil) == .eight)
        #expect(ColorSupport.detect(colors: 0, noColor: nil) == .none)
        #expect(ColorSupport.detect(colors: 256, noColor: "1") == .none)
        #expect(ColorSupport.detect(colors: 256, noColor: "") == .full)   // no-color.org: set and not empty
    }

    @Test func coloursBecomeTheNearestTheTerminalHas() {
        #expect(Color.indexed(196).downgraded(to: .sixteen) == .ansi(9))      // bright red
        #expect(Color.indexed(196).downgraded(to: .eight) == .ansi(1))
        #expect(Color.indexed(28).downgraded(to: .sixteen) == .ansi(2))       // dark green
        #expect(Color.indexed(244).downgraded(to: .sixteen) == .ansi(8))      // a grey stays grey
        #expect(Color.indexed(252).downgraded(to: .sixteen) == .ansi(7))
        #expect(Color.indexed(236).downgraded(to: .sixteen) == .ansi(0))
        #expect(Color.ansi(12).downgraded(to: .sixteen) == .ansi(12))
        #expect(Color.default.downgraded(to: .eight) == .default)
        #expect(Color.indexed(196).downgraded(to: .full) == .indexed(196))
        #expect(Color.ansi(3).downgraded(to: .none) == .default)
    }

    @Test func eightColourTerminalsShowBrightTextAsBold() {
        let heading = Style(foreground: .ansi(15), background: .default, bold: false)
        #expect(heading.downgraded(to: .eight) == Style(foreground: .ansi(7), bold: true))
        let dim = Style(foreground: .ansi(8))
        #expect(dim.downgraded(to: .eight) == Style(foreground: .ansi(7), dim: true))
        // Text never vanishes into its own background.
        let same = Style(foreground: .indexed(236), background: .ansi(0))
        #expect(same.downgraded(to: .sixteen).foreground == .ansi(15))
        let light = Style(foreground: .ansi(15), background: .ansi(7))
        #expect(light.downgraded(to: .eight).foreground == .ansi(0))
    }

    @Test func withoutColourAttributesStayAndBackgroundsBecomeReverse() {
        let selected = Style(foreground: .ansi(0), background: .ansi(6))
        #expect(selected.downgraded(to: .none) == Style(reverse: true))
        let link = Style(foreground: .ansi(6), underline: true)
        #expect(link.downgraded(to: .none) == Style(underline: true))
    }

    @Test(arguments: ["default", "light", "projector", "monochrome"])
    func everyThemeDowngradesToEveryTerminal(name: String) throws {
        let theme = try ThemeTests.theme(name)
        for support in ColorSupport.allCases {
            let down = theme.downgraded(to: support)
            for role in Role.allCases {
                let style = down.style(for: role)
                for color in [style.foreground, style.background] {
                    switch (color, support) {
                    case (.default, _): break
                    case (.indexed, .full), (.ansi, .full), (.ansi, .sixteen): break
                    case let (.ansi(n), .eight): #expect(n < 8)
                    default: Issue.record("\(name) \(role) has \(color) at \(support)")
                    }
                }
                if style.foreground != .default { #expect(style.foreground != style.background, "\(name) \(role) at \(support)") }
            }
            if support == .none {
                #expect(!down.usesColor)
                #expect(down.style(for: .selected).reverse)
                #expect(down.style(for: .ragRed) != down.style(for: .ragGreen))
                #expect(down.style(for: .selected) != down.style(for: .selectedUnfocused))
            }
        }
        #expect(theme.downgraded(to: .full) == theme)
    }
}
