import PathfinderModel

/// Text from files is data: every format escapes it its own way, here and only here.
public enum Escape {
    /// For HTML text and attribute values; also well-formed XML (no named entities beyond XML's own).
    /// Control characters other than tab and newline are not allowed in XML 1.0, so they become U+FFFD.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let entity = htmlEntities[scalar] {
                out += entity
            } else if scalar == "\t" || scalar == "\n" {
                out.unicodeScalars.append(scalar)
            } else if scalar == "\r" {
                out += "\n"
            } else if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The characters HTML reads as markup, and how each is written as text.
    private static let htmlEntities: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
    ]

    /// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled.
    public static func csv(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return field }
        return "\"" + field.replacing("\"", with: "\"\"") + "\""
    }

    /// Inline Markdown: characters that would start emphasis, links, code or HTML are
    /// backslash-escaped, and line breaks become spaces so a value stays in its list item or cell.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|":
                out.append("\\")
                out.append(c)
            case "\n", "\r\n", "\r":
                out.append(" ")
            default:
                out.append(c)
            }
        }
        return out
    }

    /// A JSON string literal, with every control character escaped.
    public static func json(_ text: String) -> String {
        QuotedText.quote(text) { $0.value < 0x20 || $0.value == 0x2028 || $0.value == 0x2029 }
    }
}
