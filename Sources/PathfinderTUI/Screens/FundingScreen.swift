import PathfinderModel

/// The funding register on screen (`:funding`): every agreement with its Compact check, those
/// whose notice falls in the next 90 days first; Enter opens the agreement in full, `a` adds one.
public struct FundingPage: ListScreen {
    public var cursor = ListCursor()

    public init() {}

    var page: Page { .funding(self) }
    var keyContext: KeyContext { .funding }
    func crumbs(_ state: AppState) -> [String] { ["Funding register"] }
    func path(_ state: AppState, below: [String]) -> [String] { ["Funding register"] }

    /// How far ahead "give notice by" looks (as the register report).
    static let noticeWindowDays = 90

    /// Notice due soon first (earliest first), then the rest by title.
    static func rows(_ state: AppState) -> [FundingAgreement] {
        let soon = state.partnership.fundingAgreements.filter { $0.noticeFalls(within: noticeWindowDays, of: state.asOf) }
            .sorted { ($0.noticeDate!, $0.title) < ($1.noticeDate!, $1.title) }
        return soon + state.partnership.fundingAgreements.filter { a in !soon.contains { $0.id == a.id } }
    }

    func rowCount(_ state: AppState) -> Int { state.partnership.fundingAgreements.count }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        let theme = state.theme
        let rows = Self.rows(state)
        let rules = state.partnership.catalogue.fundingRules
        let soon = rows.filter { $0.noticeFalls(within: Self.noticeWindowDays, of: state.asOf) }.count
        var heading = " \(rows.count) agreement\(rows.count == 1 ? "" : "s")"
        if soon > 0 { heading += " · ! give notice on \(soon) in the next \(Self.noticeWindowDays) days" }
        if rows.isEmpty { heading += " · none yet: a adds one" }
        screen.put(Text.truncate(heading, to: body.width), x: body.x, y: body.y, style: theme.style(for: .heading))
        let noticeWidth = 12
        // A wide screen gives the titles what the longest needs and the check the rest (both
        // were cut at 200 columns beside empty space).
        let longest = rows.map { DisplayWidth.of($0.title) }.max() ?? 0
        let checkWidth = body.width >= 120 ? max(30, body.width - 7 - noticeWidth - min(longest, body.width / 2)) : body.width >= 80 ? 30 : 0
        var cols = [Column(title: "Agreement", width: max(8, body.width - 5 - noticeWidth - checkWidth - (checkWidth > 0 ? 2 : 1))),
                    Column(title: "Notice by", width: noticeWidth)]
        if checkWidth > 0 { cols.append(Column(title: "Compact check", width: checkWidth)) }
        Table.header(cols, x: body.x + 3, y: body.y + 1, theme: theme, into: &screen)
        for (i, y) in layout.rows {
            let a = rows[i]
            let check = rules.check(a.terms)
            let due = a.noticeFalls(within: Self.noticeWindowDays, of: state.asOf)
            let selected = i == cursor.selected
            let style = theme.style(for: selected ? .selected : .normal)
            if selected { screen.fill(x: body.x, y: y, width: body.width - 1, height: 1, style: style) }
            // The mark says the check in a character, never colour alone.
            let mark = check.keepsAll ? "✓" : check.fallingShort.isEmpty ? "?" : "!"
            screen.put(mark, x: body.x + 1, y: y, style: selected ? style : theme.style(for: check.keepsAll ? .ragGreen : .warning))
            let values = [a.title, (a.noticeDate?.iso ?? "—") + (due ? " !" : ""), check.keepsAll ? "meets" : check.summary]
            var x = body.x + 3
            for (c, col) in cols.enumerated() {
                let role: Role = c == 1 && due ? .overdue : c == 0 ? .normal : .dim
                screen.put(Table.fit(values[c], col), x: x, y: y, style: selected ? style : theme.style(for: role))
                x += col.width + 1
            }
        }
        Scrollbar.draw(top: cursor.top, visible: Self.visibleRows(state), total: rows.count, x: body.x + body.width - 1,
                       y: body.y + Self.listTop, theme: theme, into: &screen)
        let room = Self.detailHeight(state)
        guard room > 0, rows.indices.contains(cursor.selected) else { return }
        let top = body.y + body.height - room
        screen.put(String(repeating: "─", count: body.width), x: body.x, y: top, style: theme.style(for: .dim))
        let lines = Self.detailLines(rows[cursor.selected], state, width: body.width - 2)
        for (k, line) in lines.prefix(room - 1).enumerated() {
            // The last line that fits says there is more, and the agreement's page has it all.
            let more = k == room - 2 && lines.count > room - 1
            screen.put(more ? Text.truncate(line.0 + " …", to: body.width - 2) : line.0, x: body.x + 1, y: top + 1 + k,
                       style: theme.style(for: line.1))
        }
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        let rows = Self.rows(state)
        if ListKeys.move(command, &cursor, count: rows.count, visible: Self.visibleRows(state)) { return [] }
        if command == .open, rows.indices.contains(cursor.selected) {
            state.page = .funding(self)
            state.push(.fundingAgreement(rows[cursor.selected].id))
        }
        return []
    }
}

extension FundingPage {
    static let listTop = 2
    /// Lines kept under the list for the selected agreement in full: the columns cut its title
    /// and check at 80 columns, and the room reads those most (issue 16's walk).
    static func detailHeight(_ state: AppState) -> Int { state.bodyHeight >= 14 ? 5 : state.bodyHeight >= 9 ? 2 : 0 }
    static func visibleRows(_ state: AppState) -> Int { max(1, state.bodyHeight - listTop - detailHeight(state)) }

    /// The selected agreement whole, under a rule: its title, who funds whom on what terms, and
    /// the Compact check's every concern, wrapped to the width.
    static func detailLines(_ a: FundingAgreement, _ state: AppState, width: Int) -> [(String, Role)] {
        let check = state.partnership.catalogue.fundingRules.check(a.terms)
        let funded = state.partnership.organisation(funded: a)?.name ?? a.organisation
        var terms = [a.funder.isEmpty ? "" : "\(a.funder) to \(funded)"]
        if let amount = a.amount { terms.append("£\(Number.grouped(amount)) a year") }
        if let years = a.termYears { terms.append("\(Number.format(years))-year term") }
        if let months = a.noticeMonths { terms.append(months == 1 ? "1 month's notice" : "\(Number.format(months)) months' notice") }
        if let notice = a.noticeDate { terms.append("notice by \(notice.iso)") }
        var lines: [(String, Role)] = Text.wrap(a.title, to: width).map { ($0, .heading) }
        lines += Text.wrap(terms.filter { !$0.isEmpty }.joined(separator: " · "), to: width).map { ($0, .normal) }
        let concerns = check.keepsAll ? ["✓ " + check.summary] : check.concernLines
        for line in concerns { lines += Text.wrap(line, to: width).map { ($0, check.keepsAll ? .ragGreen : .warning) } }
        return lines
    }
}

/// An agreement in full (issue 12): its terms, each principle's verdict with its mark, the
/// organisation funded and the actions it funds (each to open), and its notes; `e` edits it.
enum AgreementDocument {
    static func lines(_ state: AppState, _ id: String, width: Int) -> [DocumentLine] {
        let p = state.partnership
        guard let a = p.fundingAgreement(id) else { return [DocumentLine("This funding agreement is no longer in the store.", .error)] }
        var doc = DocumentBuilder(width: width)
        let labelWidth = width >= 50 ? 13 : 10
        doc.text(a.title, role: .heading)
        doc.blank()
        func field(_ label: String, _ value: String, role: Role = .normal) { doc.field(label, value, role: role, labelWidth: labelWidth) }
        field("Funder", p.organisation(a.funder)?.name ?? a.funder)
        // The organisation funded, a link to its page when the store holds it (its first line).
        let funded = labelWidth > 10 ? "Organisation" : "Funded"
        if let o = p.organisation(funded: a) {
            for (i, line) in Text.wrap("› " + o.name, to: max(1, width - labelWidth - 1)).enumerated() {
                let label = i == 0 ? Text.pad(funded, to: labelWidth) : String(repeating: " ", count: labelWidth)
                doc.lines.append(DocumentLine([.init(text: label + " ", role: .dim), .init(text: line, role: .link)],
                                              link: i == 0 ? .organisation(o.id) : nil))
            }
        } else {
            field(funded, a.organisation.isEmpty ? "not stated" : a.organisation)
        }
        field("Area", a.area.flatMap { p.area($0)?.name } ?? a.area ?? "")
        field("Mechanism", a.mechanism?.label ?? "not stated")
        field("Amount", a.amount.map { "£\(Number.grouped($0)) a year" } ?? "not stated")
        field("Start", a.start?.iso ?? "not stated")
        field("Term", a.termYears.map { "\(Number.format($0)) year\($0 == 1 ? "" : "s")" + (a.end.map { ", to \($0.iso)" } ?? "") } ?? "not stated")
        field("Notice", a.noticeMonths.map {
            "\(Number.format($0)) month\($0 == 1 ? "" : "s")" + (a.noticeDate.map { ": give notice by \($0.iso)" } ?? "")
        } ?? "not stated", role: a.noticeFalls(within: FundingPage.noticeWindowDays, of: state.asOf) ? .warning : .normal)
        field("Monitoring", [a.monitoringFrequency?.label ?? "", a.monitoring].filter { !$0.isEmpty }.joined(separator: ": "))
        field("Source", a.source, role: .dim)
        let check = p.catalogue.fundingRules.check(a.terms)
        doc.heading("Funding principles: \(check.summary)")
        // The mark hangs left of the finding, which wraps under its own first word.
        for finding in check.findings {
            doc.field("  " + finding.verdict.mark, "\(finding.principle.label): \(finding.message)",
                      role: finding.verdict == .fallsShort ? .warning : .normal, labelWidth: 3)
        }
        doc.field("", "✓ meets · ~ departs for a recorded reason · ! falls short · ? not stated", role: .dim, labelWidth: 1)
        doc.heading(a.actions.isEmpty ? "Funds no action" : "Actions (Tab to select, Enter to open)")
        for id in a.actions {
            if let action = p.action(id) { doc.link("\(id)  \(action.title)", to: .action(id)) } else {
                doc.field("", "\(id) (not in the store)", role: .dim, labelWidth: 1)
            }
        }
        if !a.notes.isEmpty {
            doc.heading("Notes")
            doc.text(a.notes, indent: 1)
        }
        return doc.lines
    }
}
