import Dispatch
import Foundation
import PathfinderModel

/// A loaded store: everything that could be read, and every problem found.
public struct LoadResult: Sendable {
    public var partnership: Partnership
    public var problems: [Problem]
    public init(partnership: Partnership, problems: [Problem]) {
        self.partnership = partnership
        self.problems = problems
    }
}

/// The plain-file store: a folder of Markdown files with YAML front matter (docs/store-format.md).
/// It remembers what each file held when loaded, so a save rewrites only the changed lines and
/// refuses to overwrite a file someone else changed meanwhile. Use from one thread.
public final class PlainFileStore {
    public let root: URL

    /// What an action file held when it was last read or written.
    struct Loaded {
        var source: SourceDocument
        var body: ActionBody?
        var hash: UInt64
        var action: Action
    }

    private var actionFiles: [String: Loaded] = [:]
    /// Files that loaded but have errors found across files (a dangling link, an unknown
    /// status): shown, but not rewritten until the problem is fixed.
    public private(set) var readOnly: Set<String> = []

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    var rootPath: String { root.path }

    /// Relative path of an action's file.
    public static func actionPath(_ action: Action) -> String { "areas/\(action.area)/actions/\(action.id).md" }

    // MARK: Loading

    public func load() throws -> LoadResult {
        let fm = FileManager.default
        let manifestPath = rootPath + "/pathfinder.yaml"
        guard fm.fileExists(atPath: manifestPath) else {
            var isDirectory: ObjCBool = false
            if !fm.fileExists(atPath: rootPath, isDirectory: &isDirectory) {
                throw StoreError.invalid("no store at \(rootPath): the folder does not exist")
            }
            throw StoreError.notAStore(rootPath)
        }
        let manifestText = try text(of: manifestPath)
        let manifest = FileParser.manifest(manifestText)
        var problems = manifest.problems
        if let m = manifest.value, m.format > FileParser.supportedFormat {
            throw StoreError.newerFormat(path: "pathfinder.yaml", found: m.format, supported: FileParser.supportedFormat)
        }
        let catalogue = manifest.value?.catalogue ?? Catalogue()

        // Every file to read, then read and parse them on all cores: parsing is most of the cost.
        enum Kind { case area, action, meeting, caseStudy }
        var files: [(path: String, kind: Kind, folder: String, id: String)] = []
        let areaIDs = ((try? fm.contentsOfDirectory(atPath: rootPath + "/areas")) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for area in areaIDs {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: "\(rootPath)/areas/\(area)", isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            files.append(("areas/\(area)/area.md", .area, area, area))
            for (folder, kind) in [("actions", Kind.action), ("meetings", Kind.meeting)] {
                let names = (try? fm.contentsOfDirectory(atPath: "\(rootPath)/areas/\(area)/\(folder)")) ?? []
                for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
                    files.append(("areas/\(area)/\(folder)/\(name)", kind, area, String(name.dropLast(3))))
                }
            }
        }
        for name in ((try? fm.contentsOfDirectory(atPath: rootPath + "/case-studies")) ?? []).sorted()
        where name.hasSuffix(".md") && !name.hasPrefix(".") {
            files.append(("case-studies/\(name)", .caseStudy, "", String(name.dropLast(3))))
        }

        enum Result: Sendable {
            case area(Parsed<Area>), action(Parsed<Action>, UInt64), meeting(Parsed<Meeting>), caseStudy(Parsed<CaseStudy>)
            case unreadable(Problem)
        }
        let results = ResultBuffer<Result>(count: files.count)
        let root = rootPath
        let list = files
        DispatchQueue.concurrentPerform(iterations: list.count) { i in
            let file = list[i]
            let path = root + "/" + file.path
            guard let bytes = try? AtomicFile.read(path) else {
                if file.kind == .area, !FileManager.default.fileExists(atPath: path) {
                    results[i] = .unreadable(.error(file.path, 1, "missing area.md: every area folder needs one"))
                } else {
                    results[i] = .unreadable(.error(file.path, 1, "cannot read the file"))
                }
                return
            }
            let text = String(decoding: bytes, as: UTF8.self)
            switch file.kind {
            case .area: results[i] = .area(FileParser.area(text, path: file.path, id: file.id))
            case .action: results[i] = .action(FileParser.action(text, path: file.path, area: file.folder, fileID: file.id), AtomicFile.hash(bytes))
            case .meeting: results[i] = .meeting(FileParser.meeting(text, path: file.path, area: file.folder, fileID: file.id))
            case .caseStudy: results[i] = .caseStudy(FileParser.caseStudy(text, path: file.path, id: file.id))
            }
        }

        var areas: [(Area, Parsed<Area>)] = []
        var actions: [(Action, Parsed<Action>, UInt64)] = []
        var meetings: [(Meeting, Parsed<Meeting>)] = []
        var studies: [(CaseStudy, Parsed<CaseStudy>)] = []
        var fileErrors = Set<String>()
        for result in results.values {
            switch result {
            case let .area(p): fileErrors.formUnion(p.problems.filter { $0.severity == .error }.map(\.path))
            case let .action(p, _): fileErrors.formUnion(p.problems.filter { $0.severity == .error }.map(\.path))
            case let .meeting(p): fileErrors.formUnion(p.problems.filter { $0.severity == .error }.map(\.path))
            case let .caseStudy(p): fileErrors.formUnion(p.problems.filter { $0.severity == .error }.map(\.path))
            case let .unreadable(problem): fileErrors.insert(problem.path)
            case nil: break
            }
        }
        for result in results.values {
            switch result {
            case let .area(p): problems += p.problems; if let v = p.value { areas.append((v, p)) }
            case let .action(p, hash): problems += p.problems; if let v = p.value { actions.append((v, p, hash)) }
            case let .meeting(p): problems += p.problems; if let v = p.value { meetings.append((v, p)) }
            case let .caseStudy(p): problems += p.problems; if let v = p.value { studies.append((v, p)) }
            case let .unreadable(problem): problems.append(problem)
            case nil: break
            }
        }

        // Checks across files.
        var codes: [String: String] = [:]
        for (area, parsed) in areas where !area.code.isEmpty {
            if let other = codes[area.code] {
                problems.append(.error("areas/\(area.id)/area.md", parsed.lines["code"] ?? 1, "area code \(area.code) is also used by \(other)"))
            } else {
                codes[area.code] = area.id
            }
        }
        let areaCodes = Dictionary(areas.map { ($0.0.id, $0.0.code) }, uniquingKeysWith: { a, _ in a })
        let studyIDs = Set(studies.map(\.0.id))
        var firstFile: [String: String] = [:]
        for (action, parsed, _) in actions {
            let path = PlainFileStore.actionPath(action)
            problems += Validator.action(action, path: path, lines: parsed.lines, items: parsed.itemLines, catalogue: catalogue,
                                         areaCode: areaCodes[action.area], caseStudies: studyIDs)
            if let other = firstFile[action.id] {
                problems.append(.error(path, parsed.lines["id"] ?? 1, "duplicate id \(action.id): also used by \(other)"))
            } else {
                firstFile[action.id] = path
            }
        }
        let areaIDSet = Set(areas.map(\.0.id))
        for (study, parsed) in studies {
            problems += Validator.caseStudy(study, path: "case-studies/\(study.id).md", lines: parsed.lines, catalogue: catalogue, areas: areaIDSet)
        }
        let actionIDs = Set(actions.map(\.0.id))
        for (meeting, parsed) in meetings {
            let file = meeting.id.split(separator: "/").last.map(String.init) ?? meeting.id
            problems += Validator.meeting(meeting, path: "areas/\(meeting.area)/meetings/\(file).md", items: parsed.itemLines, actions: actionIDs)
        }

        // A file that could not be read properly is left out (and never rewritten); one whose
        // problem lies between files loads read-only. The rest of the store loads as usual.
        let broken = fileErrors
        readOnly = Set(problems.filter { $0.severity == .error }.map(\.path)).subtracting(fileErrors)
        actionFiles = [:]
        var loadedActions: [Action] = []
        for (action, parsed, hash) in actions {
            let path = PlainFileStore.actionPath(action)
            guard !broken.contains(path), let source = parsed.source else { continue }
            // Only the first file with an id is kept, so ids stay unique on screen.
            guard firstFile[action.id] == path else { continue }
            actionFiles[path] = Loaded(source: source, body: parsed.body, hash: hash, action: action)
            loadedActions.append(action)
        }
        let loadedAreas = areas.map(\.0).filter { !broken.contains("areas/\($0.id)/area.md") }.sorted { $0.name < $1.name }
        let areaOrder = Dictionary(loadedAreas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        loadedActions.sort { (areaOrder[$0.area] ?? .max, $0.id) < (areaOrder[$1.area] ?? .max, $1.id) }
        let partnership = Partnership(
            title: manifest.value?.title ?? "Pathfinder store", asOf: manifest.value?.asOf, catalogue: catalogue,
            areas: loadedAreas, actions: loadedActions,
            caseStudies: studies.map(\.0).filter { !broken.contains("case-studies/\($0.id).md") }.sorted { $0.title < $1.title },
            meetings: meetings.map(\.0).sorted { ($0.area, $0.date) < ($1.area, $1.date) })
        return LoadResult(partnership: partnership, problems: problems.sorted())
    }

    private func text(of path: String) throws -> String {
        String(decoding: try AtomicFile.read(path), as: UTF8.self)
    }

    // MARK: Saving

    /// The text an action's file would have after saving it: the loaded file with only the
    /// changed lines replaced, or a canonical new file.
    public func render(_ action: Action) -> String {
        let path = PlainFileStore.actionPath(action)
        let loaded = actionFiles[path]
        let blocks = MinimalRewrite.frontMatter(old: loaded?.source, oldFields: loaded.map { CanonicalFields.action($0.action) },
                                                newFields: CanonicalFields.action(action), order: CanonicalFields.actionOrder)
        let body = MinimalRewrite.actionBody(old: loaded?.body, oldBodyText: loaded?.source.body, new: action)
        return SourceDocument(blocks: blocks, body: body, hasFrontMatter: true).text
    }

    /// Saves one action atomically. Refuses, with `changedOnDisk`, when the file is not what was
    /// loaded (someone else saved it meanwhile, or created it) unless `overwrite` is set.
    /// Returns whether anything was written (an unchanged action writes nothing).
    @discardableResult
    public func save(_ action: Action, overwrite: Bool = false) throws -> Bool {
        let path = PlainFileStore.actionPath(action)
        let full = rootPath + "/" + path
        if readOnly.contains(path) {
            throw StoreError.invalid("\(path) has problems to fix first (run `pathfinder check`); it was not changed")
        }
        let lock = try WriteLock(store: rootPath)
        _ = lock
        let current = try? AtomicFile.read(full)
        if !overwrite {
            switch (actionFiles[path], current) {
            case let (loaded?, bytes?) where AtomicFile.hash(bytes) != loaded.hash: throw StoreError.changedOnDisk(path)
            case (_?, nil): throw StoreError.changedOnDisk(path)   // deleted by someone else
            case (nil, _?): throw StoreError.changedOnDisk(path)   // created by someone else
            default: break
            }
        }
        let text = render(action)
        if let current, Array(text.utf8) == current { return false }
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try AtomicFile.write(text, to: full)
        let reparsed = FileParser.action(text, path: path, area: action.area, fileID: action.id)
        if let source = reparsed.source {
            actionFiles[path] = Loaded(source: source, body: reparsed.body, hash: AtomicFile.hash(text.utf8), action: reparsed.value ?? action)
        }
        return true
    }

    /// Makes a new action in an area with a fresh id (docs/store-format.md) and saves it.
    public func create(_ draft: Action, in partnership: Partnership) throws -> Action {
        guard let area = partnership.area(draft.area) else { throw StoreError.invalid("no area \"\(draft.area)\" in the store") }
        var existing = Set(partnership.actions.map(\.id))
        let folder = rootPath + "/areas/\(area.id)/actions"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".md") {
            existing.insert(String(name.dropLast(3)))
        }
        var action = draft
        action.id = ActionID.make(code: area.code, existing: existing)
        try save(action)
        return action
    }

    // MARK: A new store

    /// Makes a new, empty store with the default catalogues in a folder that is empty or absent.
    public static func initialise(at root: URL, title: String) throws {
        let fm = FileManager.default
        let path = root.standardizedFileURL.path
        if let contents = try? fm.contentsOfDirectory(atPath: path), !contents.isEmpty { throw StoreError.notEmpty(path) }
        do {
            try fm.createDirectory(atPath: path + "/areas", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: path + "/case-studies", withIntermediateDirectories: true)
        } catch {
            throw StoreError.writeFailed(path, "\(error.localizedDescription)")
        }
        try AtomicFile.write(DefaultCatalogue.manifest(title: title), to: path + "/pathfinder.yaml")
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
