import PathfinderModel

/// The JSON every command writes, in one shape tools can rely on (docs/json.md):
/// - a document is an object whose first key is `"version"` (`RecordJSON.version`), then what
///   the command lists (`"actions"`, `"areas"`, `"action"`, `"report"` ...);
/// - a record's keys are the store's own field names, kebab-case (`lead-body`,
///   `success-factors`, `updated-by`), nested as the files nest them (`indicator.target`);
/// - every field is present: `null` when unset, `[]` when empty; booleans are `true`/`false`;
///   dates are `YYYY-MM-DD`; catalogue values are ids (`in-progress`, `red`), not labels.
/// A new record kind adds one function here built the same way, and a section in docs/json.md.
/// Raising `version` means a key was removed or changed meaning; adding keys does not.
public enum RecordJSON {
    public static let version = 1

    /// `{"version": 1, ...pairs}`.
    public static func document(_ pairs: [(String, JSONValue)]) -> JSONValue {
        .object([("version", .int(version))] + pairs)
    }

    /// Every field of an action, in the order its file holds them, and `overdue` as of a day.
    public static func action(_ a: Action, overdue: Bool) -> JSONValue {
        .object([
            ("id", .string(a.id)), ("area", .string(a.area)), ("title", .string(a.title)), ("theme", .string(a.theme)),
            ("success-factors", strings(a.successFactors)), ("lead", .string(a.lead)), ("lead-body", .string(a.leadBody)),
            ("partners", strings(a.partners)), ("status", .string(a.status)), ("rag", .string(a.rag.rawValue)),
            ("start", .day(a.start)), ("due", .day(a.due)), ("overdue", .bool(overdue)),
            ("milestones", .array(a.milestones.map { m in
                .object([("title", .string(m.title)), ("due", .day(m.due)), ("done", .bool(m.done))])
            })),
            ("indicator", a.indicator.map { i in
                .object([("name", .string(i.name)), ("baseline", .number(i.baseline)), ("target", .number(i.target)),
                         ("current", .number(i.current)), ("unit", .string(i.unit)),
                         ("direction", i.direction.map { .string($0.rawValue) } ?? .null), ("laa-target", .string(i.laaTarget)),
                         ("readings", .array(i.readings.map { r in
                             .object([("date", .string(r.date.iso)), ("value", .number(r.value)), ("note", .string(r.note)),
                                      ("who", .string(r.who))])
                         }))])
            } ?? .null),
            ("funding", a.funding.map { f in
                .object([("amount", .number(f.amount)), ("term-years", .number(f.termYears)),
                         ("notice-months", .number(f.noticeMonths)),
                         ("full-cost-recovery", f.fullCostRecovery.map { .bool($0) } ?? .null)])
            } ?? .null),
            ("case-studies", strings(a.caseStudies)), ("reviewed", .day(a.reviewed)), ("updated", .day(a.updated)),
            ("updated-by", .string(a.updatedBy)), ("source", .string(a.source)), ("description", .string(a.description)),
            ("progress", .array(a.progress.map { n in
                .object([("date", .string(n.date.iso)), ("author", .string(n.author)), ("text", .string(n.text))])
            })),
        ])
    }

    /// An area's profile, every field of its area.md.
    public static func area(_ a: Area) -> JSONValue {
        .object([
            ("id", .string(a.id)), ("name", .string(a.name)), ("code", .string(a.code)), ("authority", .string(a.authority)),
            ("type", .string(a.type)), ("region", .string(a.region)), ("demography", .string(a.demography)),
            ("key-figures", keyFigures(a.keyFigures)),
            ("steering-group", .array(a.steeringGroup.map { m in
                .object([("name", .string(m.name)), ("role", .string(m.role)), ("body", .string(m.body))])
            })),
            ("forums", .array(a.forums.map { f in .object([("name", .string(f.name)), ("description", .string(f.description))]) })),
            ("source", .string(a.source)), ("narrative", .string(a.narrative)),
        ])
    }

    /// A line of `list areas`: the area and its counts (RAG of open actions).
    public static func areaSummary(_ s: AreaSummary) -> JSONValue {
        .object([
            ("id", .string(s.area)), ("name", .string(s.name)), ("type", .string(s.type)), ("actions", .int(s.actions)),
            ("rag", .object([("red", .int(s.rag.red)), ("amber", .int(s.rag.amber)), ("green", .int(s.rag.green))])),
            ("overdue", .int(s.overdue)), ("next-due", .day(s.nextDue)),
        ])
    }

    /// Every field of a case study's file.
    public static func caseStudy(_ s: CaseStudy) -> JSONValue {
        .object([
            ("id", .string(s.id)), ("title", .string(s.title)), ("area", .text(s.area)), ("place", .string(s.place)),
            ("themes", strings(s.themes)), ("organisations", strings(s.organisations)),
            ("key-figures", keyFigures(s.keyFigures)), ("source", .string(s.source)), ("text", .string(s.text)),
        ])
    }

    /// Every field of an organisation's file, `accredited` on the document's day, and (for
    /// `show`) the actions and case studies naming it: `leads`, `partner-in`, `case-studies`.
    public static func organisation(_ o: Organisation, accredited: Bool,
                                    naming: (leads: [String], partnerIn: [String], caseStudies: [String])? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(o.id)), ("name", .string(o.name)), ("kind", .string(o.kind)), ("size", .string(o.size)),
            ("areas", strings(o.areas)), ("themes", strings(o.themes)), ("services", strings(o.services)),
            ("accreditations", .array(o.accreditations.map { a in
                .object([("what", .string(a.what)), ("by", .string(a.by)), ("from", .day(a.from)), ("until", .day(a.until))])
            })),
            ("contacts", .array(o.contacts.map { c in .object([("role", .string(c.role)), ("name", .string(c.name)), ("reach", .string(c.reach))]) })),
            ("source", .string(o.source)), ("notes", .string(o.notes)), ("accredited", .bool(accredited)),
        ]
        if let naming {
            pairs += [("leads", strings(naming.leads)), ("partner-in", strings(naming.partnerIn)), ("case-studies", strings(naming.caseStudies))]
        }
        return .object(pairs)
    }

    /// A meeting's decision, as the decisions register lists it: the meeting (its id and title),
    /// the action it was taken under, and what it asks of whom by when, when it says so.
    public static func decision(_ d: Decision) -> JSONValue {
        .object([
            ("date", .string(d.date.iso)), ("meeting", .string(d.meeting)), ("meeting-title", .string(d.meetingTitle)),
            ("area", .string(d.area)), ("action", .string(d.action)), ("text", .string(d.text)),
            ("owner", .text(d.proposal?.owner)), ("task", .text(d.proposal?.title)), ("due", .day(d.proposal?.due)),
        ])
    }

    static func strings(_ list: [String]) -> JSONValue { .array(list.map { .string($0) }) }

    static func keyFigures(_ figures: [KeyFigure]) -> JSONValue {
        .array(figures.map { k in .object([("label", .string(k.label)), ("value", .string(k.value)), ("source", .string(k.source))]) })
    }
}
