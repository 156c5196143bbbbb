import PathfinderModel

/// An in-memory grid of cells that views draw into. The backend compares two screens and sends
/// only the changed cells to the terminal; tests compare a screen's text with a golden file.
public struct Screen: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes text at (x, y), clipped to `maxWidth` columns and the screen's edge; a character
    /// that does not fit whole (a wide one, a conjunct) is left out. Text cut where words are
    /// lost ends in "…" (issue 16: "City (unitary" read as whole), so every cut shows, whichever
    /// screen forgot to truncate. Control characters are shown as visible symbols, never sent
    /// raw. Returns the columns used.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain,
                             maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        // Most text on screen is printable ASCII: a byte is a character is a column, with
        // nothing to make safe. Drawn from the bytes, it skips the grapheme walk and the cell
        // pieces made per character below, which were most of a frame at 52,500 actions.
        if DisplayWidth.isPrintableASCII(text) { return putASCII(text.utf8, x: x, y: y, style: style, limit: limit) }
        return putCharacters(text, x: x, y: y, style: style, limit: limit)
    }

    /// `put` for printable ASCII: the cells and the cut mark `putCharacters` gives it.
    private mutating func putASCII(_ bytes: some Collection<UInt8>, x: Int, y: Int, style: Style, limit: Int) -> Int {
        var column = x
        var index = bytes.startIndex
        while index != bytes.endIndex {
            guard column < limit else {
                // Only spaces lost (padding) need no mark; any other byte is part of a word.
                if bytes[index...].contains(where: { $0 != 0x20 }) { markCut(from: x, at: column, y: y) }
                return column - x
            }
            if column >= 0 {
                clearWide(x: column, y: y)
                self[column, y] = Cell(text: String(Character(Unicode.Scalar(bytes[index]))), style: style)
            }
            column += 1
            index = bytes.index(after: index)
        }
        return column - x
    }

    /// `put` for any text, a character at a time.
    mutating func putCharacters(_ text: some StringProtocol, x: Int, y: Int, style: Style, limit: Int) -> Int {
        var column = x
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            let segments = DisplayWidth.segments(of: DisplayWidth.safe(character))
            // A character is drawn whole or not at all: half a conjunct or emoji misleads.
            guard column + segments.reduce(0, { $0 + $1.width }) <= limit else {
                if Self.losesWords(CollectionOfOne(character), text[index...]) { markCut(from: x, at: column, y: y) }
                return column - x
            }
            for segment in segments {
                let w = segment.width
                if w == 0 {
                    // A stray combining mark with nothing to sit on: attach to the previous cell
                    // this call wrote (the head of it, if that was a wide character).
                    if column > x, column - 1 >= 0, column - 1 < width {
                        let head = self[column - 1, y].continuation && column - 2 >= 0 ? column - 2 : column - 1
                        self[head, y].text += segment.text
                    }
                    continue
                }
                guard column + w <= limit else { return column - x }
                if column < 0, column + w > 0 {
                    // A wide character cut by the left edge: its visible half shows as a blank.
                    clearWide(x: 0, y: y)
                    self[0, y] = Cell(text: " ", style: style)
                } else if column >= 0 {
                    clearWide(x: column, y: y)
                    self[column, y] = Cell(text: segment.text, style: style)
                    if w == 2 {
                        clearWide(x: column + 1, y: y)
                        self[column + 1, y] = Cell(text: "", style: style, continuation: true)
                    }
                }
                column += w
            }
        }
        return column - x
    }

    /// Whether what did not fit holds words, not only spaces (padding) or drawing characters
    /// (a rule, a bar, a box's edge), whose cut needs no mark.
    static func losesWords(_ first: some Sequence<Character>, _ rest: some Sequence<Character>) -> Bool {
        func word(_ c: Character) -> Bool {
            guard !c.isWhitespace, let scalar = c.unicodeScalars.first else { return false }
            return !(0x2500...0x259F).contains(scalar.value)
        }
        return first.contains(where: word) || rest.contains(where: word)
    }

    /// The last column drawn becomes "…" (a wide character's head, its tail cleared).
    private mutating func markCut(from x: Int, at column: Int, y: Int) {
        guard column > max(0, x), column - 1 < width else { return }
        var last = column - 1
        if self[last, y].continuation, last - 1 >= max(0, x) { last -= 1 }
        let style = self[last, y].style
        clearWide(x: last, y: y)
        self[last, y] = Cell(text: "…", style: style)
    }

    /// Fills a rectangle with spaces in a style (a background, a selected row).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style) {
        for row in max(0, y)..<min(height, y + h) {
            for col in max(0, x)..<min(width, x + w) {
                clearWide(x: col, y: row)
                self[col, row] = Cell(text: " ", style: style)
            }
        }
    }

    /// Changes the style of existing cells without changing their text (highlighting a match).
    public mutating func restyle(x: Int, y: Int, width w: Int, style: Style) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + w) { self[col, y].style = style }
    }

    /// Overwriting half of a wide character must not leave the other half dangling on screen.
    private mutating func clearWide(x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let cell = self[x, y]
        if cell.continuation, x > 0 {
            self[x - 1, y] = Cell(text: " ", style: self[x - 1, y].style)
        } else if x + 1 < width, self[x + 1, y].continuation {
            self[x + 1, y] = Cell(text: " ", style: cell.style)
        }
    }

    /// The screen as plain text, one line per row, trailing spaces kept, so goldens are exact.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for col in 0..<width {
                let cell = self[col, row]
                if !cell.continuation { line += cell.text }
            }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }
}
