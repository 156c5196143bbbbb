/// Every field of an area's profile a user can set, by the key its file uses. The id (the
/// folder) is not a field: a new area's is made from its name (`Slug.make`), and it never
/// changes after, since actions and meetings name it.
public enum AreaField: String, CaseIterable, Sendable {
    case name, code, authority, type, region, demography, keyFigures = "key-figures", steeringGroup = "steering-group", forums,
         source, narrative

    /// For forms and messages.
    public var label: String {
        switch self {
        case .name: "Name"
        case .code: "Code"
        case .authority: "Authority"
        case .type: "Type"
        case .region: "Region"
        case .demography: "Demography"
        case .keyFigures: "Key figures"
        case .steeringGroup: "Steering group"
        case .forums: "Forums"
        case .source: "Source"
        case .narrative: "Narrative"
        }
    }

    /// For lists of entries (key figures, members, forums): what each part of an entry is.
    public var parts: [String] {
        switch self {
        case .keyFigures: ["Label", "Value", "Source"]
        case .steeringGroup: ["Name", "Role", "Body"]
        case .forums: ["Name", "Description"]
        default: []
        }
    }

    /// One line, as a user reads it ("" when unset). Lists: entries joined by "; ", the parts
    /// of an entry by " | ", empty trailing parts left out (the form `AreaEdit.set` reads).
    public func value(of a: Area) -> String {
        switch self {
        case .name: a.name
        case .code: a.code
        case .authority: a.authority
        case .type: a.type
        case .region: a.region
        case .demography: a.demography
        case .keyFigures, .steeringGroup, .forums: EntryText.join(AreaEdit.entries(self, of: a))
        case .source: a.source
        case .narrative: a.narrative
        }
    }
}

/// A problem with a value of a record that is not an action, fit to show beside its field.
public struct RecordProblem<Field: Hashable & Sendable>: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: Field
    public var message: String

    public init(field: Field, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}

/// One field's change in a record: "Code: PO → PM".
public struct RecordFieldChange<Field: Hashable & Sendable>: Hashable, Sendable {
    public var field: Field
    public var old: String
    public var new: String
}

/// Folder and file names made from what users call things.
public enum Slug {
    /// Lowercase ASCII letters and digits joined by single dashes, at most 40 characters
    /// ("Tower Hamlets" → "tower-hamlets"; accents dropped). As the store names meeting files.
    public static func make(_ text: String) -> String {
        var out = ""
        for c in TextMatch.fold(text) {
            if c.isASCII, c.isLetter || c.isNumber {
                out.append(c)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > 40 {
            out = String(out.prefix(40))
            while out.hasSuffix("-") { out.removeLast() }
        }
        return out
    }

    /// Whether `text` is already one: what a folder or file name must be.
    public static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 40 && make(text) == text
    }
}

/// Lists of entries with parts, written on one line: "Population | 186,700 | Census 2001; …".
public enum EntryText {
    public static func join(_ entries: [[String]]) -> String {
        entries.map { parts in
            var parts = parts
            while let last = parts.last, last.isEmpty { parts.removeLast() }
            return parts.joined(separator: " | ")
        }.joined(separator: "; ")
    }

    public static func split(_ text: String) -> [[String]] {
        text.split(separator: ";").map { ActionEdit.trim(String($0)) }.filter { !$0.isEmpty }.map { entry in
            entry.split(separator: "|", omittingEmptySubsequences: false).map { ActionEdit.trim(String($0)) }
        }
    }
}

/// Setting an area's fields from typed text, checking a whole area, and comparing two versions:
/// the rules the area form follows (as `ActionEdit` for actions).
public enum AreaEdit {
    /// Sets one field from what a user typed. Lists are read as `AreaField.value(of:)` writes
    /// them. Throws `RecordProblem` (the area is then unchanged).
    public static func set(_ field: AreaField, to text: String, on area: inout Area) throws {
        let t = ActionEdit.trim(text)
        func fail(_ message: String) -> RecordProblem<AreaField> { RecordProblem(field: field, message: message) }
        if let problem = field.rule.problem(text) { throw fail(problem) }
        switch field {
        case .name:
            guard !t.isEmpty else { throw fail("a name is needed") }
            area.name = t
        case .code:
            // Codes are capitals; typing them small is forgiven.
            let code = t.uppercased()
            if let problem = codeProblem(code) { throw fail(problem) }
            area.code = code
        case .authority: area.authority = t
        case .type: area.type = t
        case .region: area.region = t
        case .demography: area.demography = t
        case .keyFigures, .steeringGroup, .forums:
            let entries = EntryText.split(t)
            if let problem = entries.lazy.compactMap({ entryProblem(field, $0) }).first { throw fail(problem) }
            setEntries(field, entries, on: &area)
        case .source: area.source = t
        case .narrative: area.narrative = text
        }
    }

    /// Why a code cannot be one, or nil: two or three capital letters, as action ids start.
    public static func codeProblem(_ code: String) -> String? {
        let ok = (2...3).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isUppercase }
        return ok ? nil : "\(Quote.value(code)) is not an area code (two or three capital letters, e.g. PO)"
    }

    /// The entries of a list field, each as its parts (`AreaField.parts`).
    public static func entries(_ field: AreaField, of a: Area) -> [[String]] {
        switch field {
        case .keyFigures: a.keyFigures.map { [$0.label, $0.value, $0.source] }
        case .steeringGroup: a.steeringGroup.map { [$0.name, $0.role, $0.body] }
        case .forums: a.forums.map { [$0.name, $0.description] }
        default: []
        }
    }

    /// Replaces a list field's entries; missing parts are empty.
    public static func setEntries(_ field: AreaField, _ entries: [[String]], on a: inout Area) {
        func part(_ e: [String], _ i: Int) -> String { e.indices.contains(i) ? ActionEdit.trim(e[i]) : "" }
        switch field {
        case .keyFigures: a.keyFigures = entries.map { KeyFigure(label: part($0, 0), value: part($0, 1), source: part($0, 2)) }
        case .steeringGroup: a.steeringGroup = entries.map { SteeringMember(name: part($0, 0), role: part($0, 1), body: part($0, 2)) }
        case .forums: a.forums = entries.map { Forum(name: part($0, 0), description: part($0, 1)) }
        default: break
        }
    }

    /// Why one entry of a list cannot be saved, or nil.
    public static func entryProblem(_ field: AreaField, _ parts: [String]) -> String? {
        func part(_ i: Int) -> String { parts.indices.contains(i) ? ActionEdit.trim(parts[i]) : "" }
        switch field {
        case .keyFigures:
            if part(0).isEmpty { return "a key figure needs a label" }
            if part(1).isEmpty { return "key figure \(Quote.value(part(0))) needs a value" }
        case .steeringGroup:
            if part(0).isEmpty && part(1).isEmpty { return "a steering group member needs a name or a role" }
        case .forums:
            if part(0).isEmpty { return "a forum needs a name" }
        default: break
        }
        return nil
    }

    /// Whole-area checks before anything is written: nothing here means it is fine to save.
    /// - Parameter others: the store's other areas, not this one as it was (for a new area, all
    ///   of them): their codes and folders must not clash with its.
    /// - Parameter lockedCode: the code its actions' ids start with, when it has actions: the
    ///   store requires every action id to start with its area's code, so it cannot change.
    public static func problems(_ a: Area, others rest: [Area], lockedCode: String? = nil) -> [RecordProblem<AreaField>] {
        var problems: [RecordProblem<AreaField>] = []
        func add(_ field: AreaField, _ message: String) { problems.append(RecordProblem(field: field, message: message)) }
        if ActionEdit.trim(a.name).isEmpty {
            add(.name, "a name is needed")
        } else if !Slug.isSlug(a.id) {
            add(.name, "its folder \(Quote.value(a.id)) must be lowercase letters, digits and dashes")
        } else if rest.contains(where: { $0.id == a.id }) {
            add(.name, "there is already an area in the folder \(Quote.value(a.id))")
        }
        if let problem = codeProblem(a.code) {
            add(.code, problem)
        } else if let other = rest.first(where: { $0.code == a.code }) {
            add(.code, "code \(a.code) is already used by \(other.name)")
        } else if let lockedCode, a.code != lockedCode {
            add(.code, "stays \(lockedCode) while the area has actions (their ids start with it)")
        }
        for field in [AreaField.keyFigures, .steeringGroup, .forums] {
            if let problem = entries(field, of: a).lazy.compactMap({ entryProblem(field, $0) }).first { add(field, problem) }
        }
        return problems
    }

    /// The fields that differ, in form order, with old and new values as users read them.
    public static func changes(from old: Area, to new: Area) -> [RecordFieldChange<AreaField>] {
        AreaField.allCases.compactMap { field in
            let a = field.value(of: old)
            let b = field.value(of: new)
            return a == b ? nil : RecordFieldChange(field: field, old: a, new: b)
        }
    }
}
