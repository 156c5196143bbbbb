/// One column of the screen. A wide character (CJK, emoji) occupies its cell and the next one,
/// which is marked `continuation` and holds nothing of its own.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster, already safe to show (no control characters), or "" for a continuation.
    public var text: String
    public var style: Style
    public var continuation: Bool

    public init(text: String = " ", style: Style = .plain, continuation: Bool = false) {
        self.text = text
        self.style = style
        self.continuation = continuation
    }

    public static let blank = Cell()
}
