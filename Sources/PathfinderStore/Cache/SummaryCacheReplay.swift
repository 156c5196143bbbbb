import Foundation
import PathfinderModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the summary cache replays of a full load, from each file's facts (kept apart from the
/// cache's reading and writing in SummaryCache.swift).
extension Refresh {
    // MARK: The summary, as `load()` computes it

    /// Replays what `PlainFileStore.load()` does with each file's facts: which files load,
    /// which areas and actions count, and every error, including those found across files.
    func summary(manifest: Parsed<FileParser.Manifest>) -> StoreSummary {
        let catalogue = manifest.value?.catalogue
        let strings = table.strings
        var errors = manifest.problems.filter { $0.severity == .error } + readErrors
        func path(_ j: Int, _ i: Int) -> String { jobs[j].relative + "/" + jobs[j].names[i] }
        func fileErrors(_ j: Int, _ i: Int, _ entry: FileEntry) {
            for e in entry.errors { errors.append(.error(path(j, i), Int(e.line), strings[Int(e.text)])) }
        }
        /// Every readable file of a kind, in load order.
        func each(_ kind: StoreFile.Kind, _ body: (Int, Int, FileEntry) -> Void) {
            for (j, job) in jobs.enumerated() where job.kind == kind {
                for (i, entry) in entries[j].enumerated() { if let entry { body(j, i, entry) } }
            }
        }

        var areaCodes: [String: String] = [:]
        var areaIDs = Set<String>()
        var codes: [String: String] = [:]
        each(.area) { j, i, entry in
            fileErrors(j, i, entry)
            guard case let .area(_, _, code, codeLine) = entry.facts else { return }
            let area = jobs[j].area, text = strings[Int(code)]
            guard !entry.broken else { return }
            if areaCodes[area] == nil { areaCodes[area] = text }
            guard !text.isEmpty else { return }
            if let other = codes[text] {
                errors.append(.error(path(j, i), Int(codeLine), "area code \(Quote.short(text)) is also used by \(other)"))
            } else {
                codes[text] = area
            }
        }
        // Links are checked against every file that is there, loaded or not (as `load()` does).
        var studyIDs = Set<String>()
        var actionFiles = Set<String>()
        for job in jobs {
            switch job.kind {
            case .area: areaIDs.insert(job.area)
            case .caseStudy: studyIDs.formUnion(job.names.map { String($0.dropLast(3)) })
            case .action: actionFiles.formUnion(job.names.map { String($0.dropLast(3)) })
            case .meeting, .organisation, .fundingAgreement: break
            }
        }
        // Thousands of organisations name the same few kinds, sizes, themes and areas: each
        // string is judged once, and only an organisation with an unknown one is validated in full
        // (which words its errors). 14,000 organisations cost a fifth of a warm summary before.
        var judged: [[Int32: Bool]] = Array(repeating: [:], count: 4)
        func known(_ ref: LineRef, _ category: Int, _ test: (String) -> Bool) -> Bool {
            if let known = judged[category][ref.text] { return known }
            let known = test(strings[Int(ref.text)])
            judged[category][ref.text] = known
            return known
        }
        each(.organisation) { j, i, entry in
            fileErrors(j, i, entry)
            guard case let .organisation(kind, size, areas, themes) = entry.facts else { return }
            if let catalogue,
               known(kind, 0, { $0.isEmpty || catalogue.organisationKind($0) != nil }),
               known(size, 1, { $0.isEmpty || catalogue.sizeBand($0) != nil }),
               themes.allSatisfy({ known($0, 2, { catalogue.theme($0) != nil }) }),
               areas.allSatisfy({ known($0, 3, { areaIDs.contains($0) }) }) {
                return
            }
            func texts(_ refs: [LineRef]) -> [String] { refs.map { strings[Int($0.text)] } }
            let organisation = Organisation(id: String(jobs[j].names[i].dropLast(3)), name: "", kind: strings[Int(kind.text)],
                                            size: strings[Int(size.text)], areas: texts(areas), themes: texts(themes))
            errors += Validator.organisation(organisation, path: path(j, i), lines: ["kind": Int(kind.line), "size": Int(size.line)],
                                             items: ["areas": areas.map { Int($0.line) }, "themes": themes.map { Int($0.line) }],
                                             catalogue: catalogue, areas: areaIDs)
                .filter { $0.severity == .error }
        }
        // An agreement's links are only ever warnings: its own errors are all the summary needs.
        each(.fundingAgreement) { j, i, entry in fileErrors(j, i, entry) }
        each(.caseStudy) { j, i, entry in
            fileErrors(j, i, entry)
            guard case let .caseStudy(area, areaLine, themes) = entry.facts else { return }
            let study = CaseStudy(id: String(jobs[j].names[i].dropLast(3)), title: "",
                                  area: area == SummaryCache.noString ? nil : strings[Int(area)], themes: themes.map { strings[Int($0.text)] })
            errors += Validator.caseStudy(study, path: path(j, i), lines: ["area": Int(areaLine)],
                                          items: ["themes": themes.map { Int($0.line) }], catalogue: catalogue, areas: areaIDs)
                .filter { $0.severity == .error }
        }

        // Actions: their own errors, the catalogue and links, duplicate ids; then what counts.
        // One hash per action (its id); everything else is looked up once per folder.
        var check = CatalogueCheck(strings: strings, catalogue: catalogue)
        var firstFile: [String: Int] = [:]   // id -> j << 32 | i
        firstFile.reserveCapacity(entries.reduce(0) { $0 + $1.count })
        var counted: [String: [StoreSummary.Counted]] = [:]
        var kept: [StoreSummary.ActionFile] = []
        let closedIn = catalogue ?? Catalogue()
        var closed = [Int8](repeating: -1, count: strings.count)
        for (j, job) in jobs.enumerated() where job.kind == .action {
            let area = job.area, areaCode = areaCodes[area]
            var list: [StoreSummary.Counted] = []
            list.reserveCapacity(entries[j].count)
            for (i, entry) in entries[j].enumerated() {
                guard let entry else { continue }
                fileErrors(j, i, entry)
                guard case let .action(a) = entry.facts else { continue }
                let id = a.id == SummaryCache.noString ? String(job.names[i].dropLast(3)) : strings[Int(a.id)]
                if check.mayFail(a, id: id, areaCode: areaCode, caseStudies: studyIDs) {
                    errors += Validator.action(a.action(id: id, area: area, strings: strings), path: path(j, i), lines: a.lines,
                                               items: a.items, catalogue: catalogue, areaCode: areaCode, caseStudies: studyIDs)
                        .filter { $0.severity == .error }
                }
                guard !entry.broken else { continue }   // left out, so it claims no id (as in `load()`)
                if let other = firstFile.updateValue(j << 32 | i, forKey: id) {
                    firstFile[id] = other   // the first file keeps the id
                    errors.append(.error(path(j, i), Int(a.idLine), "duplicate id \(Quote.short(id)): also used by \(path(other >> 32, other & 0xFFFF_FFFF))"))
                    continue
                }
                kept.append(StoreSummary.ActionFile(job: j, file: i, id: id, area: area))
                let s = Int(a.status)
                if closed[s] < 0 { closed[s] = closedIn.isClosed(status: strings[s]) ? 1 : 0 }
                list.append(StoreSummary.Counted(closed: closed[s] == 1, rag: RAG.all[Int(a.rag)], due: Day(packed: a.due)))
            }
            if !list.isEmpty { counted[area, default: []] += list }
        }
        var actionIDs: Set<String>?
        each(.meeting) { j, i, entry in
            fileErrors(j, i, entry)
            guard case let .meeting(items, changes, created) = entry.facts else { return }
            func ids(_ refs: [LineRef]) -> [String] { refs.map { strings[Int($0.text)] } }
            let meeting = Meeting(id: "\(jobs[j].area)/\(jobs[j].names[i].dropLast(3))", area: jobs[j].area,
                                  date: Day(year: 1970, month: 1, day: 1)!, title: "", items: ids(items).map { MeetingItem(action: $0) },
                                  changes: ids(changes).map { MeetingChange(action: $0, field: "", old: "", new: "") },
                                  actionsCreated: ids(created))
            errors += Validator.meeting(meeting, path: path(j, i), lines: [:],
                                        items: ["items": items.map { Int($0.line) }, "changes": changes.map { Int($0.line) },
                                                "actions-created": created.map { Int($0.line) }],
                                        actions: actionIDs ?? { actionIDs = Set(firstFile.keys).union(actionFiles); return actionIDs! }())
                .filter { $0.severity == .error }
        }

        var loadedAreas: [StoreSummary.AreaActions] = []
        each(.area) { j, _, entry in
            guard !entry.broken, case let .area(name, type, _, _) = entry.facts else { return }
            let area = jobs[j].area
            loadedAreas.append(StoreSummary.AreaActions(id: area, name: strings[Int(name)], type: strings[Int(type)],
                                                        actions: counted[area] ?? []))
        }
        loadedAreas.sort { ($0.name, $0.id) < ($1.name, $1.id) }
        // The actions that load, in the order of `Partnership.actions` (as `load()` orders them).
        let areaOrder = Dictionary(loadedAreas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let actionOrder: (StoreSummary.ActionFile, StoreSummary.ActionFile) -> Bool = {
            (areaOrder[$0.area] ?? .max, $0.area, $0.id) < (areaOrder[$1.area] ?? .max, $1.area, $1.id)
        }
        if zip(kept, kept.dropFirst()).contains(where: { actionOrder($1, $0) }) { kept.sort(by: actionOrder) }
        return StoreSummary(title: manifest.value?.title ?? "Pathfinder store", asOf: manifest.value?.asOf, errors: errors.sorted(),
                            filesRead: filesRead, filesParsed: filesParsed, filesFromCache: filesFromCache, areas: loadedAreas,
                            actionFiles: kept)
    }
}

/// Catalogue and link checks answered once per distinct string, so 50,000 actions sharing a
/// handful of statuses and themes cost a few array reads each. It only says whether
/// `Validator.action` could find an error; the validator itself words it.
private struct CatalogueCheck {
    let strings: [String]
    let catalogue: Catalogue?
    private var status: [Int8]
    private var theme: [Int8]
    private var factor: [Int8]

    init(strings: [String], catalogue: Catalogue?) {
        self.strings = strings
        self.catalogue = catalogue
        status = [Int8](repeating: -1, count: strings.count)
        theme = status
        factor = status
    }

    mutating func mayFail(_ a: ActionFacts, id: String, areaCode: String?, caseStudies: Set<String>) -> Bool {
        if let start = Day(packed: a.start), let due = Day(packed: a.due), due < start { return true }
        for link in a.caseStudies where !caseStudies.contains(strings[Int(link.text)]) { return true }
        if let code = areaCode, !code.isEmpty {
            // The common case proven cheaply: the id is the code, a dash, and more.
            let fine = !code.utf8.contains(UInt8(ascii: "-")) && id.utf8.starts(with: code.utf8)
                && id.utf8.dropFirst(code.utf8.count).first == UInt8(ascii: "-")
            if !fine { return true }
        }
        guard let catalogue else { return false }
        if Self.unknown(&status, a.status, strings, { !$0.isEmpty && catalogue.status($0) == nil }) { return true }
        if Self.unknown(&theme, a.theme, strings, { !$0.isEmpty && catalogue.theme($0) == nil }) { return true }
        for f in a.successFactors where Self.unknown(&factor, f.text, strings, { catalogue.successFactor($0) == nil }) { return true }
        return false
    }

    private static func unknown(_ memo: inout [Int8], _ index: Int32, _ strings: [String], _ test: (String) -> Bool) -> Bool {
        let i = Int(index)
        if memo[i] < 0 { memo[i] = test(strings[i]) ? 1 : 0 }
        return memo[i] == 1
    }
}

/// Strings by index, with a lookup built only when new strings are added.
struct StringTable {
    var strings: [String]
    private var lookup: [String: Int32]?

    init(_ strings: [String]) {
        self.strings = strings
    }

    subscript(_ index: Int32) -> String { strings[Int(index)] }

    mutating func intern(_ text: String) -> Int32 {
        if lookup == nil {
            var map: [String: Int32] = [:]
            map.reserveCapacity(strings.count + 64)
            for (i, s) in strings.enumerated() where map[s] == nil { map[s] = Int32(i) }
            lookup = map
        }
        if let found = lookup![text] { return found }
        strings.append(text)
        lookup![text] = Int32(strings.count - 1)
        return Int32(strings.count - 1)
    }
}

extension ActionFacts {
    /// An action with just the fields `Validator.action` looks at for errors.
    func action(id: String, area: String, strings: [String]) -> Action {
        Action(id: id, area: area, title: "", theme: strings[Int(theme)], successFactors: successFactors.map { strings[Int($0.text)] },
               status: strings[Int(status)], start: Day(packed: start), due: Day(packed: due),
               caseStudies: caseStudies.map { strings[Int($0.text)] })
    }

    var lines: [String: Int] {
        ["id": Int(idLine), "status": Int(statusLine), "theme": Int(themeLine), "due": Int(dueLine)]
    }

    var items: [String: [Int]] {
        ["success-factors": successFactors.map { Int($0.line) }, "case-studies": caseStudies.map { Int($0.line) }]
    }
}

extension FileEntry {
    /// What a parsed file gives the summary, with its strings interned.
    init(_ parsed: ParsedFile, name: String, id: String, stamp: FileStamp, hash: UInt64, trusted: Bool, table: inout StringTable) {
        var errors: [LineRef] = []
        func own(_ problems: [Problem]) {
            for p in problems where p.severity == .error { errors.append(LineRef(text: table.intern(p.message), line: Int32(p.line))) }
        }
        func broken<T>(_ p: Parsed<T>) -> Bool { p.value == nil || p.problems.contains { $0.severity == .error } }
        func refs(_ texts: [String], _ p: some ParsedLines, key: String) -> [LineRef] {
            texts.enumerated().map { i, text in
                LineRef(text: table.intern(text), line: Int32(p.itemLines[key]?[safe: i] ?? p.lines[key] ?? 1))
            }
        }
        var facts = FileFacts.none
        let isBroken: Bool
        switch parsed.result {
        case let .area(p):
            own(p.problems)
            isBroken = broken(p)
            if let v = p.value {
                facts = .area(name: table.intern(v.name), type: table.intern(v.type), code: table.intern(v.code),
                              codeLine: Int32(p.lines["code"] ?? 1))
            }
        case let .action(p):
            own(p.problems)
            isBroken = broken(p)
            if let v = p.value {
                facts = .action(ActionFacts(
                    id: v.id == id ? SummaryCache.noString : table.intern(v.id), idLine: Int32(p.lines["id"] ?? 1),
                    status: table.intern(v.status), statusLine: Int32(p.lines["status"] ?? 1),
                    theme: table.intern(v.theme), themeLine: Int32(p.lines["theme"] ?? 1), rag: v.rag.index,
                    start: v.start?.packed ?? 0, due: v.due?.packed ?? 0, dueLine: Int32(p.lines["due"] ?? 1),
                    successFactors: refs(v.successFactors, p, key: "success-factors"),
                    caseStudies: refs(v.caseStudies, p, key: "case-studies")))
            }
        case let .caseStudy(p):
            own(p.problems)
            isBroken = broken(p)
            if let v = p.value {
                facts = .caseStudy(area: v.area.map { table.intern($0) } ?? SummaryCache.noString, areaLine: Int32(p.lines["area"] ?? 1),
                                   themes: refs(v.themes, p, key: "themes"))
            }
        case let .organisation(p):
            own(p.problems)
            isBroken = broken(p)
            if let v = p.value {
                func ref(_ text: String, _ key: String) -> LineRef { LineRef(text: table.intern(text), line: Int32(p.lines[key] ?? 1)) }
                facts = .organisation(kind: ref(v.kind, "kind"), size: ref(v.size, "size"), areas: refs(v.areas, p, key: "areas"),
                                      themes: refs(v.themes, p, key: "themes"))
            }
        case let .meeting(p):
            own(p.problems)
            isBroken = broken(p)
            if let v = p.value {
                facts = .meeting(items: refs(v.items.map(\.action), p, key: "items"),
                                 changes: refs(v.changes.map(\.action), p, key: "changes"),
                                 created: refs(v.actionsCreated, p, key: "actions-created"))
            }
        case let .fundingAgreement(p):
            own(p.problems)
            isBroken = broken(p)
        case .unreadable:
            own(parsed.problems)
            isBroken = true
        }
        self.init(name: name, stamp: stamp, hash: hash, trusted: trusted, errors: errors, broken: isBroken, facts: facts)
    }
}

extension FileEntry {
    /// The entry with its string indexes mapped through `map` (a file's own table to the cache's).
    func remapped(_ map: [Int32]) -> FileEntry {
        func r(_ i: Int32) -> Int32 { i < 0 ? i : map[Int(i)] }
        func refs(_ list: [LineRef]) -> [LineRef] { list.map { LineRef(text: r($0.text), line: $0.line) } }
        var entry = self
        entry.errors = refs(errors)
        switch facts {
        case .none:
            break
        case let .area(name, type, code, codeLine):
            entry.facts = .area(name: r(name), type: r(type), code: r(code), codeLine: codeLine)
        case var .action(a):
            a.id = r(a.id)
            a.status = r(a.status)
            a.theme = r(a.theme)
            a.successFactors = refs(a.successFactors)
            a.caseStudies = refs(a.caseStudies)
            entry.facts = .action(a)
        case let .caseStudy(area, areaLine, themes):
            entry.facts = .caseStudy(area: r(area), areaLine: areaLine, themes: refs(themes))
        case let .meeting(items, changes, created):
            entry.facts = .meeting(items: refs(items), changes: refs(changes), created: refs(created))
        case let .organisation(kind, size, areas, themes):
            entry.facts = .organisation(kind: refs([kind])[0], size: refs([size])[0], areas: refs(areas), themes: refs(themes))
        }
        return entry
    }
}

/// The line tables of a parse, whatever its kind.
protocol ParsedLines {
    var lines: [String: Int] { get }
    var itemLines: [String: [Int]] { get }
}

extension Parsed: ParsedLines {}

extension Day {
    /// yyyymmdd in one integer (0 for none), ordered as days are.
    var packed: Int32 { Int32(year * 10000 + month * 100 + day) }

    init?(packed: Int32) {
        guard packed > 0 else { return nil }
        self.init(year: Int(packed / 10000), month: Int(packed / 100 % 100), day: Int(packed % 100))
    }
}

extension RAG {
    static let all: [RAG] = [.red, .amber, .green]
    var index: UInt8 { UInt8(RAG.all.firstIndex(of: self)!) }
}
