// Temporary, lead worktree only: stands in for editcli's API until it lands. Never committed.
public enum DateInput {
    public static func parse(_ text: String, today: Day) -> Day? {
        let t = String(text.filter { $0 != " " }).lowercased()
        if t == "today" { return today }
        if t.hasPrefix("+"), t.hasSuffix("w"), let n = Int(t.dropFirst().dropLast()) { return today.adding(days: 7 * n) }
        return Day(iso: t)
    }
    public static let hint = "YYYY-MM-DD, today, +2w, +3m, end of quarter"
}
public enum ActionField: String, CaseIterable, Sendable {
    case title, status, rag, due, description, progress, milestones, reviewed
    public var label: String { rawValue }
    public func value(of a: Action) -> String {
        switch self {
        case .title: a.title
        case .status: a.status
        case .rag: a.rag.label
        case .due: a.due?.iso ?? ""
        case .description: a.description
        case .progress: "\(a.progress.count) notes"
        case .milestones: a.milestones.map(\.title).joined(separator: "; ")
        case .reviewed: a.reviewed?.iso ?? ""
        }
    }
}
public struct FieldProblem: Error, Hashable, Sendable { public var field: ActionField; public var message: String }
public struct FieldChange: Hashable, Sendable { public var field: ActionField; public var old: String; public var new: String }
public enum ActionEdit {
    public static func problems(_ action: Action, catalogue: Catalogue) -> [FieldProblem] {
        var p: [FieldProblem] = []
        if let s = action.start, let d = action.due, d < s { p.append(FieldProblem(field: .due, message: "due \(d.iso) is before start \(s.iso)")) }
        return p
    }
    public static func changes(from old: Action, to new: Action) -> [FieldChange] {
        ActionField.allCases.compactMap { f in
            let a = f.value(of: old), b = f.value(of: new)
            if f == .progress { return old.progress == new.progress ? nil : FieldChange(field: f, old: a, new: b) }
            if f == .milestones { return old.milestones == new.milestones ? nil : FieldChange(field: f, old: a, new: b) }
            return a == b ? nil : FieldChange(field: f, old: a, new: b)
        }
    }
    public static func take(_ field: ActionField, from source: Action, into target: inout Action) {
        switch field {
        case .title: target.title = source.title
        case .status: target.status = source.status
        case .rag: target.rag = source.rag
        case .due: target.due = source.due
        case .description: target.description = source.description
        case .progress: target.progress = source.progress
        case .milestones: target.milestones = source.milestones
        case .reviewed: target.reviewed = source.reviewed
        }
    }
}
