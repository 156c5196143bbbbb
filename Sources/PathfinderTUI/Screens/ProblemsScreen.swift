import PathfinderModel

/// The problems screen: every problem the store's files have (errors first, then warnings),
/// each with its file, line and the whole message. Enter opens the file in the user's editor
/// at that line; the store is read again when the editor closes.
public struct ProblemsPage: PageScreen {
    /// The problem selected, as an index into `AppState.problems`.
    public var selected = 0
    /// The first problem drawn: problems take several lines each, so the window scrolls by problem.
    public var top = 0
}

extension AppState {
    /// The problems a store change brings: all of them after a full read, else those of the
    /// files read again in place of what was known about them.
    mutating func takeProblems(_ change: StoreChange) {
        if change.partnership != nil {
            problems = change.problems.errorsFirst()
        } else if !change.readAgain.isEmpty || !change.problems.isEmpty {
            let again = Set(change.readAgain).union(change.problems.map(\.path))
            problems = (problems.filter { !again.contains($0.path) } + change.problems).errorsFirst()
        }
        keepSelectionVisible()
    }

    /// Counted the one way `check` and the summary count them.
    public var problemCount: ProblemCount {
        if let cached = frameCache.problems, cached.version == problemsVersion { return cached.counts.all }
        return ProblemCount(problems)
    }

    /// Files of an area (its area.md, actions, meetings) with errors.
    public func filesWithErrors(inArea area: String) -> Int {
        if let cached = frameCache.problems, cached.version == problemsVersion { return cached.counts.filesWithErrors[area] ?? 0 }
        return ProblemCount(problems.lazy.filter { $0.area == area }).filesWithErrors
    }

    /// What the message line says when the store has files with problems, and how to see them:
    /// "2 files have problems: press ! to see them". Nil when none has.
    public var problemsMessage: Message? {
        guard let sentence = problemCount.filesSentence else { return nil }
        return Message("\(sentence): \(problemsKeyPhrase(problemCount.filesWithErrors == 1 ? "it" : "them"))", isError: true)
    }

    /// "press ! to see them", with the key the user's key map has for it (or `:problems`).
    func problemsKeyPhrase(_ pronoun: String) -> String {
        if let key = keyMap.key(for: .showProblems, in: context) { return "press \(KeyName.display(key)) to see \(pronoun)" }
        return "type :problems to see \(pronoun)"
    }

    /// "press !" (or ":problems"), where a screen has little room.
    var problemsKey: String {
        keyMap.key(for: .showProblems, in: context).map { "press " + KeyName.display($0) } ?? ":problems"
    }

    mutating func openProblems() {
        if case .problems = page { return }
        if let index = pages.firstIndex(where: { if case .problems = $0 { true } else { false } }) {
            pages.removeSubrange((index + 1)...)
        } else {
            push(.problems(ProblemsPage()))
        }
        keepSelectionVisible()
    }

    mutating func handleProblems(_ command: Command, _ p: inout ProblemsPage) -> [Effect] {
        let visible = ProblemsPage.visibleProblems(self, p)
        switch command {
        case .up, .scrollUp: p.selected -= 1
        case .down, .scrollDown: p.selected += 1
        case .pageUp, .halfPageUp: p.selected -= max(1, visible - 1)
        case .pageDown, .halfPageDown: p.selected += max(1, visible - 1)
        case .top: p.selected = 0
        case .bottom: p.selected = problems.count - 1
        case .open:
            guard let problem = problems[safe: p.selected] else { return [] }
            return openInEditor(problem)
        default:
            message = Message("That key does nothing on the problems list — press ? for the keys")
        }
        ProblemsPage.keepVisible(&p, self)
        return []
    }

    /// Asks the run loop to open a file in the user's editor at a problem's line; without an
    /// editor, says how to set one (a file fixed in any editor is read again when saved).
    mutating func openInEditor(_ problem: Problem) -> [Effect] {
        if let reason = edits.readOnlyReason {
            message = Message("Read-only: \(reason); the file is not opened for editing", isError: true)
            return []
        }
        guard edits.hasExternalEditor else {
            message = Message("No editor is set: quit, then start Pathfinder with EDITOR=nano (or vim, emacs…) set; "
                              + "or fix \(problem.path) in any text editor: it is read again when saved", isError: true)
            return []
        }
        message = Message("Opening \(problem.path) at line \(problem.line)…")
        return [.editFile(path: problem.path, line: problem.line)]
    }

    /// The editor closed on a file with problems and the store was read again: say whether the
    /// file is fixed now, and keep the list's selection in range.
    mutating func fileEdited(_ path: String, problem: String?) {
        if let problem {
            message = Message(problem, isError: true)
        } else {
            let left = problems.filter { $0.path == path && $0.severity == .error }.count
            message = left == 0
                ? Message("\(path) has no errors now: it is back on the screens")
                : Message("\(path) still has \(left) error\(left == 1 ? "" : "s")", isError: true)
        }
        keepSelectionVisible()
    }
}

extension ProblemsPage {
    var page: Page { .problems(self) }
    var keyContext: KeyContext { .problems }
    func crumbs(_ state: AppState) -> [String] { ["Problems"] }
    func path(_ state: AppState, below: [String]) -> [String] { ["Problems"] }
    var jumpKey: String? { "problems" }

    /// Each problem takes its file's line(s) and its wrapped message, down to the line that
    /// says how many more there are.
    func layout(_ state: AppState, _ body: Rect) -> ScreenLayout {
        var spots: [ScreenLayout.Spot] = []
        var y = body.y + Self.listTop
        let bottom = min(body.y + body.height, y + Self.room(state))
        for (i, problem) in state.problems.enumerated().dropFirst(top).prefix(Self.visibleProblems(state, self)) where y < bottom {
            let height = min(Self.lines(problem, width: body.width - 1).lines.count, bottom - y)
            spots.append(.init(target: .row(i), rect: Rect(x: body.x, y: y, width: body.width, height: height)))
            y += height
        }
        return ScreenLayout(body: body, spots: spots, pageRows: Self.visibleProblems(state, self))
    }

    func render(_ state: AppState, _ layout: ScreenLayout, _ screen: inout Screen) {
        Self.render(state, self, layout, &screen)
    }

    mutating func handle(_ command: Command, _ state: inout AppState) -> [Effect] {
        state.handleProblems(command, &self)
    }

    var selection: Target? { .row(selected) }
    mutating func select(_ target: Target, _ state: AppState) {
        if let row = target.row { selected = row }
    }
    mutating func keepVisible(_ state: AppState) { Self.keepVisible(&self, state) }
}

extension ProblemsPage {
    static let listTop = 2   // heading, blank line
    static let maxMessage = 600

    /// A problem as drawn: its file and line, then its message wrapped to the width.
    static func lines(_ problem: Problem, width: Int) -> (lines: [String], head: Int) {
        let head = Text.wrap("\(problem.path), line \(problem.line)", to: max(1, width - 1))
        // A message quoting a hostile file could be any length: the start says what is wrong, and
        // wrapping all of it on every key would slow the screen.
        let message = problem.message.prefix(maxMessage + 1).count > maxMessage ? problem.message.prefix(maxMessage) + "…" : problem.message
        let body = Text.wrap("\(problem.severity.rawValue): \(message)", to: max(1, width - 4))
        return (head.map { " " + $0 } + body.map { "    " + $0 }, head.count)
    }

    /// Lines for problems: below the heading, above the line that says how many more there are.
    static func room(_ state: AppState) -> Int { max(1, state.bodyHeight - listTop - 1) }

    /// How many problems fit below the heading, counting from `p.top` (at least one, cut if it
    /// is longer than the screen).
    static func visibleProblems(_ state: AppState, _ p: ProblemsPage) -> Int {
        let room = room(state)
        var used = 0, shown = 0
        for problem in state.problems.dropFirst(p.top) {
            used += lines(problem, width: state.width - 1).lines.count
            if used > room { break }
            shown += 1
        }
        return max(1, shown)
    }

    /// Clamps the selection and scrolls by whole problems so the selected one shows.
    static func keepVisible(_ p: inout ProblemsPage, _ state: AppState) {
        let count = state.problems.count
        p.selected = count == 0 ? 0 : min(max(0, p.selected), count - 1)
        p.top = min(max(0, p.top), p.selected)
        // Each problem takes at least two lines: start the walk near the end (a long list, End).
        p.top = max(p.top, p.selected - room(state) / 2)
        while p.top < p.selected, p.selected >= p.top + visibleProblems(state, p) { p.top += 1 }
    }

    static func heading(_ state: AppState) -> String {
        let count = state.problemCount
        guard count.errors + count.warnings > 0 else { return " No problems: every file loads" }
        var parts: [String] = []
        if count.filesWithErrors > 0 {
            parts.append("\(count.filesWithErrors) file\(count.filesWithErrors == 1 ? "" : "s") with errors")
        }
        if count.warnings > 0 { parts.append("\(count.warnings) warning\(count.warnings == 1 ? "" : "s")") }
        return " " + parts.joined(separator: ", ") + " · Enter opens the file in your editor"
    }

    static func render(_ state: AppState, _ p: ProblemsPage, _ layout: ScreenLayout, _ screen: inout Screen) {
        let body = layout.body
        let theme = state.theme
        screen.put(Text.truncate(heading(state), to: body.width), x: body.x, y: body.y, style: theme.style(for: .heading))
        let rows = state.problems
        if rows.isEmpty {
            screen.put(Text.truncate(" Files with errors are listed here until they are fixed", to: body.width),
                       x: body.x, y: body.y + listTop, style: theme.style(for: .dim))
            return
        }
        let bottom = min(body.y + body.height, body.y + listTop + room(state))
        let visible = visibleProblems(state, p)
        for spot in layout.spots {
            guard let i = spot.target.row else { continue }
            let problem = rows[i]
            let selected = i == p.selected
            let (text, head) = lines(problem, width: body.width - 1)
            for (j, line) in text.prefix(spot.rect.height).enumerated() {
                let y = spot.rect.y + j
                let role: Role = selected ? .selected : (j < head ? .normal : (problem.severity == .error ? .error : .warning))
                if selected { screen.fill(x: body.x, y: y, width: body.width - 1, height: 1, style: theme.style(for: .selected)) }
                screen.put(line, x: body.x, y: y, style: theme.style(for: role), maxWidth: body.width - 1)
            }
        }
        // More below: said on a line of its own rather than left to be guessed.
        let after = rows.count - p.top - visible
        if after > 0, bottom < body.y + body.height {
            screen.put(" ↓ \(after) more", x: body.x, y: bottom, style: theme.style(for: .dim), maxWidth: body.width)
        }
    }
}
