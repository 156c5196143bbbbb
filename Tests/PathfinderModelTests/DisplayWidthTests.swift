#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import PathfinderModel

/// ncurses places cells by glibc's wcwidth, so DisplayWidth must agree with it or lines drift.
@Suite struct DisplayWidthTests {
    /// What the terminal makes of a string: the sum of glibc's widths of its scalars.
    func glibcColumns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + max(0, glibcWidth($1.value)) }
    }

    @Test(arguments: [
        "Portsmouth", "Zoë Ahmed", "Zoe\u{308} Ahmed", "রহিম উদ্দিন", "শ্রী", "বাংলা", "中文 ok", "한국어", "ｶﾀｶﾅ",
        "café — £80,000", "Ａｂｃ", "¡Olé!", "👍 done", "👨‍👩‍👧", "🇬🇧 🇧🇩", "👍🏽", "❤️", "1️⃣", "Ελληνικά", "Привет", "עברית",
        "मनोज", "ส้มตำ", "e\u{301}\u{302}\u{303}", "\u{200B}zero\u{200D}width\u{FEFF}",
    ])
    func widthsAgreeWithTheTerminal(text: String) {
        #expect(DisplayWidth.of(text) == glibcColumns(text), "\(text)")
        // The cells a character is split into add up to its width.
        for character in text {
            #expect(DisplayWidth.segments(of: character).reduce(0) { $0 + $1.width } == DisplayWidth.of(character))
        }
    }

    @Test func widthsOfTheNamesAndTextOurUsersHave() {
        #expect(DisplayWidth.of("Zoë") == 3)
        #expect(DisplayWidth.of("Zoe\u{308}") == 3)                  // combining diaeresis
        #expect(DisplayWidth.of("শ্রী") == 3)                           // one cluster, three cells
        #expect("শ্রী".count == 1)
        #expect(DisplayWidth.of("রহিম উদ্দিন") == 10)
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("👍") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 6)                          // three people, as ncurses places them
        #expect(DisplayWidth.of("🇬🇧") == 2)                          // two regional indicators
        #expect(DisplayWidth.of("❤️") == 1)                           // text heart + VS16, as wcwidth says
        #expect(DisplayWidth.of("\u{1FAE8}") == 2)                    // newer than glibc 2.36: by its properties
    }

    /// Every scalar glibc can print, in the BMP and the busy astral ranges, has glibc's width.
    @Test func everyScalarAgreesWithGlibc() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0xFFFF, 0x10000...0x1FFFF, 0x20000...0x20FFF, 0x2A700...0x2B8FF,
                                             0x30000...0x3134F, 0xE0000...0xE01EF, 0xF0000...0xF00FF]
        var disagreements: [String] = []
        var compared = 0
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v), !DisplayWidth.isUnsafe(scalar) else { continue }
                let glibc = glibcWidth(v)
                guard glibc >= 0 else { continue }   // not printable to glibc: see the next test
                compared += 1
                let ours = DisplayWidth.of(scalar: scalar)
                if ours != glibc { disagreements.append("U+\(String(v, radix: 16, uppercase: true)) ours \(ours) glibc \(glibc)") }
            }
        }
        #expect(compared > 90_000)
        #expect(disagreements.isEmpty, """
            \(disagreements.count) scalars differ from glibc \(WidthTableGenerator.glibcVersion) \
            (regenerate the tables: PATHFINDER_REGENERATE_WIDTHS=1): \(disagreements.prefix(30))
            """)
    }

    /// Where glibc says -1 ("not printable"), the deliberate choices documented in DisplayWidth.
    @Test func deliberateDifferencesFromGlibc() {
        // Controls and bidi controls are drawn as a one-column symbol, never raw.
        for v: UInt32 in [0x1, 0x1B, 0x7F, 0x85, 0x9B, 0x2028, 0x2029, 0x202E, 0x2067] {
            let scalar = Unicode.Scalar(v)!
            #expect(DisplayWidth.isUnsafe(scalar))
            #expect(DisplayWidth.of(scalar: scalar) == 1)
            #expect(DisplayWidth.of(DisplayWidth.safe(Character(scalar))) == 1)
        }
        // Unassigned code points and noncharacters: one column (two in the ideograph planes).
        #expect(DisplayWidth.of(scalar: "\u{0378}") == 1)
        #expect(DisplayWidth.of(scalar: "\u{FFFE}") == 1)
        #expect(DisplayWidth.of(scalar: "\u{2FFFD}") == 2)
        // Characters newer than this glibc: marks take none, emoji and wide blocks take two.
        var newer = 0
        for v in UInt32(0x300)...0x3FFFF {
            guard let scalar = Unicode.Scalar(v), !DisplayWidth.isUnsafe(scalar), glibcWidth(v) < 0 else { continue }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .unassigned, .privateUse, .surrogate: continue
            case .nonspacingMark, .enclosingMark, .format: #expect(DisplayWidth.of(scalar: scalar) == 0, "U+\(String(v, radix: 16))")
            default:
                newer += 1
                if properties.isEmojiPresentation { #expect(DisplayWidth.of(scalar: scalar) == 2, "U+\(String(v, radix: 16))") }
            }
        }
        #expect(newer >= 0)
    }

    @Test func segmentsAreTheCellsTheTerminalUses() {
        func cells(_ c: Character) -> [String] { DisplayWidth.segments(of: c).map { "\($0.text)/\($0.width)" } }
        #expect(cells("শ্রী".first!) == ["শ্/1", "র/1", "ী/1"])   // one Character at run time (Unicode 15.1)
        #expect(cells("e\u{301}") == ["e\u{301}/1"])
        #expect(cells("中") == ["中/2"])
        // The joiners go, so no terminal glues cells ncurses placed apart.
        #expect(cells("👨‍👩‍👧") == ["👨/2", "👩/2", "👧/2"])
        #expect(cells("👍🏽") == ["👍/2", "🏽/2"])
        // VS16 would widen a one-column heart past its cell.
        #expect(cells("❤️") == ["❤/1"])
        #expect(cells("🇬🇧") == ["🇬/1", "🇧/1"])
    }

    @Test func controlCharactersAndBidiControlsAreShownNotSent() {
        #expect(DisplayWidth.safe("\u{1B}") == "␛")
        #expect(DisplayWidth.safe("\u{7}") == "␇")
        #expect(DisplayWidth.safe("\u{0}") == "␀")
        #expect(DisplayWidth.safe("\u{7F}") == "␡")
        #expect(DisplayWidth.safe("\u{9B}") == "�")
        #expect(DisplayWidth.safe("\r\n") == "␍")
        #expect(DisplayWidth.safe("\u{2028}") == "␤")
        for v: UInt32 in Array(0x202A...0x202E) + Array(0x2066...0x2069) {
            #expect(DisplayWidth.safe(Character(Unicode.Scalar(v)!)) == "�")
        }
        #expect(DisplayWidth.safe("a") == "a")
        #expect(DisplayWidth.safe("শ্রী".first!) == "শ্রী".first!)
        #expect(DisplayWidth.safe(text: "red\u{1B}[31m\u{202E}txet") == "red␛[31m�txet")
        #expect(DisplayWidth.of("red\u{1B}[31m") == 8)
    }
}

/// The range tables are generated; this regenerates them when asked and checks they are sorted.
@Suite struct DisplayWidthTableTests {
    @Test func tablesAreSortedPairs() {
        for table in [DisplayWidth.zeroWidthRanges, DisplayWidth.wideRanges] {
            #expect(table.count % 2 == 0)
            for i in stride(from: 0, to: table.count, by: 2) {
                #expect(table[i] <= table[i + 1])
                if i > 0 { #expect(table[i - 1] + 1 < table[i]) }
            }
        }
    }

    @Test func regenerateWhenAsked() throws {
        guard ProcessInfo.processInfo.environment["PATHFINDER_REGENERATE_WIDTHS"] == "1" else { return }
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/PathfinderModel/Text/DisplayWidthTables.swift")
        let source = WidthTableGenerator.source(glibc: glibcWidth, glibcVersion: WidthTableGenerator.glibcVersion)
        try source.write(to: file, atomically: true, encoding: .utf8)
    }
}
