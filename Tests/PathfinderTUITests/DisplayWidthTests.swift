#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import PathfinderTUI

/// glibc's wcwidth, looked up at run time (Swift's Glibc module does not export it).
private let wcwidth: @convention(c) (Int32) -> Int32 = {
    let symbol = dlsym(nil, "wcwidth")!
    return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
}()

@Suite struct DisplayWidthTests {
    /// The terminal places text by glibc's wcwidth; our widths must agree or lines drift.
    func glibcWidth(_ text: String) -> Int {
        setlocale(LC_ALL, "C.UTF-8")
        return text.unicodeScalars.reduce(0) { $0 + max(0, Int(wcwidth(Int32(bitPattern: $1.value)))) }
    }

    @Test(arguments: ["Portsmouth", "Zoë Ahmed", "Zoe\u{308}", "রহিম উদ্দিন", "বাংলা", "শ্রী", "中文 ok", "한국어",
                      "café — £80,000", "Ａｂｃ", "👍 done", "¡Olé!"])
    func widthsAgreeWithTheTerminal(text: String) {
        #expect(DisplayWidth.of(text) == glibcWidth(text), "\(text)")
    }

    @Test func everyBMPScalarAgreesWithWcwidthOutsideKnownDifferences() {
        setlocale(LC_ALL, "C.UTF-8")
        var disagreements: [UInt32] = []
        for v in UInt32(0x20)...0xFFFD {
            guard let scalar = Unicode.Scalar(v), scalar.properties.generalCategory != .unassigned,
                  scalar.properties.generalCategory != .privateUse, scalar.properties.generalCategory != .surrogate else { continue }
            let glibc = Int(wcwidth(Int32(bitPattern: v)))
            guard glibc >= 0 else { continue }
            if DisplayWidth.of(scalar: scalar) != glibc { disagreements.append(v) }
        }
        // A small number of scalars differ where Unicode versions disagree; the count guards
        // against a table that is wrong wholesale.
        #expect(disagreements.count < 200, "\(disagreements.count) differ, e.g. \(disagreements.prefix(20).map { String($0, radix: 16) })")
    }

    @Test func controlCharactersAndBidiOverridesAreShownNotSent() {
        #expect(DisplayWidth.safe("\u{1B}") == "␛")
        #expect(DisplayWidth.safe("\u{7}") == "␇")
        #expect(DisplayWidth.safe("\u{9B}") == "�")
        #expect(DisplayWidth.safe("\u{202E}") == "�")
        var screen = Screen(width: 20, height: 1)
        screen.put("red\u{1B}[31mX", x: 0, y: 0)
        #expect(screen.lines[0].hasPrefix("red␛[31mX"))
        #expect(!screen.cells.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B } })
    }

    @Test func bengaliVowelSignsTakeTheirOwnCells() {
        var screen = Screen(width: 10, height: 1)
        let used = screen.put("বাংলা|", x: 0, y: 0)
        #expect(used == 6)
        #expect(screen[5, 0].text == "|")
        #expect(screen.lines[0] == "বাংলা|    ")
    }

    @Test func wideCharactersNeverSplitAtTheEdgeOrWhenOverwritten() {
        var screen = Screen(width: 5, height: 1)
        #expect(screen.put("中文字", x: 0, y: 0) == 4)   // the third would cross the edge
        #expect(screen.lines[0] == "中文 ")
        screen.put("x", x: 1, y: 0)                     // overwrite the second half of 中
        #expect(screen.lines[0] == " x文 ")
        screen.put("👨‍👩‍👧", x: 3, y: 0)
        #expect(screen[3, 0].text == "👨‍👩‍👧")
        #expect(screen[4, 0].continuation)
    }

    @Test func textFitsColumns() {
        #expect(Text.truncate("Portsmouth City Council", to: 10) == "Portsmout…")
        #expect(Text.truncate("中文中文", to: 5) == "中文…")
        #expect(DisplayWidth.of(Text.truncate("রহিম উদ্দিন", to: 6)) <= 6)
        #expect(Text.pad("Zoë", to: 5) == "Zoë  ")
        #expect(Text.padLeft("7", to: 3) == "  7")
        #expect(Text.wrap("The scheme supports 200 housebound people", to: 12) == ["The scheme", "supports 200", "housebound", "people"])
        #expect(Text.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(Text.wrap("", to: 4) == [""])
        for line in Text.wrap("রহিম উদ্দিন 中文中文中文 emoji 👍👍👍", to: 7) { #expect(DisplayWidth.of(line) <= 7) }
    }
}
