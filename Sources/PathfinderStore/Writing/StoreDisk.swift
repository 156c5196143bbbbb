#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PathfinderModel

/// The one way Pathfinder changes anything inside a store (docs/store-format.md, "Links").
///
/// Every path is relative to the store's folder and is opened one folder at a time with
/// `O_NOFOLLOW`: a folder or file inside the store that is a symbolic link is refused with
/// `StoreError.throughLink`, so nothing is ever created, replaced or removed outside the store,
/// even if a link is swapped in between a check and the write. The store's own folder may be
/// reached through a link (`--store ~/link-to-store`): the rule is about links inside it.
/// Files are written as before: a temporary file in the same folder, flushed, renamed over the
/// old one, then the folder flushed.
final class StoreDisk {
    let root: String

    /// One change to the disk, as the fault seam sees it.
    struct Step: Equatable, CustomStringConvertible {
        enum Kind: String { case write, rename, link, makeFolder }
        var kind: Kind
        var path: String
        var description: String { "\(kind.rawValue) \(path)" }
    }

    /// Tests only: called before every change that takes room on the disk (writing a file,
    /// renaming or linking one in, making a folder); throwing makes that change fail as a full
    /// disk would. Removing a file frees room, so removals are not faulted.
    var fault: ((Step) throws -> Void)?

    /// Tests only: a fault that throws this stops a change as a killed process would, with
    /// nothing undone, for the next process to recover.
    struct Crash: Error {}

    init(root: String) {
        self.root = root
        // Tests only, end to end: PATHFINDER_STORE_KILL_AT=N kills the process at its Nth
        // change to the disk, as a power cut would (as PATHFINDER_SYNC_FAULT does for sync).
        if let n = Self.killAt {
            var seen = 0
            fault = { _ in
                seen += 1
                if seen == n { kill(getpid(), SIGKILL) }
            }
        }
    }

    private static let killAt = ProcessInfo.processInfo.environment["PATHFINDER_STORE_KILL_AT"].flatMap(Int.init)

    convenience init(store: URL) {
        self.init(root: store.standardizedFileURL.path)
    }

    // MARK: Folders

    /// The store-relative path split into names, refusing anything that could leave the store.
    static func components(_ relative: String) throws -> [String] {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for part in parts where part == "." || part == ".." {
            throw StoreError.invalid("\(Quote.value(relative)) is not a path inside the store")
        }
        return parts
    }

    /// An open folder of the store (the store's own folder for ""), reached without following
    /// any link inside the store. With `create`, missing folders are made (and their
    /// store-relative paths added to `created`, outermost first); when that fails part-way, the
    /// folders it made are removed again. The caller closes the folder.
    func openFolder(_ relative: String, create: Bool = false, created: UnsafeMutablePointer<[String]>? = nil) throws -> Int32 {
        var made: [String] = []
        do {
            let fd = try openFolder(relative, create: create, made: &made)
            created?.pointee += made
            return fd
        } catch {
            for folder in made.reversed() { removeFolder(folder) }
            throw error
        }
    }

    private func openFolder(_ relative: String, create: Bool, made: inout [String]) throws -> Int32 {
        var fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.writeFailed(root, String(cString: strerror(errno))) }
        var sofar = ""
        for name in try Self.components(relative) {
            sofar += (sofar.isEmpty ? "" : "/") + name
            var next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0, errno == ENOENT, create {
                do {
                    try fault?(Step(kind: .makeFolder, path: sofar))
                } catch {
                    close(fd)
                    throw error
                }
                if mkdirat(fd, name, 0o755) == 0 {
                    made.append(sofar)
                } else if errno != EEXIST {
                    let why = String(cString: strerror(errno))
                    close(fd)
                    throw StoreError.writeFailed(sofar, why)
                }
                next = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            if next < 0 {
                let code = errno
                defer { close(fd) }
                try Self.refuseLink(in: fd, name, path: sofar)
                if code == ENOTDIR { throw StoreError.writeFailed(sofar, "it is a file, not a folder") }
                throw StoreError.writeFailed(sofar, String(cString: strerror(code)))
            }
            close(fd)
            fd = next
        }
        return fd
    }

    /// Throws `throughLink` when `name` in the folder is a symbolic link.
    static func refuseLink(in folder: Int32, _ name: String, path: String) throws {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFLNK else { return }
        throw StoreError.throughLink(path: path, target: linkTarget(in: folder, name))
    }

    static func linkTarget(in folder: Int32, _ name: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlinkat(folder, name, &buffer, buffer.count - 1)
        guard n >= 0 else { return "somewhere else" }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// What is at a path, not following a link: nil when nothing is there.
    enum Kind { case file, folder, link, other }

    func kind(_ relative: String) -> Kind? {
        let (folder, name) = Self.split(relative)
        guard let fd = try? openFolder(folder) else { return nil }
        defer { close(fd) }
        return Self.kind(in: fd, name)
    }

    static func kind(in folder: Int32, _ name: String) -> Kind? {
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The folder and the name of a store-relative path.
    static func split(_ relative: String) -> (folder: String, name: String) {
        guard let slash = relative.lastIndex(of: "/") else { return ("", relative) }
        return (String(relative[..<slash]), String(relative[relative.index(after: slash)...]))
    }

    /// A file about to be replaced must be a plain file (or absent), never a link to one elsewhere.
    static func refuseNonFile(in folder: Int32, _ name: String, path: String) throws {
        switch kind(in: folder, name) {
        case nil, .file?: return
        case .link?: throw StoreError.throughLink(path: path, target: linkTarget(in: folder, name))
        case .folder?: throw StoreError.writeFailed(path, "there is a folder there, not a file")
        case .other?: throw StoreError.writeFailed(path, "it is not a plain file")
        }
    }

    /// Makes a folder (and the folders above it) inside the store; returns those it made.
    @discardableResult
    func makeFolder(_ relative: String) throws -> [String] {
        var created: [String] = []
        let fd = try openFolder(relative, create: true, created: &created)
        close(fd)
        for path in created { syncFolder(Self.split(path).folder) }
        return created
    }

    /// Removes an empty folder; false when it is not empty or not there.
    @discardableResult
    func removeFolder(_ relative: String) -> Bool {
        let (folder, name) = Self.split(relative)
        guard let fd = try? openFolder(folder) else { return false }
        defer { close(fd) }
        guard Self.kind(in: fd, name) == .folder, unlinkat(fd, name, AT_REMOVEDIR) == 0 else { return false }
        fsync(fd)
        return true
    }

    func syncFolder(_ relative: String) {
        guard let fd = try? openFolder(relative) else { return }
        fsync(fd)
        close(fd)
    }

    // MARK: Files

    /// Writes a file atomically (temporary file, flush, rename, flush the folder), making its
    /// folder if needed. Refuses when any folder on the way, or the file itself, is a link.
    /// `flush` false skips both flushes, for files derived from the store (the index), which
    /// carry their own checksum and are rebuilt when a crash leaves them torn.
    func write(_ bytes: [UInt8], to relative: String, flush: Bool = true) throws {
        let (folder, name) = Self.split(relative)
        let fd = try openFolder(folder, create: true)
        defer { close(fd) }
        try Self.refuseNonFile(in: fd, name, path: relative)
        StaleTemporaries.sweepOnce(self, folder: folder, fd: fd)
        let temporary = try writeTemporary(bytes, in: fd, folder: folder, for: name, flush: flush)
        do {
            try fault?(Step(kind: .rename, path: relative))
            guard renameat(fd, temporary, fd, name) == 0 else { throw StoreError.writeFailed(relative, String(cString: strerror(errno))) }
        } catch {
            unlinkat(fd, temporary, 0)
            throw error
        }
        if flush { fsync(fd) }
    }

    func write(_ text: String, to relative: String) throws {
        try write(Array(text.utf8), to: relative)
    }

    /// Writes bytes to a new temporary file beside `relative` and flushes it; returns the
    /// temporary file's store-relative path. Its folder must exist (see `makeFolder`).
    func prepare(_ bytes: [UInt8], for relative: String) throws -> String {
        let (folder, name) = Self.split(relative)
        let fd = try openFolder(folder)
        defer { close(fd) }
        try Self.refuseNonFile(in: fd, name, path: relative)
        StaleTemporaries.sweepOnce(self, folder: folder, fd: fd)
        let temporary = try writeTemporary(bytes, in: fd, folder: folder, for: name)
        return folder.isEmpty ? temporary : folder + "/" + temporary
    }

    private func writeTemporary(_ bytes: [UInt8], in folder: Int32, folder path: String, for name: String,
                                flush: Bool = true) throws -> String {
        let relative = path.isEmpty ? name : path + "/" + name
        try fault?(Step(kind: .write, path: relative))
        let temporary = TemporaryName.make(for: name)
        let file = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw StoreError.writeFailed(relative, String(cString: strerror(errno))) }
        var failure: String?
        var written = 0
        while written < bytes.count, failure == nil {
            let n = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno != EINTR { failure = String(cString: strerror(errno)) }
            } else {
                written += n
            }
        }
        if failure == nil, flush, fsync(file) != 0 { failure = String(cString: strerror(errno)) }
        if close(file) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlinkat(folder, temporary, 0)
            throw StoreError.writeFailed(relative, failure)
        }
        return temporary
    }

    /// Moves a file to a place where there is none, never replacing one: `link` then `unlink`
    /// (where links are not supported, e.g. a FAT USB stick, a checked `rename`, under the
    /// write lock). Both folders are flushed so the move survives a crash.
    func move(_ source: String, to target: String) throws {
        let (fromFolder, fromName) = Self.split(source)
        let (toFolder, toName) = Self.split(target)
        let from = try openFolder(fromFolder)
        defer { close(from) }
        let to = try openFolder(toFolder)
        defer { close(to) }
        switch Self.kind(in: from, fromName) {
        case .file?: break
        case .link?: throw StoreError.throughLink(path: source, target: Self.linkTarget(in: from, fromName))
        case nil: throw StoreError.writeFailed(source, "the file is not there")
        default: throw StoreError.writeFailed(source, "it is not a plain file")
        }
        try fault?(Step(kind: .link, path: target))
        if linkat(from, fromName, to, toName, 0) != 0 {
            let code = errno
            if code == EEXIST { throw StoreError.writeFailed(target, "there is already a file there") }
            guard code == EPERM || code == ENOTSUP || code == EXDEV || code == EMLINK else {
                throw StoreError.writeFailed(target, String(cString: strerror(code)))
            }
            if Self.kind(in: to, toName) != nil { throw StoreError.writeFailed(target, "there is already a file there") }
            guard renameat(from, fromName, to, toName) == 0 else { throw StoreError.writeFailed(target, String(cString: strerror(errno))) }
        } else {
            fsync(to)
            guard unlinkat(from, fromName, 0) == 0 else {
                let why = String(cString: strerror(errno))
                unlinkat(to, toName, 0)
                throw StoreError.writeFailed(source, why)
            }
        }
        fsync(to)
        fsync(from)
    }

    /// Removes a file (never a folder, never through a link); false when it was not there.
    @discardableResult
    func remove(_ relative: String) throws -> Bool {
        let (folder, name) = Self.split(relative)
        let fd: Int32
        do {
            fd = try openFolder(folder)
        } catch StoreError.writeFailed {
            return false   // its folder is not there either
        }
        defer { close(fd) }
        switch Self.kind(in: fd, name) {
        case nil: return false
        case .file?: break
        case .link?: throw StoreError.throughLink(path: relative, target: Self.linkTarget(in: fd, name))
        default: throw StoreError.writeFailed(relative, "it is not a plain file")
        }
        guard unlinkat(fd, name, 0) == 0 else {
            if errno == ENOENT { return false }
            throw StoreError.writeFailed(relative, String(cString: strerror(errno)))
        }
        fsync(fd)
        return true
    }

    /// Throws `throughLink` when a folder on the way to `relative`, or the file itself, is a
    /// link: what `load` shows read-only for that reason is refused with that reason.
    func refuseLinks(_ relative: String) throws {
        let (folder, name) = Self.split(relative)
        let fd: Int32
        do {
            fd = try openFolder(folder)
        } catch StoreError.writeFailed {
            return   // not there: nothing to go through
        }
        defer { close(fd) }
        try Self.refuseLink(in: fd, name, path: relative)
    }

    /// Whether two store-relative paths name one file (a move caught between `link` and `unlink`).
    func sameFile(_ a: String, _ b: String) -> Bool {
        var x = stat(), y = stat()
        guard lstat(root + "/" + a, &x) == 0, lstat(root + "/" + b, &y) == 0 else { return false }
        return x.st_dev == y.st_dev && x.st_ino == y.st_ino
    }

    /// Opens (making it if needed) a file kept open for locking, e.g. `.pathfinder/lock`.
    func openForLocking(_ relative: String) throws -> Int32 {
        let (folder, name) = Self.split(relative)
        let fd = try openFolder(folder, create: true)
        defer { close(fd) }
        try Self.refuseNonFile(in: fd, name, path: relative)
        let file = openat(fd, name, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw StoreError.writeFailed(relative, String(cString: strerror(errno))) }
        return file
    }

    /// The names in a store folder (hidden ones too), without following a link to it; empty
    /// when it is missing or a link.
    func names(_ relative: String) -> [String] {
        guard let fd = try? openFolder(relative) else { return [] }
        defer { close(fd) }
        return Self.names(in: fd).map(\.name)
    }

    /// The names in an open folder with whether each is a link (`d_type`, or `lstat` when the
    /// file system does not say). The folder stays open.
    static func names(in folder: Int32) -> [(name: String, isLink: Bool)] {
        let copy = dup(folder)
        guard copy >= 0, let dir = fdopendir(copy) else { return [] }
        defer { closedir(dir) }
        // The copy shares its position with `folder`: start from the top every time.
        rewinddir(dir)
        var out: [(String, Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            let isLink = type == UInt8(DT_UNKNOWN) ? kind(in: folder, name) == .link : type == UInt8(DT_LNK)
            out.append((name, isLink))
        }
        return out
    }
}

/// The names of the temporary files every write makes beside its target:
/// `.<name>.<pid>-<random>@<host>.tmp`. The pid and the host let a later run tell a file a
/// crashed save left (its process is gone) from one a live save is writing, also on a shared
/// folder. Earlier versions wrote `.<name>.<pid>.<random>.tmp`, which is still recognised.
enum TemporaryName {
    static let host: String = {
        let cleaned = SessionLock.hostName().map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII || $0 == "-" ? $0 : "-" }
        let name = String(String(cleaned).prefix(40))
        return name.isEmpty ? "unknown" : name
    }()

    static func make(for name: String) -> String {
        ".\(name).\(getpid())-\(UInt32.random(in: 0...UInt32.max))@\(host).tmp"
    }

    /// The writer of a temporary file, or nil when the name is not one Pathfinder makes.
    /// `host` is nil for the older names, which did not record it.
    static func writer(of file: String) -> (pid: Int32, host: String?)? {
        guard file.hasPrefix("."), file.hasSuffix(".tmp"), file.count > 5 else { return nil }
        let inner = file.dropFirst().dropLast(4)
        let parts = inner.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, !parts[0].isEmpty || parts.count >= 3 else { return nil }
        let last = parts[parts.count - 1]
        if let at = last.firstIndex(of: "@") {
            let stamp = last[..<at].split(separator: "-")
            guard parts.count >= 2, stamp.count == 2, let pid = Int32(stamp[0]), UInt32(stamp[1]) != nil else { return nil }
            let host = String(last[last.index(after: at)...])
            return host.isEmpty ? nil : (pid, host)
        }
        guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), UInt32(last) != nil else { return nil }
        return (pid, nil)
    }
}
