/// A field two people changed differently since the version they both started from: the user
/// decides it in the conflict view. Values are as users read them.
public struct MergeConflict: Hashable, Sendable {
    /// The field's key in the store's files (`rag`, `lead-body`, `narrative`).
    public var key: String
    public var label: String
    public var base: String
    public var mine: String
    public var theirs: String

    public init(key: String, label: String, base: String, mine: String, theirs: String) {
        self.key = key
        self.label = label
        self.base = base
        self.mine = mine
        self.theirs = theirs
    }
}

/// The outcome of a three-way merge: every change from both sides, and the fields both changed
/// differently. In `merged` a conflicting field holds their value until the user decides
/// (`RecordMerge.take`).
public struct Merged<Value: Hashable & Sendable>: Hashable, Sendable {
    public var merged: Value
    public var conflicts: [MergeConflict]

    public init(merged: Value, conflicts: [MergeConflict]) {
        self.merged = merged
        self.conflicts = conflicts
    }
}

/// The one rule every edit path follows when the record changed on disk while a user was
/// changing it (a form left open, an editor, a meeting, a sync or `git pull` meanwhile):
/// merge field by field against the version the edit started from. A field only one side
/// changed takes that change; progress notes and list entries from both are kept; a field both
/// changed differently is a conflict, never settled silently.
public enum RecordMerge {
    // MARK: Actions

    public static func merge(base: Action, mine: Action, theirs: Action) -> Merged<Action> {
        // Milestones are compared as a user reads them, ticks and dates included.
        var result = fieldwise(base: base, mine: mine, theirs: theirs, fields: ActionField.allCases, key: \.rawValue, label: \.label,
                               value: { $0.value(of: $1) }, take: { ActionEdit.take($0, from: $1, into: &$2) }) { field, merged in
            switch field {
            case .partners:
                merged.partners = ListMerge.merge(base: base.partners, mine: mine.partners, theirs: theirs.partners)
            case .successFactors:
                merged.successFactors = ListMerge.merge(base: base.successFactors, mine: mine.successFactors, theirs: theirs.successFactors)
            case .caseStudies:
                merged.caseStudies = ListMerge.merge(base: base.caseStudies, mine: mine.caseStudies, theirs: theirs.caseStudies)
            case .dependsOn:
                merged.dependsOn = ListMerge.merge(base: base.dependsOn, mine: mine.dependsOn, theirs: theirs.dependsOn)
            case .milestones:
                let list = ListMerge.merge(base: base.milestones, mine: mine.milestones, theirs: theirs.milestones, id: \.title,
                                           combine: { old, ours, theirs in
                                               // A tick on one side and a new date on the other are both kept.
                                               var m = theirs
                                               if ours.done != old.done { m.done = ours.done }
                                               if ours.due != old.due {
                                                   guard theirs.due == old.due else { return nil }
                                                   m.due = ours.due
                                               }
                                               return m
                                           })
                guard let list else { return false }
                merged.milestones = list
            default:
                return false
            }
            return true
        }
        var merged = result.merged
        merged.progress = mergedNotes(base: base.progress, mine: mine.progress, theirs: theirs.progress)
        // Readings are kept from both sides, like progress notes (a reading one side removed goes).
        if merged.indicator != nil {
            let readings = mergedReadings(base: base.indicator?.readings ?? [], mine: mine.indicator?.readings ?? [],
                                          theirs: theirs.indicator?.readings ?? [])
            if readings != merged.indicator?.readings {
                merged.indicator?.readings = readings
                if let last = readings.last { merged.indicator?.current = last.value }
            }
            // Two new readings make both sides' current differ: the readings decide it, not the user.
            func followsReadings(_ a: Action) -> Bool { a.indicator.map { $0.current == $0.readings.last?.value } ?? true }
            if followsReadings(mine), followsReadings(theirs) {
                result.conflicts.removeAll { $0.key == ActionField.indicatorCurrent.rawValue }
            }
        }
        // The save is the user's: it is stamped as theirs, on the later day.
        if mine != base {
            let mineIsLater = switch (mine.updated, theirs.updated) {
            case let (m?, t?): m >= t
            case (_, nil): true
            case (nil, _?): false
            }
            merged.updated = mineIsLater ? mine.updated : theirs.updated
            merged.updatedBy = mineIsLater ? mine.updatedBy : theirs.updatedBy
        }
        result.merged = merged
        return result
    }

    /// Progress notes from both sides in date order; a note one side removed (an undo) goes.
    static func mergedNotes(base: ProgressLog, mine: ProgressLog, theirs: ProgressLog) -> ProgressLog {
        if mine == base || mine == theirs { return theirs }
        if theirs == base { return mine }
        var result = Array(theirs)
        let removed = base.filter { !mine.contains($0) }
        result.removeAll { removed.contains($0) }
        var log = ProgressLog(result)
        for entry in mine where !base.contains(entry) && !log.contains(entry) { log.add(entry) }
        return log
    }

    /// Indicator readings from both sides in date order; a reading one side removed goes.
    static func mergedReadings(base: [IndicatorReading], mine: [IndicatorReading], theirs: [IndicatorReading]) -> [IndicatorReading] {
        if mine == base || mine == theirs { return theirs }
        if theirs == base { return mine }
        var indicator = Indicator(name: "", baseline: 0, target: 0)
        indicator.readings = theirs.filter { base.contains($0) ? mine.contains($0) : true }
        for reading in mine where !base.contains(reading) && !indicator.readings.contains(reading) { indicator.add(reading) }
        return indicator.readings
    }

    /// Sets one field of `record` to the value `source` has (the conflict view's "keep mine").
    public static func take(_ key: String, from source: Action, into record: inout Action) {
        if let field = ActionField(rawValue: key) { ActionEdit.take(field, from: source, into: &record) }
    }

    // MARK: Areas

    public static func merge(base: Area, mine: Area, theirs: Area) -> Merged<Area> {
        fieldwise(base: base, mine: mine, theirs: theirs, fields: AreaField.allCases, key: \.rawValue, label: \.label,
                  value: { $0.value(of: $1) }, take: { take($0.rawValue, from: $1, into: &$2) }) { field, merged in
            switch field {
            case .keyFigures, .steeringGroup, .forums:
                guard let list = ListMerge.merge(base: AreaEdit.entries(field, of: base), mine: AreaEdit.entries(field, of: mine),
                                                 theirs: AreaEdit.entries(field, of: theirs), id: { $0.first ?? "" }) else { return false }
                AreaEdit.setEntries(field, list, on: &merged)
                return true
            default:
                return false
            }
        }
    }

    public static func take(_ key: String, from source: Area, into record: inout Area) {
        guard let field = AreaField(rawValue: key) else { return }
        switch field {
        case .name: record.name = source.name
        case .code: record.code = source.code
        case .authority: record.authority = source.authority
        case .type: record.type = source.type
        case .region: record.region = source.region
        case .demography: record.demography = source.demography
        case .keyFigures: record.keyFigures = source.keyFigures
        case .steeringGroup: record.steeringGroup = source.steeringGroup
        case .forums: record.forums = source.forums
        case .source: record.source = source.source
        case .narrative: record.narrative = source.narrative
        }
    }

    // MARK: Case studies

    public static func merge(base: CaseStudy, mine: CaseStudy, theirs: CaseStudy) -> Merged<CaseStudy> {
        fieldwise(base: base, mine: mine, theirs: theirs, fields: CaseStudyField.allCases, key: \.rawValue, label: \.label,
                  value: { $0.value(of: $1) }, take: { take($0.rawValue, from: $1, into: &$2) }) { field, merged in
            switch field {
            case .themes:
                merged.themes = ListMerge.merge(base: base.themes, mine: mine.themes, theirs: theirs.themes)
            case .organisations:
                merged.organisations = ListMerge.merge(base: base.organisations, mine: mine.organisations, theirs: theirs.organisations)
            case .keyFigures:
                guard let list = ListMerge.merge(base: base.keyFigures, mine: mine.keyFigures, theirs: theirs.keyFigures, id: \.label) else {
                    return false
                }
                merged.keyFigures = list
            default:
                return false
            }
            return true
        }
    }

    public static func take(_ key: String, from source: CaseStudy, into record: inout CaseStudy) {
        guard let field = CaseStudyField(rawValue: key) else { return }
        switch field {
        case .title: record.title = source.title
        case .area: record.area = source.area
        case .place: record.place = source.place
        case .themes: record.themes = source.themes
        case .organisations: record.organisations = source.organisations
        case .keyFigures: record.keyFigures = source.keyFigures
        case .source: record.source = source.source
        case .text: record.text = source.text
        }
    }

    // MARK: Meetings

    /// A meeting is mostly a record of what was said: notes, decisions, changes and actions
    /// created from both sides are all kept; only its title, date and general notes can
    /// conflict.
    public static func merge(base: Meeting, mine: Meeting, theirs: Meeting) -> Merged<Meeting> {
        let scalars = ["title", "date", "notes"]
        let labels = ["title": "Title", "date": "Date", "notes": "Notes"]
        var result = fieldwise(base: base, mine: mine, theirs: theirs, fields: scalars, key: { $0 }, label: { labels[$0] ?? $0 },
                               value: { key, m in key == "title" ? m.title : key == "date" ? m.date.iso : m.notes },
                               take: { take($0, from: $1, into: &$2) }, list: { _, _ in false })
        var merged = result.merged
        merged.ended = theirs.ended || mine.ended
        merged.attendees = ListMerge.merge(base: base.attendees, mine: mine.attendees, theirs: theirs.attendees)
        merged.actionsCreated = ListMerge.merge(base: base.actionsCreated, mine: mine.actionsCreated, theirs: theirs.actionsCreated)
        merged.changes = ListMerge.merge(base: base.changes, mine: mine.changes, theirs: theirs.changes)
        merged.items = ListMerge.merge(base: base.items, mine: mine.items, theirs: theirs.items, id: \.action,
                                       combine: { old, ours, theirs in
                                           var item = theirs
                                           item.notes = ListMerge.merge(base: old.notes, mine: ours.notes, theirs: theirs.notes)
                                           item.decisions = ListMerge.merge(base: old.decisions, mine: ours.decisions, theirs: theirs.decisions)
                                           item.reviewed = ours.reviewed || theirs.reviewed
                                           if ours.status != old.status { item.status = ours.status }
                                           if ours.rag != old.rag { item.rag = ours.rag }
                                           return item
                                       }) ?? theirs.items
        result.merged = merged
        return result
    }

    public static func take(_ key: String, from source: Meeting, into record: inout Meeting) {
        switch key {
        case "title": record.title = source.title
        case "date": record.date = source.date
        case "notes": record.notes = source.notes
        default: break
        }
    }

    // MARK: The rule itself

    /// Field by field: a field only one side changed takes that change; one both changed is
    /// offered to `list` (which merges it entry by entry into `merged` and says true) and is
    /// otherwise a conflict, keeping their value until the user decides.
    static func fieldwise<Record: Hashable & Sendable, Field>(
        base: Record, mine: Record, theirs: Record, fields: [Field], key: (Field) -> String, label: (Field) -> String,
        value: (Field, Record) -> String, take: (Field, Record, inout Record) -> Void,
        list: (Field, inout Record) -> Bool
    ) -> Merged<Record> {
        var merged = theirs
        var conflicts: [MergeConflict] = []
        for field in fields {
            let (b, m, t) = (value(field, base), value(field, mine), value(field, theirs))
            if m == b || m == t { continue }
            if t == b {
                take(field, mine, &merged)
            } else if !list(field, &merged) {
                conflicts.append(MergeConflict(key: key(field), label: label(field), base: b, mine: m, theirs: t))
            }
        }
        return Merged(merged: merged, conflicts: conflicts)
    }
}
