import PathfinderModel

/// `RecordMerge` over any kind of record the screens save.
extension Record {
    /// Merges the user's version with the one on disk now against the version the edit
    /// started from. Without a base (never known), every field that differs is a conflict and
    /// only progress notes merge. Records of different kinds (not expected) merge to theirs with
    /// no conflicts.
    static func merge(base: Record?, mine: Record, theirs: Record) -> (merged: Record, conflicts: [MergeConflict]) {
        switch (base, mine, theirs) {
        case let (.action(b)?, .action(m), .action(t)):
            let r = RecordMerge.merge(base: b, mine: m, theirs: t)
            return (.action(r.merged), r.conflicts)
        case let (.area(b)?, .area(m), .area(t)):
            let r = RecordMerge.merge(base: b, mine: m, theirs: t)
            return (.area(r.merged), r.conflicts)
        case let (.caseStudy(b)?, .caseStudy(m), .caseStudy(t)):
            let r = RecordMerge.merge(base: b, mine: m, theirs: t)
            return (.caseStudy(r.merged), r.conflicts)
        case let (.meeting(b)?, .meeting(m), .meeting(t)):
            let r = RecordMerge.merge(base: b, mine: m, theirs: t)
            return (.meeting(r.merged), r.conflicts)
        case let (nil, .action(m), .action(t)):
            var merged = t
            for entry in m.progress where !t.progress.contains(entry) { merged.addProgress(entry) }
            let conflicts = ActionEdit.changes(from: t, to: m).map {
                MergeConflict(key: $0.field.rawValue, label: $0.field.label, base: "", mine: $0.new, theirs: $0.old)
            }
            return (.action(merged), conflicts)
        case let (nil, .area(m), .area(t)):
            return (theirs, AreaEdit.changes(from: t, to: m).map {
                MergeConflict(key: $0.field.rawValue, label: $0.field.label, base: "", mine: $0.new, theirs: $0.old)
            })
        case let (nil, .caseStudy(m), .caseStudy(t)):
            return (theirs, CaseStudyEdit.changes(from: t, to: m).map {
                MergeConflict(key: $0.field.rawValue, label: $0.field.label, base: "", mine: $0.new, theirs: $0.old)
            })
        case let (nil, .meeting(m), .meeting(t)):
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

    /// This record with one field (by its key in the files) as `source` has it.
    func taking(_ key: String, from source: Record) -> Record {
        switch (self, source) {
        case (.action(var r), let .action(s)):
            RecordMerge.take(key, from: s, into: &r)
            return .action(r)
        case (.area(var r), let .area(s)):
            RecordMerge.take(key, from: s, into: &r)
            return .area(r)
        case (.caseStudy(var r), let .caseStudy(s)):
            RecordMerge.take(key, from: s, into: &r)
            return .caseStudy(r)
        case (.meeting(var r), let .meeting(s)):
            RecordMerge.take(key, from: s, into: &r)
            return .meeting(r)
        default:
            return self
        }
    }
}
