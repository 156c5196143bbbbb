/// Narrows a list of actions: every set criterion must hold. Shared by the action plan's filter
/// line and `pathfinder list actions`, so both mean the same thing.
public struct ActionFilter: Hashable, Sendable {
    public var area: String?
    public var status: String?
    public var rag: RAG?
    public var theme: String?
    public var successFactor: String?
    /// Case-insensitive substring of the lead or lead body.
    public var lead: String?
    public var overdue: Bool = false
    public var dueBefore: Day?
    /// Due on or after this day (with `dueBefore`, a range such as a month).
    public var dueFrom: Day?
    /// Case-insensitive words, each found somewhere in the action (any field or progress note).
    public var text: String = ""

    public init(area: String? = nil, status: String? = nil, rag: RAG? = nil, theme: String? = nil,
                successFactor: String? = nil, lead: String? = nil, overdue: Bool = false,
                dueBefore: Day? = nil, text: String = "") {
        self.area = area
        self.status = status
        self.rag = rag
        self.theme = theme
        self.successFactor = successFactor
        self.lead = lead
        self.overdue = overdue
        self.dueBefore = dueBefore
        self.text = text
    }

    public var isEmpty: Bool {
        area == nil && status == nil && rag == nil && theme == nil && successFactor == nil
            && lead == nil && !overdue && dueBefore == nil && dueFrom == nil && text.isEmpty
    }

    public func matches(_ action: Action, asOf: Day, catalogue: Catalogue) -> Bool {
        if let area, action.area != area { return false }
        if let status, action.status != status { return false }
        if let rag, action.rag != rag { return false }
        if let theme, action.theme != theme { return false }
        if let successFactor, !action.successFactors.contains(successFactor) { return false }
        if let lead, !TextMatch.contains(action.lead, lead) && !TextMatch.contains(action.leadBody, lead) {
            return false
        }
        if overdue, !action.isOverdue(asOf: asOf, catalogue: catalogue) { return false }
        if let dueBefore {
            guard let due = action.due, due < dueBefore else { return false }
        }
        if let dueFrom {
            guard let due = action.due, due >= dueFrom else { return false }
        }
        if !text.isEmpty {
            let words = text.split(separator: " ")
            for word in words where !ActionFilter.searchableText(action).contains(where: { TextMatch.contains($0, word) }) {
                return false
            }
        }
        return true
    }

    /// Every piece of text a free-text filter or search looks in.
    public static func searchableText(_ action: Action) -> [String] {
        var fields = [action.id, action.title, action.theme, action.lead, action.leadBody, action.status,
                      action.rag.rawValue, action.description, action.source, action.updatedBy]
        fields += action.successFactors + action.partners + action.caseStudies
        fields += action.milestones.map(\.title)
        fields += action.progress.indices.map(action.progress.author(at:))
        if !action.progress.isEmpty { fields.append(action.progress.joinedText) }
        if let indicator = action.indicator { fields.append(indicator.name) }
        return fields
    }
}

/// Case- and accent-insensitive substring matching without Foundation, so the model stays pure.
public enum TextMatch {
    public static func contains(_ haystack: String, _ needle: some StringProtocol) -> Bool {
        let n = fold(String(needle))
        guard !n.isEmpty else { return true }
        // The filter runs this on every field of every action at each key, so plain ASCII text
        // (most of it) is searched as bytes, ignoring case; anything else is folded whole and
        // searched. Same answers as `range(of:in:)`, without its per-character bookkeeping,
        // which only highlighting needs.
        let needleBytes = Array(n.utf8)
        if needleBytes.allSatisfy({ $0 < 0x80 }), haystack.utf8.allSatisfy({ $0 < 0x80 }) {
            return asciiContains(haystack.utf8, needleBytes)
        }
        return fold(haystack).utf8.firstRange(of: n.utf8) != nil
    }

    /// `needle` is already folded; `haystack` is ASCII in any case (a needle with other bytes
    /// is then never found). Reads the string's own bytes in place: the search runs it over
    /// every action's notes at each key.
    static func asciiContains(_ haystack: String.UTF8View, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        if let found = haystack.withContiguousStorageIfAvailable({ asciiContains($0, needle) }) { return found }
        return Array(haystack).withUnsafeBufferPointer { asciiContains($0, needle) }
    }

    static func asciiContains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
        guard bytes.count >= needle.count else { return false }
        let first = needle[0]
        // The first byte in either case, compared without folding each byte of the text.
        let firstUpper = first >= 0x61 && first <= 0x7A ? first - 0x20 : first
        for start in 0...(bytes.count - needle.count) where bytes[start] == first || bytes[start] == firstUpper {
            var i = 1
            while i < needle.count, lower(bytes[start + i]) == needle[i] { i += 1 }
            if i == needle.count { return true }
        }
        return false
    }

    /// The range of the first case-insensitive match, for highlighting.
    public static func range(of needle: some StringProtocol, in haystack: String) -> Range<String.Index>? {
        let n = fold(String(needle))
        guard !n.isEmpty else { return haystack.startIndex..<haystack.startIndex }
        if let found = asciiRange(of: Array(n.utf8), in: haystack) { return found }
        return foldedRange(of: n, in: haystack)
    }

    /// `range(of:in:)` the general way, for a needle already folded.
    static func foldedRange(of n: String, in haystack: String) -> Range<String.Index>? {
        // Fold character by character so the match maps back to the original string's indices.
        var folded: [Character] = []
        var indices: [String.Index] = []
        for i in haystack.indices {
            for c in fold(String(haystack[i])) {
                folded.append(c)
                indices.append(i)
            }
        }
        let needleChars = Array(n)
        guard needleChars.count <= folded.count else { return nil }
        outer: for start in 0...(folded.count - needleChars.count) {
            for k in 0..<needleChars.count where folded[start + k] != needleChars[k] { continue outer }
            let lower = indices[start]
            let lastIndex = indices[start + needleChars.count - 1]
            return lower..<haystack.index(after: lastIndex)
        }
        return nil
    }

    /// `range(of:in:)` for plain ASCII text without carriage returns, most text: there every
    /// byte is a character and folds to itself lowercased, so the match is found on the bytes
    /// (a search's snippets are cut from notes a few kilobytes long, 200 a key). `.some(nil)`:
    /// not there; nil: the text needs the general way.
    private static func asciiRange(of needle: [UInt8], in haystack: String) -> Range<String.Index>?? {
        guard !needle.contains(where: { $0 >= 0x80 }) else { return nil }
        let utf8 = haystack.utf8
        return utf8.withContiguousStorageIfAvailable { bytes -> Range<String.Index>?? in
            guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
            guard bytes.count >= needle.count else { return .some(nil) }
            @inline(__always) func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
            for start in 0...(bytes.count - needle.count) {
                var i = 0
                while i < needle.count, lower(bytes[start + i]) == needle[i] { i += 1 }
                guard i == needle.count else { continue }
                let lower = utf8.index(utf8.startIndex, offsetBy: start)
                return .some(lower..<utf8.index(lower, offsetBy: needle.count))
            }
            return .some(nil)
        } ?? nil
    }

    /// Lowercased, with common Latin accents removed, so "Zoe" finds "Zoë".
    public static func fold(_ s: String) -> String {
        // Most text is plain ASCII: lowercased byte by byte, it folds the same without the
        // per-scalar table (organisation names are folded for every action a load reads).
        if let ascii = asciiLowercased(s) { return ascii }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.lowercased().unicodeScalars {
            if let plain = accentless[scalar] { out.unicodeScalars.append(plain) } else if !(0x300...0x36F).contains(scalar.value) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `s` lowercased when it is all ASCII; nil otherwise.
    static func asciiLowercased(_ s: String) -> String? {
        var s = s
        return s.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for i in bytes.indices {
                    let b = bytes[i]
                    out[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
                }
                return bytes.count
            }
        }
    }

    private static let accentless: [Unicode.Scalar: Unicode.Scalar] = {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        let groups: [(String, Unicode.Scalar)] = [
            ("àáâãäåā", "a"), ("çćč", "c"), ("èéêëēė", "e"), ("ìíîïī", "i"), ("ñń", "n"),
            ("òóôõöøō", "o"), ("ùúûüū", "u"), ("ýÿ", "y"), ("śš", "s"), ("źżž", "z"),
        ]
        for (chars, plain) in groups { for c in chars.unicodeScalars { map[c] = plain } }
        return map
    }()
}
