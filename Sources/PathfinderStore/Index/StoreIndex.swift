import Foundation
import PathfinderModel

/// What the manifest says that a question about actions may depend on (closed statuses, the
/// pinned day).
public struct IndexContext: Sendable {
    public var catalogue: Catalogue
    public var asOf: Day?
}

/// What a store-wide question needs of the actions, read through the index.
public struct IndexQuery: Sendable {
    /// Which actions to keep, asked of each action as `load()` would give it. With
    /// `filterReadsLongTexts` false it is asked of the action without its description and
    /// progress log (they are read only for the actions kept).
    public var keep: @Sendable (Action, IndexContext) -> Bool
    public var filterReadsLongTexts: Bool
    /// Whether the kept actions come with their description and progress log.
    public var longTexts: Bool
    /// Whether area profiles, case studies, meetings and organisations are read in full
    /// (reports and search need them); otherwise each area is only its id, name and type, and
    /// there are none of the others. Funding agreements are read with them unless
    /// `fundingAgreements` says not.
    public var profiles: Bool
    /// When set, each kept action is also written as JSON straight from its record (docs/json.md,
    /// `RecordJSON.action`, placed at `PlainFileStore.actionJSONDepth`), its `overdue` as this
    /// says: `indexedActionsJSON`. The actions kept then come without their long texts.
    public var json: (@Sendable (Action, IndexContext) -> Bool)?
    /// When set (with `profiles`), the kept actions come without their description and with,
    /// of their progress log, only the latest note and those on or after the day this gives
    /// their area, from the areas and meetings, which are then read first: a highlight
    /// report's "since" (`ActionRecord.decode(_:notesFrom:)`).
    public var notesSince: (@Sendable (_ areas: [Area], _ meetings: [Meeting], IndexContext) -> [String: Day])?
    /// `notesSince`'s answer, once the meetings are read.
    var notesFrom: [String: Day]?
    /// With `profiles`: organisations as their id and name only, from the index
    /// (`organisationNames`), for a report that prints lead bodies by name.
    public var organisationNames = false
    /// With `profiles`: whether the funding agreements are read (their files parsed and
    /// checked). A question that shows none (the highlight report) sets it false: their own
    /// errors are in the summary, a link among their files is seen from the folder's listing,
    /// and the rest of their check only ever warns, so the errors are the same without them.
    public var fundingAgreements = true

    public init(keep: @escaping @Sendable (Action, IndexContext) -> Bool = { _, _ in true }, filterReadsLongTexts: Bool = true,
                longTexts: Bool = true, profiles: Bool = true) {
        self.keep = keep
        self.filterReadsLongTexts = filterReadsLongTexts
        self.longTexts = longTexts
        self.profiles = profiles
    }
}

extension PlainFileStore {
    /// Where the index is kept: derived, per-machine, safe to delete at any time.
    public static let indexFolder = ActionShard.folder

    /// The store as `load()` gives it (its errors; not its warnings), answered from the index
    /// in `.pathfinder/`: the summary cache says which files load, in which order, and each
    /// action file's current content hash; each area's index file holds its actions, made
    /// again from the files for any action whose hash it does not hold. Nothing is parsed
    /// but changed files and the areas', case studies' and meetings' own (few) files.
    ///
    /// Nil when the index cannot answer for sure (a file changed while it was being read):
    /// the caller then loads the store. The store object itself is not changed: a save after
    /// this needs a `load()`.
    public func indexedLoad(_ query: IndexQuery = IndexQuery()) throws -> LoadResult? {
        var query = query
        query.json = nil
        return try indexedRead(query)?.result
    }

    /// Where a list document (`{"version": 1, ..., "actions": [...]}`) places its actions.
    public static let actionJSONDepth = 2

    /// `indexedLoad` with each kept action's JSON, written from its record (`IndexQuery.json`;
    /// `{ _, _ in false }` when the query has none): `json[k]` is
    /// `result.partnership.actions[k]`'s, laid out at `actionJSONDepth`.
    public func indexedActionsJSON(_ query: IndexQuery) throws -> (result: LoadResult, json: [ArraySlice<UInt8>])? {
        var query = query
        if query.json == nil { query.json = { _, _ in false } }
        query.longTexts = false
        return try indexedRead(query)
    }

    private func indexedRead(_ query: IndexQuery) throws -> (result: LoadResult, json: [ArraySlice<UInt8>])? {
        let (refresh, summary, manifest) = try SummaryCache(root: rootPath).refreshed(keepingRecords: true)
        let root = rootPath
        let context = IndexContext(catalogue: manifest.value?.catalogue ?? Catalogue(), asOf: summary.asOf)
        // The profiles before the actions: a report's notes depend on its areas' meetings.
        var areas: [Area] = summary.areas.map { Area(id: $0.id, name: $0.name, code: "", type: $0.type) }
        var studies: [CaseStudy] = []
        var meetings: [Meeting] = []
        var organisations: [Organisation] = []
        if query.profiles {
            guard let profiles = Self.profiles(refresh, root: root, organisations: !query.organisationNames) else { return nil }
            if query.organisationNames {
                guard let named = Self.organisationNames(refresh, root: root) else { return nil }
                organisations = PlainFileStore.inNameOrder(named)
            } else {
                organisations = PlainFileStore.inNameOrder(profiles.organisations)
            }
            areas = profiles.areas.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
            let areaOrder = Dictionary(areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            studies = profiles.studies.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
            meetings = profiles.meetings.sorted {
                (areaOrder[$0.area] ?? .max, $0.area, $0.date, $0.id) < (areaOrder[$1.area] ?? .max, $1.area, $1.date, $1.id)
            }
        }
        var asked = query
        if asked.profiles, let notesSince = asked.notesSince { asked.notesFrom = notesSince(areas, meetings, context) }
        let query = asked
        // Each area folder's actions: its index file brought up to date, then the kept ones.
        var wanted: [Int: [Int]] = [:]
        for ref in summary.actionFiles { wanted[ref.job, default: []].append(ref.file) }
        let jobs = wanted.keys.sorted()
        let files = wanted
        var found = Self.parallelMap(jobs) { j -> AreaAnswer? in
            Self.indexedActions(job: refresh.jobs[j], entries: refresh.entries[j], fresh: refresh.records, jobIndex: j,
                                wanted: files[j] ?? [], query: query, context: context, root: root)
        }
        guard !found.contains(where: { $0 == nil }) else { return nil }
        if refresh.changed { Self.removeIndexFiles(keeping: Set(refresh.contents.areaFolders.map(\.name)), root: root) }
        // In store order, each action moved out of its folder's answer: copying them into one
        // table and out again retained and released every string of 52,500 actions twice.
        let answerOf = Dictionary(uniqueKeysWithValues: jobs.enumerated().map { ($1, $0) })
        var actions: [Action] = []
        actions.reserveCapacity(summary.actionFiles.count)
        var json: [ArraySlice<UInt8>] = []
        for ref in summary.actionFiles {
            guard let k = answerOf[ref.job], let action = found[k]?.actions.removeValue(forKey: ref.file) else { continue }
            actions.append(action)
            if query.json != nil {
                guard let range = found[k]?.ranges[ref.file], let written = found[k]?.json[range] else { return nil }
                json.append(written)
            }
        }
        found = []

        // Funding agreements' records are not in the index: their files are read as the load
        // reads them, for their records and their errors, when the question needs profiles
        // (reports); `list actions` needs neither (their own errors are in the summary, and a
        // link among their files is reported from the listing).
        var links = StoreLinks()
        let fundingFiles = Self.fundingFiles(root, links: &links)
        let funding: (agreements: [FundingAgreement], problems: [Problem], broken: Set<String>)
        if query.profiles, query.fundingAgreements {
            // Every id the agreements may name (a set of 52,500 is not made for `list`).
            var areaIDs = Set<String>(), actionIDs = Set(summary.actionFiles.map(\.id))
            for (j, job) in refresh.jobs.enumerated() {
                if job.kind == .area, case .area? = refresh.entries[j].first??.facts { areaIDs.insert(job.area) }
                if job.kind == .action { actionIDs.formUnion(job.names.map { String($0.dropLast(3)) }) }
            }
            funding = PlainFileStore(root: URL(fileURLWithPath: root)).loadFundingAgreements(fundingFiles, catalogue: manifest.value?.catalogue,
                                                                                            areas: areaIDs, actions: actionIDs)
        } else {
            funding = ([], [], [])
        }
        let fundingErrors = (funding.problems + links.problems.filter { $0.path.hasPrefix(Self.fundingFolder + "/") })
            .filter { $0.severity == .error }

        let partnership = Partnership(
            title: summary.title, asOf: summary.asOf, catalogue: context.catalogue,
            areas: areas, actions: actions, caseStudies: studies, meetings: meetings, organisations: organisations,
            fundingAgreements: funding.agreements)
        // The summary already holds each agreement file's own errors (the cache keeps them):
        // add only what the full check of the agreements found beyond those.
        var counted: [Problem: Int] = [:]
        for e in summary.errors where e.path.hasPrefix(Self.fundingFolder + "/") { counted[e, default: 0] += 1 }
        var extra: [Problem] = []
        for e in fundingErrors {
            if let n = counted[e], n > 0 { counted[e] = n - 1 } else { extra.append(e) }
        }
        return (LoadResult(partnership: partnership, problems: extra.isEmpty ? summary.errors : (summary.errors + extra).sorted()), json)
    }

    /// One area folder's answer: the wanted actions kept (by file position) and, when the
    /// query asks for JSON, theirs, one after another in `json`.
    struct AreaAnswer: Sendable {
        var actions: [Int: Action] = [:]
        var json: [UInt8] = []
        var ranges: [Int: Range<Int>] = [:]
    }

    /// One area folder's wanted actions (by file position), from its index file, which is
    /// rewritten when it lacked any loadable file's record or held others. Nil when a file's
    /// bytes are no longer those the summary cache holds.
    static func indexedActions(job: FolderJob, entries: [FileEntry?], fresh: [Int: [UInt8]], jobIndex: Int,
                                       wanted: [Int], query: IndexQuery, context: IndexContext, root: String) -> AreaAnswer? {
        let path = ActionShard.path(area: job.area)
        let shard = ActionShard(bytes: ((try? AtomicFile.readIfPresent(root + "/" + path, limit: .max)) ?? nil) ?? [])
        // Every action file that loads on its own gets a record, wanted now or not (a file
        // whose id another file holds may be the one kept after the next change).
        var made: [Int: [UInt8]] = [:]
        var loadable: [Int] = []
        var rewrite = false
        for (i, entry) in entries.enumerated() {
            guard let entry, !entry.broken, case .action = entry.facts else { continue }
            loadable.append(i)
            if let record = fresh[jobIndex << 32 | i] {
                made[i] = record
                rewrite = true
            } else if shard.record(job.names[i], hash: entry.hash) == nil {
                guard let record = record(job.file(i), hash: entry.hash, root: root) else { return nil }
                made[i] = record
                rewrite = true
            }
        }
        if shard.records.count != loadable.count { rewrite = true }
        if rewrite {
            let files = loadable.map { i in
                (name: job.names[i], hash: entries[i]!.hash,
                 record: made[i].map { $0[...] } ?? shard.bytes[shard.record(job.names[i], hash: entries[i]!.hash)!])
            }
            try? StoreDisk(root: root).write(ActionShard.encode(files), to: path, flush: false)
        }
        var answer = AreaAnswer()
        // An action's JSON is under twice its record: room for all, so the buffer never moves
        // (only the part written is ever touched).
        if query.json != nil { answer.json.reserveCapacity(2 * (shard.bytes.count + made.values.reduce(0) { $0 + $1.count })) }
        func read(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Bool {
            guard let decoded = decode(bytes, query, context) else { return false }
            guard let action = decoded else { return true }
            answer.actions[i] = action
            if let overdue = query.json {
                let start = answer.json.count
                guard ActionRecord.writeJSON(bytes, overdue: overdue(action, context), depth: actionJSONDepth, into: &answer.json) else { return false }
                answer.ranges[i] = start..<answer.json.count
            }
            return true
        }
        for i in wanted {
            let ok = if let bytes = made[i] {
                bytes.withUnsafeBytes { read($0, i) }
            } else if let range = shard.record(job.names[i], hash: entries[i]!.hash) {
                shard.bytes.withUnsafeBytes { read(UnsafeRawBufferPointer(rebasing: $0[range]), i) }
            } else {
                false
            }
            guard ok else { return nil }
        }
        return answer
    }

    /// Removes the index files of area folders that are gone (deleted or renamed), so the
    /// index does not grow with every rename.
    private static func removeIndexFiles(keeping areas: Set<String>, root: String) {
        let disk = StoreDisk(root: root)
        for name in disk.names(indexFolder) where name.hasSuffix(".actions") && !areas.contains(String(name.dropLast(8))) {
            _ = try? disk.remove(indexFolder + "/" + name)
        }
    }

    /// `.some(action)` when kept, `.some(nil)` when not, nil when the bytes are not a record.
    private static func decode(_ bytes: UnsafeRawBufferPointer, _ query: IndexQuery, _ context: IndexContext) -> Action?? {
        if let notesFrom = query.notesFrom {
            guard let action = ActionRecord.decode(bytes, notesFrom: notesFrom) else { return nil }
            return query.keep(action, context) ? .some(action) : .some(nil)
        }
        if query.filterReadsLongTexts {
            guard let action = ActionRecord.decode(bytes, full: true) else { return nil }
            guard query.keep(action, context) else { return .some(nil) }
            if query.longTexts { return .some(action) }
            var short = action
            short.description = ""
            short.progress = []
            return .some(short)
        }
        guard let short = ActionRecord.decode(bytes, full: false) else { return nil }
        guard query.keep(short, context) else { return .some(nil) }
        guard query.longTexts else { return .some(short) }
        guard let action = ActionRecord.decode(bytes, full: true) else { return nil }
        return .some(action)
    }

    /// An action file's record, read and parsed now; nil unless its bytes still have `hash`.
    private static func record(_ file: StoreFile, hash: UInt64, root: String) -> [UInt8]? {
        guard let bytes = try? AtomicFile.readIfPresent(root + "/" + file.path) else { return nil }
        let parsed = ParsedFile.parse(file, bytes: bytes)
        guard parsed.hash == hash, case let .action(p) = parsed.result, let action = p.value else { return nil }
        return ActionRecord.encode(action)
    }

    /// The areas, case studies, meetings and organisations that load, parsed from their files;
    /// nil when a file's bytes are no longer those the summary cache holds.
    /// `organisations` false leaves their files unread (search does not look in them).
    static func profiles(_ refresh: Refresh, root: String, organisations: Bool = true)
        -> (areas: [Area], studies: [CaseStudy], meetings: [Meeting], organisations: [Organisation])? {
        var files: [(StoreFile, UInt64)] = []
        for (j, job) in refresh.jobs.enumerated() where job.kind != .action && job.kind != .fundingAgreement
            && (organisations || job.kind != .organisation) {
            for (i, entry) in refresh.entries[j].enumerated() {
                guard let entry, !entry.broken else { continue }
                files.append((job.file(i), entry.hash))
            }
        }
        let parsed = parallelMap(files) { item -> ParsedFile? in
            let (file, hash) = item
            let read = ParsedFile.read(file, root: root)
            return read.hash == hash ? read : nil
        }
        var areas: [Area] = [], studies: [CaseStudy] = [], meetings: [Meeting] = [], organisations: [Organisation] = []
        for file in parsed {
            guard let file else { return nil }
            switch file.result {
            case let .area(p): if let v = p.value { areas.append(v) }
            case let .caseStudy(p): if let v = p.value { studies.append(v) }
            case let .meeting(p): if let v = p.value { meetings.append(v) }
            case let .organisation(p): if let v = p.value { organisations.append(v) }
            case .action, .fundingAgreement, .unreadable: return nil
            }
        }
        return (areas, studies, meetings, organisations)
    }
}
