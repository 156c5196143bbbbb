import Foundation
import PathfinderModel
import PathfinderStore
import Testing
@testable import PathfinderTUI

/// The funding register screen and indicator readings on the action screen, from the sample
/// store (pinned to 2006-12-15), and the `i` key adding a reading.
@Suite struct FundingAndReadingScreenTests {
    func state(_ pages: [Page], width: Int = 80, height: Int = 24) -> AppState {
        let p = SampleStoreScreenTests.partnership
        return AppState(partnership: p, asOf: p.asOf!, storeLabel: "sample-areas", width: width, height: height, pages: pages)
    }

    @Test func theFundingRegisterListsNoticeDueFirst() {
        let s = state([.areas(AreasPage()), .funding(FundingPage())])
        assertScreen(render(s), golden: "sample-funding-80x24")
        assertScreen(render(state([.areas(AreasPage()), .funding(FundingPage())], width: 40, height: 12)), golden: "sample-funding-40x12")
        #expect(FundingPage.rows(s).first?.id == "tower-hamlets-one-year-grants")
    }

    /// The columns cut titles and checks at 80 columns; the selected agreement is shown whole
    /// under the list, and follows the selection.
    @Test func theSelectedAgreementIsShownWholeUnderTheRegister() {
        var s = state([.areas(AreasPage()), .funding(FundingPage())])
        s = update(s, .key(.down)).0
        let lines = render(s).lines
        #expect(lines.contains { $0.contains("3D Procurement: Invest to Save Budget Round 8") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("Invest to Save Budget (Round 8) to Dorset Community Action") })
        #expect(!lines.contains { $0.contains("One-year grants to third sector organisations (illustration)") })
    }

    /// At 200 columns titles and checks are whole: the width goes where the text is.
    @Test func aWideRegisterCutsNeitherTitlesNorChecks() {
        let text = render(state([.areas(AreasPage()), .funding(FundingPage())], width: 200, height: 30)).text
        #expect(text.contains("One-year grants to third sector organisations (illustration) "), "\(text)")
        #expect(text.contains("not stated: term, notice, full cost recovery, proportionate monitoring, fair price, shared risk"))
    }

    @Test func enterOpensTheAgreementWithEachPrincipleChecked() {
        var s = state([.areas(AreasPage()), .funding(FundingPage())])
        s = update(s, .key(.enter)).0
        #expect(s.page == .fundingAgreement("tower-hamlets-one-year-grants"))
        let lines = AgreementDocument.lines(s, "tower-hamlets-one-year-grants", width: 77).map { $0.spans.map(\.text).joined() }
        #expect(lines.first == "One-year grants to third sector organisations (illustration)")
        #expect(lines.contains { $0.contains("give notice by 2007-02-28") })
        #expect(lines.contains { $0.hasPrefix("  ! Term: 1-year term") })
        #expect(lines.contains { $0.hasPrefix("  ? Fair price: fair price not stated") })
        assertScreen(render(s), golden: "sample-funding-agreement-80x24")
        // Its organisation and actions are links: Tab selects the first, Enter opens it.
        #expect(lines.contains { $0.contains("› TH-06") })
    }

    @Test func theColonCommandOpensTheRegister() {
        var s = state([.areas(AreasPage())])
        for c in ":funding" { s = update(s, .key(.character(c))).0 }
        s = update(s, .key(.enter)).0
        guard case .funding = s.page else { Issue.record("not the register: \(s.page)"); return }
    }

    @Test func theRecyclingRateShowsItsTrendAndCourse() {
        let s = state([.areas(AreasPage()), .action("TH-05")], width: 80, height: 40)
        let text = render(s).text
        #expect(text.contains("Trend      ▁█  target █  ✓ target met"))
        #expect(text.contains("Readings   7 → 12%, target 12%"))
        let no06 = render(state([.areas(AreasPage()), .action("NO-06")], width: 80, height: 40)).text
        #expect(no06.contains("! off course"))
        #expect(no06.contains("LAA target"))
    }

    @Test func theReadingKeyAddsAReadingTodayByTheUser() {
        var s = state([.areas(AreasPage()), .action("NO-06")])
        s.edits.userName = "Zoë Ahmed"
        s = update(s, .key(.character("i"))).0
        guard case .prompt? = s.overlay else { Issue.record("no reading prompt"); return }
        for c in "0.6 October return" { s = update(s, .key(.character(c))).0 }
        let (after, effects) = update(s, .key(.enter))
        let indicator = after.partnership.action("NO-06")?.indicator
        #expect(indicator?.readings.last == IndicatorReading(date: after.edits.today, value: 0.6, note: "October return", who: "Zoë Ahmed"))
        #expect(indicator?.current == 0.6)
        #expect(effects.count == 1)
        #expect(after.message?.text.hasPrefix("NO-06: reading 0.6 added") == true)
        // Not a number: nothing changes, and the message says what a reading is.
        var bad = s
        bad.overlay = nil
        bad = update(bad, .key(.character("i"))).0
        for c in "soon" { bad = update(bad, .key(.character(c))).0 }
        let (refused, none) = update(bad, .key(.enter))
        #expect(none.isEmpty)
        #expect(refused.message?.isError == true)
    }
}
