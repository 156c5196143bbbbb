/// One hit of a store-wide search: what matched, where, and a line of context to show.
public struct SearchResult: Hashable, Sendable {
    public enum Kind: Int, Hashable, Sendable, Comparable {
        case area, action, caseStudy, meeting
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
        public var label: String {
            switch self {
            case .area: "Areas"
            case .action: "Actions"
            case .caseStudy: "Case studies"
            case .meeting: "Meetings"
            }
        }
    }

    public var kind: Kind
    public var id: String
    public var title: String
    /// The field the first query word was found in ("title", "progress 2006-11-14", ...).
    public var field: String
    /// The text around the match, on one line.
    public var snippet: String
    /// How well the title (or id) answers the query: 4 it is the query, 3 it starts with it,
    /// 2 it holds every word, 1 the words are elsewhere but together as typed ("22 December"
    /// in a decision), 0 they are scattered. Within a kind, better first.
    public var rank = 0

    /// The result Enter opens: the best-ranked, the first of equals in the order shown.
    public static func best(_ results: [SearchResult]) -> Int? {
        results.indices.max { a, b in results[a].rank < results[b].rank || (results[a].rank == results[b].rank && a > b) }
    }
}

/// Incremental search across areas, actions (every field and progress note), case studies and
/// meetings (their notes and decisions).
/// Text is folded (lowercase, accents off) once when the index is built, so each key press only
/// scans bytes; the snippet for a hit is cut from the original text.
///
/// The index keeps the folded bytes and where each document is in the partnership, not a copy
/// of its fields: a hit's fields are made again from the partnership (at most a few hundred a
/// key), which saves a second copy of every note in a large store (about 150 MB at 52,500
/// actions). An action's long texts (its description and notes) in plain ASCII, most of them,
/// are not copied either: they are searched in the partnership's own text, ignoring ASCII case,
/// which folding amounts to for them; only long texts with other characters keep a folded copy. The partnership is the one it
/// was built from, shared, not copied; whoever changes the partnership drops the index first.
public struct SearchIndex: Sendable {
    /// Where a document's texts lie in the index's one buffer (`bytes`): a document is a few
    /// ranges, not four arrays of its own, so a key's scan of 52,500 documents retains and
    /// releases nothing, and the index costs one allocation instead of 200,000.
    private struct Document: Sendable {
        var kind: SearchResult.Kind
        /// Index into the partnership's areas, actions or case studies.
        var position: Int
        /// Every field but an action's long texts, folded and joined with newlines, for the
        /// fast "does every word occur" test. Each note's author is here, followed by ":".
        var folded: Range<Int>
        /// The title (an area's name) and the id, folded: a match there ranks first.
        var title: Range<Int>
        var id: Range<Int>
        /// An action's long texts (`longTexts`) folded, kept only when they are not all plain
        /// ASCII; otherwise the action's own strings are searched.
        var foldedLong: Range<Int>?
    }

    private let partnership: Partnership
    private let documents: [Document]
    /// Every document's folded texts, one after another.
    private let bytes: [UInt8]
    /// The store's search words, each part's positions as documents (-1: not covered).
    private let wordParts: [(words: ActionWordIndex, documents: [Int32])]
    /// Per document, whether `wordParts` answer for it (else it is scanned).
    private let covered: [Bool]

    /// `words`: the store's search words for the partnership's actions (`ActionSearchWords`);
    /// the actions they cover are found from them, the rest by scanning their text.
    public init(_ p: Partnership, words: ActionSearchWords? = nil) {
        var docs: [Document] = []
        docs.reserveCapacity(p.areas.count + p.actions.count + p.caseStudies.count + p.meetings.count)
        var bytes: [UInt8] = []
        func add(_ text: [UInt8]) -> Range<Int> {
            bytes += text
            return (bytes.count - text.count)..<bytes.count
        }
        func folded(_ fields: [(name: String, text: String)]) -> Range<Int> { add(Self.foldedFields(fields)) }
        func key(_ text: String) -> Range<Int> { add(Array(TextMatch.fold(text).utf8)) }
        for (i, a) in p.areas.enumerated() {
            docs.append(Document(kind: .area, position: i, folded: folded(Self.fields(a)), title: key(a.name), id: key(a.id)))
        }
        p.actions.withUnsafeBufferPointer { actions in
            for i in actions.indices {
                let texts = Self.searchedTexts(actions[i], p.catalogue)
                docs.append(Document(kind: .action, position: i, folded: add(texts.folded), title: key(actions[i].title),
                                     id: key(actions[i].id), foldedLong: texts.foldedLong.map(add)))
            }
        }
        for (i, s) in p.caseStudies.enumerated() {
            docs.append(Document(kind: .caseStudy, position: i, folded: folded(Self.fields(s)), title: key(s.title), id: key(s.id)))
        }
        for (i, m) in p.meetings.enumerated() {
            docs.append(Document(kind: .meeting, position: i, folded: folded(Self.fields(m)), title: key(m.title), id: key(m.id)))
        }
        partnership = p
        documents = docs
        self.bytes = bytes
        var covered = [Bool](repeating: false, count: docs.count)
        var parts: [(words: ActionWordIndex, documents: [Int32])] = []
        if let words {
            var document: [String: Int] = [:]
            document.reserveCapacity(p.actions.count)
            for (i, a) in p.actions.enumerated() where document[a.id] == nil && !words.forgotten.contains(a.id) {
                document[a.id] = p.areas.count + i
            }
            for part in words.parts {
                let positions = part.ids.map { id -> Int32 in
                    // Each action is answered for by one position at most.
                    guard let id, let d = document.removeValue(forKey: id) else { return -1 }
                    covered[d] = true
                    return Int32(d)
                }
                parts.append((part.words, positions))
            }
        }
        wordParts = parts
        self.covered = covered
    }

    /// Per document, whether the store's search words say it holds every word; nil when they
    /// cannot answer (none, or a word with a space or newline byte).
    private func foundByWords(_ words: [[UInt8]]) -> [Bool]? {
        guard !wordParts.isEmpty, words.allSatisfy(ActionWordIndex.answers) else { return nil }
        var found = [Bool](repeating: false, count: documents.count)
        for part in wordParts {
            var bits = part.words.holding(words[0])
            for word in words.dropFirst() {
                let more = part.words.holding(word)
                for k in bits.indices { bits[k] &= more[k] }
            }
            for (k, chunk) in bits.enumerated() where chunk != 0 {
                for b in 0..<64 where chunk & (1 << UInt64(b)) != 0 {
                    let d = part.documents[k * 64 + b]
                    if d >= 0 { found[Int(d)] = true }
                }
            }
        }
        return found
    }

    /// What is searched of an action: every field but its long texts, folded and joined with
    /// newlines; and its long texts folded the same way unless they are all plain ASCII (nil:
    /// they are searched where they are, ignoring ASCII case). `ActionWordIndex` takes its words
    /// from here too, so the two cannot drift apart.
    static func searchedTexts(_ a: Action, _ catalogue: Catalogue) -> (folded: [UInt8], foldedLong: [UInt8]?) {
        // A query word has no space, so a match in a note's field ("author: text") lies in
        // "author:" or in the text: the two are searched apart, with the same answers.
        var folded: [UInt8] = []
        folded.reserveCapacity(512)
        var first = true
        appendFolded(fields(a, catalogue, long: false), to: &folded, first: &first)
        for i in a.progress.indices {
            if !first { folded.append(0x0A) }
            first = false
            appendFolded(a.progress.author(at: i), to: &folded)
            folded.append(0x3A)
        }
        let long = longTexts(a)
        let plain = long.allSatisfy { text in
            text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0x80 } } ?? text.utf8.allSatisfy { $0 < 0x80 }
        }
        return (folded, plain ? nil : foldedFields(long.map { (name: "", text: $0) }))
    }

    /// Non-empty fields folded and joined with newlines.
    static func foldedFields(_ fields: [(name: String, text: String)]) -> [UInt8] {
        var out: [UInt8] = []
        var first = true
        appendFolded(fields, to: &out, first: &first)
        return out
    }

    /// `foldedFields` appended to `out`; `first` says whether nothing has been written yet.
    private static func appendFolded(_ fields: [(name: String, text: String)], to out: inout [UInt8], first: inout Bool) {
        for field in fields where !field.text.isEmpty {
            if !first { out.append(0x0A) }
            first = false
            appendFolded(field.text, to: &out)
        }
    }

    /// `TextMatch.fold(text)`'s bytes appended: plain ASCII lowercased straight into `out`,
    /// with no string made on the way (the screens' search index folds 52,500 actions' fields
    /// and 525,000 notes' authors when it is built).
    static func appendFolded(_ text: String, to out: inout [UInt8]) {
        let done = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            for b in bytes { out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
            return true
        } ?? false
        if !done { out += TextMatch.fold(text).utf8 }
    }

    /// The rank `search` gives `action` for `query` (see `SearchResult.rank`), or nil when it
    /// does not find it: how the store's index orders the actions its words find, reading back
    /// only those it needs to.
    public static func rank(_ query: String, of action: Action, catalogue: Catalogue) -> Int? {
        let folded = TextMatch.fold(query).split(separator: " ").joined(separator: " ")
        let words = folded.split(separator: " ").map { Array($0.utf8) }
        guard !words.isEmpty else { return nil }
        let index = SearchIndex(Partnership(title: "", catalogue: catalogue, actions: [action]))
        return index.scan(words: words, phrase: Array(folded.utf8), byWords: nil).first?.rank
    }

    /// The rank a title and id give for a query (4, 3, 2 or 0; 1 needs the whole document):
    /// the store's index keeps titles and ids folded to rank without reading actions back.
    public static func titleRank(title: [UInt8], id: [UInt8], phrase: [UInt8], words: [[UInt8]]) -> Int {
        title.withUnsafeBufferPointer { title in
            id.withUnsafeBufferPointer { id in
                phrase.withUnsafeBufferPointer { titleRank(title: title, id: id, phrase: $0, words: words) }
            }
        }
    }

    static func titleRank(title: UnsafeBufferPointer<UInt8>, id: UnsafeBufferPointer<UInt8>, phrase: UnsafeBufferPointer<UInt8>,
                          words: [[UInt8]]) -> Int {
        if title.elementsEqual(phrase) || id.elementsEqual(phrase) { return 4 }
        if title.starts(with: phrase) { return 3 }
        return words.allSatisfy { word in word.withUnsafeBufferPointer { contains(title, $0) } } ? 2 : 0
    }

    /// A query as `search` takes it: folded, its words, and the words joined by one space.
    public static func queryWords(_ query: String) -> (words: [[UInt8]], phrase: [UInt8]) {
        let folded = TextMatch.fold(query).split(separator: " ").joined(separator: " ")
        return (folded.split(separator: " ").map { Array($0.utf8) }, Array(folded.utf8))
    }

    /// Whether `search(query)` over a partnership holding `action` would find it: every
    /// folded word of the query occurs in one of its fields. The store's index asks this of
    /// each action so that a search reads back only the actions it finds.
    public static func finds(_ query: String, in action: Action, catalogue: Catalogue) -> Bool {
        let words = TextMatch.fold(query).split(separator: " ").map { Array($0.utf8) }
        guard !words.isEmpty else { return false }
        let index = SearchIndex(Partnership(title: "", catalogue: catalogue, actions: [action]))
        return !index.scan(words: words, phrase: Array(words.joined(separator: [0x20])), byWords: nil).isEmpty
    }

    static func fields(_ a: Area) -> [(name: String, text: String)] {
        [("name", a.name), ("authority", a.authority), ("type", a.type), ("region", a.region), ("demography", a.demography),
         ("key figures", a.keyFigures.map { "\($0.label): \($0.value)" }.joined(separator: "; ")),
         ("steering group", a.steeringGroup.map { [$0.name, $0.role, $0.body].filter { !$0.isEmpty }.joined(separator: ", ") }.joined(separator: "; ")),
         ("forums", a.forums.map(\.name).joined(separator: "; ")),
         ("narrative", a.narrative)]
    }

    /// The texts that make most of an action's size, searched where they are when plain ASCII.
    static func longTexts(_ a: Action) -> [String] { [a.description, a.progress.joinedText] }

    /// An action's fields for snippets; `long: false` leaves out its description and notes.
    static func fields(_ a: Action, _ catalogue: Catalogue, long: Bool = true) -> [(name: String, text: String)] {
        var fields: [(name: String, text: String)] = [
            ("id", a.id), ("title", a.title), ("lead", a.lead), ("lead body", a.leadBody),
            ("theme", catalogue.theme(a.theme)?.label ?? a.theme),
            ("status", catalogue.status(a.status)?.label ?? a.status),
            ("partners", a.partners.joined(separator: "; ")),
            ("milestones", a.milestones.map(\.title).joined(separator: "; ")),
            ("indicator", a.indicator?.name ?? ""), ("source", a.source)]
        guard long else { return fields }
        fields.append(("description", a.description))
        for entry in a.progress { fields.append(("progress \(entry.date.iso)", "\(entry.author): \(entry.text)")) }
        return fields
    }

    static func fields(_ s: CaseStudy) -> [(name: String, text: String)] {
        [("title", s.title), ("place", s.place),
         ("organisations", s.organisations.joined(separator: "; ")),
         ("key figures", s.keyFigures.map { "\($0.label): \($0.value)" }.joined(separator: "; ")),
         ("text", s.text)]
    }

    /// A meeting's decisions first (what a search for one is usually after), then its notes,
    /// each named by the action it was said under.
    static func fields(_ m: Meeting) -> [(name: String, text: String)] {
        var fields: [(name: String, text: String)] = [("title", m.title), ("date", m.date.iso)]
        for item in m.items {
            fields += item.decisions.map { ("decision on \(item.action)", $0) }
        }
        for item in m.items {
            fields += item.notes.map { ("note on \(item.action)", $0) }
        }
        fields += [("attendees", m.attendees.joined(separator: "; ")), ("notes", m.notes)]
        return fields
    }

    /// Results for every document containing all the query's words, grouped by kind (areas,
    /// actions, case studies), and within a kind those whose title answers the query best
    /// first, then in store order. `limit` caps the results per kind; `total` counts all.
    public func search(_ query: String, limitPerKind: Int = 200) -> (results: [SearchResult], total: Int) {
        let folded = TextMatch.fold(query).split(separator: " ").joined(separator: " ")
        let words = folded.split(separator: " ").map { Array($0.utf8) }
        guard !words.isEmpty else { return ([], 0) }
        let phrase = Array(folded.utf8)
        var found = scan(words: words, phrase: phrase, byWords: foundByWords(words))
        // Store order among equals.
        found.sort { (documents[$0.doc].kind, -$0.rank, $0.doc) < (documents[$1.doc].kind, -$1.rank, $1.doc) }
        var results: [SearchResult] = []
        var perKind: [SearchResult.Kind: Int] = [:]
        for (i, rank) in found {
            let doc = documents[i]
            let count = perKind[doc.kind, default: 0]
            guard count < limitPerKind else { continue }
            perKind[doc.kind] = count + 1
            var result = hit(doc, word: String(query.split(separator: " ").first ?? ""))
            result.rank = rank
            results.append(result)
        }
        return (results, found.count)
    }

    /// Every document holding all `words` (found by the store's words where they answer for
    /// it, else by scanning), with its rank, in store order.
    private func scan(words: [[UInt8]], phrase: [UInt8], byWords: [Bool]?) -> [(doc: Int, rank: Int)] {
        var found: [(doc: Int, rank: Int)] = []
        // Everything is looked at where it lies: copies of documents or actions retained their
        // arrays and strings and released them again, 52,500 times a key.
        partnership.actions.withUnsafeBufferPointer { actions in
            bytes.withUnsafeBufferPointer { arena in
                documents.withUnsafeBufferPointer { docs in
                    func text(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: arena[range]) }
                    func contains(_ doc: Document, _ word: [UInt8]) -> Bool {
                        let inFields = word.withUnsafeBufferPointer { w in
                            Self.contains(text(doc.folded), w) || doc.foldedLong.map { Self.contains(text($0), w) } == true
                        }
                        if inFields { return true }
                        guard doc.kind == .action, doc.foldedLong == nil else { return false }
                        let action = actions.baseAddress! + doc.position
                        return TextMatch.asciiContains(action.pointee.description.utf8, word)
                            || TextMatch.asciiContains(action.pointee.progress.joinedText.utf8, word)
                    }
                    for i in docs.indices {
                        if let byWords, covered[i] {
                            guard byWords[i] else { continue }
                        } else {
                            guard words.allSatisfy({ contains(docs[i], $0) }) else { continue }
                        }
                        var rank = phrase.withUnsafeBufferPointer { phrase in
                            Self.titleRank(title: text(docs[i].title), id: text(docs[i].id), phrase: phrase, words: words)
                        }
                        // Words found together as typed beat the same words scattered over fields.
                        if rank == 0, words.count > 1, contains(docs[i], phrase) { rank = 1 }
                        found.append((i, rank))
                    }
                }
            }
        }
        return found
    }

    private func hit(_ doc: Document, word: String) -> SearchResult {
        let (id, title, fields): (String, String, [(name: String, text: String)])
        switch doc.kind {
        case .area:
            let a = partnership.areas[doc.position]
            (id, title, fields) = (a.id, a.name, Self.fields(a))
        case .action:
            let a = partnership.actions[doc.position]
            (id, title, fields) = (a.id, a.title, Self.fields(a, partnership.catalogue))
        case .caseStudy:
            let s = partnership.caseStudies[doc.position]
            (id, title, fields) = (s.id, s.title, Self.fields(s))
        case .meeting:
            let m = partnership.meetings[doc.position]
            (id, title, fields) = (m.id, "\(m.title), \(m.date.iso)", Self.fields(m))
        }
        for field in fields where !field.text.isEmpty {
            guard let range = TextMatch.range(of: word, in: field.text) else { continue }
            return SearchResult(kind: doc.kind, id: id, title: title, field: field.name,
                                snippet: SearchIndex.snippet(field.text, around: range))
        }
        return SearchResult(kind: doc.kind, id: id, title: title, field: "", snippet: title)
    }

    /// Up to 40 characters before the match and the rest of the line, newlines as spaces.
    static func snippet(_ text: String, around range: Range<String.Index>) -> String {
        let start = text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: 80, limitedBy: text.endIndex) ?? text.endIndex
        var s = String(text[start..<end]).map { $0.isNewline ? " " : $0 }
        if start > text.startIndex { s.insert("…", at: 0) }
        if end < text.endIndex { s.append("…") }
        return String(s)
    }

    /// Byte substring test (first-byte scan, then compare): fast enough for 50,000 actions a key.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { hp in needle.withUnsafeBufferPointer { contains(hp, $0) } }
    }

    static func contains(_ hp: UnsafeBufferPointer<UInt8>, _ np: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = np.count, h = hp.count
        guard n > 0 else { return true }
        guard n <= h else { return false }
        let first = np[0]
        var i = 0
        let last = h - n
        while i <= last {
            if hp[i] == first {
                var k = 1
                while k < n, hp[i + k] == np[k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }
}
