#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PathfinderModel

/// Which files a load reads (issue 14: a command costs what it shows, not the size of the store).
public enum LoadScope: Sendable, Equatable {
    /// Every file: what the screens, `check` and store-wide reports need.
    case store
    /// The manifest, every area's area.md (an area's code, and whether another area shares it,
    /// decide whether its actions' ids are right), this area's actions and meetings, and the
    /// case studies those actions cite. The case-studies folder is listed, not read, so a
    /// link to a missing case study is still an error.
    case area(String)

    var area: String? {
        if case let .area(id) = self { return id }
        return nil
    }
}

extension PlainFileStore {
    /// One area read as a full load reads it: the same checks, the same problems for the files
    /// read, and hashes for exactly those files, so a save afterwards refuses a file changed on
    /// disk (or merges) as it would after `load()`, and a file not read cannot be saved over.
    /// The partnership has every area, this area's actions and meetings, and the case studies
    /// they cite. An area with no folder gives every area and nothing else.
    public func loadArea(_ id: String) throws -> LoadResult { try load(.area(id)) }

    /// The area that holds an action's file, read as `loadArea` reads it; nil when no area folder
    /// holds a file of that name (the manifest is not needed to find it: the file is looked for
    /// in each area folder, a `stat` each). The action may still be missing from the result if
    /// its file does not load: then the problems say why.
    public func loadArea(holdingAction id: String) throws -> LoadResult? {
        guard let path = try? locateLocked(actionID: id) else { return nil }
        return try loadArea(String(path.split(separator: "/")[1]))
    }

    /// Of the action ids a partial read's meetings name but did not read, those a full load
    /// would find a file for in some area folder: a meeting in this area may name an action in
    /// another, and that is no error. One `lstat` per folder per id, only for ids not read.
    func actionFilesElsewhere<S: Sequence<String>>(named ids: S, known: Set<String>, areaFolders: [String]) -> Set<String> {
        var found = Set<String>()
        for id in Set(ids) where !known.contains(id) && !id.isEmpty && !id.contains("/") && !id.hasPrefix(".") {
            var info = stat()
            if areaFolders.contains(where: { lstat("\(rootPath)/areas/\($0)/actions/\(id).md", &info) == 0 }) { found.insert(id) }
        }
        return found
    }
}

extension PlainFileStore {
    /// The organisation files that actions name as lead body or partner, as one area's read
    /// reads them: only a value that is a file name in organisations/ (a `lstat` each).
    func organisationFiles(namedBy actions: [Action], links: inout StoreLinks) -> [StoreFile] {
        var named = Set<String>()
        for action in actions {
            named.insert(action.leadBody)
            named.formUnion(action.partners)
        }
        return files(in: "organisations", named: named.sorted(), kind: .organisation, links: &links)
    }

    /// Every `organisations/*.md`, in the load's order (without listing the areas as
    /// `storeFiles` does).
    static func organisationFiles(_ root: String) -> [StoreFile] {
        let fd = open(root + "/organisations", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        return StoreDisk.names(in: fd).filter { !$0.name.hasPrefix(".") && $0.name.hasSuffix(".md") }.sorted { $0.name < $1.name }.map {
            StoreFile(path: "organisations/\($0.name)", kind: .organisation, folder: "", id: String($0.name.dropLast(3)))
        }
    }

    /// The agreement files of these ids that are there (a `lstat` each).
    func fundingFiles(_ ids: [String], links: inout StoreLinks) -> [StoreFile] {
        files(in: Self.fundingFolder, named: ids.sorted(), kind: .fundingAgreement, links: &links)
    }

    private func files(in folder: String, named ids: [String], kind: StoreFile.Kind, links: inout StoreLinks) -> [StoreFile] {
        var files: [StoreFile] = []
        for id in ids where !id.isEmpty && !id.contains("/") && !id.hasPrefix(".") && !id.contains("\0") {
            let path = "\(folder)/\(id).md"
            var info = stat()
            guard lstat(rootPath + "/" + path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFLNK { links.note(path, root: rootPath) }
            files.append(StoreFile(path: path, kind: kind, folder: "", id: id))
        }
        return files
    }
}

extension Meeting {
    /// Every action id the meeting names: its agenda, its changes and the actions it created.
    var namedActions: [String] { items.map(\.action) + changes.map(\.action) + actionsCreated }
}
