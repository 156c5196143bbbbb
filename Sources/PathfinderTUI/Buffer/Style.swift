/// A terminal colour. Themes name colours; the backend maps them to what the terminal can show
/// (256, 16, 8 colours or none).
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case `default`
    /// 0-15: the ANSI colours (0 black ... 7 white, 8-15 their bright forms).
    case ansi(UInt8)
    /// 16-255: the xterm 256-colour cube and grey ramp.
    case indexed(UInt8)
}

/// How a cell looks: colours and attributes. Views never pick colours themselves; they ask the
/// theme for the style of a role, so a theme file changes every screen at once.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(foreground: Color = .default, background: Color = .default, bold: Bool = false,
                underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    public static let plain = Style()
}
