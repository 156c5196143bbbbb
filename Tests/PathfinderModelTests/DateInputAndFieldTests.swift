import Testing
@testable import PathfinderModel

/// Typed dates and field values, as the form, the quick updates and the command line take them.
@Suite struct DateInputAndFieldTests {
    let today = Day(iso: "2006-12-14")!   // a Thursday
    let catalogue = Catalogue(themes: [CatalogueEntry(id: "social-clauses", label: "Social clauses")],
                              successFactors: [CatalogueEntry(id: "regular-dialogue", label: "Regular dialogue")])

    @Test func datesAndShortcuts() {
        let cases: [(String, String?)] = [
            ("2007-03-31", "2007-03-31"), (" today ", "2006-12-14"), ("Tomorrow", "2006-12-15"), ("yesterday", "2006-12-13"),
            ("+2w", "2006-12-28"), ("+ 10 d", "2006-12-24"), ("+3m", "2007-03-14"), ("+1y", "2007-12-14"), ("-1w", "2006-12-07"),
            ("end of month", "2006-12-31"), ("EOQ", "2006-12-31"), ("end of year", "2006-12-31"),
            ("2007-02-30", nil), ("next tuesday", nil), ("+2x", nil), ("", nil), ("+", nil),
        ]
        for (text, expected) in cases {
            #expect(DateInput.parse(text, today: today)?.iso == expected, "\(text)")
        }
        #expect(DateInput.parse("+1m", today: Day(iso: "2007-01-31")!)?.iso == "2007-02-28")
    }

    @Test func fieldsAreSetFromTypedTextAndCheckedAgainstTheCatalogue() throws {
        var a = Action(id: "PO-01", area: "portsmouth", title: "T", theme: "social-clauses", lead: "L")
        try ActionEdit.set(.status, to: "In progress", on: &a, catalogue: catalogue, today: today)
        #expect(a.status == "in-progress")
        try ActionEdit.set(.rag, to: "A", on: &a, catalogue: catalogue, today: today)
        #expect(a.rag == .amber)
        try ActionEdit.set(.due, to: "+2w", on: &a, catalogue: catalogue, today: today)
        #expect(a.due == Day(iso: "2006-12-28"))
        try ActionEdit.set(.successFactors, to: "Regular dialogue", on: &a, catalogue: catalogue, today: today)
        #expect(a.successFactors == ["regular-dialogue"])
        try ActionEdit.set(.partners, to: "Age Concern,  PCT ,", on: &a, catalogue: catalogue, today: today)
        #expect(a.partners == ["Age Concern", "PCT"])
        try ActionEdit.set(.fundingTerm, to: "3", on: &a, catalogue: catalogue, today: today)
        #expect(a.funding == Funding(termYears: 3))
        try ActionEdit.set(.fundingTerm, to: "", on: &a, catalogue: catalogue, today: today)
        #expect(a.funding == nil)
        try ActionEdit.set(.milestones, to: "[x] Recruit volunteers (2006-09-30); Launch", on: &a, catalogue: catalogue, today: today)
        #expect(a.milestones == [Milestone(title: "Recruit volunteers", due: Day(iso: "2006-09-30"), done: true), Milestone(title: "Launch")])
        #expect(ActionField.milestones.value(of: a) == "[x] Recruit volunteers (2006-09-30); [ ] Launch")

        #expect(throws: FieldProblem(field: .status, message: "unknown status “finished” (one of: not-started, in-progress, blocked, done, dropped)")) {
            try ActionEdit.set(.status, to: "finished", on: &a, catalogue: catalogue, today: today)
        }
        #expect(throws: FieldProblem.self) { try ActionEdit.set(.due, to: "soon", on: &a, catalogue: catalogue, today: today) }
        #expect(throws: FieldProblem.self) { try ActionEdit.set(.title, to: "  ", on: &a, catalogue: catalogue, today: today) }
        #expect(throws: FieldProblem.self) { try ActionEdit.set(.indicatorTarget, to: "twelve", on: &a, catalogue: catalogue, today: today) }
    }

    @Test func fieldNamesAreForgiving() {
        #expect(ActionField(key: "lead-body") == .leadBody)
        #expect(ActionField(key: "Lead body") == .leadBody)
        #expect(ActionField(key: "lead_body") == .leadBody)
        #expect(ActionField(key: "funding.term-years") == .fundingTerm)
        #expect(ActionField(key: "term") == .fundingTerm)
        #expect(ActionField(key: "factors") == .successFactors)
        #expect(ActionField(key: "colour") == nil)
    }

    @Test func wholeActionChecksAndChanges() {
        var a = Action(id: "PO-01", area: "portsmouth", title: "T", theme: "social-clauses", lead: "L", status: "in-progress",
                       start: Day(iso: "2007-01-01"), due: Day(iso: "2006-12-01"))
        #expect(ActionEdit.problems(a, catalogue: catalogue).map(\.message) == ["due date 2006-12-01 is before the start date 2007-01-01"])
        a.due = nil
        a.title = ""
        #expect(ActionEdit.problems(a, catalogue: catalogue).map(\.field) == [.title])
        a.title = "T"
        var b = a
        b.status = "done"
        b.rag = .red
        b.progress.append(ProgressEntry(date: today, author: "Z", text: "note"))
        #expect(ActionEdit.changes(from: a, to: b, catalogue: catalogue) == [
            FieldChange(field: .status, old: "In progress", new: "Done"), FieldChange(field: .rag, old: "Green", new: "Red"),
        ])
        #expect(ActionEdit.notesAdded(from: a, to: b).count == 1)
        var c = a
        ActionEdit.take(.rag, from: b, into: &c)
        #expect(c.rag == .red)
        #expect(c.status == a.status)
        #expect(a.stamped(by: "Zoë", on: today).updatedBy == "Zoë")
    }
}
