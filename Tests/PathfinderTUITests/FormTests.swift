import PathfinderModel
import Testing
@testable import PathfinderTUI

/// Keys for the form widgets' tests: characters typed one by one.
func keys(_ text: String) -> [Event] { text.map { .key(.character($0)) } }

/// The inline multi-line editor used when no $EDITOR is set.
@Suite struct TextAreaTests {
    func feed(_ area: inout TextArea, _ events: [Event]) -> TextArea.Outcome {
        var last = TextArea.Outcome.editing
        for event in events { last = area.handle(event) }
        return last
    }

    @Test func typingEnterAndBackspaceJoinLines() {
        var area = TextArea("", width: 20, height: 5)
        _ = feed(&area, keys("first") + [.key(.enter)] + keys("second"))
        #expect(area.text == "first\nsecond")
        // Backspace at the start of a line joins it to the one before.
        _ = feed(&area, [.key(.home), .key(.backspace)])
        #expect(area.text == "firstsecond")
        #expect(area.row == 0 && area.column == 5)
        // Delete at the end of a line joins the next one.
        _ = feed(&area, [.key(.enter), .key(.up), .key(.end), .key(.delete)])
        #expect(area.text == "firstsecond")
    }

    @Test func pasteKeepsLineBreaksAndDropsControls() {
        var area = TextArea("ab", width: 20, height: 5)
        _ = feed(&area, [.key(.left), .paste("1\r\n2\u{1B}[31m\n3")])
        #expect(area.text == "a1\n2[31m\n3b")
        #expect(area.row == 2 && area.column == 1)
    }

    @Test func arrowsMoveAcrossLineEnds() {
        var area = TextArea("ab\ncd", width: 20, height: 5)
        _ = feed(&area, [.key(.up)])
        #expect(area.row == 0 && area.column == 2, "up keeps the column")
        _ = feed(&area, [.key(.right)])
        // Right at the end of "ab" goes to the start of "cd".
        #expect(area.row == 1 && area.column == 0)
        _ = feed(&area, [.key(.left)])
        #expect(area.row == 0 && area.column == 2)
    }

    @Test func wrapsByDisplayWidthAndMovesByScreenRow() {
        // Bengali and emoji take their terminal widths; a row never splits a character.
        let text = "রহিম উদ্দিন 👍👍 volunteers now"
        var area = TextArea(text, width: 10, height: 6)
        let rows = TextArea.wrap(Array(text), width: 10)
        for range in rows {
            let shown = String(Array(text)[range]).trimmedSpaces
            #expect(DisplayWidth.of(shown) <= 10, "row \(shown) too wide")
        }
        #expect(rows.count > 1)
        #expect(rows.map { String(Array(text)[$0]) }.joined() == text)
        // Up from the last row moves up one wrapped row, not to the line's start.
        let before = area.cursorPosition.row
        _ = feed(&area, [.key(.up)])
        #expect(area.cursorPosition.row == before - 1)
        #expect(area.row == 0)
        var screen = Screen(width: 12, height: 6)
        area.render(into: &screen, in: Rect(x: 0, y: 0, width: 11, height: 6), theme: .builtInDefault)
        #expect(screen.lines.allSatisfy { DisplayWidth.of($0) == 12 })
        #expect(screen.lines[0].hasPrefix("রহিম"))
    }

    @Test func ctrlSFinishesAndEscAsksWhenChanged() {
        var area = TextArea("note", width: 20, height: 4)
        #expect(feed(&area, [.key(.escape)]) == .cancelled, "nothing changed: Esc just closes")
        _ = feed(&area, keys("s"))
        #expect(feed(&area, [.key(.escape)]) == .editing)
        #expect(area.confirmingDiscard)
        #expect(area.hints.map(\.key) == ["y", "n"])
        // n goes back to the text, unchanged.
        #expect(feed(&area, keys("n")) == .editing)
        #expect(area.text == "notes" && !area.confirmingDiscard)
        #expect(feed(&area, [.key(.control("s"))]) == .finished("notes"))
        #expect(feed(&area, [.key(.escape), .key(.character("y"))]) == .cancelled)
    }

    @Test func ctrlKCutsAndJoins() {
        var area = TextArea("one two\nthree", width: 20, height: 4)
        _ = feed(&area, [.key(.up), .key(.home), .key(.right), .key(.right), .key(.right), .key(.control("k"))])
        #expect(area.text == "one\nthree")
        _ = feed(&area, [.key(.control("k"))])
        #expect(area.text == "onethree")
    }

    @Test func scrollsToKeepTheCursorShown() {
        var area = TextArea((1...20).map { "line \($0)" }.joined(separator: "\n"), width: 20, height: 4)
        var screen = Screen(width: 21, height: 4)
        area.render(into: &screen, in: Rect(x: 0, y: 0, width: 21, height: 4), theme: .builtInDefault)
        #expect(screen.lines[3].hasPrefix("line 20"))
        _ = feed(&area, [.key(.pageUp), .key(.pageUp), .key(.pageUp), .key(.pageUp), .key(.pageUp), .key(.pageUp), .key(.pageUp), .key(.pageUp)])
        screen = Screen(width: 21, height: 4)
        area.render(into: &screen, in: Rect(x: 0, y: 0, width: 21, height: 4), theme: .builtInDefault)
        #expect(screen.lines[0].hasPrefix("line 1 "))
        #expect(area.row == 0 && area.column == 0)
    }
}

/// The popup that chooses one or several of a list.
@Suite struct PickerTests {
    let choices = [Picker.Choice(id: "ensuring-dialogue", label: "Ensuring dialogue", detail: "Improving commissioning"),
                   Picker.Choice(id: "social-clauses", label: "Social clauses", detail: "Strengthening procurement"),
                   Picker.Choice(id: "measuring-impact", label: "Measuring impact", detail: "Better accountability")]

    @Test func typingNarrowsAndEnterChoosesTheHighlightedOne() {
        var picker = Picker(title: "Theme", choices: choices, selected: ["social-clauses"])
        #expect(picker.current?.id == "social-clauses", "starts on the current choice")
        for c in "impact" { _ = picker.handle(.character(c)) }
        #expect(picker.visible == [2])
        #expect(picker.handle(.enter) == .chosen(["measuring-impact"]))
        // Backspace widens again; matching is on the chapter too.
        for _ in 0..<6 { _ = picker.handle(.backspace) }
        for c in "procure" { _ = picker.handle(.character(c)) }
        #expect(picker.visible == [1])
    }

    @Test func severalAreTickedWithSpaceAndReturnedInListOrder() {
        var picker = Picker(title: "Success factors", choices: choices, selected: ["measuring-impact"], allowsSeveral: true)
        _ = picker.handle(.home)
        _ = picker.handle(.character(" "))
        _ = picker.handle(.end)
        _ = picker.handle(.character(" "))
        #expect(picker.handle(.enter) == .chosen(["ensuring-dialogue"]))
        #expect(picker.handle(.escape) == .cancelled)
    }

    @Test func nothingMatchingChoosesNothing() {
        var picker = Picker(title: "Theme", choices: choices)
        for c in "zzz" { _ = picker.handle(.character(c)) }
        #expect(picker.visible.isEmpty)
        #expect(picker.handle(.enter) == .editing)
        var screen = Screen(width: 40, height: 9)
        picker.render(into: &screen, in: Rect(x: 0, y: 0, width: 40, height: 9), theme: .builtInDefault)
        #expect(screen.text.contains("Nothing matches “zzz”"))
    }
}
