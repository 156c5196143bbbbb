import Foundation

/// Bytes of a text file as a spreadsheet program wrote them: UTF-8 with or without a byte order
/// mark, UTF-16 with one (Excel's "Unicode text"), or, when the bytes are not UTF-8, Windows-1252
/// (what Excel on Windows writes as "CSV" in Britain).
enum TextDecoding {
    enum Encoding: String {
        case utf8 = "UTF-8", utf8BOM = "UTF-8 with a byte order mark", utf16 = "UTF-16", windows1252 = "Windows-1252"
    }

    static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (String(decoding: bytes.dropFirst(3), as: UTF8.self), .utf8BOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                units.append(little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
                i += 2
            }
            return (String(decoding: units, as: UTF16.self), .utf16)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return (windows1252(bytes), .windows1252)
    }

    /// Windows-1252: Latin-1 but for 0x80-0x9F, which hold the curly quotes, dashes, € and the like.
    static func windows1252(_ bytes: [UInt8]) -> String {
        let high: [UInt32] = [0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
                              0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                              0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178]
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let value = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }
}
