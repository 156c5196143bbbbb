#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files written so that a crash, a full disk or a kill -9 leaves either the old file or the
/// new one, never a mixture: write a temporary file in the same folder, flush it to disk,
/// rename it over the old one, then flush the folder so the rename itself survives.
enum AtomicFile {
    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, 65536) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StoreError.unreadable(path, String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    static func write(_ text: String, to path: String) throws {
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.writeFailed(path, String(cString: strerror(errno))) }
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        let bytes = Array(text.utf8)
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
        close(fd)
        guard rename(temporary, path) == 0 else { throw StoreError.writeFailed(path, String(cString: strerror(errno))) }
        ok = true
        let dir = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
    }

    /// FNV-1a, 64-bit: enough to notice that a file changed since it was read.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100000001b3
        }
        return h
    }
}

/// An advisory lock on `.pathfinder/lock` around check-then-write, so two processes saving to
/// one store cannot interleave their "has it changed?" check and their rename.
struct WriteLock: ~Copyable {
    private let fd: Int32

    init(store root: String) throws {
        let folder = root + "/.pathfinder"
        mkdir(folder, 0o755)
        fd = open(folder + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw StoreError.writeFailed(folder + "/lock", String(cString: strerror(errno))) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let why = String(cString: strerror(errno))
                close(fd)
                throw StoreError.writeFailed(folder + "/lock", why)
            }
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
