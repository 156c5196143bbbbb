import PathfinderModel

/// One area's part of the index: `.pathfinder/index/<area folder>.actions`, every action file
/// of the area that loads, as an `ActionRecord`, under the file's name and content hash.
///
/// Layout, integers little-endian:
///
///     magic "PATHFINDER-ACTION-INDEX\n", record format (u32), program identity (string)
///     count (u32), then per file: name (string), content hash (u64), record length (u32), record
///     a checksum of everything before it (`CacheChecksum`: the index is 162 MB at 52,500
///     actions, read whole by a store-wide list or report, and one chain of multiplies over it
///     was a tenth of such a list)
///
/// A record is used only when its file's content hash is the one the summary cache holds for
/// the file now (which the cache keeps right by stat signatures and content checks), so a
/// record can never stand for another version of its file. A short, damaged or foreign file
/// reads as empty, and its records are made again from the files.
struct ActionShard {
    static let magic = Array("PATHFINDER-ACTION-INDEX\n".utf8)
    static let folder = ".pathfinder/index"

    static func path(area: String) -> String { "\(folder)/\(area).actions" }

    /// The whole file's bytes; records are slices of them.
    private(set) var bytes: [UInt8] = []
    /// Name -> (content hash, where its record is in `bytes`).
    private(set) var records: [String: (hash: UInt64, range: Range<Int>)] = [:]

    init() {}

    /// The shard in `bytes`, or an empty one when they are not a whole, current shard.
    init(bytes: [UInt8]) {
        guard bytes.count >= Self.magic.count + 8, bytes.starts(with: Self.magic) else { return }
        let body = bytes.count - 8
        let stored = bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: body, as: UInt64.self)) }
        guard bytes.withUnsafeBufferPointer({ CacheChecksum.of(UnsafeBufferPointer(rebasing: $0[..<body])) }) == stored else { return }
        var found: [String: (hash: UInt64, range: Range<Int>)] = [:]
        let ok: Bool = bytes.withUnsafeBytes { raw in
            var r = BinaryReader(UnsafeRawBufferPointer(rebasing: raw[..<body]))
            guard r.slice(Self.magic.count) != nil, r.u32() == ActionRecord.formatVersion,
                  r.string() == SummaryCache.programIdentity, let count = r.count() else { return false }
            found.reserveCapacity(count)
            for _ in 0..<count {
                guard let name = r.string(), let hash = r.u64(), let length = r.count() else { return false }
                let start = r.at
                guard r.slice(length) != nil else { return false }
                found[name] = (hash, start..<(start + length))
            }
            return r.atEnd
        }
        guard ok else { return }
        self.bytes = bytes
        records = found
    }

    /// The record of the file `name` when the shard holds it for this content hash.
    func record(_ name: String, hash: UInt64) -> Range<Int>? {
        guard let found = records[name], found.hash == hash else { return nil }
        return found.range
    }

    /// A shard's bytes for these files, in order.
    static func encode(_ files: [(name: String, hash: UInt64, record: ArraySlice<UInt8>)]) -> [UInt8] {
        var w = BinaryWriter()
        w.reserve(files.reduce(64) { $0 + $1.name.utf8.count + $1.record.count + 16 })
        w.append(magic)
        w.u32(ActionRecord.formatVersion)
        w.string(SummaryCache.programIdentity)
        w.count(files.count)
        for f in files {
            w.string(f.name)
            w.u64(f.hash)
            w.count(f.record.count)
            w.append(f.record)
        }
        var bytes = w.bytes
        let h = CacheChecksum.of(bytes)
        withUnsafeBytes(of: h.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }
}
