import PathfinderModel

/// A colour theme: a style for every role, read from a plain-text file in the format tig uses
/// (themes/README.md describes it for users):
///
///     # a comment
///     name projector
///     inherit default
///     color title-bar   white     blue    bold
///     color rag-red     color196  default bold
///
/// Colours are names (default, black, red, green, yellow, blue, magenta, cyan, white, and
/// bright- forms), color0-color255, or #rrggbb (the nearest of the 256). Attributes: bold,
/// underline, reverse, dim, normal. Roles a theme does not set come from the theme it inherits,
/// else from the built-in default, so every theme styles every role.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(for role: Role) -> Style { styles[role] ?? Style() }

    /// The built-in default (dark) theme, from the same text as themes/default.theme, so the
    /// program always has a complete theme even with no theme files installed.
    public static let builtInDefault: Theme = builtIn(defaultText, file: "default.theme", base: [:])

    /// The built-in monochrome theme (themes/monochrome.theme): attributes only. Used for
    /// terminals without colour and with NO_COLOR (see `downgraded(to:)`).
    public static let monochrome: Theme = builtIn(monochromeText, file: "monochrome.theme", base: builtInDefault.styles)

    private static func builtIn(_ text: String, file: String, base: [Role: Style]) -> Theme {
        let (theme, problems) = parse(text, file: file, themes: [:], base: base)
        precondition(problems.isEmpty, "built-in theme: \(problems)")
        return theme
    }

    /// Parses a theme file. `file` names it in problems (`themes/light.theme:12: unknown
    /// colour "purpel"`); a line with a problem is skipped and the rest of the theme is used.
    /// `themes` are the themes already loaded, for `inherit`. The name defaults to the file's.
    public static func parse(_ text: String, file: String, themes: [String: Theme]) -> (Theme, [FileProblem]) {
        parse(text, file: file, themes: themes, base: builtInDefault.styles)
    }

    static func parse(_ text: String, file: String, themes: [String: Theme], base: [Role: Style]) -> (Theme, [FileProblem]) {
        var problems: [FileProblem] = []
        var name = file.hasSuffix(".theme") ? String(file.dropLast(6)) : file
        if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        var styles = base
        var setHere: [Role: Style] = [:]
        for (line, instruction, words) in DataFileLine.instructions(text) {
            func problem(_ message: String) { problems.append(FileProblem(file: file, line: line, message: message)) }
            switch instruction {
            case "name":
                guard words.count == 2 else { problem("expected `name NAME`"); continue }
                name = words[1]
            case "inherit":
                guard words.count == 2 else { problem("expected `inherit THEME`"); continue }
                guard let parent = themes[words[1]] ?? builtIns[words[1]] else {
                    problem("unknown theme \"\(Quote.short(words[1]))\" to inherit (themes: \(Quote.list(themes.keys.sorted(), noun: "themes loaded", place: nil)))")
                    continue
                }
                // Rules above the inherit line still win, wherever the line is.
                styles = parent.styles.merging(setHere) { _, mine in mine }
            case "color", "colour":
                guard words.count >= 4 else { problem("expected `color ROLE FOREGROUND BACKGROUND [ATTRIBUTES]`"); continue }
                guard let role = Role(rawValue: words[1]) else { problem("unknown role \"\(Quote.short(words[1]))\""); continue }
                guard let fg = parseColor(words[2]) else { problem("unknown colour \"\(Quote.short(words[2]))\""); continue }
                guard let bg = parseColor(words[3]) else { problem("unknown colour \"\(Quote.short(words[3]))\""); continue }
                var style = Style(foreground: fg, background: bg)
                var ok = true
                for attribute in words.dropFirst(4) {
                    switch attribute.lowercased() {
                    case "bold": style.bold = true
                    case "underline": style.underline = true
                    case "reverse": style.reverse = true
                    case "dim": style.dim = true
                    case "normal": break
                    default:
                        problem("unknown attribute \"\(Quote.short(attribute))\" (bold, underline, reverse, dim, normal)")
                        ok = false
                    }
                }
                guard ok else { continue }
                styles[role] = style
                setHere[role] = style
            default:
                problem("unknown instruction \"\(Quote.short(instruction))\" (expected name, inherit or color)")
            }
        }
        return (Theme(name: name, styles: styles), problems)
    }

    /// Built-in themes a file can inherit even when no theme file of that name was loaded.
    private static var builtIns: [String: Theme] { ["default": builtInDefault, "monochrome": monochrome] }

    static let colorNames: [String: Color] = [
        "default": .default, "black": .ansi(0), "red": .ansi(1), "green": .ansi(2), "yellow": .ansi(3),
        "blue": .ansi(4), "magenta": .ansi(5), "cyan": .ansi(6), "white": .ansi(7),
        "bright-black": .ansi(8), "grey": .ansi(8), "gray": .ansi(8), "bright-red": .ansi(9), "bright-green": .ansi(10),
        "bright-yellow": .ansi(11), "bright-blue": .ansi(12), "bright-magenta": .ansi(13), "bright-cyan": .ansi(14),
        "bright-white": .ansi(15),
    ]

    /// A colour as written in a theme file, or nil if it is not one.
    public static func parseColor(_ text: String) -> Color? {
        let t = text.lowercased()
        if let named = colorNames[t] { return named }
        if t.hasPrefix("color"), t.count > 5, t.dropFirst(5).allSatisfy(\.isASCII), let n = Int(t.dropFirst(5)),
           (0...255).contains(n) {
            return n < 16 ? .ansi(UInt8(n)) : .indexed(UInt8(n))
        }
        if t.hasPrefix("#"), t.count == 7, t.dropFirst().allSatisfy(\.isHexDigit), let rgb = Int(t.dropFirst(), radix: 16) {
            return .indexed(nearestIndex(red: (rgb >> 16) & 255, green: (rgb >> 8) & 255, blue: rgb & 255))
        }
        return nil
    }

    /// The nearest xterm 256-colour index (the 6x6x6 cube or the grey ramp) to an RGB colour.
    static func nearestIndex(red: Int, green: Int, blue: Int) -> UInt8 {
        let levels = [0, 95, 135, 175, 215, 255]
        func nearestLevel(_ v: Int) -> Int { levels.indices.min { abs(levels[$0] - v) < abs(levels[$1] - v) }! }
        let r = nearestLevel(red), g = nearestLevel(green), b = nearestLevel(blue)
        let cube = 16 + 36 * r + 6 * g + b
        let cubeDistance = square(levels[r] - red) + square(levels[g] - green) + square(levels[b] - blue)
        let grey = max(0, min(23, ((red + green + blue) / 3 - 8 + 5) / 10))
        let greyValue = 8 + 10 * grey
        let greyDistance = square(greyValue - red) + square(greyValue - green) + square(greyValue - blue)
        return UInt8(greyDistance < cubeDistance ? 232 + grey : cube)
    }

    private static func square(_ v: Int) -> Int { v * v }
}

/// A problem in a key or theme file, with its line, as `file:line: message`.
public struct FileProblem: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// The words of one line of a key or theme file. A word starting with `#` begins a comment,
/// unless it is a `#rrggbb` colour or the key `#` itself in a key file's KEY position.
enum DataFileLine {
    /// The lines that say something (not blank, not only a comment): each one's number from 1,
    /// its first word (what it does) and all its words.
    static func instructions(_ text: String) -> [(line: Int, instruction: String, words: [String])] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, raw in
            let words = Self.words(raw)
            return words.first.map { (index + 1, $0, words) }
        }
    }

    static func words(_ line: Substring) -> [String] {
        var words: [String] = []
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
            let isColour = word.count == 7 && word.dropFirst().allSatisfy(\.isHexDigit)
            let isKey = word == "#" && words.count == 2 && (words[0] == "bind" || words[0] == "unbind")
            if word.hasPrefix("#"), !isColour, !isKey { break }
            words.append(String(word))
        }
        return words
    }
}
