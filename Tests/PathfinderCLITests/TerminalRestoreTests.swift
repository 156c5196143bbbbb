import CursesTerminal
import PathfinderTUI
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal backend's pure parts: key and mouse decoding, colour mapping, glyph layout.
/// None of these needs curses initialised or a terminal.
@Suite struct TerminalRestoreTests {
    // Raw curses codes (see curses.h): KEY_DOWN 0402, KEY_UP 0403, KEY_LEFT 0404, KEY_RIGHT
    // 0405, KEY_HOME 0406, KEY_BACKSPACE 0407, KEY_F0 0410, KEY_NPAGE 0522, KEY_PPAGE 0523,
    // KEY_DC 0512, KEY_IC 0513, KEY_ENTER 0527, KEY_BTAB 0541, KEY_END 0550, KEY_RESIZE 0632.
    @Test func charactersAndControlKeys() {
        func key(_ code: UInt32) -> Key? { InputDecoder.key(code: code, isKeyCode: false) }
        #expect(key(UInt32(UInt8(ascii: "a"))) == .character("a"))
        #expect(key(0xE9) == .character("é"))
        #expect(key(0x0995) == .character("ক"))
        #expect(key(0x1F600) == .character("😀"))
        #expect(key(9) == .tab)
        #expect(key(10) == .enter)
        #expect(key(13) == .enter)
        #expect(key(27) == .escape)
        #expect(key(127) == .backspace)
        #expect(key(8) == .backspace)
        #expect(key(3) == .control("c"))
        #expect(key(18) == .control("r"))
        #expect(key(1) == .control("a"))
        #expect(key(26) == .control("z"))
        #expect(key(0) == nil)
        #expect(key(0x85) == nil)
        #expect(key(0xD800) == nil)   // a lone surrogate is not a character
    }

    @Test func functionKeys() {
        func key(_ code: UInt32) -> Key? { InputDecoder.key(code: code, isKeyCode: true) }
        #expect(key(0o402) == .down)
        #expect(key(0o403) == .up)
        #expect(key(0o404) == .left)
        #expect(key(0o405) == .right)
        #expect(key(0o406) == .home)
        #expect(key(0o550) == .end)
        #expect(key(0o523) == .pageUp)
        #expect(key(0o522) == .pageDown)
        #expect(key(0o407) == .backspace)
        #expect(key(0o512) == .delete)
        #expect(key(0o513) == .insert)
        #expect(key(0o527) == .enter)
        #expect(key(0o541) == .backTab)
        #expect(key(0o410 + 1) == .function(1))
        #expect(key(0o410 + 12) == .function(12))
        #expect(key(0o632) == nil)   // KEY_RESIZE is an event, not a key
        #expect(key(0o631) == nil)   // KEY_MOUSE too
    }

    // ncurses mouse masks (version 2): button b's events sit 5 bits apart from bit 0; within
    // a button, 2 is pressed, 4 clicked, 8 double-clicked, 1 released.
    @Test func mouseReports() {
        func mouse(_ buttons: UInt32) -> MouseEvent? { InputDecoder.mouse(x: 3, y: 4, buttons: buttons) }
        #expect(mouse(0x4) == .click(x: 3, y: 4))
        #expect(mouse(0x2) == .click(x: 3, y: 4))
        #expect(mouse(0x8) == .doubleClick(x: 3, y: 4))
        #expect(mouse(0x2 << 15) == .wheelUp(x: 3, y: 4))
        #expect(mouse(0x2 << 20) == .wheelDown(x: 3, y: 4))
        #expect(mouse(0x1) == nil)          // a release
        #expect(mouse(0x4 << 10) == nil)    // right button
    }

    @Test func colourDepthFollowsTheTerminalAndNoColor() {
        #expect(ColorDepth.detect(hasColors: true, colorCount: 256, noColor: nil) == .full)
        #expect(ColorDepth.detect(hasColors: true, colorCount: 88, noColor: nil) == .sixteen)
        #expect(ColorDepth.detect(hasColors: true, colorCount: 8, noColor: nil) == .eight)
        #expect(ColorDepth.detect(hasColors: true, colorCount: 256, noColor: "") == .full)
        #expect(ColorDepth.detect(hasColors: true, colorCount: 256, noColor: "1") == ColorDepth.none)
        #expect(ColorDepth.detect(hasColors: false, colorCount: 256, noColor: nil) == ColorDepth.none)
    }

    @Test func coloursMapToWhatTheTerminalHas() {
        #expect(ColorDepth.full.terminalColor(.default) == -1)
        #expect(ColorDepth.full.terminalColor(.indexed(208)) == 208)
        #expect(ColorDepth.sixteen.terminalColor(.ansi(12)) == 12)
        #expect(ColorDepth.eight.terminalColor(.ansi(12)) == 4)        // bright blue -> blue
        #expect(ColorDepth.sixteen.terminalColor(.indexed(196)) == 9)  // pure red -> bright red
        #expect(ColorDepth.eight.terminalColor(.indexed(196)) == 1)    // -> red
        #expect(ColorDepth.sixteen.terminalColor(.indexed(21)) == 4)   // pure blue -> blue
        #expect(ColorDepth.sixteen.terminalColor(.indexed(46)) == 10)  // pure green -> bright green
        #expect(ColorDepth.sixteen.terminalColor(.indexed(232)) == 0)  // near black
        #expect(ColorDepth.sixteen.terminalColor(.indexed(255)) == 7)  // light grey
        #expect(ColorDepth.sixteen.terminalColor(.indexed(244)) == 8)  // mid grey stays grey
        #expect(ColorDepth.eight.terminalColor(.indexed(244)) == 7)    // ... not yellow
        #expect(ColorDepth.eight.terminalColor(.indexed(236)) == 0)
    }

    /// A terminal's measure for the tests: like glibc's wcwidth for these characters.
    private static func width(_ s: Unicode.Scalar) -> Int {
        switch s.value {
        case 0x300...0x36F, 0x200D, 0xFE0F, 0x9C1...0x9C4, 0x9CD: return 0
        case 0x1F300...0x1FAFF, 0x4E00...0x9FFF: return 2
        case 0x7: return -1
        default: return 1
        }
    }

    private static func layout(_ text: String, _ columns: Int) -> [String] {
        GlyphLayout.layout(text, columns: columns, width: width).map { glyph in
            "\(glyph.column):" + String(String.UnicodeScalarView(glyph.scalars))
        }
    }

    @Test func glyphsCoverExactlyTheirCells() {
        #expect(Self.layout("a", 1) == ["0:a"])
        #expect(Self.layout("e\u{301}", 1) == ["0:e\u{301}"])          // combining mark kept
        #expect(Self.layout("中", 2) == ["0:中"])
        #expect(Self.layout("😀", 2) == ["0:😀"])
        #expect(Self.layout("a", 2) == ["0:a", "1: "])                 // narrower: padded
        #expect(Self.layout("中", 1) == ["0:\u{FFFD}"])                 // wider: never spills
        #expect(Self.layout("কি", 2) == ["0:ক", "1:ি"])                // spacing mark: own column
        #expect(Self.layout("কি", 1) == ["0:ক"])                       // ... dropped when no room
        #expect(Self.layout("কু", 1) == ["0:কু"])                       // zero-width sign stays
        #expect(Self.layout("👩\u{200D}💻", 2) == ["0:👩"])             // no dangling joiner
        #expect(Self.layout("\u{301}", 1) == ["0: \u{301}"])           // a mark gets a base
        #expect(Self.layout("\u{7}", 1) == ["0:\u{FFFD}"])             // unprintable shown
        #expect(Self.layout("", 1) == ["0: "])
    }

    @Test(.enabled(if: isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0))
    func startingWithoutATerminalFailsAndLeavesNothingBehind() throws {
        let terminal = CursesTerminal()
        #expect(throws: CursesTerminal.StartError.notATerminal) { try terminal.start() }
        #expect(!terminal.isActive)
        terminal.stop()   // idempotent, harmless before start
        let second = CursesTerminal()
        #expect(throws: CursesTerminal.StartError.notATerminal) { try second.start() }
    }
}
