import PathfinderModel
import Testing

/// Files with problems are counted one way, whoever counts them.
@Suite struct ProblemCountTests {
    let problems: [Problem] = [
        .warning("areas/tower-hamlets/actions/TH-06.md", 22, "Compact: funding term of 1 year is under the Compact's 3-year norm"),
        .error("areas/portsmouth/actions/PO-07.md", 12, "unknown status \"stalled\""),
        .error("areas/portsmouth/actions/PO-07.md", 4, "unknown theme \"gardening\""),
        .warning("areas/tower-hamlets/actions/TH-06.md", 22, "Compact: funding does not allow full cost recovery"),
        .error("pathfinder.yaml", 3, "unknown key \"colour\""),
        .error("case-studies/wakefield.md", 2, "missing required field \"title\""),
    ]

    @Test func aFileWithSeveralErrorsCountsOnceAndWarningsApart() {
        let count = ProblemCount(problems)
        #expect(count.filesWithErrors == 3)
        #expect(count.errors == 4)
        #expect(count.warnings == 2)
        #expect(count.filesSentence == "3 files have problems")
        #expect(count.tally == "4 errors in 3 files, 2 warnings")
        #expect(ProblemCount(problems.prefix(1)).filesSentence == nil, "warnings alone are not files with problems")
        #expect(ProblemCount(problems.prefix(2)).filesSentence == "1 file has problems")
        #expect(ProblemCount([]).tally == "0 errors, 0 warnings")
    }

    @Test func errorsComeFirstThenByPathAndLine() {
        #expect(problems.errorsFirst().map { "\($0.path):\($0.line)" } == [
            "areas/portsmouth/actions/PO-07.md:4", "areas/portsmouth/actions/PO-07.md:12", "case-studies/wakefield.md:2",
            "pathfinder.yaml:3", "areas/tower-hamlets/actions/TH-06.md:22", "areas/tower-hamlets/actions/TH-06.md:22",
        ])
    }

    @Test func theAreaComesFromTheFolder() {
        #expect(Problem.error("areas/portsmouth/actions/PO-07.md", 1, "x").area == "portsmouth")
        #expect(Problem.error("areas/dorset/area.md", 1, "x").area == "dorset")
        #expect(Problem.error("areas/portsmouth/meetings/2006-11-28-steering-group.md", 1, "x").area == "portsmouth")
        #expect(Problem.error("case-studies/wakefield.md", 1, "x").area == nil)
        #expect(Problem.error("pathfinder.yaml", 1, "x").area == nil)
    }
}
