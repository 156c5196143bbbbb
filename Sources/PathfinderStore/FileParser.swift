import PathfinderModel
import Yams

/// What parsing one file gives: the value (if it could be read at all), its source text for
/// minimal rewrites, and the problems found in it. A pure function of path and text, so files
/// can be parsed in parallel and the results cached.
struct Parsed<Value: Sendable>: Sendable {
    var value: Value?
    var source: SourceDocument?
    var problems: [Problem]
    /// The line of each top-level field, for problems found later across files.
    var lines: [String: Int] = [:]
    /// Lines of list items that cross-file checks point at (each milestone, each link).
    var itemLines: [String: [Int]] = [:]
    var body: ActionBody?
}

/// The body of an action: the description, then `## Progress` with dated entries.
struct ActionBody: Hashable, Sendable {
    /// Raw text of each part, kept so unchanged parts are written back byte for byte.
    var descriptionRaw: String
    var progressHeading: String
    var entriesRaw: [String]
    var trailing: String
    var description: String
    var entries: [ProgressEntry]
}

enum FileParser {
    /// Parses front matter YAML, reporting a syntax error with the file's line.
    static func yaml(_ document: SourceDocument, path: String) -> (Node?, [Problem]) {
        do {
            return (try Yams.compose(yaml: document.frontMatter), [])
        } catch let error as YamlError {
            return (nil, [.error(path, yamlLine(error), "YAML syntax: \(yamlProblem(error))")])
        } catch {
            return (nil, [.error(path, 1, "YAML syntax: \(error)")])
        }
    }

    static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): mark.line + 1
        default: 1
        }
    }

    static func yamlProblem(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            [context.map { "\($0.text)" } ?? "", problem].filter { !$0.isEmpty }.joined(separator: ": ")
        default: "\(error)"
        }
    }

    /// Splits and parses a file's front matter; a file without any is an error.
    static func open(_ text: String, path: String) -> (SourceDocument?, FieldReader?, [Problem]) {
        let (document, unclosed) = SourceDocument.split(text)
        guard let document else {
            return (nil, nil, [.error(path, unclosed ?? 1, "front matter is not closed: add a line \"---\" after the fields")])
        }
        guard document.hasFrontMatter else {
            return (document, nil, [.error(path, 1, "no front matter: the file must start with a line \"---\"")])
        }
        let (node, problems) = yaml(document, path: path)
        guard problems.isEmpty else { return (document, nil, problems) }
        if let node, node.mapping == nil {
            return (document, nil, [.error(path, 2, "front matter should be fields (\"name: value\"), not a \(node.kindName)")])
        }
        return (document, FieldReader(path: path, node: node ?? Node.mapping(Node.Mapping([]))), [])
    }

    // MARK: Manifest

    struct Manifest: Sendable {
        var title: String
        var format: Int
        var asOf: Day?
        var catalogue: Catalogue
    }

    static let supportedFormat = 1

    static func manifest(_ text: String, path: String = "pathfinder.yaml") -> Parsed<Manifest> {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return Parsed(value: nil, source: nil, problems: [.error(path, yamlLine(error) - 1, "YAML syntax: \(yamlProblem(error))")])
        } catch {
            return Parsed(value: nil, source: nil, problems: [.error(path, 1, "YAML syntax: \(error)")])
        }
        var r = FieldReader(path: path, node: node, lineOffset: 0)
        let title = r.string("title", required: true)
        let formatText = r.string("format", required: true)
        let format = Int(formatText) ?? 0
        if !formatText.isEmpty, Int(formatText) == nil { r.error(r.lineOf(key: "format"), "\"format\" should be a whole number") }
        if format > supportedFormat {
            r.error(r.lineOf(key: "format"), "store format \(format) is newer than this Pathfinder reads (\(supportedFormat)): update Pathfinder")
        }
        let asOf = r.day("as-of")
        func entries(_ key: String) -> [CatalogueEntry] {
            r.records(key) { e in
                let id = e.string("id", required: true)
                let label = e.string("label")
                return id.isEmpty ? nil : CatalogueEntry(id: id, label: label.isEmpty ? id : label,
                                                         detail: e.string("detail"), group: e.string("group"))
            }
        }
        let themes = entries("themes")
        let factors = entries("success-factors")
        var statuses = r.records("statuses") { e -> StatusEntry? in
            let id = e.string("id", required: true)
            let label = e.string("label")
            let closed = e.bool(e.node("closed"), name: "closed", line: e.lineOf(key: "closed")) ?? false
            let symbol = e.string("symbol")
            return id.isEmpty ? nil : StatusEntry(id: id, label: label.isEmpty ? id : label, symbol: symbol.isEmpty ? "•" : symbol, closed: closed)
        }
        if r.node("statuses") == nil { statuses = Catalogue.defaultStatuses }
        var meanings: [RAG: String] = [:]
        if let rag = r.node("rag") {
            if let mapping = rag.mapping {
                for (k, v) in mapping {
                    guard let key = k.string, let value = RAG(rawValue: key) else {
                        r.error(r.lineOf(k), "unknown RAG rating \"\(k.string ?? "?")\" (expected red, amber or green)")
                        continue
                    }
                    meanings[value] = v.string ?? ""
                }
            } else {
                r.error(r.lineOf(key: "rag"), "\"rag\" should give the meaning of red, amber and green")
            }
        }
        let rules = r.record("funding-rules") { f -> FundingRules in
            FundingRules(minimumTermYears: f.number(f.node("minimum-term-years"), name: "minimum-term-years", line: f.lineOf(key: "minimum-term-years")),
                         minimumNoticeMonths: f.number(f.node("minimum-notice-months"), name: "minimum-notice-months", line: f.lineOf(key: "minimum-notice-months")),
                         fullCostRecoveryExpected: f.bool(f.node("full-cost-recovery"), name: "full-cost-recovery", line: f.lineOf(key: "full-cost-recovery")) ?? false)
        } ?? FundingRules(minimumTermYears: nil, minimumNoticeMonths: nil, fullCostRecoveryExpected: false)
        for (name, list) in [("themes", themes.map(\.id)), ("success-factors", factors.map(\.id)), ("statuses", statuses.map(\.id))] {
            var seen = Set<String>()
            for id in list where !seen.insert(id).inserted {
                r.error(r.lineOf(key: name), "\"\(id)\" appears twice in \(name)")
            }
        }
        let catalogue = Catalogue(themes: themes, successFactors: factors, statuses: statuses, ragMeanings: meanings, fundingRules: rules)
        return Parsed(value: Manifest(title: title, format: format, asOf: asOf, catalogue: catalogue), source: nil, problems: r.problems)
    }

    // MARK: Area

    static func area(_ text: String, path: String, id: String) -> Parsed<Area> {
        let (document, reader, problems) = open(text, path: path)
        guard var r = reader else { return Parsed(value: nil, source: document, problems: problems) }
        let name = r.string("name", required: true)
        let code = r.string("code", required: true)
        if !code.isEmpty, !(2...4).contains(code.count) || !code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            r.error(r.lineOf(key: "code"), "area code \"\(code)\" should be two to four capital letters (e.g. PO)")
        }
        let area = Area(id: id, name: name, code: code, authority: r.string("authority"), type: r.string("type"),
                        region: r.string("region"), demography: r.string("demography"),
                        keyFigures: keyFigures(&r), steeringGroup: r.records("steering-group") { m in
                            SteeringMember(name: m.string("name"), role: m.string("role"), body: m.string("body"))
                        },
                        forums: r.records("forums") { f in Forum(name: f.string("name", required: true), description: f.string("description")) },
                        source: r.string("source"), narrative: trimBlankLines(document!.body))
        return Parsed(value: area, source: document, problems: r.problems, lines: r.keyLines)
    }

    static func keyFigures(_ r: inout FieldReader) -> [KeyFigure] {
        r.records("key-figures") { f in
            KeyFigure(label: f.string("label", required: true), value: f.string("value"), source: f.string("source"))
        }
    }

    // MARK: Action

    static func action(_ text: String, path: String, area: String, fileID: String) -> Parsed<Action> {
        let (document, reader, problems) = open(text, path: path)
        guard var r = reader, let document else { return Parsed(value: nil, source: document, problems: problems) }
        let id = r.string("id", required: true)
        if !id.isEmpty, id != fileID {
            r.error(r.lineOf(key: "id"), "id \"\(id)\" does not match the file name \(fileID).md")
        } else if !id.isEmpty, !ActionID.isValid(id) {
            r.error(r.lineOf(key: "id"), "id \"\(id)\" should be the area code, a dash and 2-6 letters or digits (e.g. PO-03)")
        }
        let title = r.string("title", required: true)
        let theme = r.string("theme", required: true)
        let lead = r.string("lead", required: true)
        let statusText = r.string("status", required: true)
        let ragText = r.string("rag", required: true)
        var rag = RAG.green
        if !ragText.isEmpty {
            if let value = RAG(rawValue: ragText.lowercased()) { rag = value } else {
                r.error(r.lineOf(key: "rag"), "unknown RAG rating \"\(ragText)\" (expected red, amber or green)")
            }
        }
        let milestones = r.records("milestones") { m -> Milestone? in
            let title = m.string("title", required: true)
            let due = m.node("due").flatMap { m.day($0, name: "due", line: m.lineOf(key: "due")) }
            let done = m.bool(m.node("done"), name: "done", line: m.lineOf(key: "done")) ?? false
            return Milestone(title: title, due: due, done: done)
        }
        let indicator = r.record("indicator") { i -> Indicator? in
            let name = i.string("name", required: true)
            let baseline = i.number(i.node("baseline"), name: "baseline", line: i.lineOf(key: "baseline"))
            let target = i.number(i.node("target"), name: "target", line: i.lineOf(key: "target"))
            if i.node("baseline") == nil { i.error(i.line, "missing required field \"baseline\" in indicator") }
            if i.node("target") == nil { i.error(i.line, "missing required field \"target\" in indicator") }
            let current = i.number(i.node("current"), name: "current", line: i.lineOf(key: "current"))
            return Indicator(name: name, baseline: baseline ?? 0, target: target ?? 0, current: current, unit: i.string("unit"))
        }
        let funding = r.record("funding") { f -> Funding? in
            Funding(amount: f.number(f.node("amount"), name: "amount", line: f.lineOf(key: "amount")),
                    termYears: f.number(f.node("term-years"), name: "term-years", line: f.lineOf(key: "term-years")),
                    noticeMonths: f.number(f.node("notice-months"), name: "notice-months", line: f.lineOf(key: "notice-months")),
                    fullCostRecovery: f.bool(f.node("full-cost-recovery"), name: "full-cost-recovery", line: f.lineOf(key: "full-cost-recovery")))
        }
        let bodyStart = 1 + document.frontMatter.filter { $0 == "\n" }.count + 2
        let body = actionBody(document.body, path: path, firstLine: bodyStart, problems: &r.problems)
        let action = Action(id: id.isEmpty ? fileID : id, area: area, title: title, theme: theme,
                            successFactors: r.strings("success-factors"), lead: lead, leadBody: r.string("lead-body"),
                            partners: r.strings("partners"), status: statusText, rag: rag, start: r.day("start"),
                            due: r.day("due"), milestones: milestones, indicator: indicator, funding: funding,
                            caseStudies: r.strings("case-studies"), reviewed: r.day("reviewed"), updated: r.day("updated"),
                            updatedBy: r.string("updated-by"), source: r.string("source"),
                            description: body.description, progress: body.entries)
        var itemLines: [String: [Int]] = [:]
        for key in ["milestones", "case-studies", "success-factors"] {
            itemLines[key] = r.node(key)?.sequence.map { $0.map { item in r.lineOf(item) } } ?? []
        }
        return Parsed(value: action, source: document, problems: r.problems, lines: r.keyLines, itemLines: itemLines, body: body)
    }

    /// Splits an action's body into description, progress entries and what follows.
    static func actionBody(_ body: String, path: String, firstLine: Int, problems: inout [Problem]) -> ActionBody {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        // Lines keep no "\n"; rejoin with "\n" (the last element is "" when the body ends in one).
        guard let progressIndex = lines.firstIndex(where: { isHeading($0, level: 2, named: "progress") }) else {
            return ActionBody(descriptionRaw: body, progressHeading: "", entriesRaw: [], trailing: "",
                              description: trimBlankLines(body), entries: [])
        }
        let descriptionRaw = lines[..<progressIndex].map { $0 + "\n" }.joined()
        var end = lines.count
        if let next = lines.indices.dropFirst(progressIndex + 1).first(where: { lines[$0].hasPrefix("## ") }) { end = next }
        var entryStarts = (progressIndex + 1..<end).filter { lines[$0].hasPrefix("### ") }
        // Text between "## Progress" and the first entry belongs to the heading.
        let headingEnd = entryStarts.first ?? end
        let progressHeading = lines[progressIndex..<headingEnd].map { $0 + "\n" }.joined()
        var entriesRaw: [String] = []
        var entries: [ProgressEntry] = []
        entryStarts.append(end)
        for k in 0..<(entryStarts.count - 1) {
            let start = entryStarts[k], stop = entryStarts[k + 1]
            entriesRaw.append(lines[start..<stop].map { $0 + "\n" }.joined())
            let heading = String(lines[start].dropFirst(4))
            let text = trimBlankLines(lines[(start + 1)..<stop].joined(separator: "\n"))
            if let (date, author) = FileParser.progressHeading(heading) {
                entries.append(ProgressEntry(date: date, author: author, text: text))
            } else {
                problems.append(.error(path, firstLine + start,
                                       "progress entry heading \"### \(heading)\" should be \"### YYYY-MM-DD — Author\""))
            }
        }
        var trailing = lines[end...].map { $0 + "\n" }.joined()
        // The split adds a "\n" after the last line that the text may not have had.
        if !body.hasSuffix("\n") {
            if !trailing.isEmpty { trailing.removeLast() } else if !entriesRaw.isEmpty { entriesRaw[entriesRaw.count - 1].removeLast() }
        } else if !trailing.isEmpty {
            trailing.removeLast()
        } else if !entriesRaw.isEmpty {
            entriesRaw[entriesRaw.count - 1].removeLast()
        }
        return ActionBody(descriptionRaw: descriptionRaw, progressHeading: progressHeading, entriesRaw: entriesRaw,
                          trailing: trailing, description: trimBlankLines(descriptionRaw), entries: entries)
    }

    static func isHeading(_ line: String, level: Int, named: String) -> Bool {
        let prefix = String(repeating: "#", count: level) + " "
        return line.hasPrefix(prefix) && line.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces).lowercased() == named
    }

    /// "2006-11-14 — Author" (also "-", "–", ":").
    static func progressHeading(_ text: String) -> (Day, String)? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.count >= 10, let date = Day(iso: t.prefix(10)) else { return nil }
        var rest = Substring(t.dropFirst(10)).drop { $0 == " " }
        guard let separator = rest.first, "—–-:".contains(separator) else { return rest.isEmpty ? (date, "") : nil }
        rest = rest.dropFirst().drop { $0 == " " }
        return (date, String(rest).trimmingCharacters(in: .whitespaces))
    }

    // MARK: Case study

    static func caseStudy(_ text: String, path: String, id: String) -> Parsed<CaseStudy> {
        let (document, reader, problems) = open(text, path: path)
        guard var r = reader, let document else { return Parsed(value: nil, source: document, problems: problems) }
        let study = CaseStudy(id: id, title: r.string("title", required: true), area: r.optionalString("area"),
                              place: r.string("place"), themes: r.strings("themes"), organisations: r.strings("organisations"),
                              keyFigures: keyFigures(&r), source: r.string("source"), text: trimBlankLines(document.body))
        return Parsed(value: study, source: document, problems: r.problems, lines: r.keyLines)
    }

    // MARK: Meeting

    static func meeting(_ text: String, path: String, area: String, fileID: String) -> Parsed<Meeting> {
        let (document, reader, problems) = open(text, path: path)
        guard var r = reader, let document else { return Parsed(value: nil, source: document, problems: problems) }
        let date = r.day("date", required: true)
        let items = r.records("items") { i -> MeetingItem? in
            MeetingItem(action: i.string("action", required: true), notes: i.strings("notes"), decisions: i.strings("decisions"),
                        reviewed: i.bool(i.node("reviewed"), name: "reviewed", line: i.lineOf(key: "reviewed")) ?? false)
        }
        let changes = r.records("changes") { c -> MeetingChange? in
            MeetingChange(action: c.string("action", required: true), field: c.string("field", required: true),
                          old: c.string("old"), new: c.string("new"))
        }
        let meeting = Meeting(id: "\(area)/\(fileID)", area: area, date: date ?? Day(year: 1970, month: 1, day: 1)!,
                              title: r.string("title", required: true), attendees: r.strings("attendees"), items: items,
                              changes: changes, actionsCreated: r.strings("actions-created"),
                              ended: r.bool(r.node("ended"), name: "ended", line: r.lineOf(key: "ended")) ?? false,
                              notes: trimBlankLines(document.body))
        var itemLines: [String: [Int]] = [:]
        itemLines["items"] = r.node("items")?.sequence.map { $0.map { item in r.lineOf(item) } } ?? []
        return Parsed(value: date == nil ? nil : meeting, source: document, problems: r.problems, lines: r.keyLines, itemLines: itemLines)
    }

    /// Text without leading and trailing blank lines (inner blank lines kept).
    static func trimBlankLines(_ text: some StringProtocol) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
