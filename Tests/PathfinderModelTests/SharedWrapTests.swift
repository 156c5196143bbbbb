import Testing
@testable import PathfinderModel

/// The one word-wrap that the screens, the reports and the command line share
/// (`Text.wrapMeasured`): lines never wider than asked, every width given right, nothing lost.
@Suite struct SharedWrapTests {
    /// Everything but the spaces the wrap may drop, in order.
    func words(_ text: String) -> String { text.split(separator: " ").joined() }

    @Test(arguments: [
        "রহিম উদ্দিন শ্রী বাংলা ভাষার সভা আজ সন্ধ্যায়",   // Bengali: conjuncts are several cells, one cluster
        "Zoë Ahmed, café owner, Zoe\u{308} again — £80,000 a year",   // precomposed and combining accents
        "👍 done 👨‍👩‍👧 family 🇬🇧 🇧🇩 flags 👍🏽 ❤️ 1️⃣",   // emoji, sequences, flags, modifiers
        "中文中文中文 한국어 ｶﾀｶﾅ mixed with ASCII words",
    ])
    func wideCharactersNeverOverflowOrGoMissing(text: String) {
        for width in 1...24 {
            let lines = Text.wrapMeasured(text, to: width)
            for line in lines {
                #expect(line.width == DisplayWidth.of(line.text), "\(width): \(line.text)")
                // A cluster wider than the line (a 6-column family emoji at 4) goes alone.
                #expect(line.width <= width || line.text.count == 1, "\(width): \(line.text)")
            }
            #expect(words(lines.map(\.text).joined(separator: " ")) == words(text), "\(width)")
            #expect(lines.map(\.text) == Text.wrap(text, to: width))
        }
    }

    @Test func aBengaliClusterIsNeverSplit() {
        // শ্রী is one Character of three columns: at two columns it still goes whole.
        #expect(Text.wrapMeasured("শ্রী", to: 2).map(\.text) == ["শ্রী"])
        #expect(Text.wrap("রহিম উদ্দিন", to: 4) == ["রহিম", "উদ্দি", "ন"])
    }

    @Test func longWordsBreakOrStayWhole() {
        let address = "https://example.org/partnership/action-plans/portsmouth"
        // Broken (screens, table cells): after the last slash or hyphen that keeps half the line.
        #expect(Text.wrap("see " + address, to: 24) == ["see", "https://example.org/", "partnership/action-", "plans/portsmouth"])
        // Kept whole (a report's paragraph): its own line, past the edge.
        let kept = Text.wrapMeasured("see " + address + " now", to: 24, breakingLongWords: false)
        #expect(kept.map(\.text) == ["see", address, "now"])
        #expect(kept[1].width == address.count)
        #expect(Text.wrapMeasured("", to: 10, breakingLongWords: false).map(\.text) == [""])
    }

    @Test func indentsHangUnderTheirListItem() {
        let text = "- a first point that wraps\n\n    indented text that wraps too\n\n12. numbered and long enough"
        #expect(Text.wrapParagraphs(text, to: 16) == [
            "- a first point", "  that wraps", "", "    indented", "    text that", "    wraps too", "",
            "12. numbered and", "    long enough",
        ])
    }
}
