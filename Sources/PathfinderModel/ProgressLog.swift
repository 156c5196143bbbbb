/// An action's progress log, oldest first, as a collection of `ProgressEntry`.
///
/// Why not `[ProgressEntry]`: a store of 52,500 actions with ten notes each holds 525,000
/// notes, and as separate strings in separate entries each note costs a 32-byte string header,
/// malloc's rounding and a 56-byte entry besides its text (about 55 MB in all). Here an
/// action's note texts are one string, joined by newlines, and each entry is a small record
/// (its day, its author, where its text ends): two allocations an action instead of eleven.
///
/// Entries are made on access. Code that reads every note of every action (the free-text
/// filter) reads `joinedText` instead, which makes nothing.
public struct ProgressLog: Hashable, Sendable {
    struct Record: Hashable, Sendable {
        var date: Day
        /// End of this entry's text in `joinedText`, in UTF-8 bytes.
        var end: UInt32
        /// Authors repeat across a store; the store shares one copy of each.
        var author: String
    }

    /// Every note's text, oldest first, joined by "\n". Kept exactly this (no spare capacity,
    /// nothing else), so equal logs have equal storage and the synthesised `==` is right.
    public private(set) var joinedText: String
    private(set) var records: [Record]

    /// The size of an entry's record, for the benchmark's memory report.
    public static var bytesPerEntry: Int { MemoryLayout<Record>.stride }

    public init() {
        joinedText = ""
        records = []
    }

    public init(_ entries: some Sequence<ProgressEntry>) {
        let entries = Array(entries)
        var records: [Record] = []
        records.reserveCapacity(entries.count)
        let total = entries.reduce(Swift.max(0, entries.count - 1)) { $0 + $1.text.utf8.count }
        let joined = entries.isEmpty ? "" : String(unsafeUninitializedCapacity: total) { buffer in
            var at = 0
            for (i, entry) in entries.enumerated() {
                if i > 0 {
                    buffer[at] = 0x0A
                    at += 1
                }
                // Copied in one go where the text is contiguous (it nearly always is): a
                // byte-at-a-time loop was 4% of a whole store's load.
                var text = entry.text
                text.withUTF8 { bytes in
                    if let base = bytes.baseAddress, bytes.count > 0 {
                        (buffer.baseAddress! + at).update(from: base, count: bytes.count)
                    }
                    at += bytes.count
                }
                records.append(Record(date: entry.date, end: UInt32(at), author: entry.author))
            }
            return at
        }
        self.joinedText = joined
        self.records = records
    }

    /// A log from its joined text and, per note, its day, its author and where its text ends
    /// (UTF-8 bytes into `joinedText`), as `end(at:)` gives them: how the store's index keeps a
    /// log without making a string a note. Nil unless the ends rise, stay inside the text and
    /// each note but the last is followed by the newline that joins it to the next.
    public init?(joinedText: String, dates: [Day], authors: [String], ends: [Int]) {
        guard dates.count == authors.count, dates.count == ends.count else { return nil }
        let utf8 = Array(joinedText.utf8)
        var records: [Record] = []
        records.reserveCapacity(ends.count)
        var start = 0
        for i in ends.indices {
            let end = ends[i]
            guard end >= start, end <= utf8.count, end <= Int(UInt32.max) else { return nil }
            if i < ends.count - 1 {
                guard end < utf8.count, utf8[end] == 0x0A else { return nil }
            } else {
                guard end == utf8.count else { return nil }
            }
            records.append(Record(date: dates[i], end: UInt32(end), author: authors[i]))
            start = end + 1
        }
        if ends.isEmpty, !utf8.isEmpty { return nil }
        self.joinedText = joinedText
        self.records = records
    }

    /// Where entry `i`'s text ends in `joinedText`, in UTF-8 bytes.
    public func end(at i: Int) -> Int { Int(records[i].end) }

    /// The text of entry `i`, without copying it.
    public func text(at i: Int) -> Substring {
        let utf8 = joinedText.utf8
        let start = i == 0 ? 0 : Int(records[i - 1].end) + 1
        let from = utf8.index(utf8.startIndex, offsetBy: start)
        let to = utf8.index(utf8.startIndex, offsetBy: Int(records[i].end))
        return joinedText[from..<to]
    }

    public func date(at i: Int) -> Day { records[i].date }
    public func author(at i: Int) -> String { records[i].author }

    /// Puts each author through `share` (the store's one copy of repeated text).
    public mutating func shareAuthors(_ share: (String) -> String) {
        for i in records.indices where records[i].author.utf8.count > 15 {
            records[i].author = share(records[i].author)
        }
    }

    /// The latest entry by date; the last written wins a tie.
    public var latest: ProgressEntry? { latestIndex.map { self[$0] } }

    /// The latest entry's date, without making the entry.
    public var latestDate: Day? { latestIndex.map { records[$0].date } }

    private var latestIndex: Int? {
        guard var best = records.indices.first else { return nil }
        for i in records.indices where records[i].date >= records[best].date { best = i }
        return best
    }
}

extension ProgressLog: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(i: Int) -> ProgressEntry {
        get { ProgressEntry(date: records[i].date, author: records[i].author, text: String(text(at: i))) }
        set { replaceSubrange(i..<(i + 1), with: CollectionOfOne(newValue)) }
    }

    /// Edits are a few notes at a time, so each rebuilds the log: simple, and it keeps the
    /// storage exact.
    public mutating func replaceSubrange<C: Collection>(_ range: Range<Int>, with new: C) where C.Element == ProgressEntry {
        var entries = Array(self)
        entries.replaceSubrange(range, with: new)
        self = ProgressLog(entries)
    }
}

extension ProgressLog: ExpressibleByArrayLiteral {
    public init(arrayLiteral entries: ProgressEntry...) {
        self.init(entries)
    }
}

extension ProgressLog: CustomStringConvertible {
    public var description: String { Array(self).description }
}
