import PathfinderModel

/// An `Action` as the index keeps it: every field, in a compact binary form that reads back
/// without parsing YAML (docs/DECISIONS.md, "The derived index (issue 14)").
///
/// The short fields come first and the description and progress log last, behind their
/// offset, so a question about statuses, dates or themes reads back an action without its
/// long texts (`decode(_:full: false)`), and only the actions it shows are read whole.
/// A field added to `Action` must be added here (and `formatVersion` bumped): the round-trip
/// test over the sample store fails until it is.
enum ActionRecord {
    /// Bumped whenever the layout changes; part of every index file's header.
    static let formatVersion: UInt32 = 3   // 2: depends-on (issue 13); 3: indicator direction, LAA target and readings (issue 12)

    static func encode(_ a: Action) -> [UInt8] {
        var w = BinaryWriter()
        w.reserve(512 + a.description.utf8.count + a.progress.joinedText.utf8.count)
        w.string(a.id)
        w.string(a.area)
        w.string(a.title)
        w.string(a.theme)
        w.strings(a.successFactors)
        w.string(a.lead)
        w.string(a.leadBody)
        w.strings(a.partners)
        w.string(a.status)
        w.byte(a.rag.index)
        w.day(a.start)
        w.day(a.due)
        w.count(a.milestones.count)
        for m in a.milestones {
            w.string(m.title)
            w.day(m.due)
            w.byte(m.done ? 1 : 0)
        }
        if let i = a.indicator {
            w.byte(1)
            w.string(i.name)
            w.double(i.baseline)
            w.double(i.target)
            w.optionalDouble(i.current)
            w.string(i.unit)
            w.string(i.direction?.rawValue ?? "")
            w.string(i.laaTarget)
            w.count(i.readings.count)
            for reading in i.readings {
                w.day(reading.date)
                w.double(reading.value)
                w.string(reading.note)
                w.string(reading.who)
            }
        } else {
            w.byte(0)
        }
        if let f = a.funding {
            w.byte(1)
            w.optionalDouble(f.amount)
            w.optionalDouble(f.termYears)
            w.optionalDouble(f.noticeMonths)
            w.byte(f.fullCostRecovery.map { $0 ? 1 : 2 } ?? 0)
        } else {
            w.byte(0)
        }
        w.strings(a.caseStudies)
        w.strings(a.dependsOn)
        w.day(a.reviewed)
        w.day(a.updated)
        w.string(a.updatedBy)
        w.string(a.source)
        // The long texts, last: a short read stops here.
        w.string(a.description)
        let log = a.progress
        w.string(log.joinedText)
        w.count(log.count)
        for i in log.indices {
            w.day(log.date(at: i))
            w.string(log.author(at: i))
            w.count(log.end(at: i))
        }
        return w.bytes
    }

    /// The action in `bytes`; with `full` false its description and progress log are left
    /// empty. Nil for bytes that are not a record (the index file's checksum makes that rare).
    static func decode(_ bytes: UnsafeRawBufferPointer, full: Bool = true) -> Action? {
        var r = BinaryReader(bytes)
        return decode(&r, full: full)
    }

    /// `decode` from where `r` stands; with `full` false `r` is left at the description.
    static func decode(_ r: inout BinaryReader, full: Bool) -> Action? {
        guard let id = r.string(), let area = r.string(), let title = r.string(), let theme = r.string(),
              let factors = r.strings(), let lead = r.string(), let leadBody = r.string(), let partners = r.strings(),
              let status = r.string(), let ragIndex = r.byte(), Int(ragIndex) < RAG.all.count,
              let start = r.day(), let due = r.day(), let milestoneCount = r.count() else { return nil }
        var milestones: [Milestone] = []
        milestones.reserveCapacity(milestoneCount)
        for _ in 0..<milestoneCount {
            guard let t = r.string(), let d = r.day(), let done = r.byte() else { return nil }
            milestones.append(Milestone(title: t, due: d, done: done == 1))
        }
        var indicator: Indicator?
        guard let hasIndicator = r.byte() else { return nil }
        if hasIndicator == 1 {
            guard let name = r.string(), let baseline = r.double(), let target = r.double(), let current = r.optionalDouble(),
                  let unit = r.string(), let direction = r.string(), let laaTarget = r.string(), let count = r.count() else { return nil }
            var readings: [IndicatorReading] = []
            for _ in 0..<count {
                guard let date = r.day(), let day = date, let value = r.double(), let note = r.string(), let who = r.string() else { return nil }
                readings.append(IndicatorReading(date: day, value: value, note: note, who: who))
            }
            indicator = Indicator(name: name, baseline: baseline, target: target, current: current, unit: unit,
                                  direction: IndicatorDirection(rawValue: direction), laaTarget: laaTarget, readings: readings)
        }
        var funding: Funding?
        guard let hasFunding = r.byte() else { return nil }
        if hasFunding == 1 {
            guard let amount = r.optionalDouble(), let term = r.optionalDouble(), let notice = r.optionalDouble(),
                  let recovery = r.byte() else { return nil }
            funding = Funding(amount: amount, termYears: term, noticeMonths: notice,
                              fullCostRecovery: recovery == 0 ? nil : recovery == 1)
        }
        guard let studies = r.strings(), let dependsOn = r.strings(), let reviewed = r.day(), let updated = r.day(), let updatedBy = r.string(),
              let source = r.string() else { return nil }
        var action = Action(id: id, area: area, title: title, theme: theme, successFactors: factors, lead: lead, leadBody: leadBody,
                            partners: partners, status: status, rag: RAG.all[Int(ragIndex)], start: start, due: due,
                            milestones: milestones, indicator: indicator, funding: funding, caseStudies: studies,
                            dependsOn: dependsOn, reviewed: reviewed, updated: updated, updatedBy: updatedBy, source: source)
        guard full else { return action }
        guard let description = r.string(), let joined = r.string(), let notes = r.count() else { return nil }
        var dates: [Day] = [], authors: [String] = [], ends: [Int] = []
        dates.reserveCapacity(notes)
        authors.reserveCapacity(notes)
        ends.reserveCapacity(notes)
        for _ in 0..<notes {
            guard let d = r.day(), let date = d, let author = r.string(), let end = r.count() else { return nil }
            dates.append(date)
            authors.append(author)
            ends.append(end)
        }
        guard r.atEnd, let log = ProgressLog(joinedText: joined, dates: dates, authors: authors, ends: ends) else { return nil }
        action.description = description
        action.progress = log
        return action
    }
}

/// Appends little-endian numbers and length-prefixed UTF-8 strings to a byte array.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func reserve(_ n: Int) { bytes.reserveCapacity(n) }
    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func u32(_ v: UInt32) { bytes.appendLittleEndian(v) }
    mutating func u64(_ v: UInt64) { bytes.appendLittleEndian(v) }

    mutating func count(_ n: Int) { u32(UInt32(clamping: n)) }
    mutating func double(_ d: Double) { u64(d.bitPattern) }

    mutating func optionalDouble(_ d: Double?) {
        if let d {
            byte(1)
            double(d)
        } else {
            byte(0)
        }
    }

    /// A day as yyyymmdd, 0 for none.
    mutating func day(_ d: Day?) { u32(UInt32(bitPattern: d?.packed ?? 0)) }

    mutating func string(_ s: String) {
        count(s.utf8.count)
        bytes.append(contentsOf: s.utf8)
    }

    mutating func strings(_ list: [String]) {
        count(list.count)
        for s in list { string(s) }
    }

    mutating func append(_ other: some Collection<UInt8>) { bytes.append(contentsOf: other) }
}

/// Reads what `BinaryWriter` wrote; every read answers nil past the end, never traps.
struct BinaryReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var at = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { at == bytes.count }

    mutating func byte() -> UInt8? {
        guard at < bytes.count else { return nil }
        defer { at += 1 }
        return bytes[at]
    }

    mutating func u32() -> UInt32? {
        guard bytes.count - at >= 4 else { return nil }
        defer { at += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    mutating func u64() -> UInt64? {
        guard bytes.count - at >= 8 else { return nil }
        defer { at += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    mutating func count() -> Int? { u32().map(Int.init) }
    mutating func double() -> Double? { u64().map(Double.init(bitPattern:)) }

    mutating func optionalDouble() -> Double?? {
        guard let flag = byte() else { return nil }
        guard flag == 1 else { return .some(nil) }
        return double().map { .some($0) }
    }

    /// nil past the end; .some(nil) for "no day".
    mutating func day() -> Day?? {
        guard let v = u32() else { return nil }
        return .some(Day(packed: Int32(bitPattern: v)))
    }

    /// The bytes of the next `n`, without copying them.
    mutating func slice(_ n: Int) -> UnsafeRawBufferPointer? {
        guard n >= 0, bytes.count - at >= n else { return nil }
        defer { at += n }
        return UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)])
    }

    mutating func string() -> String? {
        guard let n = count(), let s = slice(n) else { return nil }
        return String(decoding: s, as: UTF8.self)
    }

    mutating func strings() -> [String]? {
        guard let n = count(), n <= bytes.count - at else { return nil }
        var list: [String] = []
        list.reserveCapacity(n)
        for _ in 0..<n {
            guard let s = string() else { return nil }
            list.append(s)
        }
        return list
    }
}
