import ArgumentParser
import Foundation
import PathfinderModel
import PathfinderReports
import PathfinderStore

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List areas, actions, case studies, organisations or meetings' decisions as a table or JSON.",
        discussion: "Examples:\n  pathfinder list areas\n  pathfinder list actions --area portsmouth --rag red\n  pathfinder list actions --overdue --json\n  pathfinder list organisations --area dorset --kind charity"
            + "\n  pathfinder list decisions --area portsmouth --since 2006-11-01")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case areas, actions
        case caseStudies = "case-studies"
        case organisations
        case decisions
    }

    @Argument(help: ArgumentHelp("What to list: areas, actions, case-studies, organisations or decisions."))
    var kind: Kind

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp("Only this area (its id, e.g. tower-hamlets).", valueName: "AREA"), completion: StoreNames.areaIDs) var area: String?
    @Option(help: ArgumentHelp("Only this status (a status id from the catalogue).", valueName: "STATUS")) var status: String?
    @Option(help: ArgumentHelp("Only this rating: red, amber or green.", valueName: "RAG")) var rag: String?
    @Option(help: ArgumentHelp("Only this theme (a theme id).", valueName: "THEME")) var theme: String?
    @Option(help: ArgumentHelp("Only actions serving this success factor (an id).", valueName: "FACTOR")) var factor: String?
    @Flag(help: "Only overdue actions.") var overdue = false
    @Option(name: .customLong("due-before"), help: ArgumentHelp("Only actions due before this day.", valueName: "DATE")) var dueBefore: String?
    @Option(help: ArgumentHelp("Only what contains all these words (any field, progress notes too).", valueName: "TEXT")) var search: String?
    @Option(help: ArgumentHelp("Decisions: only those of meetings on or after this day.", valueName: "DATE")) var since: String?
    @Option(name: .customLong("kind"), help: ArgumentHelp("Only organisations of this kind (a kind id, e.g. charity).", valueName: "KIND"))
    var organisationKind: String?
    @Flag(help: "Print JSON instead of a table.") var json = false

    func validate() throws {
        if let rag, RAG(rawValue: rag.lowercased()) == nil { throw ValidationError("--rag is red, amber or green, not \(Quote.value(rag))") }
        if let dueBefore { _ = try DateOption.day(dueBefore, option: "--due-before", today: Day.today()) }
        let actionOnly = status != nil || rag != nil || theme != nil || factor != nil || overdue || dueBefore != nil
        if kind != .actions, actionOnly {
            throw ValidationError("--status, --rag, --theme, --factor, --overdue and --due-before filter actions: use `list actions`")
        }
        if kind != .decisions, since != nil { throw ValidationError("--since filters decisions: use `list decisions`") }
        if let since { _ = try DateOption.day(since, option: "--since", today: Day.today()) }
        if kind != .organisations, organisationKind != nil { throw ValidationError("--kind filters organisations: use `list organisations`") }
    }

    func run() throws {
        if kind == .areas {
            try listAreas()
            return
        }
        // One area's actions need only that area's files (and every area.md, to name the areas);
        // every area's, the index (a full load only when it cannot answer).
        var json: [ArraySlice<UInt8>]?
        let part = kind == .actions ? try area.flatMap { area in try options.loadPart { try $0.loadArea(area) } } ?? indexed(json: &json) : nil
        let (result, asOf) = try part ?? { let (_, result, asOf) = try options.load(); return (result, asOf) }()
        let p = result.partnership
        if let area, p.area(area) == nil {
            throw CLIError("no area \(Quote.value(area)); the areas are: \(p.areas.map(\.id).joined(separator: ", "))")
        }
        try checkCatalogue(p.catalogue)
        switch kind {
        case .areas: break   // answered above from the summary cache
        case .actions: try listActions(p, asOf: asOf, written: json)
        case .caseStudies: try listCaseStudies(p)
        case .decisions: try listDecisions(p, asOf: asOf)
        case .organisations: try listOrganisations(p, asOf: asOf)
        }
        reportErrorFiles(result.errors)
        HeldUntilExit.hold((result, json as Any))
    }

    /// `list actions` of every area from the index: each action is read back without its long
    /// texts for the filter (with them when `--search` looks in them), and whole only when kept;
    /// with `--json`, the kept actions' JSON is written from their records instead (`json`).
    private func indexed(json: inout [ArraySlice<UInt8>]?) throws -> (result: LoadResult, asOf: Day)? {
        guard area == nil else { return nil }
        let today = Day.today()
        let given = try options.asOf.map { try DateOption.day($0, option: "--as-of", today: today) }
        var filter = try self.filter(asOf: given ?? today)
        filter.dueBefore = nil   // read against the store's own day below, as `listActions` reads it
        let (base, text, dueBefore) = (filter, filter.text, dueBefore)
        let query = IndexQuery(keep: { action, context in
            var f = base
            let asOf = given ?? context.asOf ?? today
            if f.dueBefore == nil, let dueBefore { f.dueBefore = try? DateOption.day(dueBefore, option: "--due-before", today: asOf) }
            return f.matches(action, asOf: asOf, catalogue: context.catalogue)
        }, filterReadsLongTexts: !text.isEmpty, longTexts: false, profiles: false)
        guard self.json else { return try options.loadIndexed(query) }
        var written: [ArraySlice<UInt8>] = []
        let answer = try options.loadIndexed { store in
            // `overdue` on the document's day, as `listActions` judges it.
            var withJSON = query
            withJSON.json = { action, context in action.isOverdue(asOf: given ?? context.asOf ?? today, catalogue: context.catalogue) }
            guard let answer = try store.indexedActionsJSON(withJSON) else { return nil }
            written = answer.json
            return answer.result
        }
        if answer != nil { json = written }
        return answer
    }

    /// The filter the options ask for; `--due-before` is read relative to `asOf` (`+2w`).
    private func filter(asOf: Day) throws -> ActionFilter {
        ActionFilter(area: area, status: status, rag: rag.flatMap { RAG(rawValue: $0.lowercased()) }, theme: theme,
                     successFactor: factor, overdue: overdue,
                     dueBefore: try dueBefore.map { try DateOption.day($0, option: "--due-before", today: asOf) },
                     text: search ?? "")
    }

    private func reportErrorFiles(_ errors: [Problem]) {
        if let sentence = ProblemCount(errors).filesSentence {
            Output.error("\(sentence); `pathfinder check` lists them")
        }
    }

    /// An id that is not in the catalogue is a typo, not an empty result: say so.
    private func checkCatalogue(_ c: Catalogue) throws {
        if let status, c.status(status) == nil {
            throw CLIError("no status \(Quote.value(status)); the statuses are: \(c.statuses.map(\.id).joined(separator: ", "))")
        }
        if let theme, c.theme(theme) == nil {
            throw CLIError("no theme \(Quote.value(theme)); see the themes in pathfinder.yaml")
        }
        if let factor, c.successFactor(factor) == nil {
            throw CLIError("no success factor \(Quote.value(factor)); the factors are: \(c.successFactors.map(\.id).joined(separator: ", "))")
        }
    }

    /// From the summary cache: no full load unless files changed (`PlainFileStore.areasSummary`).
    private func listAreas() throws {
        let (_, summary, asOf) = try options.summary()
        if let area, !summary.areaIDs.contains(area) {
            throw CLIError("no area \(Quote.value(area)); the areas are: \(summary.areaIDs.joined(separator: ", "))")
        }
        var rows = summary.rows(asOf: asOf)
        if let area { rows = rows.filter { $0.area == area } }
        if let search { rows = rows.filter { r in search.split(separator: " ").allSatisfy { TextMatch.contains(r.name, $0) || TextMatch.contains(r.area, $0) } } }
        if json {
            printJSON([("areas", .array(rows.map(RecordJSON.areaSummary)))])
        } else {
            var table = TextTable(["Id", "Area", "Type", "Actions", "R/A/G", "Overdue", "Next due"],
                                  alignments: [.left, .left, .left, .right, .right, .right, .left])
            for r in rows {
                table.add([r.area, r.name, r.type, String(r.actions), "\(r.rag.red)/\(r.rag.amber)/\(r.rag.green)",
                           String(r.overdue), r.nextDue?.iso ?? "-"])
            }
            Output.line(table.render())
        }
        reportErrorFiles(summary.errors)
    }

    /// `written`: the actions' JSON from the index, one for each of `p.actions` (all kept by
    /// the filter there, and without their long texts, so not filtered again here).
    private func listActions(_ p: Partnership, asOf: Day, written: [ArraySlice<UInt8>]?) throws {
        if json, let written {
            printJSON([("as-of", .string(asOf.iso)), ("actions", .array(written.map { .written($0, depth: PlainFileStore.actionJSONDepth) }))])
            return
        }
        // The index kept only the actions that match; filtering them again costs little.
        let filter = try self.filter(asOf: asOf)
        let actions = p.actions.filter { filter.matches($0, asOf: asOf, catalogue: p.catalogue) }
        if json {
            printJSON([("as-of", .string(asOf.iso)),
                       ("actions", .array(actions.map { RecordJSON.action($0, overdue: $0.isOverdue(asOf: asOf, catalogue: p.catalogue)) }))])
            return
        }
        var table = TextTable(["Id", "RAG", "Status", "Due", "Lead", "Title"])
        for a in actions {
            let overdueMark = a.isOverdue(asOf: asOf, catalogue: p.catalogue) ? " !" : ""
            table.add([a.id, a.rag.letter, p.catalogue.status(a.status)?.label ?? a.status,
                       (a.due?.iso ?? "-") + overdueMark, a.lead, a.title])
        }
        Output.line(table.render())
        Output.line("\(actions.count) action\(actions.count == 1 ? "" : "s") (as of \(asOf.iso); ! = overdue)")
    }

    /// The screens' register (`:decisions`): newest meeting first, with its date, meeting and
    /// the action it was taken under.
    private func listDecisions(_ p: Partnership, asOf: Day) throws {
        var decisions = p.decisions(area: area, since: try since.map { try DateOption.day($0, option: "--since", today: asOf) })
        if let search {
            decisions = decisions.filter { d in search.split(separator: " ").allSatisfy { TextMatch.contains(d.text, $0) || TextMatch.contains(d.meetingTitle, $0) } }
        }
        if json {
            printJSON([("decisions", .array(decisions.map(RecordJSON.decision)))])
            return
        }
        var table = TextTable(["Date", "Action", "Meeting", "Decision"])
        for d in decisions { table.add([d.date.iso, d.action, "\(d.meetingTitle), \(p.area(d.area)?.name ?? d.area)", d.text]) }
        Output.line(table.render())
        Output.line("\(decisions.count) decision\(decisions.count == 1 ? "" : "s"), newest first")
    }

    private func listOrganisations(_ p: Partnership, asOf: Day) throws {
        if let organisationKind, p.catalogue.organisationKind(organisationKind) == nil {
            throw CLIError("no kind \(Quote.value(organisationKind)); the kinds are: \(p.catalogue.organisationKinds.map(\.id).joined(separator: ", "))")
        }
        let filter = OrganisationFilter(area: area, kind: organisationKind, text: search ?? "")
        let shown = p.organisations.filter { filter.matches($0, in: p, asOf: asOf) }
        if json {
            printJSON([("organisations", .array(shown.map { OrganisationJSON.value($0, in: p, asOf: asOf, full: false) }))])
            return
        }
        var table = TextTable(["Id", "Kind", "Areas", "Name"])
        for o in shown {
            table.add([o.id, p.catalogue.organisationKind(o.kind)?.label ?? o.kind,
                       o.areas.map { p.area($0)?.name ?? $0 }.joined(separator: ", "), o.name])
        }
        Output.line(table.render())
        Output.line("\(shown.count) organisation\(shown.count == 1 ? "" : "s")")
    }

    private func listCaseStudies(_ p: Partnership) throws {
        var studies = p.caseStudies
        if let area { studies = studies.filter { $0.area == area } }
        if let search { studies = studies.filter { s in search.split(separator: " ").allSatisfy { TextMatch.contains(s.title, $0) || TextMatch.contains(s.text, $0) } } }
        if json {
            printJSON([("case-studies", .array(studies.map(RecordJSON.caseStudy)))])
            return
        }
        var table = TextTable(["Id", "Area / place", "Title"])
        for s in studies { table.add([s.id, s.area.flatMap { p.area($0)?.name } ?? s.place, s.title]) }
        Output.line(table.render())
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one area, action, case study or organisation in full.",
        discussion: "Examples:\n  pathfinder show PO-03\n  pathfinder show portsmouth\n  pathfinder show portsmouth-good-neighbours\n  pathfinder show southern-focus-trust\n  pathfinder show PO-03 --json\n  pathfinder show southern-focus-trust --json")

    @Argument(help: ArgumentHelp("An action id (PO-03), an area id (portsmouth), a case study id or an organisation id.", valueName: "ID"), completion: StoreNames.anyID)
    var id: String

    @Flag(help: "Print JSON (docs/json.md) instead of text; an organisation with the actions and case studies naming it.") var json = false
    @OptionGroup var options: StoreOptions

    func run() throws {
        let id = id
        let (result, asOf) = try options.loadPart { try ShowRead.part(id, store: $0) }
            ?? { let (_, result, asOf) = try options.load(); return (result, asOf) }()
        let p = result.partnership
        if let action = p.action(id) ?? p.action(id.uppercased()) {
            if json { return printJSON([("action", RecordJSON.action(action, overdue: action.isOverdue(asOf: asOf, catalogue: p.catalogue)))]) }
            Output.line(ActionText.action(action, in: p, asOf: asOf))
        } else if let area = p.area(id.lowercased()) {
            if json { return printJSON([("area", RecordJSON.area(area))]) }
            Output.line(ActionText.area(area, in: p, asOf: asOf))
        } else if let study = p.caseStudy(id) {
            if json { return printJSON([("case-study", RecordJSON.caseStudy(study))]) }
            Output.line(ActionText.caseStudy(study, in: p))
        } else if let organisation = p.organisation(id) {
            if json { return printJSON([("organisation", OrganisationJSON.value(organisation, in: p, asOf: asOf, full: true))]) }
            Output.line(OrganisationText.text(organisation, in: p, asOf: asOf))
        } else {
            let search = id.count <= Quote.shown ? "; try `pathfinder list actions --search \(id)`" : ""
            throw CLIError("nothing in the store is called \(Quote.value(id))\(search)")
        }
    }
}

/// A JSON document of the one shape (`RecordJSON`, docs/json.md) on stdout.
func printJSON(_ pairs: [(String, JSONValue)]) {
    Output.json(RecordJSON.document(pairs))
}

