import Foundation
import PathfinderModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The areas summary of a store (counts per area by RAG, overdue, next due; the files with
/// errors), as a full `load()` would give it, read through the summary cache in
/// `.pathfinder/summary-cache` so that a store whose files have not changed is summarised
/// without parsing any of them. See docs/performance.md for how it stays correct.
public struct StoreSummary: Sendable {
    /// One action as the summary counts it.
    struct Counted: Sendable, Hashable {
        var closed: Bool
        var rag: RAG
        var due: Day?
    }

    /// One loaded area and its loaded actions.
    struct AreaActions: Sendable, Hashable {
        var id: String
        var name: String
        var type: String
        var actions: [Counted]
    }

    /// The manifest's title, as `Partnership.title` after a load.
    public var title: String
    /// The day the manifest pins, if any (`Partnership.asOf`).
    public var asOf: Day?
    /// Every error a full load reports (`LoadResult.errors`), sorted by path, then line.
    public var errors: [Problem]
    /// Files opened this time: parsed, or read to check a recent file's content.
    public var filesRead: Int
    /// Files parsed this time (new, changed, or no usable cache).
    public var filesParsed: Int
    /// Files taken from the cache on their stamp alone, without reading them.
    public var filesFromCache: Int
    var areas: [AreaActions]
    /// The action files that load, in the order of `Partnership.actions`: where the index
    /// finds each (`Refresh.jobs[job].names[file]`).
    var actionFiles: [ActionFile] = []

    struct ActionFile: Sendable, Hashable {
        var job: Int
        var file: Int
        var id: String
        var area: String
    }

    /// One row per area, in the order of `Partnership.areas`: equal to
    /// `load().partnership.summaries(asOf:)`.
    public func rows(asOf day: Day) -> [AreaSummary] {
        areas.map { area in
            var summary = AreaSummary(area: area.id, name: area.name, type: area.type)
            for action in area.actions {
                summary.actions += 1
                guard !action.closed else { continue }
                summary.rag.add(action.rag)
                if let due = action.due, due < day {
                    summary.overdue += 1
                } else if let due = action.due, summary.nextDue.map({ due < $0 }) ?? true {
                    summary.nextDue = due
                }
            }
            return summary
        }
    }

    /// The ids of the loaded areas, in order.
    public var areaIDs: [String] { areas.map(\.id) }
}

extension PlainFileStore {
    /// The areas summary, from the summary cache where files have not changed (by their stat
    /// signature) and by parsing the files that have. Equal to what `load()` gives; throws
    /// as `load()` does (no store, a newer format). The cache is brought up to date when
    /// anything changed; a cache that cannot be written (a read-only store) is only skipped.
    public func areasSummary() throws -> StoreSummary {
        try SummaryCache(root: rootPath).summary()
    }

    /// Where the summary cache is kept: per-machine state, safe to delete at any time.
    public static let summaryCachePath = ".pathfinder/summary-cache"
}

// MARK: - What is cached for a file

/// A string and the line it is on, e.g. a success factor in a list. Strings are indexes into
/// the cache's string table, so a status or theme used by 50,000 actions is stored once.
struct LineRef: Hashable, Sendable {
    var text: Int32
    var line: Int32
}

/// The facts of an action that the summary and the load's checks across files use.
struct ActionFacts: Hashable, Sendable {
    /// `noString` when the id is the file name (nearly always), to keep the cache small.
    var id: Int32
    var idLine: Int32
    var status: Int32
    var statusLine: Int32
    var theme: Int32
    var themeLine: Int32
    var rag: UInt8
    var start: Int32
    var due: Int32
    var dueLine: Int32
    var successFactors: [LineRef]
    var caseStudies: [LineRef]
}

/// What one file gives the summary, as a pure function of its path and bytes.
enum FileFacts: Hashable, Sendable {
    /// The file could not be read as its kind at all (no value): its errors only.
    case none
    case area(name: Int32, type: Int32, code: Int32, codeLine: Int32)
    case action(ActionFacts)
    case caseStudy(area: Int32, areaLine: Int32, themes: [LineRef])
    case meeting(items: [LineRef], changes: [LineRef], created: [LineRef])
    /// The catalogue ids and areas `Validator.organisation` checks (the kind and size as refs, their line in each).
    case organisation(kind: LineRef, size: LineRef, areas: [LineRef], themes: [LineRef])
}

/// A file's cached contribution, keyed on its stamp.
struct FileEntry: Hashable, Sendable {
    var name: String
    var stamp: FileStamp
    var hash: UInt64
    /// False while a same-stamp change could still have followed the read (see `isRacy`).
    var trusted: Bool
    /// Errors in the file itself (a parse error leaves the file out of the load).
    var errors: [LineRef]
    var broken: Bool
    var facts: FileFacts
}

/// A folder's names as the load lists them, keyed on the folder's stamp (adding, removing or
/// renaming a file changes the folder's modification time).
struct FolderEntry: Hashable, Sendable {
    var stamp: FileStamp?
    var trusted: Bool
    var names: [String]
}

/// An area folder: its area.md and its actions and meetings.
struct AreaFolderEntry: Hashable, Sendable {
    var name: String
    var areaFile: FileEntry?
    var actionsFolder: FolderEntry
    var actions: [FileEntry?]
    var meetingsFolder: FolderEntry
    var meetings: [FileEntry?]
}

/// The whole cache: the store's folders and files, with a table of the strings they use.
struct SummaryCacheContents: Sendable {
    var strings: [String] = []
    var areasFolder = FolderEntry(stamp: nil, trusted: false, names: [])
    var areaFolders: [AreaFolderEntry] = []
    var caseStudiesFolder = FolderEntry(stamp: nil, trusted: false, names: [])
    var caseStudies: [FileEntry?] = []
    var organisationsFolder = FolderEntry(stamp: nil, trusted: false, names: [])
    var organisations: [FileEntry?] = []
    var fundingFolder = FolderEntry(stamp: nil, trusted: false, names: [])
    /// Agreements: their own errors only (their links and the funding principles are warnings).
    var funding: [FileEntry?] = []
    /// What the replay of these entries gave last time (`Refresh.summary`), and for which manifest.
    var replay: StoredReplay?
}

/// A `StoreSummary`'s part that depends only on the cached entries and the manifest.
struct StoredReplay: Sendable, Hashable {
    /// `AtomicFile.hash` of pathfinder.yaml's bytes when it was made.
    var manifestHash: UInt64
    var errors: [Problem]
    var areas: [StoreSummary.AreaActions]
    var actionFiles: [StoreSummary.ActionFile]
}

// MARK: - The cache

/// Reads, checks and rewrites `.pathfinder/summary-cache`, and turns it into a `StoreSummary`.
struct SummaryCache {
    /// Bumped whenever what is cached, or how it is written, changes.
    static let formatVersion: UInt32 = 4
    /// Seconds after a file's last change during which a same-stamp change is still possible
    /// (coarse clocks, and file systems with one- or two-second times).
    static let defaultRacyMargin = 3.0
    static let noString: Int32 = -1
    static let magic = Array("PATHFINDER-SUMMARY-CACHE\n".utf8)

    /// `hasSuffix(".md")` as the load asks it, on the bytes when what comes before the dot is
    /// ASCII (a character cannot then join the dot), which is quicker.
    static func isMarkdown(_ name: String) -> Bool {
        let u = name.utf8
        guard u.count >= 3, u.suffix(3).elementsEqual(".md".utf8) else { return false }
        if u.count == 3 || u.dropLast(3).last! < 0x80 { return true }
        return name.hasSuffix(".md")
    }

    let root: String
    /// `defaultRacyMargin`; tests set 0 to trust every file changed before the run.
    let racyMargin: Double
    var cachePath: String { root + "/" + PlainFileStore.summaryCachePath }

    init(root: String, racyMargin: Double = SummaryCache.defaultRacyMargin) {
        self.root = root
        self.racyMargin = racyMargin
    }

    /// The running program, by its executable's size and modification time: a new build may
    /// parse differently, so it never trusts a cache an older one wrote.
    static let programIdentity: String = {
        let path: String? = {
            #if os(Linux)
            return "/proc/self/exe"
            #else
            return Bundle.main.executablePath
            #endif
        }()
        guard let path, let stamp = FileStamp.of(path) else { return "format \(formatVersion), unknown program" }
        return "format \(formatVersion), program \(stamp.size) \(stamp.mtime).\(stamp.mtimeNanoseconds)"
    }()

    func summary() throws -> StoreSummary {
        try refreshed(keepingRecords: false).summary
    }

    /// The cache brought up to date (and written when anything changed), the summary, and the
    /// manifest. `keepingRecords`: files parsed this time keep their `ActionRecord` for the
    /// index (`Refresh.records`), so a first build parses each file once.
    func refreshed(keepingRecords: Bool) throws -> (refresh: Refresh, summary: StoreSummary, manifest: Parsed<FileParser.Manifest>) {
        let start = Date().timeIntervalSince1970
        let (manifest, manifestHash) = try PlainFileStore.readManifestForLoad(root: root, hashing: true)
        let old = MappedFile(cachePath).flatMap { SummaryCacheFile.decode(buffer: $0.bytes) }
        var refresh = Refresh(root: root, old: old ?? SummaryCacheContents(), start: start, margin: racyMargin)
        refresh.keepRecords = keepingRecords
        refresh.run()
        // The replay is a pure function of the files' entries and the manifest: when no entry
        // changed and the manifest's bytes are the same, the one stored last time is the answer
        // (it was a fifth of a warm search's time, on one core).
        var summary: StoreSummary
        var replayMadeAgain = false
        if !refresh.changed, let stored = old?.replay, stored.manifestHash == manifestHash,
           stored.actionFiles.allSatisfy({ $0.job < refresh.jobs.count && $0.file < refresh.jobs[$0.job].names.count }) {
            summary = StoreSummary(title: manifest.value?.title ?? "Pathfinder store", asOf: manifest.value?.asOf, errors: stored.errors,
                                   filesRead: refresh.filesRead, filesParsed: refresh.filesParsed, filesFromCache: refresh.filesFromCache,
                                   areas: stored.areas, actionFiles: stored.actionFiles)
            refresh.contents.replay = stored
        } else {
            summary = refresh.summary(manifest: manifest)
            refresh.contents.replay = StoredReplay(manifestHash: manifestHash, errors: summary.errors, areas: summary.areas,
                                                   actionFiles: summary.actionFiles)
            replayMadeAgain = true
        }
        // The names and links one area's read takes from the link table may have changed in a
        // file rewritten in place (the folders' stamps kept): it is made again next time.
        if refresh.linksReread { LinkTable.remove(root: root) }
        if refresh.changed || old == nil || replayMadeAgain {
            write(refresh.contents)
        }
        return (refresh, summary, manifest)
    }

    /// Writes the cache atomically; a store that cannot take it (read-only) just goes without.
    /// The folder gets a `.gitignore` of `*`, so a store kept in git never commits this
    /// machine's state.
    func write(_ contents: SummaryCacheContents) {
        let disk = StoreDisk(root: root)   // the store's chokepoint: a linked `.pathfinder` gets no cache
        guard (try? disk.makeFolder(".pathfinder")) != nil else { return }
        if disk.kind(".pathfinder/.gitignore") == nil {
            try? disk.write("# Pathfinder's own per-machine state (cache, lock): never shared.\n*\n", to: ".pathfinder/.gitignore")
        }
        try? disk.write(SummaryCacheFile.encode(contents), to: PlainFileStore.summaryCachePath)
    }
}

extension PlainFileStore {
    /// The manifest as `load()` reads it, with the same refusals (no store, a newer format).
    static func readManifestForLoad(root: String) throws -> Parsed<FileParser.Manifest> {
        try readManifestForLoad(root: root, hashing: false).manifest
    }

    /// The manifest, and a hash of its bytes when asked (0 otherwise).
    static func readManifestForLoad(root: String, hashing: Bool) throws -> (manifest: Parsed<FileParser.Manifest>, hash: UInt64) {
        guard let bytes = try AtomicFile.readIfPresent(root + "/pathfinder.yaml") else {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) {
                throw StoreError.invalid("no store at \(root): the folder does not exist")
            }
            throw StoreError.notAStore(root)
        }
        let manifest = FileParser.manifest(bytes)
        if let m = manifest.value, m.format > FileParser.supportedFormat {
            throw StoreError.newerFormat(path: "pathfinder.yaml", found: m.format, supported: FileParser.supportedFormat)
        }
        return (manifest, hashing ? AtomicFile.hash(bytes) : 0)
    }
}

/// The files of one folder to check, in load order, with their cached entries if any.
struct FolderJob: Sendable {
    /// Relative to the store: "areas/<area>" (for its area.md), "areas/<area>/actions",
    /// "areas/<area>/meetings" or "case-studies".
    var relative: String
    var kind: StoreFile.Kind
    /// The area folder ("" for case studies).
    var area: String
    /// File names ending in .md, as `PlainFileStore.storeFiles` lists them.
    var names: [String]
    var old: [FileEntry?]

    func file(_ i: Int) -> StoreFile {
        StoreFile(path: relative + "/" + names[i], kind: kind, folder: area,
                  id: kind == .area ? area : String(names[i].dropLast(3)))
    }
}

/// What checking a file gave.
enum Outcome: Sendable {
    /// The cached entry holds, on its stamp alone.
    case unchanged
    /// The cached entry holds: the file was read and its bytes are the cached ones; `trusted`
    /// says whether it is now old enough to be taken on its stamp.
    case verified(trusted: Bool)
    /// Parsed now: its entry, with string indexes into its own `strings` (interned into the
    /// cache's table afterwards, on one thread), so no parse is kept whole meanwhile.
    /// `record`: the action's `ActionRecord`, when the index asked for them and it loads.
    indirect case parsed(FileEntry, strings: [String], record: [UInt8]?)
    /// Our reader could not read it (gone, a folder, no permission): the load's own reader's
    /// result, used as the load uses it and not cached.
    indirect case unreadable(ParsedFile)
}

/// One pass over the store: lists folders (from the cache when their stamps match), stats
/// every file, re-reads the files whose stamps differ, and remembers what changed.
struct Refresh {
    let root: String
    let old: SummaryCacheContents
    let start: Double
    let margin: Double
    var table: StringTable
    var contents = SummaryCacheContents()
    var changed = false
    var filesRead = 0
    var filesParsed = 0
    var filesFromCache = 0
    /// In load order: each area folder's area.md, actions and meetings, then case studies.
    var jobs: [FolderJob] = []
    /// Per job, per file: what the summary is built from (nil: unreadable, see `readErrors`).
    var entries: [[FileEntry?]] = []
    var readErrors: [Problem] = []
    /// Whether parsed action files keep their `ActionRecord` (for the index).
    var keepRecords = false
    /// The records of action files parsed this time, by `job << 32 | file`.
    var records: [Int: [UInt8]] = [:]
    /// An organisation or agreement file was read again (changed, added or unreadable).
    var linksReread = false

    init(root: String, old: SummaryCacheContents, start: Double, margin: Double) {
        self.root = root
        self.old = old
        self.start = start
        self.margin = margin
        table = StringTable(old.strings)
    }

    /// The names `PlainFileStore.storeFiles` would list in a folder (not hidden, sorted), from
    /// the cache when the folder's stamp is the one they were listed under.
    mutating func folder(_ relative: String, old: FolderEntry?) -> FolderEntry {
        let stamp = FileStamp.of(root + "/" + relative)
        if let old, let stamp, old.trusted, old.stamp == stamp { return old }
        if let old, stamp == nil, old.stamp == nil { return old }
        changed = true
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        return FolderEntry(stamp: stamp, trusted: stamp.map { !$0.isRacy(readStartingAt: start, margin: margin) } ?? true, names: names)
    }

    /// A job for the .md files of a folder listing, matched with the cached entries: by
    /// position when the listing is the cached one, else by name.
    func job(_ relative: String, kind: StoreFile.Kind, area: String, listing: FolderEntry, oldListing: FolderEntry?,
             old: [FileEntry?]) -> FolderJob {
        let names = listing.names.filter(SummaryCache.isMarkdown)
        var matched: [FileEntry?]
        if listing == oldListing, old.count == names.count {
            matched = old
        } else {
            let byName = Dictionary(old.compactMap { $0 }.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            matched = names.map { byName[$0] }
        }
        for i in matched.indices where matched[i]?.name != names[i] { matched[i] = nil }
        return FolderJob(relative: relative, kind: kind, area: area, names: names, old: matched)
    }

    mutating func run() {
        contents.areasFolder = folder("areas", old: old.areasFolder)
        let oldFolders = Dictionary(old.areaFolders.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in contents.areasFolder.names {
            guard FileStamp.of("\(root)/areas/\(name)")?.isDirectory == true else { continue }
            let previous = oldFolders[name]
            jobs.append(FolderJob(relative: "areas/\(name)", kind: .area, area: name, names: ["area.md"], old: [previous?.areaFile]))
            let actions = folder("areas/\(name)/actions", old: previous?.actionsFolder)
            jobs.append(job("areas/\(name)/actions", kind: .action, area: name, listing: actions, oldListing: previous?.actionsFolder,
                            old: previous?.actions ?? []))
            let meetings = folder("areas/\(name)/meetings", old: previous?.meetingsFolder)
            jobs.append(job("areas/\(name)/meetings", kind: .meeting, area: name, listing: meetings, oldListing: previous?.meetingsFolder,
                            old: previous?.meetings ?? []))
            contents.areaFolders.append(AreaFolderEntry(name: name, areaFile: nil, actionsFolder: actions, actions: [],
                                                        meetingsFolder: meetings, meetings: []))
        }
        if contents.areaFolders.map(\.name) != old.areaFolders.map(\.name) { changed = true }
        contents.caseStudiesFolder = folder("case-studies", old: old.caseStudiesFolder)
        jobs.append(job("case-studies", kind: .caseStudy, area: "", listing: contents.caseStudiesFolder,
                        oldListing: old.caseStudiesFolder, old: old.caseStudies))
        contents.organisationsFolder = folder("organisations", old: old.organisationsFolder)
        jobs.append(job("organisations", kind: .organisation, area: "", listing: contents.organisationsFolder,
                        oldListing: old.organisationsFolder, old: old.organisations))
        // Funding agreements too: a national store holds hundreds, each parsed on every run before.
        contents.fundingFolder = folder(PlainFileStore.fundingFolder, old: old.fundingFolder)
        jobs.append(job(PlainFileStore.fundingFolder, kind: .fundingAgreement, area: "", listing: contents.fundingFolder,
                        oldListing: old.fundingFolder, old: old.funding))

        let (root, start, margin, jobs, keep) = (root, start, margin, jobs, keepRecords)
        // The 14,000 organisations (and 5,250 agreements) of a national store are one folder
        // each: checked in parts, so both cores stay busy to the end rather than one doing
        // them alone. An actions folder stays whole (its index file is written per folder).
        var parts: [(job: Int, files: Range<Int>)] = []
        for (j, job) in jobs.enumerated() {
            let size = job.kind == .action ? max(job.names.count, 1) : Self.checkPart
            for first in stride(from: 0, to: max(job.names.count, 1), by: size) {
                parts.append((j, first..<min(first + size, job.names.count)))
            }
        }
        let checked = PlainFileStore.parallelMap(parts) { part in
            Self.check(jobs[part.job], files: part.files, root: root, start: start, margin: margin, keepRecords: keep)
        }
        var outcomes = [[Outcome]](repeating: [], count: jobs.count)
        for (part, results) in zip(parts, checked) { outcomes[part.job] += results }

        // Intern the strings of files parsed this time (one thread: the table is shared).
        entries.reserveCapacity(jobs.count)
        for (j, (job, results)) in zip(jobs, outcomes).enumerated() {
            if results.allSatisfy({ if case .unchanged = $0 { true } else { false } }) {
                // The usual case: the folder's cached entries as they are, shared, not copied.
                filesFromCache += results.count
                entries.append(job.old)
                continue
            }
            if job.kind == .organisation || job.kind == .fundingAgreement, results.contains(where: {
                if case .parsed = $0 { true } else if case .unreadable = $0 { true } else { false }
            }) {
                linksReread = true
            }
            var list: [FileEntry?] = []
            list.reserveCapacity(results.count)
            for (i, outcome) in results.enumerated() {
                switch outcome {
                case .unchanged:
                    filesFromCache += 1
                    list.append(job.old[i])
                case let .verified(trusted):
                    filesRead += 1
                    var entry = job.old[i]
                    if entry?.trusted != trusted { changed = true }
                    entry?.trusted = trusted
                    list.append(entry)
                case let .parsed(entry, strings, record):
                    filesRead += 1
                    filesParsed += 1
                    changed = true
                    if let record { records[j << 32 | i] = record }
                    list.append(entry.remapped(strings.map { table.intern($0) }))
                case let .unreadable(parsed):
                    filesRead += 1
                    filesParsed += 1
                    changed = true
                    if case .unreadable = parsed.result {
                        readErrors += parsed.problems.filter { $0.severity == .error }
                        list.append(nil)
                    } else {
                        // Read by the load's reader after ours could not (a race): used, never taken from the cache.
                        list.append(FileEntry(parsed, name: job.names[i], id: job.file(i).id, stamp: FileStamp.never, hash: parsed.hash,
                                              trusted: false, table: &table))
                    }
                }
            }
            entries.append(list)
        }
        for k in contents.areaFolders.indices {
            contents.areaFolders[k].areaFile = entries[3 * k][0]
            contents.areaFolders[k].actions = entries[3 * k + 1]
            contents.areaFolders[k].meetings = entries[3 * k + 2]
        }
        contents.caseStudies = entries[entries.count - 3]
        contents.organisations = entries[entries.count - 2]
        contents.funding = entries[entries.count - 1]
        contents.strings = table.strings
    }

    /// Stats every file of a folder (relative to the folder, so the path is not walked again
    /// for each), and reads those whose stamps are not the cached ones.
    static func check(_ job: FolderJob, files: Range<Int>? = nil, root: String, start: Double, margin: Double,
                      keepRecords: Bool = false) -> [Outcome] {
        let files = files ?? job.names.indices
        guard !files.isEmpty else { return [] }
        let folder = open(root + "/" + job.relative, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folder >= 0 { close(folder) } }
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(files.count)
        for i in files {
            let name = job.names[i]
            var info = stat()
            if let old = job.old[i], old.trusted, folder >= 0, fstatat(folder, name, &info, 0) == 0, FileStamp(info) == old.stamp {
                outcomes.append(.unchanged)
                continue
            }
            guard folder >= 0, let (stamp, bytes) = readWithStamp(folder, name) else {
                outcomes.append(.unreadable(ParsedFile.read(job.file(i), root: root)))
                continue
            }
            let hash = AtomicFile.hash(bytes)
            if let old = job.old[i], old.stamp == stamp, old.hash == hash {
                // Same stamp and same bytes: what is cached is right, and may now be trusted.
                outcomes.append(.verified(trusted: !stamp.isRacy(readStartingAt: start, margin: margin)))
                continue
            }
            let parsed = ParsedFile.parse(job.file(i), bytes: bytes)
            var strings = StringTable([])
            let entry = FileEntry(parsed, name: name, id: job.file(i).id, stamp: stamp, hash: parsed.hash,
                                  trusted: !stamp.isRacy(readStartingAt: start, margin: margin), table: &strings)
            var record: [UInt8]?
            if keepRecords, !entry.broken, case let .action(p) = parsed.result, let action = p.value { record = ActionRecord.encode(action) }
            outcomes.append(.parsed(entry, strings: strings.strings, record: record))
        }
        if keepRecords, job.kind == .action, files == job.names.indices { return writingShard(job, outcomes, root: root) }
        return outcomes
    }

    /// A folder of actions parsed whole (a first build, or every file changed): its index file
    /// is written now, as this folder is done, and its records are not kept, so a first build
    /// holds one folder's records at a time rather than the store's (issue 14: 629 MB before).
    /// The index reads the file back. Otherwise the outcomes as they are: the index merges the
    /// few new records with its file's.
    static func writingShard(_ job: FolderJob, _ outcomes: [Outcome], root: String) -> [Outcome] {
        var files: [(name: String, hash: UInt64, record: ArraySlice<UInt8>)] = []
        for (i, outcome) in outcomes.enumerated() {
            guard case let .parsed(entry, _, record) = outcome else { return outcomes }
            guard !entry.broken, case .action = entry.facts else { continue }
            guard let record else { return outcomes }   // the index would read the file again: leave it to it
            files.append((job.names[i], entry.hash, record[...]))
        }
        guard !files.isEmpty, (try? StoreDisk(root: root).write(ActionShard.encode(files), to: ActionShard.path(area: job.area), flush: false)) != nil else {
            return outcomes
        }
        return outcomes.map { outcome in
            guard case let .parsed(entry, strings, _) = outcome else { return outcome }
            return .parsed(entry, strings: strings, record: nil)
        }
    }

    /// How many files of a large folder one thread checks at a time.
    static let checkPart = 1024

    /// Opens a regular file, takes its stamp from the open file (so stamp and bytes belong to
    /// the same file), then reads it. Nil for anything the load would report as unreadable.
    static func readWithStamp(_ folder: Int32, _ name: String) -> (FileStamp, [UInt8])? {
        // Without waiting: a named pipe would block the open until someone writes to it.
        let fd = openat(folder, name, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let stamp = FileStamp(info)
        guard stamp.isRegularFile else { return nil }
        // A file over the size limit is read only far enough for the parser to refuse it.
        let limit = FileLimits.maximumBytes + 1
        var bytes = [UInt8](repeating: 0, count: min(Int(info.st_size) + 1, limit))
        var count = 0
        while count < limit {
            if count == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: min(max(4096, bytes.count), limit - count))) }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return (stamp, bytes)
    }

}
