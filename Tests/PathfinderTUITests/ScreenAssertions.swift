import Foundation
import Testing
@testable import PathfinderTUI

/// Golden screens: Tests/PathfinderTUITests/Goldens/NAME.txt holds a screen's rows, each between
/// `|` marks so trailing spaces show. `PATHFINDER_RECORD_GOLDENS=1 swift test` writes the files
/// instead of comparing (review them with `git diff`). The source folder is found from #filePath,
/// so recording writes into the repository, not the build folder; the copy SwiftPM bundles is
/// used only when the sources are not there.
enum Goldens {
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")

    static var isRecording: Bool { ProcessInfo.processInfo.environment["PATHFINDER_RECORD_GOLDENS"] == "1" }

    /// A screen as golden text: one `|row|` a line.
    static func text(of rows: [String]) -> String {
        rows.map { "|" + $0 + "|" }.joined(separator: "\n") + "\n"
    }

    /// The rows of golden text (the `|` marks removed).
    static func rows(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0).map { line in
            var row = Substring(line)
            if row.hasPrefix("|") { row = row.dropFirst() }
            if row.hasSuffix("|") { row = row.dropLast() }
            return String(row)
        }
    }

    static func read(_ name: String) -> String? {
        let source = sourceFolder.appendingPathComponent("\(name).txt")
        if let text = try? String(contentsOf: source, encoding: .utf8) { return text }
        guard let bundled = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Goldens") else { return nil }
        return try? String(contentsOf: bundled, encoding: .utf8)
    }

    /// Expected and actual rows side by side, numbered, with `>` on the rows that differ.
    static func report(expected: [String], actual: [String], title: String) -> String {
        var lines = [title]
        let number = { (i: Int) in String(repeating: " ", count: max(0, 3 - String(i).count)) + String(i) }
        var differing: [Int] = []
        for i in 0..<max(expected.count, actual.count) where (i < expected.count ? expected[i] : nil) != (i < actual.count ? actual[i] : nil) {
            differing.append(i)
        }
        lines.append("rows that differ: \(differing.map(String.init).joined(separator: ", "))")
        lines.append("expected:")
        for (i, row) in expected.enumerated() { lines.append("\(differing.contains(i) ? ">" : " ")\(number(i)) |\(row)|") }
        lines.append("actual:")
        for (i, row) in actual.enumerated() { lines.append("\(differing.contains(i) ? ">" : " ")\(number(i)) |\(row)|") }
        return lines.joined(separator: "\n")
    }
}

/// Compares a screen's text with the golden file Goldens/NAME.txt (or records it, with
/// PATHFINDER_RECORD_GOLDENS=1). A failure prints both screens, `>` marking differing rows.
func assertScreen(_ screen: Screen, golden name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = Goldens.text(of: screen.lines)
    if Goldens.isRecording {
        do {
            try FileManager.default.createDirectory(at: Goldens.sourceFolder, withIntermediateDirectories: true)
            try actual.write(to: Goldens.sourceFolder.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not record golden \(name).txt: \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = Goldens.read(name) else {
        Issue.record("no golden \(name).txt; record it with PATHFINDER_RECORD_GOLDENS=1 swift test", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let report = Goldens.report(expected: Goldens.rows(of: expected), actual: screen.lines,
                                title: "screen differs from Goldens/\(name).txt (PATHFINDER_RECORD_GOLDENS=1 to re-record)")
    Issue.record(Comment(rawValue: report), sourceLocation: sourceLocation)
}

/// Compares a screen with rows written in the test itself, ratatui style. Each row must be
/// exactly the screen's width (trailing spaces included).
func assertScreen(_ screen: Screen, rows expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    guard screen.lines != expected else { return }
    Issue.record(Comment(rawValue: Goldens.report(expected: expected, actual: screen.lines, title: "screen differs")),
                 sourceLocation: sourceLocation)
}

/// Renders a state into a fresh buffer of its size.
func render(_ state: AppState) -> Screen {
    var screen = Screen(width: state.width, height: state.height)
    RootView.render(state, into: &screen)
    return screen
}
