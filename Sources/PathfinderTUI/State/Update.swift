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

    /// Every event's effects, with each new message kept in the session's history.
    mutating func apply(_ event: Event) -> [Effect] {
        let before = message
        let effects = applyEvent(event)
        prepareFrame()
        if let said = message, said != before, said != .readingStore, said != .stillReadingStore {
            messages.append(said)
            if messages.count > 200 { messages.removeFirst(messages.count - 200) }
        }
        return effects
    }

    private mutating func applyEvent(_ event: Event) -> [Effect] {
        if case let .resize(width, height) = event {
            self.width = width
            self.height = height
            if case .textArea(var area, let request)? = overlay {
                area.resize(width: max(10, width - 3), height: max(1, bodyHeight - 2))
                overlay = .textArea(area, request)
            }
            onScreen { screen, state in screen.resize(state) }
            return [.redrawAll]
        }
        if case let .mouse(mouse) = event { return handleMouse(mouse) }
        switch event {
        case .saved, .saveFailed, .conflict, .created, .deleted, .deleteRefused, .storeChanged, .textEdited, .tick, .meetingCreated, .moved,
             .showLog, .showReport, .exportExists, .notice, .syncConflicts, .synced, .fileEdited, .ragHistoryComputed, .searchWordsRead, .importRead,
             .storeReadProgress:
            // Reports from the run loop, not keys: they must not clear what the user is reading.
            return handleResult(event)
        default:
            break
        }

        // Anything typed clears the last message; errors stay until the next key.
        message = nil

        if loadingStore, overlay == nil, case let .key(key) = event {
            // Until the store is read, the program's own keys and browsing an area work (its
            // files are read on their own); a key needing the whole store waits for it.
            let command = keyMap.command(for: key, in: context)
            guard let command, [.quit, .help, .redraw, .cycleTheme].contains(command) || actsBeforeStoreIsRead(command) else {
                message = .stillReadingStore
                return [.holdUntilRead(event)]
            }
        }
        if let overlay { return handleOverlay(overlay, event) }
        // A form, the filter line or the search box takes typing before the key map.
        if let effects = onScreen({ screen, state in screen.input(event, &state) }) { return effects }
        guard case let .key(key) = event, let command = keyMap.command(for: key, in: context) else {
            if case let .key(key) = event, key != .escape {
                message = Message("\(KeyName.display(key)) does nothing here — press ? for the keys", isError: false)
            }
            return []
        }
        return perform(command)
    }

    /// The key map context of what is on screen.
    public var context: KeyContext { screen.keyContext }

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
            go(to: .areas(AreasPage()))
        case .goActionPlan:
            if let area = currentArea, loadingStore, !areasRead.contains(area) {
                // Its files are read first, on their own, while the whole store is read.
                return openReading(area, .actionPlan(ActionPlanPage(area: area)),
                                   name: cachedSummary.first { $0.area == area }?.name ?? area)
            }
            if let area = currentArea { go(to: .actionPlan(ActionPlanPage(area: area))) } else {
                message = Message("Choose an area first: its action plan opens from the area", isError: true)
            }
        case .goCaseStudies:
            go(to: .caseStudies(CaseStudiesPage()))
        case .goSuccessFactors:
            go(to: .successFactors(FactorMatrixPage()))
        case .goOrganisations:
            go(to: .organisations(OrganisationsPage()))
        case .actionOrganisations:
            openOrganisations(ofAction: targetActionID)
        case .changeStatus, .changeRAG, .addNote, .writeNote, .addReading, .changeDue, .tickMilestone, .markReviewed, .editText, .undo, .redo,
             .duplicateAction, .moveAction, .deleteAction, .editAction, .newAction,
             .editArea, .newArea, .editCaseStudy, .newCaseStudy, .editOrganisation, .newOrganisation,
             .editAgreement, .newAgreement:
            return performEdit(command)
        case .startMeeting:
            return startOrResumeMeeting()
        case .sync, .history:
            return performSyncCommand(command)
        case .showReport:
            return export(ExportRequest(kind: reportOnScreen))
        case .showProblems:
            openProblems()
        case .timeline:
            openTimeline(currentArea)
        case .ragHistory:
            let area: String? = if case .areas = page { nil } else { currentArea }
            push(.ragHistory(RAGHistoryPage(area: area)))
        case .showMessages:
            openMessages()
        default:
            return performOnPage(command)
        }
        return []
    }

    /// A command for the screen on top: the app's one dispatch to a screen.
    mutating func performOnPage(_ command: Command) -> [Effect] {
        onScreen { screen, state in screen.handle(command, &state) }
    }

    /// Opens a page on top of the current one (a screen's own changes are then not written
    /// back over it: see `onScreen`).
    mutating func push(_ newPage: Page) {
        pages.append(newPage)
        keepSelectionVisible()
    }

    /// Jumps to a top-level screen: reuses it if it is already in the stack, so jumping around
    /// never builds an endless history.
    mutating func go(to newPage: Page) {
        let key = newPage.screen.jumpKey
        if key != nil, let index = pages.firstIndex(where: { $0.screen.jumpKey == key }) {
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

    /// The area the user is looking at, if any (for "go to the action plan"): the nearest
    /// screen down the stack that is about one.
    var currentArea: String? {
        pages.reversed().lazy.compactMap { $0.screen.area(self) }.first
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
        if searchIndex == nil { searchIndex = SearchIndex(partnership, words: searchWords) }
        if case var .search(p) = page {
            p.editing = true
            page = .search(p)
        } else {
            push(.search(SearchPage()))
        }
    }

    /// After a resize or a change of page: keep every cursor inside its list and on screen.
    mutating func keepSelectionVisible() {
        onScreen { screen, state in screen.keepVisible(state) }
    }

    // MARK: Mouse

    mutating func handleMouse(_ mouse: MouseEvent) -> [Effect] {
        if overlay != nil {
            if case .click = mouse { overlay = nil }
            return []
        }
        // A form takes its clicks itself.
        if let effects = onScreen({ screen, state in screen.input(.mouse(mouse), &state) }) { return effects }
        switch mouse {
        case .wheelUp: return performOnPage(.scrollUp)
        case .wheelDown: return performOnPage(.scrollDown)
        case let .click(x, y), let .doubleClick(x, y):
            var double = false
            if case .doubleClick = mouse { double = true }
            return click(x: x, y: y, open: double)
        }
    }

    /// A click selects the row, link or cell under it, where the screen's layout drew it; a
    /// click on the one already selected (or a double click) opens it, as in file managers.
    mutating func click(x: Int, y: Int, open: Bool) -> [Effect] {
        let opens: Bool = onScreen { screen, state in
            guard let target = screen.layout(state, state.body).target(atX: x, y: y) else { return false }
            let wasSelected = target == screen.selection
            screen.select(target, state)
            return screen.selection == target && (open || wasSelected)
        }
        return opens ? performOnPage(.open) : []
    }
}
