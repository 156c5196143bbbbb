import PathfinderModel

/// The one place state changes: an event in, the new state and the effects to perform out.
/// Pure, so every key press can be tested without a terminal.
public func update(_ state: consuming AppState, _ event: Event) -> (AppState, [Effect]) {
    let effects = state.apply(event)
    return (state, effects)
}

extension AppState {
    /// `update` in place, for the run loop: the same code, but the state is changed where it
    /// lives, so editing one action of 50,000 does not first copy the whole array (a value held
    /// by the caller and by `update` at once is copied on write).
    public mutating func handle(_ event: Event) -> [Effect] {
        apply(event)
    }

    mutating func apply(_ event: Event) -> [Effect] {
        if case let .resize(width, height) = event {
            self.width = width
            self.height = height
            if case .textArea(var area, let request)? = overlay {
                area.resize(width: max(10, width - 3), height: max(1, bodyHeight - 2))
                overlay = .textArea(area, request)
            }
            if case var .actionForm(form) = page {
                form.resize(width: width, height: bodyHeight)
                page = .actionForm(form)
            }
            resizeProfileForm()
            keepSelectionVisible()
            return [.redrawAll]
        }
        if case let .mouse(mouse) = event { return handleMouse(mouse) }
        switch event {
        case .saved, .saveFailed, .conflict, .created, .deleted, .deleteRefused, .storeChanged, .textEdited, .tick, .meetingCreated, .moved,
             .showLog, .showReport, .exportExists, .notice, .syncConflicts, .synced, .fileEdited:
            // Reports from the run loop, not keys: they must not clear what the user is reading.
            return handleResult(event)
        default:
            break
        }

        // Anything typed clears the last message; errors stay until the next key.
        message = nil

        if loadingStore, case let .key(key) = event {
            // Until the store is read only the program's own keys work; the rest would act on
            // a store that is not there yet.
            let command = keyMap.command(for: key, in: context)
            guard [.quit, .help, .redraw, .cycleTheme].contains(command) || overlay != nil else {
                message = .stillReadingStore
                return []
            }
        }
        if let overlay { return handleOverlay(overlay, event) }
        if case var .actionForm(form) = page { return handleForm(&form, event) }
        if let effects = handleProfileForm(event) { return effects }
        if let effects = handleTextInput(event) { return effects }
        guard case let .key(key) = event, let command = keyMap.command(for: key, in: context) else {
            if case let .key(key) = event, key != .escape {
                message = Message("\(KeyName.display(key)) does nothing here — press ? for the keys", isError: false)
            }
            return []
        }
        return perform(command)
    }

    /// The key map context of what is on screen.
    public var context: KeyContext {
        switch page {
        case .areas: .areas
        case .area: .area
        case .actionPlan: .actionPlan
        case .action: .action
        case .caseStudies: .caseStudies
        case .caseStudy: .caseStudy
        case .successFactors: .successFactors
        case .actionList: .actionPlan
        case .search: .search
        case .conflict: .conflict
        case .actionForm: .action
        case .areaForm: .area
        case .caseStudyForm: .caseStudy
        case .report: .log
        case .meeting: .meeting
        case .log: .log
        case .syncConflicts: .syncConflicts
        case .problems: .problems
        }
    }

    mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .quit:
            if !edits.failures.isEmpty {
                let n = edits.failures.count
                overlay = .confirm(Confirmation(question: "\(n) change\(n == 1 ? " is" : "s are") not saved yet (\(edits.failures.values.sorted().first ?? "")). Quit and lose \(n == 1 ? "it" : "them")?",
                                                purpose: .quitUnsaved))
                return []
            }
            return [.quit]
        case .help:
            overlay = .help(scroll: 0)
            return []
        case .commandLine:
            overlay = .commandLine(LineEditor())
            return []
        case .redraw:
            return [.redrawAll]
        case .cycleTheme:
            return cycleTheme()
        case .back:
            // Leaving a conflict unresolved would drop the user's change: the page says so.
            if case .conflict = page { return performOnPage(.back) }
            goBack()
            return []
        case .search:
            openSearch()
            return []
        case .goAreas:
            go(to: .areas(ListCursor()))
        case .goActionPlan:
            if let area = currentArea { go(to: .actionPlan(ActionPlanPage(area: area))) } else {
                message = Message("Choose an area first: its action plan opens from the area", isError: true)
            }
        case .goCaseStudies:
            go(to: .caseStudies(ListCursor()))
        case .goSuccessFactors:
            go(to: .successFactors(FactorMatrixPage()))
        case .changeStatus, .changeRAG, .addNote, .writeNote, .changeDue, .tickMilestone, .markReviewed, .editText, .undo, .redo,
             .duplicateAction, .moveAction, .deleteAction, .editAction, .newAction,
             .editArea, .newArea, .editCaseStudy, .newCaseStudy:
            return performEdit(command)
        case .startMeeting:
            return startOrResumeMeeting()
        case .sync, .history:
            return performSyncCommand(command)
        case .showReport:
            let area: String? = if case .areas = page { nil } else { currentArea }
            return export(ExportRequest(kind: .highlight(area: area)))
        case .showProblems:
            openProblems()
        default:
            return performOnPage(command)
        }
        return []
    }

    mutating func performOnPage(_ command: Command) -> [Effect] {
        switch page {
        case var .areas(cursor):
            AreasScreen.handle(command, &cursor, &self)
            if case .areas = page { page = .areas(cursor) }
        case var .area(p):
            AreaScreen.handle(command, &p, &self)
            if case .area = page { page = .area(p) }
        case var .actionPlan(p):
            ActionPlanScreen.handle(command, &p, &self)
            if case .actionPlan = page { page = .actionPlan(p) }
        case var .action(p):
            ActionScreen.handle(command, &p, &self)
            if case .action = page { page = .action(p) }
        case var .caseStudies(cursor):
            CaseStudiesScreen.handle(command, &cursor, &self)
            if case .caseStudies = page { page = .caseStudies(cursor) }
        case var .caseStudy(p):
            CaseStudyScreen.handle(command, &p, &self)
            if case .caseStudy = page { page = .caseStudy(p) }
        case var .successFactors(p):
            SuccessFactorsScreen.handle(command, &p, &self)
            if case .successFactors = page { page = .successFactors(p) }
        case var .actionList(p):
            ActionListScreen.handle(command, &p, &self)
            if case .actionList = page { page = .actionList(p) }
        case var .search(p):
            SearchScreen.handle(command, &p, &self)
            if case .search = page { page = .search(p) }
        case var .conflict(p):
            let effects = ConflictScreen.handle(command, &p, &self)
            if case .conflict = page { page = .conflict(p) }
            return effects
        case var .meeting(p):
            let effects = handleMeeting(command, &p)
            if case .meeting = page { page = .meeting(p) }
            return effects
        case var .log(p):
            let effects = handleLog(command, &p)
            if case .log = page { page = .log(p) }
            return effects
        case var .syncConflicts(p):
            let effects = handleSyncConflicts(command, &p)
            if case .syncConflicts = page { page = .syncConflicts(p) }
            return effects
        case .actionForm, .areaForm, .caseStudyForm:
            return []
        case var .report(p):
            handleReport(command, &p)
            page = .report(p)
        case var .problems(p):
            let effects = handleProblems(command, &p)
            if case .problems = page { page = .problems(p) }
            return effects
        }
        return []
    }

    /// Opens a page on top of the current one. A page handler that calls this must not write
    /// its own page back afterwards (the `if case` guards in `performOnPage` see to that for
    /// pages of a different kind; same-kind pushes go through `push`).
    mutating func push(_ newPage: Page) {
        pages.append(newPage)
        keepSelectionVisible()
    }

    /// Jumps to a top-level screen: reuses it if it is already in the stack, so jumping around
    /// never builds an endless history.
    mutating func go(to newPage: Page) {
        if let index = pages.firstIndex(where: { $0.sameScreen(as: newPage) }) {
            pages.removeSubrange((index + 1)...)
        } else {
            pages.append(newPage)
        }
        keepSelectionVisible()
    }

    mutating func goBack() {
        if pages.count > 1 {
            pages.removeLast()
            keepSelectionVisible()
        } else {
            message = Message("This is the top screen: press q to quit")
        }
    }

    /// The area the user is looking at, if any (for "go to the action plan").
    var currentArea: String? {
        for page in pages.reversed() {
            switch page {
            case let .area(p): return p.area
            case let .actionPlan(p): return p.area
            case let .action(p): return partnership.action(p.action)?.area
            case let .areas(cursor):
                let areas = partnership.areas
                return areas.indices.contains(cursor.selected) ? areas[cursor.selected].id : nil
            default: continue
            }
        }
        return nil
    }

    mutating func cycleTheme() -> [Effect] {
        guard !themes.isEmpty else {
            message = Message("No other themes are installed")
            return []
        }
        let index = themes.firstIndex { $0.name == theme.name } ?? -1
        theme = themes[(index + 1) % themes.count]
        message = Message("Theme: \(theme.name)")
        return [.rememberTheme(theme.name), .redrawAll]
    }

    mutating func openSearch() {
        if searchIndex == nil { searchIndex = SearchIndex(partnership) }
        if case var .search(p) = page {
            p.editing = true
            page = .search(p)
        } else {
            push(.search(SearchPage()))
        }
    }

    /// After a resize or a change of page: keep every cursor inside its list and on screen.
    mutating func keepSelectionVisible() {
        switch page {
        case var .areas(cursor):
            cursor.keepVisible(count: partnership.areas.count, visible: AreasScreen.visibleRows(self))
            page = .areas(cursor)
        case var .actionPlan(p):
            ActionPlanScreen.keepVisible(&p, self)
            page = .actionPlan(p)
        case var .caseStudies(cursor):
            cursor.keepVisible(count: partnership.caseStudies.count, visible: CaseStudiesScreen.visibleRows(self))
            page = .caseStudies(cursor)
        case var .actionList(p):
            p.cursor.keepVisible(count: p.actions.count, visible: ActionListScreen.visibleRows(self))
            page = .actionList(p)
        case var .search(p):
            p.cursor.keepVisible(count: p.results.count, visible: SearchScreen.visibleRows(self))
            page = .search(p)
        case .problems:
            keepProblemVisible()
        default:
            break
        }
    }

    // MARK: Text input

    /// The filter line, the search box: typing goes to the field first; keys it does not use
    /// (Up, Down, PgDn) still move the list.
    mutating func handleTextInput(_ event: Event) -> [Effect]? {
        switch page {
        case var .actionPlan(p) where p.editingFilter:
            switch p.filter.handle(event) {
            case .edited:
                p.cursor = ListCursor()
                ActionPlanScreen.keepVisible(&p, self)
            case .submitted:
                p.editingFilter = false
            case .cancelled:
                p.filter.set("")
                p.editingFilter = false
                ActionPlanScreen.keepVisible(&p, self)
            case .ignored:
                return nil
            }
            page = .actionPlan(p)
            return []
        case var .search(p) where p.editing:
            switch p.query.handle(event) {
            case .edited:
                SearchScreen.run(&p, &self)
            case .submitted:
                p.editing = false
                if !p.results.isEmpty {
                    page = .search(p)
                    SearchScreen.open(p, &self)
                    return []
                }
            case .cancelled:
                if p.query.isEmpty {
                    page = .search(p)
                    goBack()
                    return []
                }
                p.editing = false
            case .ignored:
                return nil
            }
            page = .search(p)
            return []
        default:
            return nil
        }
    }

    // MARK: Mouse

    mutating func handleMouse(_ mouse: MouseEvent) -> [Effect] {
        if overlay == nil, case var .actionForm(form) = page { return handleForm(&form, .mouse(mouse)) }
        if overlay == nil, let effects = handleProfileForm(.mouse(mouse)) { return effects }
        if overlay != nil {
            if case .click = mouse { overlay = nil }
            return []
        }
        switch mouse {
        case .wheelUp: return performOnPage(.scrollUp)
        case .wheelDown: return performOnPage(.scrollDown)
        case let .click(x, y), let .doubleClick(x, y):
            var double = false
            if case .doubleClick = mouse { double = true }
            return click(x: x, y: y, open: double)
        }
    }

    /// A click selects the row under it; a click on the row already selected (or a double
    /// click) opens it, as in file managers.
    mutating func click(x: Int, y: Int, open: Bool) -> [Effect] {
        guard let row = rowAt(x: x, y: y) else { return [] }
        let wasSelected = row == selectedRow
        select(row: row)
        if open || wasSelected { return performOnPage(.open) }
        return []
    }
}

extension Page {
    /// Same kind of top-level screen (for jumps), regardless of cursor or filter.
    func sameScreen(as other: Page) -> Bool {
        switch (self, other) {
        case (.areas, .areas), (.caseStudies, .caseStudies), (.successFactors, .successFactors), (.search, .search):
            return true
        case let (.actionPlan(a), .actionPlan(b)):
            return a.area == b.area
        default:
            return false
        }
    }
}
