/// How many terminal columns text takes, measured as the terminal does (glibc's wcwidth, which
/// ncurses and tmux use), and how to show characters that must not reach the terminal raw.
///
/// A grapheme cluster is usually one cell, but not always: a Bengali consonant with a spacing
/// vowel sign (বা) is one Character yet two columns, because wcwidth gives the sign a column of
/// its own. `segments(of:)` splits such a cluster into the cells the terminal will use.
/// Emoji sequences (👨‍👩‍👧, flags, keycaps) are kept whole at two columns, as terminals draw them.
public enum DisplayWidth {
    /// Columns one scalar takes on its own: 0 for combining and format characters, 2 for East
    /// Asian wide and emoji-presentation characters, 1 otherwise.
    public static func of(scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v == 0 ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }   // Hangul medial/final jamo, zero width space
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    static func isWide(_ v: UInt32) -> Bool {
        (0x1100...0x115F).contains(v) || (0x231A...0x231B).contains(v) || (0x2329...0x232A).contains(v)
            || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v) || (0x3400...0x4DBF).contains(v)
            || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v) || (0xA960...0xA97F).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE10...0xFE19).contains(v)
            || (0xFE30...0xFE6F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x2FFFD).contains(v)
            || (0x30000...0x3FFFD).contains(v)
    }

    /// An emoji sequence the terminal draws as one two-column picture.
    static func isEmojiSequence(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        guard scalars.count > 1 else { return false }
        return scalars.contains { $0.value == 0x200D || $0.value == 0xFE0F || (0x1F1E6...0x1F1FF).contains($0.value) }
            && scalars.contains { $0.properties.isEmoji && $0.value > 0xFF }
    }

    /// The cells a character occupies: each piece of text with its width (1 or 2). Zero-width
    /// scalars ride with the piece before them.
    public static func segments(of character: Character) -> [(text: String, width: Int)] {
        if isEmojiSequence(character) { return [(String(character), 2)] }
        var segments: [(text: String, width: Int)] = []
        for scalar in character.unicodeScalars {
            let w = of(scalar: scalar)
            if w == 0, !segments.isEmpty {
                segments[segments.count - 1].text.unicodeScalars.append(scalar)
            } else {
                segments.append((String(scalar), w))
            }
        }
        return segments
    }

    public static func of(_ character: Character) -> Int {
        if isEmojiSequence(character) { return 2 }
        return character.unicodeScalars.reduce(0) { $0 + of(scalar: $1) }
    }

    public static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of(safe($1)) }
    }

    /// Control characters (C0, DEL, C1) become visible symbols, and bidirectional overrides
    /// (which could reorder the rest of a line) become a visible mark, so text from files never
    /// sends escape sequences or reorders the screen.
    public static func safe(_ character: Character) -> Character {
        guard let first = character.unicodeScalars.first else { return character }
        let v = first.value
        if v < 0x20 { return Character(Unicode.Scalar(0x2400 + v)!) }   // ␀..␟, so ESC shows as ␛
        if v == 0x7F { return "␡" }
        if (0x80...0x9F).contains(v) { return "�" }
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) { return "�" }
        return character
    }
}
