import PathfinderModel

/// Where the reader is in a scrollable document (area profile, action, case study): the first
/// line shown and the selected link, which Tab moves and Enter opens.
public struct DocumentCursor: Hashable, Sendable {
    public var scroll = 0
    public var link: Int?
    public init(scroll: Int = 0, link: Int? = nil) {
        self.scroll = scroll
        self.link = link
    }
}

/// What a document screen shows.
public enum DocumentContent: Hashable, Sendable {
    /// An area's profile, and the way into its action plan, meetings and case studies.
    case area(String)
    /// One action in full.
    case action(String)
    /// A case study.
    case caseStudy(String)
    /// An organisation (issue 12).
    case organisation(String)
    /// A funding agreement (issue 12).
    case fundingAgreement(String)
}

/// Screens 2, 4 and 5b: one document screen with three contents, read by scrolling, Tab
/// moving between its links and Enter opening one.
public struct DocumentPage: PageScreen {
    public var content: DocumentContent
    public var document: DocumentCursor

    public init(_ content: DocumentContent) {
        self.content = content
        // An area opens with its action plan link selected: Enter leads on to the plan.
        if case .area = content { document = DocumentCursor(link: 0) } else { document = DocumentCursor() }
    }

    var page: Page { .document(self) }

    var keyContext: KeyContext {
        switch content {
        case .area: .area
        case .action: .action
        case .caseStudy: .caseStudy
        case .organisation: .organisation
        case .fundingAgreement: .agreement
        }
    }

    func crumbs(_ state: AppState) -> [String] {
        switch content {
        case let .area(id): [state.partnership.area(id)?.name ?? id]
        case let .action(id): [id]
        case let .caseStudy(id): [state.partnership.caseStudy(id)?.title ?? id]
        case let .organisation(id): [state.partnership.organisation(id)?.name ?? id]
        case let .fundingAgreement(id): [state.partnership.fundingAgreement(id)?.title ?? id]
        }
    }

    /// An area under the areas, an action under its area's plan, a case study under the case
    /// studies: the path to it, not the way the user came.
    func path(_ state: AppState, below: [String]) -> [String] {
        switch content {
        case .area: ["Areas"] + crumbs(state)
        case let .action(id):
            state.partnership.action(id).map { ActionPlanPage(area: $0.area).path(state, below: []) + [id] } ?? below + [id]
        case .caseStudy: ["Case studies"] + crumbs(state)
        case .organisation: ["Organisations"] + crumbs(state)
        case .fundingAgreement: ["Funding register"] + crumbs(state)
        }
    }

    /// Text wider than this is hard to read (the eye loses the next line): at 200 columns a
    /// description ran 200 wide and a milestone's date sat 180 columns from its title.
    static let readableWidth = 100

    /// The text's width on a body `width` columns wide, less the scrollbar and margins.
    static func textWidth(_ width: Int) -> Int { min(width, readableWidth) }

    func lines(_ state: AppState, width: Int) -> [DocumentLine] {
        let width = Self.textWidth(width)
        return switch content {
        case let .area(id): AreaDocument.lines(state, id, width: width)
        case let .action(id): state.actionPageLines(id, width: width)
        case let .caseStudy(id): CaseStudyDocument.lines(state, id, width: width)
        case let .organisation(id): OrganisationDocument.lines(state, id, width: width)
        case let .fundingAgreement(id): AgreementDocument.lines(state, id, width: width)
        }
    }

    /// The text is wrapped to the body less the scrollbar and margins; the links are where
    /// their lines are, less the scroll.
    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout {
        let lines = lines(state, width: body.width - 3)
        let visible = document.scroll..<(document.scroll + body.height)
        let spots = DocumentView.linkIndices(lines).enumerated().filter { visible.contains($0.element) }.map { link, line in
            ScreenLayout.Spot(target: .row(link), rect: Rect(x: body.x, y: body.y + line - document.scroll, width: body.width, height: 1))
        }
        return ScreenLayout(body: body, spots: spots, pageRows: body.height)
    }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        DocumentView.render(lines(state, width: body.width - 3), cursor: document, state: state, body, &screen)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        if command == .goActionPlan, case let .area(id) = content {
            state.push(.actionPlan(ActionPlanPage(area: id)))
            return []
        }
        let lines = lines(state, width: state.width - 3)
        if let link = DocumentView.handle(command, &document, lines: lines, visible: state.bodyHeight) {
            state.page = page
            return state.open(link)
        }
        return []
    }

    var selection: Target? { document.link.map { .row($0) } }
    mutating func select(_ target: Target, _ state: AppState) { document.link = target.row }

    func area(_ state: AppState) -> String? {
        switch content {
        case let .area(id): id
        case let .action(id): state.partnership.action(id)?.area
        case .caseStudy, .organisation: nil
        case let .fundingAgreement(id): state.partnership.fundingAgreement(id)?.area
        }
    }

    func action(_ state: AppState) -> String? {
        if case let .action(id) = content { return id }
        return nil
    }
}

/// An area's profile, and the way into its action plan, meetings and case studies.
enum AreaDocument {
    static func lines(_ state: AppState, _ id: String, width: Int) -> [DocumentLine] {
        let partnership = state.partnership
        guard let area = partnership.area(id) else { return [DocumentLine("This area is no longer in the store.", .error)] }
        var doc = DocumentBuilder(width: width)
        doc.spans([.init(text: area.name, role: .heading), .init(text: "  \(area.code) · \(area.type)", role: .dim)])
        doc.blank()
        let summary = AreaSummary.of(area: area, actions: partnership.actions(inArea: area.id), asOf: state.asOf,
                                     catalogue: partnership.catalogue)
        doc.link("Action plan: \(summary.actions) actions · R/A/G \(summary.rag.red)/\(summary.rag.amber)/\(summary.rag.green) · \(summary.overdue) overdue",
                 to: .actionPlan(area.id), indent: 0)
        let meetings = partnership.meetings(inArea: area.id)
        doc.lines.append(DocumentLine(meetings.isEmpty ? "  Meetings: none recorded yet" :
            "  Meetings: \(meetings.count), the last on \(meetings.map(\.date).max()!.iso)", .dim))
        AreaDocument.ragOverTime(area.id, state: state, width: width, into: &doc)
        doc.heading("Profile")
        doc.field("Authority", area.authority)
        doc.field("Type", area.type)
        doc.field("Region", area.region)
        doc.field("People", area.demography)
        if !area.keyFigures.isEmpty {
            doc.heading("Key figures")
            for figure in area.keyFigures {
                doc.field("", "\(figure.label): \(figure.value)", labelWidth: 1)
            }
        }
        if !area.steeringGroup.isEmpty {
            doc.heading("Steering group")
            for member in area.steeringGroup {
                let who = [member.name, member.role].filter { !$0.isEmpty }.joined(separator: ", ")
                doc.field("", who + (member.body.isEmpty ? "" : " — \(member.body)"), labelWidth: 1)
            }
        }
        if !area.forums.isEmpty {
            doc.heading("Forums")
            for forum in area.forums {
                doc.field("", forum.name + (forum.description.isEmpty ? "" : ": \(forum.description)"), labelWidth: 1)
            }
        }
        let studies = partnership.caseStudies(forArea: area.id)
        if !studies.isEmpty {
            doc.heading("Case studies")
            for study in studies { doc.link(study.title, to: .caseStudy(study.id)) }
        }
        if !area.narrative.isEmpty {
            doc.heading("About \(area.name)")
            doc.text(area.narrative)
        }
        if !area.source.isEmpty {
            doc.blank()
            doc.field("Source", area.source, role: .dim)
        }
        return doc.lines
    }
}

extension AreaDocument {
    /// A small stacked chart of RAG over time (c shows it in full, t there the numbers).
    static func ragOverTime(_ area: String, state: AppState, width: Int, into doc: inout DocumentBuilder) {
        doc.heading("RAG over time (c in full, with the numbers)")
        guard let months = state.ragHistory?.months(area: area), !months.isEmpty else {
            doc.lines.append(DocumentLine("  being worked out from the store's history…", .dim))
            return
        }
        let (shown, columnWidth) = RAGChart.fit(months, width: min(width - 4, 48), maxColumnWidth: 2)
        for row in RAGChart.columns(shown, height: 4, columnWidth: columnWidth) {
            doc.lines.append(DocumentLine([.init(text: "  ", role: .normal)] + row.map { .init(text: $0.glyph, role: $0.role) }))
        }
        doc.lines.append(DocumentLine("  " + RAGChart.monthLabels(shown, columnWidth: columnWidth), .dim))
        let last = shown.last!
        doc.lines.append(DocumentLine("  \(RAGChart.key) · \(last.label): \(last.red)/\(last.amber)/\(last.green)", .dim))
    }
}

/// One action in full: fields, milestones, indicator bar, funding with the Compact checks,
/// linked case studies, description and the progress log (newest first).
enum ActionDocument {
    static func lines(_ state: AppState, _ id: String, width: Int) -> [DocumentLine] {
        let partnership = state.partnership
        let catalogue = partnership.catalogue
        guard let a = partnership.action(id) else { return [DocumentLine("This action is no longer in the store.", .error)] }
        var doc = DocumentBuilder(width: width)
        doc.spans([.init(text: a.id + "  ", role: .dim), .init(text: a.title, role: .heading)])
        doc.blank()
        let status = catalogue.status(a.status)
        doc.spans([.init(text: Text.pad("Status", to: 10) + " ", role: .dim),
                   .init(text: "\(status?.symbol ?? "?") \(status?.label ?? a.status)", role: RAGBadge.statusRole(a.status)),
                   .init(text: "   RAG ", role: .dim),
                   .init(text: "[\(a.rag.letter)] \(a.rag.label)", role: RAGBadge.role(a.rag)),
                   .init(text: catalogue.ragMeanings[a.rag].map { " — \($0)" } ?? "", role: .dim)])
        let overdue = a.isOverdue(asOf: state.asOf, catalogue: catalogue)
        var dates: [DocumentLine.Span] = [.init(text: Text.pad("Dates", to: 10) + " ", role: .dim)]
        if let start = a.start { dates.append(.init(text: "start \(start.iso)   ", role: .normal)) }
        dates.append(.init(text: "due \(a.due?.iso ?? "not set")", role: overdue ? .overdue : .normal))
        if overdue, let due = a.due { dates.append(.init(text: "  ! overdue by \(due.days(until: state.asOf)) days", role: .overdue)) }
        doc.spans(dates)
        if let theme = catalogue.theme(a.theme) {
            doc.field("Theme", theme.group.isEmpty ? theme.label : "\(theme.label) (\(theme.group))")
        } else {
            doc.field("Theme", a.theme)
        }
        doc.field("Factors", a.successFactors.map { catalogue.successFactor($0)?.label ?? $0 }.joined(separator: "; "))
        doc.field("Lead", partnership.leadText(a))
        doc.field("Partners", partnership.partnerNames(a).joined(separator: "; "))
        // One line, not a link per organisation: the names are in the two fields above, and a
        // list of links here would push the milestones and indicator off a small screen.
        let linked = partnership.organisations(of: a).count
        if linked > 0, let key = state.keyMap.key(for: .actionOrganisations, in: .action) {
            doc.field("", "\(KeyName.display(key)) opens \(linked == 1 ? "its organisation" : "its \(linked) organisations")",
                      role: .dim, labelWidth: 10)
        }
        doc.field("Area", partnership.area(a.area)?.name ?? a.area)
        doc.field("Reviewed", a.reviewed?.iso ?? "")
        doc.field("Updated", [a.updated?.iso ?? "", a.updatedBy].filter { !$0.isEmpty }.joined(separator: " by "))
        doc.field("Source", a.source, role: .dim)
        ActionDocument.dependencies(a, state: state, into: &doc)

        // The sections and their order are the model's (`Action.sections`), which `pathfinder
        // show` follows too; the fields above are the first of them.
        for section in partnership.sections(a) {
            switch section {
            case .fields: continue
            case .milestones:
                let done = a.milestones.filter(\.done).count
                doc.heading("Milestones (\(done) of \(a.milestones.count) done)")
                for m in a.milestones {
                    let late = !m.done && (m.due.map { $0 < state.asOf } ?? false)
                    let due = m.due.map { "  \($0.iso)" + (late ? " !" : "") } ?? ""
                    // A long title wraps under itself rather than losing its end; the date stays
                    // in its own column on the first line, not in the middle of the text
                    // (issue 16: "…roll-out in / 2007  2007-03-31").
                    let titleWidth = max(8, width - 6 - 14)
                    let lines = Text.wrap(m.title, to: titleWidth)
                    for (i, line) in lines.enumerated() {
                        let first = i == 0
                        doc.spans([.init(text: i > 0 ? "      " : m.done ? "  [x] " : "  [ ] ", role: m.done ? .statusDone : .normal),
                                   .init(text: first && !due.isEmpty ? Text.pad(line, to: titleWidth) : line, role: m.done ? .dim : .normal),
                                   .init(text: first ? due : "", role: late ? .overdue : .dim)])
                    }
                }
            case .indicator:
                guard let indicator = a.indicator else { continue }
                doc.heading("Indicator: \(indicator.name)")
                doc.spans(IndicatorBar.spans(indicator, width: min(40, width - 30)))
                IndicatorTrend.add(indicator, course: a.indicatorCourse ?? .notMeasured, to: &doc)
            case .funding:
                for agreement in partnership.fundingAgreements(forAction: a.id) {
                    doc.heading("Funding agreement")
                    let check = catalogue.fundingRules.check(agreement.terms)
                    let funded = partnership.organisation(funded: agreement)?.name ?? agreement.organisation
                    doc.link("\(agreement.title) (\(agreement.funder) to \(funded))", to: .fundingAgreement(agreement.id))
                    doc.field("", "\(check.keepsAll ? "✓" : "!") \(check.summary)", role: check.keepsAll ? .ragGreen : .warning, labelWidth: 1)
                }
                guard let funding = a.funding else { continue }
                doc.heading("Funding")
                var terms: [String] = []
                if let amount = funding.amount { terms.append("£\(Number.grouped(amount)) a year") }
                if let years = funding.termYears { terms.append("\(Number.format(years))-year term") }
                if let months = funding.noticeMonths { terms.append(months == 1 ? "1 month's notice" : "\(Number.format(months)) months' notice") }
                if let fcr = funding.fullCostRecovery { terms.append("full cost recovery: \(fcr ? "yes" : "no")") }
                doc.field("", terms.joined(separator: " · "), labelWidth: 1)
                let check = catalogue.fundingRules.check(funding.terms)
                if check.keepsAll {
                    doc.field("", "✓ \(check.summary)", role: .ragGreen, labelWidth: 1)
                }
                for line in check.concernLines { doc.field("", line, role: .warning, labelWidth: 1) }
            case .caseStudies:
                doc.heading("Case studies (Tab to select, Enter to open)")
                for id in a.caseStudies {
                    doc.link(partnership.caseStudy(id)?.title ?? "\(id) (missing)", to: .caseStudy(id))
                }
            case .description:
                doc.heading("Description")
                doc.text(a.description, indent: 1)
            case .progress:
                doc.heading(a.progress.isEmpty ? "Progress: no notes yet" : "Progress (\(a.progress.count) notes, newest first)")
                for entry in a.progress.reversed() {
                    doc.spans([.init(text: " \(entry.date.iso)", role: .heading), .init(text: " — \(entry.author)", role: .dim)])
                    doc.text(entry.text, indent: 3)
                }
            }
        }
        return doc.lines
    }
}

extension ActionDocument {
    /// What the action waits on (flagged when one is open and red or overdue) and what waits
    /// on it, each a link to open.
    static func dependencies(_ a: Action, state: AppState, into doc: inout DocumentBuilder) {
        let partnership = state.partnership
        let waitedOnBy = Partnership.all(in: partnership.actions) { $0.dependsOn.contains(a.id) }
        guard !a.dependsOn.isEmpty || !waitedOnBy.isEmpty else { return }
        let blockers = Set(Dependencies.blockers(of: a, in: partnership, asOf: state.asOf).map(\.id))
        doc.heading(blockers.isEmpty ? "Dependencies (Tab to select, Enter to open)" : "Dependencies: « waits on an action at risk")
        for id in a.dependsOn {
            guard let other = partnership.action(id) else {
                doc.lines.append(DocumentLine("  waits on \(id) (not in the store)", .error))
                continue
            }
            let late = other.isOverdue(asOf: state.asOf, catalogue: partnership.catalogue)
            let risk = blockers.contains(id) ? " « \(other.rag.label.lowercased())\(late ? ", overdue" : "")" : ""
            doc.link("waits on \(id) [\(other.rag.letter)] \(other.title)\(risk)", to: .action(id))
        }
        for other in waitedOnBy {
            doc.link("waited on by \(other.id) [\(other.rag.letter)] \(other.title)", to: .action(other.id))
        }
    }
}

/// A case study, wrapped to the width, with its key figures and the actions citing it.
enum CaseStudyDocument {
    static func lines(_ state: AppState, _ id: String, width: Int) -> [DocumentLine] {
        let partnership = state.partnership
        guard let s = partnership.caseStudy(id) else { return [DocumentLine("This case study is no longer in the store.", .error)] }
        var doc = DocumentBuilder(width: width)
        doc.text(s.title, role: .heading)
        doc.blank()
        if let area = s.area, let a = partnership.area(area) {
            doc.lines.append(DocumentLine([.init(text: Text.pad("Area", to: 10) + " ", role: .dim), .init(text: "› " + a.name, role: .link)],
                                          link: .area(area)))
        } else {
            doc.field("Place", s.place)
        }
        doc.field("Themes", s.themes.map { partnership.catalogue.theme($0)?.label ?? $0 }.joined(separator: "; "))
        doc.field("Bodies", s.organisations.joined(separator: "; "))
        doc.field("Source", s.source, role: .dim)
        if !s.keyFigures.isEmpty {
            doc.heading("Key figures")
            // Values right-aligned in one column, so they read down like a table.
            let valueWidth = min(16, s.keyFigures.map { DisplayWidth.of($0.value) }.max() ?? 0)
            for figure in s.keyFigures {
                doc.spans([.init(text: "  " + Text.padLeft(figure.value, to: valueWidth), role: .heading),
                           .init(text: "  " + figure.label, role: .normal)])
            }
        }
        let citing = partnership.actions(citing: s.id)
        doc.heading(citing.isEmpty ? "No action cites this case study yet" : "Actions citing it (Tab to select, Enter to open)")
        for action in citing { doc.link("\(action.id)  \(action.title)", to: .action(action.id)) }
        if !s.text.isEmpty {
            doc.heading("Case study")
            doc.text(s.text, indent: 1)
        }
        return doc.lines
    }
}

/// An indicator as a bar from baseline to target, with the current value placed on it.
enum IndicatorBar {
    static func spans(_ i: Indicator, width: Int) -> [DocumentLine.Span] {
        let w = max(10, width)
        let filled = Int(((i.progress ?? 0) * Double(w)).rounded())
        let base = Number.format(i.baseline) + i.unit
        let target = Number.format(i.target) + i.unit
        var spans: [DocumentLine.Span] = [.init(text: "  \(base) ", role: .dim),
                                          .init(text: String(repeating: "█", count: filled), role: .indicatorFilled),
                                          .init(text: String(repeating: "░", count: w - filled), role: .indicatorEmpty),
                                          .init(text: " \(target)", role: .dim)]
        if let current = i.current, let progress = i.progress {
            spans.append(.init(text: "   now \(Number.format(current))\(i.unit) (\(Int((progress * 100).rounded()))% of the way)", role: .normal))
        } else {
            spans.append(.init(text: "   not yet measured", role: .dim))
        }
        return spans
    }
}
