import PathfinderModel

/// An organisation (issue 12): what it is and delivers, its accreditation and contacts, the
/// actions it leads or is a partner in, and the case studies naming it, each to open.
enum OrganisationDocument {
    static func lines(_ state: AppState, _ id: String, width: Int) -> [DocumentLine] {
        let p = state.partnership
        guard let o = p.organisation(id) else { return [DocumentLine("This organisation is no longer in the store.", .error)] }
        let c = p.catalogue
        var doc = DocumentBuilder(width: width)
        doc.text(o.name, role: .heading)
        doc.blank()
        doc.field("Kind", c.organisationKind(o.kind)?.label ?? o.kind)
        doc.field("Size", c.sizeBand(o.size).map { $0.detail.isEmpty ? $0.label : "\($0.label) (\($0.detail))" } ?? o.size)
        for area in o.areas {
            doc.lines.append(DocumentLine([.init(text: Text.pad("Area", to: 10) + " ", role: .dim),
                                           .init(text: "› " + (p.area(area)?.name ?? area), role: .link)], link: .area(area)))
        }
        doc.field("Themes", o.themes.map { c.theme($0)?.label ?? $0 }.joined(separator: "; "))
        doc.field("Source", o.source, role: .dim)
        if !o.services.isEmpty {
            doc.heading("Services")
            for service in o.services { doc.field("", service, labelWidth: 1) }
        }
        if !o.accreditations.isEmpty {
            doc.heading(o.isAccredited(on: state.asOf) ? "Accreditation (✓ held on \(state.asOf.iso))" : "Accreditation (none held on \(state.asOf.iso))")
            for a in o.accreditations { doc.field("", accreditationText(a), labelWidth: 1) }
        }
        if !o.contacts.isEmpty {
            doc.heading("Contacts")
            for contact in o.contacts {
                doc.field("", [contact.role, contact.name, contact.reach].filter { !$0.isEmpty }.joined(separator: ", "), labelWidth: 1)
            }
        }
        let (lead, partner) = p.actions(naming: o.id)
        doc.heading(lead.isEmpty ? "Leads no action" : "Leads (Tab to select, Enter to open)")
        for action in lead { doc.link("\(action.id)  \(action.title)", to: .action(action.id)) }
        doc.heading(partner.isEmpty ? "A partner in no action" : "A partner in")
        for action in partner { doc.link("\(action.id)  \(action.title)", to: .action(action.id)) }
        fundingAgreements(state, o, into: &doc)
        let studies = p.caseStudies(naming: o)
        if !studies.isEmpty {
            doc.heading("Case studies")
            for study in studies { doc.link(study.title, to: .caseStudy(study.id)) }
        }
        if !o.notes.isEmpty {
            doc.heading("Notes")
            doc.text(o.notes, indent: 1)
        }
        return doc.lines
    }

    /// The organisation's funding agreements (funding/), each with its Compact check in words,
    /// between its actions and its case studies; Enter opens one.
    static func fundingAgreements(_ state: AppState, _ o: Organisation, into doc: inout DocumentBuilder) {
        let agreements = state.partnership.fundingAgreements(forOrganisation: o)
        guard !agreements.isEmpty else { return }
        doc.heading("Funding agreements")
        let rules = state.partnership.catalogue.fundingRules
        for a in agreements {
            let check = rules.check(a.terms)
            let funder = state.partnership.organisation(a.funder)?.name ?? a.funder
            // The mark first: a link is one line, and a narrow screen cuts its end.
            doc.link("\(check.keepsAll ? "✓" : "!") \(a.title) (\(funder)): \(check.summary)", to: .fundingAgreement(a.id))
        }
    }

    /// "approved list, by Portsmouth City Council, 2006-04-01 to 2009-03-31"
    static func accreditationText(_ a: Accreditation) -> String {
        var parts = [a.what]
        if !a.by.isEmpty { parts.append("by \(a.by)") }
        switch (a.from, a.until) {
        case let (from?, until?): parts.append("\(from.iso) to \(until.iso)")
        case let (from?, nil): parts.append("from \(from.iso)")
        case let (nil, until?): parts.append("until \(until.iso)")
        case (nil, nil): break
        }
        return parts.joined(separator: ", ")
    }
}

extension AppState {
    /// `O` on an action: its one organisation's page, or the list of those it names.
    mutating func openOrganisations(ofAction id: String?) {
        guard let id, let action = partnership.action(id) else {
            message = Message("Select an action first: O shows the organisations it names", isError: true)
            return
        }
        let organisations = partnership.organisations(of: action)
        switch organisations.count {
        case 0:
            message = Message("\(id) names no organisation by its id (lead body and partners are free text)", isError: true)
        case 1:
            push(.organisation(organisations[0].id))
        default:
            push(.organisations(OrganisationsPage(only: organisations.map(\.id), of: id)))
        }
    }
}
