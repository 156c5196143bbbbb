/// Where a key binding applies: everywhere, or on one screen (which wins over everywhere).
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case global, areas, area, actionPlan = "action-plan", action, caseStudies = "case-studies",
         caseStudy = "case-study", successFactors = "success-factors", search, help
}

/// One command with the keys bound to it, for the help overlay.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var command: Command
}

/// A key and a few words, for the status line.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: String
}

/// A problem in a key or theme file, with its line, as `file:line: message`.
public struct FileProblem: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    public var description: String { "\(file):\(line): \(message)" }
}

/// The words of one line of a key or theme file. A word starting with `#` begins a comment,
/// unless it is a `#rrggbb` colour.
enum DataFileLine {
    static func words(_ line: Substring) -> [String] {
        var words: [String] = []
        for word in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
            if word.hasPrefix("#"), !(word.count == 7 && word.dropFirst().allSatisfy(\.isHexDigit)) { break }
            words.append(String(word))
        }
        return words
    }
}

/// Key bindings as data, in the format users write (tig's): `bind CONTEXT KEY COMMAND` and
/// `unbind CONTEXT KEY`. The defaults are that same text, so they can never disagree with
/// what a user's file means.
public struct KeyMap: Hashable, Sendable {
    private var table: [KeyContext: [Key: Command]] = [:]
    /// Bindings in the order they were made, so help lists them in a sensible order.
    private var order: [KeyContext: [Key]] = [:]

    public init() {}

    public static let defaultText = """
    # Pathfinder's default keys. A file ~/.config/pathfinder/keys in the same format changes them.
    # bind CONTEXT KEY COMMAND     unbind CONTEXT KEY
    # Contexts: global areas area action-plan action case-studies case-study success-factors search help
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
    bind global T cycle-theme
    bind global <C-l> redraw
    bind area p go-action-plan
    bind areas p go-action-plan
    bind action-plan f filter
    bind action-plan s cycle-sort
    bind action-plan x clear-filter
    bind success-factors <Left> left
    bind success-factors h left
    bind success-factors <Right> right
    bind success-factors l right
    """

    /// The default bindings (the text above, which is part of the program and always parses).
    public static let defaults: KeyMap = {
        var map = KeyMap()
        let problems = map.apply(defaultText, file: "defaults")
        precondition(problems.isEmpty, "default keys: \(problems)")
        return map
    }()

    /// Applies a key file's lines on top of these bindings; returns the lines it could not use.
    @discardableResult
    public mutating func apply(_ text: String, file: String) -> [FileProblem] {
        var problems: [FileProblem] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = DataFileLine.words(raw)
            guard !words.isEmpty else { continue }
            func problem(_ message: String) { problems.append(FileProblem(file: file, line: index + 1, message: message)) }
            switch words[0] {
            case "bind":
                guard words.count == 4 else { problem("expected `bind CONTEXT KEY COMMAND`"); continue }
                guard let context = KeyContext(rawValue: words[1]) else { problem("unknown context \"\(words[1])\""); continue }
                guard let key = KeyName.parse(words[2]) else { problem("unknown key \"\(words[2])\""); continue }
                guard let command = Command(rawValue: words[3]) else { problem("unknown command \"\(words[3])\""); continue }
                bind(key, to: command, in: context)
            case "unbind":
                guard words.count == 3 else { problem("expected `unbind CONTEXT KEY`"); continue }
                guard let context = KeyContext(rawValue: words[1]) else { problem("unknown context \"\(words[1])\""); continue }
                guard let key = KeyName.parse(words[2]) else { problem("unknown key \"\(words[2])\""); continue }
                table[context]?[key] = nil
                order[context]?.removeAll { $0 == key }
            default:
                problem("unknown instruction \"\(words[0])\" (expected bind or unbind)")
            }
        }
        return problems
    }

    public mutating func bind(_ key: Key, to command: Command, in context: KeyContext) {
        if table[context]?[key] == nil { order[context, default: []].append(key) }
        table[context, default: [:]][key] = command
    }

    /// The command a key runs on a screen: the screen's own binding, else the global one.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        table[context]?[key] ?? table[.global]?[key]
    }

    /// The commands bound in one context (not counting global ones), each with all its keys.
    public func bindings(for context: KeyContext) -> [KeyBinding] {
        var result: [KeyBinding] = []
        for key in order[context] ?? [] {
            guard let command = table[context]?[key] else { continue }
            // A global key overridden on this screen is listed here, not under "Everywhere".
            if let i = result.firstIndex(where: { $0.command == command }) {
                result[i].keys.append(key)
            } else {
                result.append(KeyBinding(keys: [key], command: command))
            }
        }
        return result
    }

    /// The first key bound to a command on a screen (or globally), for hints.
    public func key(for command: Command, in context: KeyContext) -> Key? {
        for c in [context, .global] {
            for key in order[c] ?? [] where table[c]?[key] == command && self.command(for: key, in: context) == command {
                return key
            }
        }
        return nil
    }

    /// What the status line shows on each screen, most useful first; it shows as many as fit.
    static let hintCommands: [KeyContext: [Command]] = [
        .areas: [.open, .help, .quit, .search, .goActionPlan, .goSuccessFactors],
        .area: [.open, .nextPane, .back, .help, .search, .quit],
        .actionPlan: [.open, .filter, .cycleSort, .back, .help, .search],
        .action: [.nextPane, .open, .back, .help, .search],
        .caseStudies: [.open, .back, .help, .search],
        .caseStudy: [.nextPane, .open, .back, .help],
        .successFactors: [.open, .back, .help, .search],
        .search: [.open, .back, .help],
        .help: [.help, .down, .up],
    ]

    public func hints(for context: KeyContext) -> [KeyHint] {
        (KeyMap.hintCommands[context] ?? [.help, .quit]).compactMap { command in
            key(for: command, in: context).map { KeyHint(key: KeyName.display($0), label: command.hint) }
        }
    }
}

/// Key names as written in key files (`j`, `<Down>`, `<C-r>`, `<S-Tab>`) and as shown on
/// screen ("Ctrl-R", "PgDn").
public enum KeyName {
    private static let named: [(String, Key)] = [
        ("Enter", .enter), ("Esc", .escape), ("Tab", .tab), ("S-Tab", .backTab), ("Backspace", .backspace),
        ("Delete", .delete), ("Insert", .insert), ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("Home", .home), ("End", .end), ("PgUp", .pageUp), ("PgDn", .pageDown), ("Space", .character(" ")),
        ("Lt", .character("<")),
    ]

    public static func parse(_ text: String) -> Key? {
        if text.count == 1, let c = text.first { return .character(c) }
        guard text.hasPrefix("<"), text.hasSuffix(">"), text.count > 2 else { return nil }
        let inner = String(text.dropFirst().dropLast())
        if let match = named.first(where: { $0.0.lowercased() == inner.lowercased() }) { return match.1 }
        if inner.lowercased().hasPrefix("c-"), inner.count == 3, let c = inner.last, c.isLetter {
            return .control(Character(c.lowercased()))
        }
        if inner.uppercased().hasPrefix("F"), let n = Int(inner.dropFirst()), (1...24).contains(n) { return .function(n) }
        return nil
    }

    /// How a key is shown in hints and help.
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
        }
    }
}
