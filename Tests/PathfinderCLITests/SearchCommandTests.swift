import Foundation
import PathfinderModel
import PathfinderStore
import Testing
@testable import PathfinderCLI

/// `pathfinder search`: the screens' search from the command line.
@Suite struct SearchCommandTests {
    struct Found: Decodable {
        struct Hit: Decodable { var kind, id, title, field, snippet: String }
        var query: String
        var total: Int
        var results: [Hit]
    }

    static func search(_ arguments: [String], store: URL) throws -> Found {
        let r = try Fixtures.run(["search"] + arguments + ["--store", store.path, "--json"])
        #expect(r.status == 0, "\(r.err)")
        return try JSONDecoder().decode(Found.self, from: Data(r.out.utf8))
    }

    @Test func findsAreasActionsAndCaseStudiesGroupedInPlanOrder() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let found = try Self.search(["consortia"], store: s.store)
        // The steering group's meeting discussed consortia too (its notes are searched).
        #expect(found.total == 5 && found.query == "consortia")
        #expect(found.results.map(\.kind) == ["area", "action", "action", "case-study", "meeting"])
        #expect(found.results.map(\.id).prefix(3) == ["portsmouth", "PO-04", "PO-05"])
        let note = try #require(found.results.first { $0.id == "PO-05" })
        #expect(note.field.hasPrefix("progress ") && note.snippet.lowercased().contains("consortia"))
        // Every word must occur; case and accents do not matter.
        #expect(try Self.search(["CONSORTIA", "small"], store: s.store).results.map(\.id).contains("PO-04"))
        #expect(try Self.search(["consortia", "no-such-word"], store: s.store).total == 0)

        let text = try Fixtures.run(["search", "consortia", "--store", s.store.path])
        #expect(text.status == 0)
        #expect(text.out.contains("Areas (1)") && text.out.contains("Actions (2)") && text.out.contains("Case studies (1)")
                && text.out.contains("Meetings (1)"))
        #expect(text.out.hasSuffix("5 found\n"))
    }

    @Test func anAreaNarrowsTheSearchAndAnUnknownOneIsRefused() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        let everywhere = try Self.search(["procurement"], store: s.store)
        let dorset = try Self.search(["procurement", "--area", "dorset"], store: s.store)
        #expect(dorset.total > 0 && dorset.total < everywhere.total)
        #expect(dorset.results.allSatisfy { $0.kind == "case-study" || $0.id == "dorset" || $0.id.hasPrefix("DO-") })
        let r = try Fixtures.run(["search", "procurement", "--area", "nowhere", "--store", s.store.path])
        #expect(r.status == 1 && r.err.contains("no area “nowhere”"))
        let none = try Fixtures.run(["search", "zzzqqq", "--store", s.store.path])
        #expect(none.status == 0 && none.out == "Nothing found.\n")
    }

    /// The command and the screens find the same things: one search, `SearchIndex`.
    @Test func theCommandFindsWhatTheScreensFind() throws {
        let s = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: s.root) }
        // A note in Bengali with accents and an emoji, so the index's words hold them.
        let note = try Fixtures.run(["note", "PO-05", "শাহানা বেগম met the Café 🎉 group (co-op)", "--store", s.store.path])
        #expect(note.status == 0, "\(note.err)")
        let partnership = try PlainFileStore(root: s.store).load().partnership
        for words in [["volunteers"], ["consortia"], ["procurement"], ["zoe"], ["বেগম"], ["শাহানা", "বেগম"], ["cafe"], ["CAFÉ", "group"], ["🎉"],
                      ["co-op)"], ["in", "progress"], ["full", "cost", "recovery"], ["the"], ["e"], ["po-0"], ["no-such-word"]] {
            let query = words.joined(separator: " ")
            let screens = SearchIndex(partnership).search(query, limitPerKind: Search.limitPerKind)
            let command = try Self.search(words, store: s.store)
            #expect(command.total == screens.total, "\(query)")
            #expect(command.results.map { [$0.id, $0.title, $0.field, $0.snippet] } == screens.results.map { [$0.id, $0.title, $0.field, $0.snippet] },
                    "\(query)")
        }
        #expect(FileManager.default.fileExists(atPath: s.store.path + "/" + PlainFileStore.searchIndexFolder), "the search words were used")
    }
}
