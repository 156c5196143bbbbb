import Foundation
import Testing
import PathfinderModel
import PathfinderReports

/// A table cell holding a word far longer than its column is broken into full pieces in time
/// that grows with the word's length, not its square.
@Suite struct LongWordReportTests {
    @Test func aVeryLongWordInACellBreaksIntoFullPieces() {
        let word = String(repeating: "abcdefghij", count: 20_000)   // 200,000 characters
        let started = Date()
        let lines = Text.wrapMeasured("short " + word + " tail", to: 80)
        print("Text.wrapMeasured of a 200,000-character word at 80 columns: \(Int(Date().timeIntervalSince(started) * 1000)) ms")
        #expect(lines.first?.text == "short")
        #expect(lines.dropFirst().prefix(2_500).allSatisfy { $0.text.count == 80 && $0.width == 80 })
        let nothingLost = lines.dropFirst().prefix(2_500).map(\.text).joined() == word
        #expect(nothingLost)
        #expect(lines.last?.text == "tail")
        #expect(lines.count == 2_502)
    }

    @Test func aLongWordOfWideCharactersGivesItsWidths() {
        let lines = Text.wrapMeasured(String(repeating: "中", count: 10_001), to: 7)
        #expect(lines.dropLast().allSatisfy { $0.width == 6 && $0.text.count == 3 })
        #expect(lines.last?.width == 4)   // 10,001 = 3 × 3,333 + 2
        #expect(lines.count == 3_334)
    }
}
