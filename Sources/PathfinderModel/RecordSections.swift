/// The sections of an action's page, in the one order every view lays them out: the screens'
/// action document and `pathfinder show`. Each view writes a section its own way (styled lines
/// with links, or plain text), but which sections there are and their order come from here.
public enum ActionSection: String, CaseIterable, Hashable, Sendable {
    case fields, milestones, indicator, funding, caseStudies, description, progress

    /// The words a section's heading starts with (a view may add a count or a hint after them).
    /// The fields come first, under the title, without a heading.
    public var title: String {
        switch self {
        case .fields: ""
        case .milestones: "Milestones"
        case .indicator: "Indicator"
        case .funding: "Funding"
        case .caseStudies: "Case studies"
        case .description: "Description"
        case .progress: "Progress"
        }
    }
}

extension Action {
    /// The sections this action has something in, in order. Progress is always there: a
    /// page says so when there are no notes yet.
    public var sections: [ActionSection] {
        ActionSection.allCases.filter { section in
            switch section {
            case .fields, .progress: true
            case .milestones: !milestones.isEmpty
            case .indicator: indicator != nil
            case .funding: funding != nil
            case .caseStudies: !caseStudies.isEmpty
            case .description: !description.isEmpty
            }
        }
    }
}
