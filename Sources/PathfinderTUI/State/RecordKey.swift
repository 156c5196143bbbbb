import PathfinderModel

/// Which file a record is, whatever it holds now: how the edit session files saves waiting,
/// saves failing, versions on disk and records that may not be written. Built from a record or
/// a store path here and nowhere else.
/// Keys sort by kind (in the order below), then id: the order of the strings they replaced
/// ("action PO-03" before "new portsmouth"), so saves retried on a tick keep their order.
public enum RecordKey: Hashable, Sendable, Comparable {
    case action(String)
    case area(String)
    case caseStudy(String)
    /// A meeting's id: "<area>/<file name without .md>".
    case meeting(String)
    /// An action being made in an area, before the store gives it its id (one at a time per area).
    case newAction(area: String)
    case organisation(String)
    case fundingAgreement(String)

    /// The record a file in the store holds: "areas/po/actions/PO-03.md" → `.action("PO-03")`;
    /// nil for a file that is no record (the manifest, a catalogue).
    public init?(storePath path: String) {
        let parts = path.split(separator: "/").map(String.init)
        guard let last = parts.last, last.hasSuffix(".md") else { return nil }
        let name = String(last.dropLast(3))
        switch (parts.count, parts.first) {
        case (4, "areas") where parts[2] == "actions": self = .action(name)
        case (3, "areas") where last == "area.md": self = .area(parts[1])
        case (2, "case-studies"): self = .caseStudy(name)
        case (2, "organisations"): self = .organisation(name)
        case (2, "funding"): self = .fundingAgreement(name)
        case (4, "areas") where parts[2] == "meetings": self = .meeting("\(parts[1])/\(name)")
        default: return nil
        }
    }
}

extension Record {
    /// Identifies the file, whatever its content.
    public var key: RecordKey {
        switch self {
        case let .action(a): .action(a.id)
        case let .area(a): .area(a.id)
        case let .caseStudy(c): .caseStudy(c.id)
        case let .meeting(m): .meeting(m.id)
        case let .organisation(o): .organisation(o.id)
        case let .fundingAgreement(a): .fundingAgreement(a.id)
        }
    }
}
