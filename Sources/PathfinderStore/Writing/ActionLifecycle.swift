#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PathfinderModel

/// An action file in the store's trash: `trash/areas/<area>/actions/<ID>.md` (docs/store-format.md).
public struct TrashedAction: Hashable, Sendable {
    public var id: String
    public var area: String
    /// "" when the file does not read as an action.
    public var title: String
    /// Relative to the store's folder.
    public var path: String
    /// When it was deleted (the file's status-change time, set by the move into the trash).
    public var deleted: Date?
}

extension PlainFileStore {
    /// The trash folder, beside `areas/`; the loader reads only `areas/` and `case-studies/`,
    /// so nothing in it is loaded, checked or shown outside the trash list.
    public static let trashFolder = "trash"

    // MARK: Delete, trash, restore

    /// Deletes an action by moving its file into the trash, where `restore` can bring it back.
    /// Refuses when the file changed since it was loaded (the user confirmed deleting what they
    /// saw, not someone's newer edit) and when a meeting names the action (its minutes would
    /// point at nothing: drop the action instead).
    @discardableResult
    public func delete(actionID id: String, in partnership: Partnership) throws -> TrashedAction {
        if let refusal = partnership.deletionRefusal(id) { throw StoreError.invalid(refusal) }
        return try holdWriteLock {
            let path = try locateLocked(actionID: id)
            let full = rootPath + "/" + path
            if let loaded = hashes[path], let bytes = try AtomicFile.readIfPresent(full), AtomicFile.hash(bytes) != loaded {
                throw StoreError.changedOnDisk(path)
            }
            let area = String(path.split(separator: "/")[1])
            let folder = "\(Self.trashFolder)/areas/\(area)/actions"
            // An earlier deletion of the same id stays beside it as <ID>~2.md, ~3...: the trash
            // never loses a file.
            var name = "\(id).md"
            var n = 2
            while disk.kind("\(folder)/\(name)") != nil {
                name = "\(id)~\(n).md"
                n += 1
            }
            let title = (try? AtomicFile.readIfPresent(full)).flatMap { $0 }
                .flatMap { FileParser.action($0, path: path, area: area, fileID: id, editing: false).value?.title } ?? ""
            try StoreChange.run("delete \(id)", disk: disk) { try $0.move(path, to: "\(folder)/\(name)", disk: disk) }
            hashes[path] = nil
            actionPaths[id] = nil
            readOnly.remove(path)
            return TrashedAction(id: id, area: area, title: title, path: "\(folder)/\(name)", deleted: Date())
        }
    }

    /// Every action in the trash, newest deletion first.
    public func trash() -> [TrashedAction] {
        let fm = FileManager.default
        let base = "\(rootPath)/\(Self.trashFolder)/areas"
        var found: [TrashedAction] = []
        for area in ((try? fm.contentsOfDirectory(atPath: base)) ?? []).filter({ !$0.hasPrefix(".") }) {
            let folder = "\(Self.trashFolder)/areas/\(area)/actions"
            for name in ((try? fm.contentsOfDirectory(atPath: "\(rootPath)/\(folder)")) ?? []) where name.hasSuffix(".md") && !name.hasPrefix(".") {
                let file = String(name.dropLast(3))
                let id = file.split(separator: "~").first.map(String.init) ?? file
                let path = "\(folder)/\(name)"
                let bytes = (try? AtomicFile.readIfPresent("\(rootPath)/\(path)")).flatMap { $0 }
                let title = bytes.flatMap { FileParser.action($0, path: path, area: area, fileID: id, editing: false).value?.title } ?? ""
                var info = stat()
                let deleted = stat("\(rootPath)/\(path)", &info) == 0
                    ? Date(timeIntervalSince1970: TimeInterval(info.st_ctim.tv_sec)) : nil
                found.append(TrashedAction(id: id, area: area, title: title, path: path, deleted: deleted))
            }
        }
        return found.sorted { ($0.deleted ?? .distantPast, $1.path) > ($1.deleted ?? .distantPast, $0.path) }
    }

    /// Brings an action back from the trash to its area, under its own id. Refuses when the id
    /// is in use again or the area is gone. With several deletions of one id, the latest returns.
    @discardableResult
    public func restore(actionID id: String) throws -> TrashedAction {
        try holdWriteLock {
            let entries = trash().filter { $0.id == id }
            guard let entry = entries.first else { throw StoreError.invalid("no action \(Quote.short(id)) in the trash") }
            if let taken = try? locateLocked(actionID: id) {
                throw StoreError.invalid("\(id) is in use again (\(taken)); the copy in the trash was left there")
            }
            try disk.refuseLinks(entry.path)
            try disk.refuseLinks("areas/\(entry.area)/actions/\(id).md")
            guard disk.kind("areas/\(entry.area)/area.md") != nil else {
                throw StoreError.invalid("the area \(entry.area) of \(id) is no longer in the store; the copy in the trash was left there")
            }
            let path = "areas/\(entry.area)/actions/\(id).md"
            try StoreChange.run("restore \(id)", disk: disk) { try $0.move(entry.path, to: path, disk: disk) }
            if let bytes = try AtomicFile.readIfPresent("\(rootPath)/\(path)") { hashes[path] = AtomicFile.hash(bytes) }
            actionPaths[id] = path
            return entry
        }
    }

    // MARK: Move and duplicate

    /// Moves an action to another area. Ids begin with the area's code, so the action gets a new
    /// id there (docs/store-format.md); meetings that name the old id are changed to the new one,
    /// and a progress note records the move and the old id. The file keeps its own formatting.
    /// All or nothing (`StoreChange`): a failure or a crash part-way leaves the store as it was,
    /// so a retry makes exactly one copy.
    public func move(actionID id: String, toArea target: String, in partnership: Partnership, by user: String, today: Day,
                     random: (Int) -> Int = { Int.random(in: 0..<$0) }) throws -> Action {
        guard let area = partnership.area(target) else { throw StoreError.invalid("no area \"\(Quote.short(target))\" in the store") }
        guard !area.code.isEmpty else { throw StoreError.invalid("area \"\(Quote.short(area.id))\" has no code to make ids from") }
        return try holdWriteLock {
            let oldPath = try locateLocked(actionID: id)
            let oldArea = String(oldPath.split(separator: "/")[1])
            guard oldArea != area.id else { throw StoreError.invalid("\(id) is already in \(area.name)") }
            guard let bytes = try AtomicFile.readIfPresent(rootPath + "/" + oldPath) else { throw StoreError.invalid("no action \(Quote.short(id)) in the store") }
            let parsed = FileParser.action(bytes, path: oldPath, area: oldArea, fileID: id)
            guard let old = parsed.value, parsed.editable, !parsed.problems.contains(where: { $0.severity == .error }) else {
                throw StoreError.hasProblems(oldPath)
            }
            if let loaded = hashes[oldPath], AtomicFile.hash(bytes) != loaded { throw StoreError.changedOnDisk(oldPath) }
            // Meetings to relink, checked before anything is written.
            let meetings = partnership.meetingsNaming(id)
            for meeting in meetings {
                let path = Self.meetingPath(meeting)
                let now = try AtomicFile.readIfPresent(rootPath + "/" + path)
                if hashes[path] == nil || now.map(AtomicFile.hash) != hashes[path] { throw StoreError.changedOnDisk(path) }
            }
            var existing = Set(partnership.actions.map(\.id)).union(actionPaths.keys)
            for name in disk.names("areas/\(area.id)/actions") where name.hasSuffix(".md") {
                existing.insert(String(name.dropLast(3)))
            }
            var moved = old
            moved.id = ActionID.make(code: area.code, existing: existing, random: random)
            moved.area = area.id
            let from = partnership.area(oldArea)?.name ?? oldArea
            moved.addProgress(ProgressEntry(date: today, author: user, text: "Moved here from \(from), where it was \(id)."))
            moved = moved.stamped(by: user, on: today)
            let newPath = Self.actionPath(moved)
            // Rendered over the old file, so hand formatting and unknown fields move with it.
            let rendered = Self.bytes(moved, over: bytes, path: oldPath)
            var written: [(String, [UInt8])] = []
            // Every file's new bytes are made and checked before anything is written; then the
            // new file, the meetings and the old file's removal happen together or not at all.
            try StoreChange.run("move \(id) to \(area.id)", disk: disk) { change in
                guard disk.kind(newPath) == nil else { throw StoreError.changedOnDisk(newPath) }
                let newBytes = try prepareLocked(path: newPath, overwrite: false, render: { _ in rendered }) { out in
                    let check = FileParser.action(out, path: newPath, area: area.id, fileID: moved.id)
                    guard let value = check.value else { return check.problems }
                    return check.problems + Validator.action(value, path: newPath, lines: check.lines, items: check.itemLines,
                                                             catalogue: catalogue, areaCode: area.code, caseStudies: caseStudyIDs)
                } ?? rendered
                try change.write(newBytes, to: newPath, disk: disk)
                written.append((newPath, newBytes))
                for var meeting in meetings {
                    meeting.relink(from: id, to: moved.id)
                    let path = Self.meetingPath(meeting)
                    let file = String(StoreDisk.split(path).name.dropLast(3))
                    guard let out = try prepareLocked(path: path, overwrite: false, render: { Self.bytes(meeting, over: $0, path: path) }, check: {
                        FileParser.meeting($0, path: path, area: meeting.area, fileID: file).problems
                    }) else { continue }
                    try change.write(out, to: path, disk: disk)
                    written.append((path, out))
                }
                change.remove(oldPath)
            }
            for (path, out) in written { hashes[path] = AtomicFile.hash(out) }
            actionPaths[moved.id] = newPath
            hashes[oldPath] = nil
            actionPaths[id] = nil
            return moved
        }
    }

    /// A copy of an action in the same area under a new id, titled "… (copy)": a new piece of
    /// work like the old, so its progress notes, review date and milestone ticks are not copied
    /// and it starts at the catalogue's first open status, rated green. Returns the copy.
    public func duplicate(actionID id: String, in partnership: Partnership, by user: String, today: Day,
                          random: (Int) -> Int = { Int.random(in: 0..<$0) }) throws -> Action {
        let path = try holdWriteLock { try locateLocked(actionID: id) }
        let area = String(path.split(separator: "/")[1])
        guard let bytes = try AtomicFile.readIfPresent(rootPath + "/" + path),
              let original = FileParser.action(bytes, path: path, area: area, fileID: id).value else {
            throw StoreError.hasProblems(path)
        }
        let copy = original.duplicated(catalogue: partnership.catalogue)
        return try create(copy.stamped(by: user, on: today), in: partnership, random: random)
    }

    // MARK: Helpers

}
