import PathfinderModel

extension PlainFileStore {
    /// Where the organisations' names are kept: one file, in `ActionShard`'s layout, each
    /// record an organisation's id and name under its file's name and content hash. Beside
    /// the index folder, which holds one file per area folder and nothing else.
    static let organisationNamesPath = ".pathfinder/organisation-names"

    /// Every organisation that loads, as its id and name only (`IndexQuery.organisationNames`):
    /// a report that prints lead bodies by name needs nothing else of them, and parsing 14,000
    /// organisation files was a seventh of the national report (issue 14). A file whose content
    /// hash the index does not hold is parsed and the index file written again. Nil when a
    /// file's bytes are no longer those the summary cache holds.
    static func organisationNames(_ refresh: Refresh, root: String) -> [Organisation]? {
        let shard = ActionShard(bytes: ((try? AtomicFile.readIfPresent(root + "/" + organisationNamesPath, limit: .max)) ?? nil) ?? [])
        var files: [(name: String, hash: UInt64, record: ArraySlice<UInt8>)] = []
        var found: [Organisation?] = []
        var missing: [(at: Int, file: StoreFile, hash: UInt64)] = []
        for (j, job) in refresh.jobs.enumerated() where job.kind == .organisation {
            for (i, entry) in refresh.entries[j].enumerated() {
                guard let entry, !entry.broken else { continue }
                let known = shard.record(job.names[i], hash: entry.hash).map { shard.bytes[$0] }
                if let known, let o = decode(known) {
                    files.append((job.names[i], entry.hash, known))
                    found.append(o)
                } else {
                    missing.append((files.count, job.file(i), entry.hash))
                    files.append((job.names[i], entry.hash, []))
                    found.append(nil)
                }
            }
        }
        let parsed = parallelMap(missing) { m -> [UInt8]? in
            let read = ParsedFile.read(m.file, root: root)
            guard read.hash == m.hash, case let .organisation(p) = read.result else { return nil }
            return encode(p.value)
        }
        for (m, record) in zip(missing, parsed) {
            guard let record else { return nil }
            files[m.at].record = record[...]
            found[m.at] = decode(record[...]) ?? nil
        }
        if !missing.isEmpty || shard.records.count != files.count {
            try? StoreDisk(root: root).write(ActionShard.encode(files), to: organisationNamesPath, flush: false)
        }
        return found.compactMap { $0 }
    }

    /// A file that parses to no organisation is remembered as such: a 0, else 1, id, name.
    private static func encode(_ o: Organisation?) -> [UInt8] {
        var w = BinaryWriter()
        if let o {
            w.byte(1)
            w.string(o.id)
            w.string(o.name)
        } else {
            w.byte(0)
        }
        return w.bytes
    }

    /// `.some(nil)` for a file with no organisation, nil for bytes that are not a record.
    private static func decode(_ record: ArraySlice<UInt8>) -> Organisation?? {
        record.withUnsafeBytes { bytes in
            var r = BinaryReader(bytes)
            guard let flag = r.byte() else { return nil }
            guard flag == 1 else { return flag == 0 && r.atEnd ? .some(nil) : nil }
            guard let id = r.string(), let name = r.string(), r.atEnd else { return nil }
            return .some(Organisation(id: id, name: name))
        }
    }
}
