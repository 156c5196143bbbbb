import PathfinderModel

/// `RecordMerge` over any kind of record the screens save.
extension Record {
    /// Merges the user's version with the one on disk now against the version the edit
    /// started from. Without a base (never known), every field that differs is a conflict and
    /// only progress notes merge. Records of different kinds (not expected) merge to theirs with
    /// no conflicts.
    static func merge(base: Record?, mine: Record, theirs: Record) -> (merged: Record, conflicts: [MergeConflict]) {
        func wrapped<T>(_ result: Merged<T>, _ wrap: (T) -> Record) -> (merged: Record, conflicts: [MergeConflict]) {
            (wrap(result.merged), result.conflicts)
        }
        switch (base, mine, theirs) {
        case let (.action(b)?, .action(m), .action(t)): return wrapped(RecordMerge.merge(base: b, mine: m, theirs: t), Record.action)
        case let (.area(b)?, .area(m), .area(t)): return wrapped(RecordMerge.merge(base: b, mine: m, theirs: t), Record.area)
        case let (.caseStudy(b)?, .caseStudy(m), .caseStudy(t)): return wrapped(RecordMerge.merge(base: b, mine: m, theirs: t), Record.caseStudy)
        case let (.meeting(b)?, .meeting(m), .meeting(t)): return wrapped(RecordMerge.merge(base: b, mine: m, theirs: t), Record.meeting)
        case let (.organisation(b)?, .organisation(m), .organisation(t)):
            return wrapped(RecordMerge.merge(base: b, mine: m, theirs: t), Record.organisation)
        case let (.fundingAgreement(b)?, .fundingAgreement(m), .fundingAgreement(t)):
            return wrapped(RecordMerge.merge(base: b, mine: m, theirs: t), Record.fundingAgreement)
        case (nil, _, _): return mergeWithoutBase(mine: mine, theirs: theirs)
        default: return (theirs, [])
        }
    }

    private static func mergeWithoutBase(mine: Record, theirs: Record) -> (merged: Record, conflicts: [MergeConflict]) {
        switch (mine, theirs) {
        case let (.action(m), .action(t)):
            var merged = t
            for entry in m.progress where !t.progress.contains(entry) { merged.addProgress(entry) }
            return (.action(merged), conflicts(ActionEdit.changes(from: t, to: m).map { ($0.field.rawValue, $0.field.label, $0.old, $0.new) }))
        case let (.area(m), .area(t)):
            return (theirs, conflicts(AreaEdit.changes(from: t, to: m).map { ($0.field.rawValue, $0.field.label, $0.old, $0.new) }))
        case let (.caseStudy(m), .caseStudy(t)):
            return (theirs, conflicts(CaseStudyEdit.changes(from: t, to: m).map { ($0.field.rawValue, $0.field.label, $0.old, $0.new) }))
        case let (.organisation(m), .organisation(t)):
            return (theirs, conflicts(OrganisationEdit.changes(from: t, to: m).map { ($0.field.rawValue, $0.field.label, $0.old, $0.new) }))
        case let (.fundingAgreement(m), .fundingAgreement(t)):
            return (theirs, conflicts(FundingAgreementEdit.changes(from: t, to: m).map { ($0.field.rawValue, $0.field.label, $0.old, $0.new) }))
        case let (.meeting(m), .meeting(t)):
            // A base that shares nothing with either: lists merge as unions, and every
            // scalar that differs is a conflict.
            var unknown = t
            unknown.title = "\u{0}"
            unknown.notes = "\u{0}"
            unknown.date = Day(ordinal: 0)
            (unknown.attendees, unknown.items, unknown.changes, unknown.actionsCreated) = ([], [], [], [])
            let r = RecordMerge.merge(base: unknown, mine: m, theirs: t)
            return (.meeting(r.merged), r.conflicts)
        default:
            return (theirs, [])
        }
    }

    /// Each field that differs, as a conflict with no known base.
    private static func conflicts(_ fields: [(key: String, label: String, theirs: String, mine: String)]) -> [MergeConflict] {
        fields.map { MergeConflict(key: $0.key, label: $0.label, base: "", mine: $0.mine, theirs: $0.theirs) }
    }

    /// This record with one field (by its key in the files) as `source` has it.
    func taking(_ key: String, from source: Record) -> Record {
        func took<T>(_ record: T, _ source: T, _ take: (String, T, inout T) -> Void) -> T {
            var result = record
            take(key, source, &result)
            return result
        }
        return switch (self, source) {
        case let (.action(r), .action(s)): .action(took(r, s, RecordMerge.take))
        case let (.area(r), .area(s)): .area(took(r, s, RecordMerge.take))
        case let (.caseStudy(r), .caseStudy(s)): .caseStudy(took(r, s, RecordMerge.take))
        case let (.meeting(r), .meeting(s)): .meeting(took(r, s, RecordMerge.take))
        case let (.organisation(r), .organisation(s)): .organisation(took(r, s, RecordMerge.take))
        case let (.fundingAgreement(r), .fundingAgreement(s)): .fundingAgreement(took(r, s, RecordMerge.take))
        default: self
        }
    }
}

extension AppState {
    /// Replaces (or adds) a record in the partnership; a new area or case study goes where the
    /// store would load it (by name).
    mutating func place(_ record: Record) {
        switch record {
        case let .action(a):
            searchWords?.forget(a.id)
            put(a, in: \.actions, id: \.id)
        case let .area(a): put(a, in: \.areas, id: \.id) { ($0.name, $0.id) < ($1.name, $1.id) }
        case let .caseStudy(c): put(c, in: \.caseStudies, id: \.id) { ($0.title, $0.id) < ($1.title, $1.id) }
        case let .meeting(m): put(m, in: \.meetings, id: \.id)
        case let .organisation(o): put(o, in: \.organisations, id: \.id) { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }
        case let .fundingAgreement(a): put(a, in: \.fundingAgreements, id: \.id) { ($0.title, $0.id) < ($1.title, $1.id) }
        }
        keepSelectionVisible()
    }

    private mutating func put<T>(_ value: T, in list: WritableKeyPath<Partnership, [T]>, id: KeyPath<T, String>,
                                 order: ((T, T) -> Bool)? = nil) {
        if let i = partnership[keyPath: list].firstIndex(where: { $0[keyPath: id] == value[keyPath: id] }) {
            partnership[keyPath: list][i] = value
        } else {
            partnership[keyPath: list].append(value)
            if let order { partnership[keyPath: list].sort(by: order) }
        }
    }

    /// The record as it is on screen now.
    func current(_ record: Record) -> Record? {
        switch record {
        case let .action(a): partnership.action(a.id).map(Record.action)
        case let .area(a): partnership.area(a.id).map(Record.area)
        case let .caseStudy(c): partnership.caseStudy(c.id).map(Record.caseStudy)
        case let .meeting(m): partnership.meetings.first { $0.id == m.id }.map(Record.meeting)
        case let .organisation(o): partnership.organisation(o.id).map(Record.organisation)
        case let .fundingAgreement(a): partnership.fundingAgreement(a.id).map(Record.fundingAgreement)
        }
    }
}
