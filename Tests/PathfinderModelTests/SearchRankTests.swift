import PathfinderModel
import Testing

/// Search ranks by how well a title answers the query, and Enter opens the best match: a case
/// study called exactly what was typed beats an area whose key figure mentions it (issue 16:
/// "Good Neighbours" then Enter opened the Portsmouth area).
@Suite struct SearchRankTests {
    static let partnership = Partnership(
        title: "t",
        areas: [Area(id: "portsmouth", name: "Portsmouth", code: "PO",
                     keyFigures: [KeyFigure(label: "People helped by Good Neighbours", value: "200")])],
        actions: [Action(id: "PO-01", area: "portsmouth", title: "Fund the befriending of Good Neighbours volunteers"),
                  Action(id: "PO-02", area: "portsmouth", title: "Review the scheme", description: "good neighbours review"),
                  Action(id: "PO-03", area: "portsmouth", title: "Good Neighbours roll-out")],
        caseStudies: [CaseStudy(id: "good-neighbours", title: "Good Neighbours")])

    @Test func titlesThatAnswerTheQueryComeFirstWithinTheirKind() {
        let (results, total) = SearchIndex(Self.partnership).search("good neighbours")
        #expect(total == 5)
        #expect(results.map(\.id) == ["portsmouth", "PO-03", "PO-01", "PO-02", "good-neighbours"],
                "kinds stay grouped; within actions: starts with, holds every word, elsewhere")
        // The area and PO-02 hold the words together, as typed, outside their titles.
        #expect(results.map(\.rank) == [1, 3, 2, 1, 4])
        #expect(SearchResult.best(results).map { results[$0].id } == "good-neighbours")
    }

    @Test func wordsTogetherAsTypedBeatTheSameWordsScattered() {
        var p = Self.partnership
        p.actions.append(Action(id: "PO-04", area: "portsmouth", title: "Refer organisations", source: "paras 2.22-2.23",
                                description: "Grants close in December."))
        p.meetings = [Meeting(id: "portsmouth/m", area: "portsmouth", date: Day(iso: "2006-11-28")!, title: "Steering group",
                              items: [MeetingItem(action: "PO-04", decisions: ["Head of Finance to list the contracts by 22 December."])])]
        let (results, _) = SearchIndex(p).search("22 December")
        #expect(results.map(\.id) == ["PO-04", "portsmouth/m"])
        #expect(SearchResult.best(results).map { results[$0].id } == "portsmouth/m")
    }

    @Test func anIdTypedWholeIsTheBestMatchAndEqualsKeepTheOrderShown() {
        let (results, _) = SearchIndex(Self.partnership).search("po-02")
        #expect(SearchResult.best(results).map { results[$0].id } == "PO-02")
        // Every title holding the word ranks the same: the first of them shown is the best.
        let (equals, _) = SearchIndex(Self.partnership).search("neighbours")
        #expect(equals.map(\.id) == ["portsmouth", "PO-01", "PO-03", "PO-02", "good-neighbours"])
        #expect(equals.map(\.rank) == [0, 2, 2, 0, 2])
        #expect(SearchResult.best(equals) == 1)
    }
}
