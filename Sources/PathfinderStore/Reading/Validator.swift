import PathfinderModel

/// Checks that need more than one file: catalogue references, links between files, duplicate
/// ids and codes, dates against each other, and the Compact funding principles. Each problem
/// points at the line of the offending field (or list item). See docs/validation.md.
enum Validator {
    /// `catalogue` is nil when the manifest could not be read: ids are then not checked against
    /// it (one broken manifest should give one problem, not one per action). `caseStudies` nil
    /// skips the link check.
    static func action(_ a: Action, path: String, lines: [String: Int], items: [String: [Int]], catalogue: Catalogue?,
                       areaCode: String?, caseStudies: Set<String>?) -> [Problem] {
        var problems: [Problem] = []
        func line(_ key: String) -> Int { lines[key] ?? 1 }
        func error(_ key: String, _ message: String) { problems.append(.error(path, line(key), message)) }
        func warning(_ line: Int, _ message: String) { problems.append(.warning(path, line, message)) }
        if let catalogue {
            if !a.status.isEmpty, catalogue.status(a.status) == nil {
                error("status", "unknown status \"\(Quote.short(a.status))\" (expected \(Quote.choices(catalogue.statuses.map(\.id), noun: "statuses")))")
            }
            if !a.theme.isEmpty, catalogue.theme(a.theme) == nil {
                error("theme", "unknown theme \"\(Quote.short(a.theme))\" (see the themes in pathfinder.yaml)")
            }
            for (i, factor) in a.successFactors.enumerated() where catalogue.successFactor(factor) == nil {
                problems.append(.error(path, items["success-factors"]?[safe: i] ?? line("success-factors"),
                                       "unknown success factor \"\(Quote.short(factor))\" (expected \(Quote.choices(catalogue.successFactors.map(\.id), noun: "success factors")))"))
            }
        }
        if let start = a.start, let due = a.due, due < start {
            error("due", "due date \(due.iso) is before the start date \(start.iso)")
        }
        if let areaCode, !areaCode.isEmpty, let code = a.id.split(separator: "-").first, String(code) != areaCode {
            error("id", "id \"\(Quote.short(a.id))\" does not start with this area's code \(areaCode)")
        }
        if let caseStudies {
            for (i, id) in a.caseStudies.enumerated() where !caseStudies.contains(id) {
                problems.append(.error(path, items["case-studies"]?[safe: i] ?? line("case-studies"),
                                       "links to case study \"\(Quote.short(id))\", which does not exist in case-studies/"))
            }
        }
        if let due = a.due {
            for (i, milestone) in a.milestones.enumerated() {
                if let mdue = milestone.due, mdue > due {
                    warning(items["milestones"]?[safe: i] ?? line("milestones"),
                            "milestone \"\(Quote.short(milestone.title))\" is due \(mdue.iso), after the action's due date \(due.iso)")
                }
            }
        }
        if let funding = a.funding, let catalogue {
            // Each shortfall on its own line; what the shorthand leaves out, on one.
            let check = catalogue.fundingRules.check(funding.terms)
            for concern in check.fallingShort { warning(line("funding"), "funding: \(concern.message)") }
            if !check.notStated.isEmpty {
                warning(line("funding"), "funding: not stated: " + check.notStated.map { $0.principle.label.lowercased() }.joined(separator: ", ")
                        + " (a term not stated never meets the principles)")
            }
        }
        problems += FieldTextCheck.action(a, path: path, lines: lines)
        return problems
    }

    static func caseStudy(_ s: CaseStudy, path: String, lines: [String: Int], items: [String: [Int]], catalogue: Catalogue?,
                          areas: Set<String>) -> [Problem] {
        var problems: [Problem] = []
        if let area = s.area, !areas.contains(area) {
            problems.append(.error(path, lines["area"] ?? 1, "links to area \"\(Quote.short(area))\", which does not exist in areas/ (use place: for somewhere that is not a store area)"))
        }
        if let catalogue {
            for (i, theme) in s.themes.enumerated() where catalogue.theme(theme) == nil {
                problems.append(.error(path, items["themes"]?[safe: i] ?? lines["themes"] ?? 1,
                                       "unknown theme \"\(Quote.short(theme))\" (see the themes in pathfinder.yaml)"))
            }
        }
        problems += FieldTextCheck.caseStudy(s, path: path, lines: lines)
        return problems
    }

    static func organisation(_ o: Organisation, path: String, lines: [String: Int], items: [String: [Int]], catalogue: Catalogue?,
                             areas: Set<String>) -> [Problem] {
        var problems: [Problem] = []
        if let catalogue {
            if !o.kind.isEmpty, catalogue.organisationKind(o.kind) == nil {
                problems.append(.error(path, lines["kind"] ?? 1,
                                       "unknown kind \"\(Quote.short(o.kind))\" (expected \(Quote.choices(catalogue.organisationKinds.map(\.id), noun: "kinds")))"))
            }
            if !o.size.isEmpty, catalogue.sizeBand(o.size) == nil {
                problems.append(.error(path, lines["size"] ?? 1,
                                       "unknown size band \"\(Quote.short(o.size))\" (expected \(Quote.choices(catalogue.sizeBands.map(\.id), noun: "size bands")))"))
            }
            for (i, theme) in o.themes.enumerated() where catalogue.theme(theme) == nil {
                problems.append(.error(path, items["themes"]?[safe: i] ?? lines["themes"] ?? 1,
                                       "unknown theme \"\(Quote.short(theme))\" (see the themes in pathfinder.yaml)"))
            }
        }
        for (i, area) in o.areas.enumerated() where !areas.contains(area) {
            problems.append(.error(path, items["areas"]?[safe: i] ?? lines["areas"] ?? 1,
                                   "works in area \"\(Quote.short(area))\", which does not exist in areas/"))
        }
        problems += FieldTextCheck.organisation(o, path: path, lines: lines)
        return problems
    }

    /// Warnings for an action's lead body or partners typed as the name of an organisation the
    /// store holds: written as its id they link to it (`pathfinder link-organisations`).
    static func organisationLinks(_ a: Action, path: String, lines: [String: Int], items: [String: [Int]],
                                  names: OrganisationNames) -> [Problem] {
        guard !names.isEmpty else { return [] }
        var problems: [Problem] = []
        if let id = names.id(forName: a.leadBody) {
            problems.append(.warning(path, lines["lead-body"] ?? 1,
                                     "lead-body \"\(Quote.short(a.leadBody))\" is the organisation \(id): write \"lead-body: \(id)\" to link them (pathfinder link-organisations does it for every action)"))
        }
        for (i, partner) in a.partners.enumerated() {
            guard let id = names.id(forName: partner) else { continue }
            problems.append(.warning(path, items["partners"]?[safe: i] ?? lines["partners"] ?? 1,
                                     "partner \"\(Quote.short(partner))\" is the organisation \(id): write \"- \(id)\" to link them (pathfinder link-organisations does it for every action)"))
        }
        return problems
    }

    static func meeting(_ m: Meeting, path: String, lines: [String: Int], items: [String: [Int]], actions: Set<String>) -> [Problem] {
        var problems: [Problem] = []
        func check(_ key: String, _ ids: [String], _ what: String) {
            for (i, id) in ids.enumerated() where !id.isEmpty && !actions.contains(id) {
                problems.append(.error(path, items[key]?[safe: i] ?? lines[key] ?? 1, "\(what) names action \"\(Quote.short(id))\", which does not exist"))
            }
        }
        check("items", m.items.map(\.action), "agenda item")
        check("changes", m.changes.map(\.action), "change")
        check("actions-created", m.actionsCreated, "actions-created")
        return problems
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
