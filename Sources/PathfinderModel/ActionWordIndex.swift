/// Which actions a search word occurs in, so a search over a large store reads back only the
/// actions it finds (issue 14). It holds every run of bytes between spaces and newlines in the
/// texts `SearchIndex` searches for each action (`SearchIndex.searchedTexts`), each distinct run
/// once, with the positions of the actions holding it.
///
/// Why runs and not words or trigrams: the search finds a folded query word anywhere, inside
/// words too ("commission" finds "recommissioning", "co-op" finds "(co-op)"). A query word has
/// no space, and no newline (the byte the searched texts are joined with), so wherever it
/// occurs it lies inside one run: the actions holding the word are exactly those holding a run
/// it occurs in. A search scans the distinct runs (a few thousand an area), not every note, and
/// gives the full scan's answers, not candidates to check. A word holding a space or newline
/// byte (possible only from the command line, or a space joined to a combining mark) cannot be
/// answered this way: `answers(_:)` says so, and the caller scans instead.
public struct ActionWordIndex: Sendable, Hashable {
    /// How many actions (positions 0..<count).
    public private(set) var count: Int
    /// "\n", then each distinct run followed by "\n", in byte order.
    private var vocabulary: [UInt8]
    /// Where each run starts in `vocabulary`.
    private var starts: [UInt32]
    /// Per run, the positions of the actions holding it, ascending, as varint gaps.
    private var postings: [UInt8]
    /// Where each run's positions start in `postings`; one more than the runs (the end).
    private var postingStarts: [UInt32]

    static let space: UInt8 = 0x20, newline: UInt8 = 0x0A

    /// Whether a folded query word can be answered here: it has no space or newline byte.
    public static func answers(_ word: [UInt8]) -> Bool {
        !word.isEmpty && !word.contains(space) && !word.contains(newline)
    }

    public init(_ actions: [Action], catalogue: Catalogue) {
        var holders: [[UInt8]: [Int32]] = [:]
        for (i, action) in actions.enumerated() {
            for run in Self.runs(action, catalogue: catalogue) {
                holders[run, default: []].append(Int32(i))
            }
        }
        self.init(count: actions.count, holders: holders)
    }

    /// The distinct runs of the texts searched for `action`, as `SearchIndex` searches them:
    /// folded, or, for plain-ASCII long texts, in ASCII lower case (what folding gives them).
    public static func runs(_ action: Action, catalogue: Catalogue) -> Set<[UInt8]> {
        var found = Set<[UInt8]>()
        func add(_ bytes: some Collection<UInt8>, lower: Bool) {
            var run: [UInt8] = []
            for b in bytes {
                if b == space || b == newline {
                    if !run.isEmpty { found.insert(run) }
                    run.removeAll(keepingCapacity: true)
                } else {
                    run.append(lower && b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                }
            }
            if !run.isEmpty { found.insert(run) }
        }
        let texts = SearchIndex.searchedTexts(action, catalogue)
        add(texts.folded, lower: false)
        if let long = texts.foldedLong {
            add(long, lower: false)
        } else {
            for text in SearchIndex.longTexts(action) { add(text.utf8, lower: true) }
        }
        return found
    }

    private init(count: Int, holders: [[UInt8]: [Int32]]) {
        self.count = count
        vocabulary = [Self.newline]
        starts = []
        postings = []
        postingStarts = []
        starts.reserveCapacity(holders.count)
        postingStarts.reserveCapacity(holders.count + 1)
        for run in holders.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            starts.append(UInt32(vocabulary.count))
            vocabulary.append(contentsOf: run)
            vocabulary.append(Self.newline)
            postingStarts.append(UInt32(postings.count))
            var last: Int32 = -1
            for position in holders[run]! {
                Self.appendVarint(UInt32(position - last), to: &postings)
                last = position
            }
        }
        postingStarts.append(UInt32(postings.count))
    }

    /// The positions of the actions holding `word` (folded; `answers(word)` must be true), as
    /// a bit set: bit `i % 64` of element `i / 64`.
    public func holding(_ word: [UInt8]) -> [UInt64] {
        var bits = [UInt64](repeating: 0, count: (count + 63) / 64)
        let n = word.count, h = vocabulary.count
        guard n > 0, n <= h else { return bits }
        vocabulary.withUnsafeBufferPointer { v in
            word.withUnsafeBufferPointer { w in
                let first = w[0]
                var i = 1
                while i <= h - n {
                    guard v[i] == first else {
                        i += 1
                        continue
                    }
                    var k = 1
                    while k < n, v[i + k] == w[k] { k += 1 }
                    guard k == n else {
                        i += 1
                        continue
                    }
                    // The run holding this match; the scan goes on from the next run.
                    let run = runIndex(at: i)
                    addPostings(of: run, to: &bits)
                    i = run + 1 < starts.count ? Int(starts[run + 1]) : h
                }
            }
        }
        return bits
    }

    /// The run whose bytes include `offset`: the last that starts at or before it.
    private func runIndex(at offset: Int) -> Int {
        var low = 0, high = starts.count
        while high - low > 1 {
            let mid = (low + high) / 2
            if Int(starts[mid]) <= offset { low = mid } else { high = mid }
        }
        return low
    }

    private func addPostings(of run: Int, to bits: inout [UInt64]) {
        var at = Int(postingStarts[run])
        let end = Int(postingStarts[run + 1])
        var position = -1
        while at < end {
            guard let (gap, next) = Self.varint(postings, at, end) else { return }
            at = next
            position += Int(gap)
            guard position < count else { return }
            bits[position >> 6] |= 1 << UInt64(position & 63)
        }
    }

    // MARK: Bytes, for the store's index file

    /// The index as bytes (little-endian): count, vocabulary, run starts, postings, their starts.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 + vocabulary.count + postings.count + 8 * starts.count)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u32(UInt32(count))
        u32(UInt32(vocabulary.count))
        out.append(contentsOf: vocabulary)
        u32(UInt32(starts.count))
        for s in starts { u32(s) }
        u32(UInt32(postings.count))
        out.append(contentsOf: postings)
        for s in postingStarts { u32(s) }
        return out
    }

    /// The index in `bytes` as `encoded()` wrote them, or nil when they are not one: every
    /// offset is checked, so damaged bytes can give wrong answers (the file's checksum is what
    /// catches those) but never a crash.
    public init?(encoded bytes: UnsafeRawBufferPointer) {
        var at = 0
        func u32() -> UInt32? {
            guard bytes.count - at >= 4 else { return nil }
            defer { at += 4 }
            return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
        }
        func take(_ n: Int) -> [UInt8]? {
            guard n >= 0, bytes.count - at >= n else { return nil }
            defer { at += n }
            return Array(bytes[at..<(at + n)])
        }
        guard let count = u32(), let vocabularyCount = u32(), let vocabulary = take(Int(vocabularyCount)),
              vocabulary.first == Self.newline, vocabulary.last == Self.newline, let runs = u32().map(Int.init),
              runs <= bytes.count - at else { return nil }
        var starts: [UInt32] = []
        starts.reserveCapacity(runs)
        for _ in 0..<runs {
            guard let s = u32(), s > (starts.last ?? 0), s < vocabularyCount, vocabulary[Int(s) - 1] == Self.newline else { return nil }
            starts.append(s)
        }
        guard let postingCount = u32(), let postings = take(Int(postingCount)), (runs + 1) * 4 == bytes.count - at else { return nil }
        var postingStarts: [UInt32] = []
        postingStarts.reserveCapacity(runs + 1)
        for _ in 0...runs {
            guard let s = u32(), s >= (postingStarts.last ?? 0), s <= postingCount else { return nil }
            postingStarts.append(s)
        }
        guard postingStarts.last == postingCount else { return nil }
        self.count = Int(count)
        self.vocabulary = vocabulary
        self.starts = starts
        self.postings = postings
        self.postingStarts = postingStarts
    }

    static func appendVarint(_ value: UInt32, to bytes: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    static func varint(_ bytes: [UInt8], _ start: Int, _ end: Int) -> (UInt32, Int)? {
        var value: UInt32 = 0, shift: UInt32 = 0, at = start
        while at < end, shift < 35 {
            let b = bytes[at]
            value |= UInt32(b & 0x7F) << shift
            at += 1
            if b < 0x80 { return (value, at) }
            shift += 7
        }
        return nil
    }
}
