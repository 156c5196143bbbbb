import Foundation
import PathfinderModel

// What a load keeps while it reads: its progress, and each file reduced to what the rest
// of the load needs (moved out of PlainFileStore.swift, which had grown past 600 lines).

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
