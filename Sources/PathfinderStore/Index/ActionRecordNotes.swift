import PathfinderModel

extension ActionRecord {
    /// The action in `bytes` as a highlight report reads it: no description, and of its
    /// progress log only the notes on or after its area's day in `notesFrom` and the latest
    /// note (what the report shows), in their order. At 52,500 actions the other nine notes
    /// of ten were most of what a whole read made (issue 14). Nil exactly when
    /// `decode(_:full: true)` is nil: the same checks of the log, so a damaged record sends
    /// both reads back to the files.
    static func decode(_ bytes: UnsafeRawBufferPointer, notesFrom: [String: Day]) -> Action? {
        var r = BinaryReader(bytes)
        guard var action = decode(&r, full: false) else { return nil }
        let from = notesFrom[action.area]
        guard let descriptionCount = r.count(), r.slice(descriptionCount) != nil,
              let joinedCount = r.count(), let joined = r.slice(joinedCount), let count = r.count(),
              count <= r.bytes.count - r.at else { return nil }
        guard count > 0 else {
            guard joined.isEmpty, r.atEnd else { return nil }
            action.dropLongTexts(keeping: ProgressLog())
            return action
        }
        var notes: [(date: Day, author: UnsafeRawBufferPointer, start: Int, end: Int)] = []
        notes.reserveCapacity(count)
        var start = 0
        var latest = 0
        for i in 0..<count {
            guard let d = r.day(), let date = d, let authorCount = r.count(), let author = r.slice(authorCount),
                  let end = r.count(), end >= start, end <= joined.count else { return nil }
            // As `ProgressLog(joinedText:...)` checks: a newline between notes, none after the last.
            if i < count - 1 {
                guard end < joined.count, joined[end] == 0x0A else { return nil }
            } else {
                guard end == joined.count else { return nil }
            }
            notes.append((date, author, start, end))
            if date >= notes[latest].date { latest = i }   // the last written wins a tie, as `ProgressLog.latest`
            start = end + 1
        }
        guard r.atEnd else { return nil }
        // Marked as read without its long texts, so it can never be saved (`Action.longTextsRead`).
        // The kept notes are gathered into an array first: a lazy filter handed to
        // `ProgressLog` went through the generic copy, an eighth of the national report.
        var kept: [ProgressEntry] = []
        kept.reserveCapacity(from == nil ? 1 : count)
        for i in notes.indices where i == latest || from.map({ notes[i].date >= $0 }) == true {
            let n = notes[i]
            kept.append(ProgressEntry(date: n.date, author: String(decoding: n.author, as: UTF8.self),
                                      text: String(decoding: UnsafeRawBufferPointer(rebasing: joined[n.start..<n.end]), as: UTF8.self)))
        }
        action.dropLongTexts(keeping: ProgressLog(kept))
        return action
    }
}
