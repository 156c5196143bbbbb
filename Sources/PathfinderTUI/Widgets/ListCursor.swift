/// The selected row of a list and the first row shown, kept so the selection is always visible.
public struct ListCursor: Hashable, Sendable {
    public var selected: Int
    public var top: Int

    public init(selected: Int = 0, top: Int = 0) {
        self.selected = selected
        self.top = top
    }

    /// Moves the selection by `delta` rows within `count` rows, scrolling a `visible`-row window.
    public mutating func move(by delta: Int, count: Int, visible: Int) {
        select(selected + delta, count: count, visible: visible)
    }

    public mutating func select(_ row: Int, count: Int, visible: Int) {
        selected = count == 0 ? 0 : min(max(0, row), count - 1)
        keepVisible(count: count, visible: visible)
    }

    /// After the list or the window changed size: clamp and scroll so the selection shows.
    public mutating func keepVisible(count: Int, visible: Int) {
        let visible = max(1, visible)
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
        if selected < top { top = selected }
        if selected >= top + visible { top = selected - visible + 1 }
        top = max(0, min(top, max(0, count - visible)))
    }

    /// Scrolls the window without moving past the list (the wheel), dragging the selection along.
    public mutating func scroll(by delta: Int, count: Int, visible: Int) {
        top = max(0, min(top + delta, max(0, count - visible)))
        if selected < top { selected = top }
        if selected >= top + visible { selected = min(count - 1, top + visible - 1) }
        selected = max(0, selected)
    }
}
