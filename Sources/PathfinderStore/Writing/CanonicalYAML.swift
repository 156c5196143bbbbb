import PathfinderModel

/// How the program writes YAML values: plain where YAML reads them back as the same text,
/// double-quoted where it would not (a colon and space, a leading `#` or `-`, "yes", a number
/// used as text, a line break).
enum CanonicalYAML {
    static func scalar(_ text: String, inFlow: Bool = false) -> String {
        needsQuotes(text, inFlow: inFlow) ? quoted(text) : text
    }

    static func needsQuotes(_ s: String, inFlow: Bool) -> Bool {
        guard let first = s.first, let last = s.last else { return true }
        if first == " " || last == " " || first == "\t" || last == "\t" { return true }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return true }
        if Bytes.contains(s, ": ") || Bytes.contains(s, " #") || last == ":" { return true }
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0x85 || $0.value == 0x2028 || $0.value == 0x2029 || $0.value == 0xFEFF }) { return true }
        if inFlow, s.contains(where: { ",[]{}".contains($0) }) { return true }
        let lower = s.lowercased()
        if ["yes", "no", "true", "false", "on", "off", "y", "n", "null", "~"].contains(lower) { return true }
        if Double(s) != nil || looksNumeric(s) { return true }
        return false
    }

    /// Things YAML 1.1 resolvers read as numbers or dates: 0x1F, 1_000, 2006-11-14, .5, 1e3.
    static func looksNumeric(_ s: String) -> Bool {
        guard let first = s.first else { return false }
        if first.isNumber || ((first == "+" || first == "-" || first == ".") && s.count > 1) {
            return s.allSatisfy { $0.isNumber || "+-.:_eExXoOabcdefABCDEF TZ".contains($0) }
        }
        return [".inf", ".nan", "-.inf", "+.inf"].contains(s.lowercased())
    }

    /// YAML's double-quoted form: what a plain scalar cannot hold (controls, DEL, C1, the line
    /// and paragraph separators, a byte-order mark) as `\uXXXX`.
    static func quoted(_ s: String) -> String {
        QuotedText.quote(s, uppercaseHex: true) { scalar in
            let v = scalar.value
            return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF
        }
    }

    static func number(_ value: Double) -> String { Number.format(value) }
    static func bool(_ value: Bool) -> String { value ? "true" : "false" }

    /// `key: value\n`
    static func field(_ key: String, _ value: String) -> String { "\(key): \(value)\n" }

    /// `key: [a, b]\n` for lists of ids and short words.
    static func flowList(_ key: String, _ items: [String]) -> String {
        "\(key): [" + items.map { scalar($0, inFlow: true) }.joined(separator: ", ") + "]\n"
    }

    /// A block list of text, one item a line.
    static func blockList(_ key: String, _ items: [String]) -> String {
        "\(key):\n" + items.map { "  - \(scalar($0))\n" }.joined()
    }

    /// A block list of records: each record's fields as `(name, rendered value)` pairs.
    static func records(_ key: String, _ items: [[(String, String)]]) -> String {
        var out = "\(key):\n"
        for fields in items {
            for (i, field) in fields.enumerated() {
                out += (i == 0 ? "  - " : "    ") + "\(field.0): \(field.1)\n"
            }
        }
        return out
    }

    /// A nested mapping.
    static func mapping(_ key: String, _ fields: [(String, String)]) -> String {
        "\(key):\n" + fields.map { "  \($0.0): \($0.1)\n" }.joined()
    }
}


/// A field of a record in a block list: a one-line value, or a nested list.
enum RecordValue {
    /// Already rendered (quoted where needed).
    case inline(String)
    /// Text items written as a nested block list.
    case list([String])
}

extension CanonicalYAML {
    /// A block list of records whose fields may hold nested lists (a meeting's items).
    static func records(_ key: String, _ items: [[(String, RecordValue)]]) -> String {
        var out = "\(key):\n"
        for fields in items {
            for (i, field) in fields.enumerated() {
                let lead = i == 0 ? "  - " : "    "
                switch field.1 {
                case let .inline(value): out += lead + "\(field.0): \(value)\n"
                case let .list(values): out += lead + "\(field.0):\n" + values.map { "      - \(scalar($0))\n" }.joined()
                }
            }
        }
        return out
    }
}

/// Renders each kind of file's fields canonically, one block per top-level key, in canonical
/// order. An empty optional field renders nothing (it is left out of the file).
enum CanonicalFields {
    typealias Fields = [(key: String, text: String)]

    private struct Builder {
        var out: Fields = []
        mutating func text(_ key: String, _ value: String, required: Bool = false) {
            if required || !value.isEmpty { out.append((key, CanonicalYAML.field(key, CanonicalYAML.scalar(value)))) }
        }
        mutating func day(_ key: String, _ value: Day?) {
            if let value { out.append((key, CanonicalYAML.field(key, value.iso))) }
        }
        mutating func flow(_ key: String, _ values: [String]) {
            if !values.isEmpty { out.append((key, CanonicalYAML.flowList(key, values))) }
        }
        mutating func block(_ key: String, _ values: [String]) {
            if !values.isEmpty { out.append((key, CanonicalYAML.blockList(key, values))) }
        }
        mutating func raw(_ key: String, _ rendered: String?) {
            if let rendered { out.append((key, rendered)) }
        }
    }

    // MARK: Action

    static let actionOrder = ["id", "title", "theme", "success-factors", "lead", "lead-body", "partners", "status", "rag",
                              "start", "due", "milestones", "depends-on", "indicator", "funding", "case-studies", "reviewed", "updated",
                              "updated-by", "source"]

    static func action(_ a: Action) -> Fields {
        var b = Builder()
        b.text("id", a.id, required: true)
        b.text("title", a.title, required: true)
        b.text("theme", a.theme, required: true)
        b.flow("success-factors", a.successFactors)
        b.text("lead", a.lead, required: true)
        b.text("lead-body", a.leadBody)
        b.block("partners", a.partners)
        b.text("status", a.status, required: true)
        b.raw("rag", CanonicalYAML.field("rag", a.rag.rawValue))
        b.day("start", a.start)
        b.day("due", a.due)
        b.raw("milestones", a.milestones.isEmpty ? nil : CanonicalYAML.records("milestones", a.milestones.map { m in
            var fields = [("title", CanonicalYAML.scalar(m.title))]
            if let due = m.due { fields.append(("due", due.iso)) }
            fields.append(("done", CanonicalYAML.bool(m.done)))
            return fields
        }))
        b.flow("depends-on", a.dependsOn)
        b.raw("indicator", a.indicator.map { i in
            var fields = [("name", CanonicalYAML.scalar(i.name)), ("baseline", CanonicalYAML.number(i.baseline)),
                          ("target", CanonicalYAML.number(i.target))]
            if let current = i.current { fields.append(("current", CanonicalYAML.number(current))) }
            if !i.unit.isEmpty { fields.append(("unit", CanonicalYAML.scalar(i.unit))) }
            if let direction = i.direction { fields.append(("direction", direction.rawValue)) }
            if !i.laaTarget.isEmpty { fields.append(("laa-target", CanonicalYAML.scalar(i.laaTarget))) }
            var text = CanonicalYAML.mapping("indicator", fields)
            if !i.readings.isEmpty {
                text += "  readings:\n"
                for r in i.readings {
                    text += "    - date: \(r.date.iso)\n      value: \(CanonicalYAML.number(r.value))\n"
                    if !r.note.isEmpty { text += "      note: \(CanonicalYAML.scalar(r.note))\n" }
                    if !r.who.isEmpty { text += "      who: \(CanonicalYAML.scalar(r.who))\n" }
                }
            }
            return text
        })
        b.raw("funding", a.funding.map { f in
            var fields: [(String, String)] = []
            if let v = f.amount { fields.append(("amount", CanonicalYAML.number(v))) }
            if let v = f.termYears { fields.append(("term-years", CanonicalYAML.number(v))) }
            if let v = f.noticeMonths { fields.append(("notice-months", CanonicalYAML.number(v))) }
            if let v = f.fullCostRecovery { fields.append(("full-cost-recovery", CanonicalYAML.bool(v))) }
            return fields.isEmpty ? "funding: {}\n" : CanonicalYAML.mapping("funding", fields)
        })
        b.flow("case-studies", a.caseStudies)
        b.day("reviewed", a.reviewed)
        b.day("updated", a.updated)
        b.text("updated-by", a.updatedBy)
        b.text("source", a.source)
        return b.out
    }

    static func progressEntry(_ e: ProgressEntry) -> String {
        let author = e.author.replacingNewlines
        let heading = author.isEmpty ? "### \(e.date.iso)\n" : "### \(e.date.iso) — \(author)\n"
        let text = BodyText.escapeEntry(FileParser.trimBlankLines(e.text))
        return heading + (text.isEmpty ? "" : text + "\n")
    }

    // MARK: Area

    static let areaOrder = ["name", "code", "authority", "type", "region", "demography", "key-figures", "steering-group",
                            "forums", "source"]

    static func area(_ a: Area) -> Fields {
        var b = Builder()
        b.text("name", a.name, required: true)
        b.text("code", a.code, required: true)
        b.text("authority", a.authority)
        b.text("type", a.type)
        b.text("region", a.region)
        b.text("demography", a.demography)
        b.raw("key-figures", keyFigures(a.keyFigures))
        b.raw("steering-group", a.steeringGroup.isEmpty ? nil : CanonicalYAML.records("steering-group", a.steeringGroup.map { m in
            var fields = [("name", CanonicalYAML.scalar(m.name))]
            if !m.role.isEmpty { fields.append(("role", CanonicalYAML.scalar(m.role))) }
            if !m.body.isEmpty { fields.append(("body", CanonicalYAML.scalar(m.body))) }
            return fields
        }))
        b.raw("forums", a.forums.isEmpty ? nil : CanonicalYAML.records("forums", a.forums.map { f in
            var fields = [("name", CanonicalYAML.scalar(f.name))]
            if !f.description.isEmpty { fields.append(("description", CanonicalYAML.scalar(f.description))) }
            return fields
        }))
        b.text("source", a.source)
        return b.out
    }

    static func keyFigures(_ figures: [KeyFigure]) -> String? {
        figures.isEmpty ? nil : CanonicalYAML.records("key-figures", figures.map { f in
            var fields = [("label", CanonicalYAML.scalar(f.label)), ("value", CanonicalYAML.scalar(f.value))]
            if !f.source.isEmpty { fields.append(("source", CanonicalYAML.scalar(f.source))) }
            return fields
        })
    }

    // MARK: Case study

    static let caseStudyOrder = ["title", "area", "place", "themes", "organisations", "key-figures", "source"]

    static func caseStudy(_ s: CaseStudy) -> Fields {
        var b = Builder()
        b.text("title", s.title, required: true)
        b.text("area", s.area ?? "")
        b.text("place", s.place)
        b.flow("themes", s.themes)
        b.block("organisations", s.organisations)
        b.raw("key-figures", keyFigures(s.keyFigures))
        b.text("source", s.source)
        return b.out
    }

    // MARK: Organisation

    static let organisationOrder = ["name", "kind", "size", "areas", "themes", "services", "accreditations", "contacts", "source"]

    static func organisation(_ o: Organisation) -> Fields {
        var b = Builder()
        b.text("name", o.name, required: true)
        b.text("kind", o.kind, required: true)
        b.text("size", o.size)
        b.flow("areas", o.areas)
        b.flow("themes", o.themes)
        b.block("services", o.services)
        b.raw("accreditations", o.accreditations.isEmpty ? nil : CanonicalYAML.records("accreditations", o.accreditations.map { a in
            var fields = [("what", CanonicalYAML.scalar(a.what))]
            if !a.by.isEmpty { fields.append(("by", CanonicalYAML.scalar(a.by))) }
            if let from = a.from { fields.append(("from", from.iso)) }
            if let until = a.until { fields.append(("until", until.iso)) }
            return fields
        }))
        b.raw("contacts", o.contacts.isEmpty ? nil : CanonicalYAML.records("contacts", o.contacts.map { c in
            var fields = [("role", CanonicalYAML.scalar(c.role))]
            if !c.name.isEmpty { fields.append(("name", CanonicalYAML.scalar(c.name))) }
            if !c.reach.isEmpty { fields.append(("reach", CanonicalYAML.scalar(c.reach))) }
            return fields
        }))
        b.text("source", o.source)
        return b.out
    }

    // MARK: Meeting

    static let meetingOrder = ["date", "title", "attendees", "items", "changes", "actions-created", "ended"]

    static func meeting(_ m: Meeting) -> Fields {
        var b = Builder()
        b.day("date", m.date)
        b.text("title", m.title, required: true)
        b.block("attendees", m.attendees)
        b.raw("items", m.items.isEmpty ? nil : CanonicalYAML.records("items", m.items.map { item in
            var fields: [(String, RecordValue)] = [("action", .inline(CanonicalYAML.scalar(item.action)))]
            if !item.notes.isEmpty { fields.append(("notes", .list(item.notes))) }
            if !item.decisions.isEmpty { fields.append(("decisions", .list(item.decisions))) }
            fields.append(("reviewed", .inline(CanonicalYAML.bool(item.reviewed))))
            if let status = item.status { fields.append(("status", .inline(CanonicalYAML.scalar(status)))) }
            if let rag = item.rag { fields.append(("rag", .inline(rag.rawValue))) }
            return fields
        }))
        b.raw("changes", m.changes.isEmpty ? nil : CanonicalYAML.records("changes", m.changes.map { c in
            [("action", CanonicalYAML.scalar(c.action)), ("field", CanonicalYAML.scalar(c.field)),
             ("old", CanonicalYAML.scalar(c.old)), ("new", CanonicalYAML.scalar(c.new))]
        }))
        b.flow("actions-created", m.actionsCreated)
        b.raw("ended", m.ended ? CanonicalYAML.field("ended", "true") : nil)
        return b.out
    }

    // MARK: Manifest

    /// The manifest written whole (by `pathfinder init`), with a comment saying what it is.
    static func manifest(title: String, asOf: Day?, catalogue c: Catalogue) -> String {
        var out = "# A Pathfinder store: see docs/store-format.md. Catalogue ids are used in the other files;\n"
        out += "# labels and details can be changed freely.\n"
        out += CanonicalYAML.field("title", CanonicalYAML.scalar(title))
        out += CanonicalYAML.field("format", String(FileParser.supportedFormat))
        if let asOf { out += CanonicalYAML.field("as-of", asOf.iso) }
        func entries(_ key: String, _ list: [CatalogueEntry]) -> String {
            guard !list.isEmpty else { return "" }
            return "\n" + CanonicalYAML.records(key, list.map { e in
                var fields = [("id", CanonicalYAML.scalar(e.id)), ("label", CanonicalYAML.scalar(e.label))]
                if !e.group.isEmpty { fields.append(("group", CanonicalYAML.scalar(e.group))) }
                if !e.detail.isEmpty { fields.append(("detail", CanonicalYAML.scalar(e.detail))) }
                return fields
            })
        }
        out += entries("themes", c.themes)
        out += entries("success-factors", c.successFactors)
        // Left out while they are the usual ones, which a manifest without them means.
        if c.organisationKinds != Catalogue.defaultOrganisationKinds { out += entries("organisation-kinds", c.organisationKinds) }
        if c.sizeBands != Catalogue.defaultSizeBands { out += entries("size-bands", c.sizeBands) }
        out += "\n" + CanonicalYAML.records("statuses", c.statuses.map { s in
            [("id", CanonicalYAML.scalar(s.id)), ("label", CanonicalYAML.scalar(s.label)),
             ("symbol", CanonicalYAML.quoted(s.symbol)), ("closed", CanonicalYAML.bool(s.closed))]
        })
        let meanings = RAG.allCases.compactMap { rag in c.ragMeanings[rag].map { (rag.rawValue, CanonicalYAML.scalar($0)) } }
        if !meanings.isEmpty { out += "\n" + CanonicalYAML.mapping("rag", meanings) }
        var rules: [(String, String)] = []
        if let v = c.fundingRules.minimumTermYears { rules.append(("minimum-term-years", CanonicalYAML.number(v))) }
        if let v = c.fundingRules.minimumNoticeMonths { rules.append(("minimum-notice-months", CanonicalYAML.number(v))) }
        rules.append(("full-cost-recovery", CanonicalYAML.bool(c.fundingRules.fullCostRecoveryExpected)))
        if let v = c.fundingRules.monitoringAtMostPerYear { rules.append(("monitoring-at-most-per-year", CanonicalYAML.number(v))) }
        rules.append(("fair-price", CanonicalYAML.bool(c.fundingRules.fairPriceExpected)))
        rules.append(("shared-risk", CanonicalYAML.bool(c.fundingRules.sharedRiskExpected)))
        out += "\n# The funding principles agreements are checked against: three-year funding as the starting point\n"
        out += "# (the Government's guidance, paras 1.5, 1.8, 3.17), and the Compact's notice, full cost recovery,\n"
        out += "# proportionate monitoring, fair price and shared risk (paras 3.1, 3.18-3.21).\n"
        out += CanonicalYAML.mapping("funding-rules", rules)
        return out
    }
}

private extension String {
    var replacingNewlines: String {
        String(map { $0.isNewline ? " " : $0 }).trimmed(" ")
    }
}

/// Writes a document back, replacing only the blocks whose canonical rendering changed, so
/// hand formatting, comments and fields the program does not know survive every save.
enum MinimalRewrite {
    /// `old` is the file as loaded with the canonical fields of the model it held; nil for a new file.
    static func frontMatter(old: (document: SourceDocument, fields: CanonicalFields.Fields)?,
                            newFields: CanonicalFields.Fields, order: [String]) -> [SourceDocument.Block] {
        guard let old else { return newFields.map { SourceDocument.Block(key: $0.key, text: $0.text) } }
        let before = Dictionary(old.fields.map { ($0.key, $0.text) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(newFields.map { ($0.key, $0.text) }, uniquingKeysWith: { a, _ in a })
        let known = Set(order)
        var blocks: [SourceDocument.Block] = []
        var present = Set<String>()
        for block in old.document.blocks {
            guard let key = block.key, known.contains(key) else {
                blocks.append(block)   // comments, blank lines, fields added by hand
                continue
            }
            present.insert(key)
            if before[key] == after[key] {
                blocks.append(block)   // unchanged: byte for byte, however it was written
            } else if let text = after[key] {
                blocks.append(SourceDocument.Block(key: key, text: text))
            }   // else: the field was cleared, so its lines go
        }
        // New fields go after the nearest field that comes before them in canonical order.
        for field in newFields where !present.contains(field.key) {
            let rank = order.firstIndex(of: field.key) ?? order.count
            let predecessors = Set(order.prefix(rank))
            let index = blocks.lastIndex { $0.key.map(predecessors.contains) ?? false }.map { $0 + 1 }
                ?? (blocks.firstIndex { $0.key != nil } ?? blocks.count)
            blocks.insert(SourceDocument.Block(key: field.key, text: field.text), at: index)
            present.insert(field.key)
        }
        return blocks
    }

    /// A body that is one piece of Markdown (an area's narrative, a case study, meeting notes).
    static func plainBody(oldRaw: String?, oldText: String?, new: String) -> String {
        if let oldRaw, oldText == new { return oldRaw }
        let text = FileParser.trimBlankLines(new)
        return text.isEmpty ? "" : "\n" + text + "\n"
    }

    /// An action's body: unchanged parts byte for byte, changed parts canonical.
    static func actionBody(old: ActionBody?, oldBodyText: String?, new: Action) -> String {
        guard let old, let oldBodyText else {
            let description = BodyText.escapeDescription(FileParser.trimBlankLines(new.description))
            var text = description.isEmpty ? "" : "\n" + description + "\n"
            if !new.progress.isEmpty {
                text += "\n## Progress\n" + new.progress.map { "\n" + CanonicalFields.progressEntry($0) }.joined()
            }
            return text
        }
        if old.description == new.description, new.progress.elementsEqual(old.entries) { return oldBodyText }
        var text: String
        if old.description == new.description {
            text = String(old.descriptionRaw)
        } else {
            let description = BodyText.escapeDescription(FileParser.trimBlankLines(new.description))
            text = description.isEmpty ? "" : "\n" + description + "\n"
        }
        if new.progress.isEmpty, old.entriesRaw.isEmpty, old.progressHeading.isEmpty { return text + String(old.trailing) }
        var heading = old.progressHeading.isEmpty ? "## Progress\n" : String(old.progressHeading)
        var entries: [String] = []
        var asWritten: [Bool] = []   // kept byte for byte from the same place in the old file
        for (i, entry) in new.progress.enumerated() {
            if i < old.entries.count, old.entries[i] == entry, i < old.entriesRaw.count {
                entries.append(String(old.entriesRaw[i]))
                asWritten.append(true)
            } else {
                entries.append(CanonicalFields.progressEntry(entry))
                asWritten.append(false)
            }
        }
        // A blank line between parts, as people write them.
        func separate(_ s: inout String) {
            if s.isEmpty { return }
            if !s.hasSuffix("\n") { s += "\n" }
            if !s.hasSuffix("\n\n") { s += "\n" }
        }
        // Where an entry ends is kept as written when what follows it is unchanged: the next
        // entry as in the old file (a hand-written file may have no blank line between
        // entries), or the end for the old last entry. Otherwise an entry followed by another
        // gets a blank line, and one now last (the note after it removed, or an added note
        // undone) ends as the old last entry did, so undoing an added note gives the file back.
        let blank: (Character) -> Bool = { $0.unicodeScalars.allSatisfy { " \t\r\n".unicodeScalars.contains($0) } }
        for i in entries.indices {
            let isLast = i == entries.count - 1
            if asWritten[i], isLast ? i == old.entriesRaw.count - 1 : asWritten[i + 1] { continue }
            if !isLast {
                separate(&entries[i])
            } else if asWritten[i], let oldLast = old.entriesRaw.last {
                while let c = entries[i].last, blank(c) { entries[i].removeLast() }
                entries[i] += oldLast.suffix(oldLast.reversed().prefix(while: blank).count)
            }
        }
        if !entries.isEmpty { separate(&heading) }
        if Lines.isBlank(text) {
            if text.isEmpty { text = "\n" }
        } else {
            separate(&text)
        }
        var body = text + heading + entries.joined()
        if !old.trailing.isEmpty {
            separate(&body)
            body += old.trailing
        }
        return body
    }
}
