/// An action's RAG rating seen on a day: in a progress note, a meeting's record of where the
/// action stood, a version of its file in git, or its file today.
public struct RAGObservation: Hashable, Sendable {
    public var action: String
    public var date: Day
    public var rag: RAG

    public init(action: String, date: Day, rag: RAG) {
        self.action = action
        self.date = date
        self.rag = rag
    }
}

extension RAG {
    /// The shade a chart fills this rating with, in the terminal and the terminal report alike:
    /// a different character for each, so a chart reads without colour.
    public var shade: String {
        switch self {
        case .red: "█"
        case .amber: "▒"
        case .green: "░"
        }
    }

    /// The key to the shades, as the charts print it.
    public static let shadeKey = "█ red  ▒ amber  ░ green"
}

/// How many actions were red, amber and green at the end of one month (or on the as-of day,
/// for the month it falls in).
public struct RAGMonth: Hashable, Sendable, Codable {
    /// The first day of the month.
    public var month: Day
    public var red: Int
    public var amber: Int
    public var green: Int

    public init(month: Day, red: Int = 0, amber: Int = 0, green: Int = 0) {
        self.month = month
        self.red = red
        self.amber = amber
        self.green = green
    }

    public var total: Int { red + amber + green }

    public func count(_ rag: RAG) -> Int {
        switch rag {
        case .red: red
        case .amber: amber
        case .green: green
        }
    }

    /// "2006-11", as the tables and charts label a month.
    public var label: String { String(month.iso.prefix(7)) }

    mutating func add(_ rag: RAG) {
        switch rag {
        case .red: red += 1
        case .amber: amber += 1
        case .green: green += 1
        }
    }
}

extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// RAG over time: month by month, how many actions were red, amber and green, worked out from
/// what the store records of its past (docs/charts.md says which records, and how).
public enum RAGHistory {
    /// The ratings the store's own files record: each progress note that gives one ("RAG
    /// Amber → Red" written by the RAG key, or a note that opens with or states "Red:",
    /// "Amber.", "Green because"), each meeting's record of an action it reviewed, and each
    /// action's rating today (on `asOf`).
    public static func observations(actions: some Sequence<Action>, meetings: [Meeting], asOf: Day) -> [String: [RAGObservation]] {
        var result: [String: [RAGObservation]] = [:]
        for a in actions {
            var seen: [RAGObservation] = []
            for entry in a.progress {
                if let (old, new) = ratingChange(in: entry.text) {
                    seen.append(RAGObservation(action: a.id, date: entry.date.adding(days: -1), rag: old))
                    seen.append(RAGObservation(action: a.id, date: entry.date, rag: new))
                } else if let rag = ratingStated(in: entry.text) {
                    seen.append(RAGObservation(action: a.id, date: entry.date, rag: rag))
                }
            }
            seen.append(RAGObservation(action: a.id, date: asOf, rag: a.rag))
            result[a.id] = seen
        }
        for m in meetings {
            for item in m.items {
                guard let rag = item.rag, result[item.action] != nil else { continue }
                result[item.action]!.append(RAGObservation(action: item.action, date: m.date, rag: rag))
            }
        }
        return result
    }

    /// "RAG Amber → Red" (or "->"), as the RAG key writes a change with a reason.
    public static func ratingChange(in text: String) -> (RAG, RAG)? {
        guard text.hasPrefix("RAG ") else { return nil }
        let words = text.dropFirst(4).split(whereSeparator: { $0 == " " || $0 == ":" }).prefix(3).map(String.init)
        guard words.count == 3, words[1] == "→" || words[1] == "->",
              let old = RAG(rawValue: words[0].lowercased()), let new = RAG(rawValue: words[2].lowercased()) else { return nil }
        return (old, new)
    }

    /// A rating a note states in words: a capitalised Red, Amber or Green that opens the note
    /// or is followed by ":" or ".", or opens a sentence followed by "because". The last one
    /// stated wins ("Was Red. Now Amber.").
    public static func ratingStated(in text: String) -> RAG? {
        var found: RAG?
        let utf8 = Array(text.utf8.prefix(4_000))
        var i = 0
        let words: [(String, RAG)] = [("Red", .red), ("Amber", .amber), ("Green", .green)]
        while i < utf8.count {
            let c = utf8[i]
            if c == UInt8(ascii: "R") || c == UInt8(ascii: "A") || c == UInt8(ascii: "G") {
                let startOfWord = i == 0 || !(isLetter(utf8[i - 1]))
                if startOfWord {
                    for (word, rag) in words where matches(utf8, at: i, word) {
                        let after = i + word.utf8.count
                        let next: UInt8? = after < utf8.count ? utf8[after] : nil
                        let opens = i == 0 || (i >= 2 && utf8[i - 2] == UInt8(ascii: ".") && utf8[i - 1] == UInt8(ascii: " "))
                        if let next, isLetter(next) { continue }
                        if next == UInt8(ascii: ":") || next == UInt8(ascii: ".") || next == nil
                            || (opens && matches(utf8, at: after, " because")) {
                            found = rag
                        }
                    }
                }
            }
            i += 1
        }
        return found
    }

    private static func isLetter(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    }

    private static func matches(_ utf8: [UInt8], at i: Int, _ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= utf8.count else { return false }
        return Array(utf8[i..<(i + w.count)]) == w
    }

    /// When an action is known to have begun: its start, else its first progress note, else
    /// its last update. Nil when it says nothing of when (it is then counted in every month).
    public static func begins(_ a: Action) -> Day? {
        a.start ?? [a.progress.first?.date, a.updated].compactMap { $0 }.min()
    }

    /// The counts for each month from `from` (or the month the first action began, at most
    /// `months` back) to the month of `asOf`. Each action counts from the month it began, at
    /// the rating last seen by the month's end; before its first sighting it counts at the first
    /// rating seen (the best the records can say).
    public static func monthly(actions: some Sequence<Action>, observations: [String: [RAGObservation]], asOf: Day,
                               months limit: Int = 24) -> [RAGMonth] {
        let list = Array(actions)
        guard !list.isEmpty else { return [] }
        let lastMonth = Day(year: asOf.year, month: asOf.month, day: 1)!
        let earliest = list.compactMap(begins).min() ?? lastMonth
        var first = Day(year: earliest.year, month: earliest.month, day: 1)!
        if first > lastMonth { first = lastMonth }
        if first < lastMonth.adding(months: -(limit - 1)) { first = lastMonth.adding(months: -(limit - 1)) }
        var monthStarts: [Day] = []
        var m = first
        while m <= lastMonth {
            monthStarts.append(m)
            m = m.adding(months: 1)
        }
        let ends = monthStarts.map { min($0.adding(months: 1).adding(days: -1), asOf) }
        var result = monthStarts.map { RAGMonth(month: $0) }
        for a in list {
            let seen = (observations[a.id] ?? [RAGObservation(action: a.id, date: asOf, rag: a.rag)]).sorted { $0.date < $1.date }
            let began = begins(a)
            var k = 0
            var current = seen.first?.rag ?? a.rag
            for (i, end) in ends.enumerated() {
                if let began, began > end { continue }
                while k < seen.count, seen[k].date <= end {
                    current = seen[k].rag
                    k += 1
                }
                result[i].add(current)
            }
        }
        return result
    }

    /// The history of each area and of the whole store, from one pass over the actions.
    public static func byArea(_ p: Partnership, asOf: Day, extra: [RAGObservation] = []) -> RAGHistoryTable {
        var observations = Self.observations(actions: p.actions, meetings: p.meetings, asOf: asOf)
        for o in extra where observations[o.action] != nil { observations[o.action]!.append(o) }
        var areas: [String: [RAGMonth]] = [:]
        var start = 0
        let actions = p.actions
        // Actions are kept in area order: each area is one run of the array.
        while start < actions.count {
            var end = start
            while end < actions.count, actions[end].area == actions[start].area { end += 1 }
            let area = actions[start].area
            let months = monthly(actions: actions[start..<end], observations: observations, asOf: asOf)
            areas[area] = merge(areas[area] ?? [], months)
            start = end
        }
        let store = areas.values.reduce([RAGMonth]()) { merge($0, $1) }
        return RAGHistoryTable(asOf: asOf, areas: areas, store: store)
    }

    /// Two histories added month by month.
    static func merge(_ a: [RAGMonth], _ b: [RAGMonth]) -> [RAGMonth] {
        var byMonth: [Day: RAGMonth] = [:]
        for m in a + b {
            var sum = byMonth[m.month] ?? RAGMonth(month: m.month)
            sum.red += m.red
            sum.amber += m.amber
            sum.green += m.green
            byMonth[m.month] = sum
        }
        return byMonth.values.sorted { $0.month < $1.month }
    }
}

/// RAG over time for each area and the store, as computed in the background and cached.
public struct RAGHistoryTable: Hashable, Sendable, Codable {
    public var asOf: Day
    public var areas: [String: [RAGMonth]]
    public var store: [RAGMonth]
    /// Where the ratings came from, as the docs and the chart's caption say it.
    public var source: String

    public init(asOf: Day, areas: [String: [RAGMonth]], store: [RAGMonth], source: String = "progress notes and meetings") {
        self.asOf = asOf
        self.areas = areas
        self.store = store
        self.source = source
    }

    public func months(area: String?) -> [RAGMonth] {
        guard let area else { return store }
        return areas[area] ?? []
    }
}
