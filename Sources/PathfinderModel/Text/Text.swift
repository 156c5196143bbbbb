/// Fitting text into columns: truncating with an ellipsis, padding, aligning and word-wrapping,
/// all measured in terminal columns (see DisplayWidth) so wide characters never split or
/// overflow. Pure functions shared by the screens, the reports and the command line, so all
/// three measure and break a line the same way.
public enum Text {
    /// Where text sits in a column wider than itself.
    public enum Alignment: Hashable, Sendable {
        case left, right, center
    }

    /// At most `width` columns; "…" marks a cut. A grapheme cluster (a wide character, a
    /// Bengali conjunct, an emoji) is never split: the cut falls before it, so the result may be
    /// a column short. Control characters count as their visible form.
    public static func truncate(_ text: some StringProtocol, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return String(text) }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard ellipsisWidth <= width else { return "" }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(DisplayWidth.safe(character))
            if used + w > width - ellipsisWidth { break }
            out.append(character)
            used += w
        }
        return out + ellipsis
    }

    /// Padded with spaces on the right to `width` columns (never cut).
    public static func pad(_ text: some StringProtocol, to width: Int) -> String {
        String(text) + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    /// Padded with spaces on the left to `width` columns (right-aligned; never cut).
    public static func padLeft(_ text: some StringProtocol, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + String(text)
    }

    /// Right-aligned in `width` columns (never cut): the same as `padLeft`.
    public static func alignRight(_ text: some StringProtocol, to width: Int) -> String {
        padLeft(text, to: width)
    }

    /// Centred in `width` columns (an odd space goes on the right; never cut).
    public static func center(_ text: some StringProtocol, to width: Int) -> String {
        let room = max(0, width - DisplayWidth.of(text))
        return String(repeating: " ", count: room / 2) + String(text) + String(repeating: " ", count: room - room / 2)
    }

    /// Exactly `width` columns: truncated with "…" if too long, then padded on the side the
    /// alignment leaves free. For table cells.
    public static func fit(_ text: some StringProtocol, to width: Int, alignment: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let cut = truncate(text, to: width)
        switch alignment {
        case .left: return pad(cut, to: width)
        case .right: return padLeft(cut, to: width)
        case .center: return center(cut, to: width)
        }
    }

    /// Word-wraps one paragraph to lines of at most `width` columns. Newlines and tabs count as
    /// spaces. A word wider than the line is broken: after a hyphen or slash if it has one
    /// that fits, else at the last cluster that fits. Always at least one line. The screens'
    /// documents and the reports' fixed-width text both wrap here, so they break alike.
    public static func wrap(_ text: some StringProtocol, to width: Int) -> [String] {
        wrapMeasured(text, to: width).map(\.text)
    }

    /// `wrap`, each line with its width in columns (a table pads cells by it without measuring
    /// again). With `breakingLongWords` false a word wider than the line keeps a line of its own
    /// and runs past it, for text that tools read back (a report's paragraphs, where a web
    /// address must stay whole); a table cell or a screen cannot grow, so they break it.
    public static func wrapMeasured(_ text: some StringProtocol, to width: Int,
                                    breakingLongWords: Bool = true) -> [(text: String, width: Int)] {
        let width = max(1, width)
        var lines: [(text: String, width: Int)] = []
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
                lines.append((line, lineWidth))
                line = ""
                lineWidth = 0
            }
            // Each piece's width comes off the word's: measuring the rest again after every
            // piece took time growing with the square of the word's length.
            while breakingLongWords, wordWidth > width {
                let (piece, pieceWidth, rest) = breakWord(word, width: width)
                lines.append((String(piece), pieceWidth))
                word = rest
                wordWidth -= pieceWidth
            }
            line = String(word)
            lineWidth = wordWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append((line, lineWidth)) }
        return lines
    }

    /// The longest head of `word` that fits `width` columns, preferring to end after a hyphen
    /// or slash, the head's width, and the rest. Never empty: a character wider than the line
    /// goes alone. Looks at no more of the word than the head.
    static func breakWord(_ word: Substring, width: Int) -> (Substring, Int, Substring) {
        var end = word.startIndex
        var used = 0
        var lastBreak: (index: Substring.Index, width: Int)?
        while end < word.endIndex {
            let w = DisplayWidth.of(DisplayWidth.safe(word[end]))
            if used + w > width { break }
            used += w
            let isBreak = word[end] == "-" || word[end] == "/"
            end = word.index(after: end)
            if isBreak, end < word.endIndex { lastBreak = (end, used) }
        }
        if end == word.startIndex {
            used = DisplayWidth.of(DisplayWidth.safe(word[end]))
            end = word.index(after: end)
        }
        // Break at a hyphen only if that keeps at least half the line, so lines stay full.
        if let lastBreak, end < word.endIndex, lastBreak.width * 2 >= width {
            end = lastBreak.index
            used = lastBreak.width
        }
        return (word[..<end], used, word[end...])
    }

    /// Wraps several lines of Markdown-ish text (action notes, case studies) to `width`
    /// columns. Consecutive lines form one paragraph; a blank line is kept as one empty line;
    /// a list item ("- ", "* ", "• ", "1. ") wraps under its own text (a hanging indent);
    /// a heading ("# ") and a quote ("> ") keep their first line's prefix; leading spaces are
    /// kept as an indent on every line of the paragraph.
    public static func wrapParagraphs(_ text: some StringProtocol, to width: Int) -> [String] {
        wrapMarkdown(text, to: width).map(\.text)
    }

    /// A line of wrapped Markdown-ish text, and whether it belongs to a heading.
    public struct WrappedLine: Equatable, Sendable {
        public var text: String
        public var isHeading: Bool
    }

    /// `wrapParagraphs`, telling heading lines apart. Files are written with hard line breaks
    /// where their author's editor put them; on screen (a projector, a narrow terminal) a
    /// paragraph is reflowed to the width, as Markdown reads it. `headingMarks` false drops the
    /// "#"s, for views that show headings in their own style.
    public static func wrapMarkdown(_ text: some StringProtocol, to width: Int, headingMarks: Bool = true) -> [WrappedLine] {
        let width = max(1, width)
        var out: [WrappedLine] = []
        var paragraph: [Substring] = []
        var firstPrefix = ""
        var restPrefix = ""
        var heading = false

        func flush() {
            guard !paragraph.isEmpty else { return }
            let joined = paragraph.map { $0.trimmingSpaces() }.joined(separator: " ")
            let indentWidth = DisplayWidth.of(restPrefix)
            let room = max(1, width - max(DisplayWidth.of(firstPrefix), indentWidth))
            for (i, line) in wrap(joined, to: room).enumerated() {
                out.append(WrappedLine(text: (i == 0 ? firstPrefix : restPrefix) + line, isHeading: heading))
            }
            paragraph = []
            heading = false
        }

        for raw in String(text).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty {
                flush()
                if out.last?.text != "" { out.append(WrappedLine(text: "", isHeading: false)) }
                continue
            }
            let indent = String(repeating: " ", count: min(width / 2, DisplayWidth.of(line.prefix { $0 == " " })))
            if let marker = listMarker(trimmed) {
                flush()
                firstPrefix = indent + marker
                restPrefix = indent + String(repeating: " ", count: DisplayWidth.of(marker))
                paragraph = [trimmed.dropFirst(marker.count)]
            } else if trimmed.hasPrefix("#") || trimmed.hasPrefix(">") {
                flush()
                let isHeading = trimmed.hasPrefix("#")
                let marker = String(trimmed.prefix { $0 == "#" || $0 == ">" }) + " "
                let shown = isHeading && !headingMarks ? "" : marker
                firstPrefix = indent + shown
                restPrefix = indent + (isHeading ? String(repeating: " ", count: shown.count) : marker)
                paragraph = [trimmed.drop { $0 == "#" || $0 == ">" }]
                heading = isHeading
                if isHeading { flush() }   // a heading is one paragraph of its own
            } else if paragraph.isEmpty {
                firstPrefix = indent
                restPrefix = indent
                paragraph = [trimmed]
            } else {
                paragraph.append(trimmed)
            }
        }
        flush()
        while out.count > 1, out.last?.text == "" { out.removeLast() }
        return out.isEmpty ? [WrappedLine(text: "", isHeading: false)] : out
    }

    /// "- ", "* ", "• ", "+ " or "12. " / "3) " at the start of a trimmed line.
    static func listMarker(_ line: Substring) -> String? {
        for bullet in ["- ", "* ", "• ", "+ "] where line.hasPrefix(bullet) { return bullet }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let after = line.dropFirst(digits.count)
        if after.hasPrefix(". ") || after.hasPrefix(") ") { return String(digits) + String(after.prefix(2)) }
        return nil
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    public func trimmingSpaces() -> Substring {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
