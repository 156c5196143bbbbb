import Foundation
import Testing
import PathfinderModel
@testable import PathfinderTUI

/// A word far longer than the screen (a pasted link, a file of one long line) wraps and shows
/// in time that grows with its length, not its square: a 65 KB word once took seconds a frame.
@Suite struct LongWordTests {
    static let word = String(repeating: "abcdefghij", count: 20_000)   // 200,000 characters

    @Test func aVeryLongWordWrapsIntoFullLines() {
        let started = Date()
        let lines = Text.wrap(Self.word, to: 80)
        print("Text.wrap of a 200,000-character word at 80 columns: \(Int(Date().timeIntervalSince(started) * 1000)) ms")
        #expect(lines.count == 2_500)
        #expect(lines.allSatisfy { $0.count == 80 })
        let nothingLost = lines.joined() == Self.word
        #expect(nothingLost)
    }

    @Test func aVeryLongWordOfWideCharactersAndHyphensWraps() {
        let wide = String(repeating: "中文-", count: 30_000)   // 90,000 characters, 150,000 columns
        let lines = Text.wrap("start " + wide + " end", to: 41)
        #expect(lines.first == "start")
        #expect(lines.last?.hasSuffix("end") == true)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 41 })
        // Broken after a hyphen, so every full line ends with one (41 columns hold 8 "中文-").
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.hasSuffix("-") && DisplayWidth.of($0) == 40 })
        let nothingLost = lines.dropFirst().joined().replacingOccurrences(of: " ", with: "") == wide + "end"
        #expect(nothingLost)
    }

    @Test func notesWithAVeryLongWordWrap() {
        let lines = Text.wrapParagraphs("- item " + Self.word + "\n\nafter", to: 82)
        #expect(lines.first == "- item")
        #expect(lines.dropFirst().prefix(2_500).allSatisfy { $0.hasPrefix("  ") && $0.count == 82 })
        #expect(lines.last == "after")
    }

    @Test func aFieldHoldingAVeryLongLineShowsItsEndAndCursor() {
        var screen = Screen(width: 40, height: 1)
        let started = Date()
        InputField.render(LineEditor(Self.word), x: 0, y: 0, width: 40, theme: .builtInDefault, into: &screen)
        print("Drawing a field holding 200,000 characters: \(Int(Date().timeIntervalSince(started) * 1000)) ms")
        // The cursor at the end: "…" for what is scrolled off, the last 38 characters, then the
        // cursor's cell.
        #expect(screen.lines[0] == "…" + String(Self.word.suffix(38)) + " ")
        #expect(screen[39, 0].style == Theme.builtInDefault.style(for: .inputCursor))

        var home = LineEditor(Self.word)
        _ = home.handle(Key.home)
        var top = Screen(width: 40, height: 1)
        InputField.render(home, x: 0, y: 0, width: 40, theme: .builtInDefault, into: &top)
        #expect(top.lines[0] == String(Self.word.prefix(39)) + "…")   // the rest is marked as cut
        #expect(top[0, 0].style == Theme.builtInDefault.style(for: .inputCursor))

        var wide = LineEditor(String(repeating: "中", count: 50))
        var wideScreen = Screen(width: 10, height: 1)
        InputField.render(wide, x: 0, y: 0, width: 10, theme: .builtInDefault, into: &wideScreen)
        #expect(wideScreen.lines[0].hasPrefix("…中中中中"))   // what is scrolled off, 8 columns of text, the cursor
        _ = wide.handle(Key.home)
        wideScreen = Screen(width: 10, height: 1)
        InputField.render(wide, x: 0, y: 0, width: 10, theme: .builtInDefault, into: &wideScreen)
        #expect(wideScreen.lines[0] == "中中中中… ")
    }
}
