import Foundation
import PathfinderExchange
import PathfinderModel
import PathfinderStore

/// `pathfinder-bench exports [--store DIR]`: the whole store written as a workbook and as a
/// calendar (issue 15: under 10 s at 52,500 actions), each timed after one full load, as
/// `pathfinder export` spends it. The store is generated (350 areas x 150 actions, 10 notes
/// each) when DIR has none, and kept.
enum ExportBenchmark {
    static func run(_ arguments: [String]) throws -> Int32 {
        var root = FileManager.default.temporaryDirectory.appendingPathComponent("pathfinder-bench-exports-\(getpid())")
        var keep = false
        if let i = arguments.firstIndex(of: "--store"), i + 1 < arguments.count {
            root = URL(fileURLWithPath: arguments[i + 1]).standardizedFileURL
            keep = true
        }
        defer { if !keep { try? FileManager.default.removeItem(at: root) } }
        if !FileManager.default.fileExists(atPath: root.appendingPathComponent("pathfinder.yaml").path) {
            let manifest = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../PathfinderCLI/Resources/sample-areas/pathfinder.yaml").standardizedFileURL, encoding: .utf8)
            try LargeStore.generate(at: root, manifest: manifest, areas: 350, actionsPerArea: 150, progressEntries: 10)
        }
        var result: LoadResult!
        let load = try seconds { result = try PlainFileStore(root: root).load() }
        let p = result.partnership
        let asOf = Day(iso: "2007-06-30")!
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathfinder-bench-export-out-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var workbook = Data()
        let xlsx = try seconds {
            workbook = try PlanWorkbook.bytes(p, areas: p.areas, asOf: asOf)
            try AtomicFile.write([UInt8](workbook), to: folder.appendingPathComponent("plan.xlsx").path)
        }
        var calendar = ""
        let ics = try seconds {
            calendar = PlanCalendar.render(p, areas: p.areas, stamp: Date())
            try AtomicFile.write(calendar, to: folder.appendingPathComponent("plan.ics").path)
        }
        print("\(p.actions.count) actions in \(p.areas.count) areas; load \(String(format: "%.2f", load)) s")
        print("export xlsx: \(String(format: "%.2f", xlsx)) s (\(workbook.count / 1_048_576) MB, \(p.areas.count + 1) sheets)")
        print("export ics:  \(String(format: "%.2f", ics)) s (\(calendar.utf8.count / 1_048_576) MB)")
        print("load + xlsx \(String(format: "%.2f", load + xlsx)) s, load + ics \(String(format: "%.2f", load + ics)) s; peak \(peakMegabytes()) MB")
        return 0
    }
}
