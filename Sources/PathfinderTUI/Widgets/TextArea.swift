import PathfinderModel

/// An inline multi-line editor, for long text when no `$VISUAL` or `$EDITOR` is set: progress
/// notes, an action's description, an area's narrative, a case study's text.
///
/// Keys: arrows move (up and down by screen row, as the text is wrapped), Home/End and
/// Ctrl-A/E go to the start and end of the row, Enter starts a new line, Backspace and Delete
/// join lines at their ends, Ctrl-K/Ctrl-U cut to the end/start of the line, PgUp/PgDn move a
/// screen, a paste keeps its line breaks. Ctrl-S finishes; Esc cancels, asking first when the
/// text changed. Lines wrap at word boundaries, measured in terminal columns.
public struct TextArea: Hashable, Sendable {
    /// The text as logical lines (split at the user's line breaks).
    public private(set) var lines: [[Character]]
    /// The cursor: a logical line, and an index into its characters (0...count).
    public private(set) var row: Int
    public private(set) var column: Int
    /// The text it started with, to tell whether Esc loses anything.
    public let original: String
    /// Asking "Discard your changes? y/n" after Esc.
    public private(set) var confirmingDiscard = false
    /// The columns text wraps at and the rows shown, as last drawn (`resize`); Up/Down move by
    /// these wrapped rows and the view scrolls within them.
    public private(set) var width: Int
    public private(set) var height: Int
    /// First wrapped row shown.
    public private(set) var top = 0
    /// The display column Up/Down try to keep, so moving through a short line does not lose it.
    private var goalColumn: Int?

    public enum Outcome: Hashable, Sendable {
        case editing
        /// Ctrl-S: the new text.
        case finished(String)
        /// Esc with nothing changed, or a confirmed discard.
        case cancelled
    }

    /// The keys it understands, for the status line.
    public var hints: [KeyHint] {
        if confirmingDiscard { return [KeyHint(key: "y", label: "discard"), KeyHint(key: "n", label: "keep editing")] }
        return [KeyHint(key: "Ctrl-S", label: "done"), KeyHint(key: "Esc", label: "cancel"),
                KeyHint(key: "Enter", label: "new line"), KeyHint(key: "↑↓←→", label: "move"),
                KeyHint(key: "Home/End", label: "line start/end"), KeyHint(key: "Ctrl-K", label: "cut to end")]
    }

    public init(_ text: String = "", width: Int = 60, height: Int = 10) {
        original = text
        lines = TextArea.split(text)
        row = lines.count - 1
        column = lines[row].count
        self.width = max(1, width)
        self.height = max(1, height)
        scrollToCursor()
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }
    public var isChanged: Bool { text != original }

    /// Text split at line breaks (CRLF and CR too); tabs become spaces and other control
    /// characters are dropped, as they would reach the file and then the terminal.
    static func split(_ text: String) -> [[Character]] {
        var lines: [[Character]] = [[]]
        for c in text {
            if c == "\r\n" || c == "\n" || c == "\r" {
                lines.append([])
            } else if c == "\t" {
                lines[lines.count - 1] += Array("    ")
            } else if !c.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                lines[lines.count - 1].append(c)
            }
        }
        return lines
    }

    /// The size the text is drawn at; call when the area it is drawn in changes.
    public mutating func resize(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
        scrollToCursor()
    }

    public mutating func handle(_ event: Event) -> Outcome {
        switch event {
        case let .paste(text):
            guard !confirmingDiscard else { return .editing }
            insert(TextArea.split(text))
            goalColumn = nil
        case let .key(key):
            return handle(key)
        case let .resize(width, height):
            resize(width: width, height: height)
        default:
            // The mouse, and the run loop's reports (saved, tick), are not typing.
            break
        }
        return .editing
    }

    public mutating func handle(_ key: Key) -> Outcome {
        if confirmingDiscard {
            switch key {
            case .character("y"), .character("Y"): return .cancelled
            case .character("n"), .character("N"), .escape: confirmingDiscard = false
            default: break
            }
            return .editing
        }
        var keepGoal = false
        switch key {
        case .control("s"):
            return .finished(text)
        case .escape:
            if !isChanged { return .cancelled }
            confirmingDiscard = true
        case let .character(c):
            insert([[c]])
        case .enter:
            insert([[], []])
        case .tab:
            insert([Array("    ")])
        case .left, .control("b"):
            if column > 0 { column -= 1 } else if row > 0 { row -= 1; column = lines[row].count }
        case .right, .control("f"):
            if column < lines[row].count { column += 1 } else if row < lines.count - 1 { row += 1; column = 0 }
        case .up, .control("p"):
            moveVertically(by: -1)
            keepGoal = true
        case .down, .control("n"):
            moveVertically(by: 1)
            keepGoal = true
        case .pageUp:
            moveVertically(by: -max(1, height - 1))
            keepGoal = true
        case .pageDown:
            moveVertically(by: max(1, height - 1))
            keepGoal = true
        case .home, .control("a"):
            column = segments(of: row)[segmentIndex(row: row, column: column)].lowerBound
        case .end, .control("e"):
            let segs = segments(of: row)
            let i = segmentIndex(row: row, column: column)
            // The end of a wrapped row is just before the next row's first character.
            column = i == segs.count - 1 ? lines[row].count : max(segs[i].lowerBound, segs[i].upperBound - 1)
        case .backspace, .control("h"):
            if column > 0 {
                lines[row].remove(at: column - 1)
                column -= 1
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines.remove(at: row)
                row -= 1
            }
        case .delete, .control("d"):
            if column < lines[row].count {
                lines[row].remove(at: column)
            } else if row < lines.count - 1 {
                lines[row] += lines.remove(at: row + 1)
            }
        case .control("k"):
            // At the end of a line, Ctrl-K joins the next one, as in Emacs.
            if column < lines[row].count { lines[row].removeSubrange(column...) } else if row < lines.count - 1 {
                lines[row] += lines.remove(at: row + 1)
            }
        case .control("u"):
            lines[row].removeSubrange(..<column)
            column = 0
        default:
            return .editing
        }
        if !keepGoal { goalColumn = nil }
        scrollToCursor()
        return .editing
    }

    /// Inserts pieces of text at the cursor: the first joins the current line, each further one
    /// starts a new line.
    private mutating func insert(_ pieces: [[Character]]) {
        let clean = pieces.map { $0.filter { !$0.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) } }
        guard let first = clean.first else { return }
        let tail = Array(lines[row][column...])
        lines[row].replaceSubrange(column..., with: first)
        column += first.count
        for piece in clean.dropFirst() {
            row += 1
            lines.insert(piece, at: row)
            column = piece.count
        }
        lines[row] += tail
    }

    // MARK: Wrapping

    /// How a logical line breaks into screen rows: ranges of character indices, covering the
    /// line. A row breaks after the last space that fits, else at the last character that fits;
    /// spaces at a break stay on the row they end (they may hang past the edge, unseen).
    static func wrap(_ line: [Character], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        var rows: [Range<Int>] = []
        var start = 0
        var used = 0
        var lastBreak: Int?
        var i = 0
        while i < line.count {
            let c = line[i]
            let w = DisplayWidth.of(DisplayWidth.safe(c))
            if c == " " {
                used += w
                i += 1
                lastBreak = i
                continue
            }
            if used + w > width, i > start {
                let end = lastBreak ?? i
                rows.append(start..<end)
                start = end
                lastBreak = nil
                used = DisplayWidth.of(String(line[start..<i]))
                continue
            }
            used += w
            i += 1
        }
        rows.append(start..<line.count)
        return rows
    }

    func segments(of row: Int) -> [Range<Int>] { TextArea.wrap(lines[row], width: width) }

    /// The wrapped row of a logical line holding the cursor position: a position at a break
    /// belongs to the row it starts.
    func segmentIndex(row: Int, column: Int) -> Int {
        let segs = segments(of: row)
        return segs.lastIndex { $0.lowerBound <= column } ?? 0
    }

    /// Every screen row as (logical line, character range).
    func visualRows() -> [(line: Int, range: Range<Int>)] {
        var out: [(Int, Range<Int>)] = []
        for (i, _) in lines.enumerated() {
            for seg in segments(of: i) { out.append((i, seg)) }
        }
        return out
    }

    /// The cursor's screen row (among all wrapped rows) and display column within that row.
    public var cursorPosition: (row: Int, column: Int) {
        var visual = 0
        for i in 0..<row { visual += segments(of: i).count }
        let segs = segments(of: row)
        let s = segmentIndex(row: row, column: column)
        let col = DisplayWidth.of(String(lines[row][segs[s].lowerBound..<column]))
        return (visual + s, col)
    }

    private mutating func moveVertically(by delta: Int) {
        let rows = visualRows()
        let (current, col) = cursorPosition
        let goal = goalColumn ?? col
        goalColumn = goal
        let target = min(max(0, current + delta), rows.count - 1)
        if target == current {
            // Past the first or last row: go to its start or end, as most editors do.
            column = delta < 0 ? rows[current].range.lowerBound : (current == rows.count - 1 ? lines[row].count : column)
            if delta < 0, current == 0 { column = 0 }
            return
        }
        let (line, range) = rows[target]
        row = line
        var index = range.lowerBound
        var used = 0
        let last = target + 1 < rows.count && rows[target + 1].line == line ? range.upperBound - 1 : range.upperBound
        while index < last {
            let w = DisplayWidth.of(DisplayWidth.safe(lines[line][index]))
            if used + w > goal { break }
            used += w
            index += 1
        }
        column = max(range.lowerBound, index)
    }

    private mutating func scrollToCursor() {
        let total = visualRows().count
        let current = cursorPosition.row
        if current < top { top = current }
        if current >= top + height { top = current - height + 1 }
        top = max(0, min(top, max(0, total - height)))
    }

    // MARK: Drawing

    /// Draws the text into a rectangle: wrapped rows in the input style, the cursor, a
    /// scrollbar when it does not all fit, and the discard question on the last row when asked.
    /// Drawn at the rectangle's own size even if `resize` was not called with it.
    public func render(into screen: inout Screen, in rect: Rect, theme: Theme) {
        guard rect.width > 1, rect.height > 0 else { return }
        var copy = self
        if copy.width != rect.width - 1 || copy.height != rect.height { copy.resize(width: rect.width - 1, height: rect.height) }
        copy.draw(into: &screen, in: rect, theme: theme)
    }

    private func draw(into screen: inout Screen, in rect: Rect, theme: Theme) {
        let style = theme.style(for: .input)
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: style)
        let rows = visualRows()
        let cursor = cursorPosition
        for (i, r) in rows.enumerated().dropFirst(top).prefix(height) {
            let y = rect.y + i - top
            screen.put(String(lines[r.line][r.range]), x: rect.x, y: y, style: style, maxWidth: width)
            if i == cursor.row {
                let x = rect.x + min(cursor.column, width - 1)
                let under = column < lines[row].count && column < r.range.upperBound ? String(lines[row][column]) : " "
                screen.put(DisplayWidth.of(DisplayWidth.safe(Character(under))) > width - min(cursor.column, width - 1) ? " " : under,
                           x: x, y: y, style: theme.style(for: .inputCursor))
            }
        }
        if rows.count > height {
            Scrollbar.draw(top: top, visible: height, total: rows.count, x: rect.x + rect.width - 1, y: rect.y,
                           theme: theme, into: &screen)
        }
        if confirmingDiscard {
            let y = rect.y + rect.height - 1
            screen.fill(x: rect.x, y: y, width: rect.width, height: 1, style: theme.style(for: .warning))
            screen.put(Text.truncate("Discard your changes? y/n", to: rect.width), x: rect.x, y: y, style: theme.style(for: .warning))
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (what a field's value is judged by).
    var trimmedSpaces: String { String(self[...].trimmingSpaces()) }
}
