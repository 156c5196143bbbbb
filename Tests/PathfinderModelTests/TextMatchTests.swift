import Testing
@testable import PathfinderModel

/// The quick `contains` the filter uses agrees with `range(of:in:)`, which highlighting uses.
@Suite struct TextMatchTests {
    @Test func containsAgreesWithRangeForCaseAccentsAndWideText() {
        let haystacks = ["Zoë Ahmed", "রহিম উদ্দিন", "Café Crème", "Social clauses in council contracts", "ÆSIR", "naïve 👍 fine", ""]
        let needles = ["zoe", "ZOË", "উদ্দিন", "creme", "CLAUSES in", "æsir", "👍", "naive", "x", "e a", ""]
        for h in haystacks {
            for n in needles {
                #expect(TextMatch.contains(h, n) == (TextMatch.range(of: n, in: h) != nil), "\(h) / \(n)")
            }
        }
        #expect(TextMatch.contains("Zoë Ahmed", "zoe"))
        #expect(!TextMatch.contains("Zoë Ahmed", "zoey"))
    }
}
