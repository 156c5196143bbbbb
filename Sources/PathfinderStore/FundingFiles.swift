import Foundation
import PathfinderModel

// Funding agreements, `funding/<id>.md` (docs/store-format.md, "A funding agreement"): read,
// checked, written and created as the other records are, kept in one file so the load and the
// save of the other kinds change only where they call in here.

extension FileParser {
    static func fundingAgreement(_ text: String, path: String, id: String) -> Parsed<FundingAgreement> {
        fundingAgreement(Array(text.utf8), path: path, id: id)
    }

    static func fundingAgreement(_ bytes: [UInt8], path: String, id: String, editing: Bool = true) -> Parsed<FundingAgreement> {
        let (document, reader, problems, editable) = open(bytes, path: path, editing: editing)
        guard var r = reader, let document else { return failed(document, problems) }
        func number(_ key: String) -> Double? {
            let value = r.number(r.node(key), name: key, line: r.lineOf(key: key))
            if let value, value < 0 { r.error(r.lineOf(key: key), "\"\(key)\" should be 0 or more, not \(Number.format(value))") }
            return value
        }
        func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type, also: [String: T] = [:]) -> T? where T.RawValue == String {
            let text = r.string(key)
            guard !text.isEmpty else { return nil }
            if let value = T(rawValue: text.lowercased()) ?? also[text.lowercased()] { return value }
            r.error(r.lineOf(key: key), "\"\(key)\" should be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(Quote.short(text))\"")
            return nil
        }
        let agreement = FundingAgreement(
            id: id, title: r.string("title", required: true), funder: r.string("funder"), organisation: r.string("organisation"),
            area: r.optionalString("area"),
            mechanism: choice("mechanism", FundingMechanism.self, also: ["sla": .serviceLevelAgreement, "service level agreement": .serviceLevelAgreement]),
            amount: number("amount"), start: r.day("start"), termYears: number("term-years"), termReason: r.string("term-reason"),
            noticeMonths: number("notice-months"),
            fullCostRecovery: choice("full-cost-recovery", CostRecovery.self, also: ["true": .yes, "false": .no]),
            costRecoveryReason: r.string("cost-recovery-reason"), monitoring: r.string("monitoring"),
            monitoringFrequency: choice("monitoring-frequency", MonitoringFrequency.self),
            riskSharing: r.string("risk-sharing"), fairPrice: r.string("fair-price"), actions: r.strings("actions"),
            source: r.string("source"), notes: trimBlankLines(document.body))
        nearMisses(&r, known: CanonicalFields.fundingAgreementOrder)
        var itemLines: [String: [Int]] = [:]
        itemLines["actions"] = r.node("actions")?.sequence.map { $0.map { item in r.lineOf(item) } } ?? []
        return Parsed(value: agreement, source: document, problems: r.problems, lines: r.keyLines, itemLines: itemLines,
                      editable: editable)
    }
}

extension CanonicalFields {
    static let fundingAgreementOrder = ["title", "funder", "organisation", "area", "mechanism", "amount", "start", "term-years",
                                        "term-reason", "notice-months", "full-cost-recovery", "cost-recovery-reason", "monitoring",
                                        "monitoring-frequency", "risk-sharing", "fair-price", "actions", "source"]

    static func fundingAgreement(_ a: FundingAgreement) -> Fields {
        var out: Fields = []
        func text(_ key: String, _ value: String, required: Bool = false) {
            if required || !value.isEmpty { out.append((key, CanonicalYAML.field(key, CanonicalYAML.scalar(value)))) }
        }
        func number(_ key: String, _ value: Double?) {
            if let value { out.append((key, CanonicalYAML.field(key, CanonicalYAML.number(value)))) }
        }
        text("title", a.title, required: true)
        text("funder", a.funder)
        text("organisation", a.organisation)
        text("area", a.area ?? "")
        text("mechanism", a.mechanism?.rawValue ?? "")
        number("amount", a.amount)
        if let start = a.start { out.append(("start", CanonicalYAML.field("start", start.iso))) }
        number("term-years", a.termYears)
        text("term-reason", a.termReason)
        number("notice-months", a.noticeMonths)
        text("full-cost-recovery", a.fullCostRecovery?.rawValue ?? "")
        text("cost-recovery-reason", a.costRecoveryReason)
        text("monitoring", a.monitoring)
        text("monitoring-frequency", a.monitoringFrequency?.rawValue ?? "")
        text("risk-sharing", a.riskSharing)
        text("fair-price", a.fairPrice)
        if !a.actions.isEmpty { out.append(("actions", CanonicalYAML.flowList("actions", a.actions))) }
        text("source", a.source)
        return out
    }
}

extension Validator {
    /// Links to actions and areas, and every funding principle the manifest sets, each on the
    /// line of the field it is about (the first line of the file for a field not written).
    /// `actions` nil skips the link check (one area's read has not read every action), and
    /// `organisations` nil the check of the organisation funded and the funder against
    /// organisations/ (a save, which has not read them).
    static func fundingAgreement(_ a: FundingAgreement, path: String, lines: [String: Int], items: [String: [Int]],
                                 catalogue: Catalogue?, areas: Set<String>, actions: Set<String>?,
                                 organisations: OrganisationNames? = nil) -> [Problem] {
        var problems: [Problem] = []
        func line(_ key: String) -> Int { lines[key] ?? 1 }
        // Links to other files are warnings: an agreement outlives an action deleted or moved,
        // and a damaged area.md must not make every agreement naming it unreadable.
        if let area = a.area, !areas.contains(area) {
            problems.append(.warning(path, line("area"), "unknown area \"\(Quote.short(area))\" (an area's folder name under areas/)"))
        }
        if let actions {
            for (i, id) in a.actions.enumerated() where !actions.contains(id) {
                problems.append(.warning(path, items["actions"]?[safe: i] ?? line("actions"),
                                         "links to action \"\(Quote.short(id))\", which is not in the store (deleted, or moved to a new id?)"))
            }
        }
        if let organisations, !organisations.isEmpty {
            problems += organisationLinks(a, path: path, line: line, names: organisations)
        }
        if let start = a.start, a.termYears == 0 {
            problems.append(.warning(path, line("term-years"), "a term of 0 years from \(start.iso) ends before it starts"))
        }
        if let catalogue {
            let keys: [CompactPrinciple: String] = [.term: "term-years", .notice: "notice-months", .fullCostRecovery: "full-cost-recovery",
                                                    .monitoring: "monitoring-frequency", .fairPrice: "fair-price", .riskSharing: "risk-sharing"]
            // Each shortfall on its field's line; what is not stated, in one line at the title.
            let check = catalogue.fundingRules.check(a.terms)
            for concern in check.fallingShort {
                let key = keys[concern.principle] ?? "title"
                let at = lines[key] ?? (concern.principle == .monitoring ? lines["monitoring"] : nil) ?? line("title")
                problems.append(.warning(path, at, "funding: \(concern.message)"))
            }
            if !check.notStated.isEmpty {
                problems.append(.warning(path, line("title"), "funding: not stated: "
                    + check.notStated.map { $0.principle.label.lowercased() }.joined(separator: ", ") + " (a term not stated never meets the principles)"))
            }
        }
        problems += FieldTextCheck.fundingAgreement(a, path: path, lines: lines)
        return problems
    }
}

extension Validator {
    /// The organisation funded and the funder against organisations/, as an action's lead body
    /// and partners are: a value shaped like an id that no file has is reported on its line,
    /// and the organisation funded written as an organisation's name gets its id to write.
    /// Free text stays valid (a group of organisations, a fund), so these are warnings. A
    /// funder's name is not asked to become an id: reports print the funder as written.
    static func organisationLinks(_ a: FundingAgreement, path: String, line: (String) -> Int, names: OrganisationNames) -> [Problem] {
        var problems: [Problem] = []
        for (key, value) in [("organisation", a.organisation), ("funder", a.funder)] where !value.isEmpty && !names.isID(value) {
            if key == "organisation", let id = names.id(forName: value) {
                problems.append(.warning(path, line(key), "organisation \"\(Quote.short(value))\" is the organisation \(id): write \"organisation: \(id)\" to link them"))
            } else if Self.looksLikeID(value) {
                problems.append(.warning(path, line(key), "\(key) \"\(Quote.short(value))\" is no organisation's id (there is no organisations/\(Quote.short(value)).md): write the id of one in organisations/, or a name"))
            }
        }
        return problems
    }

    /// Lowercase letters and digits joined by dashes, as ids are made: "the-salvation-army".
    /// Free text has a capital or a space ("Portsmouth City Council").
    static func looksLikeID(_ value: String) -> Bool {
        !value.isEmpty && value.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
            && value.utf8.first != 0x2D
    }
}

extension FieldTextCheck {
    /// The line rules of an agreement's text fields: one line each, at most 1,000 characters
    /// (the notes body: 20,000).
    static func fundingAgreement(_ a: FundingAgreement, path: String, lines: [String: Int]) -> [Problem] {
        var problems: [Problem] = []
        let fields: [(String, String)] = [("title", a.title), ("funder", a.funder), ("organisation", a.organisation),
                                          ("term-reason", a.termReason), ("cost-recovery-reason", a.costRecoveryReason),
                                          ("monitoring", a.monitoring), ("risk-sharing", a.riskSharing), ("fair-price", a.fairPrice),
                                          ("source", a.source)]
        for (key, value) in fields {
            if let problem = FundingAgreementField.rule(key).problem(value) {
                problems.append(.warning(path, lines[key] ?? 1, "\(key) \(problem): fix it here before changing it on the screens"))
            }
        }
        if let problem = FundingAgreementField.notes.rule.problem(a.notes) {
            problems.append(.warning(path, 1, "notes \(problem)"))
        }
        return problems
    }
}

extension PlainFileStore {
    public static let fundingFolder = "funding"

    public static func fundingAgreementPath(_ agreement: FundingAgreement) -> String { "\(fundingFolder)/\(agreement.id).md" }

    static func bytes(_ agreement: FundingAgreement, over current: [UInt8]?, path: String) -> [UInt8] {
        plainBytes(agreement, over: current, parse: { FileParser.fundingAgreement($0, path: path, id: agreement.id) },
                   fields: CanonicalFields.fundingAgreement, order: CanonicalFields.fundingAgreementOrder, body: \.notes)
    }

    public func render(_ agreement: FundingAgreement) -> String {
        let path = Self.fundingAgreementPath(agreement)
        let current = hashes[path] != nil ? ((try? AtomicFile.readIfPresent(rootPath + "/" + path)) ?? nil) : nil
        return String(decoding: Self.bytes(agreement, over: current, path: path), as: UTF8.self)
    }

    /// Every `funding/*.md`, noting links as the other folders do.
    static func fundingFiles(_ root: String, links: inout StoreLinks) -> [StoreFile] {
        let fd = open(root + "/" + fundingFolder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var info = stat()
        if lstat(root + "/" + fundingFolder, &info) == 0, info.st_mode & S_IFMT == S_IFLNK { links.note(fundingFolder, root: root) }
        return StoreDisk.names(in: fd).filter { !$0.name.hasPrefix(".") && $0.name.hasSuffix(".md") }.sorted { $0.name < $1.name }.map { entry in
            if entry.isLink { links.note("\(fundingFolder)/\(entry.name)", root: root) }
            return StoreFile(path: "\(fundingFolder)/\(entry.name)", kind: .fundingAgreement, folder: "", id: String(entry.name.dropLast(3)))
        }
    }

    /// Reads and checks the agreements of `files` (after the actions: links are checked
    /// against `actions`, nil to skip). Returns the agreements that loaded, by title, and their
    /// problems; notes each clean file's hash so it can be saved.
    func loadFundingAgreements(_ files: [StoreFile], catalogue: Catalogue?, areas: Set<String>, actions: Set<String>?,
                               organisations: OrganisationNames? = nil) -> (agreements: [FundingAgreement], problems: [Problem], broken: Set<String>) {
        let root = rootPath
        let prefix = Self.fundingFolder + "/"
        hashes = hashes.filter { !$0.key.hasPrefix(prefix) }
        readOnly = readOnly.filter { !$0.hasPrefix(prefix) }
        var agreements: [FundingAgreement] = []
        agreements.reserveCapacity(files.count)
        var problems: [Problem] = []
        var broken: Set<String> = []
        // Each agreement is checked on the core that parsed it (5,250 of them, one after
        // another, were most of the single-core part of reading the funding folder), and is
        // kept without its line maps: 5,250 parsed files held whole until the last was read
        // were 12 MB of a national load's peak.
        let (read, unread) = Self.parallelMap(files) { file -> (LoadedEntry<FundingAgreement>?, ParsedFile?) in
            let parsed = ParsedFile.read(file, root: root)
            guard case let .fundingAgreement(p) = parsed.result else { return (nil, parsed) }
            var entry = LoadedEntry(parsed, p)
            if let value = p.value {
                entry.problems += Validator.fundingAgreement(value, path: parsed.path, lines: p.lines, items: p.itemLines,
                                                             catalogue: catalogue, areas: areas, actions: actions,
                                                             organisations: organisations)
            }
            entry.lines = [:]
            entry.itemLines = [:]
            return (entry, nil)
        }
        for (entry, file) in zip(read, unread) {
            guard let entry else {
                if let file {
                    problems += file.problems
                    broken.insert(file.path)
                }
                continue
            }
            problems += entry.problems
            guard let value = entry.value, !entry.broken else { broken.insert(entry.path); continue }
            if !entry.editable { readOnly.insert(entry.path) }
            hashes[entry.path] = entry.hash
            agreements.append(value)
        }
        agreements.sort { ($0.title, $0.id) < ($1.title, $1.id) }
        return (agreements, problems, broken)
    }

    // MARK: Saving and creating

    /// Saves an agreement as `save(_: Action)` saves an action: only changed fields' lines are
    /// rewritten, a file changed on disk since it was read is refused, and nothing is written
    /// that would not load cleanly.
    @discardableResult
    public func save(_ agreement: FundingAgreement, overwrite: Bool = false) throws -> Bool {
        let path = Self.fundingAgreementPath(agreement)
        try checkWritable(path)
        let areas = Set(areaCodes.keys)
        return try holdWriteLock { try saveLocked(agreement, path: path, overwrite: overwrite, areas: areas) }
    }

    private func saveLocked(_ agreement: FundingAgreement, path: String, overwrite: Bool, areas: Set<String>) throws -> Bool {
        if disk.kind(Self.fundingFolder) == nil { _ = try disk.makeFolder(Self.fundingFolder) }
        return try commitLocked(path: path, overwrite: overwrite, render: { Self.bytes(agreement, over: $0, path: path) }) { bytes in
            let parsed = FileParser.fundingAgreement(bytes, path: path, id: agreement.id)
            guard let value = parsed.value else { return parsed.problems }
            return parsed.problems + Validator.fundingAgreement(value, path: path, lines: parsed.lines, items: parsed.itemLines,
                                                                catalogue: catalogue, areas: areas, actions: nil)
        }
    }

    /// Makes a new agreement file named from its title (`-2`, `-3`… when taken), in one write.
    public func create(_ draft: FundingAgreement) throws -> FundingAgreement {
        let areas = Set(areaCodes.keys)
        return try holdWriteLock {
            let taken = Set(disk.names(Self.fundingFolder).filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) })
                .union(hashes.keys.filter { $0.hasPrefix(Self.fundingFolder + "/") }.map { String($0.dropFirst(Self.fundingFolder.count + 1).dropLast(3)) })
            let slug = Slug.make(draft.title)
            let base = slug.isEmpty ? "agreement" : slug
            var id = base
            var n = 2
            while taken.contains(id) {
                id = "\(base)-\(n)"
                n += 1
            }
            var agreement = draft
            agreement.id = id
            _ = try saveLocked(agreement, path: Self.fundingAgreementPath(agreement), overwrite: false, areas: areas)
            return agreement
        }
    }
}
