import ArgumentParser
import Foundation
import PathfinderModel
import PathfinderReports
import PathfinderStore

extension ReportFormat: ExpressibleByArgument {}
extension MinutesFormat: ExpressibleByArgument {}

extension ReportFormat {
    /// How the report is made safe on a terminal: the terminal format is text for people.
    var outputKind: Output.Kind {
        switch self {
        case .terminal: .text
        case .json: .json
        case .markdown, .html, .csv: .markup
        }
    }
}

/// `pathfinder report [highlight|factors|funding]`: a steering group's reports, to the terminal
/// or a file in Markdown, HTML, CSV or JSON.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a highlight report, the success factor matrix or the funding register.",
        discussion: """
        highlight: counts by status and RAG, overdue actions, red and amber actions with their \
        latest progress note, what changed since --since (default: the area's last meeting, or \
        30 days before the as-of date when it has none), indicators, and milestones due in the \
        next 30 days. factors: the success factors by area. funding: the funding register, every \
        funding agreement (funding/) and every action's funding terms checked against each funding \
        principle, and the agreements whose notice date falls in the next 90 days.

        Examples:
          pathfinder report --area portsmouth
          pathfinder report highlight --format html --output highlight.html
          pathfinder report funding --format csv
        """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case highlight, factors, funding
    }

    @Argument(help: ArgumentHelp("Which report: highlight, factors or funding.")) var kind: Kind = .highlight

    @OptionGroup var options: StoreOptions

    @Option(help: ArgumentHelp("Only this area (its id, e.g. portsmouth).", valueName: "AREA"), completion: StoreNames.areaIDs) var area: String?
    @Option(help: ArgumentHelp("Changes on or after this day (highlight only; default: each area's last meeting).", valueName: "DATE"))
    var since: String?
    @Option(help: ArgumentHelp("terminal, markdown, html, csv or json.", valueName: "FORMAT")) var format: ReportFormat = .terminal
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let since {
            _ = try DateOption.day(since, option: "--since", today: Day.today())
            guard kind == .highlight else { throw ValidationError("--since is for the highlight report only") }
        }
    }

    func run() throws {
        // From the index: no file parsed that has not changed. The highlight report in JSON
        // and CSV reads only what it prints of each action's notes (its latest, and those
        // since its area's last meeting); its other formats read every action whole, for their
        // charts (a whole store's CSV read them all too: 446 MB and 1.4 s for its latest notes).
        let query = switch kind {
        case .highlight: format == .json || format == .csv ? try highlightQuery() : IndexQuery()
        // Neither reads a description or a note, in any format.
        case .factors, .funding: IndexQuery(filterReadsLongTexts: false, longTexts: false)
        }
        let (result, asOf) = try options.loadIndexed(query)
            ?? { let (_, result, asOf) = try options.load(); return (result, asOf) }()
        let p = result.partnership
        if let area, p.area(area) == nil {
            throw CLIError("no area \(Quote.value(area)); the areas are: \(p.areas.map(\.id).joined(separator: ", "))")
        }
        // JSON and CSV have no charts: neither RAG history nor timelines are made for them.
        let charts = format != .json && format != .csv
        let report: any RenderableReport = switch kind {
        case .highlight:
            HighlightReport.build(p, area: area, since: try since.map { try DateOption.day($0, option: "--since", today: asOf) }, asOf: asOf,
                                  history: charts ? RAGHistoryCache(root: try options.location().path).history(p, asOf: asOf,
                                                                                       filesKey: RAGHistoryCache.contentKey(p)).table : nil,
                                  charts: charts)
        case .factors: FactorMatrixReport.build(p, area: area, asOf: asOf)
        case .funding: FundingRegisterReport.build(p, area: area, asOf: asOf)
        }
        if format == .json, output.output == nil {
            // A whole store's report (67 MB) is streamed, not copied into a string; the
            // highlight report without a tree of values either.
            if let highlight = report as? HighlightReport { Output.json { highlight.writeJSON(into: &$0) } } else { Output.json(report.json) }
        } else {
            try output.emit(report.render(format), as: format.outputKind)
        }
        if let sentence = ProblemCount(result.problems).filesSentence {
            Output.error("\(sentence) and may be left out; `pathfinder check` lists them")
        }
        HeldUntilExit.hold((result, report))
    }
}

extension Report {
    /// The index read for the highlight report in JSON and CSV: each action's notes from its area's
    /// "since" day (as `HighlightReport.build` finds it, on the day the report will be as of)
    /// and its latest note; no descriptions; organisations by id and name only; no funding
    /// agreements.
    private func highlightQuery() throws -> IndexQuery {
        let today = Day.today()
        let given = try options.asOf.map { try DateOption.day($0, option: "--as-of", today: today) }
        let since = self.since
        var query = IndexQuery()
        query.organisationNames = true
        query.fundingAgreements = false   // the highlight report shows none: 5,250 files a tenth of its time
        query.notesSince = { areas, meetings, context in
            let asOf = given ?? context.asOf ?? today
            let from = since.flatMap { try? DateOption.day($0, option: "--since", today: asOf) }
            let points = HighlightReport.sincePoints(areas, meetings: meetings, since: from, asOf: asOf)
            return Dictionary(points.map { ($0.area, $0.since) }, uniquingKeysWith: { a, _ in a })
        }
        return query
    }
}

/// `pathfinder minutes MEETING`: the minutes of a meeting as Markdown or a printable HTML page.
struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Print the minutes of a meeting as Markdown or HTML.",
        discussion: """
        MEETING is the meeting's id (area/file, e.g. portsmouth/2006-11-28-steering-group), its \
        file name, or the start of either, as long as only one meeting matches.

        Examples:
          pathfinder minutes portsmouth/2006-11-28-steering-group
          pathfinder minutes 2006-11-28 --format html --output minutes.html
        """)

    @Argument(help: ArgumentHelp("The meeting: its id, file name, or a unique start of either.", valueName: "MEETING"))
    var meeting: String

    @OptionGroup var options: StoreOptions
    @Option(help: ArgumentHelp("markdown or html.", valueName: "FORMAT")) var format: MinutesFormat = .markdown
    @OptionGroup var output: OutputOptions

    func run() throws {
        let (_, store, result, _) = try options.loadStore()
        let p = result.partnership
        let found = try Self.find(meeting, in: p.meetings)
        let history = RAGHistoryCache(root: store.root).history(p, asOf: found.date, filesKey: store.filesKey).table
        try output.emit(Minutes.build(found, in: p, history: history).render(format), as: .markup)
    }

    /// The one meeting a name means: an exact id or file name first, then a unique prefix of either.
    static func find(_ name: String, in meetings: [Meeting]) throws -> Meeting {
        var wanted = name
        if wanted.hasSuffix(".md") { wanted.removeLast(3) }
        if wanted.hasPrefix("areas/") {   // a path as `check` prints it: areas/<area>/meetings/<file>.md
            let parts = wanted.split(separator: "/")
            if parts.count == 4, parts[2] == "meetings" { wanted = "\(parts[1])/\(parts[3])" }
        }
        func file(_ m: Meeting) -> String { String(m.id.split(separator: "/").last ?? "") }
        let exact = meetings.filter { $0.id == wanted || file($0) == wanted }
        if exact.count == 1 { return exact[0] }
        let candidates = exact.isEmpty ? meetings.filter { $0.id.hasPrefix(wanted) || file($0).hasPrefix(wanted) } : exact
        let sorted = candidates.sorted { $0.id < $1.id }
        switch sorted.count {
        case 1:
            return sorted[0]
        case 0:
            if meetings.isEmpty { throw CLIError("no meeting \(Quote.value(name)): the store has no meetings yet") }
            let all = meetings.map(\.id).sorted()
            let shown = all.prefix(10).joined(separator: ", ") + (all.count > 10 ? ", … (\(all.count) in all)" : "")
            throw CLIError("no meeting \(Quote.value(name)); the meetings are: \(shown)")
        default:
            throw CLIError("\(Quote.value(name)) matches \(sorted.count) meetings: \(sorted.map(\.id).joined(separator: ", ")); give more of the name")
        }
    }
}

/// Where a report goes: stdout, or a file written atomically that never replaces another
/// unless asked.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of printing.", valueName: "PATH"))
    var output: String?

    @Flag(help: "Replace the --output file if it exists.") var force = false

    /// Settled before any work is done, so a refusal costs nothing (a whole store's export used
    /// to load 52,500 actions for 2.7 s before saying the file exists). A yes on a terminal is
    /// not asked again when the file is written.
    mutating func validate() throws {
        guard let output, !force else { return }
        if FileManager.default.fileExists(atPath: URL(fileURLWithPath: output).standardizedFileURL.path) {
            _ = try replaceablePath(output)
            force = true
        }
    }

    /// Writes the text; on stdout made safe for its kind (`Output`), to a file exactly as it is.
    func emit(_ text: String, as kind: Output.Kind) throws {
        guard let output else {
            Output.write(text, as: kind)
            return
        }
        let path = try replaceablePath(output)
        try AtomicFile.write(text, to: path)
        Output.error("wrote \(output)")
    }

    /// The --output file's full path, once it is known not to be a folder and, if it exists,
    /// to be one the user agreed to replace (--force, or yes on a terminal).
    func replaceablePath(_ output: String) throws -> String {
        let path = URL(fileURLWithPath: output).standardizedFileURL.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw CLIError("\(Quote.short(output)) is a folder; give a file name for --output") }
            if !force, !Self.askToReplace(output) {
                throw CLIError("\(Quote.short(output)) already exists; use --force to replace it")
            }
        }
        return path
    }

    /// On a terminal, asks y/N; elsewhere (scripts, tests) the answer is no.
    private static func askToReplace(_ path: String) -> Bool {
        guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else { return false }
        Output.prompt("\(path) already exists. Replace it? [y/N] ")
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return answer == "y" || answer == "yes"
    }
}
