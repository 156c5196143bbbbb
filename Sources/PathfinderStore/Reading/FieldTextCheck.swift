import PathfinderModel

/// `check`'s warnings about text in a file that the screens and the command line would refuse
/// if typed (`TextRule`): a line break in a title, an escape character, a value over its
/// limit. They are warnings, not errors: the file loads and shows as it is (the value made
/// safe on screen), so nothing vanishes; the warning says what to fix before the field is
/// edited, since a form saving the field checks it again.
///
/// Every loaded file passes through here, so only text a person writes is looked at: ids,
/// catalogue references, dates and numbers are checked by the loader already.
enum FieldTextCheck {
    static func action(_ a: Action, path: String, lines: [String: Int]) -> [Problem] {
        var problems: [Problem] = []
        func check(_ field: ActionField, _ value: String, key: String? = nil) {
            if let problem = warning(field.rawValue, value, field.rule, path: path, line: lines[key ?? field.rawValue] ?? 1) {
                problems.append(problem)
            }
        }
        check(.title, a.title)
        check(.lead, a.lead)
        check(.leadBody, a.leadBody)
        check(.source, a.source)
        check(.description, a.description)
        if !a.partners.isEmpty { check(.partners, ActionField.partners.value(of: a)) }
        if !a.milestones.isEmpty { check(.milestones, ActionField.milestones.value(of: a)) }
        if let indicator = a.indicator {
            check(.indicatorName, indicator.name, key: "indicator")
            check(.indicatorUnit, indicator.unit, key: "indicator")
        }
        // Every note of every action passes here: the whole log is looked at once, as the one
        // text it is kept as, and only a log with something to say is gone through note by note
        // (making an entry per note would cost a string each: 525,000 at 52,500 actions).
        let log = a.progress
        if TextRule.note.problem(log.joinedText) != nil {
            for entry in log {
                if let problem = warning("progress note of \(entry.date.iso)", entry.text, .note, path: path, line: 1) { problems.append(problem) }
            }
        }
        for i in log.indices where TextRule.author.problem(log.author(at: i)) != nil {
            if let problem = warning("author of the note of \(log.date(at: i).iso)", log.author(at: i), .author, path: path, line: 1) {
                problems.append(problem)
            }
        }
        return problems
    }

    static func area(_ a: Area, path: String, lines: [String: Int]) -> [Problem] {
        AreaField.allCases.compactMap { field in
            warning(field.rawValue, field.value(of: a), field.rule, path: path, line: lines[field.rawValue] ?? 1)
        }
    }

    static func caseStudy(_ c: CaseStudy, path: String, lines: [String: Int]) -> [Problem] {
        CaseStudyField.allCases.compactMap { field in
            warning(field.rawValue, field.value(of: c), field.rule, path: path, line: lines[field.rawValue] ?? 1)
        }
    }

    static func organisation(_ o: Organisation, path: String, lines: [String: Int]) -> [Problem] {
        OrganisationField.allCases.compactMap { field in
            warning(field.rawValue, field.value(of: o), field.rule, path: path, line: lines[field.rawValue] ?? 1)
        }
    }

    private static func warning(_ name: String, _ value: String, _ rule: TextRule, path: String, line: Int) -> Problem? {
        guard let problem = rule.problem(value) else { return nil }
        return .warning(path, line, "\(name) \(problem): fix it here before changing it on the screens")
    }
}
