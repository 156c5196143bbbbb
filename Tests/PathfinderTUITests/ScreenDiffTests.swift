import Testing
@testable import PathfinderTUI

/// The buffer diff the curses backend draws from: only changed cells, wide characters whole.
@Suite struct ScreenDiffTests {
    func screen(_ rows: String..., width: Int = 10) -> Screen {
        var s = Screen(width: width, height: rows.count)
        for (y, row) in rows.enumerated() { s.put(row, x: 0, y: y) }
        return s
    }

    @Test func aFirstFrameDrawsEveryCellAndASecondOnlyWhatChanged() {
        let first = screen("Portsmouth", "PO-03")
        #expect(ScreenDiff.updates(from: nil, to: first, columns: 10, rows: 2).count == 20)
        let next = screen("Portsmouth", "PO-04")
        let updates = ScreenDiff.updates(from: first, to: next, columns: 10, rows: 2)
        #expect(updates.map { "\($0.x),\($0.y):\($0.cell.text)" } == ["4,1:4"])
        #expect(ScreenDiff.updates(from: next, to: next, columns: 10, rows: 2).isEmpty)
    }

    @Test func aWideCharacterIsDrawnWholeAndItsContinuationNever() {
        let old = screen("ab", width: 4)
        let new = screen("a界", width: 4)
        let updates = ScreenDiff.updates(from: old, to: new, columns: 4, rows: 1)
        #expect(updates.map(\.x) == [1])
        #expect(updates.first?.columns == 2)
        #expect(updates.first?.cell.text == "界")
        // Replacing the wide character with two narrow ones redraws both columns.
        let back = ScreenDiff.updates(from: new, to: screen("abc", width: 4), columns: 4, rows: 1)
        #expect(back.map(\.x) == [1, 2])
    }

    @Test func nothingIsDrawnOutsideTheTerminalAndAWideCellAtTheEdgeIsClipped() {
        let frame = screen("xyz界", width: 5)
        let updates = ScreenDiff.updates(from: nil, to: frame, columns: 4, rows: 1)
        #expect(updates.map(\.x) == [0, 1, 2, 3])
        #expect(updates.last?.columns == 1)
        #expect(ScreenDiff.updates(from: nil, to: screen("a", "b"), columns: 10, rows: 1).map(\.y) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test func aFrameOfAnotherSizeIsDrawnWhole() {
        let small = screen("ab", width: 2)
        let large = screen("ab", width: 3)
        #expect(ScreenDiff.updates(from: small, to: large, columns: 3, rows: 1).count == 3)
    }
}
