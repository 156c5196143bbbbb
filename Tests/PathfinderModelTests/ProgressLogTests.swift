import Testing
@testable import PathfinderModel

private func entry(_ iso: String, _ author: String, _ text: String) -> ProgressEntry {
    ProgressEntry(date: Day(iso: iso)!, author: author, text: text)
}

/// The compact log must behave exactly like the array of entries it replaced: every note,
/// author and date comes back as written, in order, through every kind of edit.
@Suite struct ProgressLogTests {
    let notes = [
        entry("2006-09-01", "Zoë Ahmed", "Survey sent to 700 organisations"),
        entry("2006-10-02", "Head of Strategy, Portsmouth City Council", "Two lines:\nsecond line\n\nand a gap"),
        entry("2006-10-02", "শাহানা বেগম", ""),
        entry("2006-11-14", "Ann", "Emoji 🎉 and accents café; tabs\there"),
    ]

    @Test func everyEntryComesBackAsWritten() {
        let log = ProgressLog(notes)
        #expect(log.count == 4)
        #expect(Array(log) == notes)
        for (i, note) in notes.enumerated() {
            #expect(log[i] == note)
            #expect(log.text(at: i) == note.text[...])
            #expect(log.author(at: i) == note.author)
            #expect(log.date(at: i) == note.date)
        }
        #expect(log.joinedText == notes.map(\.text).joined(separator: "\n"))
    }

    @Test func emptyLogsAndEmptyNotes() {
        #expect(ProgressLog().isEmpty)
        #expect(ProgressLog([]) == ProgressLog())
        #expect(ProgressLog().latest == nil)
        let one = ProgressLog([entry("2007-01-01", "", "")])
        #expect(one.count == 1)
        #expect(one[0].text.isEmpty)
        #expect(one != ProgressLog())
        let two = ProgressLog([entry("2007-01-01", "", ""), entry("2007-01-01", "", "")])
        #expect(two.count == 2 && two.joinedText == "\n")
        #expect(two != one)
    }

    @Test func editsKeepTheRestIntact() {
        var log = ProgressLog(notes)
        log.append(entry("2006-12-01", "Bo", "Appended"))
        #expect(Array(log) == notes + [entry("2006-12-01", "Bo", "Appended")])
        log.insert(entry("2006-08-01", "Cy", "First now"), at: 0)
        #expect(log.first == entry("2006-08-01", "Cy", "First now"))
        #expect(log.count == 6)
        log[2].text = "Rewritten"
        #expect(log[2] == entry("2006-10-02", "Head of Strategy, Portsmouth City Council", "Rewritten"))
        #expect(log[1] == notes[0] && log[3] == notes[2])
        log.remove(at: 0)
        log.removeAll { $0.author == "Bo" }
        var expected = notes
        expected[1].text = "Rewritten"
        #expect(Array(log) == expected)
        // Built by edits or all at once, equal logs are equal values with equal hashes.
        #expect(log == ProgressLog(expected))
        #expect(log.hashValue == ProgressLog(expected).hashValue)
        #expect(log != ProgressLog(notes))
    }

    @Test func entriesDifferingOnlyInWhereTheTextSplitsAreDifferent() {
        // "a\nb" as one note and "a", "b" as two join to the same text: the records tell them apart.
        let one = ProgressLog([entry("2007-01-01", "A", "a\nb")])
        let two = ProgressLog([entry("2007-01-01", "A", "a"), entry("2007-01-01", "A", "b")])
        #expect(one.joinedText == two.joinedText)
        #expect(one != two)
        #expect(Set([one, two]).count == 2)
    }

    @Test func latestIsByDateAndTheLastWrittenWinsATie() {
        let log = ProgressLog([entry("2006-10-02", "A", "later date"), entry("2006-09-01", "B", "earlier"),
                               entry("2006-10-02", "C", "same date, written after")])
        #expect(log.latest?.author == "C")
        let action = Action(id: "PO-01", area: "portsmouth", title: "T", updated: Day(iso: "2006-09-30"), progress: log)
        #expect(action.latestProgress?.text == "same date, written after")
        #expect(action.lastUpdate == Day(iso: "2006-10-02"))
    }

    @Test func theFilterFindsWordsInEveryNoteButNotAcrossTwo() {
        let action = Action(id: "PO-01", area: "portsmouth", title: "T",
                            progress: [entry("2006-09-01", "Zoë", "survey sent"), entry("2006-10-01", "Ann", "café opened")])
        let catalogue = Catalogue()
        func finds(_ text: String) -> Bool {
            ActionFilter(text: text).matches(action, asOf: Day(iso: "2006-12-15")!, catalogue: catalogue)
        }
        #expect(finds("survey"))
        #expect(finds("CAFE"))
        #expect(finds("zoe"))
        #expect(finds("opened survey"))
        #expect(!finds("sentcafé"))
        #expect(!finds("nowhere"))
    }
}
