import PathfinderModel

/// `:minutes [PATH]`: the minutes of the meeting on screen, or of the one just ended, or of
/// one chosen from a list (newest first). Without a path they open on screen, as `:report` does.
extension AppState {
    mutating func runMinutesCommand(_ words: [String]) -> [Effect] {
        let path = words.first
        if let path, !path.lowercased().hasSuffix(".md"), !path.lowercased().hasSuffix(".html") {
            message = Message("Minutes are written as .md or .html: e.g. :minutes minutes.html", isError: true)
            return []
        }
        if let meeting = meetingOnScreen ?? meetingJustEnded, partnership.meetings.contains(where: { $0.id == meeting }) {
            return writeMinutes(of: meeting, to: path)
        }
        guard !partnership.meetings.isEmpty else {
            message = Message("No meeting to write minutes of: run one with M", isError: true)
            return []
        }
        overlay = .picker(Picker(title: "Minutes of which meeting?", choices: Self.meetingChoices(partnership)), .minutesOf(path: path))
        return []
    }

    /// The meeting on screen: a meeting open, or minutes shown.
    var meetingOnScreen: String? {
        switch page {
        case let .meeting(p): return p.meeting
        case let .report(p): if case let .minutes(meeting)? = p.kind { return meeting }
        default: break
        }
        return nil
    }

    mutating func writeMinutes(of meeting: String, to path: String?) -> [Effect] {
        guard let path else { return export(ExportRequest(kind: .minutes(meeting: meeting))) }
        return export(ExportRequest(kind: .minutes(meeting: meeting), format: path.lowercased().hasSuffix(".html") ? "html" : "markdown",
                                    path: path))
    }

    /// After a meeting ends: its minutes, offered at once (Esc: not now). The label is short so
    /// it stays whole beside a long file name at 80 columns; a name not ending .md or .html is
    /// refused with why.
    mutating func offerMinutes(of meeting: Meeting) {
        let file = "minutes-" + meeting.id.split(separator: "/").last.map(String.init)! + ".md"
        overlay = .prompt(Prompt(label: "Meeting ended. Minutes to:", text: file,
                                 purpose: .minutesFile(meeting: meeting.id)))
    }

    /// Every meeting, newest first, with its area and date to tell them apart.
    static func meetingChoices(_ p: Partnership) -> [Picker.Choice] {
        p.meetings.sorted { ($0.date, $0.id) > ($1.date, $1.id) }.map { m in
            Picker.Choice(id: m.id, label: m.title,
                          detail: m.date.iso + " · " + (p.area(m.area)?.name ?? m.area) + (m.ended ? "" : " · in progress"))
        }
    }
}
