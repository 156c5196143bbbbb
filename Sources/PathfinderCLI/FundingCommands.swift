import ArgumentParser
import Foundation
import PathfinderModel
import PathfinderStore

/// `pathfinder reading ID VALUE`: a new reading of an action's indicator, which becomes its
/// current value when it is the latest.
struct ReadingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reading",
        abstract: "Add a reading to an action's indicator, by you.",
        discussion: "Example:\n  pathfinder reading TH-05 12 --date 2006-09-30 --note \"September figures\"")

    @Argument(help: ArgumentHelp("The action's id.", valueName: "ID")) var id: String
    @Argument(help: ArgumentHelp("The value measured (a number; £, % and commas are ignored).", valueName: "VALUE")) var value: String
    @Option(help: ArgumentHelp("The reading's day (default today): \(DateInput.hint).", valueName: "DATE")) var date: String?
    @Option(help: ArgumentHelp("A note on the reading (one line).", valueName: "TEXT")) var note: String = ""
    @OptionGroup var options: EditOptions

    func run() throws {
        try checkActionID(id)
        let number = value.filter { $0 != "," && $0 != "£" && $0 != "%" }
        guard let reading = Double(number), reading.isFinite else { throw CLIError("\(Quote.value(value)) is not a number; nothing was added") }
        if let problem = TextRule.line(1_000).problem(note) { throw CLIError("--note: \(problem); nothing was added") }
        let today = try options.today()
        let (store, partnership) = try options.openForEditing()
        var day = today
        if let date {
            guard let parsed = DateInput.parse(date, today: try options.datesFrom(partnership)) else {
                throw CLIError("--date: \(Quote.value(date)) is not a date (\(DateInput.hint))")
            }
            day = parsed
        }
        let id = store.actionID(matching: id) ?? id
        let user = options.user()
        var course: IndicatorCourse?
        var unit = ""
        try store.modify(actionID: id, by: user, today: today) { action in
            guard var indicator = action.indicator else {
                throw CLIError("\(id) has no indicator: give it one first (pathfinder edit \(id) indicator=NAME baseline=N target=N)")
            }
            indicator.add(IndicatorReading(date: day, value: reading, note: note.trimmingCharacters(in: .whitespaces), who: user))
            action.indicator = indicator
            course = action.indicatorCourse
            unit = indicator.unit
        }
        Output.line("\(id): reading \(Number.format(reading))\(unit) added (\(day.iso), \(user))" + (course.map { "; \($0.label)" } ?? ""))
    }
}

/// `pathfinder agreement new|set|from-action`: funding agreements in `funding/`.
struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Make or change a funding agreement (funding/), checked against the funding principles.",
        discussion: """
        Fields: \(FundingAgreementField.allCases.map(\.rawValue).joined(separator: ", ")).

        Examples:
          pathfinder agreement new --title "Befriending grant" funder="Portsmouth City Council" term-years=3
          pathfinder agreement set portsmouth-good-neighbours notice-months=3 full-cost-recovery=yes
          pathfinder agreement from-action PO-06 --funder "Portsmouth City Council"
        """,
        subcommands: [New.self, Set.self, FromAction.self])

    /// `FIELD=VALUE` pairs, each field once, set in order; nothing is saved if one is refused.
    static func apply(_ assignments: [String], to agreement: inout FundingAgreement, partnership p: Partnership, today: Day) throws {
        var seen: [(field: FundingAgreementField, key: String)] = []
        for assignment in assignments {
            guard let eq = assignment.firstIndex(of: "=") else { throw CLIError("\(Quote.value(assignment)) should be FIELD=VALUE") }
            let key = String(assignment[..<eq]).trimmingCharacters(in: .whitespaces).lowercased()
            guard let field = FundingAgreementField(rawValue: key) else {
                throw CLIError("unknown field \(Quote.value(key)) (the fields: \(FundingAgreementField.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            seen.append((field, key))
            if let problem = FieldAssignments.duplicateProblem(seen) { throw CLIError(problem) }
            do {
                try FundingAgreementEdit.set(field, to: String(assignment[assignment.index(after: eq)...]), on: &agreement,
                                             areas: p.areas, today: today)
            } catch let problem as RecordProblem<FundingAgreementField> {
                throw CLIError("\(field.rawValue): \(problem.message); nothing was saved")
            }
        }
        if let problem = FundingAgreementEdit.problems(agreement, actions: Swift.Set(p.actions.map(\.id))).first {
            throw CLIError("\(problem.field.rawValue): \(problem.message); nothing was saved")
        }
    }

    /// What the check says about a saved agreement, one line a principle not kept.
    static func report(_ agreement: FundingAgreement, rules: FundingRules) {
        let check = rules.check(agreement.terms)
        Output.line("  \(check.keepsAll ? "✓" : "!") \(check.summary)")
        for concern in check.concerns { Output.line("  \(concern.verdict.mark) \(concern.message)") }
    }

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a new agreement and print its id (its file name).")
        @Option(help: ArgumentHelp("The agreement's title.", valueName: "TEXT")) var title: String
        @Argument(help: ArgumentHelp("More fields to set.", valueName: "FIELD=VALUE")) var assignments: [String] = []
        @OptionGroup var options: EditOptions

        func run() throws {
            let (_, store, result, _) = try options.store.loadStore()
            var draft = FundingAgreement(id: "", title: "")
            try AgreementCommand.apply(["title=" + title] + assignments, to: &draft, partnership: result.partnership,
                                       today: try options.datesFrom(result.partnership))
            let created = try store.create(draft)
            Output.line("\(created.id): made \(PlainFileStore.fundingAgreementPath(created))")
            AgreementCommand.report(created, rules: result.partnership.catalogue.fundingRules)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change fields of an agreement.")
        @Argument(help: ArgumentHelp("The agreement's id (its file name without .md).", valueName: "AGREEMENT")) var id: String
        @Argument(help: ArgumentHelp("The fields to set.", valueName: "FIELD=VALUE")) var assignments: [String]
        @OptionGroup var options: EditOptions

        func run() throws {
            let (_, store, result, _) = try options.store.loadStore()
            let p = result.partnership
            guard var agreement = p.fundingAgreement(id) else {
                throw CLIError("no agreement \(Quote.value(id)); the agreements are: \(p.fundingAgreements.map(\.id).joined(separator: ", "))")
            }
            try AgreementCommand.apply(assignments, to: &agreement, partnership: p, today: try options.datesFrom(p))
            let written = try store.save(agreement)
            Output.line("\(agreement.id): \(written ? "saved" : "nothing changed")")
            AgreementCommand.report(agreement, rules: p.catalogue.fundingRules)
        }
    }

    /// The shorthand on an action made into an agreement (docs/DECISIONS.md, "Funding agreements
    /// and the Compact"): the agreement is written first, then the action's `funding` block is
    /// taken off, so the terms live in one place.
    struct FromAction: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "from-action",
                                                        abstract: "Make an action's funding terms into a funding agreement.")
        @Argument(help: ArgumentHelp("The action's id.", valueName: "ID")) var id: String
        @Option(help: ArgumentHelp("Who pays (default: the area's authority).", valueName: "NAME")) var funder: String?
        @Flag(help: "Keep the action's own funding terms as well.") var keepShorthand = false
        @OptionGroup var options: EditOptions

        func run() throws {
            try checkActionID(id)
            let (_, store, result, _) = try options.store.loadStore()
            let p = result.partnership
            guard let action = p.action(id) ?? p.action(id.uppercased()) else { throw CLIError("no action \(Quote.value(id)) in the store") }
            guard let draft = FundingAgreementEdit.fromShorthand(action, funder: funder ?? p.area(action.area)?.authority ?? "") else {
                throw CLIError("\(action.id) records no funding terms")
            }
            if let existing = p.fundingAgreements(forAction: action.id).first {
                throw CLIError("\(action.id) is already funded by agreement \(existing.id); change that one (pathfinder agreement set \(existing.id) …)")
            }
            let created = try store.create(draft)
            Output.line("\(created.id): made \(PlainFileStore.fundingAgreementPath(created)) from \(action.id)'s funding terms")
            if !keepShorthand {
                let today = try options.today()
                try store.modify(actionID: action.id, by: options.user(), today: today) { $0.funding = nil }
                Output.line("\(action.id): its funding terms now live in \(created.id)")
            }
            AgreementCommand.report(created, rules: p.catalogue.fundingRules)
        }
    }
}
