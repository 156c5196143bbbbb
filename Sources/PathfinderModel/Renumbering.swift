/// The progress note the sync puts on an action it renumbered: two people made the same next
/// number offline (`PO-12`), the merge kept both, and the other machine's became `PO-13`. The
/// note travels with the file, so whoever made it learns its new number, and the next meeting's
/// agenda can say so (issue 16).
public enum Renumbering {
    /// Who the note is by: the program, not a person.
    public static let author = "Pathfinder sync"

    public static func note(from old: String, to new: String) -> String {
        "\(old) was renumbered \(new) by the merge: \(old) was also made on another machine, and that one kept the number."
    }

    /// The old and new ids a renumbering note names, or nil for any other note.
    public static func read(_ entry: ProgressEntry) -> (old: String, new: String)? {
        guard entry.author == author else { return nil }
        let words = entry.text.split(separator: " ", maxSplits: 5)
        guard words.count >= 5, words[1] == "was", words[2] == "renumbered", words[4] == "by" else { return nil }
        return (String(words[0]), String(words[3]))
    }

    /// The action's renumbering on or after a day (the last meeting), if there is one.
    public static func of(_ action: Action, since day: Day?) -> (old: String, new: String, date: Day)? {
        for entry in action.progress.reversed() where day.map({ entry.date >= $0 }) ?? true {
            if let ids = read(entry), ids.new == action.id { return (ids.old, ids.new, entry.date) }
        }
        return nil
    }
}
