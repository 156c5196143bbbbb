import Dispatch
import Foundation
import PathfinderModel

/// A loaded store: everything that could be read, and every problem found.
public struct LoadResult: Sendable {
    public var partnership: Partnership
    /// Sorted by path, then line.
    public var problems: [Problem]
    public init(partnership: Partnership, problems: [Problem]) {
        self.partnership = partnership
        self.problems = problems
    }

    public var errors: [Problem] { problems.filter { $0.severity == .error } }
    public var warnings: [Problem] { problems.filter { $0.severity == .warning } }
}

/// The plain-file store: a folder of Markdown files with YAML front matter (docs/store-format.md).
///
/// It remembers a hash of each file as loaded, so a save refuses (with
/// `StoreError.changedOnDisk`) to overwrite a file someone else changed meanwhile, and rewrites
/// only the lines of the fields that changed.
/// Files with problems are reported by `load()` and never rewritten. Use one instance from one
/// thread; several processes may share a store (saves take `.pathfinder/lock`).
public final class PlainFileStore {
    /// Organisations as people alphabetise them, ignoring case: CIPFA after Camden. The load and
    /// the index both order them so.
    static func inNameOrder(_ a: Organisation, _ b: Organisation) -> Bool {
        (a.name.lowercased(), a.id) < (b.name.lowercased(), b.id)
    }

    /// Organisations sorted `inNameOrder`, each name lowercased once rather than at every
    /// comparison (14,000 organisations made 400,000 lowercased copies: a tenth of the part of a
    /// national load that runs on one core), and the records moved once, not at every swap.
    static func inNameOrder(_ organisations: [Organisation]) -> [Organisation] {
        let keys = organisations.map { $0.name.lowercased() }
        let order = organisations.indices.sorted { (keys[$0], organisations[$0].id) < (keys[$1], organisations[$1].id) }
        return order.map { organisations[$0] }
    }

    public let root: URL

    /// The content hash (`AtomicFile.hash`) of every file that loaded cleanly, as loaded or last saved. A
    /// save compares it with the file's bytes at that moment to notice someone else's change;
    /// when they match, those bytes are what was loaded, so the file is parsed again from them
    /// rather than kept in memory (a store of 50,000 actions would otherwise hold its text twice).
    var hashes: [String: UInt64] = [:]
    /// Files that loaded but have errors found across files (a dangling link, an unknown
    /// status), or whose fields cannot be rewritten line by line: shown, never rewritten.
    public internal(set) var readOnly: Set<String> = []
    /// What the last load knew, to check a save against: the catalogue (nil if the manifest
    /// could not be read), area codes by area id, and case study ids.
    var catalogue: Catalogue?
    var areaCodes: [String: String] = [:]
    var caseStudyIDs: Set<String> = []
    /// Organisation ids by file, as loaded or saved (their names warn about free-text partners).
    var organisationIDs: Set<String> = []
    /// Where each loaded or saved action lives, by id.
    var actionPaths: [String: String] = [:]

    /// Every change this store makes on disk goes through here (no writes through links).
    let disk: StoreDisk

    /// Counts the files a load has read, for a screen reading the store in the background.
    public var readProgress: ReadProgress?

    public init(root: URL) {
        self.root = root.standardizedFileURL
        disk = StoreDisk(root: self.root.path)
    }

    var rootPath: String { root.path }

    // MARK: Paths

    /// Paths relative to the store's folder.
    public static func actionPath(_ action: Action) -> String { "areas/\(action.area)/actions/\(action.id).md" }
    public static func areaPath(_ area: Area) -> String { "areas/\(area.id)/area.md" }
    public static func caseStudyPath(_ study: CaseStudy) -> String { "case-studies/\(study.id).md" }
    public static func organisationPath(_ organisation: Organisation) -> String { "organisations/\(organisation.id).md" }
    /// A meeting's id is "<area>/<file name without .md>".
    public static func meetingPath(_ meeting: Meeting) -> String {
        let file = meeting.id.split(separator: "/").last.map(String.init) ?? meeting.id
        return "areas/\(meeting.area)/meetings/\(file).md"
    }

    /// Whether a file (path relative to the store) loaded cleanly and can be saved.
    public func isEditable(_ path: String) -> Bool { hashes[path] != nil && !readOnly.contains(path) }

    // MARK: Loading

    /// Reads the whole store. Throws only when there is no store or its format is too new;
    /// every problem in a file is reported in the result, and the rest of the store loads.
    public func load() throws -> LoadResult { try load(.store) }

    /// Reads the whole store as `load()` does, with the same checks and problems, but keeps each
    /// action without its description and older notes (`Action.withoutLongTexts`): for a
    /// question that needs none (`pathfinder check`). The texts are checked as they are read
    /// and let go at once, so they are never all in memory; the actions cannot be saved.
    public func loadWithoutLongTexts() throws -> LoadResult { try load(.store, longTexts: false) }

    /// Reads the files `scope` names (all of them, or one area's: see `LoadScope`) with the
    /// checks of a full load; the store then saves exactly the files it read. Without
    /// `longTexts` each action keeps only its short fields and latest note.
    func load(_ scope: LoadScope, longTexts: Bool = true) throws -> LoadResult {
        let manifest = try Self.readManifestForLoad(root: rootPath)
        var links = StoreLinks()
        var list = Self.storeFiles(rootPath, links: &links, actionsOf: scope.area)
        var problems = manifest.problems + links.problems
        let catalogue = manifest.value?.catalogue
        let progress = readProgress
        progress?.start(total: list.count)

        let root = rootPath
        // Parsing is most of the cost of a load and a pure function of each file's bytes, so it
        // runs on every core. Areas and case studies go first (there are few), so that each
        // action can then be checked against them in the same parallel pass that parses it.
        // One area's read leaves the case studies until its actions say which they cite.
        // Organisations go first too: an action naming one by its name instead of its id is
        // warned about as it is parsed. One area's read takes every organisation's name from
        // the link table instead, and reads only the organisations its actions name.
        let profileFiles = list.filter { $0.kind == .area || (scope == .store && ($0.kind == .organisation || $0.kind == .caseStudy)) }
        var areas: [LoadedEntry<Area>] = []
        var studies: [LoadedEntry<CaseStudy>] = []
        var organisations: [LoadedEntry<Organisation>] = []
        do { // the parsed files go when their entries are made
            let profiles = Self.parallelMap(profileFiles) { ParsedFile.read($0, root: root) }
            for file in profiles {
                switch file.result {
                case let .area(p): areas.append(LoadedEntry(file, p))
                case let .caseStudy(p): studies.append(LoadedEntry(file, p))
                case let .organisation(p): organisations.append(LoadedEntry(file, p))
                default: problems += file.problems
                }
            }
            progress?.add(profiles.count)
        }
        let table = scope == .store ? nil : LinkTable.current(root: root)
        // One area's read asks the table about its actions' names once they are parsed (below).
        let organisationNames = OrganisationNames(organisations.filter { !$0.broken }.compactMap(\.value))
        // Organisations are checked now and their line maps let go, before the actions are
        // parsed: 14,000 organisations' maps held 9 MB through the peak of a national load.
        // (One area's read checks the few its actions name when it has read them, below.)
        let areaIDs = Set(list.filter { $0.kind == .area }.map(\.id))
        func checkOrganisations(from start: Int) {
            let checking = Array(organisations.indices.dropFirst(start))
            // On every core: a national store's 14,000 organisations were checked on one.
            let found: [[Problem]] = { (entries: [LoadedEntry<Organisation>]) in
                return Self.parallelMap(checking) { i -> [Problem] in
                    guard let value = entries[i].value else { return entries[i].problems }
                    return entries[i].problems + Validator.organisation(value, path: entries[i].path, lines: entries[i].lines,
                                                                        items: entries[i].itemLines, catalogue: catalogue, areas: areaIDs)
                }
            }(organisations)
            for (k, i) in checking.enumerated() {
                problems += found[k]
                organisations[i].lines = [:]
                organisations[i].itemLines = [:]
            }
        }
        checkOrganisations(from: 0)
        let areaCodes = Dictionary(areas.compactMap { e in e.value.map { ($0.id, $0.code) } }, uniquingKeysWith: { a, _ in a })
        let studyIDs = Set(studies.compactMap { $0.value?.id })
        // Links are checked against every file that is there, loaded or not: a file that could
        // not be read has its own error, and should not also make each link to it an error.
        let codesToCheck = Dictionary(areas.filter { !$0.broken }.compactMap { e in e.value.map { ($0.id, $0.code) } },
                                      uniquingKeysWith: { a, _ in a })
        let studyFiles = Set(list.filter { $0.kind == .caseStudy }.map(\.id))
        // The whole store's agreements are read before its actions, so that the parse of 5,250
        // of them is over before 52,500 actions are held (it was the top of a national load's
        // peak). Their links to actions are checked against the listing's action files: an
        // action loads only under its file's name (any other id is an error that leaves it
        // out), so those are the ids a full load knows. One area's read finds its agreements
        // from its actions, below.
        let storeFunding = scope != .store ? nil
            : loadFundingAgreements(Self.fundingFiles(rootPath, links: &links), catalogue: catalogue, areas: areaIDs,
                                    actions: Set(list.lazy.filter { $0.kind == .action }.map(\.id)), organisations: organisationNames)
        let shared = SharedText()
        // Actions are most of a store: each worker writes its action straight into the array
        // the partnership keeps, and what the rest of the load needs about its file into a
        // small record beside it. No second copy of 50,000 actions is made on the way (each
        // would hold a few hundred bytes inline, and two at once cost tens of megabytes).
        // By position in the listing: a filtered copy of 52,500 files' entries was 3 MB more at the peak.
        var (loadedActions, actionFiles) = { (listed: [StoreFile]) in
            Self.parallelMap(listed.indices.filter { listed[$0].kind == .action }) { i -> (Action, ActionFile) in
                let file = listed[i]
                let parsed = ParsedFile.read(file, root: root, shared: shared)
                progress?.add(1)
                guard case let .action(p) = parsed.result else {
                    return (ActionFile.none, ActionFile(path: file.path, problems: parsed.problems, hash: parsed.hash))
                }
                var loaded = ActionFile(path: file.path, problems: parsed.problems, hash: parsed.hash, parsed: p)
                guard let action = p.value else { return (ActionFile.none, loaded) }
                loaded.problems += Validator.action(action, path: file.path, lines: p.lines, items: p.itemLines, catalogue: catalogue,
                                                    areaCode: codesToCheck[action.area], caseStudies: studyFiles)
                loaded.problems += Validator.organisationLinks(action, path: file.path, lines: p.lines, items: p.itemLines,
                                                               names: organisationNames)
                if scope != .store { loaded.organisationLines = ActionFile.OrganisationLines(p) }
                return (longTexts ? action : action.withoutLongTexts(), loaded)
            }
        }(list)
        if let table {
            // Free text naming an organisation, warned about as a full load warns (the table
            // holds every organisation's name; only this area's values are looked up).
            let names = table.names(for: Set(loadedActions.lazy.flatMap { [$0.leadBody] + $0.partners }))
            for i in actionFiles.indices {
                guard let at = actionFiles[i].organisationLines else { continue }
                actionFiles[i].problems += Validator.organisationLinks(loadedActions[i], path: actionFiles[i].path, lines: at.lines,
                                                                       items: at.items, names: names)
                actionFiles[i].organisationLines = nil
            }
        }
        if scope != .store {
            // A link among them is reported as the full load reports it (the listing found the rest).
            var namedLinks = StoreLinks()
            let named = organisationFiles(namedBy: loadedActions, links: &namedLinks)
            problems += namedLinks.problems
            links.found += namedLinks.found
            let checked = organisations.count
            for file in Self.parallelMap(named, { ParsedFile.read($0, root: root) }) {
                if case let .organisation(p) = file.result { organisations.append(LoadedEntry(file, p)) } else { problems += file.problems }
            }
            checkOrganisations(from: checked)
            let cited = Set(loadedActions.lazy.flatMap(\.caseStudies))
            for file in Self.parallelMap(list.filter({ $0.kind == .caseStudy && cited.contains($0.id) }), { ParsedFile.read($0, root: root) }) {
                if case let .caseStudy(p) = file.result { studies.append(LoadedEntry(file, p)) } else { problems += file.problems }
            }
        }
        var meetings: [LoadedEntry<Meeting>] = []
        for file in Self.parallelMap(list.filter { $0.kind == .meeting }, { ParsedFile.read($0, root: root) }) {
            if case let .meeting(p) = file.result {
                meetings.append(LoadedEntry(file, p))
            } else {
                problems += file.problems
            }
        }
        progress?.finish()

        // Checks across files.
        var codes: [String: String] = [:]
        for area in areas {
            problems += area.problems
            if let value = area.value { problems += FieldTextCheck.area(value, path: area.path, lines: area.lines) }
            guard let value = area.value, !value.code.isEmpty, !area.broken else { continue }
            if let other = codes[value.code] {
                problems.append(.error(area.path, area.lines["code"] ?? 1, "area code \(Quote.short(value.code)) is also used by \(other)"))
            } else {
                codes[value.code] = value.id
            }
        }
        for study in studies {
            problems += study.problems
            guard let value = study.value else { continue }
            problems += Validator.caseStudy(value, path: study.path, lines: study.lines, items: study.itemLines,
                                            catalogue: catalogue, areas: areaIDs)
        }
        var firstFile: [String: String] = [:]
        firstFile.reserveCapacity(actionFiles.count)
        var duplicates = Set<Int>()
        for (i, file) in actionFiles.enumerated() {
            problems += file.problems
            // A file with errors of its own (an id that is not its name, say) is left out, so it
            // claims no id: the file that really has it keeps it.
            guard file.hasValue, !file.broken else { continue }
            let id = loadedActions[i].id
            if let other = firstFile[id] {
                problems.append(.error(file.path, file.idLine, "duplicate id \(Quote.short(id)): also used by \(other)"))
                duplicates.insert(i)
            } else {
                firstFile[id] = file.path
            }
        }
        var actionIDs = Set(firstFile.keys).union(list.lazy.filter { $0.kind == .action }.map(\.id))
        problems += Self.dependencyProblems(loadedActions, files: actionFiles, known: scope == .store ? actionIDs : nil)
        if scope != .store {
            actionIDs.formUnion(actionFilesElsewhere(named: meetings.lazy.compactMap(\.value).flatMap(\.namedActions), known: actionIDs,
                                                     areaFolders: list.filter { $0.kind == .area }.map(\.folder)))
        }
        for meeting in meetings {
            problems += meeting.problems
            guard let value = meeting.value else { continue }
            problems += Validator.meeting(value, path: meeting.path, lines: meeting.lines, items: meeting.itemLines, actions: actionIDs)
        }
        // The id tables are done with: freed now, not after the store's own tables below are
        // made, where they would add 6 MB to the load's peak at 52,500 actions.
        firstFile = [:]
        // So is the listing, once what the rest needs of it is taken: 72,100 files' names held
        // to the end of the load were 13 MB of a national load's peak.
        let listedCount = list.count
        let listedOrganisations = table == nil ? Set(list.lazy.filter { $0.kind == .organisation }.map(\.id)) : []
        let listedUnderLinks = links.found.isEmpty ? [] : list.map(\.path).filter(links.covers)
        list = []
        // One area's read reads the agreements the link table says name the area or its actions.
        let funding = storeFunding ?? loadFundingAgreements(
            table.map { fundingFiles($0.agreements(forArea: scope.area ?? "", actions: Set(loadedActions.lazy.map(\.id))), links: &links) }
                ?? Self.fundingFiles(rootPath, links: &links),
            catalogue: catalogue, areas: areaIDs, actions: nil, organisations: nil)
        // One area's read reports only its own files' problems; `check` reads the whole store.
        if scope == .store { problems += funding.problems + links.problems.filter { $0.path.hasPrefix(Self.fundingFolder) } }
        actionIDs = []

        // A file that could not be read properly is left out (and never rewritten); one whose
        // problem lies between files loads read-only. The rest of the store loads as usual.
        let broken = Set(areas.filter(\.broken).map(\.path)).union(studies.filter(\.broken).map(\.path))
            .union(organisations.filter(\.broken).map(\.path))
            .union(actionFiles.filter(\.broken).map(\.path)).union(meetings.filter(\.broken).map(\.path))
        let notEditable = Set(areas.filter { !$0.editable }.map(\.path)).union(studies.filter { !$0.editable }.map(\.path))
            .union(organisations.filter { !$0.editable }.map(\.path))
            .union(actionFiles.filter { !$0.editable }.map(\.path)).union(meetings.filter { !$0.editable }.map(\.path))
            .union(links.found.isEmpty ? [] : listedUnderLinks + organisations.map(\.path).filter(links.covers))
        let fundingHashes = hashes.filter { $0.key.hasPrefix(Self.fundingFolder + "/") }
        let fundingReadOnly = readOnly.filter { $0.hasPrefix(Self.fundingFolder + "/") }
            .union(links.found.isEmpty ? [] : fundingHashes.keys.filter(links.covers))
        readOnly = Set(problems.lazy.filter { $0.severity == .error }.map(\.path)).subtracting(broken).subtracting(funding.broken)
            .union(notEditable).union(fundingReadOnly)
        hashes = fundingHashes
        hashes.reserveCapacity(listedCount)
        actionPaths = [:]
        actionPaths.reserveCapacity(actionFiles.count)
        self.catalogue = catalogue
        self.areaCodes = areaCodes
        // One area's read has not read every case study: a save checks links against the
        // folder's listing, as the load itself does.
        caseStudyIDs = scope == .store ? studyIDs : studyFiles
        // Keep the actions that loaded, in place: only the first file with an id is kept, so
        // ids stay unique on screen.
        var keptActions = 0
        for (i, file) in actionFiles.enumerated() where file.hasValue && !file.broken && !duplicates.contains(i) {
            hashes[file.path] = file.hash
            actionPaths[loadedActions[i].id] = file.path
            if keptActions != i { loadedActions.swapAt(keptActions, i) }
            keptActions += 1
        }
        loadedActions.removeSubrange(keptActions...)
        actionFiles = []
        func kept<T>(_ entries: [LoadedEntry<T>]) -> [T] {
            entries.compactMap { entry in
                guard !entry.broken, let value = entry.value else { return nil }
                hashes[entry.path] = entry.hash
                return value
            }
        }
        var loadedAreas = kept(areas)
        var loadedStudies = kept(studies)
        var loadedMeetings = kept(meetings)
        let loadedOrganisations = Self.inNameOrder(kept(organisations))
        organisationIDs = table == nil ? listedOrganisations : Set(loadedOrganisations.map(\.id))
        loadedAreas.sort { ($0.name, $0.id) < ($1.name, $1.id) }
        let areaOrder = Dictionary(loadedAreas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Files are read in folder and name order, which is usually this order already; sorting
        // would then only cost a scratch copy of half the actions.
        let actionOrder: (Action, Action) -> Bool = {
            (areaOrder[$0.area] ?? .max, $0.area, $0.id) < (areaOrder[$1.area] ?? .max, $1.area, $1.id)
        }
        // Checked on each action's area and id alone: comparing whole actions copied each one.
        let keys = loadedActions.map { (areaOrder[$0.area] ?? .max, $0.area, $0.id) }
        if zip(keys, keys.dropFirst()).contains(where: { $1 < $0 }) {
            loadedActions.sort(by: actionOrder)
        }
        loadedStudies.sort { ($0.title, $0.id) < ($1.title, $1.id) }
        loadedMeetings.sort { (areaOrder[$0.area] ?? .max, $0.area, $0.date, $0.id) < (areaOrder[$1.area] ?? .max, $1.area, $1.date, $1.id) }
        let partnership = Partnership(
            title: manifest.value?.title ?? "Pathfinder store", asOf: manifest.value?.asOf, catalogue: catalogue ?? Catalogue(),
            areas: loadedAreas, actions: loadedActions, caseStudies: loadedStudies, meetings: loadedMeetings,
            organisations: loadedOrganisations, fundingAgreements: funding.agreements)
        return LoadResult(partnership: partnership, problems: problems.sorted())
    }

    /// `transform` applied to every element on all cores, results in order, written straight
    /// into the array returned (`Parallel.map`), on workers lowered when the caller is
    /// (`BackgroundPriority`).
    static func parallelMap<T, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] where T: Sendable {
        Parallel.map(count: items.count, on: BackgroundPriority.forEach) { transform(items[$0]) }
    }

    /// `parallelMap` for a transform with two results, each written straight into its own array.
    static func parallelMap<T, A: Sendable, B: Sendable>(_ items: [T], _ transform: @Sendable (T) -> (A, B)) -> ([A], [B]) where T: Sendable {
        Parallel.map(count: items.count, on: BackgroundPriority.forEach) { transform(items[$0]) }
    }

    /// Every file a store holds that the program reads, in a stable order.
    static func storeFiles(_ root: String) -> [StoreFile] {
        var links = StoreLinks()
        return storeFiles(root, links: &links)
    }

    /// The files, noting every symbolic link inside the store on the way: what a link leads to
    /// is still listed (nothing vanishes from the screens), and `load` makes it read-only.
    /// `actionsOf` an area lists only that area's actions and meetings (every area's area.md still).
    static func storeFiles(_ root: String, links: inout StoreLinks, actionsOf only: String? = nil) -> [StoreFile] {
        func entries(_ folder: String) -> [(name: String, isLink: Bool)] {
            let fd = open(root + "/" + folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else { return [] }
            defer { close(fd) }
            return StoreDisk.names(in: fd).filter { !$0.name.hasPrefix(".") }.sorted { $0.name < $1.name }
        }
        // `lstat` follows links on the way but not the last one: a link inside a linked folder shows too.
        func isLinkAt(_ path: String) -> Bool {
            var info = stat()
            return lstat(root + "/" + path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
        }
        for place in StoreLinks.fixedPlaces where isLinkAt(place) { links.note(place, root: root) }
        var files: [StoreFile] = []
        for (area, isLink) in entries("areas") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: "\(root)/areas/\(area)", isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            if isLink { links.note("areas/\(area)", root: root) }
            files.append(StoreFile(path: "areas/\(area)/area.md", kind: .area, folder: area, id: area))
            if isLinkAt("areas/\(area)/area.md") { links.note("areas/\(area)/area.md", root: root) }
            for (folder, kind) in [("actions", StoreFile.Kind.action), ("meetings", .meeting)] where only == nil || only == area {
                if isLinkAt("areas/\(area)/\(folder)") { links.note("areas/\(area)/\(folder)", root: root) }
                for (name, isLink) in entries("areas/\(area)/\(folder)") where name.hasSuffix(".md") {
                    if isLink { links.note("areas/\(area)/\(folder)/\(name)", root: root) }
                    files.append(StoreFile(path: "areas/\(area)/\(folder)/\(name)", kind: kind, folder: area, id: String(name.dropLast(3))))
                }
            }
        }
        for (name, isLink) in entries("case-studies") where name.hasSuffix(".md") {
            if isLink { links.note("case-studies/\(name)", root: root) }
            files.append(StoreFile(path: "case-studies/\(name)", kind: .caseStudy, folder: "", id: String(name.dropLast(3))))
        }
        // One area's read takes what it needs of organisations/ from the link table.
        for (name, isLink) in only == nil ? entries("organisations") : [] where name.hasSuffix(".md") {
            if isLink { links.note("organisations/\(name)", root: root) }
            files.append(StoreFile(path: "organisations/\(name)", kind: .organisation, folder: "", id: String(name.dropLast(3))))
        }
        // The trash and the program's own folder are never loaded, but a link in them would take
        // a deletion, a lock or the cache out of the store.
        for folder in [trashFolder, ".pathfinder"] where !links.covers(folder) {
            links.found += walk(StoreDisk(root: root), from: folder) { fd, folder in
                StoreDisk.names(in: fd).filter(\.isLink).map { (folder + "/" + $0.name, StoreDisk.linkTarget(in: fd, $0.name)) }
            }
        }
        // Held through a whole load: kept at its size, not at the capacity it grew to (up to twice).
        return files.withUnsafeBufferPointer { Array($0) }
    }

    // MARK: Rendering

    /// The text an action's file would have after saving it: the file as it is, with only the
    /// changed fields' lines replaced, or a canonical new file.
    public func render(_ action: Action) -> String { rendered(Self.actionPath(action)) { Self.bytes(action, over: $0, path: $1) } }
    public func render(_ area: Area) -> String { rendered(Self.areaPath(area)) { Self.bytes(area, over: $0, path: $1) } }
    public func render(_ study: CaseStudy) -> String { rendered(Self.caseStudyPath(study)) { Self.bytes(study, over: $0, path: $1) } }
    public func render(_ meeting: Meeting) -> String { rendered(Self.meetingPath(meeting)) { Self.bytes(meeting, over: $0, path: $1) } }
    public func render(_ organisation: Organisation) -> String {
        rendered(Self.organisationPath(organisation)) { Self.bytes(organisation, over: $0, path: $1) }
    }

    /// The text `bytes` makes of the file at `path` as it is now.
    private func rendered(_ path: String, _ bytes: ([UInt8]?, String) -> [UInt8]) -> String {
        String(decoding: bytes(current(path), path), as: UTF8.self)
    }

    /// The bytes of a loaded file as they are now.
    private func current(_ path: String) -> [UInt8]? {
        guard hashes[path] != nil else { return nil }
        return (try? AtomicFile.readIfPresent(rootPath + "/" + path)) ?? nil
    }

    /// A file's bytes read as the kind of file it is, when they read cleanly and field by field:
    /// the base a minimal rewrite works on.
    private static func base<T>(_ bytes: [UInt8]?, _ parse: ([UInt8]) -> Parsed<T>) -> (old: T, parsed: Parsed<T>, source: SourceDocument)? {
        guard let bytes else { return nil }
        let parsed = parse(bytes)
        guard let old = parsed.value, let source = parsed.source, parsed.editable,
              !parsed.problems.contains(where: { $0.severity == .error }) else { return nil }
        return (old, parsed, source)
    }

    /// An action's file written over `current` (the file's bytes now; nil for a new file).
    static func bytes(_ action: Action, over current: [UInt8]?, path: String) -> [UInt8] {
        // Every write of an action comes here; `save` refuses such an action with a message
        // first, so this only stops a path that forgot to ask.
        precondition(action.longTextsRead, "\(path): an action read without its long texts cannot be written")
        let file = path.split(separator: "/").last.map { String($0.dropLast(3)) } ?? action.id
        guard let current, let (old, parsed, source) = base(current, { FileParser.action($0, path: path, area: action.area, fileID: file) }) else {
            return SourceDocument(blocks: MinimalRewrite.frontMatter(old: nil, newFields: CanonicalFields.action(action), order: []),
                                  body: MinimalRewrite.actionBody(old: nil, oldBodyText: nil, new: action), hasFrontMatter: true).bytes
        }
        if old == action { return current }
        var document = source
        document.blocks = MinimalRewrite.frontMatter(old: (source, CanonicalFields.action(old)),
                                                     newFields: CanonicalFields.action(action), order: CanonicalFields.actionOrder)
        document.body = MinimalRewrite.actionBody(old: parsed.body, oldBodyText: source.body, new: action)
        return document.bytes
    }

    /// Files whose body is one piece of Markdown.
    static func plainBytes<T: Equatable>(_ value: T, over current: [UInt8]?, parse: ([UInt8]) -> Parsed<T>,
                                                 fields: (T) -> CanonicalFields.Fields, order: [String], body: (T) -> String) -> [UInt8] {
        guard let current, let (old, _, source) = base(current, parse) else {
            return SourceDocument(blocks: MinimalRewrite.frontMatter(old: nil, newFields: fields(value), order: order),
                                  body: MinimalRewrite.plainBody(oldRaw: nil, oldText: nil, new: body(value)), hasFrontMatter: true).bytes
        }
        if old == value { return current }
        var document = source
        document.blocks = MinimalRewrite.frontMatter(old: (source, fields(old)), newFields: fields(value), order: order)
        document.body = MinimalRewrite.plainBody(oldRaw: source.body, oldText: body(old), new: body(value))
        return document.bytes
    }

    static func bytes(_ area: Area, over current: [UInt8]?, path: String) -> [UInt8] {
        plainBytes(area, over: current, parse: { FileParser.area($0, path: path, id: area.id) },
                   fields: CanonicalFields.area, order: CanonicalFields.areaOrder, body: \.narrative)
    }

    static func bytes(_ study: CaseStudy, over current: [UInt8]?, path: String) -> [UInt8] {
        plainBytes(study, over: current, parse: { FileParser.caseStudy($0, path: path, id: study.id) },
                   fields: CanonicalFields.caseStudy, order: CanonicalFields.caseStudyOrder, body: \.text)
    }

    static func bytes(_ organisation: Organisation, over current: [UInt8]?, path: String) -> [UInt8] {
        plainBytes(organisation, over: current, parse: { FileParser.organisation($0, path: path, id: organisation.id) },
                   fields: CanonicalFields.organisation, order: CanonicalFields.organisationOrder, body: \.notes)
    }

    static func bytes(_ meeting: Meeting, over current: [UInt8]?, path: String) -> [UInt8] {
        let file = path.split(separator: "/").last.map { String($0.dropLast(3)) } ?? ""
        return plainBytes(meeting, over: current, parse: { FileParser.meeting($0, path: path, area: meeting.area, fileID: file) },
                          fields: CanonicalFields.meeting, order: CanonicalFields.meetingOrder, body: \.notes)
    }
}
