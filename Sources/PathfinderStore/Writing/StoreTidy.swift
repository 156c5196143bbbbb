#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PathfinderModel

/// Temporary files a save left behind when its process was killed (docs/store-format.md,
/// "Temporary files and crashes"). One is removed only when it is surely dead: written by a
/// process of this computer (or by an older Pathfinder that did not record the computer) that
/// is no longer running, and untouched for a minute. Any other is reported and left alone: a
/// live save may be writing it, or a save on another computer sharing the folder.
enum StaleTemporaries {
    static let minimumAge: TimeInterval = 60

    /// What became of one temporary file.
    struct Found {
        var path: String
        var removed: Bool
        var reason: String

        var problem: Problem {
            .warning(path, 1, removed ? "a temporary file left by an interrupted save (\(reason)); removed it"
                : "a temporary file of a save (\(reason)); left alone")
        }
    }

    /// Looks at the temporary files in one open folder, removing the stale ones.
    static func sweep(folder fd: Int32, path folder: String, now: Date = Date()) -> [Found] {
        var found: [Found] = []
        for (name, isLink) in StoreDisk.names(in: fd) where !isLink {
            guard let writer = TemporaryName.writer(of: name) else { continue }
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            let age = now.timeIntervalSince1970 - TimeInterval(info.st_mtim.tv_sec)
            let here = writer.host == nil || writer.host == TemporaryName.host
            if !here {
                found.append(Found(path: path, removed: false, reason: "written on the computer \(Quote.value(writer.host ?? "")), which this one cannot check"))
            } else if isRunning(writer.pid, since: TimeInterval(info.st_mtim.tv_sec)) {
                found.append(Found(path: path, removed: false, reason: "process \(writer.pid) on this computer is still running"))
            } else if age < minimumAge {
                found.append(Found(path: path, removed: false, reason: "less than a minute old"))
            } else {
                let gone = unlinkat(fd, name, 0) == 0
                found.append(Found(path: path, removed: gone, reason: gone ? "its process \(writer.pid) has stopped"
                                   : "it could not be removed: \(String(cString: strerror(errno)))"))
            }
        }
        if found.contains(where: \.removed) { fsync(fd) }
        return found
    }

    /// Whether the process that wrote a file last changed at `written` may still be running: a
    /// process with its pid that started after that is another one that got the pid later.
    static func isRunning(_ pid: Int32, since written: TimeInterval) -> Bool {
        if pid == getpid() { return true }
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let started = startTime(of: pid) else { return true }
        return started <= written + 1
    }

    /// When a process started (Linux: /proc/<pid>/stat and the boot time), or nil if unknown.
    static func startTime(of pid: Int32) -> TimeInterval? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name, which may hold spaces: state is field 3, starttime 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]), sysconf(Int32(_SC_CLK_TCK)) > 0,
              let boot = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = boot.split(separator: "\n").first(where: { $0.hasPrefix("btime ") }),
              let bootTime = Double(line.dropFirst(6)) else { return nil }
        return bootTime + ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Folders already swept by this process: a write sweeps the folder it writes into the
    /// first time only, so saving stays as cheap as it was.
    private static let swept = SweptFolders()

    static func sweepOnce(_ disk: StoreDisk, folder: String, fd: Int32) {
        // While a change a killed process left is not yet put right, the files it set aside
        // look stale but are needed to undo it: the next write lock recovers it first.
        guard disk.kind(StoreChange.journal) == nil, swept.insert(disk.root + "/" + folder) else { return }
        _ = sweep(folder: fd, path: folder)
    }
}

private final class SweptFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var folders: Set<String> = []

    /// True when the folder was not there before.
    func insert(_ folder: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return folders.insert(folder).inserted
    }
}

extension PlainFileStore {
    /// Tidies the store after crashes, under its write lock: finishes or undoes a change a
    /// killed process left half-made, and removes the stale temporary files of interrupted
    /// saves in every folder of the store. Returns what it found, as warnings for `check`.
    /// A store it cannot lock (read-only, or `.pathfinder` a link) is only looked at.
    public func tidy(now: Date = Date()) -> [Problem] {
        // Only a store: a mistyped folder gets no `.pathfinder/` made in it.
        guard disk.kind("pathfinder.yaml") != nil else { return [] }
        var problems: [Problem] = []
        let locked: Bool = (try? holdWriteLock {
            if let note = StoreChange.recover(disk) { problems.append(.warning(StoreChange.journal, 1, note)) }
            // A change that could not be put right keeps the files it set aside.
            guard disk.kind(StoreChange.journal) == nil else { return false }
            problems += Self.walk(disk) { StaleTemporaries.sweep(folder: $0, path: $1, now: now) }.map(\.problem)
            return true
        }) ?? false
        if !locked {
            let found: [StaleTemporaries.Found] = Self.walk(disk) { fd, folder in
                StoreDisk.names(in: fd).compactMap { entry -> StaleTemporaries.Found? in
                    guard !entry.isLink, TemporaryName.writer(of: entry.name) != nil else { return nil }
                    return StaleTemporaries.Found(path: folder.isEmpty ? entry.name : folder + "/" + entry.name, removed: false,
                                                  reason: "the store could not be locked to clear it, or a change is still to be put right")
                }
            }
            problems += found.map(\.problem)
        }
        return problems
    }

    /// Where the record of a change to several files waits while it is made (`StoreChange`).
    public static var journalPath: String { StoreChange.journal }

    /// Calls `visit` with every folder of the store (not `.git`, not through links).
    static func walk<T>(_ disk: StoreDisk, from start: String = "", depth: Int = 6, _ visit: (Int32, String) -> [T]) -> [T] {
        var out: [T] = []
        func go(_ folder: String, _ level: Int) {
            guard let fd = try? disk.openFolder(folder) else { return }
            defer { close(fd) }
            out += visit(fd, folder)
            guard level < depth else { return }
            for (name, isLink) in StoreDisk.names(in: fd) where !isLink && name != ".git" {
                guard StoreDisk.kind(in: fd, name) == .folder else { continue }
                go(folder.isEmpty ? name : folder + "/" + name, level + 1)
            }
        }
        go(start, 0)
        return out
    }
}

/// Links inside a store, found while listing it (docs/store-format.md, "Links").
struct StoreLinks {
    /// Each link's store-relative path and where it points.
    var found: [(path: String, target: String)] = []

    /// The store's own folders and files that matter even when nothing in them is loaded.
    static let fixedPlaces = ["pathfinder.yaml", "areas", "case-studies", "organisations", PlainFileStore.fundingFolder, PlainFileStore.trashFolder, ".pathfinder"]

    mutating func note(_ path: String, root: String) {
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + path)) ?? "somewhere else"
        found.append((path, target))
    }

    var problems: [Problem] {
        found.map { link in
            let kind = link.path.hasSuffix(".md") || link.path.hasSuffix(".yaml") ? "file" : "folder"
            return .error(link.path, 1, "\(link.path) is a symbolic link to \(link.target) (what it holds is shown, read-only); "
                          + "Pathfinder never writes through links: replace it with a real \(kind)")
        }
    }

    /// Whether a file is reached through one of the links (or is one).
    func covers(_ path: String) -> Bool {
        found.contains { path == $0.path || path.hasPrefix($0.path + "/") }
    }
}
