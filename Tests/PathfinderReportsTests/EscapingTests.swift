import PathfinderReports
import XCTest

final class EscapingTests: XCTestCase {
    func testHTMLEscapesMarkupAndControlCharacters() {
        XCTAssertEqual(Escape.html("<a href=\"x\">Tom & Jerry's</a>\u{1B}"),
                       "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;\u{FFFD}")
    }

    func testCSVQuotesOnlyWhenNeeded() {
        XCTAssertEqual(Escape.csv("plain"), "plain")
        XCTAssertEqual(Escape.csv("a, \"b\"\nc"), "\"a, \"\"b\"\"\nc\"")
    }

    func testJSONEscapesControlCharacters() {
        XCTAssertEqual(Escape.json("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\u0001\"")
    }
}
