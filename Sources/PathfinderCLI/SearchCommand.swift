import ArgumentParser
import Foundation
import PathfinderModel
import PathfinderStore

/// `pathfinder search TEXT`: the screens' search (`SearchIndex`, the same rules) from the
/// command line. With `--area` only that area's files are read; without it the store is.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find areas, actions and case studies holding all the words given.",
        discussion: """
        Every field of an action is searched, progress notes too, ignoring case and accents \
        ("zoe" finds "Zoë"). Results come grouped: areas, then actions, then case studies, each \
        in the order the plan shows them; at most 200 of each are listed.

        Examples:
          pathfinder search consortia
          pathfinder search full cost recovery --area portsmouth
          pathfinder search zoe --json
        """)

    @Argument(help: ArgumentHelp("The words to find; each must occur (in any field).", valueName: "TEXT"))
    var text: [String]

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp("Only this area, its actions and its case studies (its id, e.g. portsmouth).", valueName: "AREA"), completion: StoreNames.areaIDs)
    var area: String?

    @Flag(help: "Print JSON instead of text.") var json = false

    static let limitPerKind = 200

    func validate() throws {
        if text.joined().trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("give a word to search for") }
    }

    func run() throws {
        let query = text.joined(separator: " ")
        if area == nil, let indexed = try searchIndexed(query) {
            try report(query, indexed.search(query, limitPerKind: Self.limitPerKind), problems: indexed.problems)
            return
        }
        let result: LoadResult
        if let area {
            // One area's files (and every area.md, and the case studies its actions cite).
            let part = try options.loadPart { store in
                FileManager.default.fileExists(atPath: store.root.path + "/areas/\(area)/area.md") && !area.contains("/") && !area.hasPrefix(".")
                    ? try store.loadArea(area) : nil
            }
            guard let part, part.result.partnership.area(area) != nil else {
                let areas = try options.load().result.partnership.areas.map(\.id)
                throw CLIError("no area \(Quote.value(area)); the areas are: \(areas.joined(separator: ", "))")
            }
            result = part.result
        } else {
            // The index reads back every action and keeps those the search finds, with every
            // area and case study: the same results as over the whole store.
            result = try options.loadIndexed(IndexQuery(keep: { action, context in SearchIndex.finds(query, in: action, catalogue: context.catalogue) }))?
                .result ?? options.load().result
        }
        try report(query, Self.search(query, in: result.partnership, area: area), problems: result.problems)
    }

    /// The whole store's search from the index's search words, reading back only the actions
    /// shown (`PlainFileStore.indexedSearch`); nil when the index cannot answer for sure.
    private func searchIndexed(_ query: String) throws -> IndexedSearch? {
        let location = try options.location()
        location.announce()
        let root = location.path.path
        if isatty(STDERR_FILENO) == 1, !FileManager.default.fileExists(atPath: root + "/" + PlainFileStore.searchIndexFolder) {
            Output.notice("Building this store's search index (once: later searches read it)…")
        }
        return try PlainFileStore(root: location.path).indexedSearch(query, limitPerKind: Self.limitPerKind)
    }

    private func report(_ query: String, _ found: (results: [SearchResult], total: Int), problems: [Problem]) throws {
        if json {
            try printSearchJSON(query: query, found)
        } else {
            printText(found)
        }
        if let sentence = ProblemCount(problems.filter { $0.severity == .error }).filesSentence {
            Output.error("\(sentence), not searched here; `pathfinder check` lists them")
        }
    }

    /// The screens' search over what was read; with an area, only it, its actions and the case
    /// studies about it or cited by its actions.
    static func search(_ query: String, in partnership: Partnership, area: String?) -> (results: [SearchResult], total: Int) {
        guard let area else { return SearchIndex(partnership).search(query, limitPerKind: limitPerKind) }
        let actions = partnership.actions(inArea: area)
        let cited = Set(actions.flatMap(\.caseStudies))
        let narrowed = Partnership(title: partnership.title, asOf: partnership.asOf, catalogue: partnership.catalogue,
                                   areas: partnership.areas.filter { $0.id == area }, actions: actions,
                                   caseStudies: partnership.caseStudies.filter { $0.area == area || cited.contains($0.id) },
                                   meetings: partnership.meetings.filter { $0.area == area })
        return SearchIndex(narrowed).search(query, limitPerKind: limitPerKind)
    }

    private func printText(_ found: (results: [SearchResult], total: Int)) {
        guard found.total > 0 else {
            Output.line("Nothing found.")
            return
        }
        for kind in [SearchResult.Kind.area, .action, .caseStudy, .meeting] {
            let hits = found.results.filter { $0.kind == kind }
            guard !hits.isEmpty else { continue }
            var table = TextTable(["Id", "Title", "Found in", "Text"])
            for hit in hits { table.add([hit.id, hit.title, hit.field, hit.snippet]) }
            Output.line("\(kind.label) (\(hits.count))")
            Output.line(table.render())
        }
        let shown = found.results.count
        let more = shown < found.total ? "; the first \(Self.limitPerKind) of each kind are shown" : ""
        Output.line("\(found.total) found\(more)")
    }

    private func printSearchJSON(query: String, _ found: (results: [SearchResult], total: Int)) throws {
        struct Hit: Encodable {
            var kind, id, title, field, snippet: String
        }
        struct Found: Encodable {
            var query: String
            var total: Int
            var results: [Hit]
        }
        let names: [SearchResult.Kind: String] = [.area: "area", .action: "action", .caseStudy: "case-study", .meeting: "meeting"]
        let value = Found(query: query, total: found.total, results: found.results.map {
            Hit(kind: names[$0.kind] ?? "", id: $0.id, title: $0.title, field: $0.field, snippet: $0.snippet)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        Output.json(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
