/// How many colours a terminal can show. Themes are written for 256 colours; the backend asks
/// for a theme (or a style) downgraded to what the terminal has.
public enum ColorSupport: Int, Comparable, CaseIterable, Hashable, Sendable {
    /// No colour: attributes only (a terminal without colour, or NO_COLOR set).
    case none = 0
    case eight = 8
    case sixteen = 16
    case full = 256

    public static func < (a: ColorSupport, b: ColorSupport) -> Bool { a.rawValue < b.rawValue }

    /// The support to use for a terminal reporting `colors` colours (curses' COLORS, 0 when it
    /// has none) with the NO_COLOR variable's value: none when NO_COLOR is set and not empty
    /// (https://no-color.org), else the largest of 256, 16 and 8 the terminal allows.
    public static func detect(colors: Int, noColor: String?) -> ColorSupport {
        if let noColor, !noColor.isEmpty { return .none }
        if colors >= 256 { return .full }
        if colors >= 16 { return .sixteen }
        if colors >= 8 { return .eight }
        return .none
    }
}

extension Color {
    /// xterm's default palette, used to find the nearest colour a smaller terminal has.
    public var rgb: (red: Int, green: Int, blue: Int)? {
        switch self {
        case .default: return nil
        case let .ansi(n): return Color.xterm(Int(n & 15))
        case let .indexed(n): return Color.xterm(Int(n))
        }
    }

    static func xterm(_ index: Int) -> (red: Int, green: Int, blue: Int) {
        let ansi: [(Int, Int, Int)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        if index < 16 { let c = ansi[max(0, index)]; return (c.0, c.1, c.2) }
        if index >= 232 { let v = 8 + 10 * (index - 232); return (v, v, v) }
        let levels = [0, 95, 135, 175, 215, 255]
        let i = index - 16
        return (levels[i / 36], levels[(i / 6) % 6], levels[i % 6])
    }

    /// The nearest of the first `count` (8 or 16) ANSI colours, by RGB distance weighted like the
    /// eye; a grey stays a grey (by distance alone a mid grey is nearer yellow than white).
    func nearestANSI(among count: Int) -> UInt8 {
        if case let .ansi(n) = self, Int(n) < count { return n }
        guard let target = rgb else { return 7 }
        let isGrey = max(target.red, target.green, target.blue) - min(target.red, target.green, target.blue) < 40
        let candidates = isGrey ? [0, 7, 8, 15].filter { $0 < count } : Array(0..<count)
        var best = 0
        var bestDistance = Int.max
        for candidate in candidates {
            let c = Color.xterm(candidate)
            let dr = c.red - target.red, dg = c.green - target.green, db = c.blue - target.blue
            let distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db
            if distance < bestDistance { best = candidate; bestDistance = distance }
        }
        return UInt8(best)
    }

    /// This colour on a terminal with `support`: unchanged at 256; the nearest ANSI colour at
    /// 16 or 8; the terminal's default with no colour.
    public func downgraded(to support: ColorSupport) -> Color {
        switch (self, support) {
        case (.default, _), (_, .full): return self
        case (_, .none): return .default
        case (_, .sixteen): return .ansi(nearestANSI(among: 16))
        case (_, .eight): return .ansi(nearestANSI(among: 8))
        }
    }

    /// Light enough that black text on it reads better than white.
    var isLight: Bool {
        guard let c = rgb else { return false }
        return 299 * c.red + 587 * c.green + 114 * c.blue > 128_000
    }
}

extension Style {
    /// This style on a terminal with `support`. At 16 or 8 colours each colour becomes the
    /// nearest the terminal has; at 8, a bright foreground becomes its plain colour in bold (as
    /// 8-colour terminals show bright text) and grey text becomes dim white. If both colours
    /// land on the same one, the text takes black or white to stay readable. With no colour,
    /// colours go and attributes stay, and a style that stood out by its background (a
    /// selection, a title bar) is shown reversed. `Theme.downgraded(to:)` does better for
    /// whole themes because it knows each style's role.
    public func downgraded(to support: ColorSupport) -> Style {
        var style = self
        switch support {
        case .full:
            return self
        case .none:
            style.foreground = .default
            style.background = .default
            if background != .default { style.reverse = true }
            return style
        case .sixteen:
            style.foreground = foreground.downgraded(to: .sixteen)
            style.background = background.downgraded(to: .sixteen)
        case .eight:
            let fg16 = foreground.downgraded(to: .sixteen)
            if case let .ansi(n) = fg16, n >= 8 {
                if n == 8 {
                    style.foreground = .ansi(7)
                    style.dim = true
                } else {
                    style.foreground = .ansi(n - 8)
                    style.bold = true
                }
            } else {
                style.foreground = fg16
            }
            style.background = background.downgraded(to: .eight)
        }
        if style.foreground != .default, style.foreground == style.background {
            style.foreground = style.background.isLight ? .ansi(0) : .ansi(support == .eight ? 7 : 15)
        }
        return style
    }
}

extension Theme {
    /// This theme on a terminal with `support`: every style downgraded (see
    /// `Style.downgraded(to:)`). With no colour (NO_COLOR, or a terminal without colour) each
    /// role takes the built-in monochrome theme's attributes, keeping the theme's own bold and
    /// underline, so selection is reverse video and every role stays distinct.
    public func downgraded(to support: ColorSupport) -> Theme {
        var theme = self
        for role in Role.allCases {
            let style = self.style(for: role)
            if support == .none {
                var mono = Theme.monochrome.style(for: role)
                mono.bold = mono.bold || style.bold
                mono.underline = mono.underline || style.underline
                theme.styles[role] = mono
            } else {
                theme.styles[role] = style.downgraded(to: support)
            }
        }
        return theme
    }

    /// Whether any role sets a colour (false for a monochrome theme).
    public var usesColor: Bool {
        Role.allCases.contains { style(for: $0).foreground != .default || style(for: $0).background != .default }
    }
}
