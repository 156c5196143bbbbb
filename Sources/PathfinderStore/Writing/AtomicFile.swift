#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files written so that a crash, a full disk or a kill -9 leaves either the old file or the
/// new one, never a mixture: write a temporary file in the same folder, flush it to disk,
/// rename it over the old one, then flush the folder so the rename itself survives.
/// `write` is for files the user names (exports); inside a store every write goes through
/// `StoreDisk`, which does the same without following links.
public enum AtomicFile {
    static func read(_ path: String) throws -> [UInt8] {
        guard let bytes = try readIfPresent(path) else {
            throw StoreError.unreadable(path, String(cString: strerror(ENOENT)))
        }
        return bytes
    }

    /// The file's bytes, or nil when there is no such file (any other failure throws).
    /// At most `limit` bytes are read: a store file bigger than any real one (see `FileLimits`)
    /// is read only as far as the parser needs to refuse it, so a huge file, or a link to an
    /// endless device, costs little. Only a regular file is read: opening a named pipe would
    /// wait forever for a writer, so it is opened without waiting and refused.
    static func readIfPresent(_ path: String, limit: Int = FileLimits.maximumBytes + 1) throws -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw StoreError.unreadable(path, String(cString: strerror(code)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.unreadable(path, String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw StoreError.unreadable(path, "it is not a plain file") }
        let size = min(Int(info.st_size), limit)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size + 1)
        var chunk = [UInt8](repeating: 0, count: max(4096, min(size + 1, 1 << 20)))
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, wanted) }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw StoreError.unreadable(path, String(cString: strerror(code)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ bytes: [UInt8], to path: String) throws {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = (folder.isEmpty ? "" : folder + "/") + TemporaryName.make(for: name)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.writeFailed(path, String(cString: strerror(errno))) }
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let why = String(cString: strerror(errno))
                close(fd)
                throw StoreError.writeFailed(path, why)
            }
            written += n
        }
        guard fsync(fd) == 0 else {
            let why = String(cString: strerror(errno))
            close(fd)
            throw StoreError.writeFailed(path, why)
        }
        guard close(fd) == 0 else { throw StoreError.writeFailed(path, String(cString: strerror(errno))) }
        guard rename(temporary, path) == 0 else { throw StoreError.writeFailed(path, String(cString: strerror(errno))) }
        renamed = true
        // Flush the folder too, so the rename itself is on disk.
        let dir = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    /// A 64-bit content hash to notice that a file changed since it was read: FNV-1a taken a
    /// 64-bit word at a time (then byte by byte for the tail), plus the length, so a 50,000-file
    /// load spends almost nothing on it. Not for security, only for change detection.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        if let h = bytes.withContiguousStorageIfAvailable(hash(buffer:)) { return h }
        return Array(bytes).withUnsafeBufferPointer(hash(buffer:))
    }

    static func hash(buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let prime: UInt64 = 0x100000001b3
        var h: UInt64 = 0xcbf29ce484222325 ^ UInt64(buffer.count)
        guard let base = buffer.baseAddress else { return h }
        let words = buffer.count / 8
        let raw = UnsafeRawPointer(base)
        for w in 0..<words {
            h ^= raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self)
            h = (h &* prime) ^ (h >> 29)
        }
        for i in (words * 8)..<buffer.count {
            h ^= UInt64(buffer[i])
            h = h &* prime
        }
        return h
    }
}

/// An advisory lock on `.pathfinder/lock`, held around every check-then-write so two processes
/// saving to one store cannot interleave their "has the file changed since I read it?" check
/// with each other's rename, nor both pick the same new id.
///
/// `flock` locks belong to an open file description, so the lock is released when the file is
/// closed, also when a process dies. It is advisory: an editor saving a file ignores it, which
/// the changed-on-disk check catches instead. The lock is not re-entrant: code that already
/// holds it calls the `...Locked` functions rather than taking it again.
enum WriteLock {
    static func hold<T>(store root: String, _ body: () throws -> T) throws -> T {
        try hold(StoreDisk(root: root), body)
    }

    /// Takes the lock (through the store's chokepoint: a linked `.pathfinder` is refused, so
    /// every write refuses with one line naming the link), then finishes or undoes any change
    /// a killed process left half-made before `body` writes anything.
    static func hold<T>(_ disk: StoreDisk, _ body: () throws -> T) throws -> T {
        let fd = try disk.openForLocking(".pathfinder/lock")
        defer { close(fd) }   // closing releases the lock
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StoreError.writeFailed(".pathfinder/lock", String(cString: strerror(errno))) }
        }
        StoreChange.recover(disk)
        return try body()
    }
}
