import PathfinderModel

/// Where a key binding applies: everywhere, or on one screen (which wins over everywhere).
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case global, areas, area, actionPlan = "action-plan", action, caseStudies = "case-studies",
         caseStudy = "case-study", successFactors = "success-factors", search, help, conflict, meeting, log,
         syncConflicts = "sync-conflicts", problems, form, organisations, organisation, timeline, ragHistory = "rag-history", decisions,
         funding, agreement

    /// Whether the global bindings apply here too. Not in a form: its keys are its own, and a
    /// global key (q, 1 to 6) there would surprise someone filling it in.
    public var inheritsGlobal: Bool { self != .form }

    /// How the help overlay names the context.
    public var title: String {
        switch self {
        case .global: "Everywhere"
        case .areas: "Areas"
        case .area: "An area"
        case .actionPlan: "Action plan"
        case .action: "An action"
        case .caseStudies: "Case studies"
        case .caseStudy: "A case study"
        case .successFactors: "Success factors"
        case .search: "Search"
        case .help: "Help"
        case .conflict: "Changed on disk"
        case .meeting: "A meeting"
        case .log: "History"
        case .syncConflicts: "Sync conflicts"
        case .problems: "Problems"
        case .form: "A form"
        case .organisations: "Organisations"
        case .organisation: "An organisation"
        case .timeline: "Timeline"
        case .ragHistory: "RAG over time"
        case .decisions: "Decisions"
        case .funding: "Funding register"
        case .agreement: "A funding agreement"
        }
    }
}

/// One command with the keys bound to it, for the help overlay.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var command: Command

    public init(keys: [Key], command: Command) {
        self.keys = keys
        self.command = command
    }

    /// The keys as shown on screen: "j, ↓".
    public var keyNames: String { keys.map(KeyName.display).joined(separator: ", ") }
    /// The command's line of help.
    public var help: String { command.help }
    /// The command's few words for the status line.
    public var hint: String { command.hint }
}

/// A key and a few words, for the status line.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: String
}

/// Key bindings as data, in the format users write (tig's): `bind CONTEXT KEY COMMAND`,
/// `bind CONTEXT KEY none` (the key does nothing there, even if bound everywhere) and
/// `unbind CONTEXT KEY`. The defaults are that same text, in one place (`defaultText`), so
/// they can never disagree with what a user's file means, and help is generated from the map.
public struct KeyMap: Hashable, Sendable {
    private var table: [KeyContext: [Key: Command]] = [:]
    /// Keys switched off on one screen with `none`, so the global binding does not apply.
    private var blocked: [KeyContext: Set<Key>] = [:]
    /// Bindings in the order they were made, so help lists them in a sensible order.
    private var order: [KeyContext: [Key]] = [:]

    public init() {}

    public static let defaultText = """
    # Pathfinder's default keys. A file ~/.config/pathfinder/keys in the same format changes them.
    # bind CONTEXT KEY COMMAND     bind CONTEXT KEY none     unbind CONTEXT KEY
    # Contexts: global areas area action-plan action case-studies case-study success-factors search help conflict meeting log sync-conflicts problems form organisations organisation timeline rag-history decisions funding agreement
    bind global <Enter> open
    bind global <Esc> back
    bind global <Backspace> back
    bind global / search
    bind global : command-line
    bind global ? help
    bind global <F1> help
    bind global q quit
    bind global <Up> up
    bind global k up
    bind global <Down> down
    bind global j down
    bind global <PgUp> page-up
    bind global <PgDn> page-down
    bind global <C-u> half-page-up
    bind global <C-d> half-page-down
    bind global g top
    bind global <Home> top
    bind global G bottom
    bind global <End> bottom
    bind global <Tab> next-pane
    bind global <S-Tab> previous-pane
    bind global 1 go-areas
    bind global 2 go-action-plan
    bind global 3 go-case-studies
    bind global 4 go-success-factors
    bind global 5 search
    bind global 6 help
    bind global T cycle-theme
    bind global ! problems
    bind global <C-l> redraw
    bind areas p go-action-plan
    bind area p go-action-plan
    bind action-plan f filter
    bind action-plan o cycle-sort
    bind global u undo
    bind global <C-r> redo
    bind action-plan s change-status
    bind action s change-status
    bind action-plan r change-rag
    bind action r change-rag
    bind action-plan n add-note
    bind action n add-note
    bind action-plan N write-note
    bind action N write-note
    bind action-plan i add-reading
    bind action i add-reading
    bind action-plan d change-due
    bind action d change-due
    bind action-plan m tick-milestone
    bind action m tick-milestone
    bind action-plan v mark-reviewed
    bind action v mark-reviewed
    bind action E edit-text
    bind action-plan e edit-action
    bind action e edit-action
    bind action-plan a new-action
    bind area a new-action
    bind area e edit-area
    bind areas a new-area
    bind case-study e edit-case-study
    bind case-studies a new-case-study
    bind action a new-action
    bind action-plan C duplicate-action
    bind action C duplicate-action
    bind action-plan > move-action
    bind action > move-action
    bind action-plan <Delete> delete-action
    bind action <Delete> delete-action
    bind area E edit-text
    bind case-study E edit-text
    bind action-plan x clear-filter
    bind areas O go-organisations
    bind area O go-organisations
    bind action O action-organisations
    bind action-plan O action-organisations
    bind organisations f filter
    bind organisations x clear-filter
    bind organisations a new-organisation
    bind organisation e edit-organisation
    bind organisation a new-agreement
    bind funding a new-agreement
    bind agreement e edit-agreement
    bind success-factors <Left> left
    bind success-factors h left
    bind success-factors <Right> right
    bind success-factors l right
    bind conflict m keep-mine
    bind conflict <Left> keep-mine
    bind conflict h keep-mine
    bind conflict t take-theirs
    bind conflict <Right> take-theirs
    bind conflict l take-theirs
    bind conflict M keep-all-mine
    bind conflict T take-all-theirs
    bind conflict <Enter> save-merge
    bind areas M meeting
    bind area M meeting
    bind action-plan M meeting
    bind meeting <Tab> toggle-agenda
    bind meeting <Right> next-item
    bind meeting <Space> next-item
    bind meeting <Left> previous-item
    bind meeting K move-item-up
    bind meeting J move-item-down
    bind meeting x drop-item
    bind meeting + add-item
    bind meeting n add-discussion
    bind meeting D add-decision
    bind meeting c capture-action
    bind meeting E end-meeting
    bind meeting s change-status
    bind meeting r change-rag
    bind meeting d change-due
    bind meeting m tick-milestone
    bind meeting a add-note
    bind meeting N write-note
    bind global S sync
    bind global L messages
    bind decisions a decision-to-action
    bind decisions m decision-to-milestone
    bind decisions f filter
    bind areas R report
    bind area R report
    bind action-plan R report
    bind action H history
    bind action-plan H history
    bind sync-conflicts m keep-mine
    bind sync-conflicts t take-theirs
    bind form <C-s> save
    bind form <Esc> cancel
    bind form <Tab> next-field
    bind form <Down> next-field
    bind form <S-Tab> previous-field
    bind form <Up> previous-field
    bind form <PgDn> page-down
    bind form <PgUp> page-up
    bind form <Enter> open
    bind form <Space> tick
    bind form <Left> previous-choice
    bind form <Right> next-choice
    bind form <C-p> pick
    bind form e edit-text
    bind form a add-entry
    bind form + add-entry
    bind form <Insert> add-entry
    bind form d remove-entry
    bind form x remove-entry
    bind form <Delete> remove-entry
    bind form K move-entry-up
    bind form J move-entry-down
    bind form ? help
    bind form <F1> help
    bind action-plan t timeline
    bind area t timeline
    bind areas c rag-history
    bind area c rag-history
    bind timeline <Left> left
    bind timeline h left
    bind timeline <Right> right
    bind timeline l right
    bind timeline + zoom-in
    bind timeline = zoom-in
    bind timeline - zoom-out
    bind timeline . pan-today
    bind timeline t text-view
    bind timeline o cycle-sort
    bind rag-history t text-view
    """

    /// The default bindings (the text above, which is part of the program and always parses).
    public static let defaults: KeyMap = {
        var map = KeyMap()
        let problems = map.apply(defaultText, file: "defaults")
        precondition(problems.isEmpty, "default keys: \(problems)")
        return map
    }()

    /// Reads a key file on top of the defaults: the map and the lines it could not use.
    public static func parse(_ text: String, file: String, base: KeyMap = .defaults) -> (KeyMap, [FileProblem]) {
        var map = base
        let problems = map.apply(text, file: file)
        return (map, problems)
    }

    /// Applies a key file's lines on top of these bindings; returns the lines it could not use
    /// (`keys:3: unknown command "opne"`), having used the rest.
    @discardableResult
    public mutating func apply(_ text: String, file: String) -> [FileProblem] {
        var problems: [FileProblem] = []
        for (line, instruction, words) in DataFileLine.instructions(text) {
            func problem(_ message: String) { problems.append(FileProblem(file: file, line: line, message: message)) }
            switch instruction {
            case "bind":
                guard words.count == 4 else { problem("expected `bind CONTEXT KEY COMMAND`"); continue }
                guard let context = KeyContext(rawValue: words[1]) else { problem(Self.unknownContext(words[1])); continue }
                guard let key = KeyName.parse(words[2]) else { problem("unknown key \"\(Quote.short(words[2]))\""); continue }
                if words[3] == "none" {
                    block(key, in: context)
                    continue
                }
                guard let command = Command(rawValue: words[3]) else { problem("unknown command \"\(Quote.short(words[3]))\""); continue }
                bind(key, to: command, in: context)
            case "unbind":
                guard words.count == 3 else { problem("expected `unbind CONTEXT KEY`"); continue }
                guard let context = KeyContext(rawValue: words[1]) else { problem(Self.unknownContext(words[1])); continue }
                guard let key = KeyName.parse(words[2]) else { problem("unknown key \"\(Quote.short(words[2]))\""); continue }
                unbind(key, in: context)
            default:
                problem("unknown instruction \"\(Quote.short(instruction))\" (expected bind or unbind)")
            }
        }
        return problems
    }

    private static func unknownContext(_ word: String) -> String {
        "unknown context \"\(Quote.short(word))\" (\(KeyContext.allCases.map(\.rawValue).joined(separator: ", ")))"
    }

    public mutating func bind(_ key: Key, to command: Command, in context: KeyContext) {
        blocked[context]?.remove(key)
        if table[context]?[key] == nil { order[context, default: []].append(key) }
        table[context, default: [:]][key] = command
    }

    public mutating func unbind(_ key: Key, in context: KeyContext) {
        table[context]?[key] = nil
        blocked[context]?.remove(key)
        order[context]?.removeAll { $0 == key }
    }

    /// Makes a key do nothing on one screen, whatever it does everywhere else.
    public mutating func block(_ key: Key, in context: KeyContext) {
        unbind(key, in: context)
        blocked[context, default: []].insert(key)
    }

    /// The command a key runs on a screen: the screen's own binding, else the global one.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        if let command = table[context]?[key] { return command }
        if blocked[context]?.contains(key) == true || !context.inheritsGlobal { return nil }
        return table[.global]?[key]
    }

    /// The commands bound in one context, each with all its keys, in the order of the key file.
    /// With `screen`, the global bindings are those in force on that screen: keys the screen
    /// rebinds or switches off are left out, so help never lists a key that does something else.
    public func bindings(for context: KeyContext, seenFrom screen: KeyContext? = nil) -> [KeyBinding] {
        var result: [KeyBinding] = []
        for key in order[context] ?? [] {
            guard let command = table[context]?[key] else { continue }
            if let screen, screen != context, self.command(for: key, in: screen) != command { continue }
            if let i = result.firstIndex(where: { $0.command == command }) {
                result[i].keys.append(key)
            } else {
                result.append(KeyBinding(keys: [key], command: command))
            }
        }
        return result
    }

    /// Every key that runs `command` on a screen (its own bindings first, then global ones).
    public func keys(for command: Command, in context: KeyContext) -> [Key] {
        var keys: [Key] = []
        for c in context.inheritsGlobal ? [context, .global] : [context] {
            for key in order[c] ?? [] where table[c]?[key] == command && self.command(for: key, in: context) == command
                && !keys.contains(key) {
                keys.append(key)
            }
        }
        return keys
    }

    /// The first key bound to a command on a screen (or globally), for hints.
    public func key(for command: Command, in context: KeyContext) -> Key? {
        keys(for: command, in: context).first
    }

    /// What the status line shows on each screen, most useful first; it shows as many as fit.
    static let hintCommands: [KeyContext: [Command]] = [
        .areas: [.open, .showProblems, .help, .quit, .search, .startMeeting, .showReport, .sync, .newArea, .goActionPlan, .goOrganisations,
                 .goSuccessFactors],
        .area: [.open, .nextPane, .editArea, .startMeeting, .showReport, .timeline, .ragHistory, .back, .help, .search, .quit],
        .actionPlan: [.open, .showProblems, .filter, .changeStatus, .changeRAG, .addNote, .editAction, .newAction, .timeline, .undo, .cycleSort, .back, .help, .search],
        .action: [.changeStatus, .changeRAG, .addNote, .addReading, .changeDue, .editAction, .tickMilestone, .undo, .nextPane, .back, .help],
        .caseStudies: [.open, .back, .newCaseStudy, .help, .search],
        .caseStudy: [.nextPane, .open, .editCaseStudy, .editText, .back, .help],
        .organisations: [.open, .filter, .newOrganisation, .back, .help, .search],
        // The new agreement before Tab: at 80 columns the footer has room for four hints.
        .organisation: [.open, .editOrganisation, .newAgreement, .nextPane, .back, .help],
        .funding: [.open, .newAgreement, .back, .help],
        .agreement: [.nextPane, .open, .editAgreement, .back, .help],
        .successFactors: [.open, .back, .help, .search],
        .search: [.open, .back, .help],
        .help: [.help, .down, .up],
        .conflict: [.keepMine, .takeTheirs, .saveMerge, .keepAllMine, .takeAllTheirs, .help],
        .log: [.open, .back, .help],
        .syncConflicts: [.keepMine, .takeTheirs, .open, .back, .help],
        .problems: [.open, .back, .help],
        .timeline: [.open, .textView, .zoomIn, .zoomOut, .right, .left, .panToday, .back, .help],
        .ragHistory: [.textView, .back, .help],
        .decisions: [.open, .decisionToAction, .decisionToMilestone, .filter, .back, .help],
        .meeting: [.nextItem, .addDiscussion, .addDecision, .changeRAG, .changeStatus, .captureAction, .toggleAgenda, .endMeeting, .back, .help],
    ]

    /// The status-line hints for a screen, from its bound keys: a command with no key is left
    /// out, so a hint never names a key that does nothing; `omitting` leaves out commands with
    /// nothing to do now (no problems to show).
    public func hints(for context: KeyContext, omitting: Set<Command> = []) -> [KeyHint] {
        (KeyMap.hintCommands[context] ?? [.help, .quit]).filter { !omitting.contains($0) }.compactMap { command in
            key(for: command, in: context).map { KeyHint(key: KeyName.display($0), label: command.hint) }
        }
    }

    /// The whole map in key-file format, for `pathfinder keys` or a starting point to edit.
    public var text: String {
        var lines: [String] = []
        for context in KeyContext.allCases {
            for key in order[context] ?? [] {
                if let command = table[context]?[key] { lines.append("bind \(context.rawValue) \(KeyName.name(key)) \(command.rawValue)") }
            }
            for key in (blocked[context] ?? []).sorted(by: { KeyName.name($0) < KeyName.name($1) }) {
                lines.append("bind \(context.rawValue) \(KeyName.name(key)) none")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Key names as written in key files (`j`, `<Down>`, `<C-r>`, `<S-Tab>`) and as shown on
/// screen ("Ctrl-R", "PgDn").
public enum KeyName {
    /// Names in `<...>`, matched without regard to case; the first name of a key is the one
    /// `name(_:)` writes.
    private static let named: [(String, Key)] = [
        ("Enter", .enter), ("Return", .enter), ("CR", .enter), ("Esc", .escape), ("Escape", .escape),
        ("Tab", .tab), ("S-Tab", .backTab), ("BackTab", .backTab), ("Backspace", .backspace), ("BS", .backspace),
        ("Delete", .delete), ("Del", .delete), ("Insert", .insert), ("Ins", .insert),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("Home", .home), ("End", .end),
        ("PgUp", .pageUp), ("PageUp", .pageUp), ("PgDn", .pageDown), ("PageDown", .pageDown),
        ("Space", .character(" ")), ("Lt", .character("<")), ("Gt", .character(">")), ("Hash", .character("#")),
    ]

    /// A key from its name in a key file, or nil if it is not one.
    public static func parse(_ text: String) -> Key? {
        if text.count == 1, let c = text.first { return .character(c) }
        guard text.hasPrefix("<"), text.hasSuffix(">"), text.count > 2 else { return nil }
        let inner = String(text.dropFirst().dropLast())
        if let match = named.first(where: { $0.0.lowercased() == inner.lowercased() }) { return match.1 }
        let lower = inner.lowercased()
        if lower.hasPrefix("c-") || lower.hasPrefix("ctrl-") {
            let rest = lower.hasPrefix("c-") ? inner.dropFirst(2) : inner.dropFirst(5)
            if rest.count == 1, let c = rest.first, c.isASCII, c.isLetter { return .control(Character(c.lowercased())) }
            return nil
        }
        if lower.hasPrefix("f"), lower.dropFirst().allSatisfy(\.isASCII), let n = Int(lower.dropFirst()), (1...24).contains(n) {
            return .function(n)
        }
        return nil
    }

    /// A key's name in a key file: `parse(name(key)) == key`.
    public static func name(_ key: Key) -> String {
        switch key {
        case .character(" "): return "<Space>"
        case .character("<"): return "<Lt>"
        case .character("#"): return "<Hash>"
        case let .character(c): return String(c)
        case let .control(c): return "<C-\(c)>"
        case let .function(n): return "<F\(n)>"
        default: return named.first { $0.1 == key }.map { "<\($0.0)>" } ?? "?"
        }
    }

    /// How a key is shown in hints and help: "Ctrl-R", "PgDn", "Enter", "Shift-Tab", "↓".
    public static func display(_ key: Key) -> String {
        switch key {
        case .character(" "): "Space"
        case let .character(c): String(c)
        case let .control(c): "Ctrl-\(c.uppercased())"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .insert: "Insert"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case let .function(n): "F\(n)"
        case let .unknown(sequence): "an unknown key (Esc \(sequence))"
        }
    }
}
