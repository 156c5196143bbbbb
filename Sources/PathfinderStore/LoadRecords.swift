import Foundation
import PathfinderModel

// What a load keeps while it reads: its progress, the files it lists and parses, and each
// file reduced to what the rest of the load needs (moved out of PlainFileStore.swift, which
// had grown past 600 lines).

/// How far a load has got: files read of the files listed. Shared with the thread that reads,
/// so it is locked; a screen asks for `fraction` a few times a second.
public final class ReadProgress: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var total = 0

    public init() {}

    func start(total: Int) { lock.withLock { (done, self.total) = (0, total) } }
    func add(_ files: Int) { lock.withLock { done += files } }
    func finish() { lock.withLock { done = total } }

    /// From 0 to 1; nil before the files are listed.
    public var fraction: Double? {
        lock.withLock { total > 0 ? min(1, Double(done) / Double(total)) : nil }
    }
}

/// A parsed file reduced to what the rest of a load needs.
struct LoadedEntry<Value: Sendable> {
    var path: String
    var value: Value?
    var problems: [Problem]
    var hash: UInt64
    /// The file has errors of its own (or could not be read): it is left out and never rewritten.
    var broken: Bool
    var editable: Bool
    var lines: [String: Int]
    var itemLines: [String: [Int]]

    init(_ file: ParsedFile, _ parsed: Parsed<Value>) {
        path = file.path
        value = parsed.value
        problems = file.problems
        hash = file.hash
        broken = parsed.value == nil || parsed.problems.contains { $0.severity == .error }
        editable = parsed.editable
        lines = parsed.lines
        itemLines = parsed.itemLines
    }
}

/// What a load keeps about an action's file beside the action itself.
struct ActionFile: Sendable {
    var path: String
    var problems: [Problem]
    var hash: UInt64
    /// The file gave an action (possibly with errors); false for one that could not be read or
    /// parsed at all, whose slot holds `ActionFile.none`.
    var hasValue = false
    /// The file has errors of its own: it is left out and never rewritten.
    var broken = false
    var editable = true
    var idLine = 1
    /// The lines of the `depends-on` entries (empty for the many actions with none).
    var dependsOnLines: [Int] = []
    /// One area's read: where the lead body and partners are, to warn about a name after the
    /// parse (a full load warns during it and keeps none).
    var organisationLines: OrganisationLines?

    struct OrganisationLines: Sendable {
        var lines: [String: Int]
        var items: [String: [Int]]

        init(_ parsed: Parsed<Action>) {
            lines = parsed.lines.filter { $0.key == "lead-body" || $0.key == "partners" }
            items = parsed.itemLines.filter { $0.key == "partners" }
        }
    }

    /// Where an action that did not load would be: nothing to allocate.
    static let none = Action(id: "", area: "", title: "")

    init(path: String, problems: [Problem], hash: UInt64) {
        self.path = path
        self.problems = problems
        self.hash = hash
    }

    init(path: String, problems: [Problem], hash: UInt64, parsed: Parsed<Action>) {
        self.init(path: path, problems: problems, hash: hash)
        hasValue = parsed.value != nil
        broken = parsed.value == nil || parsed.problems.contains { $0.severity == .error }
        editable = parsed.editable
        idLine = parsed.lines["id"] ?? 1
        if parsed.value?.dependsOn.isEmpty == false {
            let items = parsed.itemLines["depends-on"] ?? []
            dependsOnLines = items.isEmpty ? [parsed.lines["depends-on"] ?? 1] : items
        }
    }
}

/// One file of a store to read, named by its place in the store.
struct StoreFile: Sendable {
    enum Kind: Sendable { case area, action, meeting, caseStudy, organisation, fundingAgreement }
    var path: String
    var kind: Kind
    /// The area folder it is in ("" for case studies and organisations).
    var folder: String
    /// The file name without `.md` (for an area.md, the area's folder name).
    var id: String
}

/// A parsed file of any kind, with the hash of the bytes it was parsed from.
struct ParsedFile: Sendable {
    enum Result: Sendable {
        case area(Parsed<Area>), action(Parsed<Action>), meeting(Parsed<Meeting>), caseStudy(Parsed<CaseStudy>)
        case organisation(Parsed<Organisation>)
        case fundingAgreement(Parsed<FundingAgreement>)
        case unreadable
    }

    var path: String
    var result: Result
    var hash: UInt64
    var problems: [Problem]

    /// Parses bytes as the file they came from: a pure function of (file, bytes). Keeps what a
    /// load needs (values, problems, lines), not the text: saves read the file again.
    static func parse(_ file: StoreFile, bytes: [UInt8], shared: SharedText? = nil) -> ParsedFile {
        let hash = AtomicFile.hash(bytes)
        func lean<T>(_ p: Parsed<T>) -> Parsed<T> {
            var p = p
            p.source = nil
            p.body = nil
            return p
        }
        switch file.kind {
        case .area:
            let p = lean(FileParser.area(bytes, path: file.path, id: file.id, editing: false))
            return ParsedFile(path: file.path, result: .area(p), hash: hash, problems: p.problems)
        case .action:
            var p = lean(FileParser.action(bytes, path: file.path, area: file.folder, fileID: file.id, editing: false))
            if let shared, p.value != nil { shared.share(&p.value!) }
            return ParsedFile(path: file.path, result: .action(p), hash: hash, problems: p.problems)
        case .meeting:
            let p = lean(FileParser.meeting(bytes, path: file.path, area: file.folder, fileID: file.id, editing: false))
            return ParsedFile(path: file.path, result: .meeting(p), hash: hash, problems: p.problems)
        case .caseStudy:
            let p = lean(FileParser.caseStudy(bytes, path: file.path, id: file.id, editing: false))
            return ParsedFile(path: file.path, result: .caseStudy(p), hash: hash, problems: p.problems)
        case .organisation:
            let p = lean(FileParser.organisation(bytes, path: file.path, id: file.id, editing: false))
            return ParsedFile(path: file.path, result: .organisation(p), hash: hash, problems: p.problems)
        case .fundingAgreement:
            let p = lean(FileParser.fundingAgreement(bytes, path: file.path, id: file.id, editing: false))
            return ParsedFile(path: file.path, result: .fundingAgreement(p), hash: hash, problems: p.problems)
        }
    }

    static func read(_ file: StoreFile, root: String, shared: SharedText? = nil) -> ParsedFile {
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
        return parse(file, bytes: bytes, shared: shared)
    }
}

