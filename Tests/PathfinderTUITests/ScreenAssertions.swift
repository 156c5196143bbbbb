import Foundation
import Testing
@testable import PathfinderTUI

/// Compares a screen's text with a golden file in Tests/PathfinderTUITests/Goldens/NAME.txt.
/// With PATHFINDER_RECORD_GOLDENS=1 the file is written instead. A failure prints the expected
/// and actual screens row by row, with `>` marking the rows that differ.
func assertScreen(_ screen: Screen, golden name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    let file = folder.appendingPathComponent("\(name).txt")
    let actual = screen.lines.map { "|" + $0 + "|" }.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["PATHFINDER_RECORD_GOLDENS"] == "1" {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? actual.write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no golden \(name).txt; record it with PATHFINDER_RECORD_GOLDENS=1 swift test", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var report = "screen differs from \(name).txt\n"
    for i in 0..<max(e.count, a.count) {
        let el = i < e.count ? String(e[i]) : "", al = i < a.count ? String(a[i]) : ""
        if el == al {
            report += "  \(al)\n"
        } else {
            report += "- \(el)\n+ \(al)\n"
        }
    }
    Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
}

/// Renders a state into a fresh buffer of its size.
func render(_ state: AppState) -> Screen {
    var screen = Screen(width: state.width, height: state.height)
    RootView.render(state, into: &screen)
    return screen
}
