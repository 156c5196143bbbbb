#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PathfinderModel

/// A step of a sync, reported as it starts so the command line and the screens can show it.
public struct SyncProgress: Sendable, Equatable {
    public enum Step: String, Sendable {
        case checking, recovering, committing, fetching, merging, sending, done
    }

    public var step: Step
    /// One line for people: "Committing your changes", "Fetching from /media/usb/plan.git".
    public var message: String
}

/// What a sync did.
public struct SyncReport: Sendable {
    /// The lines of the commit made of local changes (empty when there were none).
    public var committed: [String] = []
    /// Commits from the remote merged in.
    public var received = 0
    /// Each file the merge changed here, in users' words.
    public var receivedChanges: [String] = []
    /// Conflicts this sync found: the file keeps the local value until someone decides.
    public var conflicts: [SyncConflict] = []
    /// Things people should know: an action kept twice, a deleted file kept, a lock removed.
    public var notices: [String] = []
    /// Whether the remote now has everything this store has.
    public var sent = false
    /// Set when the remote could not be reached: why. Local changes are committed and go next time.
    public var offline: String?
    /// The remote, as configured.
    public var remote: String?
}

/// Sync of a store through git: commit local changes with a message in users' words, fetch,
/// merge with the `pathfinder` merge driver (field by field, see `StoreFileMerge`), push.
/// Every step can be interrupted (killed, disk full, remote gone) and the next sync finishes
/// the job: half-done merges are finished, stale lock files removed, unsent commits sent.
/// See docs/sync.md.
public final class StoreSync: Sendable {
    public let root: URL
    public let git: GitRunner
    /// The program to register as the merge driver (an absolute path), or nil to leave the
    /// repository's setting alone. Sync still merges Pathfinder files itself where git could not.
    public let driverExecutable: String?
    let environment: [String: String]

    public static let remoteName = "origin"

    /// `userName` is the author when git has no identity of its own. Throws
    /// `SyncError.gitMissing` when git is not installed.
    public init(store: URL, userName: String? = nil, driverExecutable: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        root = store.standardizedFileURL
        git = try GitRunner(directory: root, userName: userName, environment: environment)
        self.driverExecutable = driverExecutable
        self.environment = environment
    }

    var gitDir: URL { root.appendingPathComponent(".git") }

    /// Whether the store is a git repository of its own (not merely inside one).
    public var isRepository: Bool {
        guard FileManager.default.fileExists(atPath: gitDir.path),
              let top = try? git.run(["rev-parse", "--show-toplevel"]), top.succeeded else { return false }
        return URL(fileURLWithPath: top.text).resolvingSymlinksInPath().path == root.resolvingSymlinksInPath().path
    }

    /// The configured remote's address, if any.
    public var remote: String? {
        guard let r = try? git.run(["remote", "get-url", Self.remoteName]), r.succeeded, !r.text.isEmpty else { return nil }
        return r.text
    }

    // MARK: Setup

    /// Makes the store a git repository (if it is not), registers the merge driver, ignores
    /// `.pathfinder/`, points `origin` at `remote`, commits, and syncs with the remote when it
    /// can be reached (an empty bare repository is filled; a store already there is merged in).
    /// A missing or empty store folder is filled from the remote instead.
    @discardableResult
    public func setup(remote address: String, progress: (SyncProgress) -> Void = { _ in }) throws -> SyncReport {
        let fm = FileManager.default
        let remote = Self.absoluteRemote(address)
        let contents = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
        if contents.filter({ $0 != ".pathfinder" }).isEmpty {
            progress(SyncProgress(step: .fetching, message: "Copying the store from \(remote)"))
            try fm.createDirectory(at: root.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fm.fileExists(atPath: root.path) { try? fm.removeItem(at: root) }
            let parent = try GitRunner(directory: root.deletingLastPathComponent(), environment: git.environment)
            try parent.check(["clone", "--quiet", remote, root.lastPathComponent])
            try configure()
            return try sync(progress: progress)
        }
        guard fm.fileExists(atPath: root.appendingPathComponent("pathfinder.yaml").path) else {
            throw StoreError.notAStore(root.path)
        }
        if !isRepository {
            progress(SyncProgress(step: .checking, message: "Making the store a git repository"))
            try git.check(["init", "--quiet"])
            // An empty repository on a stick or share names its first branch; use the same name.
            if let branch = Self.localBareBranch(remote, git: git), !git.exists("HEAD") {
                try git.check(["symbolic-ref", "HEAD", "refs/heads/\(branch)"])
            }
        }
        try configure()
        if self.remote == nil {
            try git.check(["remote", "add", Self.remoteName, remote])
        } else if self.remote != remote {
            try git.check(["remote", "set-url", Self.remoteName, remote])
        }
        return try sync(progress: progress, joining: true)
    }

    /// The local half of setup (`pathfinder init DIR --git`): makes the store a git repository,
    /// registers the merge driver, ignores `.pathfinder/`, and commits what is there. Returns
    /// the commit's lines.
    @discardableResult
    public func prepareRepository() throws -> [String] {
        if !isRepository { try git.check(["init", "--quiet"]) }
        try configure()
        return try commitLocalChanges()
    }

    /// A remote that is a folder on this machine, as an absolute path (so it works from any folder).
    static func absoluteRemote(_ address: String) -> String {
        if address.contains("://") || (address.contains(":") && !address.hasPrefix("/") && !address.hasPrefix(".")) { return address }
        return URL(fileURLWithPath: address).standardizedFileURL.path
    }

    /// The branch HEAD names in a bare repository on this machine.
    static func localBareBranch(_ remote: String, git: GitRunner) -> String? {
        guard FileManager.default.fileExists(atPath: remote + "/HEAD"),
              let r = try? git.run(["--git-dir", remote, "symbolic-ref", "--short", "HEAD"]), r.succeeded, !r.text.isEmpty else { return nil }
        return r.text
    }

    /// The merge driver registration, `.gitattributes` and `.gitignore`: written at setup and
    /// checked (and repaired) by every sync, so a moved program or a hand-edited file heals.
    public func configure() throws {
        try ensureLines(in: ".gitattributes", ["*.md merge=pathfinder", "pathfinder.yaml merge=pathfinder"],
                        heading: "# Pathfinder files merge field by field (pathfinder merge-driver); see docs/sync.md")
        try ensureLines(in: ".gitignore", [".pathfinder/", ".*.tmp"],
                        heading: "# Per-machine state (locks, caches, conflict records) and unfinished saves")
        guard let exe = driverExecutable else { return }
        let command = "'\(exe.replacingOccurrences(of: "'", with: "'\\''"))' merge-driver %O %A %B %P"
        let current = try git.run(["config", "--local", "--get", "merge.pathfinder.driver"])
        if current.text != command {
            try git.check(["config", "--local", "merge.pathfinder.name", "Pathfinder field-by-field merge"])
            try git.check(["config", "--local", "merge.pathfinder.driver", command])
        }
    }

    private func ensureLines(in name: String, _ wanted: [String], heading: String) throws {
        let path = root.appendingPathComponent(name).path
        let text = (try AtomicFile.readIfPresent(path, limit: .max)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let present = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = wanted.filter { !present.contains($0) }
        guard !missing.isEmpty else { return }
        var out = text
        if !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
        if !present.contains(heading) { out += (out.isEmpty ? "" : "\n") + heading + "\n" }
        out += missing.map { $0 + "\n" }.joined()
        try StoreDisk(store: root).write(out, to: name)
    }

    // MARK: Sync

    /// Commits local changes, fetches, merges and pushes. Throws `SyncError.conflictsWaiting`
    /// while conflicts of an earlier sync are undecided, `SyncError.needsAttention` when a
    /// person must act first in another way (files to mend, git busy), and
    /// `SyncError.notSetUp` when the store is not a repository. A remote that cannot be
    /// reached is not an error: the report says so and the next sync sends the changes.
    @discardableResult
    public func sync(progress: (SyncProgress) -> Void = { _ in }) throws -> SyncReport {
        try sync(progress: progress, joining: false)
    }

    func sync(progress: (SyncProgress) -> Void, joining: Bool) throws -> SyncReport {
        guard isRepository else { throw SyncError.notSetUp(root.path) }
        var report = SyncReport()
        report.remote = remote
        progress(SyncProgress(step: .checking, message: "Checking the store"))
        report.notices += try removeStaleLocks()
        try configure()
        try refuseOtherOperations()

        // The store's write lock is held while git changes files, so a save from the screens
        // waits rather than interleaving with a merge (it then sees the file changed on disk).
        try WriteLock.hold(store: root.path) {
            if FileManager.default.fileExists(atPath: gitDir.appendingPathComponent("MERGE_HEAD").path) {
                progress(SyncProgress(step: .recovering, message: "Finishing a merge an earlier sync left unfinished"))
                try finishMerge(&report)
                report.notices.append("finished a merge an earlier sync left unfinished")
            }
            try performSplits(&report)
        }
        let waiting = try ConflictLog.load(store: root)
        if !waiting.isEmpty { throw SyncError.conflictsWaiting(waiting.count) }

        guard let branch = try currentBranch() else {
            throw SyncError.needsAttention("the store's repository is not on a branch (someone used git by hand); check it out on a branch and sync again")
        }
        progress(SyncProgress(step: .committing, message: "Committing your changes"))
        report.committed = try WriteLock.hold(store: root.path) { try commitLocalChanges() }
        fault("after-commit")

        guard let remote = report.remote else {
            report.notices.append("no remote is set up, so nothing was sent: pathfinder sync --setup REMOTE")
            if let head = git.resolve("HEAD") {
                try SyncState(lastSync: ISO8601DateFormatter().string(from: Date()), before: head, after: head).save(store: root)
            }
            progress(SyncProgress(step: .done, message: "Done (no remote)"))
            return report
        }
        let before = git.resolve("HEAD")
        var lastPushFailure = "someone else kept sending changes; try again"
        for _ in 0..<3 {
            progress(SyncProgress(step: .fetching, message: "Fetching from \(remote)"))
            let fetch = try git.run(["fetch", "--quiet", "--prune", Self.remoteName])
            guard fetch.succeeded else {
                report.offline = "could not reach \(remote) (\(fetch.complaint))"
                progress(SyncProgress(step: .done, message: "Could not reach the remote; your changes are committed here"))
                return report
            }
            fault("after-fetch")
            let tracking = "refs/remotes/\(Self.remoteName)/\(branch)"
            if git.exists(tracking), !(try git.run(["merge-base", "--is-ancestor", tracking, "HEAD"]).succeeded) {
                let incoming = Int(try git.check(["rev-list", "--count", "HEAD..\(tracking)"]).text) ?? 0
                progress(SyncProgress(step: .merging, message: "Merging what others sent (\(incoming) commit\(incoming == 1 ? "" : "s"))"))
                try WriteLock.hold(store: root.path) {
                    try merge(tracking, joining: joining, report: &report)
                    report.received += incoming
                    fault("after-merge")
                    try performSplits(&report)
                }
            }
            let ahead = git.exists(tracking) ? Int(try git.check(["rev-list", "--count", "\(tracking)..HEAD"]).text) ?? 0 : (git.exists("HEAD") ? 1 : 0)
            guard ahead > 0 else {
                report.sent = true
                break
            }
            progress(SyncProgress(step: .sending, message: "Sending your changes to \(remote)"))
            let push = try git.run(["push", "--quiet", Self.remoteName, "HEAD:refs/heads/\(branch)"])
            if push.succeeded {
                report.sent = true
                break
            }
            let why = push.error
            lastPushFailure = push.complaint
            if why.contains("fetch first") || why.contains("non-fast-forward") {
                continue   // someone sent changes meanwhile: fetch and merge them, then try again
            }
            break
        }
        if !report.sent {
            report.offline = "could not send to \(remote) (\(lastPushFailure))"
        }
        if let after = git.resolve("HEAD") {
            try SyncState(lastSync: ISO8601DateFormatter().string(from: Date()), before: before ?? after, after: after).save(store: root)
        }
        progress(SyncProgress(step: .done, message: report.offline == nil ? "Done" : "Could not send; your changes are committed here"))
        return report
    }

    /// Kills this process at a named step when PATHFINDER_SYNC_FAULT asks for it: how the
    /// tests prove that an interrupted sync is finished by the next one.
    func fault(_ step: String) {
        if environment["PATHFINDER_SYNC_FAULT"] == step { kill(getpid(), SIGKILL) }
    }

    func currentBranch() throws -> String? {
        let r = try git.run(["symbolic-ref", "--quiet", "--short", "HEAD"])
        return r.succeeded && !r.text.isEmpty ? r.text : nil
    }

    /// Rebases, cherry-picks and the like started by hand are left for the person who started them.
    private func refuseOtherOperations() throws {
        for (name, what) in [("rebase-merge", "a rebase"), ("rebase-apply", "a rebase"), ("CHERRY_PICK_HEAD", "a cherry-pick"),
                             ("REVERT_HEAD", "a revert"), ("BISECT_LOG", "a bisect")]
            where FileManager.default.fileExists(atPath: gitDir.appendingPathComponent(name).path) {
            throw SyncError.needsAttention("git is in the middle of \(what) started by hand in this store; finish or abort it with git, then sync again")
        }
    }

    // MARK: Committing

    /// Stages every change in the store and commits it with one line per file in users' words.
    func commitLocalChanges() throws -> [String] {
        try git.check(["add", "--all", "--", "."])
        let hasHead = git.exists("HEAD")
        let changes = try git.changedFiles(["--cached", "-M", hasHead ? "HEAD" : GitRunner.emptyTree])
        guard !changes.isEmpty else { return [] }
        let lines = try describe(changes, old: hasHead ? "HEAD" : nil, new: "")
        let message = Self.message(lines)
        try git.check(["commit", "--quiet", "--no-verify", "-F", "-"], input: Data(message.utf8))
        return lines
    }

    /// Lines in users' words for changed files, comparing `old:PATH` with `new:PATH` (`""` is
    /// the index; nil old is "no earlier version").
    func describe(_ changes: [(status: Character, path: String, oldPath: String?)], old: String?, new: String?) throws -> [String] {
        try fileChanges(changes, old: old, new: new).map(\.line)
    }

    func fileChanges(_ changes: [(status: Character, path: String, oldPath: String?)], old: String?, new: String?) throws -> [FileChange] {
        var specs: [String] = []
        for change in changes {
            specs.append(old.map { "\($0):\(change.oldPath ?? change.path)" } ?? "")
            specs.append(new.map { "\($0):\(change.path)" } ?? "")
        }
        let fetched = try git.blobs(specs.filter { !$0.isEmpty })
        var iterator = fetched.makeIterator()
        var blobs: [[UInt8]?] = []
        for spec in specs { blobs.append(spec.isEmpty ? nil : (iterator.next() ?? nil)) }
        var names: [String: String?] = [:]
        let areaName: (String) -> String? = { folder in
            if let known = names[folder] { return known }
            let bytes = (try? AtomicFile.readIfPresent(self.root.appendingPathComponent("areas/\(folder)/area.md").path)) ?? nil
            let name = bytes.flatMap { Side.read($0, path: "areas/\(folder)/area.md", manifest: false)?.values["name"]?.text }
            names[folder] = name
            return name
        }
        return changes.enumerated().map { i, change in
            let before = change.status == "A" ? nil : blobs[2 * i]
            let after = change.status == "D" ? nil : (new == nil ? Self.workingCopy(root, change.path) : blobs[2 * i + 1])
            return FileChanges.describe(path: change.path, oldPath: change.oldPath, old: before, new: after, areaName: areaName)
        }.filter { FileKind(path: $0.path) != .other || !$0.path.hasPrefix(".") }
    }

    static func workingCopy(_ root: URL, _ path: String) -> [UInt8]? {
        (try? AtomicFile.readIfPresent(root.appendingPathComponent(path).path)) ?? nil
    }

    /// One line for one file; for several, a count first and then one line each.
    static func message(_ lines: [String]) -> String {
        guard lines.count > 1 else { return (lines.first ?? "Pathfinder sync") + "\n" }
        // A whole store's first commit would otherwise carry a line per file.
        let shown = lines.count > 500 ? Array(lines.prefix(400)) + ["… and \(lines.count - 400) more"] : lines
        return "\(lines.count) changes\n\n" + shown.map { $0 + "\n" }.joined()
    }

    // MARK: Merging

    private func merge(_ tracking: String, joining: Bool, report: inout SyncReport) throws {
        let beforeMerge = git.resolve("HEAD")
        let unrelated = !(try git.run(["merge-base", "HEAD", tracking]).succeeded)
        if unrelated, !joining {
            throw SyncError.needsAttention("the remote holds a different store (no history in common); to join the two, run `pathfinder sync --setup REMOTE`")
        }
        // No rename detection: an action moved to the trash on one side and edited on the other
        // is a deletion against an edit (the edit stays where people see it), not an edit carried
        // into the trash. git 2.39's default strategy (ort) detects renames regardless of
        // `-X no-renames`, so the recursive strategy is named.
        var arguments = ["merge", "--no-edit", "--quiet", "-s", "recursive", "-X", "no-renames",
                         "-m", "Sync: merged changes from \(remote ?? Self.remoteName)"]
        if unrelated { arguments.append("--allow-unrelated-histories") }
        let result = try git.run(arguments + [tracking])
        if !result.succeeded {
            guard FileManager.default.fileExists(atPath: gitDir.appendingPathComponent("MERGE_HEAD").path) else {
                throw SyncError.gitFailed(command: "merge", message: result.complaint)
            }
            try finishMerge(&report)
        }
        report.conflicts += try ConflictLog.load(store: root).filter { conflict in !report.conflicts.contains(conflict) }
        if let beforeMerge, let after = git.resolve("HEAD"), after != beforeMerge {
            let changes = try git.changedFiles(["-M", beforeMerge, after])
            report.receivedChanges += try fileChanges(changes, old: beforeMerge, new: after).map(\.line)
        }
    }

    /// Settles every file git left unmerged (a file deleted on one side and edited on the
    /// other keeps the edit; a Pathfinder file the driver could not merge is merged here), then
    /// commits the merge. Files that are not Pathfinder files and hold conflict markers are
    /// left for a person, and sync says which.
    func finishMerge(_ report: inout SyncReport) throws {
        let unmerged = try git.check(["ls-files", "--unmerged", "-z"])
        var stages: [String: Set<Int>] = [:]
        var order: [String] = []
        for record in String(decoding: unmerged.output, as: UTF8.self).split(separator: "\0") {
            // "<mode> <object> <stage>\t<path>"
            guard let tab = record.firstIndex(of: "\t") else { continue }
            let path = String(record[record.index(after: tab)...])
            let stage = Int(record[..<tab].split(separator: " ").last ?? "") ?? 0
            if stages[path] == nil { order.append(path) }
            stages[path, default: []].insert(stage)
        }
        var conflicts: [SyncConflict] = []
        var byHand: [String] = []
        for path in order {
            let present = stages[path] ?? []
            let full = root.appendingPathComponent(path).path
            if present.contains(2), !present.contains(3) {
                try git.check(["add", "--", path])
                conflicts.append(SyncConflict(path: path, location: [.key("file")], kind: .deletedElsewhere, base: nil, mine: nil, theirs: nil))
                report.notices.append("\(path) was deleted on the other machine but edited here: your edited file was kept")
            } else if present.contains(3), !present.contains(2) {
                if !FileManager.default.fileExists(atPath: full), let theirs = try git.blobs([":3:\(path)"]).first ?? nil {
                    try StoreDisk(store: root).write(theirs, to: path)
                }
                try git.check(["add", "--", path])
                conflicts.append(SyncConflict(path: path, location: [.key("file")], kind: .deletedHere, base: nil, mine: nil, theirs: nil))
                report.notices.append("\(path) was deleted here but edited on the other machine: their edited file was kept")
            } else if present.contains(2), present.contains(3) {
                let versions = try git.blobs([":1:\(path)", ":2:\(path)", ":3:\(path)"])
                let outcome = FileKind(path: path) == .other && !path.hasSuffix(".md") ? .unreadable("not a Pathfinder file")
                    : StoreFileMerge.merge(base: versions[0] ?? [], mine: versions[1] ?? [], theirs: versions[2] ?? [], path: path)
                switch outcome {
                case let .merged(text, found):
                    try StoreDisk(store: root).write(text, to: path)
                    conflicts += found.map { SyncConflict(path: path, location: $0.location, base: $0.base, mine: $0.mine, theirs: $0.theirs) }
                    try git.check(["add", "--", path])
                case let .keepBoth(theirs):
                    if let mine = versions[1] { try StoreDisk(store: root).write(mine, to: path) }
                    try PendingSplit(path: path, theirs: theirs).save(store: root)
                    try git.check(["add", "--", path])
                case .unreadable:
                    if Self.hasMarkers(full) {
                        byHand.append(path)
                    } else {
                        try git.check(["add", "--", path])
                    }
                }
            } else {
                try git.check(["add", "--all", "--", path])   // deleted on both sides
            }
        }
        try ConflictLog.record(conflicts, store: root)
        if !byHand.isEmpty {
            throw SyncError.needsAttention("could not merge \(byHand.joined(separator: ", ")) field by field (not a file Pathfinder can read): "
                + "edit \(byHand.count == 1 ? "it" : "them") to keep what is right and remove the <<<<<<< ======= >>>>>>> lines, then run pathfinder sync again")
        }
        // Files marked resolved by hand but still holding markers are not committed either.
        let stillMarked = try git.changedFiles(["--cached", "HEAD"]).map(\.path).filter { Self.hasMarkers(root.appendingPathComponent($0).path) }
        if !stillMarked.isEmpty {
            throw SyncError.needsAttention("\(stillMarked.joined(separator: ", ")) still hold conflict markers (<<<<<<<): edit them, then run pathfinder sync again")
        }
        try git.check(["commit", "--quiet", "--no-verify", "--no-edit"])
    }

    static func hasMarkers(_ path: String) -> Bool {
        guard let bytes = (try? AtomicFile.readIfPresent(path)) ?? nil else { return false }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.hasPrefix("<<<<<<< ") || text.contains("\n<<<<<<< ")
    }

    // MARK: Actions kept twice

    /// Writes each action the merge kept twice (created on both sides with one id) under a
    /// fresh id, and commits. The id comes from the other version's content, so doing this
    /// again after an interruption gives the same file rather than a third copy.
    func performSplits(_ report: inout SyncReport) throws {
        let (pending, unreadable) = PendingSplit.all(store: root)
        report.notices += unreadable
        guard !pending.isEmpty else { return }
        var lines: [String] = []
        for (file, split) in pending {
            let parts = split.path.split(separator: "/").map(String.init)
            guard parts.count == 4 else { _ = try? StoreDisk(store: root).remove(file); continue }
            let area = parts[1]
            let folder = root.appendingPathComponent("areas/\(area)/actions")
            let theirs = split.theirs
            let oldID = String(parts[3].dropLast(3))
            var existing = Set(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).map { String($0.dropLast(3)) })
            for a in (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("areas").path)) ?? [] {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("areas/\(a)/actions").path)) ?? [] {
                    existing.insert(String(name.dropLast(3)))
                }
            }
            let areaBytes = Self.workingCopy(root, "areas/\(area)/area.md")
            let code = areaBytes.flatMap { Side.read($0, path: "areas/\(area)/area.md", manifest: false)?.values["code"]?.text }
                ?? String(oldID.prefix { $0 != "-" })
            // The same content always gets the same new id, so a second attempt after an
            // interruption finds the file the first one wrote instead of making a third copy.
            var generator = SeededRandom(seed: AtomicFile.hash(theirs))
            let day = split.day.flatMap { Day(iso: $0) }
                ?? Day(secondsSince1970: Date().timeIntervalSince1970, utcOffset: TimeZone.current.secondsFromGMT())
            let newID = Self.sameContent(theirs, path: split.path, in: folder, as: oldID, day: day).sorted().first
                ?? ActionID.make(code: code, existing: existing, random: { generator.next($0) })
            let target = "areas/\(area)/actions/\(newID).md"
            let text = try Self.renumbered(theirs, path: split.path, from: oldID, to: newID, day: day)
            if Self.workingCopy(root, target) != text {
                try StoreDisk(store: root).write(text, to: target)
            }
            fault("after-split-write")
            try git.check(["add", "--", target])
            let title = Side.read(theirs, path: split.path, manifest: false)?.values["title"]?.text ?? ""
            let line = "\(oldID) was created on both machines: both kept; the other machine's (“\(FieldChange.short(TerminalSafe.line(title)))”) "
                + "was renumbered \(newID) by the merge"
            lines.append(line)
            report.notices.append(line)
            _ = try? StoreDisk(store: root).remove(file)
        }
        if try !git.changedFiles(["--cached", "HEAD"]).isEmpty {
            try git.check(["commit", "--quiet", "--no-verify", "-F", "-"], input: Data(Self.message(lines).utf8))
        }
    }

    /// Ids of files in the folder already holding this content under a new id (from an
    /// interrupted earlier attempt), so the same id is chosen again.
    private static func sameContent(_ theirs: [UInt8], path: String, in folder: URL, as oldID: String, day: Day) -> Set<String> {
        var out = Set<String>()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".md") {
            let id = String(name.dropLast(3))
            guard id != oldID, let bytes = (try? AtomicFile.readIfPresent(folder.appendingPathComponent(name).path)) ?? nil,
                  let expected = try? renumbered(theirs, path: path, from: oldID, to: id, day: day),
                  expected == bytes else { continue }
            out.insert(id)
        }
        return out
    }

    /// The other machine's action as written under its new id: the id changed, and a progress
    /// note saying so (`Renumbering`), so the person who made it finds it under its new number
    /// and the next meeting's agenda says what happened. The same inputs give the same bytes.
    static func renumbered(_ theirs: [UInt8], path: String, from oldID: String, to newID: String, day: Day) throws -> [UInt8] {
        let withID = try PlainFileStore.setting([.key("id")], to: .text(newID), in: theirs, path: path)
        let note = ProgressEntry(date: day, author: Renumbering.author, text: Renumbering.note(from: oldID, to: newID))
        return try PlainFileStore.addingProgress(note, to: withID, path: path)
    }

    // MARK: Locks

    /// Lock files an interrupted git leaves behind. One older than a minute, with no git
    /// running in the store, is removed; a fresh one means git is busy, so sync waits for a person.
    func removeStaleLocks() throws -> [String] {
        let fm = FileManager.default
        var locks: [String] = ["index.lock", "HEAD.lock", "ORIG_HEAD.lock", "MERGE_HEAD.lock", "config.lock", "packed-refs.lock", "shallow.lock"]
            .filter { fm.fileExists(atPath: gitDir.appendingPathComponent($0).path) }
        if let walker = fm.enumerator(atPath: gitDir.appendingPathComponent("refs").path) {
            while let name = walker.nextObject() as? String {
                if name.hasSuffix(".lock") { locks.append("refs/" + name) }
            }
        }
        guard !locks.isEmpty else { return [] }
        let busy = Self.gitRunning(in: root)
        var notices: [String] = []
        for lock in locks {
            let url = gitDir.appendingPathComponent(lock)
            let modified = (try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? Date()
            guard !busy, Date().timeIntervalSince(modified) > 60 else {
                throw SyncError.needsAttention("another git command is working in this store (.git/\(lock)); try again in a minute")
            }
            try? fm.removeItem(at: url)
            notices.append("removed .git/\(lock), left by an interrupted git")
        }
        return notices
    }

    /// Whether a git process is running with the store as its folder (Linux: from /proc).
    static func gitRunning(in root: URL) -> Bool {
        let fm = FileManager.default
        guard let pids = try? fm.contentsOfDirectory(atPath: "/proc") else { return false }
        let target = root.resolvingSymlinksInPath().path
        for pid in pids where pid.allSatisfy(\.isNumber) && pid != String(getpid()) {
            guard let comm = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8), comm.hasPrefix("git") else { continue }
            if let cwd = try? fm.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd"),
               cwd == target || cwd.hasPrefix(target + "/") { return true }
        }
        return false
    }
}

/// When the last sync ran and what it changed: `before` is this store's commit before
/// merging, `after` the commit after. "Changed since the last sync" compares from `before`.
public struct SyncState: Codable, Sendable {
    public var lastSync: String
    public var before: String
    public var after: String

    static func url(store: URL) -> URL { store.appendingPathComponent(".pathfinder/sync.json") }

    public static func load(store: URL) -> SyncState? {
        guard let bytes = (try? AtomicFile.readIfPresent(url(store: store).path, limit: .max)) ?? nil else { return nil }
        return try? JSONDecoder().decode(SyncState.self, from: Data(bytes))
    }

    func save(store: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try StoreDisk(store: store).write(Array(try encoder.encode(self)), to: ".pathfinder/sync.json")
    }
}
