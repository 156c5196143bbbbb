import PathfinderModel
import PathfinderReports
import Testing

/// `JSONBytes.quote` writes every JSON string the program streams (reports, the index's
/// records); it must give `Escape.json`'s bytes, whatever the text, including where its
/// eight-bytes-at-a-time scan meets a byte that needs escaping at any place in a word.
@Suite struct JSONBytesTests {
    static let alphabet: [String] = ["a", "Z", " ", "7", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1B}", "\u{1F}",
                                     "\u{7F}", "\u{2028}", "\u{2029}", "…", "€", "\u{2027}", "é", "ক", "🎉", "/"]

    @Test func quotingGivesEscapeJSONsBytesOnRandomText() {
        var generator = SplitMix(seed: 20_261_208)
        for _ in 0..<4_000 {
            let length = Int(generator.next() % 41)
            // Mostly plain letters, so long clean runs meet a special byte at every offset.
            let text = (0..<length).map { _ in
                generator.next() % 4 == 0 ? Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))] : "x"
            }.joined()
            var out: [UInt8] = []
            JSONBytes.quote(text, into: &out)
            #expect(String(decoding: out, as: UTF8.self) == Escape.json(text), "\(Array(text.unicodeScalars.map(\.value)))")
        }
    }

    @Test func quotingAppendsToWhatIsThere() {
        var out = Array("[".utf8)
        JSONBytes.quote("twelve bytes\u{2028}and \"more\" text here", into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "[" + Escape.json("twelve bytes\u{2028}and \"more\" text here"))
    }

    /// A small seeded generator: the same cases on every run.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
