import Foundation
import PathfinderModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the store's files looked like at one moment (size, modification time to the nanosecond,
/// inode), so a running program notices an editor, a `git pull` or a colleague on a file share
/// changing files underneath it. Polling rather than inotify: it works the same on every
/// platform and file share, and a stat of every file costs about a microsecond each.
public struct StoreSnapshot: Equatable, Sendable {
    struct Signature: Equatable, Sendable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    var files: [String: Signature]

    /// Stats the manifest and every file a load reads.
    public static func take(of store: PlainFileStore) -> StoreSnapshot {
        let root = store.rootPath
        var files: [String: Signature] = [:]
        var links = StoreLinks()
        let paths = ["pathfinder.yaml"] + PlainFileStore.storeFiles(root).map(\.path)
            + PlainFileStore.fundingFiles(root, links: &links).map(\.path)
        files.reserveCapacity(paths.count)
        for path in paths {
            var info = stat()
            guard stat(root + "/" + path, &info) == 0 else { continue }
            #if canImport(Darwin)
            let time = info.st_mtimespec
            #else
            let time = info.st_mtim
            #endif
            files[path] = Signature(size: Int64(info.st_size), seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec),
                                    inode: UInt64(info.st_ino))
        }
        return StoreSnapshot(files: files)
    }

    /// Files added, removed or changed between this snapshot and a later one, sorted.
    public func changedPaths(to later: StoreSnapshot) -> [String] {
        var changed = Set<String>()
        for (path, signature) in later.files where files[path] != signature { changed.insert(path) }
        for path in files.keys where later.files[path] == nil { changed.insert(path) }
        return changed.sorted()
    }

    public var fileCount: Int { files.count }
}

/// What changed on disk, read back by `PlainFileStore.reload(_:)`.
public struct StoreReload: Sendable {
    /// Actions whose files changed or appeared, as they are now.
    public var actions: [Action] = []
    /// Ids of actions whose files are gone.
    public var removedActions: [String] = []
    public var areas: [Area] = []
    public var caseStudies: [CaseStudy] = []
    public var meetings: [Meeting] = []
    public var organisations: [Organisation] = []
    public var fundingAgreements: [FundingAgreement] = []
    /// Problems in the changed files. A file with problems of its own keeps what was on screen,
    /// and is not written to until it loads cleanly again.
    public var problems: [Problem] = []
    /// The manifest changed, or an area came or went: only a full load gets everything right.
    public var needsFullLoad = false

    public var isEmpty: Bool {
        actions.isEmpty && removedActions.isEmpty && areas.isEmpty && caseStudies.isEmpty && meetings.isEmpty && organisations.isEmpty
            && fundingAgreements.isEmpty && problems.isEmpty && !needsFullLoad
    }
}

extension PlainFileStore {
    /// Reads again the files at `paths` (relative to the store) and takes them as the versions
    /// the next save checks against. A file whose bytes are what this store last loaded or
    /// wrote (its own save, seen by the watcher) is skipped.
    public func reload(_ paths: [String]) -> StoreReload {
        var result = StoreReload()
        for path in paths {
            let parts = path.split(separator: "/").map(String.init)
            if path == "pathfinder.yaml" || (parts.count == 3 && parts[0] == "areas" && parts[2] == "area.md") {
                // An area's code or name changes ids and order, and the manifest the catalogue:
                // read it all again rather than patch.
                let bytes = try? AtomicFile.readIfPresent(rootPath + "/" + path)
                if bytes.map(AtomicFile.hash) != hashes[path] || bytes == nil { result.needsFullLoad = true }
                continue
            }
            let bytes: [UInt8]?
            do {
                bytes = try AtomicFile.readIfPresent(rootPath + "/" + path)
            } catch {
                result.problems.append(.error(path, 1, "could not be read: \(error.localizedDescription)"))
                continue
            }
            guard let bytes else {
                // Gone: unless this store removed it itself (a delete to the trash, a move).
                guard hashes[path] != nil || readOnly.contains(path) else { continue }
                forget(path)
                if parts.count == 4, parts[2] == "actions" {
                    result.removedActions.append(String(parts[3].dropLast(3)))
                } else if parts.count == 2 || parts.count == 4 {
                    result.needsFullLoad = true   // a case study or meeting gone: links may dangle
                }
                continue
            }
            let hash = AtomicFile.hash(bytes)
            if hashes[path] == hash { continue }
            if parts.count == 4, parts[0] == "areas", parts[2] == "actions" {
                let parsed = FileParser.action(bytes, path: path, area: parts[1], fileID: String(parts[3].dropLast(3)))
                guard let value = parsed.value else { refuse(path, parsed.problems, into: &result); continue }
                let problems = parsed.problems + Validator.action(value, path: path, lines: parsed.lines, items: parsed.itemLines,
                                                                  catalogue: catalogue, areaCode: areaCodes[value.area],
                                                                  caseStudies: caseStudyIDs)
                if parsed.problems.contains(where: { $0.severity == .error }) { refuse(path, problems, into: &result); continue }
                if let other = actionPaths[value.id], other != path {
                    refuse(path, problems + [.error(path, parsed.lines["id"] ?? 1, "duplicate id \(Quote.short(value.id)): also used by \(other)")],
                           into: &result)
                    continue
                }
                accept(path, hash: hash, problems: problems, editable: parsed.editable, into: &result)
                actionPaths[value.id] = path
                result.actions.append(value)
            } else if parts.count == 4, parts[0] == "areas", parts[2] == "meetings" {
                let parsed = FileParser.meeting(bytes, path: path, area: parts[1], fileID: String(parts[3].dropLast(3)))
                guard let value = parsed.value, !parsed.problems.contains(where: { $0.severity == .error }) else {
                    refuse(path, parsed.problems, into: &result)
                    continue
                }
                accept(path, hash: hash, problems: parsed.problems, editable: parsed.editable, into: &result)
                result.meetings.append(value)
            } else if parts.count == 2, parts[0] == "case-studies" {
                let parsed = FileParser.caseStudy(bytes, path: path, id: String(parts[1].dropLast(3)))
                guard let value = parsed.value, !parsed.problems.contains(where: { $0.severity == .error }) else {
                    refuse(path, parsed.problems, into: &result)
                    continue
                }
                if !caseStudyIDs.contains(value.id) { result.needsFullLoad = true }   // new: links to it become valid
                let problems = parsed.problems + Validator.caseStudy(value, path: path, lines: parsed.lines, items: parsed.itemLines,
                                                                     catalogue: catalogue, areas: Set(areaCodes.keys))
                accept(path, hash: hash, problems: problems, editable: parsed.editable, into: &result)
                caseStudyIDs.insert(value.id)
                result.caseStudies.append(value)
            } else if parts.count == 2, parts[0] == "organisations" {
                let parsed = FileParser.organisation(bytes, path: path, id: String(parts[1].dropLast(3)))
                guard let value = parsed.value, !parsed.problems.contains(where: { $0.severity == .error }) else {
                    refuse(path, parsed.problems, into: &result)
                    continue
                }
                let problems = parsed.problems + Validator.organisation(value, path: path, lines: parsed.lines, items: parsed.itemLines,
                                                                        catalogue: catalogue, areas: Set(areaCodes.keys))
                accept(path, hash: hash, problems: problems, editable: parsed.editable, into: &result)
                organisationIDs.insert(value.id)
                result.organisations.append(value)
                // Its name decides which free-text partners are warned about: the full read says so.
                result.needsFullLoad = true
            } else if parts.count == 2, parts[0] == Self.fundingFolder {
                let parsed = FileParser.fundingAgreement(bytes, path: path, id: String(parts[1].dropLast(3)))
                guard let value = parsed.value, !parsed.problems.contains(where: { $0.severity == .error }) else {
                    refuse(path, parsed.problems, into: &result)
                    continue
                }
                accept(path, hash: hash, problems: parsed.problems, editable: parsed.editable, into: &result)
                result.fundingAgreements.append(value)
                // The register, the organisations' pages and the actions' show it: read it all again.
                result.needsFullLoad = true
            }
        }
        return result
    }

    private func accept(_ path: String, hash: UInt64, problems: [Problem], editable: Bool, into result: inout StoreReload) {
        hashes[path] = hash
        if problems.contains(where: { $0.severity == .error }) || !editable { readOnly.insert(path) } else { readOnly.remove(path) }
        result.problems += problems
    }

    /// A changed file that does not load: what is on screen stays, and the file is not written
    /// (its hash is forgotten, so a save is refused as changed on disk) until it loads again.
    private func refuse(_ path: String, _ problems: [Problem], into result: inout StoreReload) {
        hashes.removeValue(forKey: path)
        readOnly.insert(path)
        result.problems += problems.isEmpty ? [.error(path, 1, "could not be read")] : problems
    }

    private func forget(_ path: String) {
        hashes.removeValue(forKey: path)
        readOnly.remove(path)
        if let id = actionPaths.first(where: { $0.value == path })?.key { actionPaths.removeValue(forKey: id) }
    }
}

extension PlainFileStore {
    /// An action's file as it is on disk now, parsed (nil if missing or unreadable); changes
    /// nothing the store keeps. For showing a file the store itself just wrote or moved.
    public func readAction(area: String, id: String) -> Action? {
        let path = "areas/\(area)/actions/\(id).md"
        guard let bytes = try? AtomicFile.readIfPresent(rootPath + "/" + path) else { return nil }
        return FileParser.action(bytes, path: path, area: area, fileID: id).value
    }
}
