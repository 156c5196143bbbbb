import PathfinderModel

/// What the screens work out from the partnership and would otherwise work out again at every
/// key: an area plan's rows, which the keys, the layout and the drawing each asked for (a pass
/// over every action in the store each time, most of a key's cost at 52,500 actions: issue 12).
///
/// Made after each event (`AppState.prepareFrame`), so the frame and the next key read it.
/// A value inside `AppState`, so a copy of the state carries the cache of its own partnership;
/// each entry names the `partnershipVersion` it was made from and is used only while that holds.
struct FrameCache: Sendable {
    /// What a plan's rows are made from besides the partnership.
    struct PlanKey: Hashable, Sendable {
        var version: Int
        var area: String
        var filter: String
        var sort: ActionSort
        var asOf: Day
    }

    /// What an action's page is made from besides the partnership (its organisations' key).
    struct ActionPageKey: Hashable, Sendable {
        var version: Int
        var action: String
        var width: Int
        var asOf: Day
        var keyMap: KeyMap
    }

    /// The problems counted: in all, and the files with errors in each area. The status line
    /// and a plan's layout asked several times a frame, each a pass over every problem (12,050
    /// warnings in the national store) working out each one's area from its path.
    struct ProblemCounts: Sendable {
        var all: ProblemCount
        var filesWithErrors: [String: Int]

        init(_ problems: [Problem]) {
            all = ProblemCount(problems)
            var files: [String: Set<String>] = [:]
            for problem in problems where problem.severity == .error {
                if let area = problem.area { files[area, default: []].insert(problem.path) }
            }
            filesWithErrors = files.mapValues(\.count)
        }
    }

    var problems: (version: Int, counts: ProblemCounts)?
    /// An area's actions in store order.
    var areaActions: (version: Int, area: String, actions: [Action])?
    var plan: (key: PlanKey, rows: ActionPlanPage.PlanRows)?
    /// The lines of the action on screen (the layout, the drawing and each scroll key read them).
    var actionPage: (key: ActionPageKey, lines: [DocumentLine])?
}

extension AppState {
    /// The actions of an area, from the cache when it holds them for this partnership.
    func actions(inArea area: String) -> [Action] {
        if let cached = frameCache.areaActions, cached.version == partnershipVersion, cached.area == area { return cached.actions }
        return partnership.actions(inArea: area)
    }

    /// The rows of a plan (or a timeline) showing `area` with `filter` and `sort`: from the
    /// cache when they were made for this partnership, else made now.
    func planRows(area: String, filter: String, sort: ActionSort) -> ActionPlanPage.PlanRows {
        let key = FrameCache.PlanKey(version: partnershipVersion, area: area, filter: filter, sort: sort, asOf: asOf)
        if let cached = frameCache.plan, cached.key == key { return cached.rows }
        return ActionPlanPage.makeRows(actions(inArea: area), filter: filter, sort: sort, state: self)
    }

    /// An action's page at a width (the text's, see `DocumentPage.lines`): from the cache when
    /// it was made for this partnership, else made now.
    func actionPageLines(_ id: String, width: Int) -> [DocumentLine] {
        let key = FrameCache.ActionPageKey(version: partnershipVersion, action: id, width: width, asOf: asOf, keyMap: keyMap)
        if let cached = frameCache.actionPage, cached.key == key { return cached.lines }
        return ActionDocument.lines(self, id, width: width)
    }

    /// Fills the cache for the page on screen, so drawing it and the next key on it reuse the
    /// rows rather than make them again.
    mutating func prepareFrame() {
        if frameCache.problems?.version != problemsVersion { frameCache.problems = (problemsVersion, FrameCache.ProblemCounts(problems)) }
        let shown: (area: String, filter: String, sort: ActionSort)? = switch page {
        case let .actionPlan(p): (p.area, p.filter.text, p.sort)
        case let .timeline(p): (p.area, p.filter, p.sort)
        default: nil
        }
        if case let .document(p) = page, case let .action(id) = p.content {
            let width = DocumentPage.textWidth(width - 3)
            let key = FrameCache.ActionPageKey(version: partnershipVersion, action: id, width: width, asOf: asOf, keyMap: keyMap)
            if frameCache.actionPage?.key != key { frameCache.actionPage = (key, ActionDocument.lines(self, id, width: width)) }
        }
        guard let shown else { return }
        if frameCache.areaActions.map({ $0.version != partnershipVersion || $0.area != shown.area }) ?? true {
            frameCache.areaActions = (partnershipVersion, shown.area, partnership.actions(inArea: shown.area))
        }
        let key = FrameCache.PlanKey(version: partnershipVersion, area: shown.area, filter: shown.filter, sort: shown.sort, asOf: asOf)
        if frameCache.plan?.key != key {
            frameCache.plan = (key, ActionPlanPage.makeRows(actions(inArea: shown.area), filter: shown.filter, sort: shown.sort, state: self))
        }
    }
}
