import Foundation
import Testing

/// The command line as scripts and users call it: the built binary, no terminal.
@Suite(.serialized) struct CommandLineTests {
    let sample = Fixtures.sampleStore.path

    @Test func sampleStoreChecksClean() throws {
        let r = try Fixtures.run(["check", "--store", sample])
        #expect(r.status == 0, "check failed:\n\(r.out)\n\(r.err)")
        #expect(!r.out.contains(": error:"))
        #expect(r.err.contains("5 areas"))
    }

    @Test func listAreasShowsEveryPathfinderWithTotals() throws {
        let r = try Fixtures.run(["list", "areas", "--store", sample])
        #expect(r.status == 0)
        for name in ["Cumbria", "Dorset", "Nottingham", "Portsmouth", "Tower Hamlets"] {
            #expect(r.out.contains(name), "missing \(name) in\n\(r.out)")
        }
        #expect(r.out.hasPrefix("Id "))
    }

    @Test func listActionsFiltersAndPrintsJSON() throws {
        let r = try Fixtures.run(["list", "actions", "--store", sample, "--area", "portsmouth", "--json"])
        #expect(r.status == 0, "\(r.err)")
        let json = JSONList.actions(r.out)
        let actions = try #require(json)
        #expect(actions.count >= 8)
        #expect(actions.allSatisfy { ($0["area"] as? String) == "portsmouth" })
        #expect(actions.allSatisfy { ($0["id"] as? String)?.hasPrefix("PO-") == true })

        let red = try Fixtures.run(["list", "actions", "--store", sample, "--rag", "red", "--json"])
        let reds = try #require(JSONList.actions(red.out))
        #expect(!reds.isEmpty)
        #expect(reds.allSatisfy { ($0["rag"] as? String) == "red" })

        // The sample store is pinned to December 2006, so overdue means what it meant then.
        let overdue = try Fixtures.run(["list", "actions", "--store", sample, "--overdue", "--json"])
        let late = try #require(JSONList.actions(overdue.out))
        #expect(!late.isEmpty)
        #expect(late.allSatisfy { ($0["overdue"] as? Bool) == true && (($0["due"] as? String) ?? "9") < "2006-12-15" })
        // Judged from a later day, more are overdue.
        let later = try Fixtures.run(["list", "actions", "--store", sample, "--overdue", "--as-of", "2008-12-31", "--json"])
        let laterCount = (JSONList.actions(later.out))?.count ?? 0
        #expect(laterCount > late.count)
    }

    @Test func showPrintsAnActionInFull() throws {
        let list = try Fixtures.run(["list", "actions", "--store", sample, "--area", "tower-hamlets", "--json"])
        let actions = try #require(JSONList.actions(list.out))
        let id = try #require(actions.first?["id"] as? String)
        let r = try Fixtures.run(["show", id, "--store", sample])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix(id))
        #expect(r.out.contains("Status:"))
        #expect(r.out.contains("RAG:"))
        let area = try Fixtures.run(["show", "portsmouth", "--store", sample])
        #expect(area.out.hasPrefix("Portsmouth (PO)"))
    }

    /// `show` lists the agreements funding an action, as its screen does, with their check.
    @Test func showListsTheAgreementsFundingAnAction() throws {
        let r = try Fixtures.run(["show", "DO-02", "--store", sample])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("Funding agreement dorset-day-services: Core and neighbourhood day services for older people"), "\(r.out)")
        #expect(r.out.contains("not stated: term"))
        let none = try Fixtures.run(["show", "PO-01", "--store", sample])
        #expect(!none.out.contains("Funding agreement"))
    }

    @Test func errorsAreOneLineAndExitNonZero() throws {
        let missing = try Fixtures.run(["show", "NO-SUCH", "--store", sample])
        #expect(missing.status == 1)
        #expect(missing.err.split(separator: "\n").count == 1)
        #expect(missing.err.hasPrefix("pathfinder: "))

        let badDate = try Fixtures.run(["list", "actions", "--store", sample, "--as-of", "next week"])
        #expect(badDate.status != 0)
        #expect(badDate.err.contains("--as-of"))

        let badStatus = try Fixtures.run(["list", "actions", "--store", sample, "--status", "finished"])
        #expect(badStatus.status == 1)
        #expect(badStatus.err.contains("no status “finished”"))

        let noStore = try Fixtures.run(["list", "areas", "--store", "/nonexistent/store"])
        #expect(noStore.status == 1)
        #expect(noStore.err.split(separator: "\n").count == 1)
        #expect(!noStore.err.contains("Fatal error"))
    }

    @Test func withoutATerminalOpeningPrintsTheSummary() throws {
        let r = try Fixtures.run(["--store", sample], environment: ["CI": "true"])
        #expect(r.status == 0)
        #expect(r.out.contains("All areas"))
        #expect(r.out.contains("Run `pathfinder` in a terminal"))
    }

    @Test func firstRunMakesAPerUserCopyOfTheSampleStore() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("pf-xdg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let env = ["XDG_DATA_HOME": data.path, "PATHFINDER_STORE": "", "CI": "true"]
        let first = try Fixtures.run(["list", "areas"], environment: env)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.err.contains("made your own copy of the sample store in \(data.path)/pathfinder/store"))
        #expect(FileManager.default.fileExists(atPath: data.appendingPathComponent("pathfinder/store/pathfinder.yaml").path))
        let second = try Fixtures.run(["list", "areas"], environment: env)
        #expect(!second.err.contains("made your own copy"))
        #expect(second.out == first.out)
    }

    @Test func initMakesAnEmptyStoreThatChecksClean() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pf-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let made = try Fixtures.run(["init", dir.path])
        #expect(made.status == 0, "\(made.err)")
        let manifest = try String(contentsOf: dir.appendingPathComponent("pathfinder.yaml"), encoding: .utf8)
        #expect(manifest.contains("strategic-commitment"))
        #expect(manifest.contains("full-cost-recovery"))
        let check = try Fixtures.run(["check", "--store", dir.path])
        #expect(check.status == 0, "\(check.out)\(check.err)")
        let again = try Fixtures.run(["init", dir.path])
        #expect(again.status == 1)
    }
}
