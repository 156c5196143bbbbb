/// A key as the program understands it. The backend turns raw curses codes into these in one
/// function, so the rest of the program never sees a curses constant.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, lowercased: `.control("r")` is Ctrl-R.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}

/// A mouse event in screen coordinates.
public enum MouseEvent: Hashable, Sendable {
    case click(x: Int, y: Int)
    case doubleClick(x: Int, y: Int)
    case wheelUp(x: Int, y: Int)
    case wheelDown(x: Int, y: Int)
}

/// Everything from outside that can change the application's state.
public enum Event: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// Text pasted in one go (bracketed paste), kept whole so it is inserted, not run as keys.
    case paste(String)
}
