import PathfinderModel

/// One area's search words: `.pathfinder/search/<area folder>.words`, the `ActionWordIndex` of
/// the area's action files that load, with each file's name, content hash, and folded title
/// and id (a search ranks on those without reading the action back).
///
/// Layout, integers little-endian:
///
///     magic "PATHFINDER-SEARCH-INDEX\n", format (u32), program identity (string),
///     catalogue key (u64), count (u32), then per file: name, content hash (u64), folded title, folded id
///     the word index (`ActionWordIndex.encoded`, its length first)
///     a 64-bit checksum of everything before it (`CacheChecksum`)
///
/// It is used only when it was made from exactly the files that load now, each at the content
/// hash the summary cache holds for it now, and with the same theme and status labels (an
/// action's theme and status are searched by their labels): otherwise it is made again from
/// the area's action records. A short, damaged or foreign file is never read as one.
struct SearchShard {
    static let magic = Array("PATHFINDER-SEARCH-INDEX\n".utf8)
    /// Bumped whenever the layout, or what is searched of an action, changes.
    static let formatVersion: UInt32 = 2
    static let folder = ".pathfinder/search"

    static func path(area: String) -> String { "\(folder)/\(area).words" }

    struct File: Equatable {
        var name: String
        var hash: UInt64
        var title: [UInt8]
        var id: [UInt8]
    }

    var catalogueKey: UInt64
    var files: [File]
    var words: ActionWordIndex

    init(catalogueKey: UInt64, files: [File], words: ActionWordIndex) {
        self.catalogueKey = catalogueKey
        self.files = files
        self.words = words
    }

    /// The shard in `bytes`, or nil when they are not a whole, current one.
    init?(bytes: [UInt8]) {
        guard let shard = bytes.withUnsafeBufferPointer({ Self(buffer: $0) }) else { return nil }
        self = shard
    }

    /// The shard in `bytes` (a mapped file: nothing is kept of the buffer itself).
    init?(buffer bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count >= Self.magic.count + 8, bytes.starts(with: Self.magic) else { return nil }
        let body = bytes.count - 8
        let stored = UInt64(littleEndian: UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: body, as: UInt64.self))
        guard CacheChecksum.of(UnsafeBufferPointer(rebasing: bytes[..<body])) == stored else { return nil }
        let parsed: (UInt64, [File], ActionWordIndex)? = {
            let raw = UnsafeRawBufferPointer(bytes)
            var r = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[..<body]))
            guard r.slice(Self.magic.count) != nil, r.u32() == Self.formatVersion, r.string() == SummaryCache.programIdentity,
                  let key = r.u64(), let count = r.count(), count <= body else { return nil }
            var files: [File] = []
            files.reserveCapacity(count)
            for _ in 0..<count {
                guard let name = r.string(), let hash = r.u64(), let titleCount = r.count(), let title = r.slice(titleCount),
                      let idCount = r.count(), let id = r.slice(idCount) else { return nil }
                files.append(File(name: name, hash: hash, title: Array(title), id: Array(id)))
            }
            guard let length = r.count(), let encoded = r.slice(length), r.atEnd,
                  let words = ActionWordIndex(encoded: encoded), words.count == count else { return nil }
            return (key, files, words)
        }()
        guard let parsed else { return nil }
        self.init(catalogueKey: parsed.0, files: parsed.1, words: parsed.2)
    }

    func encoded() -> [UInt8] {
        var w = BinaryWriter()
        w.append(Self.magic)
        w.u32(Self.formatVersion)
        w.string(SummaryCache.programIdentity)
        w.u64(catalogueKey)
        w.count(files.count)
        for f in files {
            w.string(f.name)
            w.u64(f.hash)
            w.count(f.title.count)
            w.append(f.title)
            w.count(f.id.count)
            w.append(f.id)
        }
        let index = words.encoded()
        w.count(index.count)
        w.append(index)
        var bytes = w.bytes
        let h = CacheChecksum.of(bytes)
        withUnsafeBytes(of: h.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// What of the manifest an action's searched text depends on: theme and status labels.
    static func catalogueKey(_ catalogue: Catalogue) -> UInt64 {
        var text: [UInt8] = []
        for t in catalogue.themes { text += Array("t\u{0}\(t.id)\u{0}\(t.label)\u{0}".utf8) }
        for s in catalogue.statuses { text += Array("s\u{0}\(s.id)\u{0}\(s.label)\u{0}".utf8) }
        return AtomicFile.hash(text)
    }

    /// Whether the shard was made from these files (name and content hash, in this order).
    func isMade(from current: [(name: String, hash: UInt64)], catalogueKey key: UInt64) -> Bool {
        guard key == catalogueKey, current.count == files.count else { return false }
        for (f, c) in zip(files, current) where f.hash != c.hash || f.name != c.name { return false }
        return true
    }
}
