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
    /// Organisations that load (no errors of their own), in the order the load reads them.
    var organisations: [Organisation] = []
    var agreements: [Agreement] = []

    var names: OrganisationNames { OrganisationNames(keys: organisations.map { ($0.id, $0.key) }) }

    /// The agreements one area's read needs: those naming the area, or one of `actions`.
    func agreements(forArea area: String, actions: Set<String>) -> [String] {
        agreements.filter { $0.area == area || $0.actions.contains(where: actions.contains) }.map(\.id)
    }

    /// The table on disk when it still holds for the two folders, else one made now from
    /// their files (and written, when the store takes it).
    static func current(root: String) -> LinkTable {
        let stamps = (FileStamp.of(root + "/organisations"), FileStamp.of(root + "/" + PlainFileStore.fundingFolder))
        if let bytes = try? AtomicFile.readIfPresent(root + "/" + path), let table = decode(bytes),
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
        var links = StoreLinks()
        let organisationFiles = PlainFileStore.organisationFiles(root)
        var table = LinkTable(organisationsStamp: stamps.0, fundingStamp: stamps.1)
        for file in PlainFileStore.parallelMap(organisationFiles, { ParsedFile.read($0, root: root) }) {
            guard case let .organisation(p) = file.result, !LoadedEntry(file, p).broken, let o = p.value else { continue }
            table.organisations.append(Organisation(id: o.id, key: OrganisationNames.key(o.name)))
        }
        let fundingFiles = PlainFileStore.fundingFiles(root, links: &links)
        for file in PlainFileStore.parallelMap(fundingFiles, { ParsedFile.read($0, root: root) }) {
            guard case let .fundingAgreement(p) = file.result, let a = p.value else { continue }
            table.agreements.append(Agreement(id: a.id, area: a.area ?? "", actions: a.actions))
        }
        return table
    }

    static func write(_ table: LinkTable, root: String) {
        let disk = StoreDisk(root: root)
        guard (try? disk.makeFolder(".pathfinder")) != nil else { return }
        if disk.kind(".pathfinder/.gitignore") == nil {
            try? disk.write("# Pathfinder's own per-machine state (cache, lock): never shared.\n*\n", to: ".pathfinder/.gitignore")
        }
        try? disk.write(encode(table), to: path)
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

    static func encode(_ table: LinkTable) -> String {
        var out = header + "\n" + "organisations\t" + stampText(table.organisationsStamp) + "\n"
            + "funding\t" + stampText(table.fundingStamp) + "\n"
        for o in table.organisations { out += "O\t" + clean(o.id) + "\t" + clean(o.key) + "\n" }
        for a in table.agreements {
            out += "F\t" + clean(a.id) + "\t" + clean(a.area) + "\t" + a.actions.map(clean).joined(separator: "\t") + "\n"
        }
        return out
    }

    static func decode(_ bytes: [UInt8]) -> LinkTable? {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == header else { return nil }
        let first = lines[1].split(separator: "\t", maxSplits: 1), second = lines[2].split(separator: "\t", maxSplits: 1)
        guard first.count == 2, first[0] == "organisations", second.count == 2, second[0] == "funding",
              let o = stamp(first[1]), let f = stamp(second[1]) else { return nil }
        var table = LinkTable(organisationsStamp: o, fundingStamp: f)
        for line in lines.dropFirst(3) where !line.isEmpty {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch parts.first {
            case "O" where parts.count == 3: table.organisations.append(Organisation(id: parts[1], key: parts[2]))
            case "F" where parts.count >= 3:
                table.agreements.append(Agreement(id: parts[1], area: parts[2], actions: parts.dropFirst(3).filter { !$0.isEmpty }))
            default: return nil
            }
        }
        // Written atomically, so whole; a table not ending with its newline is not ours.
        guard bytes.last == UInt8(ascii: "\n") else { return nil }
        return table
    }
}
