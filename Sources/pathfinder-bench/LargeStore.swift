import Foundation
import PathfinderModel

/// Writes a large store for benchmarks: `areas` areas of `actionsPerArea` actions, each with
/// `progressEntries` progress notes, milestones and, for some, an indicator and funding. The text
/// is varied and realistic in length so parsing costs what real files cost. Each area has
/// `organisationsPerArea` organisations (its council first), and its actions name them by id as
/// lead body and partner, beside free-text partners; and a funding agreement for every 10 of
/// its actions (issue 12).
enum LargeStore {
    static let organisationsPerArea = 40
    static let kinds = ["charity", "community-group", "social-enterprise", "faith-group", "charity", "community-group", "other"]

    static let themes = ["third-sector-involvement", "valuing-social-enterprise", "ensuring-dialogue",
                         "developing-market-intelligence", "market-development", "making-best-use-of-support",
                         "procurement-practice", "aggregation", "accreditation", "social-clauses",
                         "stable-and-sustainable-funding", "full-cost-recovery", "audit-and-analysis",
                         "local-area-agreement-targets", "measuring-impact", "guidestar", "local-area-profiles"]
    static let factors = ["strategic-commitment", "senior-accountability", "organisational-structures",
                          "regular-dialogue", "early-involvement", "market-intelligence",
                          "commissioning-and-procurement-practice", "building-capacity", "management-information-systems"]
    static let statuses = ["not-started", "in-progress", "in-progress", "blocked", "done", "dropped"]
    static let rags = ["red", "amber", "amber", "green", "green", "green"]
    static let words = ["commissioning", "third", "sector", "forum", "procurement", "funding", "review", "steering",
                        "group", "volunteers", "network", "capacity", "social", "enterprise", "council", "partners",
                        "agreed", "report", "budget", "training", "survey", "evidence", "outcomes", "contract"]

    static func sentence(_ seed: Int, words count: Int) -> String {
        var out: [String] = []
        var x = UInt64(truncatingIfNeeded: seed &* 2654435761 &+ 1)
        for _ in 0..<count {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            out.append(words[Int(x % UInt64(words.count))])
        }
        return out.joined(separator: " ").prefix(1).uppercased() + out.joined(separator: " ").dropFirst() + "."
    }

    static func code(_ index: Int) -> String {
        let letters = Array("ABCDEFGHJKMNPQRSTVWXYZ")
        return String([letters[index / (letters.count * letters.count) % letters.count],
                       letters[index / letters.count % letters.count], letters[index % letters.count]])
    }

    static func generate(at root: URL, manifest: String, areas: Int, actionsPerArea: Int, progressEntries: Int) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("case-studies"), withIntermediateDirectories: true)
        let organisations = root.appendingPathComponent("organisations")
        try fm.createDirectory(at: organisations, withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("funding"), withIntermediateDirectories: true)
        for a in 0..<areas {
            // One funding agreement for every 10 actions (15 an area at 150), each paying one of
            // the area's organisations (by id) for a few of its actions: every other one on
            // Compact terms, the rest one-year grants that fall short.
            for k in 0..<max(1, actionsPerArea / 10) {
                let actions = (0..<3).map { "\(code(a))-\(String(format: "%03d", (k * 10 + $0 * 3) % max(1, actionsPerArea)))" }
                let fair = k % 2 == 0
                try """
                ---
                title: Area \(a) agreement \(k)
                funder: Area \(a) Council
                organisation: area-\(a)-org-\(1 + k % (organisationsPerArea - 1))
                area: area-\(a)
                mechanism: \(fair ? "contract" : "grant")
                amount: \(20000 * (1 + (a + k) % 30))
                start: 2006-04-01
                term-years: \(fair ? 3 : 1)
                notice-months: \(fair ? 3 : 1)
                full-cost-recovery: "\(fair ? "yes" : "no")"
                monitoring: \(sentence(a + k, words: 8))
                monitoring-frequency: quarterly
                risk-sharing: \(sentence(a * 3 + k, words: 10))
                actions: [\(actions.joined(separator: ", "))]
                ---

                \(sentence(a * 7 + k, words: 40))

                """.write(to: root.appendingPathComponent("funding/area-\(a)-\(k).md"), atomically: false, encoding: .utf8)
            }
            let id = "area-\(a)"
            let areaCode = code(a)
            for k in 0..<organisationsPerArea {
                let seed = a * 100 + k
                let council = k == 0
                try """
                ---
                name: \(council ? "Area \(a) Council" : "\(sentence(seed, words: 3).dropLast()) \(a)-\(k)")
                kind: \(council ? "council-department" : kinds[seed % kinds.count])
                areas: [\(id)]
                themes: [\(themes[seed % themes.count])]
                services:
                  - \(sentence(seed + 5, words: 6).dropLast())
                contacts:
                  - role: Chief officer
                source: Generated for the benchmark
                ---

                \(sentence(seed + 7, words: 30))

                """.write(to: organisations.appendingPathComponent("\(id)-org-\(k).md"), atomically: false, encoding: .utf8)
            }
            let folder = root.appendingPathComponent("areas/\(id)")
            try fm.createDirectory(at: folder.appendingPathComponent("actions"), withIntermediateDirectories: true)
            try """
            ---
            name: Area \(a)
            code: \(areaCode)
            authority: Area \(a) Council
            type: \(a % 3 == 0 ? "Rural county" : "City (unitary)")
            region: Region \(a % 9)
            ---

            \(sentence(a, words: 60))

            """.write(to: folder.appendingPathComponent("area.md"), atomically: false, encoding: .utf8)
            for n in 0..<actionsPerArea {
                let seed = a * 1000 + n
                let actionID = "\(areaCode)-\(String(format: "%03d", n))"
                // Valid data: due 3 to 26 months after the start, milestones between them,
                // progress notes oldest first. A few deliberate warnings: one action in 70
                // funded on terms the Compact warns about.
                let start = Day(year: 2006, month: 1 + seed % 12, day: 1)!
                let due = Day(year: start.year, month: start.month, day: 28)!.adding(months: 3 + (seed / 5) % 24)
                var text = """
                ---
                id: \(actionID)
                title: \(sentence(seed, words: 7).dropLast())
                theme: \(themes[seed % themes.count])
                success-factors: [\(factors[seed % factors.count]), \(factors[(seed / 7) % factors.count])]
                lead: Lead officer \(seed % 97)
                lead-body: \(id)-org-0
                partners:
                  - \(id)-org-\(1 + seed % (organisationsPerArea - 1))
                  - Community forum \(seed % 7)
                status: \(statuses[seed % statuses.count])
                rag: \(rags[(seed / 3) % rags.count])
                start: \(start.iso)
                due: \(due.iso)
                milestones:
                  - title: \(sentence(seed + 1, words: 5).dropLast())
                    due: \(start.adding(days: 14).iso)
                    done: \(seed % 2 == 0)
                  - title: \(sentence(seed + 2, words: 5).dropLast())
                    done: false

                """
                if seed % 5 == 0 {
                    text += "indicator:\n  name: Local spend\n  baseline: 7\n  target: 12\n  current: \(7 + seed % 6)\n  unit: \"%\"\n"
                    text += "  readings:\n"
                    for (r, months) in [0, 3, 6].enumerated() {
                        text += "    - date: \(start.adding(months: months).iso)\n      value: \(7 + (seed % 6) * r / 2)\n"
                        text += "      note: \(sentence(seed + 7 + r, words: 6))\n      who: Officer \(r)\n"
                    }
                }
                if seed % 7 == 0 {
                    let compliant = seed % 70 != 0
                    text += "funding:\n  amount: \(10000 * (1 + seed % 40))\n  term-years: \(compliant ? 3 + seed % 3 : 1)\n"
                    text += "  notice-months: \(compliant ? 3 + seed % 4 : 1)\n  full-cost-recovery: \(compliant)\n"
                }
                text += "updated: 2006-11-\(String(format: "%02d", 1 + seed % 28))\nupdated-by: Lead officer \(seed % 97)\n---\n\n"
                text += sentence(seed + 3, words: 45) + "\n\n## Progress\n"
                for e in 0..<progressEntries {
                    text += "\n### \(start.adding(days: 9 * e + seed % 5).iso) — Officer \(e)\n"
                    text += sentence(seed * 31 + e, words: 25) + "\n"
                }
                try text.write(to: folder.appendingPathComponent("actions/\(actionID).md"), atomically: false, encoding: .utf8)
            }
        }
        // Written last: the benchmarks take a folder with a manifest for a finished store, so
        // one stopped half-way is made again rather than measured (a 20,000-action store
        // once loaded 11,388).
        try manifest.write(to: root.appendingPathComponent("pathfinder.yaml"), atomically: true, encoding: .utf8)
    }
}
