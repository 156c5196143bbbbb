import Foundation
import PathfinderModel

/// Text that repeats across the files of a store (statuses, themes, success factors, partners,
/// leads, lead bodies, authors), kept once for the whole load: 50,000 actions naming the same
/// partners then hold one copy of each name and of each list, not 50,000. Strings of 15 UTF-8
/// bytes or fewer are stored inside the value anyway and are left alone. Shared by the parsing
/// threads, behind a lock taken once per file.
final class SharedText: @unchecked Sendable {
    private let lock = NSLock()
    private var strings = Set<String>()
    private var lists = Set<[String]>()

    /// Shares the action's repeated text, in place: changed through a copy, the progress log's
    /// records (24 bytes a note) would be copied too, 14 MB of churn in a load of 52,500 actions.
    func share(_ a: inout Action) {
        lock.lock()
        defer { lock.unlock() }
        a.theme = string(a.theme)
        a.status = string(a.status)
        a.lead = string(a.lead)
        a.leadBody = string(a.leadBody)
        a.updatedBy = string(a.updatedBy)
        a.source = string(a.source)
        a.successFactors = list(a.successFactors)
        a.partners = list(a.partners)
        a.caseStudies = list(a.caseStudies)
        if !a.dependsOn.isEmpty { a.dependsOn = list(a.dependsOn) }
        a.progress.shareAuthors(string)
    }

    private func string(_ s: String) -> String {
        guard s.utf8.count > 15 else { return s }
        return strings.insert(s).memberAfterInsert
    }

    private func list(_ l: [String]) -> [String] {
        guard !l.isEmpty else { return l }
        if let found = lists.firstIndex(of: l) { return lists[found] }
        let shared = l.map(string)
        lists.insert(shared)
        return shared
    }
}
