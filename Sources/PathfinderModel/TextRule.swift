/// What the text of a field may hold: one line or several, and at most how many characters.
/// Every field a user sets has one (docs/store-format.md, "Field limits"), checked by
/// `ActionEdit`, `AreaEdit` and `CaseStudyEdit` before anything else, so the screens' forms and
/// the command line refuse the same values with the same words.
public struct TextRule: Hashable, Sendable {
    /// Whether line breaks are allowed (long text: a description, a note, a narrative).
    public var multiline: Bool
    /// The most characters a value may have.
    public var limit: Int

    /// One line of at most `limit` characters.
    public static func line(_ limit: Int) -> TextRule { TextRule(multiline: false, limit: limit) }
    /// Text of several lines, at most `limit` characters in all.
    public static func text(_ limit: Int) -> TextRule { TextRule(multiline: true, limit: limit) }

    /// A progress note's text, and who wrote it.
    public static let note = TextRule.text(20_000)
    public static let author = TextRule.line(120)

    /// Why `text` cannot be saved under this rule, or nil. The message says what to do and
    /// never repeats the value.
    public func problem(_ text: String) -> String? {
        if let scalar = firstRefused(text) {
            if TextRule.isLineBreak(scalar) {
                return multiline
                    ? "has a \(TextRule.name(scalar)) in it: use an ordinary line break"
                    : "must be one line: take out the line break (\(TextRule.name(scalar)))"
            }
            return "has a control character in it (\(TextRule.name(scalar))), which cannot be saved"
        }
        // A character takes at least a byte: only a long text needs counting.
        guard text.utf8.count > limit else { return nil }
        let count = text.count
        if count > limit {
            return "too long: \(Number.grouped(Double(count))) characters, at most \(Number.grouped(Double(limit)))"
        }
        return nil
    }

    /// The first character the rule refuses, found in the UTF-8 bytes without decoding (every
    /// file's every field is checked on load): C0 and DEL are one byte, C1 controls are 0xC2
    /// 0x80-0x9F, and U+2028/U+2029 are 0xE2 0x80 0xA8/0xA9.
    private func firstRefused(_ text: String) -> Unicode.Scalar? {
        var text = text
        return text.withUTF8 { bytes -> Unicode.Scalar? in
            var i = 0
            let n = bytes.count
            let raw = UnsafeRawPointer(bytes.baseAddress)
            while i < n {
                // Eight plain printable ASCII bytes at a time (most text): no byte below 0x20,
                // none with the top bit, no DEL. A word with one of those is looked at byte by
                // byte, then the fast path goes on.
                while let raw, i + 8 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let high: UInt64 = 0x8080_8080_8080_8080
                    let belowSpace = (w &- 0x2020_2020_2020_2020) & ~w & high
                    let notDel = w ^ 0x7F7F_7F7F_7F7F_7F7F
                    let del = (notDel &- 0x0101_0101_0101_0101) & ~notDel & high
                    if (w & high) | belowSpace | del != 0 { break }
                    i += 8
                }
                let end = min(n, i + 8)
                while i < end {
                    let b = bytes[i]
                    if b < 0x20 {
                        if !(multiline && (b == 0x0A || b == 0x0D || b == 0x09)) { return Unicode.Scalar(b) }
                    } else if b == 0x7F {
                        return Unicode.Scalar(b)
                    } else if b == 0xC2, i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]) {
                        return Unicode.Scalar(bytes[i + 1])
                    } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                        return bytes[i + 2] == 0xA8 ? "\u{2028}" : "\u{2029}"
                    }
                    i += 1
                }
            }
            return nil
        }
    }

    /// LF, CR, and the other characters that break a line: NEL (U+0085), the line and paragraph
    /// separators (U+2028, U+2029), and the vertical tab and form feed.
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains(s.value)
    }

    /// A character named as a reader can look it up: "line feed", "U+001B".
    static func name(_ s: Unicode.Scalar) -> String {
        switch s.value {
        case 0x0A: return "line feed"
        case 0x0D: return "carriage return"
        case 0x09: return "tab"
        case 0x1B: return "escape, U+001B"
        case 0x2028: return "line separator, U+2028"
        case 0x2029: return "paragraph separator, U+2029"
        case 0x85: return "next line, U+0085"
        default:
            let hex = String(s.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }
}

extension ActionField {
    /// What this field's text may hold (docs/store-format.md, "Field limits").
    public var rule: TextRule {
        switch self {
        case .title, .theme, .leadBody, .indicatorName: .line(200)
        case .lead: .line(120)
        case .successFactors, .partners, .caseStudies, .dependsOn: .line(2_000)
        case .status: .line(100)
        case .rag, .fundingFullCostRecovery: .line(20)
        case .start, .due, .reviewed, .indicatorBaseline, .indicatorTarget, .indicatorCurrent, .indicatorUnit,
             .fundingAmount, .fundingTerm, .fundingNotice: .line(40)
        case .milestones: .line(4_000)
        case .source: .line(1_000)
        case .description: .text(20_000)
        }
    }
}

extension AreaField {
    /// What this field's text may hold (docs/store-format.md, "Field limits").
    public var rule: TextRule {
        switch self {
        case .name, .type, .region: .line(120)
        case .code: .line(20)
        case .authority: .line(200)
        case .demography: .line(2_000)
        case .keyFigures, .steeringGroup, .forums: .line(8_000)
        case .source: .line(1_000)
        case .narrative: .text(20_000)
        }
    }
}

extension CaseStudyField {
    /// What this field's text may hold (docs/store-format.md, "Field limits").
    public var rule: TextRule {
        switch self {
        case .title: .line(200)
        case .area, .place: .line(120)
        case .themes: .line(2_000)
        case .organisations: .line(4_000)
        case .keyFigures: .line(8_000)
        case .source: .line(1_000)
        case .text: .text(20_000)
        }
    }
}

/// `FIELD=VALUE` pairs as a user types them on the command line: each field named once.
public enum FieldAssignments {
    /// Why the fields cannot all be set together, or nil: a field named twice (under any of its
    /// names: `due` and `due-date` are one field) would leave it unclear which value is meant.
    public static func duplicateProblem<Field: Hashable>(_ pairs: [(field: Field, key: String)]) -> String? {
        var seen: [Field: String] = [:]
        for (field, key) in pairs {
            if let first = seen[field] {
                let same = first == key ? "\(Quote.value(key)) is given twice" : "\(Quote.value(first)) and \(Quote.value(key)) are the same field"
                return "\(same): give each field once"
            }
            seen[field] = key
        }
        return nil
    }
}
