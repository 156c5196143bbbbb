/// What a piece of the screen is, so a theme can style it. Views name roles, never colours.
public enum Role: String, CaseIterable, Hashable, Sendable {
    case normal, dim, heading, link, warning, error
    case titleBar = "title-bar", statusBar = "status-bar"
    case keyHintKey = "key-hint-key", keyHintLabel = "key-hint-label"
    case messageInfo = "message-info", messageError = "message-error"
    case tableHeader = "table-header", selected, border
    case scrollThumb = "scroll-thumb"
    case ragRed = "rag-red", ragAmber = "rag-amber", ragGreen = "rag-green"
    case statusNotStarted = "status-not-started", statusInProgress = "status-in-progress"
    case statusBlocked = "status-blocked", statusDone = "status-done", statusDropped = "status-dropped"
    case overdue
    case searchMatch = "search-match"
    case indicatorFilled = "indicator-filled", indicatorEmpty = "indicator-empty"
    case input
    case inputCursor = "input-cursor"
    case dialog
    case dialogBorder = "dialog-border"
    case helpKey = "help-key", helpText = "help-text"
}

/// A colour theme: a style for every role, read from a plain-text file in the format tig uses:
///
///     name projector
///     inherit default
///     color title-bar   white   blue    bold
///     color rag-red     color196 default bold
///
/// Colours are names (default, black, red, green, yellow, blue, magenta, cyan, white, and
/// bright- forms), color0-color255, or #rrggbb (the nearest of the 256). Attributes: bold,
/// underline, reverse, dim, normal. Roles a theme does not set come from the theme it inherits,
/// else from the built-in default.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(for role: Role) -> Style { styles[role] ?? Style() }

    /// The built-in default, from the same text as themes/default.theme, so the program always
    /// has a complete theme even with no theme files installed.
    public static let builtInDefault: Theme = {
        let (theme, problems) = Theme.parse(defaultText, file: "default.theme", themes: [:])
        precondition(problems.isEmpty, "built-in theme: \(problems)")
        return theme
    }()

    /// Parses a theme file. Problems name the file and line; lines with problems are skipped and
    /// the rest of the theme is used. `themes` are the themes already loaded, for `inherit`.
    public static func parse(_ text: String, file: String, themes: [String: Theme]) -> (Theme, [FileProblem]) {
        var problems: [FileProblem] = []
        var name = file.hasSuffix(".theme") ? String(file.dropLast(6)) : file
        if let slash = name.lastIndex(of: "/") { name = String(name[name.index(after: slash)...]) }
        var styles = file == "default.theme" && themes.isEmpty ? [:] : Theme.builtInDefault.styles
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = DataFileLine.words(raw)
            guard !words.isEmpty else { continue }
            func problem(_ message: String) { problems.append(FileProblem(file: file, line: index + 1, message: message)) }
            switch words[0] {
            case "name":
                guard words.count == 2 else { problem("expected `name NAME`"); continue }
                name = words[1]
            case "inherit":
                guard words.count == 2 else { problem("expected `inherit THEME`"); continue }
                guard let base = themes[words[1]] else { problem("unknown theme \"\(words[1])\" to inherit"); continue }
                styles = base.styles
            case "color", "colour":
                guard words.count >= 4 else { problem("expected `color ROLE FOREGROUND BACKGROUND [ATTRIBUTES]`"); continue }
                guard let role = Role(rawValue: words[1]) else { problem("unknown role \"\(words[1])\""); continue }
                guard let fg = parseColor(words[2]) else { problem("unknown colour \"\(words[2])\""); continue }
                guard let bg = parseColor(words[3]) else { problem("unknown colour \"\(words[3])\""); continue }
                var style = Style(foreground: fg, background: bg)
                var ok = true
                for attribute in words.dropFirst(4) {
                    switch attribute {
                    case "bold": style.bold = true
                    case "underline": style.underline = true
                    case "reverse": style.reverse = true
                    case "dim": style.dim = true
                    case "normal": break
                    default:
                        problem("unknown attribute \"\(attribute)\" (bold, underline, reverse, dim, normal)")
                        ok = false
                    }
                }
                if ok { styles[role] = style }
            default:
                problem("unknown instruction \"\(words[0])\" (expected name, inherit or color)")
            }
        }
        return (Theme(name: name, styles: styles), problems)
    }

    static let colorNames: [String: Color] = [
        "default": .default, "black": .ansi(0), "red": .ansi(1), "green": .ansi(2), "yellow": .ansi(3),
        "blue": .ansi(4), "magenta": .ansi(5), "cyan": .ansi(6), "white": .ansi(7),
        "bright-black": .ansi(8), "grey": .ansi(8), "gray": .ansi(8), "bright-red": .ansi(9), "bright-green": .ansi(10),
        "bright-yellow": .ansi(11), "bright-blue": .ansi(12), "bright-magenta": .ansi(13), "bright-cyan": .ansi(14),
        "bright-white": .ansi(15),
    ]

    static func parseColor(_ text: String) -> Color? {
        let t = text.lowercased()
        if let named = colorNames[t] { return named }
        if t.hasPrefix("color"), let n = Int(t.dropFirst(5)), (0...255).contains(n) {
            return n < 16 ? .ansi(UInt8(n)) : .indexed(UInt8(n))
        }
        if t.hasPrefix("#"), t.count == 7, let rgb = Int(t.dropFirst(), radix: 16) {
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

    /// The default (dark) theme. themes/default.theme holds the same text; a test checks so.
    public static let defaultText = """
    # Pathfinder's default theme, for a dark terminal.
    # color ROLE FOREGROUND BACKGROUND [ATTRIBUTES]   (see themes/README.md)
    name default
    color normal              default        default
    color dim                 bright-black   default
    color heading             bright-white   default   bold
    color link                cyan           default   underline
    color warning             yellow         default   bold
    color error               bright-red     default   bold
    color title-bar           bright-white   blue      bold
    color status-bar          white          color236
    color key-hint-key        bright-white   color238  bold
    color key-hint-label      white          color236
    color message-info        green          default
    color message-error       bright-white   red       bold
    color table-header        bright-white   default   bold underline
    color selected            black          cyan
    color border              bright-black   default
    color scroll-thumb        cyan           default
    color rag-red             bright-red     default   bold
    color rag-amber           yellow         default   bold
    color rag-green           green          default   bold
    color status-not-started  white          default
    color status-in-progress  bright-cyan    default
    color status-blocked      bright-red     default
    color status-done         green          default
    color status-dropped      bright-black   default
    color overdue             bright-red     default   bold
    color search-match        black          yellow    bold
    color indicator-filled    green          default
    color indicator-empty     bright-black   default
    color input               bright-white   color237
    color input-cursor        black          bright-white
    color dialog              default        color235
    color dialog-border       cyan           color235
    color help-key            bright-yellow  color235  bold
    color help-text           default        color235
    """
}
