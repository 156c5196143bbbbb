import Foundation
import PathfinderStore
import PathfinderTUI

/// The themes a user can choose from: the ones shipped with the program, then their own in
/// `~/.config/pathfinder/themes/` (a user theme with a shipped name replaces it). Problems in a
/// file are collected, with file and line, to show at start; the program always has a theme.
struct ThemeCatalogue {
    var themes: [Theme] = []
    var problems: [String] = []

    static func load(shipped: Result<URL, ProgramData.NotFound> = ProgramData.located.map(\.themes), userFolder: URL) -> ThemeCatalogue {
        var catalogue = ThemeCatalogue()
        // Without the shipped themes only the built-in default is left: say why, once, at start.
        if case .failure(let missing) = shipped { catalogue.problems.append("\(missing); only the built-in default theme is available") }
        var byName: [String: Theme] = ["default": .builtInDefault]
        for folder in [try? shipped.get(), userFolder.appendingPathComponent("themes")].compactMap({ $0 }) {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            // default first, so other themes can inherit from it; then by name.
            for file in files.filter({ $0.hasSuffix(".theme") }).sorted(by: { ($0 == "default.theme" ? 0 : 1, $0) < ($1 == "default.theme" ? 0 : 1, $1) }) {
                // A theme that cannot be read (a named pipe, a huge file, not UTF-8) is left out
                // with a warning, as a theme with mistakes is; the program keeps a theme.
                let text: String
                do {
                    guard let read = try SmallFile.text(folder.appendingPathComponent(file).path, limit: SmallFile.themeLimit) else { continue }
                    text = read
                } catch {
                    catalogue.problems.append("\(error); the theme is not used")
                    continue
                }
                let (theme, problems) = Theme.parse(text, file: file, themes: byName)
                catalogue.problems += problems.map(\.description)
                byName[theme.name] = theme
                catalogue.themes.removeAll { $0.name == theme.name }
                catalogue.themes.append(theme)
            }
        }
        if !catalogue.themes.contains(where: { $0.name == "default" }) { catalogue.themes.insert(.builtInDefault, at: 0) }
        return catalogue
    }
}

/// The key map: the defaults, changed by the user's `~/.config/pathfinder/keys` if there is one.
struct KeyBindings {
    var keyMap: KeyMap
    var problems: [String]

    static func load(userFolder: URL) -> KeyBindings {
        var map = KeyMap.defaults
        let file = userFolder.appendingPathComponent("keys")
        let text: String
        do {
            guard let read = try SmallFile.text(file.path, limit: SmallFile.settingsLimit) else { return KeyBindings(keyMap: map, problems: []) }
            text = read
        } catch {
            return KeyBindings(keyMap: map, problems: ["\(error); the usual keys are used"])
        }
        let problems = map.apply(text, file: file.path)
        return KeyBindings(keyMap: map, problems: problems.map(\.description))
    }
}
