import Testing
@testable import PathfinderModel

/// The search words index must find exactly the actions the screens' search finds, for any
/// word it says it can answer: accents, Bengali, emoji, punctuation and parts of words too.
@Suite struct ActionWordIndexTests {
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    static let vocabulary = ["commissioning", "recommissioning", "Forum", "FORUM", "third-sector", "(co-op)", "café", "CAFÉ", "Zoë",
                             "naïve", "cafe\u{301}", "শাহানা", "বেগম", "সভা।", "🎉", "👩‍👩‍👧", "Straße", "İstanbul", "ΣΟΦΙΑ",
                             "全角テキスト", "1.5m", "7%", "£80,000", "a", "of", "the", "e", "“quoted”", "tab\there", "\u{0}"]

    static func sentence(_ random: inout Random, words: Int) -> String {
        (0..<words).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: Bool.random(using: &random) ? " " : "  ")
    }

    static func actions(_ random: inout Random, count: Int) -> [Action] {
        let day = Day(iso: "2006-10-16")!
        return (0..<count).map { i in
            // Half the actions plain ASCII in their long texts (searched in place), half not.
            let plain = i % 2 == 0
            func text(_ n: Int) -> String {
                plain ? String(sentence(&random, words: n).unicodeScalars.filter(\.isASCII)) : sentence(&random, words: n)
            }
            let notes = (0..<Int.random(in: 0...4, using: &random)).map { k in
                ProgressEntry(date: day, author: k % 2 == 0 ? "Officer \(k)" : "শাহানা বেগম", text: text(6) + (k == 1 ? "\nsecond line" : ""))
            }
            return Action(id: "PO-\(i)", area: "portsmouth", title: text(3), theme: i % 3 == 0 ? "procurement-practice" : "nowhere",
                          lead: text(2), partners: [text(1)], status: "in-progress",
                          milestones: [Milestone(title: text(2))], description: text(8), progress: ProgressLog(notes))
        }
    }

    static let catalogue = Catalogue(themes: [CatalogueEntry(id: "procurement-practice", label: "Procurement practice")],
                                     statuses: [StatusEntry(id: "in-progress", label: "In progress", symbol: "◐", closed: false)])

    /// Query words: whole words, parts of them (every byte range of a few), labels, odd bytes.
    static func queryWords(_ random: inout Random) -> [String] {
        var words = vocabulary + ["procurement", "progress", "in", "officer 1:", "1:", "ও", "ি", "cafe", "zoe", "istanbul", "σοφια",
                                  "strasse", "straße", "-", "(", "co-op)", "🎉🎉", "nothing-here", "PO-1", "po-12", "line"]
        for word in vocabulary.shuffled(using: &random).prefix(12) {
            let bytes = Array(TextMatch.fold(word).utf8)
            for _ in 0..<4 where bytes.count > 1 {
                let start = Int.random(in: 0..<bytes.count, using: &random)
                let end = Int.random(in: (start + 1)...bytes.count, using: &random)
                if let part = String(validating: bytes[start..<end], as: UTF8.self) { words.append(part) }
            }
        }
        return words
    }

    @Test func findsWhatTheSearchFinds() {
        var random = Random(state: 0x9E3779B97F4A7C15)
        let actions = Self.actions(&random, count: 150)
        let index = ActionWordIndex(actions, catalogue: Self.catalogue)
        let decoded = index.encoded().withUnsafeBytes { ActionWordIndex(encoded: $0) }
        #expect(decoded == index, "reads back as written")
        var answered = 0
        for query in Self.queryWords(&random) {
            for word in SearchIndex.queryWords(query).words {
                guard ActionWordIndex.answers(word) else { continue }
                answered += 1
                let bits = index.holding(word)
                let found = actions.indices.filter { bits[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
                let expected = actions.indices.filter { SearchIndex.finds(String(decoding: word, as: UTF8.self), in: actions[$0], catalogue: Self.catalogue) }
                #expect(found == expected, "\(String(decoding: word, as: UTF8.self))")
            }
        }
        #expect(answered > 60)
        #expect(!ActionWordIndex.answers(Array("two\nlines".utf8)) && !ActionWordIndex.answers([]))
    }

    /// Damaged bytes are refused or read as some index, never a crash or a position past the end.
    @Test func damagedBytesNeverCrash() {
        var random = Random(state: 42)
        let actions = Self.actions(&random, count: 20)
        let good = ActionWordIndex(actions, catalogue: Self.catalogue).encoded()
        for n in stride(from: 0, to: good.count, by: 5) {
            #expect(good.prefix(n).withUnsafeBytes { ActionWordIndex(encoded: $0) } == nil)
        }
        for _ in 0..<300 {
            var bytes = good
            bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            if let index = bytes.withUnsafeBytes({ ActionWordIndex(encoded: $0) }) {
                for word in ["a", "forum", "বেগম"] { #expect(index.holding(Array(word.utf8)).count == (index.count + 63) / 64) }
            }
        }
    }
}
