import CursesTerminal
import Foundation
import PathfinderModel
import PathfinderStore
import PathfinderTUI

/// The interactive program: loads themes and key bindings, then runs the loop
/// event -> update -> effects -> render -> draw until the user quits.
struct TerminalApp {
    let location: StoreLocation
    let loaded: LoadResult
    let asOf: Day
    let themeName: String?

    func run() throws {
        var config = UserConfig.load()
        let catalogue = ThemeCatalogue.load(userFolder: UserConfig.folder())
        let keys = KeyBindings.load(userFolder: UserConfig.folder())
        let wanted = themeName ?? config["theme"] ?? "default"
        var warnings = catalogue.problems + keys.problems
        let theme: Theme
        if let found = catalogue.themes.first(where: { $0.name == wanted }) {
            theme = found
        } else {
            theme = catalogue.themes.first { $0.name == "default" } ?? .builtInDefault
            warnings.append("no theme called “\(wanted)”; using \(theme.name). Themes: \(catalogue.themes.map(\.name).joined(separator: ", "))")
        }
        if themeName != nil, themeName == theme.name {
            config.set("theme", theme.name)
            try? config.save()
        }
        let errorFiles = Set(loaded.problems.filter { $0.severity == .error }.map(\.path))

        var exitCode: Int32 = 0
        var options = CursesTerminal.Options()
        options.monochrome = theme.name == "monochrome"
        try CursesTerminal.run(options: options) { terminal in
            let size = terminal.size
            // Themes are written for 256 colours; give them to the screen as this terminal can
            // show them (16, 8, or none: NO_COLOR), so a selection is never invisible.
            let support = ColorSupport(depth: terminal.colorDepth)
            var state = AppState(partnership: loaded.partnership, asOf: asOf, storeLabel: location.path.lastPathComponent,
                                 width: size.width, height: size.height, theme: theme.downgraded(to: support),
                                 themes: catalogue.themes.map { $0.downgraded(to: support) }, keyMap: keys.keyMap)
            if let first = warnings.first {
                state.message = Message(first + (warnings.count > 1 ? " (and \(warnings.count - 1) more)" : ""), isError: true)
            } else if !errorFiles.isEmpty {
                state.message = Message("\(errorFiles.count) file\(errorFiles.count == 1 ? " has" : "s have") problems and will not be changed: `pathfinder check` lists them", isError: true)
            }
            terminal.draw(frame(state))
            while true {
                guard let event = terminal.readEvent(timeoutMilliseconds: nil) else { continue }
                if case .key(.control("c")) = event {
                    // Ctrl-C quits at once, as in any terminal program; nothing is unsaved.
                    exitCode = 130
                    return
                }
                let (next, effects) = update(state, event)
                state = next
                for effect in effects {
                    switch effect {
                    case .quit:
                        return
                    case let .rememberTheme(name):
                        config.set("theme", name)
                        do { try config.save() } catch {
                            state.message = Message("Could not remember the theme: \(error)", isError: true)
                        }
                    case .redrawAll:
                        terminal.invalidate()
                    }
                }
                terminal.draw(frame(state))
            }
        }
        if exitCode != 0 { exit(exitCode) }
    }

    /// Renders the whole state into a fresh screen buffer the size of the terminal.
    func frame(_ state: AppState) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        RootView.render(state, into: &screen)
        return screen
    }
}

extension ColorSupport {
    init(depth: ColorDepth) {
        switch depth {
        case .none: self = .none
        case .eight: self = .eight
        case .sixteen: self = .sixteen
        case .full: self = .full
        }
    }
}
