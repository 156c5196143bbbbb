import PathfinderModel

/// The bytes of `.pathfinder/summary-cache`: a private, per-machine binary file (it holds
/// inode numbers, which mean nothing elsewhere). Layout, all integers little-endian:
///
///     magic "PATHFINDER-SUMMARY-CACHE\n", format version (u32), program identity (string)
///     string table: count (u32), then each string
///     the areas folder, each area folder (area.md, actions, meetings), the case studies
///     folder and its files; a folder's entries follow its listing's .md names, in order
///     the replay stored for them (a flag byte, then `StoredReplay`), so an unchanged store
///     is summarised without replaying
///     a 64-bit checksum of everything before it (`CacheChecksum`)
///
/// A string is its UTF-8 length (u32) and bytes. Any other version or program, a wrong hash,
/// a short file or an index out of range makes `decode` return nil: the cache is then
/// rebuilt from the files.
enum SummaryCacheFile {
    static func encode(_ contents: SummaryCacheContents) -> [UInt8] {
        // Only strings still in use are written, so the table does not grow with every edit.
        var remap = [Int32](repeating: -1, count: contents.strings.count)
        var used: [String] = []
        var body = ByteWriter()
        // Room for every file's entry at once (about 140 bytes each), not grown by copies.
        let files = contents.areaFolders.reduce(contents.caseStudies.count + contents.organisations.count + contents.funding.count) {
            $0 + $1.actions.count + $1.meetings.count + 1
        }
        body.bytes.reserveCapacity(files * 160 + 4_096)
        func ref(_ index: Int32) {
            guard index >= 0 else { body.i32(index); return }
            if remap[Int(index)] < 0 {
                remap[Int(index)] = Int32(used.count)
                used.append(contents.strings[Int(index)])
            }
            body.i32(remap[Int(index)])
        }
        func refs(_ list: [LineRef]) {
            body.u32(UInt32(list.count))
            for r in list {
                ref(r.text)
                body.i32(r.line)
            }
        }
        func stamp(_ s: FileStamp) {
            body.u64(s.device)
            body.u64(s.inode)
            body.i64(s.size)
            body.i64(s.mtime)
            body.i64(s.mtimeNanoseconds)
            body.i64(s.ctime)
            body.i64(s.ctimeNanoseconds)
            body.u32(s.type)
        }
        func folder(_ f: FolderEntry) {
            body.u8(f.stamp == nil ? 0 : 1)
            if let s = f.stamp { stamp(s) }
            body.u8(f.trusted ? 1 : 0)
            body.u32(UInt32(f.names.count))
            for name in f.names { body.string(name) }
        }
        func entry(_ e: FileEntry?) {
            guard let e else { body.u8(0); return }
            body.u8(1)
            stamp(e.stamp)
            body.u64(e.hash)
            body.u8((e.trusted ? 1 : 0) | (e.broken ? 2 : 0))
            refs(e.errors)
            switch e.facts {
            case .none:
                body.u8(0)
            case let .area(name, type, code, codeLine):
                body.u8(1)
                ref(name); ref(type); ref(code); body.i32(codeLine)
            case let .action(a):
                body.u8(2)
                ref(a.id); body.i32(a.idLine)
                ref(a.status); body.i32(a.statusLine)
                ref(a.theme); body.i32(a.themeLine)
                body.u8(a.rag)
                body.i32(a.start); body.i32(a.due); body.i32(a.dueLine)
                refs(a.successFactors)
                refs(a.caseStudies)
            case let .caseStudy(area, areaLine, themes):
                body.u8(3)
                ref(area); body.i32(areaLine)
                refs(themes)
            case let .meeting(items, changes, created):
                body.u8(4)
                refs(items); refs(changes); refs(created)
            case let .organisation(kind, size, areas, themes):
                body.u8(5)
                refs([kind, size]); refs(areas); refs(themes)
            }
        }
        func entries(_ list: [FileEntry?]) {
            body.u32(UInt32(list.count))
            for e in list { entry(e) }
        }
        folder(contents.areasFolder)
        body.u32(UInt32(contents.areaFolders.count))
        for area in contents.areaFolders {
            body.string(area.name)
            entry(area.areaFile)
            folder(area.actionsFolder)
            entries(area.actions)
            folder(area.meetingsFolder)
            entries(area.meetings)
        }
        folder(contents.caseStudiesFolder)
        entries(contents.caseStudies)
        folder(contents.organisationsFolder)
        entries(contents.organisations)
        folder(contents.fundingFolder)
        entries(contents.funding)
        if let replay = contents.replay {
            body.u8(1)
            body.u64(replay.manifestHash)
            body.u32(UInt32(replay.errors.count))
            for e in replay.errors {
                body.string(e.path)
                body.i64(Int64(e.line))
                body.u8(e.severity == .error ? 0 : 1)
                body.string(e.message)
            }
            body.u32(UInt32(replay.areas.count))
            for area in replay.areas {
                body.string(area.id)
                body.string(area.name)
                body.string(area.type)
                body.u32(UInt32(area.actions.count))
                for a in area.actions {
                    body.u8((a.closed ? 1 : 0) | a.rag.index << 1)
                    body.i32(a.due?.packed ?? 0)
                }
            }
            body.u32(UInt32(replay.actionFiles.count))
            for f in replay.actionFiles {
                body.u32(UInt32(f.job))
                body.u32(UInt32(f.file))
                body.string(f.id)
                body.string(f.area)
            }
        } else {
            body.u8(0)
        }

        var out = ByteWriter()
        out.bytes.reserveCapacity(body.bytes.count + used.reduce(64) { $0 + $1.utf8.count + 4 })
        out.bytes += SummaryCache.magic
        out.u32(SummaryCache.formatVersion)
        out.string(SummaryCache.programIdentity)
        out.u32(UInt32(used.count))
        for s in used { out.string(s) }
        out.bytes += body.bytes
        out.u64(CacheChecksum.of(out.bytes))
        return out.bytes
    }

    static func decode(_ bytes: [UInt8]) -> SummaryCacheContents? {
        bytes.withUnsafeBufferPointer { decode(buffer: $0) }
    }

    static func decode(buffer all: UnsafeBufferPointer<UInt8>) -> SummaryCacheContents? {
        guard all.count >= SummaryCache.magic.count + 12 else { return nil }
        let payload = UnsafeBufferPointer(rebasing: all[0..<(all.count - 8)])
        var tail = ByteReader(UnsafeBufferPointer(rebasing: all[(all.count - 8)...]))
        guard let stored = try? tail.u64(), stored == CacheChecksum.of(payload) else { return nil }
        var r = ByteReader(payload)
        return try? read(&r)
    }

    private static func read(_ r: inout ByteReader) throws -> SummaryCacheContents {
        guard try r.take(SummaryCache.magic.count).elementsEqual(SummaryCache.magic),
              try r.u32() == SummaryCache.formatVersion,
              try r.string() == SummaryCache.programIdentity else { throw ByteReader.Corrupt() }
        var contents = SummaryCacheContents()
        let stringCount = Int(try r.u32())
        guard stringCount <= r.remaining / 4 else { throw ByteReader.Corrupt() }
        contents.strings.reserveCapacity(stringCount)
        for _ in 0..<stringCount { contents.strings.append(try r.string()) }
        let limit = Int32(stringCount)
        func ref() throws -> Int32 {
            let i = try r.i32()
            guard i == SummaryCache.noString || (0..<limit).contains(i) else { throw ByteReader.Corrupt() }
            return i
        }
        func text() throws -> Int32 {
            let i = try ref()
            guard i >= 0 else { throw ByteReader.Corrupt() }
            return i
        }
        func refs() throws -> [LineRef] {
            let n = Int(try r.u32())
            guard n <= r.remaining / 8 else { throw ByteReader.Corrupt() }
            var list: [LineRef] = []
            list.reserveCapacity(n)
            for _ in 0..<n { list.append(LineRef(text: try text(), line: try r.i32())) }
            return list
        }
        func stamp() throws -> FileStamp {
            FileStamp(device: try r.u64(), inode: try r.u64(), size: try r.i64(), mtime: try r.i64(), mtimeNanoseconds: try r.i64(),
                      ctime: try r.i64(), ctimeNanoseconds: try r.i64(), type: try r.u32())
        }
        func folder() throws -> FolderEntry {
            let s = try r.u8() == 1 ? try stamp() : nil
            let trusted = try r.u8() == 1
            let n = Int(try r.u32())
            guard n <= r.remaining / 4 else { throw ByteReader.Corrupt() }
            var names: [String] = []
            names.reserveCapacity(n)
            for _ in 0..<n { names.append(try r.string()) }
            return FolderEntry(stamp: s, trusted: trusted, names: names)
        }
        func entry(_ name: String) throws -> FileEntry? {
            guard try r.u8() == 1 else { return nil }
            let s = try stamp()
            let hash = try r.u64()
            let flags = try r.u8()
            let errors = try refs()
            let facts: FileFacts
            switch try r.u8() {
            case 0: facts = .none
            case 1: facts = .area(name: try text(), type: try text(), code: try text(), codeLine: try r.i32())
            case 2:
                let id = try ref(), idLine = try r.i32()
                let status = try text(), statusLine = try r.i32()
                let theme = try text(), themeLine = try r.i32()
                let rag = try r.u8()
                guard rag < 3 else { throw ByteReader.Corrupt() }
                let start = try r.i32(), due = try r.i32(), dueLine = try r.i32()
                facts = .action(ActionFacts(id: id, idLine: idLine, status: status, statusLine: statusLine, theme: theme,
                                            themeLine: themeLine, rag: rag, start: start, due: due, dueLine: dueLine,
                                            successFactors: try refs(), caseStudies: try refs()))
            case 3: facts = .caseStudy(area: try ref(), areaLine: try r.i32(), themes: try refs())
            case 4: facts = .meeting(items: try refs(), changes: try refs(), created: try refs())
            case 5:
                let pair = try refs()
                guard pair.count == 2 else { throw ByteReader.Corrupt() }
                facts = .organisation(kind: pair[0], size: pair[1], areas: try refs(), themes: try refs())
            default: throw ByteReader.Corrupt()
            }
            return FileEntry(name: name, stamp: s, hash: hash, trusted: flags & 1 != 0, errors: errors, broken: flags & 2 != 0,
                             facts: facts)
        }
        /// A folder's entries, one for each .md name in its listing (the names are not repeated).
        func entries(_ listing: FolderEntry) throws -> [FileEntry?] {
            let names = listing.names.filter(SummaryCache.isMarkdown)
            guard try r.u32() == names.count else { throw ByteReader.Corrupt() }
            var list: [FileEntry?] = []
            list.reserveCapacity(names.count)
            for name in names { list.append(try entry(name)) }
            return list
        }
        contents.areasFolder = try folder()
        let areaCount = Int(try r.u32())
        guard areaCount <= r.remaining else { throw ByteReader.Corrupt() }
        for _ in 0..<areaCount {
            let name = try r.string(), areaFile = try entry("area.md")
            let actionsFolder = try folder(), actions = try entries(actionsFolder)
            let meetingsFolder = try folder(), meetings = try entries(meetingsFolder)
            contents.areaFolders.append(AreaFolderEntry(name: name, areaFile: areaFile, actionsFolder: actionsFolder, actions: actions,
                                                        meetingsFolder: meetingsFolder, meetings: meetings))
        }
        contents.caseStudiesFolder = try folder()
        contents.caseStudies = try entries(contents.caseStudiesFolder)
        contents.organisationsFolder = try folder()
        contents.organisations = try entries(contents.organisationsFolder)
        contents.fundingFolder = try folder()
        contents.funding = try entries(contents.fundingFolder)
        if try r.u8() == 1 {
            var replay = StoredReplay(manifestHash: try r.u64(), errors: [], areas: [], actionFiles: [])
            let errorCount = Int(try r.u32())
            guard errorCount <= r.remaining / 17 else { throw ByteReader.Corrupt() }
            for _ in 0..<errorCount {
                let path = try r.string(), line = Int(try r.i64()), severity = try r.u8(), message = try r.string()
                guard severity < 2 else { throw ByteReader.Corrupt() }
                replay.errors.append(severity == 0 ? .error(path, line, message) : .warning(path, line, message))
            }
            let areaCount = Int(try r.u32())
            guard areaCount <= r.remaining / 16 else { throw ByteReader.Corrupt() }
            replay.areas.reserveCapacity(areaCount)
            for _ in 0..<areaCount {
                var area = StoreSummary.AreaActions(id: try r.string(), name: try r.string(), type: try r.string(), actions: [])
                let n = Int(try r.u32())
                guard n <= r.remaining / 5 else { throw ByteReader.Corrupt() }
                area.actions.reserveCapacity(n)
                for _ in 0..<n {
                    let flags = try r.u8(), due = try r.i32()
                    guard flags >> 1 < 3 else { throw ByteReader.Corrupt() }
                    area.actions.append(StoreSummary.Counted(closed: flags & 1 != 0, rag: RAG.all[Int(flags >> 1)], due: Day(packed: due)))
                }
                replay.areas.append(area)
            }
            let fileCount = Int(try r.u32())
            guard fileCount <= r.remaining / 16 else { throw ByteReader.Corrupt() }
            replay.actionFiles.reserveCapacity(fileCount)
            for _ in 0..<fileCount {
                replay.actionFiles.append(StoreSummary.ActionFile(job: Int(try r.u32()), file: Int(try r.u32()), id: try r.string(),
                                                                  area: try r.string()))
            }
            contents.replay = replay
        }
        guard r.remaining == 0 else { throw ByteReader.Corrupt() }
        return contents
    }
}

struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { bytes.appendLittleEndian(v) }
    mutating func i32(_ v: Int32) { u32(UInt32(bitPattern: v)) }
    mutating func u64(_ v: UInt64) { bytes.appendLittleEndian(v) }
    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            u32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }
}

extension [UInt8] {
    // A byte at a time: appending a number's bytes as a raw buffer went through the generic
    // `append(contentsOf:)`, a third of writing the summary cache of 72,100 files. The summary
    // cache's and the index's writers both write their numbers this way.
    mutating func appendLittleEndian(_ v: UInt32) {
        append(UInt8(truncatingIfNeeded: v))
        append(UInt8(truncatingIfNeeded: v >> 8))
        append(UInt8(truncatingIfNeeded: v >> 16))
        append(UInt8(truncatingIfNeeded: v >> 24))
    }

    mutating func appendLittleEndian(_ v: UInt64) {
        appendLittleEndian(UInt32(truncatingIfNeeded: v))
        appendLittleEndian(UInt32(truncatingIfNeeded: v >> 32))
    }
}

/// Reads what `ByteWriter` wrote, throwing at the first read past the end.
struct ByteReader {
    struct Corrupt: Error {}

    private let buffer: UnsafeBufferPointer<UInt8>
    private var at = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    var remaining: Int { buffer.count - at }

    mutating func take(_ n: Int) throws -> UnsafeBufferPointer<UInt8> {
        guard n >= 0, n <= remaining else { throw Corrupt() }
        defer { at += n }
        return UnsafeBufferPointer(rebasing: buffer[at..<(at + n)])
    }

    mutating func u8() throws -> UInt8 { try take(1)[0] }

    mutating func u32() throws -> UInt32 {
        let raw = UnsafeRawBufferPointer(try take(4))
        return UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self))
    }

    mutating func i32() throws -> Int32 { Int32(bitPattern: try u32()) }

    mutating func u64() throws -> UInt64 {
        let raw = UnsafeRawBufferPointer(try take(8))
        return UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
    }

    mutating func i64() throws -> Int64 { Int64(bitPattern: try u64()) }

    mutating func string() throws -> String {
        let n = Int(try u32())
        return String(decoding: try take(n), as: UTF8.self)
    }
}
