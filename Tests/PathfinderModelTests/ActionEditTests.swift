import Testing
@testable import PathfinderModel

/// The shared editing rules the form, quick updates, meetings and command line all use.
@Suite struct ActionEditTests {
    let today = Day(iso: "2006-12-14")!
    let catalogue = Catalogue(themes: [CatalogueEntry(id: "social-clauses", label: "Social clauses")],
                              successFactors: [CatalogueEntry(id: "regular-dialogue", label: "Regular dialogue")])

    func action() -> Action {
        Action(id: "PO-03", area: "portsmouth", title: "Map services", theme: "social-clauses", lead: "Head of Strategy",
               status: "in-progress", start: Day(iso: "2006-03-01"), due: Day(iso: "2007-03-31"))
    }

    @Test func everyFieldHasAKeyALabelAndIsFoundByEither() {
        for field in ActionField.allCases {
            #expect(ActionField(key: field.rawValue) == field)
            #expect(ActionField(key: field.label) == field, "\(field.label)")
            #expect(ActionField(key: field.rawValue.uppercased()) == field)
            #expect(!field.label.isEmpty)
        }
        #expect(ActionField(key: "indicator.current") == .indicatorCurrent)
        #expect(ActionField(key: "Case studies") == .caseStudies)
        #expect(ActionField(key: "progress") == nil)   // notes are added, not set
    }

    /// The whole-action messages are `pathfinder check`'s words, so a form, the command line
    /// and `check` say the same thing about one mistake.
    @Test func wholeActionProblemsUseCheckWords() {
        var a = action()
        a.due = Day(iso: "2006-01-01")
        a.status = "finished"
        a.theme = "colour"
        a.successFactors = ["luck"]
        a.milestones = [Milestone(title: " ")]
        a.indicator = Indicator(name: "", baseline: 0, target: 1)
        let problems = ActionEdit.problems(a, catalogue: catalogue)
        #expect(problems.map(\.field) == [.theme, .status, .successFactors, .due, .milestones, .indicatorName])
        #expect(problems.contains(FieldProblem(field: .due, message: "due date 2006-01-01 is before the start date 2006-03-01")))
        #expect(problems.contains(FieldProblem(field: .status,
                                               message: "unknown status \"finished\" (expected one of: not-started, in-progress, blocked, done, dropped)")))
        #expect(problems.contains(FieldProblem(field: .theme, message: "unknown theme \"colour\" (see the themes in pathfinder.yaml)")))
        #expect(ActionEdit.problems(action(), catalogue: catalogue).isEmpty)
    }

    @Test func emptyTextClearsOptionalFieldsAndDescriptionsKeepTheirText() throws {
        var a = action()
        try ActionEdit.set(.due, to: "", on: &a, catalogue: catalogue, today: today)
        #expect(a.due == nil)
        try ActionEdit.set(.description, to: "Line one\n\nLine two\n", on: &a, catalogue: catalogue, today: today)
        #expect(a.description == "Line one\n\nLine two\n")
        try ActionEdit.set(.indicatorName, to: "Replies", on: &a, catalogue: catalogue, today: today)
        try ActionEdit.set(.indicatorTarget, to: "1,200", on: &a, catalogue: catalogue, today: today)
        #expect(a.indicator == Indicator(name: "Replies", baseline: 0, target: 1200))
        #expect(ActionField.indicatorTarget.value(of: a) == "1200")
        try ActionEdit.set(.indicatorName, to: "", on: &a, catalogue: catalogue, today: today)
        #expect(a.indicator == nil)
        try ActionEdit.set(.fundingFullCostRecovery, to: "Yes", on: &a, catalogue: catalogue, today: today)
        #expect(a.funding?.fullCostRecovery == true)
        #expect(throws: FieldProblem(field: .fundingFullCostRecovery, message: "say yes or no")) {
            try ActionEdit.set(.fundingFullCostRecovery, to: "maybe", on: &a, catalogue: catalogue, today: today)
        }
    }

    @Test func valuesRoundTripThroughSet() throws {
        var a = action()
        a.partners = ["Age Concern", "PCT"]
        a.milestones = [Milestone(title: "Survey", due: Day(iso: "2006-09-30"), done: true), Milestone(title: "Report")]
        a.funding = Funding(amount: 80000, termYears: 1.5)
        for field in ActionField.allCases {
            var b = action()
            b.indicator = a.indicator
            try ActionEdit.set(field, to: field.value(of: a), on: &b, catalogue: catalogue, today: today)
            #expect(field.value(of: b) == field.value(of: a), "\(field)")
        }
    }

    @Test func changesAreInFormOrderAndNotesAreCountedApart() {
        let a = action()
        var b = a
        b.due = Day(iso: "2007-06-30")
        b.title = "Map every service"
        b.progress = [ProgressEntry(date: today, author: "Z", text: "one"), ProgressEntry(date: today, author: "Z", text: "two")]
        #expect(ActionEdit.changes(from: a, to: b).map(\.field) == [.title, .due])
        #expect(ActionEdit.changes(from: a, to: b).last == FieldChange(field: .due, old: "2007-03-31", new: "2007-06-30"))
        #expect(ActionEdit.notesAdded(from: a, to: b).map(\.text) == ["one", "two"])
        #expect(ActionEdit.changes(from: a, to: a).isEmpty)
        // The stamp is not a change a user made.
        #expect(ActionEdit.changes(from: a, to: a.stamped(by: "Z", on: today)).isEmpty)
    }

    @Test func takeCopiesOneFieldOnly() {
        var mine = action()
        mine.indicator = Indicator(name: "Replies", baseline: 0, target: 40, current: 10)
        mine.funding = Funding(amount: 1000, termYears: 3)
        var theirs = action()
        theirs.indicator = Indicator(name: "Replies", baseline: 0, target: 40, current: 25)
        theirs.funding = Funding(amount: 2000, termYears: 1)
        theirs.rag = .red
        ActionEdit.take(.indicatorCurrent, from: theirs, into: &mine)
        ActionEdit.take(.fundingAmount, from: theirs, into: &mine)
        #expect(mine.indicator?.current == 25)
        #expect(mine.funding == Funding(amount: 2000, termYears: 3))
        #expect(mine.rag == .green)
    }
}
