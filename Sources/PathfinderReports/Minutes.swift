import PathfinderModel

/// The formats minutes can be written in.
public enum MinutesFormat: String, CaseIterable, Sendable {
    case markdown, html
}

/// The minutes of a meeting: who came, each item with its discussion, decisions and the changes
/// made to its action, and the actions the meeting created. Built once, rendered as Markdown or HTML.
public struct Minutes: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var action: String
        /// The action's title now, or a note that it is missing from the store.
        public var title: String
        public var notes: [String]
        public var decisions: [String]
        public var reviewed: Bool
        public var statusLabel: String?
        public var rag: RAG?
        public var changes: [MeetingChange]
    }

    public struct NewAction: Hashable, Sendable {
        public var id: String
        public var title: String
        public var lead: String
        public var due: Day?
    }

    public var meetingID: String
    public var areaName: String
    public var title: String
    public var date: Day
    public var ended: Bool
    public var attendees: [String]
    public var items: [Item]
    /// Changes to actions not on the agenda (made while discussing another item).
    public var otherChanges: [MeetingChange]
    public var newActions: [NewAction]
    public var notes: String
    /// The area's plan at a glance as the meeting saw it: RAG of its open actions, RAG over
    /// time, its open actions on a time line, its indicators against their targets.
    public var charts: [ReportChart] = []

    public static func build(_ meeting: Meeting, in p: Partnership, history: RAGHistoryTable? = nil) -> Minutes {
        let catalogue = p.catalogue
        let onAgenda = Set(meeting.items.map(\.action))
        let items = meeting.items.map { item in
            Item(action: item.action, title: p.action(item.action)?.title ?? "(no longer in the store)",
                 notes: item.notes, decisions: item.decisions, reviewed: item.reviewed,
                 statusLabel: item.status.map { catalogue.status($0)?.label ?? $0 }, rag: item.rag,
                 changes: meeting.changes.filter { $0.action == item.action }.map { ChangeText.readable($0, catalogue) })
        }
        let newActions = meeting.actionsCreated.map { id in
            let a = p.action(id)
            return NewAction(id: id, title: a?.title ?? "(no longer in the store)",
                             lead: a.map(p.leadText) ?? "",
                             due: a?.due)
        }
        var minutes = Minutes(meetingID: meeting.id, areaName: p.area(meeting.area)?.name ?? meeting.area, title: meeting.title,
                              date: meeting.date, ended: meeting.ended, attendees: meeting.attendees, items: items,
                              otherChanges: meeting.changes.filter { !onAgenda.contains($0.action) }.map { ChangeText.readable($0, catalogue) },
                              newActions: newActions, notes: meeting.notes.trimmingWhitespace())
        // The charts are drawn as of the meeting's day, from the area's actions as they stand.
        if let area = p.area(meeting.area) {
            let report = HighlightReport.build(p, area: area.id, asOf: meeting.date, history: history)
            minutes.charts = [report.charts.ragByArea] + (report.charts.trend.map { [$0] } ?? [])
                + report.charts.areas.map(\.timeline).filter { chart in
                    if case let .timeline(rows, _) = chart.kind { return !rows.isEmpty }
                    return false
                }
            if !report.indicators.isEmpty {
                minutes.charts.append(.indicators(report.indicators.map { i in
                    ReportChart.IndicatorRow(id: i.action, name: i.indicator.name, baseline: i.indicator.baseline,
                                             current: i.indicator.current, target: i.indicator.target, unit: i.indicator.unit)
                }))
            }
        }
        return minutes
    }

    private static func changeRows(_ changes: [MeetingChange]) -> [[String]] {
        changes.map { [$0.action, $0.field, $0.old, $0.new] }
    }

    public var document: ReportDocument {
        var d = ReportDocument(title: "Minutes: \(title)")
        d.fields([("Area", areaName), ("Date", date.iso), ("Meeting", meetingID)]
                 + (ended ? [] : [("Note", "This meeting has not ended; these minutes are a draft.")]))

        d.heading(1, "Attendees")
        if attendees.isEmpty { d.paragraph("No attendees recorded.") } else { d.bullets(attendees) }

        if !charts.isEmpty {
            d.heading(1, "The plan at a glance")
            for chart in charts { d.chart(chart) }
        }

        d.heading(1, "Items")
        if items.isEmpty { d.paragraph("No items.") }
        for (n, item) in items.enumerated() {
            d.heading(2, "\(n + 1). \(item.action): \(item.title)")
            var state: [(String, String)] = []
            if let status = item.statusLabel { state.append(("Status", status)) }
            if let rag = item.rag { state.append(("RAG", rag.label)) }
            state.append(("Reviewed", item.reviewed ? "yes" : "no"))
            d.fields(state)
            if !item.notes.isEmpty {
                d.paragraph("Discussion:")
                d.bullets(item.notes)
            }
            if !item.decisions.isEmpty {
                d.paragraph("Decisions:")
                d.bullets(item.decisions)
            }
            if item.notes.isEmpty, item.decisions.isEmpty { d.paragraph("No discussion recorded.") }
            if !item.changes.isEmpty {
                d.table(["Action", "Field", "Was", "Now"], Self.changeRows(item.changes))
            }
        }
        if !otherChanges.isEmpty {
            d.heading(1, "Other changes")
            d.table(["Action", "Field", "Was", "Now"], Self.changeRows(otherChanges))
        }

        d.heading(1, "New actions")
        d.table(["Id", "Title", "Lead", "Due"], newActions.map { [$0.id, $0.title, $0.lead, $0.due?.iso ?? ""] },
                none: "No new actions.")

        if !notes.isEmpty {
            d.heading(1, "Notes")
            for paragraph in notes.split(separator: "\n\n").map(String.init) { d.paragraph(paragraph) }
        }
        return d
    }

    public func render(_ format: MinutesFormat) -> String {
        switch format {
        case .markdown: document.markdown()
        case .html: document.html()
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\r\n" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}

/// A meeting's change as people read it: the field's label, statuses and ratings by their labels.
enum ChangeText {
    static func readable(_ c: MeetingChange, _ catalogue: Catalogue) -> MeetingChange {
        let field = ActionField(key: c.field)
        func value(_ v: String) -> String {
            if v.isEmpty { return "(none)" }
            switch field {
            case .status: return catalogue.status(v)?.label ?? v
            case .rag: return RAG(rawValue: v.lowercased())?.label ?? v
            case .theme: return catalogue.theme(v)?.label ?? v
            default: return v
            }
        }
        return MeetingChange(action: c.action, field: field?.label ?? c.field, old: value(c.old), new: value(c.new))
    }
}
