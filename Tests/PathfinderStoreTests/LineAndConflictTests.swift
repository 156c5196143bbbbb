import Foundation
import Testing
@testable import PathfinderStore

/// Line numbers are the lines the user's editor shows (a line ends at LF; CRLF is one ending),
/// whatever other breaks a value holds; git conflict markers are named as what they are; a
/// file that fails to load causes no errors in other files; every manifest field is checked.
@Suite struct LineAndConflictTests {
    typealias Hostile = HostileFileTests

    /// Breaks YAML counts as new lines but an editor on Linux does not (all but CRLF), and CRLF.
    static let breaks: [(name: String, text: String, lines: Int)] = [
        ("U+2028", "\u{2028}", 0), ("U+2029", "\u{2029}", 0), ("U+0085", "\u{85}", 0), ("lone CR", "\r", 0), ("CRLF", "\r\n  ", 1),
    ]

    @Test(arguments: ["quoted", "plain", "body"])
    func everyLineNumberIsTheEditorsLine(place: String) throws {
        for (name, text, extra) in Self.breaks {
            let title = place == "quoted" ? "\"one\(text)two\"" : place == "plain" ? "one\(text)two" : "Plain"
            let body = place == "body" ? "Before\(text == "\r\n  " ? "\r\n" : text)after.\n\n## Progress\n\n### last week — Jo\n\nA note.\n" : "Text.\n"
            let bodyExtra = place == "body" ? extra : 0
            let file = "---\nid: PO-02\ntitle: \(title)\ntheme: procurement-practice\nlead: Jo\nstatus: in-progress\nrag: green\n"
                + "milestones:\n  - title: M\n    due: 2007-02-30\nstart: someday\n---\n" + body
            let path = "areas/portsmouth/actions/PO-02.md"
            let outcome = try Hostile.load([path: file])
            var expected = [
                "\(path):\(10 + extra - bodyExtra): error: bad date \"2007-02-30\" for \"due\" (expected YYYY-MM-DD, a real day)",
                "\(path):\(11 + extra - bodyExtra): error: bad date \"someday\" for \"start\" (expected YYYY-MM-DD, a real day)",
            ]
            if place == "plain", extra == 0 {
                // YAML ends the plain value at the break, so the next word is a key without a colon.
                let error = "\(path):3: error: YAML syntax: while scanning a simple key: could not find expected ':' (this line holds "
                #expect(outcome.errors(in: path).count == 1 && outcome.errors(in: path)[0].hasPrefix(error), "\(name): \(outcome.problems)")
                continue
            }
            if place == "body" {
                expected.append("\(path):\(17 + extra): error: progress entry heading \"### last week — Jo\" should be \"### YYYY-MM-DD — Author\"")
            }
            #expect(outcome.errors(in: path) == expected, "\(place), \(name)")
            #expect(outcome.summaryErrors == outcome.problems.filter { $0.contains(": error: ") }, "\(place), \(name)")
            // The lines the screens and validation point at come from the same parse.
            let parsed = FileParser.action(file, path: path, area: "portsmouth", fileID: "PO-02")
            #expect(parsed.lines["start"] == 11 + extra - bodyExtra, "\(place), \(name)")
            #expect(parsed.itemLines["milestones"] == [9 + extra - bodyExtra], "\(place), \(name)")
        }
    }

    @Test func aYAMLErrorAfterAnOddBreakPointsAtItsLine() throws {
        for (name, text, extra) in Self.breaks {
            let file = "---\ntitle: \"a\(text)b\"\nplace: x\nthemes: [a, b\nsource: c\n---\n"
            let outcome = try Hostile.load(["case-studies/odd.md": file])
            let errors = outcome.errors(in: "case-studies/odd.md")
            #expect(errors.count == 1 && errors[0].hasPrefix("case-studies/odd.md:\(5 + extra): error: YAML syntax"), "\(name): \(errors)")
        }
    }

    // MARK: Conflict markers

    static let conflict = "<<<<<<< mine\nstatus: done\n=======\nstatus: blocked\n>>>>>>> theirs"
    static let diff3 = "<<<<<<< mine\nstatus: done\n||||||| base\nstatus: in-progress\n=======\nstatus: blocked\n>>>>>>> theirs"

    @Test(arguments: Hostile.kinds)
    func conflictMarkersAreNamedWithTheirLines(kind: String) throws {
        for (style, markers, endOffset) in [("two-way", Self.conflict, 4), ("diff3", Self.diff3, 6)] {
            let (path, text, line) = Hostile.file(kind, fragment: markers)
            let outcome = try Hostile.load([path: text])
            #expect(outcome.errors(in: path) == [
                "\(path):\(line): error: unresolved git merge conflict (<<<<<<< at line \(line), >>>>>>> at line \(line + endOffset)): choose a version in an editor, or run pathfinder resolve",
            ], "\(kind), \(style)")
            #expect(outcome.problems.count == 1, "\(kind), \(style): \(outcome.problems)")
            #expect(outcome.loadedGoodAction)
        }
    }

    @Test func conflictMarkersInTheBodyOrAcrossTheFenceAreFound() throws {
        let path = "areas/portsmouth/actions/PO-02.md"
        let head = "---\nid: PO-02\ntitle: Second\ntheme: procurement-practice\nlead: Jo\nstatus: in-progress\nrag: green\n"
        let cases: [(String, String)] = [
            (head + "---\nIntro.\n<<<<<<< HEAD\nOurs.\n=======\nTheirs.\n>>>>>>> origin/main\n",
             "\(path):10: error: unresolved git merge conflict (<<<<<<< at line 10, >>>>>>> at line 14)"),
            (head + "<<<<<<< HEAD\n---\nOurs.\n=======\ndue: 2007-01-01\n---\nTheirs.\n>>>>>>> origin/main\n",
             "\(path):8: error: unresolved git merge conflict (<<<<<<< at line 8, >>>>>>> at line 15)"),
            (head + "---\nA half-resolved file.\n>>>>>>> theirs\n", "\(path):10: error: unresolved git merge conflict (>>>>>>> at line 10)"),
            (head.replacingOccurrences(of: "\n", with: "\r\n") + "---\r\n<<<<<<< HEAD\r\nx\r\n>>>>>>> b\r\n",
             "\(path):9: error: unresolved git merge conflict (<<<<<<< at line 9, >>>>>>> at line 11)"),
        ]
        for (text, prefix) in cases {
            let outcome = try Hostile.load([path: text])
            #expect(outcome.errors(in: path).count == 1 && outcome.errors(in: path)[0].hasPrefix(prefix), "\(outcome.problems)")
            #expect(outcome.loadedGoodAction)
        }
    }

    @Test func textThatOnlyLooksLikeAMarkerIsText() throws {
        let path = "areas/portsmouth/actions/PO-02.md"
        let text = "---\nid: PO-02\ntitle: Second\ntheme: procurement-practice\nlead: Jo\nstatus: in-progress\nrag: green\n---\n"
            + "A Heading\n=======\n\n<<<<<<<< eight\n> > quoted\n<<<<<<<x\n"
        let outcome = try Hostile.load([path: text])
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
    }

    // MARK: No knock-on errors

    @Test func aBrokenFileGivesOnlyItsOwnError() throws {
        let broken = "---\n<<<<<<< mine\ntitle: a\n=======\ntitle: b\n>>>>>>> theirs\n---\n"
        let cases: [(String, [String: String])] = [
            ("a meeting naming a broken action", [
                "areas/portsmouth/actions/PO-02.md": broken,
                "areas/portsmouth/meetings/2006-11-14-steering-group.md":
                    "---\ndate: 2006-11-14\ntitle: Steering\nitems:\n  - action: PO-02\nchanges:\n  - action: PO-02\n    field: status\nactions-created: [PO-02]\n---\n",
            ]),
            ("an action linking a broken case study", [
                "case-studies/broken.md": broken,
                "areas/portsmouth/actions/PO-02.md":
                    "---\nid: PO-02\ntitle: T\ntheme: procurement-practice\nlead: Jo\nstatus: done\nrag: green\ncase-studies: [broken]\n---\n",
            ]),
            ("a case study naming an area whose area.md is broken", [
                "areas/dorset/area.md": broken,
                "case-studies/dorset.md": "---\ntitle: Dorset study\narea: dorset\n---\n",
            ]),
            ("an action file naming another file's id", [
                "areas/portsmouth/actions/PO-02.md":
                    "---\nid: PO-01\ntitle: T\ntheme: procurement-practice\nlead: Jo\nstatus: done\nrag: green\n---\n",
            ]),
            ("an action in an area whose code is wrong", [
                "areas/dorset/area.md": "---\nname: Dorset\ncode: dorset\n---\n",
                "areas/dorset/actions/DO-01.md":
                    "---\nid: DO-01\ntitle: T\ntheme: procurement-practice\nlead: Jo\nstatus: done\nrag: green\n---\n",
            ]),
        ]
        for (name, files) in cases {
            let outcome = try Hostile.load(files)
            let errors = outcome.problems.filter { $0.contains(": error: ") }
            #expect(errors.count == 1, "\(name): \(errors)")
            #expect(outcome.summaryErrors == errors, "\(name)")
        }
    }

    // MARK: The manifest

    @Test func everyManifestFieldIsChecked() throws {
        let base = Hostile.manifestBase
        let cases: [(String, String, String)] = [
            ("format: 1", "format: -1", "pathfinder.yaml:2: error: \"format\" should be 1 or more, not -1 (this Pathfinder writes format 1)"),
            ("format: 1", "format: 0", "pathfinder.yaml:2: error: \"format\" should be 1 or more, not 0 (this Pathfinder writes format 1)"),
            ("format: 1", "format: one", "pathfinder.yaml:2: error: \"format\" should be a whole number"),
            ("format: 1", "format: [1]", "pathfinder.yaml:2: error: \"format\" should be text, not a list"),
            ("as-of: 2006-12-15", "as-of: someday", "pathfinder.yaml:3: error: bad date \"someday\" for \"as-of\" (expected YYYY-MM-DD, a real day)"),
            ("title: Broken corpus base", "title: {a: b}", "pathfinder.yaml:1: error: \"title\" should be text, not a set of fields"),
            ("  - id: procurement-practice\n    label: Procurement practice", "  - label: Procurement practice",
             "pathfinder.yaml:5: error: missing required field \"id\""),
            ("  - id: regular-dialogue\n    label: Regular dialogue", "  - regular-dialogue", "pathfinder.yaml:9: error: each of \"success-factors\" should have named fields (e.g. \"- title: ...\")"),
            ("  red: Off track", "  red: [Off, track]", "pathfinder.yaml:12: error: the meaning of red should be text, not a list"),
            ("  minimum-term-years: 3", "  minimum-term-years: -3", "pathfinder.yaml:16: error: \"minimum-term-years\" should be 0 or more, not -3"),
            ("  full-cost-recovery: true", "  full-cost-recovery: maybe",
             "pathfinder.yaml:18: error: \"full-cost-recovery\" should be true or false, not \"maybe\""),
            ("rag:\n", "statuses: []\nrag:\n",
             "pathfinder.yaml:11: error: \"statuses\" should list at least one status (or be left out for the usual five)"),
        ]
        for (old, new, expected) in cases {
            #expect(base.contains(old), "\(old)")
            let outcome = try Hostile.load(["pathfinder.yaml": base.replacingOccurrences(of: old, with: new)])
            #expect(outcome.errors(in: "pathfinder.yaml").contains(expected), "\(new): \(outcome.problems)")
        }
    }
}
