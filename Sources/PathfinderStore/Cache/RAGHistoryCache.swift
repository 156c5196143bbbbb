import Foundation
import PathfinderModel

/// RAG over time, worked out once and kept in `.pathfinder/rag-history.json` with the key of
/// the files it came from, so opening the store again (or another screen) does not go through
/// every progress note and the git log again. Like the summary cache it is per machine
/// (`.pathfinder/` holds a `.gitignore` of `*`), written atomically through the store's disk,
/// and simply not written where the store cannot take it.
public struct RAGHistoryCache: Sendable {
    public static let path = ".pathfinder/rag-history.json"
    public let root: URL

    public init(root: URL) { self.root = root }

    private struct File: Codable {
        var key: String
        var table: RAGHistoryTable
    }

    /// The cached history, if it was made from exactly these files on this as-of day.
    public func read(key: String) -> RAGHistoryTable? {
        guard let data = try? Data(contentsOf: root.appendingPathComponent(Self.path)),
              let file = try? JSONDecoder().decode(File.self, from: data), file.key == key else { return nil }
        return file.table
    }

    public func write(_ table: RAGHistoryTable, key: String) {
        let disk = StoreDisk(store: root)
        guard (try? disk.makeFolder(".pathfinder")) != nil, let data = try? JSONEncoder().encode(File(key: key, table: table)) else { return }
        if disk.kind(".pathfinder/.gitignore") == nil {
            try? disk.write("# Pathfinder's own per-machine state (cache, lock): never shared.\n*\n", to: ".pathfinder/.gitignore")
        }
        try? disk.write(String(decoding: data, as: UTF8.self), to: Self.path)
    }

    /// Works the history out (or reads it from the cache): from the progress notes and meeting
    /// records, and from git where the store is a repository. Returns the table and whether it
    /// came from the cache. Safe on a background thread: it reads the store's files and git,
    /// never the store object.
    public func history(_ partnership: Partnership, asOf: Day, filesKey: UInt64) -> (table: RAGHistoryTable, cached: Bool) {
        let head = Self.gitHead(root)
        let key = "\(filesKey)-\(asOf.iso)-\(head ?? "no-git")"
        if let cached = read(key: key) { return (cached, true) }
        let fromGit = head == nil ? [] : Self.gitObservations(root)
        var table = RAGHistory.byArea(partnership, asOf: asOf, extra: fromGit)
        table.source = head == nil ? "progress notes and meetings" : "git history, progress notes and meetings"
        write(table, key: key)
        return (table, false)
    }

    /// The commit the store's git repository is at, or nil when the store is not in git.
    static func gitHead(_ root: URL) -> String? {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path),
              let git = try? GitRunner(directory: root), let result = try? git.run(["rev-parse", "HEAD"]), result.status == 0 else { return nil }
        return result.text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Every RAG rating an action's file had in a commit: `+rag: red` in a commit of
    /// 2006-11-14 says PO-04 was red from that day (and `-rag: amber`, amber until the day
    /// before). One `git log` over the actions' files, not one per file.
    public static func gitObservations(_ root: URL) -> [RAGObservation] {
        guard let git = try? GitRunner(directory: root),
              let log = try? git.run(["log", "--no-merges", "--format=%x1e%ad", "--date=short", "-p", "--unified=0", "-G^rag:",
                                      "--", "areas"]), log.status == 0 else { return [] }
        var result: [RAGObservation] = []
        for record in log.text.split(separator: "\u{1e}") {
            var lines = record.split(separator: "\n", omittingEmptySubsequences: true)[...]
            guard let first = lines.popFirst(), let date = Day(iso: first.trimmingCharacters(in: .whitespaces)) else { continue }
            var action: String?
            for line in lines {
                if line.hasPrefix("+++ ") {
                    // "+++ b/areas/portsmouth/actions/PO-04.md"
                    let path = line.dropFirst(4)
                    action = path.contains("/actions/") && path.hasSuffix(".md")
                        ? String(path.split(separator: "/").last!.dropLast(3)) : nil
                } else if let action, line.hasPrefix("+rag:") || line.hasPrefix("-rag:") {
                    let value = line.dropFirst(5).trimmingCharacters(in: .whitespaces).lowercased()
                    guard let rag = RAG(rawValue: value) else { continue }
                    let day = line.hasPrefix("+") ? date : date.adding(days: -1)
                    result.append(RAGObservation(action: action, date: day, rag: rag))
                }
            }
        }
        return result
    }
}

extension RAGHistoryCache {
    /// A key for what RAG over time is made from, taken from the loaded actions and meetings
    /// (for a command that read the store through the index, with no file hashes to hand):
    /// each action's id, rating, dates and notes' count and last date, each meeting's date and
    /// items.
    public static func contentKey(_ p: Partnership) -> UInt64 {
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                key ^= UInt64(byte)
                key &*= 0x100_0000_01b3
            }
            key ^= 0x1f
            key &*= 0x100_0000_01b3
        }
        for a in p.actions {
            mix(a.id + a.rag.rawValue + (a.start?.iso ?? "") + (a.updated?.iso ?? "") + String(a.progress.count)
                + (a.progress.latestDate?.iso ?? ""))
        }
        for m in p.meetings { mix(m.id + m.date.iso + m.items.map { $0.action + ($0.rag?.rawValue ?? "") }.joined()) }
        return key
    }
}

extension PlainFileStore {
    /// A key for what the store's files hold as last read: it changes when any file does.
    public var filesKey: UInt64 {
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        for (path, hash) in hashes.sorted(by: { $0.key < $1.key }) {
            for byte in path.utf8 {
                key ^= UInt64(byte)
                key &*= 0x100_0000_01b3
            }
            key ^= hash
            key &*= 0x100_0000_01b3
        }
        return key
    }
}
