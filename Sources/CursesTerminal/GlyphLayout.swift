import PathfinderModel

/// How one screen cell's text is handed to curses so that it covers exactly the columns the
/// screen gave it. The screen measures with `DisplayWidth`; curses and the terminal measure
/// with the C library's `wcwidth`. Where they disagree, this layout wins: it never lets a
/// cell spill into its neighbours, so a disagreement can cost a mark but never shift a line.
public enum GlyphLayout {
    /// A piece of a cell: one spacing character and the zero-width characters that follow it,
    /// drawn at `column` columns from the cell's left edge.
    public struct Glyph: Hashable, Sendable {
        public var scalars: [Unicode.Scalar]
        public var column: Int
        public init(_ text: String, column: Int) {
            scalars = Array(text.unicodeScalars)
            self.column = column
        }
        public init(scalars: [Unicode.Scalar], column: Int) {
            self.scalars = scalars
            self.column = column
        }
    }

    /// curses keeps at most this many characters in one cell (CCHARW_MAX).
    static let maximumScalarsPerCell = 5
    static let replacement: Unicode.Scalar = "\u{FFFD}"
    static let zeroWidthJoiner: Unicode.Scalar = "\u{200D}"

    /// Splits `text` into glyphs covering exactly `columns` columns (1 or 2): what does not
    /// fit is dropped, gaps are filled with spaces, and a character that fits nowhere shows as
    /// U+FFFD so the user sees that something is there. `width` is the terminal's measure.
    public static func layout(_ text: String, columns: Int, width: (Unicode.Scalar) -> Int) -> [Glyph] {
        var pieces: [(scalars: [Unicode.Scalar], width: Int)] = []
        for scalar in text.unicodeScalars {
            let w = width(scalar)
            if w == 0 {
                if pieces.isEmpty { pieces.append(([" "], 1)) }   // a mark needs a base
                if pieces[pieces.count - 1].scalars.count < maximumScalarsPerCell {
                    pieces[pieces.count - 1].scalars.append(scalar)
                }
            } else if w < 0 {
                pieces.append(([replacement], 1))                 // unprintable here
            } else {
                pieces.append(([scalar], w))
            }
        }
        var glyphs: [Glyph] = []
        var column = 0
        for piece in pieces {
            guard column + piece.width <= columns else { break }
            glyphs.append(Glyph(scalars: piece.scalars, column: column))
            column += piece.width
        }
        if glyphs.isEmpty, !pieces.isEmpty, columns > 0 {
            glyphs.append(Glyph(scalars: [replacement], column: 0))
            column = 1
        }
        // A joiner left dangling by a cut would glue the next cell onto this one.
        if column < pieces.reduce(0, { $0 + $1.width }), let last = glyphs.indices.last {
            while glyphs[last].scalars.count > 1, glyphs[last].scalars.last == zeroWidthJoiner {
                glyphs[last].scalars.removeLast()
            }
        }
        while column < columns {
            glyphs.append(Glyph(" ", column: column))
            column += 1
        }
        return glyphs
    }
}
