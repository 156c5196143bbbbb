import Foundation
import Testing
import PathfinderModel
@testable import PathfinderStore

/// One area's read (issue 14): its answers are a full load's answers for the files it read, and
/// a save after it is as safe as after a full load.
@Suite struct PartialLoadTests {
    /// What a full load says about one area: the part a partial read must equal.
    struct AreaPart: Equatable {
        var title: String
        var catalogue: Catalogue
        var areas: [Area]
        var actions: [Action]
        var meetings: [Meeting]
        var caseStudies: [CaseStudy]
        var organisations: [Organisation]
        var fundingAgreements: [FundingAgreement]
        var problems: [Problem]
        var editable: [String: Bool]

        /// `cited`: the case studies the area's actions cite, which the partial read reads too;
        /// `named`: the organisations they name; `funded`: the agreements naming the area or
        /// one of its actions.
        init(_ result: LoadResult, store: PlainFileStore, area: String, cited: Set<String>, named: Set<String>, funded: Set<String>,
             files: [String]) {
            let p = result.partnership
            title = p.title
            catalogue = p.catalogue
            areas = p.areas
            actions = p.actions.filter { $0.area == area }
            meetings = p.meetings.filter { $0.area == area }
            caseStudies = p.caseStudies.filter { cited.contains($0.id) }
            organisations = p.organisations.filter { named.contains($0.id) }
            fundingAgreements = p.fundingAgreements.filter { funded.contains($0.id) }
            let read = Set(files.filter { Self.isRead($0, area: area, cited: cited, named: named) })
            problems = result.problems.filter { read.contains($0.path) }
            editable = Dictionary(uniqueKeysWithValues: read.map { ($0, store.isEditable($0)) })
        }

        static func isRead(_ path: String, area: String, cited: Set<String>, named: Set<String>) -> Bool {
            let parts = path.split(separator: "/").map(String.init)
            if path == "pathfinder.yaml" { return true }
            if parts.count == 3, parts[0] == "areas", parts[2] == "area.md" { return true }
            if parts.count == 2, parts[0] == "case-studies" { return cited.contains(String(parts[1].dropLast(3))) }
            if parts.count == 2, parts[0] == "organisations" { return named.contains(String(parts[1].dropLast(3))) }
            return parts.count == 4 && parts[0] == "areas" && parts[1] == area
        }
    }

    /// Every area of a store read alone equals the full load's part for it.
    func expectEveryAreaMatches(_ root: URL) throws {
        let full = PlainFileStore(root: root)
        let all = try full.load()
        let files = PlainFileStore.storeFiles(root.path).map(\.path) + ["pathfinder.yaml"]
        let folders = Set(PlainFileStore.storeFiles(root.path).filter { $0.kind == .area }.map(\.folder))
        #expect(folders.count > 1)
        for area in folders.sorted() {
            let partial = PlainFileStore(root: root)
            let part = try partial.loadArea(area)
            let cited = Set(part.partnership.actions.flatMap(\.caseStudies))
            let named = Set(part.partnership.actions.flatMap { [$0.leadBody] + $0.partners })
            let ids = Set(part.partnership.actions.map(\.id))
            let funded = Set(all.partnership.fundingAgreements.filter { $0.area == area || $0.actions.contains(where: ids.contains) }.map(\.id))
            let mine = AreaPart(part, store: partial, area: area, cited: cited, named: named, funded: funded, files: files)
            let theirs = AreaPart(all, store: full, area: area, cited: cited, named: named, funded: funded, files: files)
            #expect(mine == theirs, "area \(area)")
            #expect(mine.problems == part.problems, "area \(area): only the files read have problems reported")
            // Only those organisations and agreements are read (the rest of the folders are not).
            #expect(Set(part.partnership.organisations.map(\.id)) == Set(mine.organisations.map(\.id)), "area \(area)")
            #expect(Set(part.partnership.fundingAgreements.map(\.id)) == funded, "area \(area)")
            if let first = mine.actions.first {
                let held = try #require(try partial.loadArea(holdingAction: first.id))
                #expect(held.partnership == part.partnership)
            }
        }
    }

    @Test func everyAreaOfTheSampleStoreReadsAsTheFullLoadReadsIt() throws {
        let root = try TestStores.copy(TestStores.sample, label: "partial-sample")
        defer { try? FileManager.default.removeItem(at: root) }
        try expectEveryAreaMatches(root)
    }

    /// One area's read takes every organisation's name from the link table: a new organisation
    /// whose name is PO-03's free-text partner is warned about at once, and one renamed away
    /// from it is not, as a full load says; a broken organisation no action names is not read.
    @Test func oneAreasReadFollowsOrganisationsAsTheyChange() throws {
        let root = try TestStores.copy(TestStores.sample, label: "partial-links")
        defer { try? FileManager.default.removeItem(at: root) }
        func warned(_ store: PlainFileStore) throws -> Bool {
            try store.loadArea("portsmouth").problems.contains { $0.path.hasSuffix("PO-03.md") && $0.message.contains("local-strategic-partnership") }
        }
        #expect(try !warned(PlainFileStore(root: root)))
        try TestStores.write(root, "organisations/local-strategic-partnership.md", "---\nname: Local Strategic Partnership\nkind: other\n---\n")
        try TestStores.write(root, "organisations/broken-elsewhere.md", "---\nname: [unclosed\n---\n")
        let store = PlainFileStore(root: root)
        #expect(try warned(store))
        #expect(try store.load().problems.contains { $0.path == "organisations/broken-elsewhere.md" })
        #expect(try !PlainFileStore(root: root).loadArea("portsmouth").problems.contains { $0.path == "organisations/broken-elsewhere.md" })
        var renamed = try #require(try store.load().partnership.organisation("local-strategic-partnership"))
        renamed.name = "Portsmouth Partnership Board"
        try store.save(renamed)
        #expect(try !warned(PlainFileStore(root: root)))
        try expectEveryAreaMatches(root)
    }

    @Test func theLinkTableReadsBackAndGoesWhenTheSummaryRereadsAnOrganisation() throws {
        let root = try TestStores.copy(TestStores.sample, label: "partial-table")
        defer { try? FileManager.default.removeItem(at: root) }
        let table = LinkTable.make(root: root.path, stamps: (FileStamp.of(root.path + "/organisations"), nil))
        #expect(table.organisations.count == 58 && table.agreements.count == 5)
        #expect(LinkTable.decode(table.bytes) == table)
        #expect(LinkTable.decode(table.bytes.dropLast()) == nil, "cut short")
        #expect(table.agreements(forArea: "portsmouth", actions: []) == ["portsmouth-good-neighbours"])
        #expect(table.agreements(forArea: "nowhere", actions: ["TH-06"]) == ["tower-hamlets-one-year-grants"])
        let names = table.names(for: ["The  Salvation ARMY", "veolia", "Someone else"])
        #expect(names.id(forName: "The  Salvation ARMY") == "the-salvation-army")
        #expect(names.isID("veolia") && names.id(forName: "Someone else") == nil)
        let store = PlainFileStore(root: root)
        _ = try store.areasSummary()
        LinkTable.write(table, root: root.path)
        _ = try store.areasSummary()
        #expect(FileManager.default.fileExists(atPath: root.path + "/" + LinkTable.path), "nothing changed: the table stays")
        // Rewritten in place: the folder's stamp is kept, the file's is not.
        let path = root.path + "/organisations/veolia.md"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Array("More notes.\n".utf8))
        try handle.close()
        _ = try store.areasSummary()
        #expect(!FileManager.default.fileExists(atPath: root.path + "/" + LinkTable.path), "the summary saw veolia.md change")
    }

    @Test func everyAreaOfAGeneratedStoreWithProblemsReadsAsTheFullLoadReadsIt() throws {
        let root = try GeneratedStore.make(label: "partial-generated", areas: 9, actionsPerArea: 12, seed: 14)
        defer { try? FileManager.default.removeItem(at: root) }
        let all = try PlainFileStore(root: root).load()
        // The generated store has the problems a partial read must see for itself.
        let messages = all.problems.map(\.message).joined(separator: "\n")
        for part in ["which does not exist in case-studies/", "unknown status", "which does not exist", "is also used by"] {
            #expect(messages.contains(part), "the generated store has a problem like \(part)")
        }
        try expectEveryAreaMatches(root)
    }

    @Test func aBrokenFileInThisAreaIsReportedWithItsLineAndOneElsewhereIsNotRead() throws {
        let root = try TestStores.copy(TestStores.sample, label: "partial-broken")
        defer { try? FileManager.default.removeItem(at: root) }
        try TestStores.write(root, "areas/dorset/actions/DO-77.md", "---\nid: DO-77\ntitle: [unclosed\n---\n")
        try TestStores.write(root, "areas/portsmouth/actions/PO-77.md", "---\nid: PO-77\ntitle: Fine\nstatus: done\n  bad: indent\n---\n")
        let full = try PlainFileStore(root: root).load().problems.filter { $0.path == "areas/portsmouth/actions/PO-77.md" }
        let store = PlainFileStore(root: root)
        let part = try store.loadArea(holdingAction: "PO-03")
        let here = try #require(part).problems.filter { $0.path == "areas/portsmouth/actions/PO-77.md" }
        #expect(!here.isEmpty && here == full, "the same problems, with the same lines, as a full load")
        #expect(here.allSatisfy { $0.line > 1 }, "\(here)")
        #expect(part?.problems.contains { $0.path.hasPrefix("areas/dorset/") } == false)
        #expect(part?.partnership.action("PO-03") != nil)
    }

    /// The same edits meet the same answers after either read: a change on disk is refused
    /// (then merged after reading it again), a file not read cannot be saved over.
    @Test func aSaveAfterAPartialReadRefusesAndMergesAsAfterAFullLoad() throws {
        var outcomes: [[String]] = []
        for partial in [false, true] {
            let root = try TestStores.copy(TestStores.sample, label: "partial-save")
            defer { try? FileManager.default.removeItem(at: root) }
            let store = PlainFileStore(root: root)
            let result = try partial ? store.loadArea("portsmouth") : store.load()
            var log: [String] = []
            var mine = try #require(result.partnership.action("PO-03"))
            mine.rag = .red
            // Someone else adds a note meanwhile.
            let other = PlainFileStore(root: root)
            _ = try other.loadForEditing()
            try other.modify(actionID: "PO-03", by: "Colleague", today: Day(iso: "2006-12-14")!) {
                $0.addProgress(ProgressEntry(date: Day(iso: "2006-12-14")!, author: "Colleague", text: "Met the forum."))
            }
            do {
                try store.save(mine)
                log.append("saved over a change")
            } catch let StoreError.changedOnDisk(path) {
                log.append("refused \(path)")
                let theirs = try #require(store.reload([path]).actions.first { $0.id == "PO-03" })
                let base = try #require(result.partnership.action("PO-03"))
                let merged = RecordMerge.merge(base: base, mine: mine, theirs: theirs)
                log.append("conflicts \(merged.conflicts.count)")
                try store.save(merged.merged)
                log.append(try TestStores.read(root, "areas/portsmouth/actions/PO-03.md"))
            }
            // A file the store did not read (partial) or that changed since (both): refused.
            try TestStores.write(root, "areas/dorset/actions/DO-01.md",
                                 try TestStores.read(root, "areas/dorset/actions/DO-01.md") + "\nHand edit.\n")
            if let dorset = try PlainFileStore(root: root).load().partnership.action("DO-01") {
                var changed = dorset
                changed.rag = .green
                do {
                    try store.save(changed)
                    log.append("saved DO-01")
                } catch {
                    log.append("DO-01: \(error)")
                }
            }
            outcomes.append(log)
        }
        #expect(outcomes[0] == outcomes[1])
        #expect(outcomes[0].first == "refused areas/portsmouth/actions/PO-03.md")
        #expect(outcomes[0].count == 4 && outcomes[0][2].contains("Met the forum.") && outcomes[0][2].contains("rag: red"))
        #expect(outcomes[0].last?.hasPrefix("DO-01: ") == true)
    }

    @Test func anActionNoAreaFolderHoldsIsNotLookedForFurther() throws {
        let root = try TestStores.copy(TestStores.sample, label: "partial-none")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try PlainFileStore(root: root).loadArea(holdingAction: "ZZ-99") == nil)
        let nowhere = try PlainFileStore(root: root).loadArea("no-such-area")
        #expect(nowhere.partnership.actions.isEmpty && nowhere.partnership.areas.count == 5)
    }
}

/// A store made from the sample's manifest with generated areas, actions and meetings, and
/// problems of every kind a partial read must see the same way as a full load: a missing case
/// study, an unknown status, an unreadable file, a meeting naming actions in other areas (and
/// one that does not exist), two areas sharing a code, an area.md that does not parse.
enum GeneratedStore {
    static func make(label: String, areas: Int, actionsPerArea: Int, seed: UInt64) throws -> URL {
        let root = try TestStores.copy(TestStores.sample, label: label)
        var random = SeededRandom(seed: seed)
        let studies = try FileManager.default.contentsOfDirectory(atPath: root.path + "/case-studies").map { String($0.dropLast(3)) }
        func code(_ a: Int) -> String { "G" + String(UnicodeScalar(UInt8(65 + a / 26))) + String(UnicodeScalar(UInt8(65 + a % 26))) }
        for a in 0..<areas {
            let folder = "areas/gen-\(a)"
            // The last area takes the first's code: an error on its area.md, and its actions' ids.
            let areaCode = a == areas - 1 ? code(0) : code(a)
            try TestStores.write(root, folder + "/area.md", "---\nname: Generated \(a)\ncode: \(areaCode)\ntype: District\n---\n\nArea \(a).\n")
            for n in 1...actionsPerArea {
                // Ids stay unique across the store: the same file name in two areas is a duplicate
                // only a full load can see (docs/DECISIONS.md, issue 14).
                let id = "\(areaCode)-\(String(format: "%02d", a == areas - 1 ? 50 + n : n))"
                let roll = Int.random(in: 0..<20, using: &random)
                if roll == 0 {
                    try TestStores.write(root, "\(folder)/actions/\(id).md", "---\nid: \(id)\ntitle: [unclosed\n---\n")
                    continue
                }
                let status = roll == 1 ? "finished" : ["not-started", "in-progress", "blocked", "done"][roll % 4]
                let cites = roll == 2 ? ["no-such-study"] : roll % 3 == 0 ? [studies[roll % studies.count]] : []
                let due = "2007-\(String(format: "%02d", 1 + roll % 12))-15"
                var text = "---\nid: \(id)\ntitle: Generated action \(n) of area \(a)\ntheme: third-sector-involvement\n"
                text += "lead: Officer \(roll)\nstatus: \(status)\nrag: \(["red", "amber", "green"][roll % 3])\ndue: \(due)\n"
                if !cites.isEmpty { text += "case-studies: [\(cites.joined(separator: ", "))]\n" }
                text += "---\n\nWhat action \(n) does.\n\n## Progress\n\n"
                for note in 0..<(roll % 4) { text += "### 2006-1\(note % 3)-0\(1 + note) — Officer \(note)\nNote \(note) on \(id).\n\n" }
                try TestStores.write(root, "\(folder)/actions/\(id).md", text)
            }
            // A meeting naming an action here, one in the next area, and one nowhere.
            let next = "\(code((a + 1) % (areas - 1)))-03"
            try TestStores.write(root, "\(folder)/meetings/2006-12-0\(1 + a % 9)-review.md",
                                 "---\ndate: 2006-12-0\(1 + a % 9)\ntitle: Review\nitems:\n  - action: \(areaCode)-02\n  - action: \(next)\n  - action: ZZ-0\(a)\n---\n")
        }
        try TestStores.write(root, "areas/gen-broken/area.md", "---\nname: [unclosed\n---\n")
        return root
    }
}
