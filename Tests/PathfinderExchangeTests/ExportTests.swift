import Foundation
import PathfinderExchange
import PathfinderModel
import PathfinderStore
import Testing

/// Exports read back: by this module's reader (the round trip), by LibreOffice (an independent
/// reader, where it is installed), and the calendar by a strict reading of RFC 5545.
struct ExportTests {
    @Test func anExportedWorkbookImportsBackToTheSameActions() throws {
        let p = try Sample.partnership()
        let bytes = try PlanWorkbook.bytes(p, areas: p.areas, asOf: importDay)
        for area in p.areas {
            let table = try SpreadsheetFile.read(data: bytes, name: "plan.xlsx", sheet: area.name)
            let plan = try ImportPlan.make(table, area: area, existing: p.actions(inArea: area.id), catalogue: p.catalogue,
                                           today: importDay, user: "Ann Example")
            #expect(plan.problems.isEmpty, "\(plan.problems)")
            #expect(plan.unchangedCount == p.actions(inArea: area.id).count, "\(area.id): \(plan.previewLines.joined(separator: "\n"))")
        }
    }

    @Test func anExportedWorkbookMakesTheSameActionsInAnEmptyArea() throws {
        let p = try Sample.partnership()
        let area = try #require(p.area("dorset"))
        let bytes = try PlanWorkbook.bytes(p, areas: [area], asOf: importDay)
        let table = try SpreadsheetFile.read(data: bytes, name: "plan.xlsx", sheet: "Dorset")
        let plan = try ImportPlan.make(table, area: area, existing: [], catalogue: p.catalogue, today: importDay, user: "Ann Example")
        let made = plan.creating.compactMap { row -> Action? in if case let .create(a) = row.outcome { return a }; return nil }
        let original = p.actions(inArea: "dorset").sorted { $0.id < $1.id }
        #expect(made.count == original.count)
        for (new, old) in zip(made, original) {
            // What the sheet carries; ids, notes' authors and funding are not in a steering group's sheet.
            for field in [ActionField.title, .theme, .successFactors, .lead, .leadBody, .partners, .status, .rag, .start, .due,
                          .milestones, .reviewed, .description] {
                #expect(field.value(of: new) == field.value(of: old), "\(old.id) \(field.rawValue)")
            }
            #expect(new.progress.last?.text == old.latestProgress?.text && new.progress.last?.date == old.latestProgress?.date)
        }
    }

    @Test func theWorkbookHasColouredRAGFrozenHeadersAndDateCells() throws {
        let p = try Sample.partnership()
        let bytes = try PlanWorkbook.bytes(p, areas: [p.area("portsmouth")!], asOf: importDay)
        let parts = try ZipParts.read(bytes)
        #expect(parts.keys.sorted() == ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                                        "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        let sheet = try #require(parts["xl/worksheets/sheet2.xml"])
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<col min="2" max="2" width="50.0" customWidth="1"/>"#))
        // PO-03 is green and due 2007-06-30 (serial 39263).
        #expect(sheet.contains(#"<c r="H4" s="5" t="inlineStr"><is><t xml:space="preserve">Green</t></is></c>"#))
        #expect(sheet.contains(#"<c r="J4" s="2"><v>39263</v></c>"#))
        let styles = try #require(parts["xl/styles.xml"])
        #expect(styles.contains(#"<numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/>"#))
        #expect(styles.contains(#"<fgColor rgb="FFFF5050"/>"#))
        #expect(parts["xl/workbook.xml"]?.contains(#"<sheet name="Summary" sheetId="1" r:id="rId1"/><sheet name="Portsmouth" sheetId="2" r:id="rId2"/>"#) == true)
    }

    @Test func libreOfficeReadsTheWorkbookBack() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"].first(where: FileManager.default.isExecutableFile) else {
            print("LibreOffice is not installed: the independent reading of the workbook is skipped (apt-get install libreoffice-calc)")
            return
        }
        let p = try Sample.partnership()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pf-lo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try PlanWorkbook.bytes(p, areas: p.areas, asOf: importDay).write(to: folder.appendingPathComponent("plan.xlsx"))
        let run = Process()
        run.executableURL = URL(fileURLWithPath: soffice)
        run.currentDirectoryURL = folder
        // A profile of its own, so a LibreOffice the user has open does not take the request.
        run.arguments = ["-env:UserInstallation=file://" + folder.appendingPathComponent("profile").path, "--headless",
                         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "plan.xlsx"]
        run.standardOutput = FileHandle.nullDevice
        run.standardError = FileHandle.nullDevice
        try run.run()
        run.waitUntilExit()
        let summary = try String(contentsOf: folder.appendingPathComponent("plan-Summary.csv"), encoding: .utf8)
        #expect(summary.hasPrefix("Area,Code,Actions,Open,Red,Amber,Green,Overdue,Next due\n"))
        #expect(summary.contains("Portsmouth,PO,11,"))
        let portsmouth = try SpreadsheetFile.read(path: folder.appendingPathComponent("plan-Portsmouth.csv").path, name: "lo.csv")
        let plan = try ImportPlan.make(portsmouth, area: p.area("portsmouth")!, existing: p.actions(inArea: "portsmouth"),
                                       catalogue: p.catalogue, today: importDay, user: "Ann Example")
        #expect(plan.problems.isEmpty && plan.unchangedCount == 11, "LibreOffice's reading is the same plan: \(plan.summary)")
        #expect(portsmouth.rows[3][9] == "2007-06-30", "the due date is a date cell shown in its date format")
    }
}

/// The parts of a zip as text, read by Python's zipfile (an independent reader of the container).
enum ZipParts {
    static func read(_ data: Data) throws -> [String: String] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pf-zip-\(UUID().uuidString).xlsx")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = Process()
        run.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        run.arguments = ["python3", "-c", """
            import json, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            print(json.dumps({n: z.read(n).decode('utf-8') for n in z.namelist()}))
            """, file.path]
        let pipe = Pipe()
        run.standardOutput = pipe
        try run.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        run.waitUntilExit()
        return try JSONDecoder().decode([String: String].self, from: out)
    }
}
