import PathfinderModel
import Testing
@testable import PathfinderCLI
@testable import PathfinderTUI

/// `pathfinder show` and the action's screen write the same record in different styles, but
/// with the same sections in the same order (both follow `Action.sections`).
@Suite struct ShowMatchesScreenTests {
    let asOf = Day(iso: "2006-12-15")!

    func partnership(_ action: Action) -> Partnership {
        Partnership(title: "T", asOf: asOf, areas: [Area(id: "portsmouth", name: "Portsmouth", code: "PO")], actions: [action],
                    caseStudies: [CaseStudy(id: "dorset-day-services", title: "Day services in Dorset")])
    }

    /// The sections a text's lines open, in order: a line that starts with a section's title.
    func sections(_ lines: [String]) -> [ActionSection] {
        lines.compactMap { line in
            ActionSection.allCases.first { !$0.title.isEmpty && line.hasPrefix($0.title) }
        }
    }

    func screenSections(_ p: Partnership, _ id: String) -> [ActionSection] {
        let state = AppState(partnership: p, asOf: asOf, storeLabel: "test", width: 100, height: 40,
                             pages: [.action(id)])
        let headings = ActionDocument.lines(state, id, width: 97)
            .filter { $0.spans.first?.role == .heading }
            .map { $0.spans.map(\.text).joined() }
        return sections(headings)
    }

    func showSections(_ p: Partnership, _ id: String) -> [ActionSection] {
        // A section's heading follows a blank line; the fields above have none.
        let lines = ActionText.action(p.action(id)!, in: p, asOf: asOf).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return sections(zip(lines.dropLast(), lines.dropFirst()).filter { $0.0.isEmpty }.map(\.1))
    }

    @Test func everySectionInTheSameOrder() {
        let full = Action(id: "PO-03", area: "portsmouth", title: "Befriending", lead: "Jo",
                          milestones: [Milestone(title: "Recruit", due: asOf, done: true)],
                          indicator: Indicator(name: "Volunteers", baseline: 0, target: 20, current: 5),
                          funding: Funding(amount: 80_000, termYears: 1),
                          caseStudies: ["dorset-day-services"],
                          description: "Match volunteers with housebound people.",
                          progress: [ProgressEntry(date: asOf, author: "Jo", text: "Started")])
        let p = partnership(full)
        #expect(showSections(p, "PO-03") == [.milestones, .indicator, .funding, .caseStudies, .description, .progress])
        #expect(screenSections(p, "PO-03") == showSections(p, "PO-03"))
        #expect(full.sections == [.fields] + showSections(p, "PO-03"))
    }

    @Test func sectionsWithNothingInThemAreLeftOutOfBoth() {
        let bare = Action(id: "PO-04", area: "portsmouth", title: "Bare", description: "Only words.",
                          progress: [ProgressEntry(date: asOf, author: "Jo", text: "One note")])
        let p = partnership(bare)
        #expect(screenSections(p, "PO-04") == [.description, .progress])
        #expect(showSections(p, "PO-04") == [.description, .progress])
    }
}
