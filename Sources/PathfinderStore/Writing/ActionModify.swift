#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PathfinderModel

extension PlainFileStore {
    /// Changes one action as it is on disk now: under the store's write lock, reads the action's
    /// file, applies `change`, stamps `updated`/`updated-by`, checks the result as `save` does,
    /// and writes it atomically. Two processes modifying one action at the same moment therefore
    /// both land (the second reads the first's result), which a load-then-save cannot promise.
    ///
    /// An error thrown by `change` (e.g. a `FieldProblem`) leaves the file untouched. When the
    /// change alters nothing, nothing is written or stamped. Returns the action as saved.
    /// Needs a `load()` first, for the catalogue and links the result is checked against.
    @discardableResult
    public func modify(actionID id: String, by user: String, today: Day,
                       _ change: (inout Action) throws -> Void) throws -> Action {
        try WriteLock.hold(store: rootPath) {
            let path = try locateLocked(actionID: id)
            let full = rootPath + "/" + path
            guard let bytes = try AtomicFile.readIfPresent(full) else { throw StoreError.invalid("no action \(Quote.short(id)) in the store") }
            let area = String(path.split(separator: "/")[1])
            let parsed = FileParser.action(bytes, path: path, area: area, fileID: id)
            guard let old = parsed.value, parsed.editable, !parsed.problems.contains(where: { $0.severity == .error }) else {
                throw StoreError.hasProblems(path)
            }
            var new = old
            try change(&new)
            new.id = old.id
            new.area = old.area
            if new == old { return old }
            new = new.stamped(by: user, on: today)
            // The bytes were read under the lock, so they are the base: nobody can change them
            // before the write below.
            hashes[path] = AtomicFile.hash(bytes)
            _ = try saveLocked(new, path: path, overwrite: false)
            readOnly.remove(path)
            return new
        }
    }

    /// Where an action's file is, relative to the store: as loaded, else found in an area folder
    /// on disk now (another process may have created it since the load). Caller holds the lock.
    func locateLocked(actionID id: String) throws -> String {
        // An id names a file: nothing that could lead outside the areas' folders.
        guard !id.isEmpty, !id.contains("/"), !id.hasPrefix(".") else { throw StoreError.invalid("\(Quote.value(id)) is not an action id") }
        let fm = FileManager.default
        if let known = actionPaths[id], fm.fileExists(atPath: rootPath + "/" + known) { return known }
        let areas = ((try? fm.contentsOfDirectory(atPath: rootPath + "/areas")) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        for area in areas where fm.fileExists(atPath: "\(rootPath)/areas/\(area)/actions/\(id).md") {
            return "areas/\(area)/actions/\(id).md"
        }
        throw StoreError.invalid("no action \(Quote.short(id)) in the store")
    }
}

extension PlainFileStore {
    /// What `modify` and `create` need, without reading every action: the manifest, the areas
    /// and the case study ids. A command-line edit of one action then costs milliseconds at
    /// 52,500 actions instead of a full load. The partnership returned has the title, catalogue
    /// and areas, and no actions, case studies or meetings. Throws as `load` does when there is
    /// no store or its format is too new.
    public func loadForEditing() throws -> Partnership {
        let manifest = try Self.readManifestForLoad(root: rootPath)
        // Only the folders' names are listed: not the actions' folders.
        let fm = FileManager.default
        var areas: [Area] = []
        for id in ((try? fm.contentsOfDirectory(atPath: rootPath + "/areas")) ?? []).filter({ !$0.hasPrefix(".") }).sorted() {
            let path = "areas/\(id)/area.md"
            guard let bytes = try? AtomicFile.readIfPresent(rootPath + "/" + path),
                  let area = FileParser.area(bytes, path: path, id: id, editing: false).value else { continue }
            areas.append(area)
        }
        catalogue = manifest.value?.catalogue
        areaCodes = Dictionary(areas.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        caseStudyIDs = Set(((try? fm.contentsOfDirectory(atPath: rootPath + "/case-studies")) ?? [])
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.map { String($0.dropLast(3)) })
        return Partnership(title: manifest.value?.title ?? "Pathfinder store", asOf: manifest.value?.asOf,
                           catalogue: catalogue ?? Catalogue(), areas: areas.sorted { ($0.name, $0.id) < ($1.name, $1.id) })
    }

    /// The id of the action a user typed, as the store has it ("po-03" finds PO-03), or nil.
    public func actionID(matching typed: String) -> String? {
        for candidate in [typed, typed.uppercased()] {
            if (try? locateLocked(actionID: candidate)) != nil { return candidate }
        }
        return nil
    }
}
