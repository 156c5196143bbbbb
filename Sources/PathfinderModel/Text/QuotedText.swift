/// A double-quoted string with backslash escapes: the form JSON strings and YAML's
/// double-quoted scalars share, written here once for the reports' JSON and the store's YAML.
public enum QuotedText {
    /// `text` in double quotes: `"` and `\` escaped, line feed, carriage return and tab by
    /// their letters, and every other scalar that `escaping` picks as `\uXXXX` (four hex
    /// digits, in capitals if `uppercaseHex`). Each format says which scalars it cannot hold.
    public static func quote(_ text: String, uppercaseHex: Bool = false, escaping: (Unicode.Scalar) -> Bool) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if escaping(scalar) {
                    let hex = String(scalar.value, radix: 16, uppercase: uppercaseHex)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
