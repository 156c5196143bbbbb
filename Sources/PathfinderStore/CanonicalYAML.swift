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
        if s.contains(": ") || s.contains(" #") || last == ":" { return true }
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

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
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

/// Renders each entity's fields canonically, one block per top-level key, in canonical order.
/// An empty optional field renders nothing (it is left out of the file).
enum CanonicalFields {
    static func action(_ a: Action) -> [(key: String, text: String)] {
        var out: [(String, String)] = []
        func add(_ key: String, _ text: String?) { if let text { out.append((key, text)) } }
        add("id", CanonicalYAML.field("id", CanonicalYAML.scalar(a.id)))
        add("title", CanonicalYAML.field("title", CanonicalYAML.scalar(a.title)))
        add("theme", CanonicalYAML.field("theme", CanonicalYAML.scalar(a.theme)))
        add("success-factors", a.successFactors.isEmpty ? nil : CanonicalYAML.flowList("success-factors", a.successFactors))
        add("lead", CanonicalYAML.field("lead", CanonicalYAML.scalar(a.lead)))
        add("lead-body", a.leadBody.isEmpty ? nil : CanonicalYAML.field("lead-body", CanonicalYAML.scalar(a.leadBody)))
        add("partners", a.partners.isEmpty ? nil : CanonicalYAML.blockList("partners", a.partners))
        add("status", CanonicalYAML.field("status", CanonicalYAML.scalar(a.status)))
        add("rag", CanonicalYAML.field("rag", a.rag.rawValue))
        add("start", a.start.map { CanonicalYAML.field("start", $0.iso) })
        add("due", a.due.map { CanonicalYAML.field("due", $0.iso) })
        add("milestones", a.milestones.isEmpty ? nil : CanonicalYAML.records("milestones", a.milestones.map { m in
            var fields = [("title", CanonicalYAML.scalar(m.title))]
            if let due = m.due { fields.append(("due", due.iso)) }
            fields.append(("done", CanonicalYAML.bool(m.done)))
            return fields
        }))
        add("indicator", a.indicator.map { i in
            var fields = [("name", CanonicalYAML.scalar(i.name)), ("baseline", CanonicalYAML.number(i.baseline)),
                          ("target", CanonicalYAML.number(i.target))]
            if let current = i.current { fields.append(("current", CanonicalYAML.number(current))) }
            if !i.unit.isEmpty { fields.append(("unit", CanonicalYAML.scalar(i.unit))) }
            return CanonicalYAML.mapping("indicator", fields)
        })
        add("funding", a.funding.map { f in
            var fields: [(String, String)] = []
            if let v = f.amount { fields.append(("amount", CanonicalYAML.number(v))) }
            if let v = f.termYears { fields.append(("term-years", CanonicalYAML.number(v))) }
            if let v = f.noticeMonths { fields.append(("notice-months", CanonicalYAML.number(v))) }
            if let v = f.fullCostRecovery { fields.append(("full-cost-recovery", CanonicalYAML.bool(v))) }
            return fields.isEmpty ? "funding: {}\n" : CanonicalYAML.mapping("funding", fields)
        })
        add("case-studies", a.caseStudies.isEmpty ? nil : CanonicalYAML.flowList("case-studies", a.caseStudies))
        add("reviewed", a.reviewed.map { CanonicalYAML.field("reviewed", $0.iso) })
        add("updated", a.updated.map { CanonicalYAML.field("updated", $0.iso) })
        add("updated-by", a.updatedBy.isEmpty ? nil : CanonicalYAML.field("updated-by", CanonicalYAML.scalar(a.updatedBy)))
        add("source", a.source.isEmpty ? nil : CanonicalYAML.field("source", CanonicalYAML.scalar(a.source)))
        return out
    }

    static let actionOrder = ["id", "title", "theme", "success-factors", "lead", "lead-body", "partners", "status", "rag",
                              "start", "due", "milestones", "indicator", "funding", "case-studies", "reviewed", "updated",
                              "updated-by", "source"]

    static func progressEntry(_ e: ProgressEntry) -> String {
        "### \(e.date.iso) — \(e.author)\n" + (e.text.isEmpty ? "" : e.text + "\n")
    }
}

/// Writes a document back, replacing only the blocks whose canonical rendering changed, so
/// hand formatting, comments and fields the program does not know survive every save.
enum MinimalRewrite {
    static func frontMatter(old: SourceDocument?, oldFields: [(key: String, text: String)]?,
                            newFields: [(key: String, text: String)], order: [String]) -> [SourceDocument.Block] {
        guard let old, let oldFields else { return newFields.map { SourceDocument.Block(key: $0.key, text: $0.text) } }
        let before = Dictionary(oldFields.map { ($0.key, $0.text) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(newFields.map { ($0.key, $0.text) }, uniquingKeysWith: { a, _ in a })
        let known = Set(order)
        var blocks: [SourceDocument.Block] = []
        var written = Set<String>()
        for block in old.blocks {
            guard let key = block.key, known.contains(key) else {
                blocks.append(block)   // comments, blank lines, fields added by hand
                continue
            }
            written.insert(key)
            guard let text = after[key] else { continue }   // the field was cleared
            blocks.append(before[key] == text ? block : SourceDocument.Block(key: key, text: text))
        }
        // New fields go after the nearest field that comes before them in canonical order.
        for field in newFields where !written.contains(field.key) {
            let rank = order.firstIndex(of: field.key) ?? order.count
            let predecessors = Set(order.prefix(rank))
            let index = blocks.lastIndex { $0.key.map(predecessors.contains) ?? false }.map { $0 + 1 }
                ?? (blocks.firstIndex { $0.key != nil } ?? blocks.count)
            blocks.insert(SourceDocument.Block(key: field.key, text: field.text), at: index)
        }
        return blocks
    }

    /// An action's body: unchanged parts byte for byte, changed parts canonical.
    static func actionBody(old: ActionBody?, oldBodyText: String?, new: Action) -> String {
        guard let old, let oldBodyText else {
            var text = new.description.isEmpty ? "" : "\n" + new.description + "\n"
            if !new.progress.isEmpty {
                text += "\n## Progress\n" + new.progress.map { "\n" + CanonicalFields.progressEntry($0) }.joined()
            }
            return text
        }
        if old.description == new.description, old.entries == new.progress { return oldBodyText }
        var text = old.description == new.description ? old.descriptionRaw
            : (new.description.isEmpty ? "" : "\n" + new.description + "\n")
        if new.progress.isEmpty, old.entriesRaw.isEmpty, old.progressHeading.isEmpty { return text + old.trailing }
        var heading = old.progressHeading.isEmpty ? "\n## Progress\n" : old.progressHeading
        var entries: [String] = []
        for (i, entry) in new.progress.enumerated() {
            if i < old.entries.count, old.entries[i] == entry, i < old.entriesRaw.count {
                entries.append(old.entriesRaw[i])
            } else {
                entries.append(CanonicalFields.progressEntry(entry))
            }
        }
        // Keep a blank line between entries, as people write them.
        for i in entries.indices where i > 0 && !entries[i - 1].hasSuffix("\n\n") {
            entries[i - 1] += entries[i - 1].hasSuffix("\n") ? "\n" : "\n\n"
        }
        if !heading.hasSuffix("\n\n"), !entries.isEmpty { heading += "\n" }
        if !text.hasSuffix("\n\n"), !text.isEmpty { text += "\n" }
        var body = text + heading + entries.joined()
        if !old.trailing.isEmpty {
            if !body.hasSuffix("\n\n") { body += "\n" }
            body += old.trailing
        }
        return body
    }
}
