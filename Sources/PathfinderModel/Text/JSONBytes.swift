/// JSON text written as UTF-8 bytes: the one escape of every JSON the program writes
/// (`JSONValue` in PathfinderReports, and the index's action records in PathfinderStore, which
/// write an action's JSON straight from its record).
public enum JSONBytes {
    public static func indent(_ depth: Int, into out: inout [UInt8]) {
        // From a line of spaces, in one copy: a repeated element was appended a byte at a time.
        let count = depth * 2
        if count <= spaces.count {
            spaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
        } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// `Escape.json(text)` appended as bytes, the same bytes: quote and backslash escaped,
    /// line feed, carriage return and tab by their letters, every other control below U+0020
    /// and the line and paragraph separators U+2028/U+2029 as lowercase `\uXXXX`; everything
    /// else (DEL, C1, bidi controls) as it is, as `Escape.json` leaves it. A Swift string is
    /// valid UTF-8, so walking its bytes finds the same characters as walking its scalars.
    public static func quote(_ text: String, into out: inout [UInt8]) {
        // A native string's bytes where they lie; a copy (`withUTF8`) only for a bridged one.
        if text.utf8.withContiguousStorageIfAvailable({ quote(bytes: $0, into: &out) }) != nil { return }
        var text = text
        text.withUTF8 { quote(bytes: $0, into: &out) }
    }

    /// `quote` of text already in UTF-8 (an index record's string), without making a `String`.
    /// The bytes must be valid UTF-8, as a Swift string's are.
    public static func quote(bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var i = 0
        var copied = 0  // bytes before this index are already in `out`
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while i < bytes.count {
            // Eight bytes at a time while none needs a look: a national report quotes 67 MB of
            // notes and titles, nearly all plain, and byte by byte that was a tenth of it.
            if let raw {
                while i + 8 <= bytes.count, Self.plainWord(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
                guard i < bytes.count else { break }
            }
            let b = bytes[i]
            // Most bytes need nothing: one test for them.
            if b >= 0x20, b != UInt8(ascii: "\""), b != UInt8(ascii: "\\"), b != 0xE2 {
                i += 1
                continue
            }
            var escape: [UInt8]? = nil
            var length = 1
            if b == UInt8(ascii: "\"") { escape = Array("\\\"".utf8) }
            else if b == UInt8(ascii: "\\") { escape = Array("\\\\".utf8) }
            else if b == 0x0A { escape = Array("\\n".utf8) }
            else if b == 0x0D { escape = Array("\\r".utf8) }
            else if b == 0x09 { escape = Array("\\t".utf8) }
            else if b < 0x20 { escape = unicodeEscape(UInt32(b)) }
            else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                escape = unicodeEscape(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                length = 3
            }
            if let escape {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                out.append(contentsOf: escape)
                copied = i + length
            }
            i += length
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
        out.append(UInt8(ascii: "\""))
    }

    /// Whether none of a word's eight bytes is below 0x20, a quote, a backslash or 0xE2 (which
    /// starts U+2028 and U+2029): the classic word tests, each exact as a yes or no (a borrow
    /// only ever starts at a byte that passes, so it cannot make one up).
    @inline(__always)
    static func plainWord(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let below20 = (w &- 0x2020_2020_2020_2020) & ~w & highs
        return below20 | hasZero(w ^ 0x2222_2222_2222_2222) | hasZero(w ^ 0x5C5C_5C5C_5C5C_5C5C) | hasZero(w ^ 0xE2E2_E2E2_E2E2_E2E2) == 0
    }

    private static func unicodeEscape(_ value: UInt32) -> [UInt8] {
        let digits = Array("0123456789abcdef".utf8)
        return [UInt8(ascii: "\\"), UInt8(ascii: "u"), digits[Int(value >> 12 & 0xF)], digits[Int(value >> 8 & 0xF)],
                digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]]
    }
}
