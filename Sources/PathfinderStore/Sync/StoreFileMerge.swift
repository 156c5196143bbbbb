import Foundation
import PathfinderModel

/// One step into a file's fields: a top-level or nested field by name, or an entry of a list
/// by what identifies it (a milestone by its title).
public enum FieldStep: Hashable, Sendable, Codable {
    case key(String)
    case item(String)

    // {"key": "status"} or {"item": "Survey sent"} in conflicts.json.
    private enum Keys: String, CodingKey { case key, item }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        if let key = try container.decodeIfPresent(String.self, forKey: .key) {
            self = .key(key)
        } else {
            self = .item(try container.decode(String.self, forKey: .item))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case let .key(key): try container.encode(key, forKey: .key)
        case let .item(item): try container.encode(item, forKey: .item)
        }
    }
}

extension [FieldStep] {
    /// The field as people type it: `status`, `indicator.current`, `milestones[Survey sent].done`.
    public var fieldName: String {
        var out = ""
        for step in self {
            switch step {
            case let .key(k): out += out.isEmpty ? k : "." + k
            case let .item(id): out += "[\(id)]"
            }
        }
        return out
    }
}

/// The same field changed differently on both sides of a merge.
public struct FieldConflict: Hashable, Sendable {
    public var location: [FieldStep]
    public var base: FieldValue?
    public var mine: FieldValue?
    public var theirs: FieldValue?
}

/// A three-way merge of plain text: the merged text, or nil when both sides changed the same lines.
public typealias TextMerge = @Sendable (_ base: String, _ mine: String, _ theirs: String) -> String?

/// The three-way merge of one store file (an action, area, case study, meeting or the
/// manifest) that the `pathfinder` merge driver performs.
///
/// Front matter is merged field by field, by key, so it works for fields the program does not
/// know: a field changed on one side takes that side's value; records merge field by field;
/// lists merge as unions (an entry removed on one side stays removed, an entry changed on one
/// side takes the change, new entries from the other side are added in date order where they
/// have one). `updated` and `reviewed` take the later day and `updated-by` goes with `updated`.
/// A field changed differently on both sides keeps our (local) value and is reported as a
/// `FieldConflict`. Progress entries merge as a union in date order (identical entries once);
/// the description and other body text merge three-way by lines, a clash keeping ours.
///
/// Unchanged fields keep their lines byte for byte from our file; fields taken from theirs keep
/// theirs; only fields whose merged value is new are written by the canonical writer.
public enum StoreFileMerge {
    public enum Outcome: Sendable {
        /// The merged file, and the fields that clashed (kept as ours).
        case merged(text: [UInt8], conflicts: [FieldConflict])
        /// An action created on both sides with one id (an empty base): ours is kept as it is
        /// and theirs must be written under a fresh id once the merge is done.
        case keepBoth(theirs: [UInt8])
        /// Not a file the merge can read (syntax errors, not UTF-8, not field per line).
        case unreadable(String)
    }

    /// Merges three versions of the file at `path` (relative to the store). An empty base means
    /// the file was added on both sides.
    public static func merge(base: [UInt8], mine: [UInt8], theirs: [UInt8], path: String,
                             textMerge: TextMerge = LineMerge.merge) -> Outcome {
        let manifest = path == "pathfinder.yaml" || path.hasSuffix("/pathfinder.yaml")
        guard let ours = Side.read(mine, path: path, manifest: manifest) else { return .unreadable("\(path): our version does not read as fields") }
        guard let other = Side.read(theirs, path: path, manifest: manifest) else { return .unreadable("\(path): their version does not read as fields") }
        let original = base.isEmpty ? Side.empty : (Side.read(base, path: path, manifest: manifest) ?? Side.empty)
        let isAction = FileKind(path: path) == .action
        if isAction, base.isEmpty, let id = ours.values["id"], id == other.values["id"], ours.values["title"] != other.values["title"] {
            return .keepBoth(theirs: theirs)
        }

        var conflicts: [FieldConflict] = []
        var merger = ValueMerger()
        // Front matter, field by field.
        var keys = ours.keys
        for key in other.keys where !keys.contains(key) { keys.append(key) }
        var merged: [String: FieldValue] = [:]
        for key in keys {
            let b = original.values[key], o = ours.values[key], t = other.values[key]
            if let special = latest(key: key, base: original, ours: ours, theirs: other) {
                merged[key] = special
                continue
            }
            if let value = merger.merge(b, o, t, at: [.key(key)]) { merged[key] = value }
        }
        conflicts += merger.conflicts

        var blocks: [SourceDocument.Block] = []
        for block in ours.document.blocks {
            guard let key = block.key else { blocks.append(block); continue }
            guard let value = merged[key] else { continue }
            if value == ours.values[key] {
                blocks.append(block)
            } else if value == other.values[key], let text = other.blockText[key] {
                blocks.append(SourceDocument.Block(key: key, text: text))
            } else {
                blocks.append(SourceDocument.Block(key: key, text: FieldWriter.block(key, value, flow: isFlow(block.text))))
            }
        }
        // Fields only theirs has go after the field that precedes them in their file.
        for (index, key) in other.keys.enumerated() where ours.values[key] == nil {
            guard let value = merged[key] else { continue }
            let text = value == other.values[key] ? other.blockText[key] ?? FieldWriter.block(key, value, flow: false)
                : FieldWriter.block(key, value, flow: false)
            let before = Set(other.keys.prefix(index))
            let at = blocks.lastIndex { $0.key.map(before.contains) ?? false }.map { $0 + 1 }
                ?? (blocks.firstIndex { $0.key != nil } ?? blocks.count)
            blocks.insert(SourceDocument.Block(key: key, text: text), at: at)
        }

        blocks = withTheirComments(blocks, base: original, ours: ours, theirs: other)

        var document = ours.document
        document.blocks = blocks
        if manifest {
            document.body = blocks.map(\.text).joined()
            document.blocks = []
        } else if isAction {
            document.body = actionBody(original, ours, other, path: path, textMerge: textMerge, conflicts: &conflicts)
        } else if let body = textMerge(original.document.body, ours.document.body, other.document.body) {
            document.body = body
        } else {
            document.body = ours.document.body
            conflicts.append(FieldConflict(location: [.key("text")], base: .text(original.document.body),
                                           mine: .text(ours.document.body), theirs: .text(other.document.body)))
        }
        let bytes = document.bytes

        // A merge never makes a file that reads worse than ours: if it would, ours is kept and
        // every field theirs changed is reported.
        if errorCount(bytes, path: path) > errorCount(mine, path: path) {
            var all: [FieldConflict] = []
            for key in keys where other.values[key] != ours.values[key] && other.values[key] != original.values[key] {
                all.append(FieldConflict(location: [.key(key)], base: original.values[key], mine: ours.values[key], theirs: other.values[key]))
            }
            return .merged(text: mine, conflicts: all)
        }
        return .merged(text: bytes, conflicts: conflicts)
    }

    /// `updated` and `reviewed` take the later day; `updated-by` follows `updated`.
    private static func latest(key: String, base: Side, ours: Side, theirs: Side) -> FieldValue?? {
        func day(_ side: Side, _ k: String) -> Day? { side.values[k]?.text.flatMap { Day(iso: $0) } }
        switch key {
        case "updated", "reviewed":
            guard let o = day(ours, key), let t = day(theirs, key) else { return nil }
            return .some(.text((t > o ? t : o).iso))
        case "updated-by":
            guard let o = day(ours, "updated"), let t = day(theirs, "updated"), ours.values[key] != theirs.values[key] else { return nil }
            return .some(t > o ? theirs.values[key] : ours.values[key])
        default:
            return nil
        }
    }

    /// Comment lines only their file has (new on their side) go after the field they follow there.
    private static func withTheirComments(_ blocks: [SourceDocument.Block], base: Side, ours: Side, theirs: Side) -> [SourceDocument.Block] {
        let known = Set(ours.document.blocks.map(\.text)).union(base.document.blocks.map(\.text))
        var out = blocks
        var previous: String?
        var pending = ""
        func flush() {
            guard !pending.isEmpty else { return }
            let at = previous.flatMap { key in out.firstIndex { $0.key == key }.map { $0 + 1 } }
                ?? (out.firstIndex { $0.key != nil } ?? out.count)
            out.insert(SourceDocument.Block(key: nil, text: pending), at: at)
            pending = ""
        }
        for block in theirs.document.blocks {
            if let key = block.key {
                flush()
                previous = key
            } else if block.text.hasPrefix("#"), !known.contains(block.text) {
                pending += block.text
            }
        }
        flush()
        return out
    }

    private static func isFlow(_ block: String) -> Bool {
        let first = block.prefix { $0 != "\n" }
        return first.contains("[")
    }

    static func errorCount(_ bytes: [UInt8], path: String) -> Int {
        FileKind(path: path).parseProblems(bytes, path: path).filter { $0.severity == .error }.count
    }

    // MARK: Action bodies

    private static func actionBody(_ base: Side, _ ours: Side, _ theirs: Side, path: String, textMerge: TextMerge,
                                   conflicts: inout [FieldConflict]) -> String {
        var ignored: [Problem] = []
        let b = FileParser.actionBody(base.document.body, path: path, firstLine: 1, problems: &ignored)
        let o = FileParser.actionBody(ours.document.body, path: path, firstLine: 1, problems: &ignored)
        let t = FileParser.actionBody(theirs.document.body, path: path, firstLine: 1, problems: &ignored)
        var description = o.description
        if let text = textMerge(b.description, o.description, t.description) {
            description = text
        } else {
            conflicts.append(FieldConflict(location: [.key("description")], base: .text(b.description),
                                           mine: .text(o.description), theirs: .text(t.description)))
        }
        let entries = mergeEntries(base: b.entries, mine: o.entries, theirs: t.entries)
        var trailing = String(o.trailing)
        if let text = textMerge(String(b.trailing), String(o.trailing), String(t.trailing)) {
            trailing = text
        } else {
            conflicts.append(FieldConflict(location: [.key("sections")], base: .text(String(b.trailing)),
                                           mine: .text(String(o.trailing)), theirs: .text(String(t.trailing))))
        }
        let body = ours.document.body
        if description == o.description, entries == o.entries {
            return trailing == String(o.trailing) ? body : String(body[..<o.trailing.startIndex]) + trailing
        }
        var old = o
        old.trailing = Substring(trailing)
        let new = Action(id: "", area: "", title: "", description: description, progress: ProgressLog(entries))
        return MinimalRewrite.actionBody(old: old, oldBodyText: body, new: new)
    }

    /// Progress entries: ours in order; an entry theirs removed stays removed and one theirs
    /// edited (same day and author) takes the edit; entries new on their side are added in
    /// date order; identical entries appear once; when both edited one entry, both are kept.
    static func mergeEntries(base: [ProgressEntry], mine: [ProgressEntry], theirs: [ProgressEntry]) -> [ProgressEntry] {
        let baseSet = Set(base), mineSet = Set(mine), theirSet = Set(theirs)
        var used = Set<Int>()
        var result: [ProgressEntry] = []
        for entry in mine {
            if theirSet.contains(entry) || !baseSet.contains(entry) {
                result.append(entry)
                continue
            }
            // Theirs removed or edited this entry.
            if let i = theirs.indices.first(where: { !used.contains($0) && theirs[$0].date == entry.date && theirs[$0].author == entry.author
                && !baseSet.contains(theirs[$0]) && !mineSet.contains(theirs[$0]) }) {
                used.insert(i)
                result.append(theirs[i])
            }
        }
        for (i, entry) in theirs.enumerated() where !used.contains(i) && !mineSet.contains(entry) && !baseSet.contains(entry) {
            let at = result.firstIndex { $0.date > entry.date } ?? result.count
            result.insert(entry, at: at)
        }
        var seen = Set<ProgressEntry>()
        // Date order, oldest first, as the file keeps them; entries of one day keep their order.
        return result.filter { seen.insert($0).inserted }.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }
}

/// The kinds of store file, from where a file lives in the store.
enum FileKind {
    case manifest, area, action, meeting, caseStudy, organisation, other

    init(path: String) {
        let parts = path.split(separator: "/").map(String.init)
        if parts == ["pathfinder.yaml"] { self = .manifest }
        else if parts.count == 3, parts[0] == "areas", parts[2] == "area.md" { self = .area }
        else if parts.count == 4, parts[0] == "areas", parts[2] == "actions", parts[3].hasSuffix(".md") { self = .action }
        else if parts.count == 4, parts[0] == "areas", parts[2] == "meetings", parts[3].hasSuffix(".md") { self = .meeting }
        else if parts.count == 2, parts[0] == "case-studies", parts[1].hasSuffix(".md") { self = .caseStudy }
        else if parts.count == 2, parts[0] == "organisations", parts[1].hasSuffix(".md") { self = .organisation }
        else { self = .other }
    }

    /// The problems the store's parser finds in a file of this kind on its own.
    func parseProblems(_ bytes: [UInt8], path: String) -> [Problem] {
        let parts = path.split(separator: "/").map(String.init)
        let file = String((parts.last ?? "").dropLast(path.hasSuffix(".md") ? 3 : 0))
        switch self {
        case .manifest: return FileParser.manifest(bytes, path: path).problems
        case .area: return FileParser.area(bytes, path: path, id: parts[1]).problems
        case .action: return FileParser.action(bytes, path: path, area: parts[1], fileID: file).problems
        case .meeting: return FileParser.meeting(bytes, path: path, area: parts[1], fileID: file).problems
        case .caseStudy: return FileParser.caseStudy(bytes, path: path, id: file).problems
        case .organisation: return FileParser.organisation(bytes, path: path, id: file).problems
        case .other: return FileParser.open(bytes, path: path).2
        }
    }
}

/// One version of a file as the merge reads it: its front matter cut into fields (through the
/// store's own reader) and each field's value.
struct Side {
    var document: SourceDocument
    var keys: [String]
    var values: [String: FieldValue]
    var blockText: [String: String]

    static let empty = Side(document: SourceDocument(blocks: [], body: "", hasFrontMatter: true), keys: [], values: [:], blockText: [:])

    static func read(_ bytes: [UInt8], path: String, manifest: Bool) -> Side? {
        // A side too big to be a store file (maybe read only in part) is left to git's line merge.
        guard bytes.count <= FileLimits.maximumBytes else { return nil }
        let document: SourceDocument
        let reader: FieldReader
        if manifest {
            guard let (text, crlf, bom) = SourceDocument.decode(bytes), let node = try? FrontMatterYAML.parse(text) ?? YNode(kind: .mapping([]), line: 1, column: 1),
                  node.mapping != nil else { return nil }
            var doc = SourceDocument(blocks: [SourceDocument.Block(key: nil, text: text)], body: "", hasFrontMatter: true)
            doc.crlf = crlf
            doc.bom = bom
            reader = FieldReader(path: path, node: node, lineOffset: 0)
            if text.isEmpty { doc.blocks = [] } else if !doc.recut(keys: reader.keyMarks) { return nil }
            doc.hasFrontMatter = false
            document = doc
        } else {
            let (doc, r, problems, editable) = FileParser.open(bytes, path: path)
            guard let doc, let r, problems.isEmpty, editable else { return nil }
            document = doc
            reader = r
        }
        var values: [String: FieldValue] = [:]
        for key in reader.keys {
            guard values[key] == nil, let node = reader.node(key), let value = FieldValue(node) else { return nil }
            values[key] = value
        }
        var texts: [String: String] = [:]
        for block in document.blocks { if let key = block.key { texts[key] = block.text } }
        return Side(document: document, keys: reader.keys, values: values, blockText: texts)
    }
}

/// The generic three-way merge of field values, collecting conflicts.
struct ValueMerger {
    var conflicts: [FieldConflict] = []

    mutating func merge(_ b: FieldValue?, _ o: FieldValue?, _ t: FieldValue?, at location: [FieldStep]) -> FieldValue? {
        if o == t { return o }
        if b == o { return t }
        if b == t { return o }
        if case let .record(op)? = o, case let .record(tp)? = t {
            let bp = b?.pairs ?? []
            var keys = op.map(\.key)
            for pair in tp where !keys.contains(pair.key) { keys.append(pair.key) }
            var out: [FieldPair] = []
            for key in keys {
                let value = merge(bp.first { $0.key == key }?.value, op.first { $0.key == key }?.value,
                                  tp.first { $0.key == key }?.value, at: location + [.key(key)])
                if let value { out.append(FieldPair(key: key, value: value)) }
            }
            return .record(out)
        }
        if case let .list(oi)? = o, case let .list(ti)? = t {
            return .list(mergeList(base: b?.items ?? [], mine: oi, theirs: ti, at: location))
        }
        conflicts.append(FieldConflict(location: location, base: b, mine: o, theirs: t))
        return o
    }

    /// Lists as unions: see `StoreFileMerge`.
    mutating func mergeList(base: [FieldValue], mine: [FieldValue], theirs: [FieldValue], at location: [FieldStep]) -> [FieldValue] {
        var used = Set<Int>()
        var result: [FieldValue] = []
        func theirsChanged(_ identity: String?) -> Int? {
            guard let identity else { return nil }
            return theirs.indices.first { !used.contains($0) && theirs[$0].identity == identity && !base.contains(theirs[$0]) && !mine.contains(theirs[$0]) }
        }
        for item in mine {
            if let i = theirs.indices.first(where: { !used.contains($0) && theirs[$0] == item }) {
                used.insert(i)
                result.append(item)
            } else if base.contains(item) {
                // Theirs removed it, or changed it: take the change.
                if let i = theirsChanged(item.identity) {
                    used.insert(i)
                    result.append(theirs[i])
                }
            } else if let identity = item.identity, let original = base.first(where: { $0.identity == identity }),
                      let i = theirsChanged(identity), item.pairs != nil {
                // Both changed the same record: merge it field by field.
                used.insert(i)
                if let value = merge(original, item, theirs[i], at: location + [.item(identity)]) { result.append(value) }
            } else {
                result.append(item)
            }
        }
        for (i, item) in theirs.enumerated() where !used.contains(i) && !base.contains(item) && !mine.contains(item) {
            result.insert(item, at: position(of: item, in: result, theirs: theirs, index: i))
        }
        var unique: [FieldValue] = []
        for item in result where !unique.contains(item) { unique.append(item) }
        return unique
    }

    /// Where an entry new on their side goes: by its date (`date` or `due`) among dated
    /// entries, else after the entry it follows in their list, else at the end.
    private func position(of item: FieldValue, in result: [FieldValue], theirs: [FieldValue], index: Int) -> Int {
        func date(_ v: FieldValue) -> Day? { (v["date"] ?? v["due"])?.text.flatMap { Day(iso: $0) } }
        if let day = date(item) {
            return result.firstIndex { date($0).map { $0 > day } ?? false } ?? result.count
        }
        if index > 0, let before = result.lastIndex(of: theirs[index - 1]) { return before + 1 }
        return result.count
    }
}
