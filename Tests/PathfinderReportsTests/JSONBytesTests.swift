import PathfinderModel
import PathfinderReports
@testable import PathfinderStore
import Testing

/// `JSONBytes.quote` writes every JSON string the program streams (reports, the index's
/// records); it must give `Escape.json`'s bytes, whatever the text, including where its
/// eight-bytes-at-a-time scan meets a byte that needs escaping at any place in a word.
@Suite struct JSONBytesTests {
    static let alphabet: [String] = ["a", "Z", " ", "7", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1}", "\u{1B}", "\u{1F}",
                                     "\u{7F}", "\u{2028}", "\u{2029}", "…", "€", "\u{2027}", "é", "ক", "🎉", "/"]

    @Test func quotingGivesEscapeJSONsBytesOnRandomText() {
        var random = SeededRandom(seed: 20_261_208)   // the store's own, so a failure can be run again
        for _ in 0..<4_000 {
            let length = random.next(41)
            // Mostly plain letters, so long clean runs meet a special byte at every offset.
            let text = (0..<length).map { _ in random.next(4) == 0 ? Self.alphabet[random.next(Self.alphabet.count)] : "x" }.joined()
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
}
