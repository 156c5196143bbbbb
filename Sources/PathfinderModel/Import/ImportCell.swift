/// Reading the cells of a spreadsheet the way people fill them in: UK dates, date serials,
/// RAG letters and split ratings, and the status words trackers use.
public enum ImportCell {
    /// A date: anything `DateInput` reads, a spreadsheet's day/month/year (`31/03/2007`,
    /// `31.3.07`), a written date (`31 March 2007`, `Mar 31, 2007`), or a date serial number.
    public static func day(_ text: String, today: Day) -> Day? {
        let t = text.trimmingWhitespace
        if t.isEmpty { return nil }
        if let d = DateInput.parse(t, today: today) { return d }
        // "2007-03-31T00:00:00" and "2007-03-31 00:00:00", as some tools write date-times.
        if t.count > 10, let d = Day(iso: t.prefix(10)), [" ", "T"].contains(t[t.index(t.startIndex, offsetBy: 10)]) { return d }
        if let serial = Double(t), let d = Day(spreadsheetSerial: serial) { return d }
        let parts = t.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
        if parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && Int($0) != nil }) {
            // Day first, as British spreadsheets write it; a two-digit year is 20xx.
            let d = Int(parts[0])!, m = Int(parts[1])!
            var y = Int(parts[2])!
            if parts[2].count == 2 { y += 2000 }
            if parts[2].count == 2 || parts[2].count == 4 { return Day(year: y, month: m, day: d) }
            return nil
        }
        return writtenDate(t)
    }

    /// "31 March 2007", "31 Mar 2007", "March 31, 2007", "31st March 2007".
    static func writtenDate(_ t: String) -> Day? {
        let words = t.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        guard words.count == 3 else { return nil }
        func number(_ w: String) -> Int? {
            Int(w.hasSuffix("st") || w.hasSuffix("nd") || w.hasSuffix("rd") || w.hasSuffix("th") ? String(w.dropLast(2)) : w)
        }
        guard let year = Int(words[2]), words[2].count == 4 else { return nil }
        if let d = number(words[0]), let m = month(words[1]) { return Day(year: year, month: m, day: d) }
        if let m = month(words[0]), let d = number(words[1]) { return Day(year: year, month: m, day: d) }
        return nil
    }

    static func month(_ word: String) -> Int? {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard word.count >= 3, let i = names.firstIndex(where: { word.hasPrefix($0) }) else { return nil }
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                    "november", "december"][i]
        return full.hasPrefix(word) || word == "sept" ? i + 1 : nil
    }

    /// A RAG rating: `R`/`A`/`G`, `Red`, `RED`, `amber`; a split rating (`Amber/Green`,
    /// `Red-Amber`) is read as the worse of the two, as a steering group would chase it.
    public static func rag(_ text: String) -> RAG? {
        let parts = text.lowercased().split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == " " || $0 == "&" })
        guard !parts.isEmpty, parts.count <= 2 else { return nil }
        let ratings = parts.map { p -> RAG? in
            switch p {
            case "r", "red": .red
            case "a", "amber", "orange", "yellow": .amber
            case "g", "green": .green
            default: nil
            }
        }
        guard ratings.allSatisfy({ $0 != nil }) else { return nil }
        return ratings.compactMap { $0 }.min()
    }

    /// Status words trackers use, for the catalogue's statuses of the same meaning (only those
    /// the catalogue has). The catalogue's own ids and labels are read first, by `ActionEdit`.
    static let statusWords: [String: String] = [
        "complete": "done", "completed": "done", "closed": "done", "achieved": "done", "finished": "done", "met": "done",
        "ongoing": "in-progress", "started": "in-progress", "underway": "in-progress", "ontrack": "in-progress",
        "inhand": "in-progress", "active": "in-progress",
        "notyetstarted": "not-started", "planned": "not-started", "pending": "not-started", "new": "not-started",
        "onhold": "blocked", "stalled": "blocked", "delayed": "blocked",
        "cancelled": "dropped", "canceled": "dropped", "withdrawn": "dropped", "abandoned": "dropped",
    ]

    /// The catalogue's status a tracker's word means, or nil.
    public static func statusWord(_ text: String, catalogue: Catalogue) -> String? {
        guard let id = statusWords[ImportColumns.squash(text)], catalogue.status(id) != nil else { return nil }
        return id
    }

    /// A progress cell as a note: a date it starts with ("12/03/2007: met the forum",
    /// "2007-03-12 - ...", "5 March 2007 ...") dates it; otherwise it is dated `today`. Words like
    /// "today" or "+2w" at the start are the note's words, not its date.
    public static func note(_ text: String, today: Day) -> (day: Day, text: String)? {
        let t = text.trimmingWhitespace
        if t.isEmpty { return nil }
        // Where each of the first three words ends, so the date can be cut off exactly.
        var ends: [String.Index] = []
        var i = t.startIndex
        while ends.count < 3, i < t.endIndex {
            while i < t.endIndex, t[i] == " " { i = t.index(after: i) }
            guard i < t.endIndex else { break }
            while i < t.endIndex, t[i] != " ", !t[i].isNewline { i = t.index(after: i) }
            ends.append(i)
        }
        for end in ends.reversed() {
            var head = String(t[..<end])
            while let last = head.last, last == ":" || last == "," || last == "-" { head.removeLast() }
            guard let day = day(head, today: today), DateInput.parse(head, today: today) == nil || Day(iso: head) != nil else { continue }
            var rest = t[end...]
            while let c = rest.first, c == ":" || c == "-" || c == "–" || c == "—" || c == "," || c.isWhitespace { rest.removeFirst() }
            if rest.isEmpty { break }
            return (day, String(rest))
        }
        return (today, t)
    }
}
