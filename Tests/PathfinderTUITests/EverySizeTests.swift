import PathfinderModel
import Testing
@testable import PathfinderTUI

/// Every screen, at every size from 1x1 to 100x30, draws without crashing or hanging, keeps
/// inside the buffer, and answers keys. A resize can happen at any moment, in any state.
@Suite struct EverySizeTests {
    static let pages: [[Page]] = [
        [.areas(ListCursor())],
        [.areas(ListCursor()), .area(AreaPage(area: "portsmouth"))],
        [.areas(ListCursor()), .area(AreaPage(area: "portsmouth")), .actionPlan(ActionPlanPage(area: "portsmouth"))],
        [.areas(ListCursor()), .area(AreaPage(area: "portsmouth")), .actionPlan(ActionPlanPage(area: "portsmouth")), .action(ActionPage(action: "PO-01"))],
        [.caseStudies(ListCursor()), .caseStudy(CaseStudyPage(caseStudy: "good-neighbours"))],
        [.successFactors(FactorMatrixPage()), .actionList(ActionListPage(title: "Portsmouth: Regular dialogue", actions: ["PO-01"]))],
        [.areas(ListCursor()), .search(SearchPage())],
    ]

    @Test func everyScreenDrawsAtEverySize() {
        for pages in Self.pages {
            for width in stride(from: 1, through: 100, by: 4) {
                for height in stride(from: 1, through: 30, by: 3) {
                    var state = Fixture.state(width: 80, height: 24, pages: pages)
                    state = update(state, .resize(width: width, height: height)).0
                    for key: Key in [.down, .character("G"), .tab, .pageDown, .character("?")] {
                        state = update(state, .key(key)).0
                        var screen = Screen(width: width, height: height)
                        RootView.render(state, into: &screen)
                        #expect(screen.lines.count == height)
                        #expect(screen.lines.allSatisfy { DisplayWidth.of($0) == width })
                    }
                }
            }
        }
    }
}
