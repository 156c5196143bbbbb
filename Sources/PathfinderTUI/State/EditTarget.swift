import PathfinderModel

/// What an edit key applies to on the screen shown.
extension AppState {
    /// The action an edit key applies to: the one open, or the one selected in a list.
    var targetActionID: String? {
        switch page {
        case let .action(p): p.action
        case let .actionPlan(p): ActionPlanScreen.selectedAction(p, self)?.id
        case let .actionList(p): p.actions.indices.contains(p.cursor.selected) ? p.actions[p.cursor.selected] : nil
        case let .meeting(p): partnership.meetings.first { $0.id == p.meeting }?.items[safe: p.item]?.action
        default: nil
        }
    }

    /// E on an area or a case study: its long text in the editor.
    mutating func editPageText() -> [Effect] {
        switch page {
        case let .area(p):
            guard let area = partnership.area(p.area) else { return [] }
            guard canEdit(.area(area)) else { refuseEdit(.area(area)); return [] }
            return startText(TextRequest(purpose: .narrative(area: area.id), text: area.narrative, fileName: "\(area.id)-narrative.md"))
        case let .caseStudy(p):
            guard let study = partnership.caseStudy(p.caseStudy) else { return [] }
            guard canEdit(.caseStudy(study)) else { refuseEdit(.caseStudy(study)); return [] }
            return startText(TextRequest(purpose: .caseStudyText(study.id), text: study.text, fileName: "\(study.id).md"))
        default:
            message = Message("Nothing here has text to edit", isError: true)
            return []
        }
    }
}
