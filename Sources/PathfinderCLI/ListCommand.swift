import ArgumentParser
import Foundation
import PathfinderModel
import PathfinderStore

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List areas, actions, case studies or meetings' decisions as a table or JSON.",
        discussion: "Examples:\n  pathfinder list areas\n  pathfinder list actions --area portsmouth --rag red\n  pathfinder list actions --overdue --json"
            + "\n  pathfinder list decisions --area portsmouth --since 2006-11-01")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case areas, actions
        case caseStudies = "case-studies"
        case decisions
    }

    @Argument(help: ArgumentHelp("What to list: areas, actions, case-studies or decisions."))
    var kind: Kind

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp("Only this area (its id, e.g. tower-hamlets).", valueName: "AREA")) var area: String?
    @Option(help: ArgumentHelp("Only this status (a status id from the catalogue).", valueName: "STATUS")) var status: String?
    @Option(help: ArgumentHelp("Only this rating: red, amber or green.", valueName: "RAG")) var rag: String?
    @Option(help: ArgumentHelp("Only this theme (a theme id).", valueName: "THEME")) var theme: String?
    @Option(help: ArgumentHelp("Only actions serving this success factor (an id).", valueName: "FACTOR")) var factor: String?
    @Flag(help: "Only overdue actions.") var overdue = false
    @Option(name: .customLong("due-before"), help: ArgumentHelp("Only actions due before this day.", valueName: "DATE")) var dueBefore: String?
    @Option(help: ArgumentHelp("Only what contains all these words (any field, progress notes too).", valueName: "TEXT")) var search: String?
    @Option(help: ArgumentHelp("Decisions: only those of meetings on or after this day.", valueName: "DATE")) var since: String?
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
    }

    func run() throws {
        if kind == .areas {
            try listAreas()
            return
        }
        // One area's actions need only that area's files (and every area.md, to name the areas).
        let part = kind == .actions ? try area.flatMap { area in try options.loadPart { try $0.loadArea(area) } } : nil
        let (result, asOf) = try part ?? { let (_, result, asOf) = try options.load(); return (result, asOf) }()
        let p = result.partnership
        if let area, p.area(area) == nil {
            throw CLIError("no area \(Quote.value(area)); the areas are: \(p.areas.map(\.id).joined(separator: ", "))")
        }
        try checkCatalogue(p.catalogue)
        switch kind {
        case .areas: break   // answered above from the summary cache
        case .actions: try listActions(p, asOf: asOf)
        case .caseStudies: try listCaseStudies(p)
        case .decisions: try listDecisions(p, asOf: asOf)
        }
        reportErrorFiles(result.errors)
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
            try printJSON(rows.map { JSONArea($0) })
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

    private func listActions(_ p: Partnership, asOf: Day) throws {
        let filter = ActionFilter(area: area, status: status, rag: rag.flatMap { RAG(rawValue: $0.lowercased()) }, theme: theme,
                                  successFactor: factor, overdue: overdue, dueBefore: try dueBefore.map { try DateOption.day($0, option: "--due-before", today: asOf) },
                                  text: search ?? "")
        let actions = p.actions.filter { filter.matches($0, asOf: asOf, catalogue: p.catalogue) }
        if json {
            try printJSON(actions.map { JSONAction($0, overdue: $0.isOverdue(asOf: asOf, catalogue: p.catalogue)) })
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
            try printJSON(decisions.map(JSONDecision.init))
            return
        }
        var table = TextTable(["Date", "Action", "Meeting", "Decision"])
        for d in decisions { table.add([d.date.iso, d.action, "\(d.meetingTitle), \(p.area(d.area)?.name ?? d.area)", d.text]) }
        Output.line(table.render())
        Output.line("\(decisions.count) decision\(decisions.count == 1 ? "" : "s"), newest first")
    }

    private func listCaseStudies(_ p: Partnership) throws {
        var studies = p.caseStudies
        if let area { studies = studies.filter { $0.area == area } }
        if let search { studies = studies.filter { s in search.split(separator: " ").allSatisfy { TextMatch.contains(s.title, $0) || TextMatch.contains(s.text, $0) } } }
        if json {
            try printJSON(studies.map(JSONCaseStudy.init))
            return
        }
        var table = TextTable(["Id", "Area / place", "Title"])
        for s in studies { table.add([s.id, s.area.flatMap { p.area($0)?.name } ?? s.place, s.title]) }
        Output.line(table.render())
    }
}

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one area, action or case study in full.",
        discussion: "Examples:\n  pathfinder show PO-03\n  pathfinder show portsmouth\n  pathfinder show portsmouth-good-neighbours")

    @Argument(help: ArgumentHelp("An action id (PO-03), an area id (portsmouth) or a case study id.", valueName: "ID"))
    var id: String

    @OptionGroup var options: StoreOptions

    func run() throws {
        let id = id
        let (result, asOf) = try options.loadPart { try ShowRead.part(id, store: $0) }
            ?? { let (_, result, asOf) = try options.load(); return (result, asOf) }()
        let p = result.partnership
        if let action = p.action(id) ?? p.action(id.uppercased()) {
            Output.line(ActionText.action(action, in: p, asOf: asOf))
        } else if let area = p.area(id.lowercased()) {
            Output.line(ActionText.area(area, in: p, asOf: asOf))
        } else if let study = p.caseStudy(id) {
            Output.line(ActionText.caseStudy(study, in: p))
        } else {
            let search = id.count <= Quote.shown ? "; try `pathfinder list actions --search \(id)`" : ""
            throw CLIError("nothing in the store is called \(Quote.value(id))\(search)")
        }
    }
}

private func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    Output.json(String(decoding: try encoder.encode(value), as: UTF8.self))
}

private struct JSONArea: Encodable {
    var id, name, type: String
    var actions, red, amber, green, overdue: Int
    var nextDue: String?
    init(_ s: AreaSummary) {
        id = s.area; name = s.name; type = s.type; actions = s.actions
        red = s.rag.red; amber = s.rag.amber; green = s.rag.green; overdue = s.overdue; nextDue = s.nextDue?.iso
    }
}

private struct JSONAction: Encodable {
    var id, area, title, theme, lead, leadBody, status, rag: String
    var successFactors, partners, caseStudies: [String]
    var start, due, updated: String?
    var overdue: Bool
    var milestones: [[String: String]]
    var progress: [[String: String]]
    init(_ a: Action, overdue: Bool) {
        id = a.id; area = a.area; title = a.title; theme = a.theme; lead = a.lead; leadBody = a.leadBody
        status = a.status; rag = a.rag.rawValue; successFactors = a.successFactors; partners = a.partners
        caseStudies = a.caseStudies; start = a.start?.iso; due = a.due?.iso; updated = a.updated?.iso
        self.overdue = overdue
        milestones = a.milestones.map { ["title": $0.title, "due": $0.due?.iso ?? "", "done": $0.done ? "yes" : "no"] }
        progress = a.progress.map { ["date": $0.date.iso, "author": $0.author, "text": $0.text] }
    }
}

private struct JSONCaseStudy: Encodable {
    var id, title, place: String
    var area: String?
    var themes, organisations: [String]
    init(_ s: CaseStudy) {
        id = s.id; title = s.title; place = s.place; area = s.area; themes = s.themes; organisations = s.organisations
    }
}

private struct JSONDecision: Encodable {
    var date, meeting, meetingTitle, area, action, text: String
    /// What it asks of whom by when, when it says ("X to … by 22 December").
    var owner, task, due: String?
    init(_ d: Decision) {
        date = d.date.iso; meeting = d.meeting; meetingTitle = d.meetingTitle; area = d.area; action = d.action; text = d.text
        owner = d.proposal?.owner; task = d.proposal?.title; due = d.proposal?.due.iso
    }
}
