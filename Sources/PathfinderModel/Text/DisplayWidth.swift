/// How many terminal columns text takes, measured as the terminal does, and how to show
/// characters that must not reach the terminal raw.
///
/// ncurses places every character by the C library's `wcwidth`, and so do tmux and most
/// terminals, so a width that disagrees with it makes a line drift. The widths here are glibc's
/// `wcwidth` in a UTF-8 locale, compiled into range tables (DisplayWidthTables.swift, generated;
/// no I/O at run time); characters newer than the glibc the tables came from get the width
/// their Unicode properties give (0 for marks and format characters, 2 for emoji presentation
/// and the East Asian wide blocks), as newer glibc versions do.
///
/// A Character (grapheme cluster) takes the sum of its scalars' widths, and `segments(of:)`
/// splits it into the cells the terminal will use: a Bengali conjunct with a spacing vowel sign
/// ("শ্রী", 3 columns) is one Character but three cells, and an emoji sequence such as 👨‍👩‍👧 is
/// three two-column cells, because ncurses cannot put more than one spacing character in a cell.
///
/// Deliberate differences from glibc, each tested:
/// - Control characters (C0, DEL, C1), U+2028/U+2029 and the bidi embeddings, overrides and
///   isolates measure 1: they are never drawn raw but as the visible symbol `safe(_:)` gives.
/// - Unassigned code points and noncharacters measure 1 (2 in the ideograph planes), where glibc
///   says -1 ("not printable"); the backend draws a replacement there.
/// - In `segments(of:)`, a zero-width joiner between two cells and a VS16 (U+FE0F) after a
///   one-column character are dropped from the cell text: a terminal that honours them would
///   join or widen cells that ncurses has already placed apart, and the rest of the line would
///   shift. Emoji sequences therefore show as their parts (👨👩👧), which loses nothing.
public enum DisplayWidth {
    /// Columns one scalar takes on its own: 0 for combining and format characters, 2 for East
    /// Asian wide and emoji-presentation characters, 1 otherwise.
    public static func of(scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x300 { return v == 0 ? 0 : 1 }
        if contains(zeroWidthRanges, v) { return 0 }
        if v >= 0x1100, contains(wideRanges, v) { return 2 }
        return 1
    }

    /// Whether `v` falls in one of the (first, last) pairs of a sorted table.
    static func contains(_ table: [UInt32], _ v: UInt32) -> Bool {
        var low = 0
        var high = table.count / 2 - 1
        while low <= high {
            let mid = (low + high) / 2
            if v < table[2 * mid] {
                high = mid - 1
            } else if v > table[2 * mid + 1] {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    static let zeroWidthJoiner: Unicode.Scalar = "\u{200D}"
    static let emojiPresentationSelector: Unicode.Scalar = "\u{FE0F}"

    /// The cells a character occupies: each piece of text with its width (1 or 2). Zero-width
    /// scalars ride with the piece before them; a character that starts with one (a stray
    /// combining mark) yields a first piece of width 0.
    public static func segments(of character: Character) -> [(text: String, width: Int)] {
        var segments: [(text: String, width: Int)] = []
        for scalar in character.unicodeScalars {
            let w = of(scalar: scalar)
            if w == 0, !segments.isEmpty {
                let last = segments.count - 1
                // VS16 asks for a two-column emoji where wcwidth counted one; the cell is one.
                if scalar == emojiPresentationSelector, segments[last].width == 1 { continue }
                segments[last].text.unicodeScalars.append(scalar)
            } else {
                if let last = segments.indices.last, segments[last].text.unicodeScalars.last == zeroWidthJoiner,
                   segments[last].text.unicodeScalars.count > 1 {
                    segments[last].text.unicodeScalars.removeLast()
                }
                segments.append((String(scalar), w))
            }
        }
        return segments
    }

    /// Columns a character takes: the sum of its scalars' widths.
    public static func of(_ character: Character) -> Int {
        var total = 0
        for scalar in character.unicodeScalars { total += of(scalar: scalar) }
        return total
    }

    /// Columns text takes once made safe to show (see `safe(_:)`).
    public static func of(_ text: some StringProtocol) -> Int {
        // Most text is printable ASCII, a column a byte: measured without walking graphemes
        // (the screens measure every cell's text, several times a frame).
        if isPrintableASCII(text) { return text.utf8.count }
        var total = 0
        for character in text { total += of(safe(character)) }
        return total
    }

    /// Whether every byte is printable ASCII (space to tilde): one column each, nothing to make
    /// safe, and no byte that joins the next into one character.
    public static func isPrintableASCII(_ text: some StringProtocol) -> Bool {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
            ?? utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Whether a scalar must never reach the terminal as it is: the rule the command line
    /// shares (`SafeText.isUnsafe`).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { SafeText.isUnsafe(scalar) }

    /// A character as it may be shown (`SafeText.safe`): ESC as ␛, DEL as ␡, the line and
    /// paragraph separators as ␤ and ¶, C1 and bidi controls as �; each one column wide.
    public static func safe(_ character: Character) -> Character { SafeText.safe(character) }

    /// Text with every character made safe to show.
    public static func safe(text: some StringProtocol) -> String { SafeText.line(text) }
}
