import PathfinderModel
import Testing
@testable import PathfinderTUI

/// Every message is kept for the session and `:messages` shows each in full (issue 16: long
/// messages were cut at 80 columns, and gone with the next key).
@Suite struct MessageHistoryTests {
    @Test func aMessageCutAtTheEdgeIsReadWholeInTheHistory() {
        var s = Fixture.state(width: 40, height: 12)
        let long = "Meeting ended and saved: pathfinder minutes portsmouth/2026-12-07-portsmouth-steering-group.md writes its minutes"
        s = update(s, .notice(long, isError: false)).0
        #expect(!render(s).text.contains("writes its minutes"), "cut on the message line at 40 columns")
        s = s.after(.character("j"))   // the next key clears it
        s = update(s, .notice("Not a date", isError: true)).0
        #expect(s.messages.map(\.text).suffix(2) == [long, "Not a date"])
        s = s.after(.character(":")).typing("messages").after(.enter)
        guard case let .log(page) = s.page else { Issue.record("no history: \(s.page)"); return }
        #expect(page.rows.first?.heading == "! Not a date", "newest first, errors marked")
        // Wrapped to the window, every character is there (a long path breaks without a space).
        let whole = page.rows.dropFirst().first.map { ([$0.heading] + $0.details).joined() } ?? ""
        #expect(whole.filter { $0 != " " } == long.filter { $0 != " " })
    }

    @Test func theHistoryKeepsTheLastTwoHundred() {
        var s = Fixture.state()
        for i in 1...250 { s = update(s, .notice("note \(i)", isError: false)).0 }
        #expect(s.messages.count == 200)
        #expect(s.messages.first?.text == "note 51" && s.messages.last?.text == "note 250")
    }
}
