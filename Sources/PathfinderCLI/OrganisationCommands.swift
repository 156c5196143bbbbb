import ArgumentParser
import Foundation
import PathfinderModel
import PathfinderReports
import PathfinderStore

/// `pathfinder link-organisations`: every action whose lead body or partner is typed as an
/// organisation's name gets the organisation's id instead (issue 12), each action through
/// `modify`, so a colleague's change to the same file meanwhile is kept.
struct LinkOrganisations: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link-organisations",
        abstract: "Write organisations' ids for lead bodies and partners typed as their names.",
        discussion: """
        A lead body or partner that is an organisation's name (case, accents and spacing aside) \
        becomes the organisation's id, which links the action to it; other text is left as it is. \
        `pathfinder check` warns about each such name.
        Examples:
          pathfinder link-organisations --dry-run
          pathfinder link-organisations --area portsmouth
        """)

    @Option(help: ArgumentHelp("Only this area's actions (its id, name or code).", valueName: "AREA"), completion: StoreNames.areaIDs) var area: String?
    @Flag(name: .customLong("dry-run"), help: "Say what would change, and change nothing.") var dryRun = false
    @OptionGroup var options: EditOptions

    func run() throws {
        let (_, store, result, _) = try options.store.loadStore()
        let p = result.partnership
        let areaID = try area.map { try findArea($0, in: p).id }
        let names = OrganisationNames(p.organisations)
        let today = try options.today()
        var changed = 0
        for action in p.actions where areaID == nil || action.area == areaID {
            guard let linked = names.linked(action) else { continue }
            for line in Self.describe(action, linked, in: p) { Output.line("\(action.id): \(line)") }
            changed += 1
            if dryRun { continue }
            // As the file is now, not as loaded: what changed since is kept.
            try store.modify(actionID: action.id, by: options.user(), today: today) { current in
                if let relinked = names.linked(current) { current = relinked }
            }
        }
        let noun = changed == 1 ? "action" : "actions"
        Output.line(dryRun ? "\(changed) \(noun) would be linked (nothing written: --dry-run)" : "\(changed) \(noun) linked")
    }

    /// "partner “Southern Focus Trust” → southern-focus-trust", one line per value rewritten.
    static func describe(_ old: Action, _ new: Action, in p: Partnership) -> [String] {
        var lines: [String] = []
        if old.leadBody != new.leadBody { lines.append("lead-body \(Quote.value(old.leadBody)) → \(new.leadBody)") }
        let names = OrganisationNames(p.organisations)
        for partner in old.partners {
            if let id = names.id(forName: partner) { lines.append("partner \(Quote.value(partner)) → \(id)") }
        }
        return lines
    }
}

/// An organisation as `pathfinder show` prints it, and as JSON with the store's own field names.
enum OrganisationText {
    static func text(_ o: Organisation, in p: Partnership, asOf: Day) -> String {
        let c = p.catalogue
        var out: [String] = [o.name.oneLine, String(repeating: "=", count: DisplayWidth.of(o.name.oneLine))]
        func field(_ label: String, _ value: String) {
            if !value.isEmpty { out.append("\(label.padding(10))\(value.oneLine)") }
        }
        field("Kind:", c.organisationKind(o.kind)?.label ?? o.kind)
        field("Size:", c.sizeBand(o.size).map { "\($0.label) (\($0.detail))" } ?? o.size)
        field("Areas:", o.areas.map { p.area($0)?.name ?? $0 }.joined(separator: "; "))
        field("Themes:", o.themes.map { c.theme($0)?.label ?? $0 }.joined(separator: "; "))
        field("Source:", o.source)
        func list(_ heading: String, _ lines: [String]) {
            guard !lines.isEmpty else { return }
            out.append("\n" + heading)
            out += lines.map { "  " + $0.oneLine }
        }
        list("Services", o.services)
        list("Accreditation", o.accreditations.map(accreditationLine))
        list("Contacts", o.contacts.map { [$0.role, $0.name, $0.reach].filter { !$0.isEmpty }.joined(separator: ", ") })
        if !o.notes.isEmpty { out.append("\n" + o.notes.trimmingTrailingNewlines) }
        let (lead, partner) = p.actions(naming: o.id)
        list("Leads", lead.map { "\($0.id)  \($0.title)" })
        list("Partner in", partner.map { "\($0.id)  \($0.title)" })
        list("Case studies", p.caseStudies(naming: o).map { "\($0.id)  \($0.title)" })
        return out.joined(separator: "\n")
    }

    /// "approved list, by Portsmouth City Council, 2006-04-01 to 2009-03-31"
    static func accreditationLine(_ a: Accreditation) -> String {
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

/// An organisation in JSON: the store's field names (kebab-case), plus what the store works out.
/// An organisation as JSON (docs/json.md): `RecordJSON.organisation`, and with `full` the
/// actions it leads or is a partner in and the case studies naming it (`show`).
enum OrganisationJSON {
    static func value(_ o: Organisation, in p: Partnership, asOf: Day, full: Bool) -> JSONValue {
        guard full else { return RecordJSON.organisation(o, accredited: o.isAccredited(on: asOf)) }
        let (lead, partner) = p.actions(naming: o.id)
        return RecordJSON.organisation(o, accredited: o.isAccredited(on: asOf),
                                       naming: (lead.map(\.id), partner.map(\.id), p.caseStudies(naming: o).map(\.id)))
    }
}
