import PathfinderModel

/// One command typed after `:` (`:plan portsmouth`). The table below is the only list of them:
/// the command line runs a line through it, Tab completes names from it, and the help overlay
/// and the "Unknown command" message list it, so what help shows is what works.
struct TypedCommand: Sendable {
    /// What is typed, listed in help and completed by Tab.
    let name: String
    /// Other words that run it (`:quit`, `:1`), accepted but not listed.
    let aliases: [String]
    /// What may follow the name, as help shows it (`AREA`, `[PATH]`); empty when nothing does.
    let argument: String
    let help: String
    /// Performs the command with the rest of the line (trimmed of the name).
    let run: @Sendable (inout AppState, _ argument: String) -> [Effect]

    init(_ name: String, aliases: [String] = [], argument: String = "", _ help: String,
         run: @escaping @Sendable (inout AppState, _ argument: String) -> [Effect]) {
        self.name = name
        self.aliases = aliases
        self.argument = argument
        self.help = help
        self.run = run
    }

    /// How help shows it: `:plan AREA`.
    var usage: String { ":" + name + (argument.isEmpty ? "" : " " + argument) }

    /// The command a typed word names (its name or an alias, in any case).
    static func named(_ word: String) -> TypedCommand? {
        let word = word.lowercased()
        return table.first { $0.name == word || $0.aliases.contains(word) }
    }

    /// The commands whose names start with what is typed, for Tab and the status line; none
    /// once a word and a space are typed (the argument is the user's own).
    static func completions(of typed: String) -> [TypedCommand] {
        guard !typed.contains(" ") else { return [] }
        let prefix = typed.lowercased()
        return table.filter { $0.name.hasPrefix(prefix) }
    }

    /// Tab on the command line: the only name that fits, with a space after it, or as much as
    /// the names that fit have in common; nil when nothing more can be filled in.
    static func complete(_ typed: String) -> String? {
        let matches = completions(of: typed).map(\.name)
        guard let first = matches.first else { return nil }
        if matches.count == 1 { return first + " " }
        let common = matches.dropFirst().reduce(first) { String(zip($0, $1).prefix { $0.0 == $0.1 }.map(\.0)) }
        return common.count > typed.count ? common : nil
    }

    /// Every command on one line, for the "Unknown command" message.
    static var summary: String { table.map(\.usage).joined(separator: "  ") }

    static let table: [TypedCommand] = [
        TypedCommand("areas", aliases: ["1"], "The list of areas") { state, _ in
            state.go(to: .areas(AreasPage()))
            return []
        },
        TypedCommand("plan", aliases: ["2"], argument: "AREA",
                     "An area's action plan (by name, code or the start of its name); alone, this area's") { state, argument in
            if let area = state.findArea(argument.isEmpty ? (state.currentArea ?? "") : argument) {
                state.go(to: .actionPlan(ActionPlanPage(area: area.id)))
            } else {
                state.message = Message(argument.isEmpty ? "Which area? e.g. :plan portsmouth" : "No area matches \(Quote.value(argument))",
                                        isError: true)
            }
            return []
        },
        TypedCommand("action", aliases: ["a"], argument: "ID", "An action by its id; :PO-03 alone does the same") { state, argument in
            state.openAction(argument)
            return []
        },
        TypedCommand("case", aliases: ["cases", "3"], argument: "[NAME]",
                     "A case study by its title or file name; alone, the list of case studies") {
            state, argument in
            if argument.isEmpty {
                state.go(to: .caseStudies(CaseStudiesPage()))
            } else if let study = state.partnership.caseStudies.first(where: {
                TextMatch.contains($0.id, argument) || TextMatch.contains($0.title, argument)
            }) {
                state.open(.caseStudy(study.id))
            } else {
                state.message = Message("No case study matches \(Quote.value(argument))", isError: true)
            }
            return []
        },
        TypedCommand("organisations", aliases: ["organisation", "orgs", "org"], argument: "[NAME]",
                     "An organisation by its name or file name; alone, the list of organisations") { state, argument in
            if argument.isEmpty {
                state.go(to: .organisations(OrganisationsPage()))
            } else if let o = state.partnership.organisations.first(where: {
                TextMatch.contains($0.id, argument) || TextMatch.contains($0.name, argument)
            }) {
                state.push(.organisation(o.id))
            } else {
                state.message = Message("No organisation matches \(Quote.value(argument))", isError: true)
            }
            return []
        },
        TypedCommand("factors", aliases: ["4"], Command.goSuccessFactors.help) { state, _ in
            state.go(to: .successFactors(FactorMatrixPage()))
            return []
        },
        TypedCommand("search", aliases: ["5"], argument: "[TEXT]",
                     "Search areas, actions, case studies and meetings, starting with TEXT") { state, argument in
            state.openSearch()
            if case var .search(p) = state.page, !argument.isEmpty {
                p.query.set(argument)
                SearchPage.run(&p, &state)
                state.page = .search(p)
            }
            return []
        },
        TypedCommand("timeline", aliases: ["t"], argument: "[AREA]", "An area's plan on a time line; alone, this area's") {
            state, argument in
            if argument.isEmpty {
                state.openTimeline(state.currentArea)
            } else if let area = state.findArea(argument) {
                state.openTimeline(area.id)
            } else {
                state.message = Message("No area matches \(Quote.value(argument))", isError: true)
            }
            return []
        },
        TypedCommand("rag", argument: "[AREA]", "RAG over time, month by month: an area's, or with no area the whole store's") {
            state, argument in
            if argument.isEmpty {
                state.push(.ragHistory(RAGHistoryPage(area: nil)))
            } else if let area = state.findArea(argument) {
                state.push(.ragHistory(RAGHistoryPage(area: area.id)))
            } else {
                state.message = Message("No area matches \(Quote.value(argument))", isError: true)
            }
            return []
        },
        TypedCommand("meeting", Command.startMeeting.help) { state, _ in state.startOrResumeMeeting() },
        TypedCommand("report", argument: "[PATH]",
                     "The report of what is on screen (:report factors or :report funding for those); "
                         + "with a file name (.md, .html, .csv, .json) it is written there") {
            state, argument in state.runReportCommand("report", argument)
        },
        TypedCommand("funding", argument: "[PATH]",
                     "The funding register: every agreement checked against the funding principles, and notice due in 90 days; "
                         + "with a file name it is written there") {
            state, argument in
            if !argument.isEmpty { return state.runReportCommand("report", "funding " + argument) }
            state.push(.funding(FundingPage()))
            return []
        },
        TypedCommand("minutes", argument: "[PATH]",
                     "The minutes of the meeting on screen or just ended, or one chosen from a list; "
                         + "with a file name (.md, .html) they are written there") {
            state, argument in state.runReportCommand("minutes", argument)
        },
        TypedCommand("decisions", argument: "[WORDS]",
                     "Every meeting's decisions, newest first (this area's on an area or its plan); WORDS narrow them") {
            state, argument in
            let area: String? = if case .areas = state.page { nil } else { state.currentArea }
            var register = DecisionsPage(area: area)
            register.filter.set(argument)
            state.push(.decisions(register))
            return []
        },
        TypedCommand("import", argument: "FILE",
                     "Import a spreadsheet (.xlsx or .csv) into the area on screen: what it would do first, then y writes it") {
            state, argument in state.startImport(argument)
        },
        TypedCommand("sync", Command.sync.help) { state, _ in state.performSyncCommand(.sync) },
        TypedCommand("history", argument: "[ID]",
                     "An action's history from git (the one on screen or selected if no id)") { state, argument in
            if !argument.isEmpty, state.partnership.action(argument.uppercased()) != nil { return [.loadHistory(argument.uppercased())] }
            return state.performSyncCommand(.history)
        },
        TypedCommand("changed", argument: "[DATE]",
                     "What changed since a day (2006-11-01, -2w); alone, since the last sync") { state, argument in
            if argument.isEmpty { return [.loadChanged(since: nil)] }
            guard let day = DateInput.parse(argument, today: state.datesFrom) else {
                state.message = Message("Changed since when? e.g. :changed 2006-11-01 or :changed -2w (empty: since the last sync)",
                                        isError: true)
                return []
            }
            return [.loadChanged(since: day)]
        },
        TypedCommand("conflicts", "Files a sync could not merge, to keep yours or take theirs") { _, _ in [.loadSyncConflicts] },
        TypedCommand("trash", "Records in the store's trash, to restore one") { _, _ in [.loadTrash] },
        TypedCommand("messages", aliases: ["message"], Command.showMessages.help) { state, _ in
            state.openMessages()
            return []
        },
        TypedCommand("problems", aliases: ["problem", "check"], Command.showProblems.help) { state, _ in
            state.openProblems()
            return []
        },
        TypedCommand("theme", argument: "NAME", "Change the colour theme (remembered); alone, the themes there are") { state, argument in
            if let theme = state.themes.first(where: { $0.name.lowercased() == argument.lowercased() }) {
                state.theme = theme
                state.message = Message("Theme: \(theme.name)")
                return [.rememberTheme(theme.name), .redrawAll]
            }
            state.message = Message("Themes: " + state.themes.map(\.name).joined(separator: ", "), isError: !argument.isEmpty)
            return []
        },
        TypedCommand("help", aliases: ["6"], "This list of keys and commands") { state, _ in
            state.overlay = .help(scroll: 0)
            return []
        },
        TypedCommand("q", aliases: ["quit", "exit"], Command.quit.help) { _, _ in [.quit] },
    ]
}

/// The `:` command line, for jumping straight to a screen: `:areas`, `:plan portsmouth`,
/// `:action PO-03`, `:case good-neighbours`, `:factors`, `:search text`, `:theme light`, `:q`.
/// Also `:PO-03` or `:portsmouth` alone.
extension AppState {
    mutating func runCommandLine(_ line: String) -> [Effect] {
        let words = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = words.first else { return [] }
        if let command = TypedCommand.named(verb) {
            return command.run(&self, words.count > 1 ? words[1] : "")
        }
        if partnership.action(line.uppercased()) != nil {
            openAction(line)
        } else if let area = findArea(line) {
            open(.area(area.id))
        } else {
            message = Message("Unknown command \(Quote.value(line)). Try " + TypedCommand.summary, isError: true)
        }
        return []
    }

    /// Every message of the session, wrapped whole, newest first.
    mutating func openMessages() {
        let width = max(20, width - 6)
        let rows = messages.reversed().map { said in
            let lines = Text.wrap((said.isError ? "! " : "") + said.text, to: width)
            return LogRow(heading: lines.first ?? "", details: Array(lines.dropFirst()))
        }
        push(.log(LogPage(title: "Messages, newest first", rows: rows, empty: "Nothing has been said yet.")))
    }

    mutating func openAction(_ id: String) {
        if partnership.action(id.uppercased()) != nil {
            open(.action(id.uppercased()))
        } else {
            message = Message(id.isEmpty ? "Which action? e.g. :action PO-03" : "No action \(id) in this store", isError: true)
        }
    }

    /// An area by id, name or code, or the only one whose name starts with the text.
    func findArea(_ text: String) -> Area? {
        let t = TextMatch.fold(text)
        guard !t.isEmpty else { return nil }
        if let exact = partnership.areas.first(where: { $0.id == t || TextMatch.fold($0.name) == t || $0.code.lowercased() == t }) {
            return exact
        }
        let prefixed = partnership.areas.filter { TextMatch.fold($0.name).hasPrefix(t) || $0.id.hasPrefix(t) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }
}
