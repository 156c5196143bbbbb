import PathfinderModel

/// The formats a report can be written in.
public enum ReportFormat: String, CaseIterable, Sendable {
    case terminal, markdown, html, csv, json
}

/// A report that can be written in every `ReportFormat`.
public protocol RenderableReport: Sendable {
    var document: ReportDocument { get }
    func csv() -> String
    var json: JSONValue { get }
}

extension RenderableReport {
    /// The report in a format; the terminal format's paragraphs wrap at `lineWidth` columns
    /// (a screen passes its own width, and `fitTables` so its tables wrap too).
    public func render(_ format: ReportFormat, lineWidth: Int = 100, fitTables: Bool = false) -> String {
        switch format {
        case .terminal: document.terminal(lineWidth: lineWidth, fitTables: fitTables)
        case .markdown: document.markdown()
        case .html: document.html()
        case .csv: csv()
        case .json: json.rendered()
        }
    }
}

private func note(_ entry: ProgressEntry?) -> String {
    guard let entry else { return "" }
    return "\(entry.date.iso) \(entry.author.isEmpty ? "" : entry.author + ": ")\(entry.text)"
}


// MARK: - Highlight report

extension HighlightReport: RenderableReport {
    public var document: ReportDocument {
        var d = ReportDocument(title: "Highlight report: \(scope)")
        let multiArea = area == nil
        d.fields([("Partnership", partnership), ("As of", asOf.iso),
                  ("Changes since", since.count == 1 || Set(since.map(\.since)).count == 1
                      ? (since.first.map { "\($0.since.iso) (\(since.count == 1 ? $0.explanation : "every area"))" } ?? "")
                      : "each area's own date (below)"),
                  ("Coming period", "to \(periodEnd.iso) (\(Self.periodDays) days)")])

        d.heading(1, "Summary")
        d.paragraph("\(totalActions) action\(totalActions == 1 ? "" : "s"), \(openActions) open. Open actions by RAG: \(rag.red) red, \(rag.amber) amber, \(rag.green) green. \(overdue.count) overdue.")
        d.table(["Status", "Actions"], statusCounts.map { [$0.label, String($0.count)] }, right: [1],
                footer: [["Total", String(totalActions)]])
        d.table(["RAG", "Open actions"], [["Red", String(rag.red)], ["Amber", String(rag.amber)], ["Green", String(rag.green)]],
                right: [1], footer: [["Total", String(rag.total)]])
        d.chart(charts.ragByArea)
        if let trend = charts.trend {
            d.heading(1, "RAG over time")
            d.chart(trend)
        }

        d.heading(1, "Overdue actions")
        d.table(["Id"] + (multiArea ? ["Area"] : []) + ["RAG", "Due", "Days over", "Lead", "Title"],
                overdue.map { a in
                    [a.id] + (multiArea ? [a.areaName] : []) + [a.rag.label, a.due?.iso ?? "", String(a.daysOverdue ?? 0), a.lead, a.title]
                },
                right: [multiArea ? 4 : 3], none: "No action is overdue.")

        d.heading(1, "Red and amber actions")
        d.table(["Id"] + (multiArea ? ["Area"] : []) + ["RAG", "Status", "Due", "Lead", "Title"],
                redAndAmber.map { a in
                    [a.id] + (multiArea ? [a.areaName] : []) + [a.rag.label, a.statusLabel, a.due?.iso ?? "", a.lead, a.title]
                },
                detailHeader: "Latest progress note",
                details: redAndAmber.map { $0.latestNote.map { note($0) } ?? "No progress note yet." },
                none: "No open action is red or amber.")

        d.heading(1, "What changed")
        if since.count > 1, Set(since.map(\.since)).count > 1 {
            d.table(["Area", "Since", "Why this date"], since.map { [$0.areaName, $0.since.iso, $0.explanation] })
        }
        d.table(["Date", "Id", "By"], changes.map { c in [c.date.iso, c.action, c.by] },
                detailHeader: "Change",
                details: changes.map { c in
                    switch c.kind {
                    case .note: "Progress note: \(c.text)"
                    case .updated: "Edited (no note)"
                    case .field, .created: c.text
                    case .decision: "Decided: \(c.text)"
                    }
                },
                none: "Nothing has changed since then.")

        d.heading(1, "Indicators off course")
        let off = indicators.filter { $0.course == .offCourse }
        d.table(["Id", "Indicator", "Latest", "Target", "Due"],
                off.map { i in
                    let unit = i.indicator.unit.isEmpty ? "" : " " + i.indicator.unit
                    let latest = i.indicator.latest.map { Number.format($0.value) + unit + ($0.date.map { " (\($0.iso))" } ?? "") } ?? ""
                    return [i.action, i.indicator.name, latest, Number.format(i.indicator.target) + unit, i.due?.iso ?? ""]
                },
                none: "No indicator is off course.")

        d.heading(1, "Indicators")
        if indicators.isEmpty {
            d.paragraph("No action has an indicator.")
        } else {
            d.chart(.indicators(indicators.map { i in
                ReportChart.IndicatorRow(id: i.action, name: i.indicator.name, baseline: i.indicator.baseline,
                                         current: i.indicator.latest?.value, target: i.indicator.target, unit: i.indicator.unit)
            }))
        }

        d.heading(1, "Milestones due by \(periodEnd.iso)")
        d.table(["Due", "Id", "Milestone", "Action"],
                milestones.map { m in [m.due.iso + (m.late ? " (late)" : ""), m.action, m.title, m.actionTitle] },
                none: "No milestone falls due in the next \(Self.periodDays) days.")

        // Each area on a page of its own when printed: its open actions on a time line.
        for area in charts.areas {
            d.areaHeading(area.name)
            if case let .timeline(rows, _) = area.timeline.kind, rows.isEmpty {
                d.paragraph("No open actions.")
            } else {
                d.chart(area.timeline)
            }
            if area.leftOff > 0 {
                d.paragraph("\(area.leftOff) more open action\(area.leftOff == 1 ? " is" : "s are") not on the timeline: "
                    + "the \(HighlightCharts.timelineRows) due soonest are shown.")
            }
            if let trend = area.trend { d.chart(trend) }
        }
        return d
    }

    /// One row per action in scope.
    public func csv() -> String {
        CSV.render(["id", "area", "title", "lead", "lead_body", "status", "rag", "due", "days_overdue", "reviewed",
                    "updated", "latest_note_date", "latest_note_author", "latest_note"],
                   actions.map { a in
                       [a.id, a.area, a.title, a.lead, a.leadBody, a.status, a.rag.rawValue, a.due?.iso ?? "",
                        a.daysOverdue.map(String.init) ?? "", a.reviewed?.iso ?? "", a.updated?.iso ?? "",
                        a.latestNote?.date.iso ?? "", a.latestNote?.author ?? "", a.latestNote?.text ?? ""]
                   })
    }

    public var json: JSONValue {
        func action(_ a: ReportAction) -> JSONValue {
            .object([("id", .string(a.id)), ("area", .string(a.area)), ("title", .string(a.title)),
                     ("lead", .string(a.lead)), ("lead-body", .string(a.leadBody)), ("status", .string(a.status)),
                     ("rag", .string(a.rag.rawValue)), ("due", .day(a.due)),
                     ("days-overdue", a.daysOverdue.map { .int($0) } ?? .null),
                     ("latest-note", a.latestNote.map { n in
                         .object([("date", .string(n.date.iso)), ("author", .string(n.author)), ("text", .string(n.text))])
                     } ?? .null)])
        }
        return RecordJSON.document([
            ("report", .string("highlight")),
            ("partnership", .string(partnership)),
            ("area", .text(area)),
            ("as-of", .string(asOf.iso)),
            ("period-end", .string(periodEnd.iso)),
            ("since", .array(since.map { s in
                .object([("area", .string(s.area)), ("since", .string(s.since.iso)), ("why", .string(s.explanation))])
            })),
            ("counts", .object([
                ("actions", .int(totalActions)), ("open", .int(openActions)), ("overdue", .int(overdue.count)),
                ("status", .object(statusCounts.map { ($0.status, .int($0.count)) })),
                ("rag", .object([("red", .int(rag.red)), ("amber", .int(rag.amber)), ("green", .int(rag.green))])),
            ])),
            ("overdue", .array(overdue.map(action))),
            ("red-and-amber", .array(redAndAmber.map(action))),
            ("changes", .array(changes.map { c in
                .object([("date", .string(c.date.iso)), ("action", .string(c.action)), ("kind", .string(c.kind.rawValue)),
                         ("by", .string(c.by)), ("field", c.kind == .field ? .string(c.field) : .null),
                         ("old", c.kind == .field ? .string(c.old) : .null), ("new", c.kind == .field ? .string(c.new) : .null),
                         ("text", .string(c.text))])
            })),
            ("indicators", .array(indicators.map { i in
                .object([("action", .string(i.action)), ("name", .string(i.indicator.name)),
                         ("baseline", .number(i.indicator.baseline)), ("current", .number(i.indicator.current)),
                         ("target", .number(i.indicator.target)), ("unit", .string(i.indicator.unit)),
                         ("progress", .number(i.progress.map { ($0 * 1000).rounded() / 1000 })),
                         ("course", .string(i.course.label)),
                         ("readings", .array(i.indicator.readings.map { r in
                             .object([("date", .string(r.date.iso)), ("value", .number(r.value)), ("note", .string(r.note)),
                                      ("who", .string(r.who))])
                         }))])
            })),
            ("milestones", .array(milestones.map { m in
                .object([("due", .string(m.due.iso)), ("action", .string(m.action)), ("title", .string(m.title)),
                         ("late", .bool(m.late))])
            })),
            ("actions", .array(actions.map(action))),
        ])
    }
}

// MARK: - Success factor matrix

extension FactorMatrixReport: RenderableReport {
    private func cellText(_ cell: Cell) -> String {
        cell.actions.isEmpty ? "·" : "\(cell.actions.count) (\(cell.rag.red)/\(cell.rag.amber)/\(cell.rag.green))"
    }

    public var document: ReportDocument {
        var d = ReportDocument(title: "Critical success factors: \(scope)")
        d.fields([("Partnership", partnership), ("As of", asOf.iso)])
        d.paragraph("Actions serving each success factor in each area, with their red/amber/green split (closed actions included).")
        let headers = ["Success factor"] + columns.map(\.name) + (columns.count > 1 ? ["Total"] : [])
        let right = Set(1..<headers.count)
        d.table(headers, rows.map { r in
            [r.label] + r.cells.map(cellText) + (columns.count > 1 ? [String(r.total)] : [])
        }, right: right, none: "The catalogue lists no success factors.")
        return d
    }

    /// One row per success factor and area.
    public func csv() -> String {
        var out: [[String]] = []
        for r in rows {
            for (c, cell) in r.cells.enumerated() {
                out.append([r.factor, r.label, columns[c].area, columns[c].name, String(cell.actions.count),
                            String(cell.rag.red), String(cell.rag.amber), String(cell.rag.green),
                            cell.actions.joined(separator: " ")])
            }
        }
        return CSV.render(["factor", "factor_label", "area", "area_name", "actions", "red", "amber", "green", "action_ids"], out)
    }

    public var json: JSONValue {
        RecordJSON.document([
            ("report", .string("factors")),
            ("partnership", .string(partnership)),
            ("as-of", .string(asOf.iso)),
            ("areas", .array(columns.map { .object([("id", .string($0.area)), ("name", .string($0.name))]) })),
            ("factors", .array(rows.map { r in
                .object([("id", .string(r.factor)), ("label", .string(r.label)),
                         ("cells", .object(r.cells.enumerated().map { c, cell in
                             (columns[c].area, .object([("actions", .array(cell.actions.map { .string($0) })),
                                                         ("red", .int(cell.rag.red)), ("amber", .int(cell.rag.amber)),
                                                         ("green", .int(cell.rag.green))]))
                         }))])
            })),
        ])
    }
}
