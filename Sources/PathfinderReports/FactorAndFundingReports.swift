import PathfinderModel

/// The critical success factors (para 5.2) by area: how many actions serve each factor in each
/// area, and their RAG mix, as the success factor screen shows it.
public struct FactorMatrixReport: Hashable, Sendable {
    public struct Column: Hashable, Sendable {
        public var area: String
        public var name: String
        public var code: String
    }

    public struct Cell: Hashable, Sendable {
        /// Every action serving the factor, closed ones included (as on the screen).
        public var actions: [String]
        public var rag: RAGCount
    }

    public struct Row: Hashable, Sendable {
        public var factor: String
        public var label: String
        /// One per column, in column order.
        public var cells: [Cell]
        public var total: Int { cells.reduce(0) { $0 + $1.actions.count } }
    }

    public var partnership: String
    public var scope: String
    public var asOf: Day
    public var columns: [Column]
    public var rows: [Row]

    public static func build(_ p: Partnership, area: String? = nil, asOf: Day) -> FactorMatrixReport {
        let areas = area.map { id in p.areas.filter { $0.id == id } } ?? p.areas
        // One pass over the actions, so a store of thousands of areas is as quick as five.
        var cells: [String: [String: Cell]] = [:]   // area -> factor -> cell
        for action in p.actions {
            for factor in Set(action.successFactors) {
                var cell = cells[action.area, default: [:]][factor] ?? Cell(actions: [], rag: RAGCount())
                cell.actions.append(action.id)
                cell.rag.add(action.rag)
                cells[action.area, default: [:]][factor] = cell
            }
        }
        let rows = p.catalogue.successFactors.map { factor in
            Row(factor: factor.id, label: factor.label, cells: areas.map { a in
                cells[a.id]?[factor.id] ?? Cell(actions: [], rag: RAGCount())
            })
        }
        return FactorMatrixReport(partnership: p.title, scope: area.map { id in p.area(id)?.name ?? id } ?? "All areas",
                                  asOf: asOf, columns: areas.map { Column(area: $0.id, name: $0.name, code: $0.code) },
                                  rows: rows)
    }

    /// Actions in scope serving a factor, per column.
    public func columnTotals() -> [Int] {
        columns.indices.map { c in rows.reduce(0) { $0 + $1.cells[c].actions.count } }
    }
}

/// Funding terms as people say them, shared by every format.
enum FundingText {
    static func amount(_ f: Funding) -> String { f.amount.map { "£" + Number.grouped($0) } ?? "" }
    static func term(_ f: Funding) -> String { f.termYears.map { Number.format($0) } ?? "" }
    static func notice(_ f: Funding) -> String { f.noticeMonths.map { Number.format($0) } ?? "" }
    static func fullCost(_ f: Funding) -> String { f.fullCostRecovery.map { $0 ? "yes" : "no" } ?? "" }

    static func rules(_ r: FundingRules) -> String {
        var parts: [String] = []
        if let years = r.minimumTermYears { parts.append("\(Number.format(years))-year term as the starting point") }
        if let months = r.minimumNoticeMonths { parts.append("at least \(Number.format(months)) month\(months == 1 ? "" : "s")' notice") }
        if r.fullCostRecoveryExpected { parts.append("full cost recovery or a conscious choice") }
        if let most = r.monitoringAtMostPerYear { parts.append("monitoring at most \(Number.format(most)) times a year") }
        if r.fairPriceExpected { parts.append("fair price") }
        if r.sharedRiskExpected { parts.append("shared risk") }
        return parts.isEmpty ? "no funding rules set" : parts.joined(separator: ", ")
    }
}
