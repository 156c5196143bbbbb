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
/// It remembers what each file held when loaded, so a save rewrites only the changed lines and
/// refuses (with `StoreError.changedOnDisk`) to overwrite a file someone else changed meanwhile.
/// Files with problems are reported by `load()` and never rewritten. Use one instance from one
/// thread; several processes may share a store (saves take `.pathfinder/lock`).
public final class PlainFileStore {
    public let root: URL

    /// What a file held when it was last read or written.
    struct LoadedFile {
        enum Snapshot {
            case action(Action, ActionBody?)
            case area(Area)
            case caseStudy(CaseStudy)
            case meeting(Meeting)
        }

        var source: SourceDocument
        var hash: UInt64
        var snapshot: Snapshot
    }

    /// Every file that loaded cleanly and may be rewritten, by path relative to `root`.
    private var files: [String: LoadedFile] = [:]
    /// Files that loaded but have errors found across files (a dangling link, an unknown
    /// status), or whose fields cannot be rewritten line by line: shown, never rewritten.
    public private(set) var readOnly: Set<String> = []
    /// What the last load knew, to check a save against: the catalogue (nil if the manifest
    /// could not be read), area codes by area id, and case study ids.
    private var catalogue: Catalogue?
    private var areaCodes: [String: String] = [:]
    private var caseStudyIDs: Set<String> = []
    /// Where each loaded or saved action lives, by id.
    private var actionPaths: [String: String] = [:]

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    var rootPath: String { root.path }

    // MARK: Paths

    /// Paths relative to the store's folder.
    public static func actionPath(_ action: Action) -> String { "areas/\(action.area)/actions/\(action.id).md" }
    public static func areaPath(_ area: Area) -> String { "areas/\(area.id)/area.md" }
    public static func caseStudyPath(_ study: CaseStudy) -> String { "case-studies/\(study.id).md" }
    /// A meeting's id is "<area>/<file name without .md>".
    public static func meetingPath(_ meeting: Meeting) -> String {
        let file = meeting.id.split(separator: "/").last.map(String.init) ?? meeting.id
        return "areas/\(meeting.area)/meetings/\(file).md"
    }

    /// Whether a file (path relative to the store) loaded cleanly and can be saved.
    public func isEditable(_ path: String) -> Bool { files[path] != nil && !readOnly.contains(path) }

    // MARK: Loading

    /// Reads the whole store. Throws only when there is no store or its format is too new;
    /// every problem in a file is reported in the result, and the rest of the store loads.
    public func load() throws -> LoadResult {
        let fm = FileManager.default
        let manifestPath = rootPath + "/pathfinder.yaml"
        guard let manifestBytes = try AtomicFile.readIfPresent(manifestPath) else {
            var isDirectory: ObjCBool = false
            if !fm.fileExists(atPath: rootPath, isDirectory: &isDirectory) {
                throw StoreError.invalid("no store at \(rootPath): the folder does not exist")
            }
            throw StoreError.notAStore(rootPath)
        }
        let manifest = FileParser.manifest(manifestBytes)
        if let m = manifest.value, m.format > FileParser.supportedFormat {
            throw StoreError.newerFormat(path: "pathfinder.yaml", found: m.format, supported: FileParser.supportedFormat)
        }
        var problems = manifest.problems
        let catalogue = manifest.value?.catalogue

        let list = Self.storeFiles(rootPath)
        let results = ResultBuffer<ParsedFile>(count: list.count)
        let root = rootPath
        // Parsing is most of the cost of a load and a pure function of each file's bytes: use every core.
        DispatchQueue.concurrentPerform(iterations: list.count) { i in
            results[i] = ParsedFile.read(list[i], root: root)
        }
        let parsed = results.values.compactMap { $0 }

        var areas: [(Area, Parsed<Area>, UInt64)] = []
        var actions: [(Action, Parsed<Action>, UInt64)] = []
        var meetings: [(Meeting, Parsed<Meeting>, UInt64)] = []
        var studies: [(CaseStudy, Parsed<CaseStudy>, UInt64)] = []
        var broken = Set<String>()
        var notEditable = Set<String>()
        for file in parsed {
            problems += file.problems
            if file.problems.contains(where: { $0.severity == .error }) || !file.hasValue { broken.insert(file.path) }
            if !file.editable { notEditable.insert(file.path) }
            switch file.result {
            case let .area(p): if let v = p.value { areas.append((v, p, file.hash)) }
            case let .action(p): if let v = p.value { actions.append((v, p, file.hash)) }
            case let .meeting(p): if let v = p.value { meetings.append((v, p, file.hash)) }
            case let .caseStudy(p): if let v = p.value { studies.append((v, p, file.hash)) }
            case .unreadable: break
            }
        }

        // Checks across files.
        var codes: [String: String] = [:]
        for (area, parsed, _) in areas where !area.code.isEmpty && !broken.contains(Self.areaPath(area)) {
            if let other = codes[area.code] {
                problems.append(.error(Self.areaPath(area), parsed.lines["code"] ?? 1, "area code \(area.code) is also used by \(other)"))
            } else {
                codes[area.code] = area.id
            }
        }
        let areaCodes = Dictionary(areas.map { ($0.0.id, $0.0.code) }, uniquingKeysWith: { a, _ in a })
        let studyIDs = Set(studies.map(\.0.id))
        var firstFile: [String: String] = [:]
        for (action, parsed, _) in actions {
            let path = Self.actionPath(action)
            problems += Validator.action(action, path: path, lines: parsed.lines, items: parsed.itemLines, catalogue: catalogue,
                                         areaCode: areaCodes[action.area], caseStudies: studyIDs)
            if let other = firstFile[action.id] {
                problems.append(.error(path, parsed.lines["id"] ?? 1, "duplicate id \(action.id): also used by \(other)"))
            } else {
                firstFile[action.id] = path
            }
        }
        let areaIDs = Set(areas.map(\.0.id))
        for (study, parsed, _) in studies {
            problems += Validator.caseStudy(study, path: Self.caseStudyPath(study), lines: parsed.lines, items: parsed.itemLines,
                                            catalogue: catalogue, areas: areaIDs)
        }
        let actionIDs = Set(actions.map(\.0.id))
        for (meeting, parsed, _) in meetings {
            problems += Validator.meeting(meeting, path: Self.meetingPath(meeting), lines: parsed.lines, items: parsed.itemLines,
                                          actions: actionIDs)
        }

        // A file that could not be read properly is left out (and never rewritten); one whose
        // problem lies between files loads read-only. The rest of the store loads as usual.
        readOnly = Set(problems.filter { $0.severity == .error }.map(\.path)).subtracting(broken).union(notEditable)
        files = [:]
        actionPaths = [:]
        self.catalogue = catalogue
        self.areaCodes = areaCodes
        caseStudyIDs = studyIDs
        func remember(_ path: String, _ source: SourceDocument?, _ hash: UInt64, _ snapshot: LoadedFile.Snapshot) {
            if let source { files[path] = LoadedFile(source: source, hash: hash, snapshot: snapshot) }
        }
        var loadedActions: [Action] = []
        for (action, parsed, hash) in actions {
            let path = Self.actionPath(action)
            // Only the first file with an id is kept, so ids stay unique on screen.
            guard !broken.contains(path), firstFile[action.id] == path else { continue }
            remember(path, parsed.source, hash, .action(action, parsed.body))
            actionPaths[action.id] = path
            loadedActions.append(action)
        }
        var loadedAreas: [Area] = []
        for (area, parsed, hash) in areas where !broken.contains(Self.areaPath(area)) {
            remember(Self.areaPath(area), parsed.source, hash, .area(area))
            loadedAreas.append(area)
        }
        var loadedStudies: [CaseStudy] = []
        for (study, parsed, hash) in studies where !broken.contains(Self.caseStudyPath(study)) {
            remember(Self.caseStudyPath(study), parsed.source, hash, .caseStudy(study))
            loadedStudies.append(study)
        }
        var loadedMeetings: [Meeting] = []
        for (meeting, parsed, hash) in meetings where !broken.contains(Self.meetingPath(meeting)) {
            remember(Self.meetingPath(meeting), parsed.source, hash, .meeting(meeting))
            loadedMeetings.append(meeting)
        }
        loadedAreas.sort { ($0.name, $0.id) < ($1.name, $1.id) }
        let areaOrder = Dictionary(loadedAreas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        loadedActions.sort { (areaOrder[$0.area] ?? .max, $0.area, $0.id) < (areaOrder[$1.area] ?? .max, $1.area, $1.id) }
        loadedStudies.sort { ($0.title, $0.id) < ($1.title, $1.id) }
        loadedMeetings.sort { (areaOrder[$0.area] ?? .max, $0.area, $0.date, $0.id) < (areaOrder[$1.area] ?? .max, $1.area, $1.date, $1.id) }
        let partnership = Partnership(
            title: manifest.value?.title ?? "Pathfinder store", asOf: manifest.value?.asOf, catalogue: catalogue ?? Catalogue(),
            areas: loadedAreas, actions: loadedActions, caseStudies: loadedStudies, meetings: loadedMeetings)
        return LoadResult(partnership: partnership, problems: problems.sorted())
    }

    /// Every file a store holds that the program reads, in a stable order.
    static func storeFiles(_ root: String) -> [StoreFile] {
        let fm = FileManager.default
        func names(_ folder: String) -> [String] {
            ((try? fm.contentsOfDirectory(atPath: root + "/" + folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        }
        var files: [StoreFile] = []
        for area in names("areas") {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: "\(root)/areas/\(area)", isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            files.append(StoreFile(path: "areas/\(area)/area.md", kind: .area, folder: area, id: area))
            for (folder, kind) in [("actions", StoreFile.Kind.action), ("meetings", .meeting)] {
                for name in names("areas/\(area)/\(folder)") where name.hasSuffix(".md") {
                    files.append(StoreFile(path: "areas/\(area)/\(folder)/\(name)", kind: kind, folder: area, id: String(name.dropLast(3))))
                }
            }
        }
        for name in names("case-studies") where name.hasSuffix(".md") {
            files.append(StoreFile(path: "case-studies/\(name)", kind: .caseStudy, folder: "", id: String(name.dropLast(3))))
        }
        return files
    }

    // MARK: Rendering

    /// The text an action's file would have after saving it: the loaded file with only the
    /// changed lines replaced, or a canonical new file.
    public func render(_ action: Action) -> String {
        String(decoding: Self.bytes(action, over: files[Self.actionPath(action)]), as: UTF8.self)
    }

    public func render(_ area: Area) -> String {
        String(decoding: Self.bytes(area, over: files[Self.areaPath(area)]), as: UTF8.self)
    }

    public func render(_ study: CaseStudy) -> String {
        String(decoding: Self.bytes(study, over: files[Self.caseStudyPath(study)]), as: UTF8.self)
    }

    public func render(_ meeting: Meeting) -> String {
        String(decoding: Self.bytes(meeting, over: files[Self.meetingPath(meeting)]), as: UTF8.self)
    }

    static func bytes(_ action: Action, over loaded: LoadedFile?) -> [UInt8] {
        guard let loaded, case let .action(old, body) = loaded.snapshot else {
            return SourceDocument(blocks: MinimalRewrite.frontMatter(old: nil, newFields: CanonicalFields.action(action), order: []),
                                  body: MinimalRewrite.actionBody(old: nil, oldBodyText: nil, new: action), hasFrontMatter: true).bytes
        }
        if old == action { return loaded.source.bytes }
        var document = loaded.source
        document.blocks = MinimalRewrite.frontMatter(old: (loaded.source, CanonicalFields.action(old)),
                                                     newFields: CanonicalFields.action(action), order: CanonicalFields.actionOrder)
        document.body = MinimalRewrite.actionBody(old: body, oldBodyText: loaded.source.body, new: action)
        return document.bytes
    }

    /// Files whose body is one piece of Markdown.
    private static func plainBytes<T: Equatable>(_ value: T, old: T?, loaded: LoadedFile?, fields: (T) -> CanonicalFields.Fields,
                                                 order: [String], body: (T) -> String) -> [UInt8] {
        guard let loaded, let old else {
            return SourceDocument(blocks: MinimalRewrite.frontMatter(old: nil, newFields: fields(value), order: order),
                                  body: MinimalRewrite.plainBody(oldRaw: nil, oldText: nil, new: body(value)), hasFrontMatter: true).bytes
        }
        if old == value { return loaded.source.bytes }
        var document = loaded.source
        document.blocks = MinimalRewrite.frontMatter(old: (loaded.source, fields(old)), newFields: fields(value), order: order)
        document.body = MinimalRewrite.plainBody(oldRaw: loaded.source.body, oldText: body(old), new: body(value))
        return document.bytes
    }

    static func bytes(_ area: Area, over loaded: LoadedFile?) -> [UInt8] {
        var old: Area?
        if case let .area(a)? = loaded?.snapshot { old = a }
        return plainBytes(area, old: old, loaded: loaded, fields: CanonicalFields.area, order: CanonicalFields.areaOrder, body: \.narrative)
    }

    static func bytes(_ study: CaseStudy, over loaded: LoadedFile?) -> [UInt8] {
        var old: CaseStudy?
        if case let .caseStudy(s)? = loaded?.snapshot { old = s }
        return plainBytes(study, old: old, loaded: loaded, fields: CanonicalFields.caseStudy, order: CanonicalFields.caseStudyOrder, body: \.text)
    }

    static func bytes(_ meeting: Meeting, over loaded: LoadedFile?) -> [UInt8] {
        var old: Meeting?
        if case let .meeting(m)? = loaded?.snapshot { old = m }
        return plainBytes(meeting, old: old, loaded: loaded, fields: CanonicalFields.meeting, order: CanonicalFields.meetingOrder, body: \.notes)
    }

    // MARK: Saving

    /// Saves one action atomically, changing only the lines of the fields that changed.
    /// Refuses with `changedOnDisk` when the file is not what was loaded (someone else saved it
    /// meanwhile, created it, or deleted it) unless `overwrite` is set; with `hasProblems` when
    /// the file loaded with problems; with `wouldNotLoad` when the result would not load cleanly
    /// (an empty title, an unknown status). Returns whether anything was written.
    @discardableResult
    public func save(_ action: Action, overwrite: Bool = false) throws -> Bool {
        let path = Self.actionPath(action)
        try checkWritable(path)
        if let other = actionPaths[action.id], other != path {
            throw StoreError.invalid("\(action.id) is kept in \(other); moving an action to another area is not supported")
        }
        return try WriteLock.hold(store: rootPath) { try saveLocked(action, path: path, overwrite: overwrite) }
    }

    private func saveLocked(_ action: Action, path: String, overwrite: Bool) throws -> Bool {
        let written = try commitLocked(path: path, overwrite: overwrite, bytes: Self.bytes(action, over: files[path])) { bytes in
            let parsed = FileParser.action(bytes, path: path, area: action.area, fileID: action.id)
            var problems = parsed.problems
            if let value = parsed.value {
                problems += Validator.action(value, path: path, lines: parsed.lines, items: parsed.itemLines, catalogue: catalogue,
                                             areaCode: areaCodes[action.area], caseStudies: caseStudyIDs)
            }
            return (parsed.source, parsed.value.map { .action($0, parsed.body) }, problems)
        }
        actionPaths[action.id] = path
        return written
    }

    @discardableResult
    public func save(_ area: Area, overwrite: Bool = false) throws -> Bool {
        let path = Self.areaPath(area)
        try checkWritable(path)
        let others = Set(areaCodes.filter { $0.key != area.id }.values)
        return try WriteLock.hold(store: rootPath) {
            try commitLocked(path: path, overwrite: overwrite, bytes: Self.bytes(area, over: files[path])) { bytes in
                let parsed = FileParser.area(bytes, path: path, id: area.id)
                var problems = parsed.problems
                if others.contains(area.code) { problems.append(.error(path, parsed.lines["code"] ?? 1, "area code \(area.code) is already used")) }
                return (parsed.source, parsed.value.map { .area($0) }, problems)
            }
        }
    }

    @discardableResult
    public func save(_ study: CaseStudy, overwrite: Bool = false) throws -> Bool {
        let path = Self.caseStudyPath(study)
        try checkWritable(path)
        let areas = Set(areaCodes.keys)
        return try WriteLock.hold(store: rootPath) {
            try commitLocked(path: path, overwrite: overwrite, bytes: Self.bytes(study, over: files[path])) { bytes in
                let parsed = FileParser.caseStudy(bytes, path: path, id: study.id)
                var problems = parsed.problems
                if let value = parsed.value {
                    problems += Validator.caseStudy(value, path: path, lines: parsed.lines, items: parsed.itemLines,
                                                    catalogue: catalogue, areas: areas)
                }
                return (parsed.source, parsed.value.map { .caseStudy($0) }, problems)
            }
        }
    }

    /// Saves a meeting (links to actions are not checked here: a meeting may name an action
    /// created in the same session; `load` reports any that do not exist).
    @discardableResult
    public func save(_ meeting: Meeting, overwrite: Bool = false) throws -> Bool {
        let path = Self.meetingPath(meeting)
        try checkWritable(path)
        let file = path.split(separator: "/").last.map { String($0.dropLast(3)) } ?? ""
        return try WriteLock.hold(store: rootPath) {
            try commitLocked(path: path, overwrite: overwrite, bytes: Self.bytes(meeting, over: files[path])) { bytes in
                let parsed = FileParser.meeting(bytes, path: path, area: meeting.area, fileID: file)
                return (parsed.source, parsed.value.map { .meeting($0) }, parsed.problems)
            }
        }
    }

    private func checkWritable(_ path: String) throws {
        if readOnly.contains(path) { throw StoreError.hasProblems(path) }
    }

    /// The check-then-write at the heart of every save; the caller holds the write lock.
    /// `reparse` reads the new bytes back as the next load would, so nothing is written that
    /// would not load cleanly, and what is remembered is exactly what is on disk.
    private func commitLocked(path: String, overwrite: Bool, bytes: [UInt8],
                              reparse: ([UInt8]) -> (SourceDocument?, LoadedFile.Snapshot?, [Problem])) throws -> Bool {
        let full = rootPath + "/" + path
        let current = try AtomicFile.readIfPresent(full)
        if !overwrite {
            switch (files[path], current) {
            case let (loaded?, bytes?) where AtomicFile.hash(bytes) != loaded.hash: throw StoreError.changedOnDisk(path)
            case (_?, nil): throw StoreError.changedOnDisk(path)   // deleted by someone else
            case (nil, _?): throw StoreError.changedOnDisk(path)   // created by someone else
            default: break
            }
        }
        let (source, snapshot, problems) = reparse(bytes)
        if let problem = problems.sorted().first(where: { $0.severity == .error }) {
            throw StoreError.wouldNotLoad(path: path, problem: problem.description)
        }
        guard let source, let snapshot else { throw StoreError.wouldNotLoad(path: path, problem: "the file could not be read back") }
        if current == bytes {
            files[path] = LoadedFile(source: source, hash: AtomicFile.hash(bytes), snapshot: snapshot)
            return false
        }
        let folder = (full as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.writeFailed(path, error.localizedDescription)
        }
        try AtomicFile.write(bytes, to: full)
        files[path] = LoadedFile(source: source, hash: AtomicFile.hash(bytes), snapshot: snapshot)
        return true
    }

    // MARK: Creating

    /// Makes a new action in an area with a fresh id (docs/store-format.md) and saves it. The id
    /// avoids every id in the partnership, every id this store has loaded or saved, and every
    /// file in the area's folder at the moment of writing (under the write lock, so another
    /// process creating an action at the same time cannot take the same id).
    public func create(_ draft: Action, in partnership: Partnership,
                       random: (Int) -> Int = { Int.random(in: 0..<$0) }) throws -> Action {
        guard let area = partnership.area(draft.area) else { throw StoreError.invalid("no area \"\(draft.area)\" in the store") }
        guard !area.code.isEmpty else { throw StoreError.invalid("area \"\(area.id)\" has no code to make ids from") }
        var existing = Set(partnership.actions.map(\.id))
        for path in files.keys where path.hasPrefix("areas/") { existing.insert(String(path.split(separator: "/").last!.dropLast(3))) }
        return try WriteLock.hold(store: rootPath) {
            let folder = rootPath + "/areas/\(area.id)/actions"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".md") {
                existing.insert(String(name.dropLast(3)))
            }
            var action = draft
            action.id = ActionID.make(code: area.code, existing: existing, random: random)
            _ = try saveLocked(action, path: Self.actionPath(action), overwrite: false)
            return action
        }
    }

    /// Makes a new meeting file, `areas/<area>/meetings/<date>-<slug of title>.md` (with `-2`,
    /// `-3`... if that is taken), and returns it.
    public func createMeeting(area: String, date: Day, title: String, attendees: [String] = []) throws -> Meeting {
        guard areaCodes[area] != nil else { throw StoreError.invalid("no area \"\(area)\" in the store") }
        return try WriteLock.hold(store: rootPath) {
            let folder = rootPath + "/areas/\(area)/meetings"
            let taken = Set(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).map { String($0.dropLast(3)) })
                .union(files.keys.filter { $0.hasPrefix("areas/\(area)/meetings/") }.map { String($0.split(separator: "/").last!.dropLast(3)) })
            let base = date.iso + (Self.slug(title).isEmpty ? "" : "-" + Self.slug(title))
            var file = base
            var n = 2
            while taken.contains(file) {
                file = "\(base)-\(n)"
                n += 1
            }
            let meeting = Meeting(id: "\(area)/\(file)", area: area, date: date, title: title, attendees: attendees)
            let path = Self.meetingPath(meeting)
            _ = try commitLocked(path: path, overwrite: false, bytes: Self.bytes(meeting, over: nil)) { bytes in
                let parsed = FileParser.meeting(bytes, path: path, area: area, fileID: file)
                return (parsed.source, parsed.value.map { .meeting($0) }, parsed.problems)
            }
            return meeting
        }
    }

    /// Lowercase ASCII letters and digits joined by single dashes, at most 40 characters.
    static func slug(_ text: String) -> String {
        var out = ""
        for c in TextMatch.fold(text) {
            if c.isASCII, c.isLetter || c.isNumber {
                out.append(c)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > 40 {
            out = String(out.prefix(40))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out
    }

    // MARK: A new store

    /// Makes a new, empty store with the default catalogues (`DefaultCatalogue`) in a folder
    /// that is empty or absent: `pathfinder.yaml`, `areas/` and `case-studies/`.
    public static func initialise(at root: URL, title: String, catalogue: Catalogue = DefaultCatalogue.catalogue) throws {
        let fm = FileManager.default
        let path = root.standardizedFileURL.path
        if let contents = try? fm.contentsOfDirectory(atPath: path), !contents.isEmpty { throw StoreError.notEmpty(path) }
        do {
            try fm.createDirectory(atPath: path + "/areas", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: path + "/case-studies", withIntermediateDirectories: true)
        } catch {
            throw StoreError.writeFailed(path, "\(error.localizedDescription)")
        }
        try AtomicFile.write(CanonicalFields.manifest(title: title, asOf: nil, catalogue: catalogue), to: path + "/pathfinder.yaml")
    }
}

/// One file of a store to read, named by its place in the store.
struct StoreFile: Sendable {
    enum Kind: Sendable { case area, action, meeting, caseStudy }
    var path: String
    var kind: Kind
    /// The area folder it is in ("" for case studies).
    var folder: String
    /// The file name without `.md` (for an area.md, the area's folder name).
    var id: String
}

/// A parsed file of any kind, with the hash of the bytes it was parsed from.
struct ParsedFile: Sendable {
    enum Result: Sendable {
        case area(Parsed<Area>), action(Parsed<Action>), meeting(Parsed<Meeting>), caseStudy(Parsed<CaseStudy>)
        case unreadable
    }

    var path: String
    var result: Result
    var hash: UInt64
    var problems: [Problem]

    var hasValue: Bool {
        switch result {
        case let .area(p): p.value != nil
        case let .action(p): p.value != nil
        case let .meeting(p): p.value != nil
        case let .caseStudy(p): p.value != nil
        case .unreadable: false
        }
    }

    var editable: Bool {
        switch result {
        case let .area(p): p.editable
        case let .action(p): p.editable
        case let .meeting(p): p.editable
        case let .caseStudy(p): p.editable
        case .unreadable: false
        }
    }

    /// Parses bytes as the file they came from: a pure function of (file, bytes).
    static func parse(_ file: StoreFile, bytes: [UInt8]) -> ParsedFile {
        let hash = AtomicFile.hash(bytes)
        switch file.kind {
        case .area:
            let p = FileParser.area(bytes, path: file.path, id: file.id)
            return ParsedFile(path: file.path, result: .area(p), hash: hash, problems: p.problems)
        case .action:
            let p = FileParser.action(bytes, path: file.path, area: file.folder, fileID: file.id)
            return ParsedFile(path: file.path, result: .action(p), hash: hash, problems: p.problems)
        case .meeting:
            let p = FileParser.meeting(bytes, path: file.path, area: file.folder, fileID: file.id)
            return ParsedFile(path: file.path, result: .meeting(p), hash: hash, problems: p.problems)
        case .caseStudy:
            let p = FileParser.caseStudy(bytes, path: file.path, id: file.id)
            return ParsedFile(path: file.path, result: .caseStudy(p), hash: hash, problems: p.problems)
        }
    }

    static func read(_ file: StoreFile, root: String) -> ParsedFile {
        let bytes: [UInt8]?
        do {
            bytes = try AtomicFile.readIfPresent(root + "/" + file.path)
        } catch {
            return ParsedFile(path: file.path, result: .unreadable, hash: 0, problems: [.error(file.path, 1, "cannot read the file: \(error)")])
        }
        guard let bytes else {
            let message = file.kind == .area ? "missing area.md: every area folder needs one" : "the file disappeared while loading"
            return ParsedFile(path: file.path, result: .unreadable, hash: 0, problems: [.error(file.path, 1, message)])
        }
        return parse(file, bytes: bytes)
    }
}

/// Results written by index from parallel workers; each index is written by exactly one worker,
/// into memory allocated once, so no worker touches another's slot or any shared array header.
final class ResultBuffer<T: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(1, count))
        slots.initialize(repeating: nil, count: max(1, count))
    }

    deinit {
        slots.deinitialize(count: max(1, count))
        slots.deallocate()
    }

    subscript(i: Int) -> T? {
        get { slots[i] }
        set { slots[i] = newValue }
    }

    var values: [T?] { (0..<count).map { slots[$0] } }
}
