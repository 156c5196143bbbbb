import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's identity as `stat` sees it. Any write, rename over, `touch`, `chmod` or copy
/// changes at least one of these (ctime cannot be set by a user).
struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var mtime: Int64
    var mtimeNanoseconds: Int64
    var ctime: Int64
    var ctimeNanoseconds: Int64
    /// The file type bits of the mode (regular file, folder, link...).
    var type: UInt32

    init(_ info: stat) {
        #if canImport(Darwin)
        let m = info.st_mtimespec, c = info.st_ctimespec
        #else
        let m = info.st_mtim, c = info.st_ctim
        #endif
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        mtime = Int64(m.tv_sec)
        mtimeNanoseconds = Int64(m.tv_nsec)
        ctime = Int64(c.tv_sec)
        ctimeNanoseconds = Int64(c.tv_nsec)
        type = UInt32(info.st_mode & S_IFMT)
    }

    init(device: UInt64, inode: UInt64, size: Int64, mtime: Int64, mtimeNanoseconds: Int64, ctime: Int64,
         ctimeNanoseconds: Int64, type: UInt32) {
        self.device = device
        self.inode = inode
        self.size = size
        self.mtime = mtime
        self.mtimeNanoseconds = mtimeNanoseconds
        self.ctime = ctime
        self.ctimeNanoseconds = ctimeNanoseconds
        self.type = type
    }

    /// The stamp of a path (following links), nil when there is nothing there.
    static func of(_ path: String) -> FileStamp? {
        var info = stat()
        return stat(path, &info) == 0 ? FileStamp(info) : nil
    }

    var isDirectory: Bool { type == UInt32(S_IFDIR) }
    var isRegularFile: Bool { type == UInt32(S_IFREG) }

    /// A stamp no file has, for an entry that must never be taken from the cache.
    static let never = FileStamp(device: 0, inode: 0, size: -1, mtime: 0, mtimeNanoseconds: 0, ctime: 0, ctimeNanoseconds: 0, type: 0)

    /// Whether a change that keeps this stamp could still come after a read that starts at
    /// `start` (seconds since 1970): file times come from a coarse clock, and some file
    /// systems keep only whole or even seconds, so a second write in the same tick can leave
    /// size and times as they were. Such "racy" entries are checked by content next time.
    func isRacy(readStartingAt start: Double, margin: Double) -> Bool {
        let latest = max(Double(mtime) + Double(mtimeNanoseconds) / 1e9, Double(ctime) + Double(ctimeNanoseconds) / 1e9)
        return latest + margin >= start
    }
}
