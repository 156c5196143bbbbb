import Foundation
import PathfinderModel

/// An action in the store's trash: `trash/<area>/<id>.md`, the file exactly as it was.
public struct TrashedAction: Hashable, Sendable {
    public var id: String
    public var area: String
    public var title: String
    /// Relative to the store.
    public var path: String
}

/// Deleting never destroys: an action's file moves to the store's `trash/` folder (which the
/// loader does not read, and which sync carries like any file, so colleagues see the deletion
/// and anyone can restore it). Moving an action to another area gives it an id with that
/// area's code (ids carry their area, docs/store-format.md) and records where it came from.
extension PlainFileStore {
    static func trashPath(area: String, id: String) -> String { "trash/\(area)/\(id).md" }

    /// Moves an action's file to the trash. Refuses, like a save, when the file changed on disk
    /// since it was loaded.
    public func trash(_ action: Action) throws {
        let path = Self.actionPath(action)
        try checkWritable(path)
        try WriteLock.hold(store: rootPath) {
            let full = rootPath + "/" + path
            guard let current = try AtomicFile.readIfPresent(full) else { throw StoreError.changedOnDisk(path) }
            guard let loaded = hashes[path], AtomicFile.hash(current) == loaded else { throw StoreError.changedOnDisk(path) }
            var target = Self.trashPath(area: action.area, id: action.id)
            // An earlier deletion of the same id stays too: the newer one gets a numbered name.
            var n = 2
            while FileManager.default.fileExists(atPath: rootPath + "/" + target) {
                target = "trash/\(action.area)/\(action.id)-\(n).md"
                n += 1
            }
            try Self.move(from: full, to: rootPath + "/" + target, path: path)
            hashes.removeValue(forKey: path)
            actionPaths.removeValue(forKey: action.id)
        }
    }

    /// What the trash holds, newest names last.
    public func trashed() -> [TrashedAction] {
        let fm = FileManager.default
        var result: [TrashedAction] = []
        for area in ((try? fm.contentsOfDirectory(atPath: rootPath + "/trash")) ?? []).sorted() where !area.hasPrefix(".") {
            for name in ((try? fm.contentsOfDirectory(atPath: rootPath + "/trash/" + area)) ?? []).sorted() where name.hasSuffix(".md") {
                let path = "trash/\(area)/\(name)"
                guard let bytes = try? AtomicFile.readIfPresent(rootPath + "/" + path) else { continue }
                let parsed = FileParser.action(bytes, path: path, area: area, fileID: String(name.dropLast(3)))
                guard let value = parsed.value else { continue }
                result.append(TrashedAction(id: value.id, area: area, title: value.title, path: path))
            }
        }
        return result
    }

    /// Puts a trashed action back where it was. Refuses when its id has been taken again.
    @discardableResult
    public func restore(_ id: String, area: String? = nil) throws -> Action {
        guard let entry = trashed().last(where: { $0.id == id && (area == nil || $0.area == area) }) else {
            throw StoreError.invalid("\(id) is not in the trash")
        }
        return try WriteLock.hold(store: rootPath) {
            let path = "areas/\(entry.area)/actions/\(entry.id).md"
            let full = rootPath + "/" + path
            if actionPaths[entry.id] != nil || FileManager.default.fileExists(atPath: full) {
                throw StoreError.invalid("\(entry.id) is in use again; it stays in the trash (\(entry.path))")
            }
            guard let bytes = try AtomicFile.readIfPresent(rootPath + "/" + entry.path) else {
                throw StoreError.invalid("\(entry.path) went away")
            }
            let parsed = FileParser.action(bytes, path: path, area: entry.area, fileID: entry.id)
            guard let value = parsed.value else { throw StoreError.hasProblems(entry.path) }
            try FileManager.default.createDirectory(atPath: rootPath + "/areas/\(entry.area)/actions", withIntermediateDirectories: true)
            try Self.move(from: rootPath + "/" + entry.path, to: full, path: entry.path)
            hashes[path] = AtomicFile.hash(bytes)
            actionPaths[value.id] = path
            return value
        }
    }

    /// Puts an action back from the trash as it was when trashed (undoing a delete).
    public func restore(_ action: Action) throws {
        _ = try restore(action.id, area: action.area)
    }

    /// Moves an action to another area: a new file there with an id of that area's code and a
    /// progress note saying where it came from; the old file goes to the trash. Returns it.
    public func move(_ action: Action, toArea area: String, in partnership: Partnership, by user: String, on day: Day) throws -> Action {
        guard area != action.area else { return action }
        guard partnership.area(area) != nil else { throw StoreError.invalid("no area \"\(area)\" in the store") }
        var moved = action
        moved.area = area
        moved.progress.append(ProgressEntry(date: day, author: user,
                                            text: "Moved from \(partnership.area(action.area)?.name ?? action.area), where it was \(action.id)."))
        moved = moved.stamped(by: user, on: day)
        let created = try create(moved, in: partnership)
        try trash(action)
        return created
    }

    /// rename(2) with both folders flushed, so a crash leaves the file in one place or the other.
    static func move(from source: String, to target: String, path: String) throws {
        let folder = (target as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard rename(source, target) == 0 else { throw StoreError.writeFailed(path, String(cString: strerror(errno))) }
        for dir in [folder, (source as NSString).deletingLastPathComponent] {
            let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if fd >= 0 {
                fsync(fd)
                close(fd)
            }
        }
    }
}
