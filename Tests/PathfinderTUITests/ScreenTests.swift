import Testing
import PathfinderModel
@testable import PathfinderTUI

@Suite struct ScreenTests {
    /// Text cut by the screen's edge or a width ends in "…" when words are lost (issue 16: the
    /// areas list showed "City (unitary" at 40x12); padding and rules are cut without one.
    @Test func cutTextEndsWithAnEllipsis() {
        var screen = Screen(width: 13, height: 5)
        screen.put("City (unitary authority)", x: 0, y: 0)
        screen.put("Portsmouth City Council", x: 2, y: 1, maxWidth: 8)
        screen.put("Name        ", x: 0, y: 2)
        screen.put(String(repeating: "─", count: 20), x: 0, y: 3)
        screen.put("漢字漢字漢字漢", x: 0, y: 4)
        assertScreen(screen, rows: ["City (unitar…", "  Portsmo…   ", "Name         ", "─────────────", "漢字漢字漢…  "])
    }

    @Test func wideCharactersTakeTwoCells() {
        var screen = Screen(width: 8, height: 1)
        #expect(screen.put("中文ab", x: 0, y: 0) == 6)
        #expect(screen[0, 0].text == "中")
        #expect(screen[1, 0].continuation)
        #expect(screen[4, 0].text == "a")
        assertScreen(screen, rows: ["中文ab  "])
    }

    @Test func aWideCharacterThatWouldCrossTheEdgeIsNotDrawn() {
        var screen = Screen(width: 5, height: 1)
        #expect(screen.put("中文字", x: 0, y: 0) == 4)
        assertScreen(screen, rows: ["中…  "])   // the cut is marked (a wide character gives way to "…")
        var clipped = Screen(width: 10, height: 1)
        #expect(clipped.put("ab中文", x: 0, y: 0, maxWidth: 3) == 2)   // 中 would need columns 2 and 3
        assertScreen(clipped, rows: ["a…        "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(width: 6, height: 1)
        screen.put("中文字", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)          // the right half of 中
        assertScreen(screen, rows: [" x文字"])
        screen.put("y", x: 2, y: 0)          // the left half of 文
        assertScreen(screen, rows: [" xy 字"])
        #expect(!screen[3, 0].continuation)
        screen.put("中", x: 3, y: 0)         // a wide character over the right half of 文's old place and 字's left
        assertScreen(screen, rows: [" xy中 "])
        screen.fill(x: 4, y: 0, width: 1, height: 1, style: .plain)
        assertScreen(screen, rows: [" xy   "])
    }

    @Test func aWideCharacterCutByTheLeftEdgeShowsABlank() {
        var screen = Screen(width: 4, height: 1)
        screen.put("abcd", x: 0, y: 0)
        #expect(screen.put("中文", x: -1, y: 0) == 4)
        assertScreen(screen, rows: [" 文d"])
    }

    @Test func everyRowIsExactlyTheScreenWidth() {
        var screen = Screen(width: 12, height: 4)
        screen.put("রহিম উদ্দিন শ্রী", x: 0, y: 0)
        screen.put("👨‍👩‍👧 🇬🇧 👍🏽", x: 1, y: 1)
        screen.put("Zoe\u{308} 中文中文中文中文", x: 3, y: 2)
        screen.put("\u{1B}[2J\u{7}\u{202E}abc", x: 0, y: 3)
        for line in screen.lines { #expect(DisplayWidth.of(line) == 12, "\(line)") }
        assertScreen(screen, rows: [
            "রহিম উদ্দিন… ",                  // শ্রী (3 columns) does not fit whole: left out, the cut marked
            " 👨👩👧 🇬🇧… ",
            "   Zoë 中…  ",
            "␛[2J␇�abc   ",
        ])
    }

    @Test func controlCharactersNeverReachTheCells() {
        var screen = Screen(width: 20, height: 1)
        screen.put("red\u{1B}[31mX\u{9B}\u{7F}\u{2066}", x: 0, y: 0)
        #expect(screen.lines[0].hasPrefix("red␛[31mX�␡�"))
        for cell in screen.cells {
            #expect(!cell.text.unicodeScalars.contains(where: DisplayWidth.isUnsafe))
        }
    }

    @Test func combiningMarksStayWithTheirLetter() {
        var screen = Screen(width: 6, height: 1)
        #expect(screen.put("Zoe\u{308}", x: 0, y: 0) == 3)
        #expect(screen[2, 0].text == "e\u{308}")
        #expect(screen.put("\u{301}x", x: 4, y: 0) == 1)            // a stray mark has nothing to sit on
        #expect(screen[4, 0].text == "x")
        #expect(screen.put("শ্রী", x: 0, y: 0) == 3)                  // one Character, three cells
        #expect(screen[0, 0].text == "শ্")
        #expect(screen[2, 0].text == "ী")
    }

    @Test func putOutsideTheScreenDoesNothing() {
        var screen = Screen(width: 3, height: 2)
        #expect(screen.put("abc", x: 0, y: 2) == 0)
        #expect(screen.put("abc", x: 0, y: -1) == 0)
        #expect(screen.put("abc", x: 3, y: 0) == 0)
        #expect(screen.put("abc", x: 0, y: 0, maxWidth: 0) == 0)
        assertScreen(screen, rows: ["   ", "   "])
        #expect(Screen(width: -1, height: -1).lines.isEmpty)
    }

    @Test func goldenFilesRoundTrip() {
        let rows = ["|a|", " b  ", "中文"]
        #expect(Goldens.rows(of: Goldens.text(of: rows)) == rows)
        let report = Goldens.report(expected: ["same", "old "], actual: ["same", "new "], title: "t")
        #expect(report.contains(">  1 |old |"))
        #expect(report.contains(">  1 |new |"))
        #expect(report.contains("   0 |same|"))
    }

    @Test func aSmallScreenMatchesItsGolden() {
        var screen = Screen(width: 24, height: 4)
        screen.put(Text.fit("Lead", to: 12) + "Status", x: 0, y: 0, style: Theme.builtInDefault.style(for: .tableHeader))
        screen.put(Text.fit("রহিম উদ্দিন", to: 12) + "◐ R", x: 0, y: 1)
        screen.put(Text.fit("Zoë Ahmed", to: 12) + "● G", x: 0, y: 2)
        screen.put(Text.fit("中文の名前がとても長い", to: 12) + "○ A", x: 0, y: 3)
        assertScreen(screen, golden: "screen-wide-names-24x4")
    }
    /// Printable ASCII is drawn from its bytes (the common case, for speed): over any screen,
    /// at any position and width, it must leave exactly the cells the general path leaves,
    /// wide characters it overwrites and the cut mark included.
    @Test func asciiTextDrawsAsTheGeneralPathDoes() {
        var random = SplitMix(seed: 12)
        let pieces = ["a", "b", " ", "  ", "-", "~", "Q", "word", "x y"]
        let backgrounds = ["", "中文字漢字", "ab中文cd", "─────", "Zoe\u{308}中"]
        for _ in 0..<2_000 {
            let width = Int(random.next() % 12) + 1
            var screen = Screen(width: width, height: 1)
            screen.put(backgrounds[Int(random.next() % UInt64(backgrounds.count))], x: Int(random.next() % 4) - 1, y: 0)
            let text = (0..<Int(random.next() % 6)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let x = Int(random.next() % UInt64(width + 4)) - 3
            let maxWidth: Int? = random.next() % 3 == 0 ? nil : Int(random.next() % 10) - 1
            var general = screen
            let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
            let generalUsed = x < width ? general.putCharacters(text, x: x, y: 0, style: .plain, limit: limit) : 0
            let used = screen.put(text, x: x, y: 0, maxWidth: maxWidth)
            #expect(DisplayWidth.isPrintableASCII(text))
            #expect(used == generalUsed, "\(text) at \(x), width \(width), max \(String(describing: maxWidth))")
            #expect(screen == general, "\(text) at \(x), width \(width), max \(String(describing: maxWidth)): \(screen.lines) vs \(general.lines)")
        }
        #expect(!DisplayWidth.isPrintableASCII("caf\u{E9}"))
        #expect(!DisplayWidth.isPrintableASCII("tab\there"))
        #expect(!DisplayWidth.isPrintableASCII("e\u{301}"))
    }
}

/// A small seeded generator, so a failure can be run again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
