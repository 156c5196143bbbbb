import PathfinderModel

/// What an edit key applies to on the screen shown.
extension AppState {
    /// The action an edit key applies to: the one open, or the one selected in a list.
    var targetActionID: String? { screen.action(self) }

    /// E on an area or a case study: its long text in the editor.
    mutating func editPageText() -> [Effect] {
        switch page.document {
        case let .area(id)?:
            guard let area = partnership.area(id) else { return [] }
            guard mayEdit(.area(area)) else { return [] }
            return startText(TextRequest(purpose: .narrative(area: area.id), text: area.narrative, fileName: "\(area.id)-narrative.md"))
        case let .caseStudy(id)?:
            guard let study = partnership.caseStudy(id) else { return [] }
            guard mayEdit(.caseStudy(study)) else { return [] }
            return startText(TextRequest(purpose: .caseStudyText(study.id), text: study.text, fileName: "\(study.id).md"))
        default:
            message = Message("Nothing here has text to edit", isError: true)
            return []
        }
    }
}
