import Foundation
import PathfinderModel
import PathfinderStore
import Testing
@testable import PathfinderTUI

/// Each screen drawn from the bundled sample store (pinned to 2006-12-15) at 80x24, and the
/// action plan at 120x40, compared with plain-text goldens.
@Suite struct SampleStoreScreenTests {
    static let partnership: Partnership = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-areas").resolvingSymlinksInPath()
        return try! PlainFileStore(root: root).load().partnership
    }()

    func state(_ pages: [Page], width: Int = 80, height: Int = 24) -> AppState {
        AppState(partnership: Self.partnership, asOf: Self.partnership.asOf!, storeLabel: "sample-areas",
                 width: width, height: height, pages: pages)
    }

    @Test func areas() {
        assertScreen(render(state([.areas(AreasPage())])), golden: "sample-areas-80x24")
        // The five areas and their total still fit the smallest screen.
        assertScreen(render(state([.areas(AreasPage())], width: 40, height: 12)), golden: "sample-areas-40x12")
    }

    @Test func portsmouthProfile() {
        assertScreen(render(state([.areas(AreasPage()), .area("portsmouth")])), golden: "sample-area-portsmouth-80x24")
    }

    @Test func portsmouthActionPlan() {
        let pages: [Page] = [.areas(AreasPage()), .area("portsmouth"), .actionPlan(ActionPlanPage(area: "portsmouth"))]
        assertScreen(render(state(pages)), golden: "sample-action-plan-portsmouth-80x24")
        assertScreen(render(state(pages, width: 120, height: 40)), golden: "sample-action-plan-portsmouth-120x40")
    }

    @Test func recyclingAction() {
        assertScreen(render(state([.areas(AreasPage()), .action("TH-05")])), golden: "sample-action-TH-05-80x24")
    }

    /// An agreement funds DO-02, which has no funding terms of its own: its page still shows
    /// the agreement (it showed nothing: the funding section came only with terms).
    @Test func anAgreementShowsOnTheActionItFundsWithoutTermsOfItsOwn() {
        #expect(Self.partnership.action("DO-02")?.funding == nil)
        let lines = render(state([.areas(AreasPage()), .action("DO-02")], width: 120, height: 80)).lines
        #expect(lines.contains { $0.contains("Funding agreement") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("Core and neighbourhood day services for older people") })
    }

    @Test func caseStudies() {
        assertScreen(render(state([.caseStudies(CaseStudiesPage())])), golden: "sample-case-studies-80x24")
        assertScreen(render(state([.caseStudies(CaseStudiesPage()), .caseStudy("portsmouth-good-neighbours")])),
                     golden: "sample-case-study-good-neighbours-80x24")
    }

    @Test func successFactors() {
        assertScreen(render(state([.successFactors(FactorMatrixPage())])), golden: "sample-success-factors-80x24")
    }

    /// At 40x12 the five areas and nine factors do not fit: the matrix scrolls with the selection
    /// so every cell can be reached, and says which areas are showing.
    @Test func successFactorsScrollOnASmallScreen() {
        var s = state([.successFactors(FactorMatrixPage())], width: 40, height: 12)
        assertScreen(render(s), golden: "sample-success-factors-40x12")
        s = s.after(.right, .right, .right, .right, .right)
        #expect(s.page == .successFactors(FactorMatrixPage(row: 0, column: 4)))
        s = s.after(.down, .down, .down, .down, .down, .down, .down, .down, .down)
        #expect(s.page == .successFactors(FactorMatrixPage(row: 8, column: 4)))
        assertScreen(render(s), golden: "sample-success-factors-40x12-bottom-right")
        // Enter on the bottom-right cell opens Tower Hamlets' management information actions.
        s = s.after(.enter)
        guard case let .actionList(list) = s.page else { Issue.record("Enter did not open the cell: \(s.page)"); return }
        #expect(list.title == "Tower Hamlets: Management information systems")
    }

    @Test func searchAndHelp() {
        let searched = state([.areas(AreasPage())]).after(.character("/")).typing("recycling")
        assertScreen(render(searched), golden: "sample-search-recycling-80x24")
        let help = state([.areas(AreasPage()), .actionPlan(ActionPlanPage(area: "portsmouth"))]).after(.character("?"))
        assertScreen(render(help), golden: "sample-help-action-plan-80x24")
    }
}
