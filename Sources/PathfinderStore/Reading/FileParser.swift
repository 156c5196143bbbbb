#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PathfinderModel

/// What parsing one file gives: the value (if it could be read at all), its source text for
/// minimal rewrites, and the problems found in it. A pure function of path and bytes, so files
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
    /// False when the front matter's fields cannot be told apart line by line (e.g. written as
    /// one `{...}`): the file is read, but the program will not rewrite it.
    var editable = true
}

/// The body of an action: the description, then `## Progress` with dated entries, then any
/// other sections, each part kept as written so unchanged parts are saved byte for byte.
struct ActionBody: Hashable, Sendable {
    /// Slices of the body as written (no copies: only a save needs them).
    var descriptionRaw: Substring
    /// `## Progress` and anything between it and the first entry.
    var progressHeading: Substring
    var entriesRaw: [Substring]
    /// `## ` sections after the progress section, kept as they are.
    var trailing: Substring
    var description: String
    var entries: [ProgressEntry]
}

enum FileParser {
    static let supportedFormat = 1

    /// Decodes, splits and parses a file's front matter. A file without any is an error.
    /// `editing` false skips cutting the front matter into fields (only a save needs that).
    static func open(_ bytes: [UInt8], path: String, editing: Bool = true) -> (SourceDocument?, FieldReader?, [Problem], editable: Bool) {
        if let tooBig = FileLimits.sizeProblem(bytes.count, path: path) ?? FileLimits.longLineProblem(bytes, path: path) {
            return (nil, nil, [tooBig], false)
        }
        guard let (text, crlf, bom) = SourceDocument.decode(bytes) else {
            return (nil, nil, [notUTF8(bytes, path: path)], false)
        }
        // Checked before the fences and the YAML, which the markers would only confuse.
        if let conflict = ConflictMarkers.problem(text, path: path) { return (nil, nil, [conflict], false) }
        let (split, unclosed) = SourceDocument.split(text)
        guard var document = split else {
            return (nil, nil, [.error(path, unclosed ?? 1, "front matter is not closed: add a line \"---\" after the fields")], false)
        }
        document.crlf = crlf
        document.bom = bom
        guard document.hasFrontMatter else {
            return (document, nil, [.error(path, 1, "no front matter: the file must start with a line \"---\"")], false)
        }
        let yaml = document.frontMatter
        let node: YNode?
        do {
            node = try FrontMatterYAML.parse(yaml)
        } catch {
            return (document, nil, [YAMLErrors.problem(error, yaml: yaml, path: path, lineOffset: 1)], false)
        }
        if let node, node.mapping == nil {
            return (document, nil, [.error(path, 2, "front matter should be fields (\"name: value\"), not a \(node.kindName)")], false)
        }
        var reader = FieldReader(path: path, node: node ?? YNode(kind: .mapping([]), line: 1, column: 1))
        let editable = editing ? document.recut(keys: reader.keyMarks) : SourceDocument.canRecut(keys: reader.keyMarks)
        if !editable {
            reader.warning(2, "the fields are not written one a line, so Pathfinder shows this file but will not change it")
        }
        return (document, reader, [], editable)
    }

    /// The problem for bytes that are not UTF-8, on the first line that is not.
    static func notUTF8(_ bytes: [UInt8], path: String) -> Problem {
        var line = 1
        for chunk in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            if String(validating: chunk, as: UTF8.self) == nil { break }
            line += 1
        }
        return .error(path, line, "this line is not UTF-8 text: save the file as UTF-8 in your editor")
    }

    /// A warning for each field that is not one the program reads but is one or two letters from
    /// one that it does (`stauts`, `reveiwed`): kept in the file, but probably a typing slip.
    static func nearMisses(_ r: inout FieldReader, known: [String]) {
        // No known field is longer than 32 bytes, so a longer key cannot be a slip of one; not
        // comparing it keeps a key of a million letters from costing seconds.
        for (key, line, _) in r.keyMarks where (4...64).contains(key.utf8.count) && !known.contains(key) {
            let scored = known.map { ($0, editDistance(key, $0, limit: 2)) }.filter { $0.1 <= 2 }
            if let best = scored.min(by: { $0.1 < $1.1 }) {
                r.warning(line + r.lineOffset, "unknown field \"\(Quote.short(key))\" is kept but not read: did you mean \"\(best.0)\"?")
            }
        }
    }

    /// Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return limit + 1 }
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }

    /// The parse of a file that could not be read as fields at all.
    static func failed<T>(_ document: SourceDocument?, _ problems: [Problem]) -> Parsed<T> {
        Parsed(value: nil, source: document, problems: problems, editable: false)
    }

    // MARK: Manifest

    struct Manifest: Hashable, Sendable {
        var title: String
        var format: Int
        var asOf: Day?
        var catalogue: Catalogue
    }

    static func manifest(_ text: String, path: String = "pathfinder.yaml") -> Parsed<Manifest> {
        manifest(Array(text.utf8), path: path)
    }

    static func manifest(_ bytes: [UInt8], path: String = "pathfinder.yaml") -> Parsed<Manifest> {
        if let tooBig = FileLimits.sizeProblem(bytes.count, path: path) ?? FileLimits.longLineProblem(bytes, path: path) {
            return failed(nil, [tooBig])
        }
        guard let (text, _, _) = SourceDocument.decode(bytes) else { return failed(nil, [notUTF8(bytes, path: path)]) }
        if let conflict = ConflictMarkers.problem(text, path: path) { return failed(nil, [conflict]) }
        let node: YNode?
        do {
            node = try FrontMatterYAML.parse(text)
        } catch {
            return failed(nil, [YAMLErrors.problem(error, yaml: text, path: path, lineOffset: 0)])
        }
        if let node, node.mapping == nil {
            return failed(nil, [.error(path, 1, "the manifest should be fields (\"name: value\"), not a \(node.kindName)")])
        }
        var r = FieldReader(path: path, node: node ?? YNode(kind: .mapping([]), line: 1, column: 1), lineOffset: 0)
        let title = r.string("title", required: true)
        let formatText = r.string("format", required: true)
        let format = Int(formatText) ?? 0
        if !formatText.isEmpty, Int(formatText) == nil { r.error(r.lineOf(key: "format"), "\"format\" should be a whole number") }
        if let value = Int(formatText), value < 1 {
            r.error(r.lineOf(key: "format"), "\"format\" should be 1 or more, not \(value) (this Pathfinder writes format \(supportedFormat))")
        }
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
        let kinds = r.node("organisation-kinds") == nil ? Catalogue.defaultOrganisationKinds : entries("organisation-kinds")
        let sizes = r.node("size-bands") == nil ? Catalogue.defaultSizeBands : entries("size-bands")
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
                for (k, v) in mapping.map({ ($0.key, $0.value) }) {
                    guard let key = k.string, let value = RAG(rawValue: key) else {
                        r.error(r.lineOf(k), "unknown RAG rating \"\(Quote.short(k.string ?? "?"))\" (expected red, amber or green)")
                        continue
                    }
                    if v.scalar == nil { r.error(r.lineOf(v), "the meaning of \(key) should be text, not a \(v.kindName)") }
                    meanings[value] = v.string ?? ""
                }
            } else {
                r.error(r.lineOf(key: "rag"), "\"rag\" should give the meaning of red, amber and green")
            }
        }
        // A rule left out is not checked: an older manifest's three rules stay three.
        let rules = r.record("funding-rules") { f -> FundingRules in
            func flag(_ key: String) -> Bool { f.bool(f.node(key), name: key, line: f.lineOf(key: key)) ?? false }
            return FundingRules(minimumTermYears: f.number(f.node("minimum-term-years"), name: "minimum-term-years", line: f.lineOf(key: "minimum-term-years")),
                                minimumNoticeMonths: f.number(f.node("minimum-notice-months"), name: "minimum-notice-months", line: f.lineOf(key: "minimum-notice-months")),
                                fullCostRecoveryExpected: flag("full-cost-recovery"),
                                monitoringAtMostPerYear: f.number(f.node("monitoring-at-most-per-year"), name: "monitoring-at-most-per-year",
                                                                  line: f.lineOf(key: "monitoring-at-most-per-year")),
                                fairPriceExpected: flag("fair-price"), sharedRiskExpected: flag("shared-risk"))
        } ?? FundingRules.none
        for (key, value) in [("minimum-term-years", rules.minimumTermYears), ("minimum-notice-months", rules.minimumNoticeMonths),
                             ("monitoring-at-most-per-year", rules.monitoringAtMostPerYear)] {
            if let value, value < 0, let rulesNode = r.node("funding-rules") {
                let line = rulesNode[key].map { r.lineOf($0) } ?? r.lineOf(key: "funding-rules")
                r.error(line, "\"\(key)\" should be 0 or more, not \(value.formatted)")
            }
        }
        if let list = r.node("statuses")?.sequence, list.isEmpty {
            r.error(r.lineOf(key: "statuses"), "\"statuses\" should list at least one status (or be left out for the usual five)")
        }
        for key in ["themes", "success-factors", "statuses", "organisation-kinds", "size-bands"] {
            var seen = Set<String>()
            for item in r.node(key)?.sequence ?? [] {
                guard let id = item["id"]?.string, !id.isEmpty else { continue }
                if !seen.insert(id).inserted { r.error(r.lineOf(item), "\"\(Quote.short(id))\" appears twice in \(key)") }
            }
        }
        nearMisses(&r, known: ["title", "format", "as-of", "themes", "success-factors", "statuses", "rag", "funding-rules",
                               "organisation-kinds", "size-bands"])
        let catalogue = Catalogue(themes: themes, successFactors: factors, statuses: statuses, ragMeanings: meanings, fundingRules: rules,
                                  organisationKinds: kinds, sizeBands: sizes)
        return Parsed(value: Manifest(title: title, format: format, asOf: asOf, catalogue: catalogue), source: nil,
                      problems: r.problems, lines: r.keyLines)
    }

    // MARK: Area

    static func area(_ text: String, path: String, id: String) -> Parsed<Area> {
        area(Array(text.utf8), path: path, id: id)
    }

    static func area(_ bytes: [UInt8], path: String, id: String, editing: Bool = true) -> Parsed<Area> {
        let (document, reader, problems, editable) = open(bytes, path: path, editing: editing)
        guard var r = reader, let document else { return failed(document, problems) }
        let name = r.string("name", required: true)
        let code = r.string("code", required: true)
        if !code.isEmpty, !(2...4).contains(code.count) || !code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
            r.error(r.lineOf(key: "code"), "area code \"\(Quote.short(code))\" should be two to four capital letters (e.g. PO)")
        }
        let area = Area(id: id, name: name, code: code, authority: r.string("authority"), type: r.string("type"),
                        region: r.string("region"), demography: r.string("demography"),
                        keyFigures: keyFigures(&r), steeringGroup: r.records("steering-group") { m in
                            SteeringMember(name: m.string("name"), role: m.string("role"), body: m.string("body"))
                        },
                        forums: r.records("forums") { f in Forum(name: f.string("name", required: true), description: f.string("description")) },
                        source: r.string("source"), narrative: trimBlankLines(document.body))
        nearMisses(&r, known: CanonicalFields.areaOrder)
        return Parsed(value: area, source: document, problems: r.problems, lines: r.keyLines, editable: editable)
    }

    static func keyFigures(_ r: inout FieldReader) -> [KeyFigure] {
        r.records("key-figures") { f in
            KeyFigure(label: f.string("label", required: true), value: f.string("value"), source: f.string("source"))
        }
    }

    // MARK: Action

    static func action(_ text: String, path: String, area: String, fileID: String) -> Parsed<Action> {
        action(Array(text.utf8), path: path, area: area, fileID: fileID)
    }

    static func action(_ bytes: [UInt8], path: String, area: String, fileID: String, editing: Bool = true) -> Parsed<Action> {
        let (document, reader, problems, editable) = open(bytes, path: path, editing: editing)
        guard var r = reader, let document else { return failed(document, problems) }
        let id = r.string("id", required: true)
        if !id.isEmpty, id != fileID {
            r.error(r.lineOf(key: "id"), "id \"\(Quote.short(id))\" does not match the file name \(Quote.short(fileID + ".md"))")
        } else if !id.isEmpty, !ActionID.isValid(id) {
            r.error(r.lineOf(key: "id"), "id \"\(Quote.short(id))\" should be the area code, a dash and 2-6 letters or digits (e.g. PO-03)")
        }
        let title = r.string("title", required: true)
        let theme = r.string("theme", required: true)
        let lead = r.string("lead", required: true)
        let statusText = r.string("status", required: true)
        let ragText = r.string("rag", required: true)
        var rag = RAG.green
        if !ragText.isEmpty {
            if let value = RAG(rawValue: ragText.lowercased()) { rag = value } else {
                r.error(r.lineOf(key: "rag"), "unknown RAG rating \"\(Quote.short(ragText))\" (expected red, amber or green)")
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
            let directionText = i.string("direction")
            let direction = IndicatorDirection(rawValue: directionText.lowercased())
            if !directionText.isEmpty, direction == nil {
                i.error(i.lineOf(key: "direction"), "\"direction\" should be higher or lower (which is better), not \"\(Quote.short(directionText))\"")
            }
            var previous: Day?
            let readings = i.records("readings") { m -> IndicatorReading? in
                let date = m.day("date", required: true)
                let value = m.number(m.node("value"), name: "value", line: m.lineOf(key: "value"))
                if m.node("value") == nil { m.error(m.line, "missing required field \"value\" in a reading") }
                guard let date, let value else { return nil }
                if let previous, date < previous {
                    m.warning(m.line, "reading of \(date.iso) comes after one of \(previous.iso): readings go oldest first")
                }
                previous = date
                return IndicatorReading(date: date, value: value, note: m.string("note"), who: m.string("who"))
            }
            return Indicator(name: name, baseline: baseline ?? 0, target: target ?? 0, current: current, unit: i.string("unit"),
                             direction: direction, laaTarget: i.string("laa-target"), readings: readings)
        }
        let funding = r.record("funding") { f -> Funding? in
            Funding(amount: f.number(f.node("amount"), name: "amount", line: f.lineOf(key: "amount")),
                    termYears: f.number(f.node("term-years"), name: "term-years", line: f.lineOf(key: "term-years")),
                    noticeMonths: f.number(f.node("notice-months"), name: "notice-months", line: f.lineOf(key: "notice-months")),
                    fullCostRecovery: f.bool(f.node("full-cost-recovery"), name: "full-cost-recovery", line: f.lineOf(key: "full-cost-recovery")))
        }
        let bodyStart = document.bodyFirstLine
        let body = actionBody(document.body, path: path, firstLine: bodyStart, problems: &r.problems)
        let action = Action(id: id.isEmpty ? fileID : id, area: area, title: title, theme: theme,
                            successFactors: r.strings("success-factors"), lead: lead, leadBody: r.string("lead-body"),
                            partners: r.strings("partners"), status: statusText, rag: rag, start: r.day("start"),
                            due: r.day("due"), milestones: milestones, indicator: indicator, funding: funding,
                            caseStudies: r.strings("case-studies"), dependsOn: r.strings("depends-on"), reviewed: r.day("reviewed"), updated: r.day("updated"),
                            updatedBy: r.string("updated-by"), source: r.string("source"),
                            description: body.description, progress: ProgressLog(body.entries))
        nearMisses(&r, known: CanonicalFields.actionOrder)
        var itemLines: [String: [Int]] = [:]
        for key in ["milestones", "case-studies", "success-factors", "partners", "depends-on"] {
            itemLines[key] = r.node(key)?.sequence.map { $0.map { item in r.lineOf(item) } } ?? []
        }
        return Parsed(value: action, source: document, problems: r.problems, lines: r.keyLines, itemLines: itemLines,
                      body: body, editable: editable)
    }

    /// Splits an action's body into description, progress entries and what follows.
    static func actionBody(_ body: String, path: String, firstLine: Int, problems: inout [Problem]) -> ActionBody {
        let text = Substring(body)
        let lines = Lines.lineRanges(text)   // each includes its "\n"
        func content(_ i: Int) -> Substring {
            let line = text[lines[i]]
            return line.utf8.last == 0x0A ? Substring(line.utf8.dropLast()) : line
        }
        func slice(_ range: Range<Int>) -> Substring {
            range.isEmpty ? text[text.endIndex...] : text[lines[range.lowerBound].lowerBound..<lines[range.upperBound - 1].upperBound]
        }
        guard let progressIndex = lines.indices.first(where: { content($0).utf8.first == UInt8(ascii: "#")
            && isHeading(content($0), level: 2, named: "progress") }) else {
            return ActionBody(descriptionRaw: text, progressHeading: "", entriesRaw: [], trailing: "",
                              description: BodyText.unescapeDescription(trimBlankLines(text)), entries: [])
        }
        let end = lines.indices.dropFirst(progressIndex + 1).first { Bytes.hasPrefix(text[lines[$0]], "## ") } ?? lines.count
        let entryStarts = (progressIndex + 1..<end).filter { Bytes.hasPrefix(text[lines[$0]], "### ") }
        var entriesRaw: [Substring] = []
        var entries: [ProgressEntry] = []
        for (k, start) in entryStarts.enumerated() {
            let stop = k + 1 < entryStarts.count ? entryStarts[k + 1] : end
            entriesRaw.append(slice(start..<stop))
            let heading = String(Substring(content(start).utf8.dropFirst(4)))
            let note = BodyText.unescapeEntry(trimBlankLines(text, lines: lines[(start + 1)..<stop]))
            if let (date, author) = progressHeading(heading) {
                if let previous = entries.last?.date, date < previous {
                    problems.append(.warning(path, firstLine + start,
                                             "progress entry of \(date.iso) comes after one of \(previous.iso): entries go oldest first"))
                }
                entries.append(ProgressEntry(date: date, author: author, text: note))
            } else {
                problems.append(.error(path, firstLine + start,
                                       "progress entry heading \"### \(heading)\" should be \"### YYYY-MM-DD — Author\""))
            }
        }
        let descriptionRaw = slice(0..<progressIndex)
        return ActionBody(descriptionRaw: descriptionRaw, progressHeading: slice(progressIndex..<(entryStarts.first ?? end)),
                          entriesRaw: entriesRaw, trailing: slice(end..<lines.count),
                          description: BodyText.unescapeDescription(trimBlankLines(text, lines: lines[0..<progressIndex])),
                          entries: entries)
    }

    static func isHeading(_ line: Substring, level: Int, named: String) -> Bool {
        let hashes = line.utf8.prefix { $0 == UInt8(ascii: "#") }.count
        guard hashes == level, line.utf8.dropFirst(level).first == UInt8(ascii: " ") else { return false }
        return Substring(line.utf8.dropFirst(level + 1)).trimmed(" \t\r").lowercased() == named
    }

    /// "2006-11-14 — Author" (also "-", "–", ":").
    static func progressHeading(_ text: String) -> (Day, String)? {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        var u = Substring(text).utf8[...]
        while let f = u.first, blank(f) { u = u.dropFirst() }
        while let l = u.last, blank(l) { u = u.dropLast() }
        guard u.count >= 10, let date = Day(iso: Substring(u.prefix(10))) else { return nil }
        var rest = u.dropFirst(10)
        while let f = rest.first, blank(f) { rest = rest.dropFirst() }
        if rest.isEmpty { return (date, "") }
        if rest.starts(with: [0xE2, 0x80, 0x94]) || rest.starts(with: [0xE2, 0x80, 0x93]) {   // — and –
            rest = rest.dropFirst(3)
        } else if rest.first == UInt8(ascii: "-") || rest.first == UInt8(ascii: ":") {
            rest = rest.dropFirst()
        } else {
            return nil
        }
        while let f = rest.first, blank(f) { rest = rest.dropFirst() }
        return (date, String(Substring(rest)))
    }

    // MARK: Case study

    static func caseStudy(_ text: String, path: String, id: String) -> Parsed<CaseStudy> {
        caseStudy(Array(text.utf8), path: path, id: id)
    }

    static func caseStudy(_ bytes: [UInt8], path: String, id: String, editing: Bool = true) -> Parsed<CaseStudy> {
        let (document, reader, problems, editable) = open(bytes, path: path, editing: editing)
        guard var r = reader, let document else { return failed(document, problems) }
        let study = CaseStudy(id: id, title: r.string("title", required: true), area: r.optionalString("area"),
                              place: r.string("place"), themes: r.strings("themes"), organisations: r.strings("organisations"),
                              keyFigures: keyFigures(&r), source: r.string("source"), text: trimBlankLines(document.body))
        nearMisses(&r, known: CanonicalFields.caseStudyOrder)
        var itemLines: [String: [Int]] = [:]
        itemLines["themes"] = r.node("themes")?.sequence.map { $0.map { item in r.lineOf(item) } } ?? []
        return Parsed(value: study, source: document, problems: r.problems, lines: r.keyLines, itemLines: itemLines,
                      editable: editable)
    }

    // MARK: Organisation

    static func organisation(_ text: String, path: String, id: String) -> Parsed<Organisation> {
        organisation(Array(text.utf8), path: path, id: id)
    }

    static func organisation(_ bytes: [UInt8], path: String, id: String, editing: Bool = true) -> Parsed<Organisation> {
        let (document, reader, problems, editable) = open(bytes, path: path, editing: editing)
        guard var r = reader, let document else { return failed(document, problems) }
        let name = r.string("name", required: true)
        let kind = r.string("kind", required: true)
        let accreditations = r.records("accreditations") { a -> Accreditation? in
            let what = a.string("what", required: true)
            let from = a.node("from").flatMap { a.day($0, name: "from", line: a.lineOf(key: "from")) }
            let until = a.node("until").flatMap { a.day($0, name: "until", line: a.lineOf(key: "until")) }
            if let from, let until, until < from {
                a.error(a.lineOf(key: "until"), "accreditation \"\(Quote.short(what))\" ends (\(until.iso)) before it starts (\(from.iso))")
            }
            return Accreditation(what: what, by: a.string("by"), from: from, until: until)
        }
        let contacts = r.records("contacts") { c in
            OrganisationContact(role: c.string("role", required: true), name: c.string("name"), reach: c.string("reach"))
        }
        let organisation = Organisation(id: id, name: name, kind: kind, size: r.string("size"), areas: r.strings("areas"),
                                        themes: r.strings("themes"), services: r.strings("services"),
                                        accreditations: accreditations, contacts: contacts, source: r.string("source"),
                                        notes: trimBlankLines(document.body))
        nearMisses(&r, known: CanonicalFields.organisationOrder)
        var itemLines: [String: [Int]] = [:]
        for key in ["areas", "themes"] {
            itemLines[key] = r.node(key)?.sequence.map { $0.map { item in r.lineOf(item) } } ?? []
        }
        return Parsed(value: organisation, source: document, problems: r.problems, lines: r.keyLines, itemLines: itemLines,
                      editable: editable)
    }

    // MARK: Meeting

    static func meeting(_ text: String, path: String, area: String, fileID: String) -> Parsed<Meeting> {
        meeting(Array(text.utf8), path: path, area: area, fileID: fileID)
    }

    static func meeting(_ bytes: [UInt8], path: String, area: String, fileID: String, editing: Bool = true) -> Parsed<Meeting> {
        let (document, reader, problems, editable) = open(bytes, path: path, editing: editing)
        guard var r = reader, let document else { return failed(document, problems) }
        let date = r.day("date", required: true)
        let items = r.records("items") { i -> MeetingItem? in
            MeetingItem(action: i.string("action", required: true), notes: i.strings("notes"), decisions: i.strings("decisions"),
                        reviewed: i.bool(i.node("reviewed"), name: "reviewed", line: i.lineOf(key: "reviewed")) ?? false,
                        status: Optional(i.string("status")).flatMap { $0.isEmpty ? nil : $0 }, rag: RAG(rawValue: i.string("rag")))
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
        nearMisses(&r, known: CanonicalFields.meetingOrder)
        var itemLines: [String: [Int]] = [:]
        for key in ["items", "changes", "actions-created"] {
            itemLines[key] = r.node(key)?.sequence.map { $0.map { item in r.lineOf(item) } } ?? []
        }
        return Parsed(value: date == nil ? nil : meeting, source: document, problems: r.problems, lines: r.keyLines,
                      itemLines: itemLines, editable: editable)
    }

    /// `trimBlankLines` for some lines of a text whose line ranges are known.
    static func trimBlankLines(_ text: Substring, lines: ArraySlice<Range<String.Index>>) -> String {
        guard let first = lines.firstIndex(where: { !Lines.isBlank(text[$0]) }),
              let last = lines.lastIndex(where: { !Lines.isBlank(text[$0]) }) else { return "" }
        var slice = text[lines[first].lowerBound..<lines[last].upperBound]
        if slice.utf8.last == 0x0A { slice = Substring(slice.utf8.dropLast()) }
        return String(slice)
    }

    /// Text without leading and trailing blank lines (inner blank lines kept) and without the
    /// last line's "\n": one slice of the text, so no line is copied on its own.
    static func trimBlankLines(_ text: some StringProtocol) -> String {
        let s = Substring(text)
        let lines = Lines.lineRanges(s)
        guard let first = lines.firstIndex(where: { !Lines.isBlank(s[$0]) }),
              let last = lines.lastIndex(where: { !Lines.isBlank(s[$0]) }) else { return "" }
        var slice = s[lines[first].lowerBound..<lines[last].upperBound]
        if slice.utf8.last == 0x0A { slice = Substring(slice.utf8.dropLast()) }
        return String(slice)
    }
}

/// Markdown body text that would be misread as the structure of an action's body: a line in a
/// progress note that starts a `## ` section or a `### ` entry, or a description line reading
/// `## Progress`. The program writes such a line with one more leading space (Markdown shows it
/// the same) and reads one space off again, so any text survives a save and a load.
enum BodyText {
    static func escapeEntry(_ text: String) -> String {
        guard Bytes.contains(text, "## ") else { return text }
        return mapLines(text) { isStructure($0, entry: true) ? " " + $0 : String($0) }
    }

    static func unescapeEntry(_ text: String) -> String {
        guard Bytes.contains(text, " #") else { return text }
        return mapLines(text) { $0.hasPrefix(" ") && isStructure($0, entry: true) ? String($0.dropFirst()) : String($0) }
    }

    static func escapeDescription(_ text: String) -> String {
        guard Bytes.contains(text, "#") else { return text }
        return mapLines(text) { isStructure($0, entry: false) ? " " + $0 : String($0) }
    }

    static func unescapeDescription(_ text: String) -> String {
        guard Bytes.contains(text, " #") else { return text }
        return mapLines(text) { $0.hasPrefix(" ") && isStructure($0, entry: false) ? String($0.dropFirst()) : String($0) }
    }

    /// After any leading spaces: a `## `/`### ` heading (in a note) or `## Progress` (in a description).
    private static func isStructure(_ line: Substring, entry: Bool) -> Bool {
        let rest = line.drop { $0 == " " }
        return entry ? rest.hasPrefix("## ") || rest.hasPrefix("### ") : FileParser.isHeading(rest, level: 2, named: "progress")
    }

    private static func mapLines(_ text: String, _ transform: (Substring) -> String) -> String {
        Lines.splitDroppingNewlines(text).map(transform).joined(separator: "\n")
    }
}

/// Substring tests on UTF-8 bytes (Foundation's `contains` goes through a locale-aware search).
enum Bytes {
    static func hasPrefix(_ text: Substring, _ prefix: StaticString) -> Bool {
        let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        return text.utf8.starts(with: p)
    }

    static func contains(_ text: some StringProtocol, _ needle: StaticString) -> Bool {
        let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = n.first else { return true }
        func search(_ hay: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = hay.baseAddress, hay.count >= n.count else { return false }
            var i = 0
            let last = hay.count - n.count
            while i <= last {
                guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return false }
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                var k = 1
                while k < n.count, hay[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
                i += 1
            }
            return false
        }
        if let found = text.utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(text.utf8).withUnsafeBufferPointer(search)
    }
}

private extension Double {
    /// 3 rather than 3.0, as people write it.
    var formatted: String { rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
