import Testing
@testable import PathfinderModel

@Suite struct TextTests {
    @Test func truncateNeverSplitsAWideCharacter() {
        #expect(Text.truncate("Portsmouth City Council", to: 10) == "Portsmout…")
        #expect(Text.truncate("Portsmouth", to: 10) == "Portsmouth")
        #expect(Text.truncate("中文中文", to: 5) == "中文…")
        #expect(Text.truncate("中文中文", to: 4) == "中…")           // one column short rather than half a 文
        #expect(Text.truncate("abc", to: 0) == "")
        #expect(Text.truncate("abc", to: 1) == "…")
        #expect(Text.truncate("Zoe\u{308} Ahmed", to: 4) == "Zoe\u{308}…")
        #expect(Text.truncate("👨‍👩‍👧 family", to: 5) == "…")           // the cluster is 6 columns
        #expect(Text.truncate("Portsmouth", to: 6, ellipsis: "...") == "Por...")
        for width in 0...12 {
            #expect(DisplayWidth.of(Text.truncate("রহিম উদ্দিন, শ্রী", to: width)) <= width)
        }
    }

    @Test func padAlignAndFitCountColumns() {
        #expect(Text.pad("Zoë", to: 5) == "Zoë  ")
        #expect(Text.pad("中文", to: 5) == "中文 ")
        #expect(Text.pad("toolong", to: 3) == "toolong")
        #expect(Text.padLeft("7", to: 3) == "  7")
        #expect(Text.alignRight("£80,000", to: 9) == "  £80,000")
        #expect(Text.center("RAG", to: 8) == "  RAG   ")
        #expect(Text.fit("Portsmouth City Council", to: 8) == "Portsmo…")
        #expect(Text.fit("PO-01", to: 7, alignment: .right) == "  PO-01")
        #expect(Text.fit("中", to: 4, alignment: .center) == " 中 ")
        #expect(Text.fit("中文中", to: 5) == "中文…")
        #expect(DisplayWidth.of(Text.fit("中文中文", to: 4)) == 4)      // "中…" padded to the full width
    }

    @Test func wrapMeasuresColumnsAndBreaksLongWords() {
        #expect(Text.wrap("The scheme supports 200 housebound people", to: 12) == ["The scheme", "supports 200", "housebound", "people"])
        #expect(Text.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
        #expect(Text.wrap("", to: 4) == [""])
        #expect(Text.wrap("   ", to: 4) == [""])
        #expect(Text.wrap("one\ntwo", to: 20) == ["one two"])
        #expect(Text.wrap("中文中文中", to: 4) == ["中文", "中文", "中"])
        #expect(Text.wrap("中文", to: 1) == ["中", "文"])              // too wide for the line: alone
        #expect(Text.wrap("see www.example.org/partnership-plan", to: 20) == ["see", "www.example.org/", "partnership-plan"])
        #expect(Text.wrap("community-led-procurement", to: 16) == ["community-led-", "procurement"])
        for line in Text.wrap("রহিম উদ্দিন 中文中文中文 emoji 👍👍👍 👨‍👩‍👧", to: 7) { #expect(DisplayWidth.of(line) <= 7) }
    }

    @Test func wrapParagraphsKeepsListsHeadingsAndBlankLines() {
        let text = """
        # Progress
        The forum met in
        November and agreed:

        - a compact for the whole city, signed by the council and forum
        - 90 volunteers
          recruited
        2. review in March

        > Funding ends in March 2007 unless renewed
        """
        #expect(Text.wrapParagraphs(text, to: 24) == [
            "# Progress",
            "The forum met in",
            "November and agreed:",
            "",
            "- a compact for the",
            "  whole city, signed by",
            "  the council and forum",
            "- 90 volunteers",
            "  recruited",
            "2. review in March",
            "",
            "> Funding ends in March",
            "> 2007 unless renewed",
        ])
        #expect(Text.wrapParagraphs("", to: 10) == [""])
        #expect(Text.wrapParagraphs("a\n\n\n\nb\n\n", to: 10) == ["a", "", "b"])
        #expect(Text.wrapParagraphs("    indented text that wraps", to: 16) == ["    indented", "    text that", "    wraps"])
        for line in Text.wrapParagraphs("- রহিম উদ্দিন শ্রী 中文中文中文\n- 👍👍👍👍", to: 9) { #expect(DisplayWidth.of(line) <= 9) }
    }
}

