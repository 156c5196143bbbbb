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

    /// Plain-ASCII descriptions and notes are searched in the action's own text, ignoring case,
    /// not in a folded copy: the answers must be those of folding every field ("author: text"
    /// for a note) and looking for each word in one of them.
    @Test func notesSearchedInPlaceFindWhatAFoldedCopyWould() {
        let day = Day(iso: "2006-10-16")!
        let actions = [
            Action(id: "A-1", area: "a", title: "Plain", progress: [
                ProgressEntry(date: day, author: "Officer 0", text: "Budget AGREED by the Forum."),
                ProgressEntry(date: day, author: "", text: "Second note\nwith two lines.")]),
            Action(id: "A-2", area: "a", title: "Accented", progress: [
                ProgressEntry(date: day, author: "Zoë", text: "Réunion du FORUM; budget agreed.")]),
            Action(id: "A-3", area: "a", title: "No notes", description: "Forum budget."),
            Action(id: "A-4", area: "a", title: "Accented description", description: "Le CAFÉ du forum.",
                   progress: [ProgressEntry(date: day, author: "Officer 1", text: "Plain note.")]),
        ]
        let p = Partnership(title: "T", actions: actions)
        let index = SearchIndex(p)
        func expected(_ query: String) -> [String] {
            let words = TextMatch.fold(query).split(separator: " ").map(String.init)
            return p.actions.filter { a in
                let fields = SearchIndex.fields(a, p.catalogue).map { TextMatch.fold($0.text) }
                return words.allSatisfy { w in fields.contains { $0.contains(w) } }
            }.map(\.id)
        }
        let queries = ["forum", "FORUM budget", "agreed", "réunion", "reunion", "zoe:", "officer 0:", ":", "0:", "zoë",
                       "lines.", "note with", "budget forum plain", "accented réunion", "ré", "forum.", "by the", "nothing",
                       "cafe plain", "café officer", "le", "description forum"]
        for query in queries {
            // The same actions (their order is by rank: words together as typed come first).
            #expect(index.search(query).results.map(\.id).sorted() == expected(query).sorted(), "\(query)")
        }
        #expect(index.search("0:").results.map(\.id) == ["A-1"], "a word ending an author and its colon still matches")
        #expect(index.search("reunion").results.map(\.id) == ["A-2"], "accents are folded in notes that are not plain ASCII")
        #expect(index.search("AGREED forum").results.map(\.id) == ["A-1", "A-2"])
        #expect(index.search("cafe plain").results.map(\.id) == ["A-4"], "a description with accents is folded, its plain notes are not")
    }

    /// The folded bytes are written straight into the index; they must be the bytes folding
    /// each field and joining them with newlines gives (the store's search words are made
    /// from them too, so a change would make every words file disagree with the screens).
    @Test func foldedBytesAreTheFoldedFieldsJoined() {
        func reference(_ a: Action, _ catalogue: Catalogue) -> [UInt8] {
            let authors = a.progress.indices.map { (name: "author", text: a.progress.author(at: $0) + ":") }
            let fields = SearchIndex.fields(a, catalogue, long: false) + authors
            return Array(fields.lazy.filter { !$0.text.isEmpty }.map { TextMatch.fold($0.text) }.joined(separator: "\n").utf8)
        }
        let odd = Action(id: "X-1", area: "x", title: "\u{301}", lead: "ZOË Ahmed", leadBody: "", partners: ["Ça va", "", "রহিম"],
                         status: "", milestones: [Milestone(title: "Émigré 👍"), Milestone(title: "")],
                         progress: [ProgressEntry(date: Day(iso: "2006-10-16")!, author: "", text: "x"),
                                    ProgressEntry(date: Day(iso: "2006-10-17")!, author: "Ünal", text: "Ëarly")])
        let empty = Action(id: "", area: "", title: "", status: "")
        var checked = 0
        for a in Self.partnership.actions + [odd, empty] {
            let texts = SearchIndex.searchedTexts(a, Catalogue())
            #expect(texts.folded == reference(a, Catalogue()), "\(a.id)")
            checked += 1
        }
        #expect(checked == 4)
        #expect(SearchIndex.foldedFields([("a", "Zoë"), ("b", ""), ("c", "\u{301}"), ("d", "OK")]) == Array("zoe\n\nok".utf8))
    }
}
