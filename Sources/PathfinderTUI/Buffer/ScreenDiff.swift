/// What a terminal must be sent to turn the last frame into the next: the cells that changed,
/// each with how many columns it covers. Pure, so it is tested here rather than through curses;
/// the backend only draws what this returns (as ratatui's buffer diff lives in its core).
public enum ScreenDiff {
    public struct Update: Hashable, Sendable {
        public var x: Int
        public var y: Int
        public var cell: Cell
        /// 2 for a wide character (its continuation cell follows), else 1; never past the edge.
        public var columns: Int
    }

    /// The cells of `new` to draw, row by row, within a terminal of `columns` x `rows`. With no
    /// `old` frame (a first or full redraw) every cell is drawn. Continuation cells are drawn by
    /// the wide character before them and never on their own.
    public static func updates(from old: Screen?, to new: Screen, columns: Int, rows: Int) -> [Update] {
        let old = old.flatMap { $0.width == new.width && $0.height == new.height ? $0 : nil }
        var updates: [Update] = []
        for y in 0..<min(rows, new.height) {
            for x in 0..<min(columns, new.width) {
                let cell = new[x, y]
                if cell.continuation { continue }
                let span = x + 1 < new.width && new[x + 1, y].continuation ? 2 : 1
                if let old, old[x, y] == cell, span == (x + 1 < old.width && old[x + 1, y].continuation ? 2 : 1) {
                    continue
                }
                updates.append(Update(x: x, y: y, cell: cell, columns: min(span, columns - x)))
            }
        }
        return updates
    }
}
