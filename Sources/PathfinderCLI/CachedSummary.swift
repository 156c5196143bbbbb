import Foundation
import PathfinderModel
import PathfinderStore

extension StoreOptions {
    /// The areas summary without a full load: from the store's summary cache, re-reading only
    /// the files that changed since it was written (`PlainFileStore.areasSummary`).
    func summary() throws -> (location: StoreLocation, summary: StoreSummary, asOf: Day) {
        let location = try location()
        location.announce()
        let summary = try PlainFileStore(root: location.path).areasSummary()
        return (location, summary, try day(default: summary.asOf))
    }
}
