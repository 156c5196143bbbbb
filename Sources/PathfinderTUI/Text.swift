/// Fitting text into columns: truncating with an ellipsis, padding, and word-wrapping, all
/// measured in terminal columns so wide characters never split or overflow.
public enum Text {
    /// At most `width` columns; "…" marks a cut. Control characters count as their visible form.
    public static func truncate(_ text: some StringProtocol, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return String(text) }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(DisplayWidth.safe(character))
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// Padded with spaces on the right to `width` columns (never cut).
    public static func pad(_ text: some StringProtocol, to width: Int) -> String {
        String(text) + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    /// Padded with spaces on the left to `width` columns (right-aligned; never cut).
    public static func padLeft(_ text: some StringProtocol, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + String(text)
    }

    /// Word-wraps one paragraph (no newlines expected; any are treated as spaces) to lines of at
    /// most `width` columns. A word longer than the width is broken across lines.
    public static func wrap(_ text: some StringProtocol, to width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in text.split(whereSeparator: { $0 == " " || $0.isNewline || $0 == "\t" }) {
            var word = Substring(word)
            var wordWidth = DisplayWidth.of(word)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            // Break a word wider than the whole line into line-sized pieces.
            while wordWidth > width {
                var piece = ""
                var pieceWidth = 0
                var rest = word
                while let c = rest.first, pieceWidth + DisplayWidth.of(DisplayWidth.safe(c)) <= width {
                    piece.append(c)
                    pieceWidth += DisplayWidth.of(DisplayWidth.safe(c))
                    rest = rest.dropFirst()
                }
                if piece.isEmpty, let c = rest.first {   // a character wider than the line
                    piece.append(c)
                    rest = rest.dropFirst()
                }
                lines.append(piece)
                word = rest
                wordWidth = DisplayWidth.of(word)
            }
            line = String(word)
            lineWidth = wordWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }
}
