import Foundation
import PathfinderModel
import ZIPFoundation

/// The plan as an .xlsx workbook for colleagues who live in spreadsheets: a summary sheet, then
/// one sheet per area with the columns a steering group reads (RAG cells coloured, dates as real
/// dates, the header row frozen, widths set). Its headers are ones `pathfinder import` matches,
/// so an exported workbook imports back to the same actions.
public enum PlanWorkbook {
    /// One column of an area's sheet: its header, width, and how an action fills it.
    struct Column: Sendable {
        var header: String
        var width: Double
        var value: @Sendable (Action, Catalogue, Day) -> WorkbookCell
    }

    static let columns: [Column] = [
        Column(header: "Id", width: 10) { a, _, _ in .text(a.id) },
        Column(header: "Title", width: 50) { a, _, _ in .text(a.title) },
        Column(header: "Theme", width: 28) { a, c, _ in .text(ActionField.theme.value(of: a, catalogue: c)) },
        Column(header: "Lead", width: 28) { a, _, _ in .text(a.lead) },
        Column(header: "Lead body", width: 28) { a, _, _ in .text(a.leadBody) },
        Column(header: "Partners", width: 28) { a, _, _ in .text(ActionField.partners.value(of: a)) },
        Column(header: "Status", width: 13) { a, c, _ in .text(ActionField.status.value(of: a, catalogue: c)) },
        Column(header: "RAG", width: 8) { a, _, _ in .rag(a.rag) },
        Column(header: "Start", width: 11) { a, _, _ in a.start.map(WorkbookCell.date) ?? .empty },
        Column(header: "Due", width: 11) { a, _, _ in a.due.map(WorkbookCell.date) ?? .empty },
        Column(header: "Overdue", width: 9) { a, c, asOf in a.isOverdue(asOf: asOf, catalogue: c) ? .text("Overdue") : .empty },
        Column(header: "Reviewed", width: 11) { a, _, _ in a.reviewed.map(WorkbookCell.date) ?? .empty },
        Column(header: "Latest progress", width: 60) { a, _, _ in
            a.latestProgress.map { .text("\($0.date.iso): \($0.text)") } ?? .empty
        },
        // Ids, not labels: a label may hold a comma, and the cell is a comma-separated list.
        Column(header: "Success factors", width: 28) { a, _, _ in .text(a.successFactors.joined(separator: ", ")) },
        // One a line: a milestone's title may hold the semicolon that separates them on one line.
        Column(header: "Milestones", width: 40) { a, _, _ in
            .text(a.milestones.map { ($0.done ? "[x] " : "[ ] ") + $0.title + ($0.due.map { " (\($0.iso))" } ?? "") }.joined(separator: "\n"))
        },
        Column(header: "Description", width: 60) { a, _, _ in .text(a.description) },
    ]

    static let summaryColumns: [(header: String, width: Double)] = [
        ("Area", 20), ("Code", 7), ("Actions", 9), ("Open", 7), ("Red", 6), ("Amber", 7), ("Green", 7), ("Overdue", 9), ("Next due", 11),
    ]

    /// The workbook of `areas` (in that order) as the bytes of an .xlsx file. The caller writes
    /// them atomically, so a failed export never leaves half a workbook where a good one was.
    public static func bytes(_ partnership: Partnership, areas: [Area], asOf: Day) throws -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for (path, data) in parts(partnership, areas: areas, asOf: asOf) {
                // A fixed date: the same plan exports to the same bytes.
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: Date(timeIntervalSince1970: 1_167_609_600),
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw ExchangeError("the workbook was not made") }
            return data
        } catch let error as ExchangeError {
            throw error
        } catch {
            throw ExchangeError("the workbook was not made (\(error))")
        }
    }

    /// The workbook's parts, by path in the zip.
    static func parts(_ p: Partnership, areas: [Area], asOf: Day) -> [(String, Data)] {
        let byArea = Dictionary(grouping: p.actions, by: \.area)
        var names = SheetNames()
        var sheets: [(name: String, xml: Data)] = [(names.unique("Summary"), summary(p, areas: areas, byArea: byArea, asOf: asOf))]
        for area in areas {
            let actions = (byArea[area.id] ?? []).sorted { $0.id < $1.id }
            sheets.append((names.unique(area.name), sheet(actions, catalogue: p.catalogue, asOf: asOf)))
        }
        var parts: [(String, Data)] = [
            ("[Content_Types].xml", Data(WorkbookXML.contentTypes(sheets: sheets.count).utf8)),
            ("_rels/.rels", Data(WorkbookXML.rootRelationships.utf8)),
            ("xl/workbook.xml", Data(WorkbookXML.workbook(sheetNames: sheets.map(\.name)).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(WorkbookXML.workbookRelationships(sheets: sheets.count).utf8)),
            ("xl/styles.xml", Data(WorkbookXML.styles.utf8)),
        ]
        for (i, s) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", s.xml)) }
        return parts
    }

    static func sheet(_ actions: [Action], catalogue: Catalogue, asOf: Day) -> Data {
        var xml = WorksheetXML(widths: columns.map(\.width))
        xml.row(columns.map { .header($0.header) })
        for a in actions { xml.row(columns.map { $0.value(a, catalogue, asOf) }) }
        return xml.finished()
    }

    static func summary(_ p: Partnership, areas: [Area], byArea: [String: [Action]], asOf: Day) -> Data {
        var xml = WorksheetXML(widths: summaryColumns.map(\.width))
        xml.row(summaryColumns.map { .header($0.header) })
        for area in areas {
            let actions = byArea[area.id] ?? []
            let open = actions.filter { !p.catalogue.isClosed(status: $0.status) }
            let nextDue = open.compactMap(\.due).filter { $0 >= asOf }.min()
            xml.row([.text(area.name), .text(area.code), .number(actions.count), .number(open.count),
                     .number(actions.count { $0.rag == .red }), .number(actions.count { $0.rag == .amber }),
                     .number(actions.count { $0.rag == .green }),
                     .number(actions.count { $0.isOverdue(asOf: asOf, catalogue: p.catalogue) }),
                     nextDue.map(WorkbookCell.date) ?? .empty])
        }
        return xml.finished()
    }
}

/// Sheet names as spreadsheets allow them: at most 31 characters, none of []:*?/\, unique
/// without regard to case.
struct SheetNames {
    var used: Set<String> = []

    mutating func unique(_ wanted: String) -> String {
        var base = String(wanted.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) && $0.value >= 0x20 }.map(Character.init))
            .trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        if base.isEmpty { base = "Sheet" }
        base = String(base.prefix(31))
        var name = base, n = 2
        while used.contains(name.lowercased()) {
            let suffix = " (\(n))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        used.insert(name.lowercased())
        return name
    }
}
