import PathfinderModel

/// A single line of editable text with a cursor, as readline users expect: arrows, Home/End,
/// Ctrl-A/E/K/U/W, Backspace/Delete, wide characters and paste. Used by the filter line, search,
/// the command line and form fields.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Index into `characters` (0...count): the cursor sits before this character.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// The line's own keys for cutting, said on the status line where a line is typed into.
    public static let cutHint = KeyHint(key: "Ctrl-K/U/W", label: "cut")

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    public enum Outcome: Equatable, Sendable {
        /// The text or cursor changed (or the key was an editing key with nothing to do).
        case edited
        /// Enter or Escape: the caller decides what they mean.
        case submitted, cancelled
        /// Not an editing key: let the caller handle it (Up/Down in a list, Tab to the next field).
        case ignored
    }

    public mutating func set(_ text: String) {
        characters = Array(text)
        cursor = characters.count
    }

    public mutating func handle(_ event: Event) -> Outcome {
        switch event {
        case let .paste(text):
            // A pasted line break would end a single-line field; keep the text on one line.
            insert(text.map { $0.isNewline ? " " : $0 })
            return .edited
        case let .key(key):
            return handle(key)
        default:
            return .ignored
        }
    }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case let .character(c):
            insert([c])
        case .enter:
            return .submitted
        case .escape:
            return .cancelled
        case .left, .control("b"):
            cursor = max(0, cursor - 1)
        case .right, .control("f"):
            cursor = min(characters.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .backspace, .control("h"):
            if cursor > 0 {
                characters.remove(at: cursor - 1)
                cursor -= 1
            }
        case .delete, .control("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .control("k"):
            characters.removeSubrange(cursor...)
        case .control("u"):
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .control("w"):
            // Delete the word before the cursor, and the spaces after it, like a shell.
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return .ignored
        }
        return .edited
    }

    private mutating func insert(_ new: [Character]) {
        // Control characters never enter a field: they would reach the file and then the screen.
        let clean = new.filter { c in !c.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }
        characters.insert(contentsOf: clean, at: cursor)
        cursor += clean.count
    }

    /// Columns from the start of the text to the cursor, for placing it on screen.
    public var cursorColumn: Int { DisplayWidth.of(String(characters[..<cursor])) }
}
