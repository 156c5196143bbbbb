import Foundation

/// Says that one interactive Pathfinder has a store open: `.pathfinder/session.lock` holds its
/// pid, host, user and start time. A second one is told who has it and may open read-only.
/// Saves are safe without it (every save takes the write lock and checks the file); the
/// session lock is about people: two facilitators should not unknowingly edit the same plan.
///
/// A lock left by a program that crashed is noticed: on the same host, its pid is no longer
/// running. A lock from another host (a store on a file share) cannot be checked that way, so
/// the user is told its age and may take it over.
public struct SessionLock: Sendable {
    /// Who holds a store.
    public struct Holder: Hashable, Sendable, CustomStringConvertible {
        public var pid: Int32
        public var host: String
        public var user: String
        public var started: String

        /// On this host and no longer running.
        public var isStale: Bool {
            host == SessionLock.hostName() && kill(pid, 0) != 0 && errno == ESRCH
        }

        public var description: String {
            "\(user.isEmpty ? "someone" : user) on \(host) (process \(pid), since \(started))"
        }

        var text: String { "pid=\(pid)\nhost=\(host)\nuser=\(user)\nstarted=\(started)\n" }

        static func parse(_ text: String) -> Holder? {
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let eq = line.firstIndex(of: "=") else { continue }
                fields[String(line[..<eq])] = String(line[line.index(after: eq)...])
            }
            guard let pid = fields["pid"].flatMap({ Int32($0) }), let host = fields["host"] else { return nil }
            return Holder(pid: pid, host: host, user: fields["user"] ?? "", started: fields["started"] ?? "")
        }
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case heldBy(Holder)
        case unwritable(String)

        public var description: String {
            switch self {
            case let .heldBy(holder): "another Pathfinder has this store open: \(holder)"
            case let .unwritable(why): "could not mark the store as open: \(why)"
            }
        }
    }

    public let root: String
    public let holder: Holder

    static func path(_ root: String) -> String { root + "/.pathfinder/session.lock" }

    /// The lock file, and what this process wrote in it: enough for a signal handler to remove
    /// it only while it is still ours.
    public var file: (path: String, content: [UInt8]) { (Self.path(root), Array(holder.text.utf8)) }

    public static func hostName() -> String { ProcessInfo.processInfo.hostName }

    /// Takes the store for this process. A stale lock (its process gone, on this host) is taken
    /// over; `force` takes over any lock (the user said the other one is gone). Throws
    /// `Failure.heldBy` when another live Pathfinder has it.
    public static func acquire(store: URL, user: String, force: Bool = false, now: Date = Date()) throws -> SessionLock {
        let root = store.standardizedFileURL.path
        let me = Holder(pid: getpid(), host: hostName(), user: user, started: ISO8601DateFormatter().string(from: now))
        // The write lock makes look-then-take one step, so two starting at once cannot both win.
        let disk = StoreDisk(root: root)
        do {
            return try acquireLocked(disk, me: me, force: force)
        } catch let error as StoreError {
            // No lock can be taken (e.g. `.pathfinder` is a link): say why; the screens open read-only.
            throw Failure.unwritable(error.description)
        }
    }

    private static func acquireLocked(_ disk: StoreDisk, me: Holder, force: Bool) throws -> SessionLock {
        let root = disk.root
        return try WriteLock.hold(disk) {
            let file = path(root)
            // Read as a small file (see `SmallFile`): a named pipe or a huge file in its place
            // would otherwise hang the start or fill the memory. Something that is not a lock
            // is not replaced unasked: the user is told to remove it (or to use --force).
            let existing: String?
            do {
                existing = try SmallFile.text(file, limit: SmallFile.lockLimit)
            } catch let error as StoreError where !force {
                throw Failure.unwritable("\(error.description); remove it, then open the store again")
            } catch {
                existing = nil
            }
            if let existing, let other = Holder.parse(existing), other.pid != me.pid || other.host != me.host {
                guard force || other.isStale else { throw Failure.heldBy(other) }
            }
            do {
                try disk.write(Array(me.text.utf8), to: ".pathfinder/session.lock")
            } catch {
                throw Failure.unwritable("\(error)")
            }
            return SessionLock(root: root, holder: me)
        }
    }

    /// Who holds the store now, if anyone.
    public static func holder(of store: URL) -> Holder? {
        ((try? SmallFile.text(path(store.standardizedFileURL.path), limit: SmallFile.lockLimit)) ?? nil).flatMap(Holder.parse)
    }

    /// Gives the store up, if it is still ours (someone may have taken it over).
    public func release() {
        let disk = StoreDisk(root: root)
        _ = try? WriteLock.hold(disk) {
            let file = Self.path(root)
            if let text = (try? SmallFile.text(file, limit: SmallFile.lockLimit)) ?? nil, Holder.parse(text) == holder {
                _ = try? disk.remove(".pathfinder/session.lock")
            }
        }
    }
}
