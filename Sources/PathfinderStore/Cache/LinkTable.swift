import Foundation
import PathfinderModel

/// What one area's read needs of organisations/ and funding/ without reading every file there
/// (14,000 organisations and 5,250 agreements at the benchmark's scale): each organisation's id
/// and name, folded (which free-text partners are warned about depends on every name), and
/// which area and actions each agreement names (which agreements the area's read reads).
///
/// Kept in `.pathfinder/link-table`, per machine like the summary cache, and trusted while the
/// two folders' stamps are the ones it was made under: saving, adding, removing or renaming a
/// file there (the store's own atomic saves, `git checkout`, most editors) changes the folder.
/// A file rewritten in place keeps the folder's stamp; the summary cache, which stats every
/// file, removes the table when it reads such a file again, and a full read never uses it.
struct LinkTable: Equatable, Sendable {
    struct Organisation: Equatable, Sendable {
        var id: String
        /// `OrganisationNames.key` of its name.
        var key: String
    }

    struct Agreement: Equatable, Sendable {
        var id: String
        var area: String
        var actions: [String]
    }

    static let path = ".pathfinder/link-table"
    static let header = "PATHFINDER-LINK-TABLE 1"

    var organisationsStamp: FileStamp?
    var fundingStamp: FileStamp?
    /// The file's text: one area's read asks it about a few names and one area, so it is
    /// scanned for those rather than made into 20,000 strings and a dictionary each time.
    var bytes: [UInt8]

    /// Every organisation's id and folded name (the file's "O" lines), in the load's order.
    var organisations: [Organisation] {
        lines("O").compactMap { $0.count == 2 ? Organisation(id: String(decoding: $0[0], as: UTF8.self), key: String(decoding: $0[1], as: UTF8.self)) : nil }
    }

    /// Every agreement's id, area and actions (the "F" lines).
    var agreements: [Agreement] {
        lines("F").compactMap { f in
            guard f.count >= 2 else { return nil }
            return Agreement(id: String(decoding: f[0], as: UTF8.self), area: String(decoding: f[1], as: UTF8.self),
                             actions: f.dropFirst(2).map { String(decoding: $0, as: UTF8.self) }.filter { !$0.isEmpty })
        }
    }

    /// What a full load's `OrganisationNames` says about `values` (free-text lead bodies and
    /// partners): which are ids, and which name an organisation, the first in load order.
    func names(for values: Set<String>) -> OrganisationNames {
        let ids = Set(values.map { ArraySlice(Array($0.utf8)) })
        let keys = Set(values.map { ArraySlice(Array(OrganisationNames.key($0).utf8)) })
        var found: [(id: String, key: String)] = []
        for o in lines("O") where o.count == 2 && (ids.contains(o[0]) || keys.contains(o[1])) {
            found.append((String(decoding: o[0], as: UTF8.self), String(decoding: o[1], as: UTF8.self)))
        }
        return OrganisationNames(keys: found)
    }

    /// The agreements one area's read needs: those naming the area, or one of `actions`.
    func agreements(forArea area: String, actions: Set<String>) -> [String] {
        let areaBytes = ArraySlice(Array(area.utf8))
        let wanted = Set(actions.map { ArraySlice(Array($0.utf8)) })
        return lines("F").compactMap { f in
            guard f.count >= 2, f[1] == areaBytes || f.dropFirst(2).contains(where: wanted.contains) else { return nil }
            return String(decoding: f[0], as: UTF8.self)
        }
    }

    /// The tab-separated fields (after the tag) of each line tagged `tag`.
    private func lines(_ tag: String) -> [[ArraySlice<UInt8>]] {
        let t = Array(tag.utf8)[0]
        var out: [[ArraySlice<UInt8>]] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if end - start > 2, bytes[start] == t, bytes[start + 1] == 0x09 {
                out.append(bytes[(start + 2)..<end].split(separator: 0x09, omittingEmptySubsequences: false))
            }
            start = end + 1
        }
        return out
    }

    /// The table on disk when it still holds for the two folders, else one made now from
    /// their files (and written, when the store takes it).
    static func current(root: String) -> LinkTable {
        let stamps = (FileStamp.of(root + "/organisations"), FileStamp.of(root + "/" + PlainFileStore.fundingFolder))
        if let bytes = try? AtomicFile.readIfPresent(root + "/" + path, limit: .max), let table = decode(bytes),
           table.organisationsStamp == stamps.0, table.fundingStamp == stamps.1 {
            return table
        }
        let started = Date().timeIntervalSince1970
        let table = make(root: root, stamps: stamps)
        // A folder changed within the clock's grain of this read could change again unseen
        // under the same stamp: such a table is used now, not kept.
        let settled = [stamps.0, stamps.1].allSatisfy { $0.map { !$0.isRacy(readStartingAt: started, margin: SummaryCache.defaultRacyMargin) } ?? true }
        if settled { write(table, root: root) }
        return table
    }

    /// Reads every organisation and agreement file (what one area's read did before the table).
    static func make(root: String, stamps: (FileStamp?, FileStamp?)) -> LinkTable {
        var organisations: [Organisation] = []
        for file in PlainFileStore.parallelMap(PlainFileStore.organisationFiles(root), { ParsedFile.read($0, root: root) }) {
            guard case let .organisation(p) = file.result, !LoadedEntry(file, p).broken, let o = p.value else { continue }
            organisations.append(Organisation(id: o.id, key: OrganisationNames.key(o.name)))
        }
        var links = StoreLinks()
        var agreements: [Agreement] = []
        for file in PlainFileStore.parallelMap(PlainFileStore.fundingFiles(root, links: &links), { ParsedFile.read($0, root: root) }) {
            guard case let .fundingAgreement(p) = file.result, let a = p.value else { continue }
            agreements.append(Agreement(id: a.id, area: a.area ?? "", actions: a.actions))
        }
        return LinkTable(organisationsStamp: stamps.0, fundingStamp: stamps.1,
                         bytes: Array(encode(stamps, organisations: organisations, agreements: agreements).utf8))
    }

    static func write(_ table: LinkTable, root: String) {
        let disk = StoreDisk(root: root)
        guard (try? disk.makeFolder(".pathfinder")) != nil else { return }
        if disk.kind(".pathfinder/.gitignore") == nil {
            try? disk.write("# Pathfinder's own per-machine state (cache, lock): never shared.\n*\n", to: ".pathfinder/.gitignore")
        }
        try? disk.write(table.bytes, to: path)
    }

    /// Removes the table: the summary cache read an organisation or agreement file again.
    static func remove(root: String) {
        // Through the store's chokepoint: never through a linked `.pathfinder`.
        _ = try? StoreDisk(root: root).remove(path)
    }

    // MARK: The file: a line per record, tab-separated; nothing in it is ever shown.

    static func clean(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }

    static func stampText(_ s: FileStamp?) -> String {
        guard let s else { return "-" }
        return [String(s.device), String(s.inode), String(s.size), String(s.mtime), String(s.mtimeNanoseconds), String(s.ctime),
                String(s.ctimeNanoseconds), String(s.type)].joined(separator: " ")
    }

    static func stamp(_ text: Substring) -> FileStamp?? {
        if text == "-" { return .some(nil) }
        let n = text.split(separator: " ").compactMap { Int64($0) }
        guard n.count == 8 else { return nil }
        return .some(FileStamp(device: UInt64(bitPattern: n[0]), inode: UInt64(bitPattern: n[1]), size: n[2], mtime: n[3],
                               mtimeNanoseconds: n[4], ctime: n[5], ctimeNanoseconds: n[6], type: UInt32(truncatingIfNeeded: n[7])))
    }

    static func encode(_ stamps: (FileStamp?, FileStamp?), organisations: [Organisation], agreements: [Agreement]) -> String {
        var out = header + "\n" + "organisations\t" + stampText(stamps.0) + "\n" + "funding\t" + stampText(stamps.1) + "\n"
        for o in organisations { out += "O\t" + clean(o.id) + "\t" + clean(o.key) + "\n" }
        for a in agreements {
            out += "F\t" + clean(a.id) + "\t" + clean(a.area) + "\t" + a.actions.map(clean).joined(separator: "\t") + "\n"
        }
        return out
    }

    /// The table, when the file is one: its header, the two stamps, then lines tagged O or F,
    /// ending with a newline (it is written atomically, so a table without one is not ours).
    static func decode(_ bytes: [UInt8]) -> LinkTable? {
        guard bytes.last == 0x0A else { return nil }
        let head = bytes.split(separator: 0x0A, maxSplits: 3, omittingEmptySubsequences: false)
        guard head.count >= 3, String(decoding: head[0], as: UTF8.self) == header else { return nil }
        let first = String(decoding: head[1], as: UTF8.self).split(separator: "\t", maxSplits: 1)
        let second = String(decoding: head[2], as: UTF8.self).split(separator: "\t", maxSplits: 1)
        guard first.count == 2, first[0] == "organisations", second.count == 2, second[0] == "funding",
              let o = stamp(first[1]), let f = stamp(second[1]) else { return nil }
        return LinkTable(organisationsStamp: o, fundingStamp: f, bytes: bytes)
    }
}
