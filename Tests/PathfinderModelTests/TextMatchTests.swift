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

    /// Plain ASCII text is matched on its bytes; the range must be the one the general,
    /// character-by-character way gives (snippets and highlights are cut from it).
    @Test func theByteWayForPlainTextGivesTheGeneralWaysRange() {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("abcAB C\n\t.:-xyZ")
        for _ in 0..<3_000 {
            let haystack = String((0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let needle = String((0..<Int.random(in: 1...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let folded = TextMatch.fold(needle)
            #expect(TextMatch.range(of: needle, in: haystack) == TextMatch.foldedRange(of: folded, in: haystack),
                    "\(haystack.debugDescription) / \(needle.debugDescription)")
        }
        // Where the byte way stands aside: a carriage return and line feed are one character,
        // accented text folds its accents off.
        let text = "Partners met\r\nand agreed"
        #expect(TextMatch.range(of: "met", in: text).map { String(text[$0]) } == "met")
        #expect(TextMatch.range(of: "agreed", in: text).map { String(text[$0]) } == "agreed")
        #expect(TextMatch.range(of: "cafe", in: "the Café Crème").map { String("the Café Crème"[$0]) } == "Café")
        #expect(TextMatch.range(of: "CLAUSES", in: "Social clauses").map { String("Social clauses"[$0]) } == "clauses")
        #expect(TextMatch.range(of: "zz", in: "Social clauses") == nil)
    }
}
