import PathfinderModel
import Testing
@testable import PathfinderTUI

/// Every screen drawn from the in-code fixture, whose awkward text (Bengali, accents, emoji, an
/// escape sequence in a note) must line up and never reach the terminal raw.
@Suite struct FixtureScreenTests {
    @Test func actionWithWideTextAndAnEscapeInANote() {
        var s = Fixture.state(pages: [.areas(AreasPage()), .action("PO-01")])
        s = s.after(.character("G"))
        let screen = render(s)
        assertScreen(screen, golden: "fixture-action-PO-01-bottom-80x24")
        #expect(screen.text.contains("Funding ends in March␛[31m"))
    }

    @Test func actionPlanWithABengaliLead() {
        let s = Fixture.state(pages: [.areas(AreasPage()), .actionPlan(ActionPlanPage(area: "portsmouth"))])
        let screen = render(s)
        assertScreen(screen, golden: "fixture-action-plan-80x24")
        // The Bengali lead takes its true width, so the status column after it stays aligned.
        let rows = screen.lines.filter { $0.hasPrefix(" PO-0") }   // the list's rows, not the selected one's detail
        let statusColumns = rows.map { row -> Int in
            let prefix = row[..<row.range(of: row.contains("◐") ? "◐" : (row.contains("○") ? "○" : "●"))!.lowerBound]
            return DisplayWidth.of(prefix)
        }
        #expect(Set(statusColumns).count == 1, "status column moves: \(statusColumns)")
    }

    @Test func smallWindowStillDrawsAndTooSmallSaysSo() {
        let s = Fixture.state(width: 40, height: 12, pages: [.areas(AreasPage())])
        assertScreen(render(s), golden: "fixture-areas-40x12")
        let tiny = Fixture.state(width: 39, height: 12)
        assertScreen(render(tiny), golden: "fixture-too-small-39x12")
    }

    @Test func searchHighlightsTheMatch() {
        let s = Fixture.state().after(.character("/")).typing("recycl")
        let screen = render(s)
        assertScreen(screen, golden: "fixture-search-recycl-80x24")
        let row = screen.lines.firstIndex { $0.contains("Community recycling consortium") }!
        let col = DisplayWidth.of(screen.lines[row][..<screen.lines[row].range(of: "recycl")!.lowerBound])
        #expect(screen[col, row].style == Theme.builtInDefault.style(for: .searchMatch))
        #expect(screen[col - 1, row].style != Theme.builtInDefault.style(for: .searchMatch))
    }
}
