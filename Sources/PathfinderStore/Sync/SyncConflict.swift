import Foundation
import PathfinderModel

/// A decision a merge left for a person: the same field changed differently on two machines
/// (the file keeps the local value meanwhile), or a file deleted on one machine and edited on
/// the other (the edited file is kept meanwhile). Kept in `.pathfinder/conflicts.json`, which
/// is per machine and never synced.
public struct SyncConflict: Codable, Hashable, Sendable, Identifiable {
    public enum Kind: String, Codable, Sendable {
        /// The same field changed differently on both sides.
        case field
        /// Deleted (moved to trash) on one side and edited on the other: the edited file was kept.
        case deletedElsewhere = "deleted-elsewhere"
        case deletedHere = "deleted-here"
    }

    /// The file, relative to the store.
    public var path: String
    /// Where in the file: `status`, `indicator.current`, `milestones[Survey sent].done`,
    /// `description`, `text` (a body), or `file` for a deleted-and-edited file.
    public var field: String
    public var location: [FieldStep]
    public var kind: Kind
    public var base: FieldValue?
    /// The local value: what the file holds now.
    public var mine: FieldValue?
    /// The other machine's value.
    public var theirs: FieldValue?
    /// When the merge found it (ISO 8601).
    public var recorded: String

    public var id: String { "\(path)#\(field)" }

    public init(path: String, location: [FieldStep], kind: Kind = .field, base: FieldValue?, mine: FieldValue?,
                theirs: FieldValue?, recorded: Date = Date()) {
        self.path = path
        self.location = location
        field = kind == .field ? location.fieldName : "file"
        self.kind = kind
        self.base = base
        self.mine = mine
        self.theirs = theirs
        self.recorded = ISO8601DateFormatter().string(from: recorded)
    }

    /// One line for people: what clashed and what each side holds.
    public var summary: String {
        switch kind {
        case .field:
            return "\(path): \(field): kept yours “\(Self.show(mine))”; theirs “\(Self.show(theirs))”"
                + (base.map { "; before both “\(Self.show($0))”" } ?? "")
        case .deletedElsewhere:
            return "\(path): deleted on the other machine but edited here; your edited file was kept"
        case .deletedHere:
            return "\(path): deleted here but edited on the other machine; their edited file was kept"
        }
    }

    static func show(_ value: FieldValue?) -> String {
        guard let value else { return "(not set)" }
        let text = value.display
        return text.count > 60 ? String(text.prefix(57)) + "…" : text
    }
}

/// How a conflict is resolved.
public enum ConflictChoice: Sendable, Equatable {
    /// Keep the local value (what the file holds now); for a deleted-and-edited file, keep it.
    case mine
    /// Take the other machine's value; for a deleted-and-edited file, delete it as they did
    /// (an action goes to the trash, edit and all).
    case theirs
    /// A value typed by the user: text, or for a list a YAML flow list like `[a, b]`.
    case value(String)
}

/// The conflicts file, `.pathfinder/conflicts.json`: written atomically, merged with what is
/// already there (one record per file and field, the newest winning).
public enum ConflictLog {
    static func url(store root: URL) -> URL { root.appendingPathComponent(".pathfinder/conflicts.json") }

    /// The conflicts waiting for a decision, in path and field order.
    public static func load(store root: URL) throws -> [SyncConflict] {
        guard let bytes = try AtomicFile.readIfPresent(url(store: root).path, limit: .max), !bytes.isEmpty else { return [] }
        do {
            return try JSONDecoder().decode([SyncConflict].self, from: Data(bytes))
        } catch {
            throw StoreError.invalid("\(url(store: root).path) cannot be read (\(error.localizedDescription)); move it aside and sync again")
        }
    }

    /// Adds conflicts to the file (replacing any earlier record of the same file and field).
    public static func record(_ conflicts: [SyncConflict], store root: URL) throws {
        guard !conflicts.isEmpty else { return }
        var all = (try? load(store: root)) ?? []
        for conflict in conflicts {
            all.removeAll { $0.id == conflict.id }
            all.append(conflict)
        }
        try save(all, store: root)
    }

    static func save(_ conflicts: [SyncConflict], store root: URL) throws {
        let sorted = conflicts.sorted { ($0.path, $0.field) < ($1.path, $1.field) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(sorted)
        try StoreDisk(store: root).write(Array(data) + [0x0A], to: ".pathfinder/conflicts.json")
    }

    static func remove(_ conflict: SyncConflict, store root: URL) throws {
        var all = try load(store: root)
        all.removeAll { $0.id == conflict.id }
        try save(all, store: root)
    }
}

extension PlainFileStore {
    /// The conflicts the last merges left for a decision.
    public func conflicts() throws -> [SyncConflict] { try ConflictLog.load(store: root) }

    /// Resolves a conflict: writes the chosen value into the file through the store's own
    /// check-then-write (the file must be as loaded, the result must read cleanly, the write
    /// is atomic) and removes the record. Load the store first. Returns whether the file changed.
    @discardableResult
    public func resolve(_ conflict: SyncConflict, choosing choice: ConflictChoice) throws -> Bool {
        var changed = false
        switch conflict.kind {
        case .field:
            if choice != .mine { changed = try writeField(conflict, choice: choice) }
        case .deletedElsewhere, .deletedHere:
            if case .value = choice {
                throw StoreError.invalid("\(conflict.path): choose mine (keep the file) or theirs (delete it); a typed value does not apply")
            }
            if choice == .theirs, conflict.kind == .deletedElsewhere || conflict.kind == .deletedHere {
                changed = try deleteFile(conflict.path)
            }
        }
        try ConflictLog.remove(conflict, store: root)
        return changed
    }

    /// Resolves the conflict recorded for a file and field (as `pathfinder resolve` names them).
    @discardableResult
    public func resolve(path: String, field: String, choosing choice: ConflictChoice) throws -> Bool {
        let all = try conflicts()
        guard let conflict = all.first(where: { $0.path == path && $0.field == field }) else {
            let fields = all.filter { $0.path == path }.map(\.field)
            throw StoreError.invalid(fields.isEmpty ? "no conflict is recorded for \(path)"
                                     : "no conflict on \(field) in \(path); there is one on \(fields.joined(separator: ", "))")
        }
        return try resolve(conflict, choosing: choice)
    }

    private func writeField(_ conflict: SyncConflict, choice: ConflictChoice) throws -> Bool {
        let path = conflict.path
        let kind = FileKind(path: path)
        guard hashes[path] != nil else {
            if readOnly.contains(path) { throw StoreError.hasProblems(path) }
            throw StoreError.invalid("\(path) is not loaded: it is missing or could not be read (run `pathfinder check`)")
        }
        let value: FieldValue?
        switch choice {
        case .mine: return false
        case .theirs: value = conflict.theirs
        case let .value(text): value = try Self.typed(text, like: conflict.mine ?? conflict.theirs)
        }
        return try holdWriteLock {
            try commitLocked(path: path, overwrite: false, render: { current in
                guard let current else { return [] }
                return (try? Self.setting(conflict.location, to: value, in: current, path: path)) ?? current
            }, check: { kind.parseProblems($0, path: path) })
        }
    }

    /// A typed value as the kind of value the field holds: a list from `[a, b]` or commas.
    static func typed(_ text: String, like example: FieldValue?) throws -> FieldValue {
        var inner = text.trimmingCharacters(in: .whitespaces)
        let bracketed = inner.hasPrefix("[") && inner.hasSuffix("]")
        if case .record? = example, !bracketed {
            throw StoreError.invalid("this field has several parts; choose mine or theirs, then edit the file")
        }
        var isList = bracketed
        if case .list? = example { isList = true }
        guard isList else { return .text(text) }
        if bracketed { inner = String(inner.dropFirst().dropLast()) }
        let items = inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return .list(items.map { .text($0) })
    }

    private func deleteFile(_ path: String) throws -> Bool {
        if FileKind(path: path) == .action, FileManager.default.fileExists(atPath: rootPath + "/" + path) {
            // An action goes to the trash like any deletion, so the edit kept here can still be restored.
            let id = String((path.split(separator: "/").last ?? "").dropLast(3))
            try delete(actionID: id, in: try load().partnership)
            return true
        }
        return try holdWriteLock {
            guard try disk.remove(path) else { return false }
            hashes[path] = nil
            return true
        }
    }

    /// A file's bytes with one field (or the description/body text) set to a value; nil removes it.
    static func setting(_ location: [FieldStep], to value: FieldValue?, in bytes: [UInt8], path: String) throws -> [UInt8] {
        let manifest = FileKind(path: path) == .manifest
        guard var side = Side.read(bytes, path: path, manifest: manifest), case let .key(top)? = location.first else {
            throw StoreError.invalid("\(path) cannot be read field by field")
        }
        if location.count == 1, top == "description" || top == "text" || top == "sections", !manifest, side.values[top] == nil {
            return try settingBody(top, to: value?.text ?? "", in: bytes, side: side, path: path)
        }
        let current = side.values[top]
        let new = location.count == 1 ? value : try replacing(Array(location.dropFirst()), in: current, with: value)
        var blocks = side.document.blocks
        if let i = blocks.firstIndex(where: { $0.key == top }) {
            if let new {
                blocks[i].text = FieldWriter.block(top, new, flow: blocks[i].text.prefix { $0 != "\n" }.contains("["))
            } else {
                blocks.remove(at: i)
            }
        } else if let new {
            let at = blocks.lastIndex { $0.key != nil }.map { $0 + 1 } ?? blocks.count
            blocks.insert(SourceDocument.Block(key: top, text: FieldWriter.block(top, new, flow: false)), at: at)
        }
        if manifest {
            side.document.body = blocks.map(\.text).joined()
        } else {
            side.document.blocks = blocks
        }
        return side.document.bytes
    }

    /// An action file's bytes with one more progress note, in date order, the rest of the file
    /// kept as written.
    static func addingProgress(_ entry: ProgressEntry, to bytes: [UInt8], path: String) throws -> [UInt8] {
        guard let side = Side.read(bytes, path: path, manifest: false) else {
            throw StoreError.invalid("\(path) cannot be read field by field")
        }
        var document = side.document
        var ignored: [Problem] = []
        let body = FileParser.actionBody(side.document.body, path: path, firstLine: 1, problems: &ignored)
        var new = Action(id: "", area: "", title: "", description: body.description, progress: ProgressLog(body.entries))
        new.addProgress(entry)
        document.body = MinimalRewrite.actionBody(old: body, oldBodyText: side.document.body, new: new)
        return document.bytes
    }

    private static func settingBody(_ part: String, to text: String, in bytes: [UInt8], side: Side, path: String) throws -> [UInt8] {
        var document = side.document
        if FileKind(path: path) == .action {
            var ignored: [Problem] = []
            let body = FileParser.actionBody(side.document.body, path: path, firstLine: 1, problems: &ignored)
            if part == "sections" {
                document.body = String(side.document.body[..<body.trailing.startIndex]) + text
            } else {
                let new = Action(id: "", area: "", title: "", description: text, progress: ProgressLog(body.entries))
                document.body = MinimalRewrite.actionBody(old: body, oldBodyText: side.document.body, new: new)
            }
        } else {
            let trimmed = FileParser.trimBlankLines(text)
            document.body = trimmed.isEmpty ? "" : "\n" + trimmed + "\n"
        }
        return document.bytes
    }

    /// A nested value with the part at `location` replaced (nil removes it).
    static func replacing(_ location: [FieldStep], in value: FieldValue?, with new: FieldValue?) throws -> FieldValue? {
        guard let step = location.first else { return new }
        let rest = Array(location.dropFirst())
        switch (step, value) {
        case let (.key(key), .record(pairs)?):
            var out = pairs
            if let i = out.firstIndex(where: { $0.key == key }) {
                if let v = try replacing(rest, in: out[i].value, with: new) { out[i].value = v } else { out.remove(at: i) }
            } else if let v = try replacing(rest, in: nil, with: new) {
                out.append(FieldPair(key: key, value: v))
            }
            return .record(out)
        case let (.key(key), nil):
            return try replacing(rest, in: nil, with: new).map { .record([FieldPair(key: key, value: $0)]) }
        case let (.item(identity), .list(items)?):
            var out = items
            guard let i = out.firstIndex(where: { $0.identity == identity }) else {
                if let v = try replacing(rest, in: nil, with: new) { out.append(v) }
                return .list(out)
            }
            if let v = try replacing(rest, in: out[i], with: new) { out[i] = v } else { out.remove(at: i) }
            return .list(out)
        default:
            throw StoreError.invalid("the field \(location.fieldName) is no longer shaped as it was when the conflict was recorded")
        }
    }
}
