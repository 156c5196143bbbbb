import Foundation
import PathfinderModel
import PathfinderReports
import PathfinderStore
import PathfinderTUI

/// Reports and minutes asked for from the screens: shown on screen, or written to a file the
/// user named (relative to the folder Pathfinder was started in), atomically, and never over
/// an existing file without a yes.
enum ScreenReports {
    /// `history`: RAG over time as the screens have it (worked out in the background); the
    /// reports work it out from the notes and meetings when it is not in yet.
    static func export(_ request: ExportRequest, partnership p: Partnership, asOf: Day, history: RAGHistoryTable? = nil) -> Event {
        let title: String
        let text: String
        switch request.kind {
        case let .minutes(id):
            guard let meeting = p.meetings.first(where: { $0.id == id }) else { return .notice("No meeting \(id)", isError: true) }
            title = "Minutes: \(meeting.title), \(meeting.date.iso)"
            text = Minutes.build(meeting, in: p, history: history?.asOf == meeting.date ? history : nil).render(request.format == "html" ? .html : .markdown)
        case let .highlight(area), let .factors(area), let .funding(area):
            let report: any RenderableReport
            switch request.kind {
            case .factors:
                report = FactorMatrixReport.build(p, area: area, asOf: asOf)
                title = "Success factors"
            case .funding:
                report = FundingRegisterReport.build(p, area: area, asOf: asOf)
                title = "Funding register" + (area.flatMap { p.area($0)?.name }.map { ": " + $0 } ?? "")
            default:
                report = HighlightReport.build(p, area: area, asOf: asOf, history: history?.asOf == asOf ? history : nil)
                title = "Highlight report: " + (area.flatMap { p.area($0)?.name } ?? "all areas")
            }
            let format = request.format.flatMap(ReportFormat.init(rawValue:)) ?? .terminal
            text = report.render(format, lineWidth: request.lineWidth ?? 100, fitTables: request.lineWidth != nil)
        }
        guard let path = request.path else {
            return .showReport(ReportPage(title: title, lines: text.components(separatedBy: "\n"), kind: request.kind))
        }
        let full = URL(fileURLWithPath: (path as NSString).expandingTildeInPath).standardizedFileURL.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) {
            if isFolder.boolValue { return .notice("\(path) is a folder: give a file name", isError: true) }
            if !request.replace { return .exportExists(request) }
        }
        do {
            try AtomicFile.write(text, to: full)
            // Named as typed, with the folder when that was not typed, so it can be found.
            let folder = (full as NSString).deletingLastPathComponent
            let place = path.hasPrefix("/") || path.hasPrefix("~") ? path : "\(path) in \(folder)"
            return .notice("Wrote \(request.kind.name(in: p)) to \(place)", isError: false)
        } catch {
            return .notice("Could not write \(path): \(error)", isError: true)
        }
    }
}
