import Testing
@testable import PathfinderModel

/// Store-wide search: every word must occur somewhere in a document, case and accents aside;
/// a hit names the field the first word was found in and shows the text around it.
@Suite struct SearchIndexTests {
    static let partnership: Partnership = {
        let areas = [Area(id: "tower-hamlets", name: "Tower Hamlets", code: "TH", narrative: "Forum of 700 organisations.")]
        let actions = [
            Action(id: "TH-05", area: "tower-hamlets", title: "Doorstep recycling for high-rise homes", status: "in-progress",
                   description: "Recycling rose from 7% to 12%.",
                   progress: [ProgressEntry(date: Day(iso: "2006-10-16")!, author: "Contract Manager", text: "September figures: 12%."),
                              ProgressEntry(date: Day(iso: "2006-12-06")!, author: "শাহানা বেগম", text: "Café meeting held with the Consortium.")]),
            Action(id: "TH-06", area: "tower-hamlets", title: "Three-year grants", description: "Move from one-year funding."),
        ]
        let studies = [CaseStudy(id: "thcrc", title: "Tower Hamlets Community Recycling Consortium", text: "70,000 households.")]
        return Partnership(title: "T", areas: areas, actions: actions, caseStudies: studies)
    }()

    @Test func findsEveryKindAndSaysWhereItMatched() {
        let index = SearchIndex(Self.partnership)
        let recycling = index.search("recycling")
        #expect(recycling.total == 2)
        #expect(recycling.results.map(\.id) == ["TH-05", "thcrc"])
        #expect(recycling.results[0].field == "title")
        #expect(recycling.results[0].title == "Doorstep recycling for high-rise homes")

        let cafe = index.search("CAFE consortium")
        #expect(cafe.results.map(\.id) == ["TH-05"])
        #expect(cafe.results[0].field == "progress 2006-12-06")
        #expect(cafe.results[0].snippet == "শাহানা বেগম: Café meeting held with the Consortium.")

        #expect(index.search("বেগম").results.map(\.id) == ["TH-05"])
        #expect(index.search("700").results.map(\.kind) == [.area])
        #expect(index.search("households").results.map(\.kind) == [.caseStudy])
        #expect(index.search("recycling grants").total == 0, "every word must occur in the same document")
        #expect(index.search("   ").total == 0)
    }

    @Test func aLimitCapsTheResultsButNotTheCount() {
        let index = SearchIndex(Self.partnership)
        let all = index.search("tower", limitPerKind: 1)
        #expect(all.total == 2)   // the area and the case study; actions name the area only by id
        #expect(all.results.map(\.kind) == [.area, .caseStudy])
        #expect(index.search("th-0", limitPerKind: 1).results.map(\.id) == ["TH-05"])
        #expect(index.search("th-0", limitPerKind: 1).total == 2)
    }
}
