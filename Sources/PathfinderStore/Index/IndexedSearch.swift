import Foundation
import PathfinderModel

/// A store-wide search answered from the index's search words (issue 14): every area, case
/// study and meeting, and of the actions only those among the first results, read back from
/// their records, with how many actions the search finds in all.
public struct IndexedSearch: Sendable {
    /// The store's areas, case studies and meetings as a load gives them, and the actions that
    /// can be among the first `limitPerKind` action results, in store order. Searching it with
    /// `SearchIndex` gives the whole store's results (`SearchIndex.search`), all but the count.
    public var partnership: Partnership
    /// How many actions the search finds in the whole store.
    public var actionsFound: Int
    /// The errors a full load reports (what `indexedLoad` gives).
    public var problems: [Problem]

    /// The store-wide search's results and count, as `SearchIndex(load().partnership)` gives them.
    public func search(_ query: String, limitPerKind: Int) -> (results: [SearchResult], total: Int) {
        let found = SearchIndex(partnership).search(query, limitPerKind: limitPerKind)
        // Every action read back is found (the words index says so), so the count of actions
        // is the index's, not the few read.
        return (found.results, found.total - partnership.actions.count + actionsFound)
    }
}

extension PlainFileStore {
    /// Where the search words are kept: derived, per-machine, safe to delete at any time.
    public static let searchIndexFolder = SearchShard.folder

    /// The search `SearchIndex(load().partnership).search(query)` makes, reading each area's
    /// search words (`SearchShard`) and only the records of the actions it needs: those ranked
    /// first by their titles, and, for a query of several words, those it must read to see
    /// whether the words stand together as typed (rank 1). Area, case study and meeting files
    /// are parsed as `indexedLoad` parses them; organisation files are not read.
    ///
    /// Nil when the index cannot answer for sure: a word with a space or newline byte (the
    /// words index cannot see across those), or a file changed while it was read. The caller
    /// then searches the loaded store.
    public func indexedSearch(_ query: String, limitPerKind: Int) throws -> IndexedSearch? {
        let (words, phrase) = SearchIndex.queryWords(query)
        guard !words.isEmpty, words.allSatisfy(ActionWordIndex.answers) else { return nil }
        let (refresh, summary, manifest) = try SummaryCache(root: rootPath).refreshed(keepingRecords: true)
        let root = rootPath
        let context = IndexContext(catalogue: manifest.value?.catalogue ?? Catalogue(), asOf: summary.asOf)
        let key = SearchShard.catalogueKey(context.catalogue)
        let jobs = Set(summary.actionFiles.map(\.job)).sorted()
        // Per area folder: the files whose actions hold every word, with their title's rank.
        let found = Self.parallelMap(jobs) { j -> [Int: Int]? in
            guard let made = Self.searchShard(job: refresh.jobs[j], entries: refresh.entries[j], fresh: refresh.records,
                                              jobIndex: j, catalogueKey: key, context: context, root: root) else { return nil }
            let (shard, positions) = made
            var bits = shard.words.holding(words[0])
            for word in words.dropFirst() {
                let more = shard.words.holding(word)
                for k in bits.indices { bits[k] &= more[k] }
            }
            var ranks: [Int: Int] = [:]
            for (k, word) in bits.enumerated() where word != 0 {
                for b in 0..<64 where word & (1 << UInt64(b)) != 0 {
                    let d = k * 64 + b
                    ranks[positions[d]] = SearchIndex.titleRank(title: shard.files[d].title, id: shard.files[d].id, phrase: phrase, words: words)
                }
            }
            return ranks
        }
        if refresh.changed { Self.removeSearchFiles(keeping: Set(refresh.contents.areaFolders.map(\.name)), root: root) }
        var ranksByJob: [Int: [Int: Int]] = [:]
        for (j, ranks) in zip(jobs, found) {
            guard let ranks else { return nil }
            ranksByJob[j] = ranks
        }
        // The actions found, in store order (`order`), and which of them are shown.
        struct Hit {
            var order: Int
            var job: Int
            var file: Int
            var rank: Int
        }
        var hits: [Hit] = []
        for (order, ref) in summary.actionFiles.enumerated() {
            if let rank = ranksByJob[ref.job]?[ref.file] { hits.append(Hit(order: order, job: ref.job, file: ref.file, rank: rank)) }
        }
        func read(_ list: [Hit]) -> [Int: Action]? {
            // Consecutive hits of one folder are read together.
            var actions: [Int: Action] = [:]
            var start = 0
            while start < list.count {
                var end = start + 1
                while end < list.count, list[end].job == list[start].job { end += 1 }
                let j = list[start].job
                guard let found = Self.indexedActions(job: refresh.jobs[j], entries: refresh.entries[j], fresh: refresh.records, jobIndex: j,
                                                     wanted: list[start..<end].map(\.file), query: IndexQuery(), context: context, root: root)?.actions
                else { return nil }
                for hit in list[start..<end] {
                    guard let action = found[hit.file] else { return nil }
                    actions[hit.order] = action
                }
                start = end
            }
            return actions
        }
        // A title that answers the query ranks first, then (several words) the words together as
        // typed, then the rest; store order among equals, as `SearchIndex.search` orders them.
        var shown = Array(hits.filter { $0.rank >= 2 }.sorted { ($1.rank, $0.order) < ($0.rank, $1.order) }.prefix(limitPerKind))
        var actions: [Int: Action] = [:]
        let rest = hits.filter { $0.rank < 2 }
        let need = limitPerKind - shown.count
        if need > 0, words.count > 1 {
            // Whether the words stand together needs an action's text: read back in store
            // order until enough are found (all of them when too few are).
            var together: [Hit] = [], apart: [Hit] = []
            var at = 0
            while at < rest.count, together.count < need {
                let chunk = Array(rest[at..<min(rest.count, at + 256)])
                guard let readBack = read(chunk) else { return nil }
                for hit in chunk {
                    let action = readBack[hit.order]!
                    if SearchIndex.rank(query, of: action, catalogue: context.catalogue) == 1 {
                        together.append(hit)
                        actions[hit.order] = action
                    } else if apart.count < need {
                        apart.append(hit)
                        actions[hit.order] = action
                    }
                }
                at += chunk.count
            }
            shown += together.prefix(need)
            if together.count < need { shown += apart.prefix(need - together.count) }
        } else if need > 0 {
            shown += rest.prefix(need)
        }
        shown.sort { $0.order < $1.order }
        guard let more = read(shown.filter { actions[$0.order] == nil }) else { return nil }
        actions.merge(more) { a, _ in a }

        guard let profiles = Self.profiles(refresh, root: root, organisations: false) else { return nil }
        let areas = profiles.areas.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        let areaOrder = Dictionary(areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let studies = profiles.studies.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
        let meetings = profiles.meetings.sorted {
            (areaOrder[$0.area] ?? .max, $0.area, $0.date, $0.id) < (areaOrder[$1.area] ?? .max, $1.area, $1.date, $1.id)
        }
        let partnership = Partnership(title: summary.title, asOf: summary.asOf, catalogue: context.catalogue, areas: areas,
                                      actions: shown.map { actions[$0.order]! }, caseStudies: studies, meetings: meetings)
        return IndexedSearch(partnership: partnership, actionsFound: hits.count, problems: Self.indexedErrors(summary, root: root))
    }

    /// The errors `indexedLoad` reports for a question without profiles (`list actions`): the
    /// summary's, and a symbolic link among the funding agreements, seen from their folder's
    /// listing. Their files are not parsed: an agreement's own errors are in the summary, and
    /// its links and funding principles are only ever warnings (`Validator.fundingAgreement`),
    /// so a full check adds no error (parsing 5,250 agreements was a fifth of a search).
    private static func indexedErrors(_ summary: StoreSummary, root: String) -> [Problem] {
        var links = StoreLinks()
        _ = Self.fundingFiles(root, links: &links)
        // As `indexedLoad` counts them: only what the summary does not already hold.
        var counted: [Problem: Int] = [:]
        for e in summary.errors where e.path.hasPrefix(Self.fundingFolder + "/") { counted[e, default: 0] += 1 }
        var extra: [Problem] = []
        for e in links.problems where e.path.hasPrefix(Self.fundingFolder + "/") && e.severity == .error {
            if let n = counted[e], n > 0 { counted[e] = n - 1 } else { extra.append(e) }
        }
        return extra.isEmpty ? summary.errors : (summary.errors + extra).sorted()
    }

    /// One area folder's search words, made again from its action records when they were not
    /// made from the files that load now; with, per word-index position, the file's position in
    /// the folder. Nil when a file's bytes are no longer those the summary cache holds.
    static func searchShard(job: FolderJob, entries: [FileEntry?], fresh: [Int: [UInt8]], jobIndex: Int, catalogueKey: UInt64,
                            context: IndexContext, root: String) -> (SearchShard, [Int])? {
        var positions: [Int] = [], current: [(name: String, hash: UInt64)] = []
        for (i, entry) in entries.enumerated() {
            guard let entry, !entry.broken, case .action = entry.facts else { continue }
            positions.append(i)
            current.append((job.names[i], entry.hash))
        }
        let path = SearchShard.path(area: job.area)
        if let file = MappedFile(root + "/" + path), let shard = SearchShard(buffer: file.bytes),
           shard.isMade(from: current, catalogueKey: catalogueKey) {
            return (shard, positions)
        }
        guard let read = indexedActions(job: job, entries: entries, fresh: fresh, jobIndex: jobIndex, wanted: positions,
                                        query: IndexQuery(), context: context, root: root)?.actions else { return nil }
        var actions: [Action] = []
        actions.reserveCapacity(positions.count)
        for i in positions {
            guard let action = read[i] else { return nil }
            actions.append(action)
        }
        let files = zip(current, actions).map { c, a in
            SearchShard.File(name: c.name, hash: c.hash, title: Array(TextMatch.fold(a.title).utf8), id: Array(TextMatch.fold(a.id).utf8))
        }
        let shard = SearchShard(catalogueKey: catalogueKey, files: files, words: ActionWordIndex(actions, catalogue: context.catalogue))
        try? StoreDisk(root: root).write(shard.encoded(), to: path, flush: false)
        return (shard, positions)
    }

    /// Removes the search words of area folders that are gone (deleted or renamed).
    private static func removeSearchFiles(keeping areas: Set<String>, root: String) {
        let disk = StoreDisk(root: root)
        for name in disk.names(searchIndexFolder) where name.hasSuffix(".words") && !areas.contains(String(name.dropLast(6))) {
            _ = try? disk.remove(searchIndexFolder + "/" + name)
        }
    }
}

extension PlainFileStore {
    /// The search words of the actions this store last loaded (`partnership`), for the
    /// screens' search: each area folder's words file as the last search left it, covering an
    /// action only when the file it was made from is, by content hash, the one loaded, and the
    /// theme and status labels are the loaded catalogue's. Nothing is made here: an area with
    /// no current words file is scanned by the screens as before.
    public func searchWords(for partnership: Partnership) -> ActionSearchWords {
        let key = SearchShard.catalogueKey(partnership.catalogue)
        var idByPath: [String: String] = [:]
        var folders: Set<String> = []
        for (id, path) in actionPaths {
            idByPath[path] = id
            let parts = path.split(separator: "/")
            if parts.count == 4, parts[0] == "areas", parts[2] == "actions" { folders.insert(String(parts[1])) }
        }
        let root = rootPath
        var parts: [ActionSearchWords.Part] = []
        for folder in folders.sorted() {
            guard let bytes = (try? AtomicFile.readIfPresent(root + "/" + SearchShard.path(area: folder), limit: .max)) ?? nil,
                  let shard = SearchShard(bytes: bytes), shard.catalogueKey == key else { continue }
            let ids = shard.files.map { file -> String? in
                let path = "areas/\(folder)/actions/\(file.name)"
                return hashes[path] == file.hash ? idByPath[path] : nil
            }
            parts.append(ActionSearchWords.Part(words: shard.words, ids: ids))
        }
        return ActionSearchWords(parts: parts)
    }
}
