import Foundation
import PathfinderModel
import PathfinderStore

extension StoreOptions {
    /// A part of the store (`read` picks it, e.g. one area's files), when that part answers the
    /// question; nil when it does not, and the caller loads the whole store as before. Prints
    /// where a new per-user store was made, as `load` does.
    func loadPart(_ read: (PlainFileStore) throws -> LoadResult?) throws -> (result: LoadResult, asOf: Day)? {
        let location = try location()
        location.announce()
        guard let result = try read(PlainFileStore(root: location.path)) else { return nil }
        return (result, try day(default: result.partnership.asOf))
    }
}

extension StoreOptions {
    /// A store-wide question answered from the index (`PlainFileStore.indexedLoad`); nil when
    /// the index cannot answer for sure, and the caller loads the store. The first time, when
    /// the index is built from the files, a person at a terminal is told why it takes longer.
    func loadIndexed(_ query: IndexQuery = IndexQuery()) throws -> (result: LoadResult, asOf: Day)? {
        try loadIndexed { try $0.indexedLoad(query) }
    }

    /// `loadIndexed` with the index read as `read` reads it.
    func loadIndexed(_ read: (PlainFileStore) throws -> LoadResult?) throws -> (result: LoadResult, asOf: Day)? {
        try loadPart { store in
            let root = store.root.path
            if isatty(STDERR_FILENO) == 1, !FileManager.default.fileExists(atPath: root + "/" + PlainFileStore.indexFolder)
                || !FileManager.default.fileExists(atPath: root + "/" + PlainFileStore.summaryCachePath) {
                Output.notice("Building this store's index (once: later questions read it)…")
            }
            return try read(store)
        }
    }
}

/// What `pathfinder show ID` needs, read from one area's files when ID is an action or an area:
/// the action's area (its actions, meetings and the case studies they cite) and every area.md.
/// A case study, or anything not found that way, is left to a full load (nil), which also
/// decides what the full load would: a broken action's file is not shown, whatever read it.
enum ShowRead {
    static func part(_ id: String, store: PlainFileStore) throws -> LoadResult? {
        for candidate in [id, id.uppercased()] where ActionID.isValid(candidate) {
            if let result = try store.loadArea(holdingAction: candidate), result.partnership.action(candidate) != nil { return result }
        }
        let area = id.lowercased()
        // An area id is a folder name: nothing that could lead out of areas/.
        guard !area.isEmpty, !area.contains("/"), !area.hasPrefix("."),
              FileManager.default.fileExists(atPath: store.root.path + "/areas/\(area)/area.md") else { return nil }
        let result = try store.loadArea(area)
        return result.partnership.area(area) != nil ? result : nil
    }
}
