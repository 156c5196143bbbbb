import PathfinderModel

/// Plain-text renderings of areas, actions and case studies for `pathfinder show` and the
/// non-terminal summary. Labels come from the store's catalogues, never from code.
enum ActionText {
    static func summaryTable(_ partnership: Partnership, asOf: Day) -> String {
        summaryTable(partnership.summaries(asOf: asOf))
    }

    static func summaryTable(_ rows: [AreaSummary]) -> String {
        var table = TextTable(["Area", "Type", "Actions", "R/A/G", "Overdue", "Next due"],
                              alignments: [.left, .left, .right, .right, .right, .left])
        for row in rows { table.add(cells(row)) }
        table.footer = [cells(AreaSummary.total(rows))]
        return table.render()
    }

    private static func cells(_ row: AreaSummary) -> [String] {
        [row.name, row.type, String(row.actions), "\(row.rag.red)/\(row.rag.amber)/\(row.rag.green)",
         String(row.overdue), row.nextDue?.iso ?? "-"]
    }

    static func statusLabel(_ id: String, _ catalogue: Catalogue) -> String {
        guard let entry = catalogue.status(id) else { return id }
        return "\(entry.symbol) \(entry.label)"
    }

    static func ragLabel(_ rag: RAG) -> String { "[\(rag.letter)] \(rag.label)" }

    static func area(_ area: Area, in p: Partnership, asOf: Day) -> String {
        var out: [String] = []
        let heading = "\(area.name) (\(area.code))".oneLine
        out.append(heading)
        out.append(String(repeating: "=", count: heading.count))
        func field(_ label: String, _ value: String) {
            if !value.isEmpty { out.append("\(label): \(value.oneLine)") }
        }
        field("Authority", area.authority)
        field("Type", area.type)
        field("Region", area.region)
        field("Demography", area.demography)
        if !area.keyFigures.isEmpty {
            out.append("\nKey figures")
            for figure in area.keyFigures {
                out.append(("  \(figure.label): \(figure.value)" + (figure.source.isEmpty ? "" : " (\(figure.source))")).oneLine)
            }
        }
        if !area.steeringGroup.isEmpty {
            out.append("\nSteering group")
            for m in area.steeringGroup {
                let who = [m.name, m.role].filter { !$0.isEmpty }.joined(separator: ", ")
                out.append(("  \(who)" + (m.body.isEmpty ? "" : " — \(m.body)")).oneLine)
            }
        }
        if !area.forums.isEmpty {
            out.append("\nForums")
            for f in area.forums { out.append(("  \(f.name)" + (f.description.isEmpty ? "" : ": \(f.description)")).oneLine) }
        }
        if !area.narrative.isEmpty { out.append("\n" + area.narrative.trimmingTrailingNewlines) }
        let summary = AreaSummary.of(area: area, actions: p.actions(inArea: area.id), asOf: asOf, catalogue: p.catalogue)
        out.append("\nAction plan: \(summary.actions) actions, R/A/G \(summary.rag.red)/\(summary.rag.amber)/\(summary.rag.green), \(summary.overdue) overdue as of \(asOf.iso)")
        for action in p.actions(inArea: area.id) {
            let overdue = action.isOverdue(asOf: asOf, catalogue: p.catalogue) ? " OVERDUE" : ""
            out.append("  \(action.id)  [\(action.rag.letter)] \(action.title.oneLine) (due \(action.due?.iso ?? "-"))\(overdue)")
        }
        field("\nSource", area.source)
        return out.joined(separator: "\n")
    }

    static func action(_ a: Action, in p: Partnership, asOf: Day) -> String {
        let c = p.catalogue
        let heading = "\(a.id)  \(a.title)".oneLine
        var out: [String] = [heading, String(repeating: "=", count: heading.count)]
        func field(_ label: String, _ value: String) {
            if !value.isEmpty { out.append("\(label.padding(13))\(value.oneLine)") }
        }
        // The fields in the order the action's screen shows them.
        field("Status:", statusLabel(a.status, c))
        field("RAG:", ragLabel(a.rag) + (c.ragMeanings[a.rag].map { " — \($0)" } ?? ""))
        field("Start:", a.start?.iso ?? "")
        field("Due:", (a.due?.iso ?? "") + (a.isOverdue(asOf: asOf, catalogue: c) ? "  OVERDUE as of \(asOf.iso)" : ""))
        field("Theme:", c.theme(a.theme)?.label ?? a.theme)
        field("Factors:", a.successFactors.map { c.successFactor($0)?.label ?? $0 }.joined(separator: "; "))
        field("Lead:", p.leadText(a))
        field("Partners:", p.partnerNames(a).joined(separator: "; "))
        field("Area:", p.area(a.area)?.name ?? a.area)
        field("Reviewed:", a.reviewed?.iso ?? "")
        field("Updated:", [a.updated?.iso ?? "", a.updatedBy].filter { !$0.isEmpty }.joined(separator: " by "))
        field("Source:", a.source)
        // The sections and their order are the model's (`Action.sections`), as on the screen.
        for section in p.sections(a) {
            switch section {
            case .fields: continue
            case .milestones:
                out.append("\n" + section.title)
                for m in a.milestones {
                    out.append("  [\(m.done ? "x" : " ")] \(m.title.oneLine)" + (m.due.map { " (due \($0.iso))" } ?? ""))
                }
            case .indicator:
                guard let i = a.indicator else { continue }
                out.append("\n\(section.title): \(i.name.oneLine)")
                let current = i.current.map { Number.format($0) + i.unit } ?? "not yet measured"
                out.append("  baseline \(Number.format(i.baseline))\(i.unit), target \(Number.format(i.target))\(i.unit), current \(current)".oneLine)
            case .funding:
                // As on the action's screen: the agreements that fund it, then its own terms.
                for agreement in p.fundingAgreements(forAction: a.id) {
                    let funded = p.organisation(funded: agreement)?.name ?? agreement.organisation
                    let check = c.fundingRules.check(agreement.terms)
                    out.append("\n" + "Funding agreement \(agreement.id): \(agreement.title) (\(agreement.funder) to \(funded))".oneLine)
                    out.append("  \(check.keepsAll ? "✓" : "!") \(check.summary)".oneLine)
                }
                guard let f = a.funding else { continue }
                out.append("\n" + section.title)
                if let amount = f.amount { out.append("  £\(Number.grouped(amount)) a year") }
                if let years = f.termYears { out.append("  term: \(Number.format(years)) year\(years == 1 ? "" : "s")") }
                if let months = f.noticeMonths { out.append("  notice: \(Number.format(months)) month\(months == 1 ? "" : "s")") }
                if let fcr = f.fullCostRecovery { out.append("  full cost recovery: \(fcr ? "yes" : "no")") }
                let check = c.fundingRules.check(f.terms)
                if check.keepsAll { out.append("  ✓ \(check.summary)") }
                for line in check.concernLines { out.append("  " + line) }
            case .caseStudies:
                out.append("\n" + section.title)
                for id in a.caseStudies { out.append("  \(id): \(p.caseStudy(id)?.title ?? "(missing)")".oneLine) }
            case .description:
                out.append("\n" + section.title)
                out.append(a.description.trimmingTrailingNewlines)
            case .progress:
                // The screen says "no notes yet"; a listing for tools leaves the section out.
                guard !a.progress.isEmpty else { continue }
                out.append("\n" + section.title)
                for entry in a.progress {
                    out.append("  \(entry.date.iso) — \(entry.author.oneLine)")
                    for line in entry.text.trimmingTrailingNewlines.split(separator: "\n", omittingEmptySubsequences: false) {
                        out.append("    \(line)")
                    }
                }
            }
        }
        return out.joined(separator: "\n")
    }

    static func caseStudy(_ s: CaseStudy, in p: Partnership) -> String {
        var out: [String] = [s.title.oneLine, String(repeating: "=", count: s.title.count)]
        let whereText = s.area.flatMap { p.area($0)?.name } ?? s.place
        if !whereText.isEmpty { out.append("Where: \(whereText.oneLine)") }
        if !s.themes.isEmpty { out.append(("Themes: " + s.themes.map { p.catalogue.theme($0)?.label ?? $0 }.joined(separator: "; ")).oneLine) }
        if !s.organisations.isEmpty { out.append(("Organisations: " + s.organisations.joined(separator: "; ")).oneLine) }
        if !s.source.isEmpty { out.append("Source: \(s.source.oneLine)") }
        if !s.keyFigures.isEmpty {
            out.append("\nKey figures")
            for f in s.keyFigures { out.append("  \(f.label): \(f.value)".oneLine) }
        }
        if !s.text.isEmpty { out.append("\n" + s.text.trimmingTrailingNewlines) }
        let citing = p.actions(citing: s.id)
        if !citing.isEmpty {
            out.append("\nCited by")
            for a in citing { out.append("  \(a.id)  \(a.title.oneLine)") }
        }
        return out.joined(separator: "\n")
    }
}

extension String {
    /// A one-line value (a title, a name) as one line whatever it holds: a line break in it
    /// shows as a symbol rather than starting a line that would read as another field.
    var oneLine: String { SafeText.line(self) }

    var trimmingTrailingNewlines: String {
        var s = self
        while s.last?.isNewline == true { s.removeLast() }
        return s
    }

    func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
