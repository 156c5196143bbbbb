import PathfinderModel

/// A kind of record the screens save whole (action, area, case study, meeting): where the
/// partnership keeps it and how `RecordMerge` merges it, so what is done to every kind alike
/// (placing, finding, merging, taking a field) is written once.
protocol StoredRecord: Hashable, Sendable {
    var id: String { get }
    /// Where the partnership keeps this kind.
    static var list: WritableKeyPath<Partnership, [Self]> { get }
    /// Where a new one goes among the others, as the store loads them (nil: at the end).
    static var loadOrder: ((Self, Self) -> Bool)? { get }
    static func merged(base: Self, mine: Self, theirs: Self) -> Merged<Self>
    static func take(_ key: String, from source: Self, into record: inout Self)
    var record: Record { get }
}

extension StoredRecord {
    static var loadOrder: ((Self, Self) -> Bool)? { nil }

    /// The record's value when it is of this kind.
    init?(_ record: Record) {
        guard let value = record.withKind({ $0 as? Self }) else { return nil }
        self = value
    }
}

extension Action: StoredRecord {
    static var list: WritableKeyPath<Partnership, [Action]> { \.actions }
    static func merged(base: Action, mine: Action, theirs: Action) -> Merged<Action> { RecordMerge.merge(base: base, mine: mine, theirs: theirs) }
    static func take(_ key: String, from source: Action, into record: inout Action) { RecordMerge.take(key, from: source, into: &record) }
    var record: Record { .action(self) }
}

extension Area: StoredRecord {
    static var list: WritableKeyPath<Partnership, [Area]> { \.areas }
    static var loadOrder: ((Area, Area) -> Bool)? { { ($0.name, $0.id) < ($1.name, $1.id) } }
    static func merged(base: Area, mine: Area, theirs: Area) -> Merged<Area> { RecordMerge.merge(base: base, mine: mine, theirs: theirs) }
    static func take(_ key: String, from source: Area, into record: inout Area) { RecordMerge.take(key, from: source, into: &record) }
    var record: Record { .area(self) }
}

extension CaseStudy: StoredRecord {
    static var list: WritableKeyPath<Partnership, [CaseStudy]> { \.caseStudies }
    static var loadOrder: ((CaseStudy, CaseStudy) -> Bool)? { { ($0.title, $0.id) < ($1.title, $1.id) } }
    static func merged(base: CaseStudy, mine: CaseStudy, theirs: CaseStudy) -> Merged<CaseStudy> { RecordMerge.merge(base: base, mine: mine, theirs: theirs) }
    static func take(_ key: String, from source: CaseStudy, into record: inout CaseStudy) { RecordMerge.take(key, from: source, into: &record) }
    var record: Record { .caseStudy(self) }
}

extension Meeting: StoredRecord {
    static var list: WritableKeyPath<Partnership, [Meeting]> { \.meetings }
    static func merged(base: Meeting, mine: Meeting, theirs: Meeting) -> Merged<Meeting> { RecordMerge.merge(base: base, mine: mine, theirs: theirs) }
    static func take(_ key: String, from source: Meeting, into record: inout Meeting) { RecordMerge.take(key, from: source, into: &record) }
    var record: Record { .meeting(self) }
}

extension Record {
    /// Calls `body` with the record as its own kind.
    func withKind<Value>(_ body: (any StoredRecord) -> Value) -> Value {
        switch self {
        case let .action(a): body(a)
        case let .area(a): body(a)
        case let .caseStudy(c): body(c)
        case let .meeting(m): body(m)
        }
    }

    /// Merges the user's version with the one on disk now against the version the edit
    /// started from. Without a base (never known), every field that differs is a conflict and
    /// only progress notes merge. Records of different kinds (not expected) merge to theirs with
    /// no conflicts.
    static func merge(base: Record?, mine: Record, theirs: Record) -> (merged: Record, conflicts: [MergeConflict]) {
        guard let base else { return mergeWithoutBase(mine: mine, theirs: theirs) }
        func merged<T: StoredRecord>(_ b: T) -> (merged: Record, conflicts: [MergeConflict]) {
            guard let m = T(mine), let t = T(theirs) else { return (theirs, []) }
            let r = T.merged(base: b, mine: m, theirs: t)
            return (r.merged.record, r.conflicts)
        }
        return base.withKind { merged($0) }
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
        func take<T: StoredRecord>(_ record: T) -> Record {
            guard let from = T(source) else { return self }
            var result = record
            T.take(key, from: from, into: &result)
            return result.record
        }
        return withKind { take($0) }
    }
}

extension AppState {
    /// Replaces (or adds, in the store's order) a record in the partnership.
    mutating func place(_ record: Record) {
        func put<T: StoredRecord>(_ value: T) {
            if let i = partnership[keyPath: T.list].firstIndex(where: { $0.id == value.id }) {
                partnership[keyPath: T.list][i] = value
            } else {
                partnership[keyPath: T.list].append(value)
                if let order = T.loadOrder { partnership[keyPath: T.list].sort(by: order) }
            }
        }
        record.withKind { put($0) }
        keepSelectionVisible()
    }

    /// The record as it is on screen now.
    func current(_ record: Record) -> Record? {
        func find<T: StoredRecord>(_ value: T) -> Record? {
            partnership[keyPath: T.list].first { $0.id == value.id }?.record
        }
        return record.withKind { find($0) }
    }
}
