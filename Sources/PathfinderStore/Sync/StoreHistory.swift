import Foundation

/// One commit that changed a file: who, when, and what changed field by field.
public struct HistoryEntry: Sendable {
    public var commit: String
    public var author: String
    public var date: Date
    /// The commit message's first line.
    public var message: String
    public var change: FileChange
}

/// A file changed since a point in time, with the changes and who made them.
public struct ChangedFile: Sendable {
    public var change: FileChange
    /// Authors of the commits that changed it, most recent first.
    public var authors: [String]
    /// The most recent commit that changed it, if any.
    public var lastChanged: Date?
    /// Changed here and not yet committed by a sync.
    public var notSynced: Bool
}

extension StoreSync {
    /// The history of an action from git, newest first: each commit that changed its file
    /// (following renames), with the fields changed from what to what and the progress notes
    /// added. Merge commits are left out: the commits they bring in are listed themselves.
    /// Throws `SyncError.notSetUp` when the store is not a git repository (no history to show).
    public func history(actionID id: String) throws -> [HistoryEntry] {
        guard let path = try actionPath(id) else { throw StoreError.invalid("no action \(id) in the store or its history") }
        return try history(path: path)
    }

    /// The history of any store file (path relative to the store), newest first.
    public func history(path: String) throws -> [HistoryEntry] {
        guard isRepository else { throw SyncError.notSetUp(root.path) }
        guard git.exists("HEAD") else { return [] }
        let log = try git.check(["log", "--follow", "--no-merges", "-M", "--format=%x1e%H%x1f%an%x1f%at%x1f%s", "--name-status", "--", path])
        struct Row { var commit, author, subject, path: String; var oldPath: String?; var status: Character; var date: Date }
        var rows: [Row] = []
        for record in log.text.split(separator: "\u{1e}") {
            let lines = record.split(separator: "\n").map(String.init)
            guard let header = lines.first else { continue }
            let fields = header.split(separator: "\u{1f}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 4 else { continue }
            let statusLine = lines.dropFirst().first { !$0.isEmpty }?.split(separator: "\t").map(String.init) ?? []
            let status = statusLine.first?.first ?? "M"
            let now = statusLine.count >= 3 ? statusLine[2] : statusLine.count == 2 ? statusLine[1] : path
            let old = statusLine.count >= 3 ? statusLine[1] : nil
            rows.append(Row(commit: fields[0], author: fields[1], subject: fields[3...].joined(separator: "\u{1f}"), path: now,
                            oldPath: old, status: status, date: Date(timeIntervalSince1970: TimeInterval(fields[2]) ?? 0)))
        }
        var specs: [String] = []
        for row in rows {
            specs.append("\(row.commit)^:\(row.oldPath ?? row.path)")
            specs.append("\(row.commit):\(row.path)")
        }
        let blobs = try git.blobs(specs)
        let names = areaNames()
        return rows.enumerated().map { i, row in
            let before = row.status == "A" ? nil : blobs[2 * i]
            let after = row.status == "D" ? nil : blobs[2 * i + 1]
            let change = FileChanges.describe(path: row.path, oldPath: row.oldPath ?? row.path, old: before, new: after, areaName: names)
            return HistoryEntry(commit: row.commit, author: TerminalSafe.line(row.author), date: row.date,
                                message: TerminalSafe.line(row.subject), change: change)
        }
    }

    /// Where an action's file is, or was last: `areas/<area>/actions/<ID>.md`.
    func actionPath(_ id: String) throws -> String? {
        let areas = root.appendingPathComponent("areas")
        for area in ((try? FileManager.default.contentsOfDirectory(atPath: areas.path)) ?? []).sorted() {
            let path = "areas/\(area)/actions/\(id).md"
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) { return path }
        }
        guard git.exists("HEAD") else { return nil }
        let log = try git.run(["log", "-1", "--format=", "--name-only", "--", ":(glob)areas/*/actions/\(id).md"])
        return log.lines.first { !$0.isEmpty }
    }

    /// Every store file changed since a moment (commits made since then, and changes not yet
    /// committed), compared field by field with its version at that moment.
    public func changed(since date: Date) throws -> [ChangedFile] {
        guard isRepository else { throw SyncError.notSetUp(root.path) }
        guard git.exists("HEAD") else { return try changed(from: nil) }
        var base = try git.run(["rev-list", "-1", "--before=@\(Int(date.timeIntervalSince1970) - 1)", "HEAD"]).text
        if base.isEmpty {
            // Every commit is after the day: compare with the first, which put the existing store
            // into git (`sync --setup`). Files were not new then; nobody changed them (issue 16:
            // every action was listed as "new action" by whoever set sync up).
            base = try git.run(["rev-list", "--max-parents=0", "HEAD"]).text.split(separator: "\n").last.map(String.init) ?? ""
        }
        return try changed(from: base.isEmpty ? nil : base)
    }

    /// Every store file changed since the last sync began: what that sync brought from the
    /// others, and what changed here since.
    public func changedSinceLastSync() throws -> [ChangedFile] {
        guard isRepository else { throw SyncError.notSetUp(root.path) }
        guard let state = SyncState.load(store: root), git.exists(state.before) else {
            throw StoreError.invalid("this store has not been synced yet on this machine: use --since DATE")
        }
        return try changed(from: state.before)
    }

    /// When the last sync on this machine ran, if ever.
    public var lastSync: Date? {
        SyncState.load(store: root).flatMap { ISO8601DateFormatter().date(from: $0.lastSync) }
    }

    private func changed(from base: String?) throws -> [ChangedFile] {
        let hasHead = git.exists("HEAD")
        var list = try git.changedFiles(["--no-renames", base ?? GitRunner.emptyTree])
        let untracked = try git.check(["ls-files", "--others", "--exclude-standard", "-z"])
        for path in String(decoding: untracked.output, as: UTF8.self).split(separator: "\0") {
            list.append(("A", String(path), nil))
        }
        let local = Set(hasHead ? try git.changedFiles(["--no-renames", "HEAD"]).map(\.path) : list.map(\.path))
            .union(list.filter { $0.status == "A" && !hasHead }.map(\.path))
            .union(String(decoding: untracked.output, as: UTF8.self).split(separator: "\0").map(String.init))
        var authors: [String: [String]] = [:]
        var latest: [String: Date] = [:]
        if hasHead {
            let range = base.map { "\($0)..HEAD" } ?? "HEAD"
            let log = try git.check(["log", "--no-merges", "--format=%x1e%an%x1f%at", "--name-only", range])
            for record in log.text.split(separator: "\u{1e}") {
                let lines = record.split(separator: "\n").map(String.init)
                guard let header = lines.first else { continue }
                let fields = header.split(separator: "\u{1f}").map(String.init)
                let when = Date(timeIntervalSince1970: TimeInterval(fields.count > 1 ? fields[1] : "") ?? 0)
                for path in lines.dropFirst() where !path.isEmpty {
                    if !(authors[path]?.contains(fields[0]) ?? false) { authors[path, default: []].append(TerminalSafe.line(fields[0])) }
                    if latest[path] == nil { latest[path] = when }
                }
            }
        }
        let changes = try fileChanges(list, old: base, new: nil)
        return changes.map { change in
            ChangedFile(change: change, authors: authors[change.path] ?? [], lastChanged: latest[change.path],
                        notSynced: local.contains(change.path))
        }.sorted { $0.change.path < $1.change.path }
    }

    /// Area names by folder, read from each area.md as it is now.
    func areaNames() -> (String) -> String? {
        var names: [String: String?] = [:]
        let root = self.root
        return { folder in
            if let known = names[folder] { return known }
            let path = "areas/\(folder)/area.md"
            let name = StoreSync.workingCopy(root, path).flatMap { Side.read($0, path: path, manifest: false)?.values["name"]?.text }
            names[folder] = name
            return name
        }
    }
}
