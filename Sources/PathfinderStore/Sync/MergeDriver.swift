import Foundation
import PathfinderModel

/// The git merge driver for Pathfinder files (`pathfinder merge-driver %O %A %B %P`, registered
/// by sync's setup). git runs it in the repository's top folder, which is the store.
public enum MergeDriver {
    /// Merges `theirs` into `ours` (git's temporary files for %A and %B, with %O the common
    /// version, empty when the file was added on both sides) for the store file `path` (%P).
    /// Writes the result to `ours` and returns 0. A field changed differently on both sides keeps
    /// ours and is recorded in `.pathfinder/conflicts.json`; an action created on both sides with
    /// one id keeps ours here and leaves theirs in `.pathfinder/pending-splits/` for sync to
    /// write under a fresh id. A file the merge cannot read is merged by `git merge-file`
    /// instead, as git would have done, and the driver exits 1 so the file is looked at: sync
    /// takes it as merged when no conflict markers are left, and names it when there are.
    public static func run(base: String, ours: String, theirs: String, path: String,
                           store: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                           environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
        guard let b = read(base), let o = read(ours), let t = read(theirs) else {
            return textMerge(base: base, ours: ours, theirs: theirs, store: store, environment: environment)
        }
        switch StoreFileMerge.merge(base: b, mine: o, theirs: t, path: path) {
        case let .merged(text, conflicts):
            do {
                if text != o { try AtomicFile.write(text, to: ours) }
                try ConflictLog.record(conflicts.map {
                    SyncConflict(path: path, location: $0.location, base: $0.base, mine: $0.mine, theirs: $0.theirs)
                }, store: store)
                return 0
            } catch {
                FileHandle.standardError.write(Data("pathfinder merge-driver: \(SafeText.line("\(path): \(error)"))\n".utf8))
                return 2
            }
        case let .keepBoth(theirs):
            do {
                try PendingSplit(path: path, theirs: theirs).save(store: store)
                return 0
            } catch {
                FileHandle.standardError.write(Data("pathfinder merge-driver: \(SafeText.line("\(path): \(error)"))\n".utf8))
                return 2
            }
        case .unreadable:
            return textMerge(base: base, ours: ours, theirs: theirs, store: store, environment: environment)
        }
    }

    private static func read(_ path: String) -> [UInt8]? { (try? AtomicFile.readIfPresent(path)) ?? nil }

    /// What git does without a driver: a line merge into `ours`, with conflict markers where
    /// both sides changed the same lines. Always 1: the file was not merged as a Pathfinder file.
    private static func textMerge(base: String, ours: String, theirs: String, store: URL, environment: [String: String]) -> Int32 {
        if let git = try? GitRunner(directory: store, environment: environment) {
            _ = try? git.run(["merge-file", "-L", "mine", "-L", "before", "-L", "theirs", ours, base, theirs])
        }
        return 1
    }
}
