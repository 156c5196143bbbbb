import Foundation
import PathfinderModel

/// One field that changed between two versions of a file: who changed which field from what to
/// what is told with these.
public struct FieldChange: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// A value replaced by another.
        case changed
        /// A field that was empty or absent now has a value.
        case set
        /// A field that had a value is now empty or absent.
        case cleared
        /// An entry added to a list (a partner, a milestone).
        case added
        /// An entry removed from a list.
        case removed
    }

    /// The field as `pathfinder resolve` names it: `status`, `milestones[Survey sent].done`.
    public var field: String
    public var kind: Kind
    /// The old and new values for people (ids of statuses shown as words).
    public var old: String?
    public var new: String?

    /// In users' words: "status in progress -> done", "partners: added Age Concern".
    public var description: String {
        let name = field.replacingOccurrences(of: "-", with: " ")
        switch kind {
        case .changed: return "\(name) \(Self.short(old)) -> \(Self.short(new))"
        case .set: return "\(name) set to \(Self.short(new))"
        case .cleared: return "\(name) cleared"
        case .added: return "\(name): added \(Self.short(new))"
        case .removed: return "\(name): removed \(Self.short(old))"
        }
    }

    static func short(_ text: String?) -> String {
        let t = text ?? ""
        return t.count > 40 ? String(t.prefix(37)) + "…" : t
    }
}

/// What happened to one store file between two versions, in users' words.
public struct FileChange: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case created, changed, deleted
        case renamed(from: String)
    }

    /// Where the file is now (for a deleted file, where it was).
    public var path: String
    public var kind: Kind
    /// For an action, its id (`PO-03`); for an area, its folder name; otherwise the file's name.
    public var id: String
    /// The action's or case study's title, the area's name, the meeting's title.
    public var title: String
    /// The name of the area the file belongs to (from its area.md), if any.
    public var areaName: String?
    public var fields: [FieldChange]
    /// Progress notes new in this version.
    public var notesAdded: [ProgressEntry]
    public var notesRemoved: Int
    /// The description or other body text changed.
    public var textEdited: Bool

    /// Whether the file is an action.
    public var isAction: Bool { FileKind(path: path) == .action }

    /// One line: "Portsmouth PO-03: status in progress -> done; 2 progress notes".
    public var line: String {
        let name = subject
        switch kind {
        case .created:
            return isAction ? "\(name): new action “\(FieldChange.short(title))”" : "New \(noun) “\(FieldChange.short(title.isEmpty ? id : title))”"
        case .deleted:
            return isAction ? "\(name): deleted (“\(FieldChange.short(title))”)" : "Deleted \(noun) “\(FieldChange.short(title.isEmpty ? id : title))”"
        case let .renamed(from) where path.hasPrefix("trash/") && !from.hasPrefix("trash/"):
            return "\(name): moved to the trash"
        case let .renamed(from) where from.hasPrefix("trash/") && !path.hasPrefix("trash/"):
            return "\(name): restored from the trash"
        case let .renamed(from):
            let rest = details
            return "\(name): moved from \(from)" + (rest.isEmpty ? "" : "; " + rest.joined(separator: "; "))
        case .changed:
            let rest = details
            return "\(name): " + (rest.isEmpty ? "layout only" : rest.joined(separator: "; "))
        }
    }

    /// The parts of a change: each field, the notes, the text.
    public var details: [String] {
        var parts = fields.map(\.description)
        if textEdited { parts.append(FileKind(path: path) == .action ? "description edited" : "text edited") }
        if !notesAdded.isEmpty { parts.append("\(notesAdded.count) progress note\(notesAdded.count == 1 ? "" : "s")") }
        if notesRemoved > 0 { parts.append("\(notesRemoved) progress note\(notesRemoved == 1 ? "" : "s") removed") }
        return parts
    }

    private var noun: String {
        switch FileKind(path: path) {
        case .action: "action"
        case .area: "area"
        case .meeting: "meeting"
        case .caseStudy: "case study"
        case .organisation: "organisation"
        case .manifest: "catalogue"
        case .other: "file"
        }
    }

    private var subject: String {
        if path.hasPrefix("trash/"), FileKind(path: String(path.dropFirst(6))) == .action {
            return [areaName, id].compactMap { $0 }.joined(separator: " ")
        }
        switch FileKind(path: path) {
        case .action: return [areaName, id].compactMap { $0 }.joined(separator: " ")
        case .area: return "\(areaName ?? title) area"
        case .meeting: return "Meeting “\(FieldChange.short(title))”" + (areaName.map { " (\($0))" } ?? "")
        case .caseStudy: return "Case study “\(FieldChange.short(title))”"
        case .organisation: return "Organisation “\(FieldChange.short(title))”"
        case .manifest: return "Catalogues (pathfinder.yaml)"
        case .other: return path
        }
    }
}

/// Compares two versions of a store file field by field, through the store's own reader.
public enum FileChanges {
    /// Fields every save touches; reporting them would only repeat who saved and when.
    static let bookkeeping: Set<String> = ["updated", "updated-by"]

    /// The change from `old` (nil: the file did not exist) to `new` (nil: it was deleted).
    /// `areaName` names an area from its folder (e.g. "portsmouth" -> "Portsmouth").
    public static func describe(path: String, oldPath: String? = nil, old: [UInt8]?, new: [UInt8]?,
                                areaName: (String) -> String? = { _ in nil }) -> FileChange {
        let kind: FileChange.Kind = old == nil ? .created : new == nil ? .deleted : oldPath.map { $0 != path ? .renamed(from: $0) : .changed } ?? .changed
        let fileKind = FileKind(path: path)
        let manifest = fileKind == .manifest
        let before = old.flatMap { Side.read($0, path: oldPath ?? path, manifest: manifest) }
        let after = new.flatMap { Side.read($0, path: path, manifest: manifest) }
        let parts = path.split(separator: "/").map(String.init).drop { $0 == "trash" }.map { $0 }
        let folder = parts.count >= 2 && parts[0] == "areas" ? parts[1] : nil
        let fileName = String((parts.last ?? path).dropLast(path.hasSuffix(".md") ? 3 : 0))
        let latest = after ?? before
        var title = ""
        for key in ["title", "name"] { if title.isEmpty, let t = latest?.values[key]?.text { title = t } }
        var id = latest?.values["id"]?.text ?? fileName
        if fileKind == .area { id = folder ?? fileName }
        var change = FileChange(path: path, kind: kind, id: TerminalSafe.line(id), title: TerminalSafe.line(title),
                                areaName: folder.flatMap(areaName).map(TerminalSafe.line) ?? (fileKind == .area ? latest?.values["name"]?.text : nil),
                                fields: [], notesAdded: [], notesRemoved: 0, textEdited: false)
        guard kind != .created, kind != .deleted else {
            if kind == .created, fileKind == .action, let new {
                change.notesAdded = entries(new, path: path)
            }
            return change
        }
        guard let before, let after else {
            change.textEdited = old != new
            return change
        }
        var keys = before.keys
        for key in after.keys where !keys.contains(key) { keys.append(key) }
        for key in keys where !bookkeeping.contains(key) {
            change.fields += diff(before.values[key], after.values[key], at: [.key(key)])
        }
        if fileKind == .action {
            var ignored: [Problem] = []
            let a = FileParser.actionBody(before.document.body, path: path, firstLine: 1, problems: &ignored)
            let b = FileParser.actionBody(after.document.body, path: path, firstLine: 1, problems: &ignored)
            change.textEdited = a.description != b.description || a.trailing != b.trailing
            let oldEntries = Set(a.entries), newEntries = Set(b.entries)
            change.notesAdded = b.entries.filter { !oldEntries.contains($0) }
            change.notesRemoved = a.entries.filter { !newEntries.contains($0) }.count
        } else if !manifest {
            change.textEdited = FileParser.trimBlankLines(before.document.body) != FileParser.trimBlankLines(after.document.body)
        }
        return change
    }

    static func entries(_ bytes: [UInt8], path: String) -> [ProgressEntry] {
        guard let side = Side.read(bytes, path: path, manifest: false) else { return [] }
        var ignored: [Problem] = []
        return FileParser.actionBody(side.document.body, path: path, firstLine: 1, problems: &ignored).entries
    }

    /// The changes between two values of a field, recursing into records and matching list
    /// entries by what identifies them.
    static func diff(_ old: FieldValue?, _ new: FieldValue?, at location: [FieldStep]) -> [FieldChange] {
        if old == new { return [] }
        let field = location.fieldName
        func words(_ v: FieldValue?) -> String? { v.map { show($0, key: location.last) } }
        func empty(_ v: FieldValue?) -> Bool { v == nil || v == .text("") || v == .list([]) || v == .record([]) }
        if empty(old) { return [FieldChange(field: field, kind: .set, old: nil, new: words(new))] }
        if empty(new) { return [FieldChange(field: field, kind: .cleared, old: words(old), new: nil)] }
        switch (old!, new!) {
        case let (.record(a), .record(b)):
            var keys = a.map(\.key)
            for pair in b where !keys.contains(pair.key) { keys.append(pair.key) }
            return keys.flatMap { key in
                diff(a.first { $0.key == key }?.value, b.first { $0.key == key }?.value, at: location + [.key(key)])
            }
        case let (.list(a), .list(b)):
            var out: [FieldChange] = []
            var matched = Set<Int>()
            for item in a {
                if let i = b.indices.first(where: { !matched.contains($0) && b[$0] == item }) {
                    matched.insert(i)
                } else if item.pairs != nil, let identity = item.identity,
                          let i = b.indices.first(where: { !matched.contains($0) && b[$0].identity == identity && !a.contains(b[$0]) }) {
                    matched.insert(i)
                    out += diff(item, b[i], at: location + [.item(identity)])
                } else {
                    out.append(FieldChange(field: field, kind: .removed, old: show(item, key: location.last), new: nil))
                }
            }
            for (i, item) in b.enumerated() where !matched.contains(i) {
                out.append(FieldChange(field: field, kind: .added, old: nil, new: show(item, key: location.last)))
            }
            return out
        default:
            return [FieldChange(field: field, kind: .changed, old: words(old), new: words(new))]
        }
    }

    /// A value for people: a record by what identifies it, a status id as words.
    static func show(_ value: FieldValue, key: FieldStep?) -> String {
        if value.pairs != nil, let identity = value.identity { return TerminalSafe.line(identity) }
        if key == .key("status") || key == .key("theme"), let text = value.text {
            return TerminalSafe.line(text.replacingOccurrences(of: "-", with: " "))
        }
        return value.display
    }
}
