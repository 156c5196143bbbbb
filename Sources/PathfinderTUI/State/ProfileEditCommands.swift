import PathfinderModel

/// Opening the area and case study forms (`AreaForm`, `CaseStudyForm`; `FormCommands.swift`
/// runs them), and what undo may not take back of a new area.
extension AppState {
    /// e on an area or a case study, a on the areas or case studies list; nil for other commands.
    mutating func performProfileEdit(_ command: Command) -> [Effect]? {
        switch command {
        case .editArea:
            guard case let .area(shown)? = page.document, let area = partnership.area(shown) else {
                message = Message("Open an area first: e edits the area on screen", isError: true)
                return []
            }
            guard mayEdit(.area(area)) else { return [] }
            open(.area(AreaForm(area: area, partnership: partnership, usesExternalEditor: edits.hasExternalEditor)))
        case .newArea:
            open(.area(AreaForm(area: nil, partnership: partnership, usesExternalEditor: edits.hasExternalEditor)))
        case .editCaseStudy:
            guard case let .caseStudy(shown)? = page.document, let study = partnership.caseStudy(shown) else {
                message = Message("Open a case study first: e edits the one on screen", isError: true)
                return []
            }
            guard mayEdit(.caseStudy(study)) else { return [] }
            open(.caseStudy(CaseStudyForm(caseStudy: study, partnership: partnership, usesExternalEditor: edits.hasExternalEditor)))
        case .newCaseStudy:
            open(.caseStudy(CaseStudyForm(caseStudy: nil, partnership: partnership, usesExternalEditor: edits.hasExternalEditor)))
        case .editOrganisation:
            guard case let .organisation(shown)? = page.document, let organisation = partnership.organisation(shown) else {
                message = Message("Open an organisation first: e edits the one on screen", isError: true)
                return []
            }
            guard mayEdit(.organisation(organisation)) else { return [] }
            open(.organisation(OrganisationForm(organisation: organisation, partnership: partnership,
                                                usesExternalEditor: edits.hasExternalEditor)))
        case .newOrganisation:
            open(.organisation(OrganisationForm(organisation: nil, partnership: partnership, usesExternalEditor: edits.hasExternalEditor)))
        case .editAgreement:
            guard case let .fundingAgreement(shown)? = page.document, let agreement = partnership.fundingAgreement(shown) else {
                message = Message("Open a funding agreement first: e edits the one on screen", isError: true)
                return []
            }
            guard mayEdit(.fundingAgreement(agreement)) else { return [] }
            open(.fundingAgreement(FundingAgreementForm(agreement: agreement, partnership: partnership, today: asOf,
                                                        usesExternalEditor: edits.hasExternalEditor)))
        case .newAgreement:
            // From an organisation's page the new agreement funds it.
            var funded: String?
            if case let .organisation(shown)? = page.document { funded = shown }
            open(.fundingAgreement(FundingAgreementForm(agreement: nil, partnership: partnership, today: asOf, organisation: funded,
                                                        usesExternalEditor: edits.hasExternalEditor)))
        default:
            return nil
        }
        return []
    }

    /// A new area or case study is not taken back by undo: its file may already hold others'
    /// work (actions filed in a new area), and the store has no trash for them. Says so, and
    /// drops the change so earlier ones undo next. Nil for every other change.
    /// Undoing a new area puts its file in the trash, which cannot be done once it holds
    /// actions or meetings (they would be left without their area).
    func undoRefusal(_ change: Change) -> String? {
        guard change.before == nil, case let .area(a)? = change.after else { return nil }
        let actions = partnership.actions(inArea: a.id).count
        let meetings = partnership.meetings(inArea: a.id).count
        guard actions + meetings > 0 else { return nil }
        return "Not undone: \(a.name) has \(actions) action\(actions == 1 ? "" : "s") and \(meetings) meeting\(meetings == 1 ? "" : "s") now"
    }
}
