import PathfinderModel

// MARK: Mouse hit-testing: which list row or link is at a screen position.
extension AppState {
    /// The row index (in the page's own list) under a screen position.
    func rowAt(x: Int, y: Int) -> Int? {
        let bodyY = y - 1
        guard bodyY >= 0, bodyY < bodyHeight else { return nil }
        switch page {
        case let .areas(cursor):
            let i = bodyY - AreasScreen.listTop + cursor.top
            return (bodyY >= AreasScreen.listTop && partnership.areas.indices.contains(i)) ? i : nil
        case let .actionPlan(p):
            let top = ActionPlanScreen.listTop(self)
            let i = bodyY - top + p.cursor.top
            let rows = ActionPlanScreen.rows(p, self).rows
            return (bodyY >= top && rows.indices.contains(i) && rows[i].action != nil) ? i : nil
        case let .caseStudies(cursor):
            let i = bodyY - CaseStudiesScreen.listTop + cursor.top
            return (bodyY >= CaseStudiesScreen.listTop && partnership.caseStudies.indices.contains(i)) ? i : nil
        case let .actionList(p):
            let i = bodyY - ActionListScreen.listTop + p.cursor.top
            return (bodyY >= ActionListScreen.listTop && p.actions.indices.contains(i)) ? i : nil
        case let .search(p):
            // Results take two lines each, with a heading line before each kind's first result.
            var row = SearchScreen.listTop
            var lastKind: SearchResult.Kind?
            for (i, result) in p.results.enumerated().dropFirst(p.cursor.top) {
                if result.kind != lastKind {
                    row += 1
                    lastKind = result.kind
                }
                if bodyY == row || bodyY == row + 1 { return i }
                row += 2
                if row > bodyHeight { break }
            }
            return nil
        case let .successFactors(p):
            let layout = SuccessFactorsScreen.Layout(self, p, bodyWidth: width, bodyHeight: bodyHeight)
            return layout.cell(atX: x, y: bodyY).map { $0.row * 1000 + $0.column }
        case let .conflict(p):
            let i = bodyY - ConflictScreen.listTop
            return p.fields.indices.contains(i) ? i : nil
        case .log, .syncConflicts, .form, .report:
            return nil
        case let .problems(p):
            // Each problem takes its file's line(s) and its wrapped message.
            var row = ProblemsScreen.listTop
            for (i, problem) in problems.enumerated().dropFirst(p.top).prefix(ProblemsScreen.visibleProblems(self, p)) {
                let count = ProblemsScreen.lines(problem, width: width - 1).lines.count
                if bodyY >= row, bodyY < row + count { return i }
                row += count
            }
            return nil
        case let .meeting(p):
            guard p.showingAgenda, let m = partnership.meetings.first(where: { $0.id == p.meeting }) else { return nil }
            let rows = max(1, bodyHeight - MeetingScreen.listTop)
            let top = max(0, min(p.item - rows + 1, m.items.count - rows))
            let i = bodyY - MeetingScreen.listTop + top
            return bodyY >= MeetingScreen.listTop && m.items.indices.contains(i) ? i : nil
        case let .area(p):
            return DocumentView.linkIndices(AreaScreen.lines(self, p, width: width - 3)).firstIndex(of: p.document.scroll + bodyY)
        case let .action(p):
            return DocumentView.linkIndices(ActionScreen.lines(self, p, width: width - 3)).firstIndex(of: p.document.scroll + bodyY)
        case let .caseStudy(p):
            return DocumentView.linkIndices(CaseStudyScreen.lines(self, p, width: width - 3)).firstIndex(of: p.document.scroll + bodyY)
        }
    }

    var selectedRow: Int? {
        switch page {
        case let .areas(c), let .caseStudies(c): c.selected
        case let .actionPlan(p): p.cursor.selected
        case let .actionList(p): p.cursor.selected
        case let .search(p): p.editing ? nil : p.cursor.selected
        case let .conflict(p): p.cursor
        case let .meeting(p): p.showingAgenda ? p.item : nil
        case let .log(p): p.cursor.selected
        case let .syncConflicts(p): p.cursor.selected
        case .form, .report: nil
        case let .problems(p): p.selected
        case let .successFactors(p): p.row * 1000 + p.column
        case let .area(p): p.document.link
        case let .action(p): p.document.link
        case let .caseStudy(p): p.document.link
        }
    }

    mutating func select(row: Int) {
        switch page {
        case var .areas(c):
            c.select(row, count: partnership.areas.count, visible: AreasScreen.visibleRows(self))
            page = .areas(c)
        case var .caseStudies(c):
            c.select(row, count: partnership.caseStudies.count, visible: CaseStudiesScreen.visibleRows(self))
            page = .caseStudies(c)
        case var .actionPlan(p):
            p.cursor.selected = row
            page = .actionPlan(p)
        case var .actionList(p):
            p.cursor.selected = row
            page = .actionList(p)
        case var .search(p):
            p.cursor.selected = row
            p.editing = false
            page = .search(p)
        case var .conflict(p):
            p.cursor = row
            page = .conflict(p)
        case var .meeting(p):
            p.item = row
            page = .meeting(p)
        case var .log(p):
            p.cursor.select(row, count: p.rows.count, visible: SyncScreens.visibleRows(self))
            page = .log(p)
        case var .syncConflicts(p):
            p.cursor.select(row, count: p.rows.count, visible: SyncScreens.visibleRows(self))
            page = .syncConflicts(p)
        case .form, .report:
            break
        case var .problems(p):
            p.selected = row
            page = .problems(p)
        case var .successFactors(p):
            p.row = row / 1000
            p.column = row % 1000
            page = .successFactors(p)
        case var .area(p):
            p.document.link = row
            page = .area(p)
        case var .action(p):
            p.document.link = row
            page = .action(p)
        case var .caseStudy(p):
            p.document.link = row
            page = .caseStudy(p)
        }
    }
}
