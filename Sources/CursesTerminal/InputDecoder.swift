import CNcurses
import PathfinderTUI

/// Raw curses input codes become `Key` and `MouseEvent` values here and nowhere else. Pure:
/// the constants come from the shim as plain numbers, so tests call it without a terminal.
public enum InputDecoder {
    /// The one mapping from a `wget_wch` result to a key. `isKeyCode` is true when `wget_wch`
    /// answered `KEY_CODE_YES` (a function key), false for a character. Answers nil for codes
    /// that are not keys (resize, mouse, paste markers) or that the program does not use.
    public static func key(code: UInt32, isKeyCode: Bool) -> Key? {
        isKeyCode ? functionKey(Int(code)) : characterKey(code)
    }

    private static func characterKey(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            // Ctrl-A is 1 ... Ctrl-Z is 26; Ctrl-H, -I, -J and -M are taken above.
            return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 28: return .control("\\")
        case 29: return .control("]")
        case 30: return .control("^")
        case 31: return .control("_")
        case 0..<32, 0x80..<0xA0: return nil   // Ctrl-Space (0) and C1 controls carry no key
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    private static func functionKey(_ code: Int) -> Key? {
        switch code {
        case Int(PF_KEY_UP), Int(PF_KEY_SR): return .up
        case Int(PF_KEY_DOWN), Int(PF_KEY_SF): return .down
        case Int(PF_KEY_LEFT), Int(PF_KEY_SLEFT): return .left
        case Int(PF_KEY_RIGHT), Int(PF_KEY_SRIGHT): return .right
        case Int(PF_KEY_HOME), Int(PF_KEY_SHOME), Int(PF_KEY_A1): return .home
        case Int(PF_KEY_END), Int(PF_KEY_SEND), Int(PF_KEY_C1): return .end
        case Int(PF_KEY_PPAGE), Int(PF_KEY_A3): return .pageUp
        case Int(PF_KEY_NPAGE), Int(PF_KEY_C3): return .pageDown
        case Int(PF_KEY_BTAB): return .backTab
        case Int(PF_KEY_BACKSPACE): return .backspace
        case Int(PF_KEY_DC), Int(PF_KEY_SDC): return .delete
        case Int(PF_KEY_IC): return .insert
        case Int(PF_KEY_ENTER): return .enter
        case Int(PF_KEY_F0) + 1...Int(PF_KEY_F0) + 63: return .function(code - Int(PF_KEY_F0))
        default: return nil
        }
    }

    /// A curses mouse report (position and button state) as a mouse event, or nil for button
    /// states the program does not use (releases, right and middle buttons).
    public static func mouse(x: Int, y: Int, buttons: UInt32) -> MouseEvent? {
        if buttons & pf_button4_pressed() != 0 { return .wheelUp(x: x, y: y) }
        if buttons & pf_button5_pressed() != 0 { return .wheelDown(x: x, y: y) }
        if buttons & pf_button1_double_clicked() != 0 { return .doubleClick(x: x, y: y) }
        if buttons & (pf_button1_clicked() | pf_button1_pressed()) != 0 { return .click(x: x, y: y) }
        return nil
    }

    /// What an Esc followed by `rest` (a control sequence, read without waiting longer than
    /// the escape delay) means: a known key curses did not decode (terminals disagree on Home
    /// and End), or an unknown key named whole. Never Esc then keys: `End` arriving as
    /// `Esc [ 4 ~` once did three things.
    public static func escapeSequence(_ rest: [Character]) -> Key {
        guard let first = rest.first else { return .escape }
        guard first == "[" || first == "O", rest.count > 1 else { return .unknown(String(rest)) }
        let body = String(rest.dropFirst())
        if let key = first == "O" ? ss3[body] : csi[body] { return key }
        // xterm's modified keys (`[1;5A`, Ctrl-Up): the key without the modifier.
        if first == "[", body.hasPrefix("1;"), let last = body.last, let key = csi[String(last)] { return key }
        return .unknown(String(rest))
    }

    /// Whether a character ends a control sequence (after `Esc [`): the final byte, 0x40-0x7E.
    public static func endsSequence(_ c: Character, after introducer: Character) -> Bool {
        guard let value = c.asciiValue else { return true }
        if introducer == "O" { return true }   // SS3: one character
        return (0x40...0x7E).contains(value)
    }

    private static let csi: [String: Key] = [
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end, "Z": .backTab,
        "1~": .home, "7~": .home, "4~": .end, "8~": .end, "2~": .insert, "3~": .delete, "5~": .pageUp, "6~": .pageDown,
        "11~": .function(1), "12~": .function(2), "13~": .function(3), "14~": .function(4), "15~": .function(5),
        "17~": .function(6), "18~": .function(7), "19~": .function(8), "20~": .function(9), "21~": .function(10),
        "23~": .function(11), "24~": .function(12),
    ]
    private static let ss3: [String: Key] = [
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end,
        "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4),
    ]
}
