import PathfinderModel
@testable import PathfinderTUI

/// A small partnership in code, with the awkward text real stores have: Bengali and accented
/// names, an emoji, and a control character that must never reach the terminal.
enum Fixture {
    static let asOf = Day(iso: "2006-12-15")!

    static let catalogue = Catalogue(
        themes: [CatalogueEntry(id: "ensuring-dialogue", label: "Ensuring dialogue", group: "Improving commissioning"),
                 CatalogueEntry(id: "social-clauses", label: "Social clauses", group: "Strengthening procurement"),
                 CatalogueEntry(id: "measuring-impact", label: "Measuring impact", group: "Better accountability")],
        successFactors: [CatalogueEntry(id: "regular-dialogue", label: "Regular dialogue"),
                         CatalogueEntry(id: "market-intelligence", label: "Market intelligence")],
        ragMeanings: [.red: "Off track", .amber: "At risk", .green: "On track"])

    static var partnership: Partnership {
        let areas = [
            Area(id: "portsmouth", name: "Portsmouth", code: "PO", authority: "Portsmouth City Council", type: "City (unitary)",
                 region: "South East", keyFigures: [KeyFigure(label: "Third sector organisations", value: "more than 700")],
                 narrative: "Portsmouth's steering group identified six key issues."),
            Area(id: "tower-hamlets", name: "Tower Hamlets", code: "TH", authority: "London Borough of Tower Hamlets",
                 type: "London borough", region: "London"),
        ]
        let actions = [
            Action(id: "PO-01", area: "portsmouth", title: "Good Neighbours befriending for housebound people",
                   theme: "ensuring-dialogue", successFactors: ["regular-dialogue"], lead: "রহিম উদ্দিন",
                   leadBody: "Portsmouth City Council", status: "in-progress", rag: .red, start: Day(iso: "2006-04-01"),
                   due: Day(iso: "2006-11-30"), milestones: [Milestone(title: "Recruit 90 volunteers", due: Day(iso: "2006-09-30"), done: true)],
                   funding: Funding(amount: 80_000, termYears: 1, noticeMonths: 1, fullCostRecovery: false),
                   caseStudies: ["good-neighbours"], description: "Befriending for 200 housebound people.",
                   progress: [ProgressEntry(date: Day(iso: "2006-10-02")!, author: "Zoë Ahmed", text: "90 volunteers now 👍"),
                              ProgressEntry(date: Day(iso: "2006-11-14")!, author: "Forum facilitator", text: "Funding ends in March\u{1B}[31m")]),
            Action(id: "PO-02", area: "portsmouth", title: "Social clauses in council contracts", theme: "social-clauses",
                   successFactors: ["market-intelligence"], lead: "Head of Procurement", status: "not-started", rag: .amber,
                   due: Day(iso: "2007-06-30")),
            Action(id: "PO-03", area: "portsmouth", title: "Measure the impact of the forum", theme: "measuring-impact",
                   lead: "Forum facilitator", status: "done", rag: .green, due: Day(iso: "2006-10-31")),
            Action(id: "TH-01", area: "tower-hamlets", title: "Community recycling consortium", theme: "measuring-impact",
                   successFactors: ["market-intelligence"], lead: "Head of Waste", status: "in-progress", rag: .green,
                   due: Day(iso: "2007-03-31"),
                   indicator: Indicator(name: "Household recycling rate", baseline: 7, target: 12, current: 12, unit: "%")),
        ]
        let studies = [CaseStudy(id: "good-neighbours", title: "Portsmouth Good Neighbours Befriending Scheme", area: "portsmouth",
                                 themes: ["ensuring-dialogue"], keyFigures: [KeyFigure(label: "Housebound people", value: "200")],
                                 text: "The scheme supports 200 housebound people with 90 volunteers and 2 staff.")]
        return Partnership(title: "Test partnership", catalogue: catalogue, areas: areas, actions: actions, caseStudies: studies)
    }

    static func state(width: Int = 80, height: Int = 24, pages: [Page] = [.areas(AreasPage())]) -> AppState {
        AppState(partnership: partnership, asOf: asOf, storeLabel: "test-store", width: width, height: height, pages: pages)
    }
}

extension AppState {
    /// Feeds keys through `update` as the run loop would.
    func after(_ keys: Key...) -> AppState {
        keys.reduce(self) { update($0, .key($1)).0 }
    }

    func typing(_ text: String) -> AppState {
        text.reduce(self) { update($0, .key(.character($1))).0 }
    }

    /// Feeds keys through `update` in place; the effects of the last one.
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { (self, effects) = update(self, .key(key)) }
        return effects
    }
}
