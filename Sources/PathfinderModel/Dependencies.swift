/// Which actions wait on which (`depends-on: [PO-04]`), read both ways: what an action waits
/// on, and what waits on it. Built once from a list of actions (an area's plan, or the store),
/// so the screens and reports ask it instead of scanning every action for every row.
public struct Dependencies: Sendable {
    private var waitsOn: [String: [String]] = [:]
    private var waitedOnBy: [String: [String]] = [:]

    public init(_ actions: some Sequence<Action>) {
        for a in actions where !a.dependsOn.isEmpty {
            waitsOn[a.id] = a.dependsOn
            for id in a.dependsOn { waitedOnBy[id, default: []].append(a.id) }
        }
    }

    /// True when no action names another: the screens then draw no links at all.
    public var isEmpty: Bool { waitsOn.isEmpty }

    /// The actions `id` waits on, as its file lists them.
    public func waitsOn(_ id: String) -> [String] { waitsOn[id] ?? [] }

    /// The actions that wait on `id`, in the order they were given.
    public func waitedOnBy(_ id: String) -> [String] { waitedOnBy[id] ?? [] }

    /// The open actions `action` waits on that put it at risk: red, or overdue on `asOf`.
    /// An action waiting on one of these is flagged on the plan, the action and the timeline.
    public static func blockers(of action: Action, in partnership: Partnership, asOf: Day) -> [Action] {
        blockers(of: action, find: partnership.action, asOf: asOf, catalogue: partnership.catalogue)
    }

    /// Same as `blockers(of:in:asOf:)`, looking actions up with `find` (a table by id, say).
    public static func blockers(of action: Action, find: (String) -> Action?, asOf: Day, catalogue: Catalogue) -> [Action] {
        guard !action.dependsOn.isEmpty else { return [] }
        return action.dependsOn.compactMap(find).filter { other in
            !catalogue.isClosed(status: other.status) && (other.rag == .red || other.isOverdue(asOf: asOf, catalogue: catalogue))
        }
    }
}

/// A problem `check` reports about dependencies: which action, which entry of its
/// `depends-on` list (for the line number), and what is wrong.
public struct DependencyProblem: Hashable, Sendable {
    public var action: String
    /// Index into the action's `dependsOn`.
    public var item: Int
    public var message: String

    public init(action: String, item: Int, message: String) {
        self.action = action
        self.item = item
        self.message = message
    }
}

extension Dependencies {
    /// Cycles (PO-04 waits on PO-05, which waits on PO-04), an action due before one it waits
    /// on, and ids that name no action. `known` is every action id in the store, loaded or not
    /// (nil when only part of the store was read: unknown ids are then not reported).
    public static func problems(_ actions: [Action], known: Set<String>?) -> [DependencyProblem] {
        var byID: [String: Action] = [:]
        for a in actions where byID[a.id] == nil { byID[a.id] = a }
        var problems: [DependencyProblem] = []
        for a in actions where !a.dependsOn.isEmpty {
            for (i, id) in a.dependsOn.enumerated() {
                if id == a.id {
                    problems.append(DependencyProblem(action: a.id, item: i, message: "\(a.id) depends on itself"))
                    continue
                }
                guard let other = byID[id] else {
                    if let known, !known.contains(id) {
                        problems.append(DependencyProblem(action: a.id, item: i, message: "depends on \(Quote.short(id)), which is not an action in the store"))
                    }
                    continue
                }
                if let due = a.due, let otherDue = other.due, due < otherDue {
                    problems.append(DependencyProblem(action: a.id, item: i,
                                                      message: "\(a.id) is due \(due.iso), before \(other.id) (due \(otherDue.iso)), which it depends on"))
                }
            }
        }
        // Cycles: a depth-first walk; each cycle is reported once, on the action where it was
        // found closing, naming the whole chain.
        var state: [String: Int] = [:]   // 1: on the current path, 2: done
        var path: [String] = []
        var reported = Set<Set<String>>()
        func visit(_ id: String) {
            state[id] = 1
            path.append(id)
            for (i, next) in (byID[id]?.dependsOn ?? []).enumerated() where next != id && byID[next] != nil {
                switch state[next] {
                case 1:
                    let start = path.lastIndex(of: next)!
                    let chain = Array(path[start...])
                    if reported.insert(Set(chain)).inserted {
                        problems.append(DependencyProblem(action: id, item: i,
                                                          message: "dependencies go round in a circle: " + (chain + [next]).joined(separator: " → ")))
                    }
                case nil:
                    visit(next)
                default:
                    break
                }
            }
            path.removeLast()
            state[id] = 2
        }
        for a in actions where !a.dependsOn.isEmpty && state[a.id] == nil { visit(a.id) }
        return problems
    }

    /// The actions in `order` with each chain kept together: an action that waits on another
    /// in the list moves to just after it (and after the others of its chain already placed),
    /// so a meeting discusses PO-04's decision and PO-05's draft one after the other.
    public static func keepingChainsTogether(_ order: [String], actions: [String: Action]) -> [String] {
        let inList = Set(order)
        var placed = Set<String>()
        var result: [String] = []
        // Which listed action each one follows: the first it depends on that is in the list.
        func leader(_ id: String) -> String? {
            actions[id]?.dependsOn.first { $0 != id && inList.contains($0) }
        }
        var followers: [String: [String]] = [:]
        var leads: [String] = []
        for id in order {
            if let l = leader(id), !chainReaches(from: l, to: id, leader: leader) {
                followers[l, default: []].append(id)
            } else {
                leads.append(id)
            }
        }
        func place(_ id: String) {
            guard placed.insert(id).inserted else { return }
            result.append(id)
            for f in followers[id] ?? [] { place(f) }
        }
        for id in leads { place(id) }
        for id in order where !placed.contains(id) { place(id) }   // what a cycle left out
        return result
    }

    private static func chainReaches(from start: String, to target: String, leader: (String) -> String?) -> Bool {
        var seen = Set<String>()
        var current: String? = start
        while let c = current, seen.insert(c).inserted {
            if c == target { return true }
            current = leader(c)
        }
        return false
    }
}
