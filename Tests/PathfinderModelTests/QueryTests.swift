import Testing
@testable import PathfinderModel

private let asOf = Day(iso: "2006-12-15")!

private func fixture() -> Partnership {
    let areas = [
        Area(id: "portsmouth", name: "Portsmouth", code: "PO", type: "City (unitary)"),
        Area(id: "dorset", name: "Dorset", code: "DO", type: "Rural county"),
    ]
    let actions = [
        Action(id: "PO-01", area: "portsmouth", title: "Map services against the six key issues",
               theme: "developing-market-intelligence", successFactors: ["market-intelligence"],
               lead: "Head of Strategy", leadBody: "Portsmouth City Council", status: "in-progress",
               rag: .red, due: Day(iso: "2006-11-30"),
               progress: [ProgressEntry(date: Day(iso: "2006-10-02")!, author: "Zoë Ahmed", text: "Survey sent to 700 organisations")]),
        Action(id: "PO-02", area: "portsmouth", title: "Good Neighbours befriending", theme: "ensuring-dialogue",
               status: "done", rag: .green, due: Day(iso: "2006-06-30")),
        Action(id: "PO-03", area: "portsmouth", title: "Three-year funding for the network", theme: "stable-and-sustainable-funding",
               status: "in-progress", rag: .amber, due: Day(iso: "2007-03-31")),
        Action(id: "DO-01", area: "dorset", title: "3D Procurement", theme: "procurement-practice",
               successFactors: ["market-intelligence", "building-capacity"], lead: "Procurement Officer",
               status: "blocked", rag: .amber, due: Day(iso: "2007-01-31")),
        Action(id: "DO-02", area: "dorset", title: "Day services in three tiers", theme: "market-development",
               status: "dropped", rag: .red, due: Day(iso: "2006-01-31")),
    ]
    return Partnership(title: "Test", catalogue: Catalogue(), areas: areas, actions: actions)
}

@Suite struct QueryTests {
    @Test func overdueIgnoresClosedActionsAndFutureDates() {
        let p = fixture()
        let overdue = p.actions.filter { $0.isOverdue(asOf: asOf, catalogue: p.catalogue) }.map(\.id)
        #expect(overdue == ["PO-01"])
    }

    /// The one-pass count gives each area's own summary, whatever order the actions come in,
    /// and leaves out actions of an area not in the list.
    @Test func areaSummariesEqualEachAreasOwnSummary() {
        var p = fixture()
        p.actions.reverse()
        p.actions.append(Action(id: "XX-01", area: "nowhere", title: "An action in no listed area", due: Day(iso: "2006-01-01")))
        let rows = p.summaries(asOf: asOf)
        #expect(rows == p.areas.map { AreaSummary.of(area: $0, actions: p.actions, asOf: asOf, catalogue: p.catalogue) })
        #expect(rows.reduce(0) { $0 + $1.actions } == p.actions.count - 1)
    }

    @Test func areaSummaryCountsOpenRAGOverdueAndNextDue() {
        let p = fixture()
        let rows = p.summaries(asOf: asOf)
        let portsmouth = rows[0]
        #expect(portsmouth.actions == 3)
        #expect(portsmouth.rag == RAGCount(red: 1, amber: 1, green: 0))
        #expect(portsmouth.overdue == 1)
        #expect(portsmouth.nextDue?.iso == "2007-03-31")
        let total = AreaSummary.total(rows)
        #expect(total.actions == 5)
        #expect(total.rag == RAGCount(red: 1, amber: 2, green: 0))
        #expect(total.nextDue?.iso == "2007-01-31")
    }

    @Test func filterCombinesCriteria() {
        let p = fixture()
        func ids(_ f: ActionFilter) -> [String] {
            p.actions.filter { f.matches($0, asOf: asOf, catalogue: p.catalogue) }.map(\.id)
        }
        #expect(ids(ActionFilter(area: "dorset")) == ["DO-01", "DO-02"])
        #expect(ids(ActionFilter(rag: .amber)) == ["PO-03", "DO-01"])
        #expect(ids(ActionFilter(successFactor: "market-intelligence", lead: "procurement")) == ["DO-01"])
        #expect(ids(ActionFilter(dueBefore: Day(iso: "2006-12-01"))) == ["PO-01", "PO-02", "DO-02"])
        #expect(ids(ActionFilter(overdue: true)) == ["PO-01"])
        // Free text looks in progress notes, ignores case and accents, and needs every word.
        #expect(ids(ActionFilter(text: "zoe 700")) == ["PO-01"])
        #expect(ids(ActionFilter(text: "THREE")) == ["PO-03", "DO-02"])
        #expect(ids(ActionFilter(text: "three nowhere")) == [])
    }

    @Test func textMatchFindsTheRangeToHighlight() {
        let text = "Café Zoë and রহিম উদ্দিন"
        let r = TextMatch.range(of: "zoe", in: text)!
        #expect(String(text[r]) == "Zoë")
        let b = TextMatch.range(of: "উদ্দিন", in: text)!
        #expect(String(text[b]) == "উদ্দিন")
        #expect(TextMatch.range(of: "tea", in: text) == nil)
    }

    @Test func indicatorProgressRunsFromBaselineToTarget() {
        #expect(Indicator(name: "Recycling", baseline: 7, target: 12, current: 12, unit: "%").progress == 1)
        #expect(Indicator(name: "r", baseline: 7, target: 17, current: 9.5).progress == 0.25)
        #expect(Indicator(name: "Waiting days", baseline: 40, target: 20, current: 30).progress == 0.5)
        #expect(Indicator(name: "r", baseline: 7, target: 12).progress == nil)
    }

    @Test func newIDsAreTheAreasNextNumber() {
        // Said aloud in a meeting: PO-12 after PO-11, not PO-4S8N (issue 16).
        #expect(ActionID.make(code: "PO", existing: ["PO-01", "PO-11", "PO-7KQ3", "DO-40"]) == "PO-12")
        #expect(ActionID.make(code: "PO", existing: []) == "PO-01")
        #expect(ActionID.make(code: "PO", existing: ["PO-99"]) == "PO-100")
        let id = ActionID.make(code: "PO", existing: ["PO-03"])
        #expect(id == "PO-04" && ActionID.isValid(id))
        #expect(ActionID.isValid("PO-03"))
        #expect(!ActionID.isValid("po-03"))
        #expect(!ActionID.isValid("PO-"))
        #expect(!ActionID.isValid("PORTS-03"))
        var seen = Set<String>()
        for _ in 0..<2000 { seen.insert(ActionID.make(code: "TH", existing: seen)) }
        #expect(seen.count == 2000 && seen.contains("TH-2000"))
    }

    @Test func idsAndDaysAreReadExactlyAsWritten() {
        // Both are read byte by byte for speed; these are the shapes they must still refuse.
        for bad in ["", "-", "PO", "P-03", "PO-3", "PO-1234567", "POSTX-03", "PO-03-1", "PO--03", "PÖ-03", "PO-0３", "PO-03 ", "pO-03", "PO-a3"] {
            #expect(!ActionID.isValid(bad), "\(bad)")
        }
        for good in ["PO-03", "DO-40", "NOTT-123456", "TH-7KQ3", "AB-00"] { #expect(ActionID.isValid(good), "\(good)") }
        #expect(Day(iso: "2006-12-15") == Day(year: 2006, month: 12, day: 15))
        #expect(Day(iso: Substring("x2006-01-02").dropFirst()) == Day(year: 2006, month: 1, day: 2))
        for bad in ["", "2006-12-1", "2006-12-150", "2006/12/15", "20061-2-15", "2006-1a-15", "２006-12-15", "2006-12-15 ", "-006-12-15"] {
            #expect(Day(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func numbersReadAsPeopleWriteThem() {
        #expect(Number.format(3) == "3")
        #expect(Number.format(2.5) == "2.5")
        #expect(Number.grouped(1_500_000) == "1,500,000")
        #expect(Number.grouped(80000) == "80,000")
        #expect(Number.grouped(-4500) == "-4,500")
    }
}
