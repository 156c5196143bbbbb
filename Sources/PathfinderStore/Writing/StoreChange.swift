import Foundation

/// A change to several files of a store that happens completely or not at all
/// (docs/store-format.md, "Changes to several files"): moving an action to another area,
/// deleting to the trash, restoring, putting an area in the trash.
///
/// Every new file's bytes are written to temporary files first, so a full disk fails before
/// anything is touched. Then the change is one list of renames (each into a name where nothing
/// is) and empty-folder removals, written to `.pathfinder/journal.json` before the first of
/// them. Each step can be undone, so a failure part-way undoes the steps done so far; a
/// process killed part-way leaves the journal, and the next process to take the write lock
/// finishes the change if its last step was done and otherwise undoes it. Either way the store
/// is as before the change or as after it, and a retry never finds half of an earlier attempt.
struct StoreChange: Codable {
    enum Step: Codable, Equatable {
        /// Renames a file to a name where there is none.
        case rename(from: String, to: String)
        /// Removes a folder that is empty by then.
        case removeFolder(String)
    }

    /// In users' words, for the note a recovery leaves: "move PO-05 to dorset".
    var what: String
    var steps: [Step] = []
    /// New files' contents, waiting under temporary names; removed when the change is undone.
    var temporaries: [String] = []
    /// Replaced or removed files, kept under temporary names until the change is complete.
    var backups: [String] = []
    /// Folders made for the change, outermost first; removed (when empty) if it is undone.
    var madeFolders: [String] = []

    static let journal = ".pathfinder/journal.json"

    init(what: String) {
        self.what = what
    }

    // MARK: Building a change

    /// The file at `path` gets these bytes: a new file, or replacing the one there.
    mutating func write(_ bytes: [UInt8], to path: String, disk: StoreDisk) throws {
        madeFolders += try disk.makeFolder(StoreDisk.split(path).folder)
        let temporary = try disk.prepare(bytes, for: path)
        temporaries.append(temporary)
        if disk.kind(path) != nil { remove(path) }
        steps.append(.rename(from: temporary, to: path))
    }

    /// Moves a file to a place where there is none, making its folder if needed.
    mutating func move(_ source: String, to target: String, disk: StoreDisk) throws {
        madeFolders += try disk.makeFolder(StoreDisk.split(target).folder)
        steps.append(.rename(from: source, to: target))
    }

    /// Removes a file (kept aside until the change is complete).
    mutating func remove(_ path: String) {
        let (folder, name) = StoreDisk.split(path)
        let backup = (folder.isEmpty ? "" : folder + "/") + TemporaryName.make(for: name)
        backups.append(backup)
        steps.append(.rename(from: path, to: backup))
    }

    mutating func removeFolder(_ path: String) {
        steps.append(.removeFolder(path))
    }

    // MARK: Running it

    /// Builds a change with `build`, then makes it: completely, or (when anything fails) not at
    /// all, with the error rethrown. The caller holds the write lock.
    static func run(_ what: String, disk: StoreDisk, _ build: (inout StoreChange) throws -> Void) throws {
        var change = StoreChange(what: what)
        do {
            try build(&change)
            try disk.write(Array(try JSONEncoder().encode(change)), to: journal)
        } catch {
            if !(error is StoreDisk.Crash) { change.discard(disk) }
            throw error
        }
        for (i, step) in change.steps.enumerated() {
            do {
                try change.perform(step, disk)
            } catch {
                // Undone now; if even that fails, the journal stays for the next process.
                if !(error is StoreDisk.Crash), change.undo(upTo: i, disk) {
                    change.discard(disk)
                    _ = try? disk.remove(journal)
                }
                throw error
            }
        }
        change.finish(disk)
    }

    private func perform(_ step: Step, _ disk: StoreDisk) throws {
        switch step {
        case let .rename(from, to):
            try disk.move(from, to: to)
        case let .removeFolder(path):
            guard disk.kind(path) == .folder else { return }
            guard disk.removeFolder(path) else { throw StoreError.writeFailed(path, "the folder is not empty") }
        }
    }

    /// Undoes the first `count` steps, last first; false if one could not be undone.
    private func undo(upTo count: Int, _ disk: StoreDisk) -> Bool {
        var ok = true
        for step in steps[..<count].reversed() {
            switch Self.state(step, disk) {
            case .done:
                switch step {
                case let .rename(from, to): ok = ((try? disk.move(to, to: from)) != nil) && ok
                case let .removeFolder(path): ok = ((try? disk.makeFolder(path)) != nil) && ok
                }
            case .halfDone:
                if case let .rename(_, to) = step { ok = ((try? disk.remove(to)) != nil) && ok }
            case .notDone, .unknown:
                break
            }
        }
        return ok
    }

    /// The change is complete: the journal goes first (from then on nothing is undone), then
    /// the old files kept aside. A crash in between leaves only temporary files, which are
    /// cleared later as any stale temporary file is.
    private func finish(_ disk: StoreDisk) {
        _ = try? disk.remove(Self.journal)
        for backup in backups { _ = try? disk.remove(backup) }
    }

    /// Removes what building the change made: the temporary files and the new folders.
    private func discard(_ disk: StoreDisk) {
        for temporary in temporaries { _ = try? disk.remove(temporary) }
        for folder in madeFolders.reversed() { disk.removeFolder(folder) }
    }

    enum StepState { case done, notDone, halfDone, unknown }

    /// Where a step stands, read from the disk. A rename is done when only its target is
    /// there; caught between `link` and `unlink` both names are the same file.
    static func state(_ step: Step, _ disk: StoreDisk) -> StepState {
        switch step {
        case let .rename(from, to):
            switch (disk.kind(from), disk.kind(to)) {
            case (nil, .file?): return .done
            case (.file?, nil): return .notDone
            case (.file?, .file?): return disk.sameFile(from, to) ? .halfDone : .unknown
            default: return .unknown
            }
        case let .removeFolder(path):
            return disk.kind(path) == nil ? .done : .notDone
        }
    }

    // MARK: After a crash

    /// Finishes or undoes a change a killed process left half-made. Called with the write lock
    /// held, before anything else is written. Returns a note for people, nil when there was none.
    @discardableResult
    static func recover(_ disk: StoreDisk) -> String? {
        guard disk.kind(journal) == .file, let bytes = try? AtomicFile.readIfPresent(disk.root + "/" + journal) else { return nil }
        guard let change = try? JSONDecoder().decode(StoreChange.self, from: Data(bytes)) else {
            _ = try? disk.remove(journal)
            return "an unreadable record of an interrupted change was removed"
        }
        if let last = change.steps.last, state(last, disk) != .done {
            guard change.undo(upTo: change.steps.count, disk) else {
                return "an interrupted change (\(change.what)) could not be undone yet; it is tried again on the next save"
            }
            change.discard(disk)
            _ = try? disk.remove(journal)
            return "an interrupted change (\(change.what)) was undone: the store is as it was before it"
        }
        change.finish(disk)
        return "an interrupted change (\(change.what)) was finished"
    }
}
