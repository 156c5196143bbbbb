#if canImport(Glibc)
import Glibc
#endif
@testable import PathfinderModel

/// glibc's wcwidth in a UTF-8 locale, looked up at run time (Swift's Glibc module does not
/// export it). Tests compare DisplayWidth with it; the generator builds the tables from it.
let glibcWcwidth: @convention(c) (Int32) -> Int32 = {
    setlocale(LC_ALL, "C.UTF-8")
    let symbol = dlsym(nil, "wcwidth")!
    return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
}()

func glibcWidth(_ value: UInt32) -> Int {
    setlocale(LC_ALL, "C.UTF-8")
    return Int(glibcWcwidth(Int32(bitPattern: value)))
}

/// Writes Sources/PathfinderModel/Text/DisplayWidthTables.swift: glibc's wcwidth where glibc knows the
/// character, and Unicode properties (from Swift's newer Unicode data) where it does not, so a
/// character newer than the C library still gets the width newer C libraries give it.
enum WidthTableGenerator {
    /// Blocks whose characters are all East Asian Wide (UAX #11), for characters glibc does not
    /// know yet; unassigned code points in the ideograph planes are wide by default too.
    static let wideBlocks: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
        0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FFF, 0x17000...0x18CFF,
        0x18D00...0x18D7F, 0x1AFF0...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
    static let defaultWideRanges: [ClosedRange<UInt32>] = [
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// The width the tables give one code point.
    static func width(_ v: UInt32, glibc: (UInt32) -> Int) -> Int {
        if v == 0 { return 0 }
        // Shown as a one-column visible symbol, never raw (DisplayWidth.safe).
        if let scalar = Unicode.Scalar(v), DisplayWidth.isUnsafe(scalar) { return 1 }
        let known = glibc(v)
        if known >= 0 { return known }
        guard let scalar = Unicode.Scalar(v) else { return 1 }
        switch scalar.properties.generalCategory {
        case .unassigned:
            return defaultWideRanges.contains { $0.contains(v) } ? 2 : 1
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            if scalar.properties.isEmojiPresentation || wideBlocks.contains(where: { $0.contains(v) }) { return 2 }
            return 1
        }
    }

    /// (first, last) ranges of code points with the given width.
    static func ranges(of wanted: Int, glibc: (UInt32) -> Int) -> [(UInt32, UInt32)] {
        var result: [(UInt32, UInt32)] = []
        var v: UInt32 = 0
        while v <= 0x10FFFF {
            if (0xD800...0xDFFF).contains(v) { v = 0xE000; continue }
            if width(v, glibc: glibc) == wanted {
                if let last = result.last, last.1 == v - 1 || (last.1 == 0xD7FF && v == 0xE000) {
                    result[result.count - 1].1 = v
                } else {
                    result.append((v, v))
                }
            }
            v += 1
        }
        return result
    }

    static func source(glibc: (UInt32) -> Int, glibcVersion: String) -> String {
        func hex(_ v: UInt32) -> String {
            let digits = String(v, radix: 16, uppercase: true)
            return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        }
        func table(_ name: String, _ ranges: [(UInt32, UInt32)], _ doc: String) -> String {
            var out = "    /// \(doc)\n    static let \(name): [UInt32] = [\n"
            var line = "       "
            for (first, last) in ranges {
                let item = " \(hex(first)), \(hex(last)),"
                if line.count + item.count > 100 {
                    out += line + "\n"
                    line = "       "
                }
                line += item
            }
            out += line + "\n    ]\n"
            return out
        }
        return """
        // Generated from glibc \(glibcVersion) wcwidth (C.UTF-8) and, for characters that glibc
        // does not know, Swift's Unicode properties. Do not edit by hand; regenerate with
        //   PATHFINDER_REGENERATE_WIDTHS=1 swift test --filter DisplayWidthTableTests
        // (see Tests/PathfinderModelTests/WidthTableGenerator.swift). Every other scalar is 1 column.

        extension DisplayWidth {
        \(table("zeroWidthRanges", ranges(of: 0, glibc: glibc), "Scalars that take no column, as (first, last) pairs in order."))
        \(table("wideRanges", ranges(of: 2, glibc: glibc), "Scalars that take two columns, as (first, last) pairs in order."))}

        """
    }

    static var glibcVersion: String {
        typealias Version = @convention(c) () -> UnsafePointer<CChar>
        guard let symbol = dlsym(nil, "gnu_get_libc_version") else { return "(unknown)" }
        return String(cString: unsafeBitCast(symbol, to: Version.self)())
    }
}
