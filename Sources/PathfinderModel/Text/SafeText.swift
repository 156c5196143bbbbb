/// Text from a file or typed by someone, made fit to show on a terminal: the one rule the
/// screens and the command line share, so a value can never send the terminal an escape
/// sequence, ring its bell, or reorder the rest of a line.
public enum SafeText {
    /// Whether a scalar must never reach the terminal as it is: C0 and C1 controls and DEL
    /// (escape sequences, bells, cursor moves), the line and paragraph separators, and the bidi
    /// embeddings, overrides and isolates (U+202A-202E, U+2066-2069), which can reorder the
    /// rest of a line in a terminal that applies the bidi algorithm.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// A character as it may be shown: control characters become visible symbols (ESC as ␛,
    /// so an escape sequence in a file reads as text), DEL as ␡, the line and paragraph
    /// separators as ␤ and ¶, and C1 controls and bidi controls as �. Anything else is returned
    /// unchanged. Every replacement is one column wide.
    public static func safe(_ character: Character) -> Character {
        guard let unsafe = character.unicodeScalars.first(where: isUnsafe) else { return character }
        let v = unsafe.value
        if v < 0x20 { return Character(Unicode.Scalar(0x2400 + v)!) }   // ␀..␟
        if v == 0x7F { return "␡" }
        if v == 0x2028 { return "␤" }
        if v == 0x2029 { return "¶" }
        return "�"
    }

    /// Text with every character made safe to show, line breaks included (one line).
    public static func line(_ text: some StringProtocol) -> String {
        if isPlain(text, keepingLineFeeds: false) { return String(text) }
        var out = ""
        for character in text { out.append(safe(character)) }
        return out
    }

    /// Text of several lines made safe to show: line feeds (and a CR LF pair, as one line
    /// break) stay line breaks; everything else unsafe, a lone CR included (it would let the
    /// rest of a line overwrite what came before it), becomes its visible symbol.
    public static func lines(_ text: some StringProtocol) -> String {
        if isPlain(text, keepingLineFeeds: true) { return String(text) }
        var out = ""
        for character in text {
            if character == "\n" || character == "\r\n" {
                out.append("\n")
            } else {
                out.append(safe(character))
            }
        }
        return out
    }

    /// Whether the text holds nothing unsafe (a line feed aside, when kept), found from its
    /// UTF-8 bytes without decoding: most text is plain, and every table and screen line passes
    /// here. C0 and DEL are one byte; C1 is 0xC2 0x80-0x9F; U+2028-202E is 0xE2 0x80 0xA8-0xAE;
    /// U+2066-2069 is 0xE2 0x81 0xA6-0xA9.
    static func isPlain(_ text: some StringProtocol, keepingLineFeeds: Bool) -> Bool {
        var plain = true
        var previous: (UInt8, UInt8) = (0, 0)
        for b in text.utf8 {
            if b < 0x20 {
                if !(keepingLineFeeds && b == 0x0A) { plain = false }
            } else if b == 0x7F {
                plain = false
            } else if previous.1 == 0xC2, (0x80...0x9F).contains(b) {
                plain = false
            } else if previous == (0xE2, 0x80), (0xA8...0xAE).contains(b) {
                plain = false
            } else if previous == (0xE2, 0x81), (0xA6...0xA9).contains(b) {
                plain = false
            }
            if !plain { return false }
            previous = (previous.1, b)
        }
        return true
    }

    /// Whether any character of the text would be changed by `line(_:)`.
    public static func needsCleaning(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains(where: isUnsafe)
    }
}

/// A value quoted in a message: “like this”, shortened when long, so a message about a value
/// of 100 KB is still one readable line. Every message that quotes what a user typed or a file
/// holds quotes it through here.
public enum Quote {
    /// How many characters of a long value a message shows.
    public static let shown = 40
    /// How many characters of a title a message shows: more than a real title has (the field
    /// rules allow 200 but a title that long is rare), so only a runaway one is shortened.
    public static let titleShown = 120

    /// “value”, or “the first 40 characters… (102,400 characters)” for a longer one. Line
    /// breaks and controls are kept as they are: whoever shows the message makes them safe.
    public static func value(_ text: some StringProtocol) -> String {
        "“" + short(text) + "”"
    }

    /// The choices a value should have been, for a message: "one of: a, b, c", or, when the
    /// store's catalogue makes that list long (many entries, or long ids), "one of the 9 success
    /// factors in pathfinder.yaml", so a message stays one readable line.
    public static func choices(_ ids: [String], noun: String, place: String? = "pathfinder.yaml") -> String {
        let all = ids.map { short($0) }.joined(separator: ", ")
        return all.count <= 160 ? "one of: " + all : "one of " + list(ids, noun: noun, place: place)
    }

    /// "a, b, c", or "the 9 success factors in pathfinder.yaml" when that list would be long.
    public static func list(_ ids: [String], noun: String, place: String? = "pathfinder.yaml") -> String {
        let list = ids.map { short($0) }.joined(separator: ", ")
        return list.count <= 160 ? list : "the \(ids.count) \(noun)" + (place.map { " in " + $0 } ?? "")
    }

    /// The value itself, shortened as `value(_:)` shortens it but keeping up to `shown`
    /// characters: for titles, which a message shows whole up to the length titles have.
    public static func value(_ text: some StringProtocol, shown: Int) -> String {
        let count = text.count
        guard count > shown else { return "“" + String(text) + "”" }
        return "“" + String(text.prefix(shown)) + "… (\(Number.grouped(Double(count))) characters)”"
    }

    /// The value itself, shortened as `value(_:)` shortens it, without the quotation marks.
    public static func short(_ text: some StringProtocol) -> String {
        let count = text.count
        guard count > shown else { return String(text) }
        return String(text.prefix(shown)) + "… (\(Number.grouped(Double(count))) characters)"
    }
}
