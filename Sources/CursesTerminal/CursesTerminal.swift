import CNcurses
import PathfinderTUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal the application draws on and reads events from: the only user of curses.
///
/// It draws a `Screen` by sending curses only the cells that changed since the last frame,
/// and turns curses input into `Event` values. Use it from one thread. Typical use:
///
///     try CursesTerminal.run { terminal in
///         while let event = terminal.readEvent(timeoutMilliseconds: nil) { ... }
///     }
///
/// Ctrl-C: by default the terminal is in raw mode, so Ctrl-C arrives as `.control("c")` and
/// the application decides (quit, or cancel an edit without losing the plan). Raw mode also
/// keeps Ctrl-S/Ctrl-Q flow control from freezing the screen. Ctrl-Z suspends the program to
/// the shell and redraws on `fg`. A SIGINT, SIGTERM, SIGHUP or SIGQUIT from outside restores
/// the terminal and exits with 128 + signal (see `TerminalRestore`).
public final class CursesTerminal {
    public struct Options: Sendable {
        /// Raw mode: Ctrl-C is a key. When false (cbreak), Ctrl-C sends SIGINT, which restores
        /// the terminal and exits at once, and Ctrl-Z is the shell's job control.
        public var ctrlCIsKey: Bool
        /// In raw mode, Ctrl-Z suspends the program to the shell instead of being a key.
        public var ctrlZSuspends: Bool
        /// Report clicks, double-clicks and the wheel.
        public var mouse: Bool
        /// Deliver pasted text as one `.paste` event (xterm's bracketed paste).
        public var bracketedPaste: Bool
        /// Show no colour even when the terminal has it (a monochrome theme, screenshots).
        public var monochrome: Bool
        /// How long after Esc to wait for the rest of a key's sequence.
        public var escapeDelayMilliseconds: Int
        /// When the locale's character set is not UTF-8 (LANG=C), use C.UTF-8 for characters
        /// anyway: nearly every terminal today is UTF-8, and the plans are full of non-ASCII.
        public var preferUTF8: Bool

        public init(ctrlCIsKey: Bool = true, ctrlZSuspends: Bool = true, mouse: Bool = true,
                    bracketedPaste: Bool = true, monochrome: Bool = false,
                    escapeDelayMilliseconds: Int = 25, preferUTF8: Bool = true) {
            self.ctrlCIsKey = ctrlCIsKey
            self.ctrlZSuspends = ctrlZSuspends
            self.mouse = mouse
            self.bracketedPaste = bracketedPaste
            self.monochrome = monochrome
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
            self.preferUTF8 = preferUTF8
        }
    }

    public enum StartError: Error, Equatable, CustomStringConvertible {
        /// Standard input or output is not a terminal (piped, redirected, run from a script).
        case notATerminal
        /// curses does not know the terminal type in TERM.
        case unknownTerminal(String)
        /// Another CursesTerminal is active in this process, or this one already ran.
        case alreadyActive

        public var description: String {
            switch self {
            case .notATerminal: return "standard input and output must be a terminal"
            case .unknownTerminal(let name): return "unknown terminal type '\(name)' (check TERM)"
            case .alreadyActive: return "the terminal is already in use"
            }
        }
    }

    private enum Phase { case idle, running, suspended, stopped }

    private struct PairKey: Hashable { var foreground: Int16; var background: Int16 }

    public private(set) var options = Options()
    /// The colours in use, decided at start from the terminal, NO_COLOR and the options.
    public private(set) var colorDepth: ColorDepth = .none
    private var phase = Phase.idle
    private var screenHandle: OpaquePointer?
    private var defaultColors = false
    private var pairs: [PairKey: Int16] = [:]
    private var pairLimit = 0
    private var mouseMask: mmask_t = 0
    private var previous: Screen?
    private var previousSize = (width: 0, height: 0)
    private var needsFullRedraw = true
    private var cursorVisible = false

    public init() {}

    deinit { stop() }

    /// True between `start` and `stop`, including while suspended.
    public var isActive: Bool { phase == .running || phase == .suspended }

    /// A file to remove if a signal (TERM, HUP, INT, QUIT) ends the program, provided it still
    /// holds `content`: the store's session lock, which a normal exit releases by itself.
    /// Nil forgets it.
    public static func removeWhenKilled(path: String?, ifContentIs content: [UInt8] = []) {
        TerminalRestore.setLeftover(path: path, content: content)
    }

    /// Starts curses, runs `body`, and stops curses however `body` ends (return or throw).
    public static func run<T>(options: Options = Options(), _ body: (CursesTerminal) throws -> T) throws -> T {
        let terminal = CursesTerminal()
        try terminal.start(options)
        return try terminal.run(body)
    }

    /// Runs `body` with this started terminal and stops it afterwards, even when `body` throws.
    public func run<T>(_ body: (CursesTerminal) throws -> T) rethrows -> T {
        defer { stop() }
        return try body(self)
    }

    // MARK: - Lifecycle

    public func start(_ options: Options = Options()) throws {
        guard phase == .idle, TerminalRestore.mode == .idle else { throw StartError.alreadyActive }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw StartError.notATerminal }
        self.options = options

        // The locale first: wide-character curses decodes input and measures by it.
        setlocale(LC_ALL, "")
        if options.preferUTF8, !Self.isUTF8(String(cString: pf_codeset())) {
            setlocale(LC_CTYPE, "C.UTF-8")
        }

        TerminalRestore.install(fd: STDOUT_FILENO)
        guard let handle = newterm(nil, pf_stdout(), pf_stdin()) else {
            TerminalRestore.uninstall()
            throw StartError.unknownTerminal(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        screenHandle = handle
        // From here a signal must undo curses' set-up, even half-way through it.
        TerminalRestore.setReset(resetSequence())
        TerminalRestore.mode = .curses
        let win = pf_stdscr()
        if options.ctrlCIsKey { raw() } else { cbreak() }
        noecho()
        nonl()
        keypad(win, true)
        typeahead(-1)   // finish every frame; do not stop drawing to peek at input
        set_escdelay(Int32(clamping: options.escapeDelayMilliseconds))
        curs_set(0)
        cursorVisible = false

        setUpColors()
        if options.mouse {
            let wanted = pf_button1_clicked() | pf_button1_double_clicked()
                | pf_button4_pressed() | pf_button5_pressed()
            mouseMask = mousemask(wanted, nil)
        }
        if options.bracketedPaste {
            define_key("\u{1B}[200~", Int32(PF_KEY_PASTE_BEGIN))
            define_key("\u{1B}[201~", Int32(PF_KEY_PASTE_END))
        }
        setBracketedPaste(true)
        phase = .running
        previous = nil
        needsFullRedraw = true
    }

    /// Ends curses and gives the terminal back to the shell. Safe to call more than once.
    public func stop() {
        switch phase {
        case .idle, .stopped:
            return
        case .running:
            endwin()
            setBracketedPaste(false)
        case .suspended:
            break   // already in shell modes
        }
        if let screenHandle { delscreen(screenHandle) }
        screenHandle = nil
        TerminalRestore.uninstall()
        phase = .stopped
    }

    /// Gives the terminal to a child process such as $EDITOR. Call `resume` when it returns.
    public func suspend() {
        guard phase == .running else { return }
        def_prog_mode()
        endwin()
        setBracketedPaste(false)
        TerminalRestore.mode = .suspended
        phase = .suspended
    }

    /// Takes the terminal back after `suspend` and repaints everything.
    public func resume() {
        guard phase == .suspended else { return }
        reset_prog_mode()
        TerminalRestore.mode = .curses
        phase = .running
        if options.mouse { mousemask(mouseMask, nil) }
        curs_set(cursorVisible ? 1 : 0)
        invalidate()
        clearok(pf_curscr(), true)
        wrefresh(pf_stdscr())
        setBracketedPaste(true)
    }

    /// Stops the process as the shell's Ctrl-Z would, and takes the terminal back on `fg`.
    public func suspendToShell() {
        guard phase == .running else { return }
        suspend()
        // The shell's own Ctrl-Z: SIGTSTP with its default action (ncurses has a handler for
        // it), which the kernel drops if no shell is left to continue us.
        var curses = sigaction()
        _ = pf_install_handler(SIGTSTP, nil, 0, &curses)
        _ = raise(SIGTSTP)
        _ = pf_restore_handler(SIGTSTP, &curses)
        _ = TerminalRestore.takeContinued()
        resume()
    }

    /// Forgets what is on the terminal, so the next `draw` repaints every cell.
    public func invalidate() {
        needsFullRedraw = true
    }

    /// The terminal's size in columns and rows, as curses last learnt it.
    public var size: (width: Int, height: Int) {
        guard isActive else { return (0, 0) }
        return (Int(pf_cols()), Int(pf_lines()))
    }

    // MARK: - Drawing

    /// Shows `screen`, sending only the cells that differ from the last frame, in one update.
    /// A `cursor` position shows the text cursor there (for line editing); nil hides it.
    public func draw(_ screen: Screen, cursor: (x: Int, y: Int)? = nil) {
        guard phase == .running else { return }
        let win = pf_stdscr()
        let rows = Int(pf_lines()), columns = Int(pf_cols())
        var full = needsFullRedraw || previousSize != (columns, rows)
        if let previous, previous.width != screen.width || previous.height != screen.height { full = true }
        let old = full ? nil : previous
        if full {
            werase(win)
            clearok(win, true)
        }
        for update in ScreenDiff.updates(from: old, to: screen, columns: columns, rows: rows) {
            put(update.cell, x: update.x, y: update.y, columns: update.columns, window: win)
        }
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < columns, cursor.y < rows {
            if !cursorVisible { curs_set(1); cursorVisible = true }
            wmove(win, Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        wnoutrefresh(win)
        doupdate()
        previous = screen
        previousSize = (columns, rows)
        needsFullRedraw = false
    }

    private func put(_ cell: Cell, x: Int, y: Int, columns: Int, window: UnsafeMutablePointer<WINDOW>?) {
        let (attributes, pair) = look(cell.style)
        let text = cell.text.isEmpty ? " " : cell.text
        for glyph in GlyphLayout.layout(text, columns: columns, width: { Int(pf_wcwidth($0.value)) }) {
            var characters = glyph.scalars.map { wchar_t(bitPattern: $0.value) }
            characters.append(0)
            var cc = cchar_t()
            guard setcchar(&cc, characters, attributes, pair, nil) == OK else { continue }
            // Placed at its own column: nothing drawn earlier on the row can shift it.
            _ = mvwadd_wch(window, Int32(y), Int32(x + glyph.column), &cc)
        }
    }

    /// The curses attributes and colour pair for a style.
    private func look(_ style: Style) -> (attr_t, Int16) {
        var attributes = pf_a_normal()
        if style.bold { attributes |= pf_a_bold() }
        if style.underline { attributes |= pf_a_underline() }
        if style.reverse { attributes |= pf_a_reverse() }
        if style.dim { attributes |= pf_a_dim() }
        guard colorDepth != .none else { return (attributes, 0) }
        var foreground = colorDepth.terminalColor(style.foreground)
        var background = colorDepth.terminalColor(style.background)
        if !defaultColors {
            if foreground < 0 { foreground = 7 }
            if background < 0 { background = 0 }
        }
        return (attributes, pair(foreground, background))
    }

    /// A colour pair for (foreground, background), made the first time it is needed. When the
    /// terminal's pairs run out, further combinations fall back to the default colours.
    private func pair(_ foreground: Int16, _ background: Int16) -> Int16 {
        if defaultColors, foreground == -1, background == -1 { return 0 }
        let key = PairKey(foreground: foreground, background: background)
        if let number = pairs[key] { return number }
        let number = pairs.count + 1
        guard number < pairLimit, init_pair(Int16(number), foreground, background) == OK else { return 0 }
        pairs[key] = Int16(number)
        return Int16(number)
    }

    private func setUpColors() {
        colorDepth = .none
        let noColor = getenv("NO_COLOR").map { String(cString: $0) }
        // COLORS is only known after start_color, so ask about colour at all first.
        guard !options.monochrome, ColorDepth.detect(hasColors: has_colors(), colorCount: 256, noColor: noColor) != .none
        else { return }
        start_color()
        defaultColors = use_default_colors() == OK
        colorDepth = ColorDepth.detect(hasColors: true, colorCount: Int(pf_colors()), noColor: nil)
        // Pair numbers must fit setcchar's short.
        pairLimit = min(Int(pf_color_pairs()), Int(Int16.max))
        pairs = [:]
    }

    // MARK: - Input

    /// The next event, or nil when `timeoutMilliseconds` passes first (nil waits for ever).
    public func readEvent(timeoutMilliseconds: Int? = nil) -> Event? {
        guard phase == .running else { return nil }
        let win = pf_stdscr()
        let deadline = timeoutMilliseconds.map { Self.now() + max(0, $0) }
        while true {
            if TerminalRestore.takeContinued() {
                // Stopped and continued from outside (kill -STOP/-CONT): modes may be lost.
                reset_prog_mode()
                invalidate()
                return .resize(width: size.width, height: size.height)
            }
            // Wait in slices so a continue or a deadline is noticed even without input.
            let remaining = deadline.map { $0 - Self.now() } ?? 1000
            if remaining < 0 { return nil }
            wtimeout(win, Int32(min(remaining, 1000)))
            var code: wint_t = 0
            let result = wget_wch(win, &code)
            if result == PF_KEY_CODE_YES {
                if let event = keyCodeEvent(Int(code), window: win) { return event }
            } else if result == OK {
                if code == 26, options.ctrlCIsKey, options.ctrlZSuspends {
                    suspendToShell()
                    return .resize(width: size.width, height: size.height)
                }
                if code == 27 { return .key(readEscapeSequence(window: win)) }
                if let key = InputDecoder.key(code: code, isKeyCode: false) { return .key(key) }
            } else if let deadline, Self.now() >= deadline {
                return nil
            }
        }
    }

    private func keyCodeEvent(_ code: Int, window: UnsafeMutablePointer<WINDOW>?) -> Event? {
        switch code {
        case Int(PF_KEY_RESIZE):
            // ncurses has already called resizeterm, so LINES and COLS are current.
            invalidate()
            return .resize(width: size.width, height: size.height)
        case Int(PF_KEY_MOUSE):
            var report = MEVENT()
            guard getmouse(&report) == OK else { return nil }
            return InputDecoder.mouse(x: Int(report.x), y: Int(report.y), buttons: report.bstate).map(Event.mouse)
        case Int(PF_KEY_PASTE_BEGIN):
            return .paste(readPaste(window: window))
        case Int(PF_KEY_PASTE_END):
            return nil
        default:
            return InputDecoder.key(code: UInt32(code), isKeyCode: true).map(Event.key)
        }
    }

    /// The rest of what began with Esc, read as one key: whatever follows within the escape
    /// delay belongs to it (a terminal sends a sequence in one write).
    private func readEscapeSequence(window: UnsafeMutablePointer<WINDOW>?) -> Key {
        var rest: [Character] = []
        wtimeout(window, Int32(clamping: max(1, options.escapeDelayMilliseconds)))
        defer { wtimeout(window, -1) }
        while rest.count < 16 {
            var code: wint_t = 0
            guard wget_wch(window, &code) == OK, let scalar = Unicode.Scalar(code) else { break }
            let c = Character(scalar)
            if rest.isEmpty, c != "[", c != "O" {
                // Esc, then a key of its own: typed ahead while the program was busy, or sent
                // by a test as two keys, it must stay two (not Alt and a letter).
                unget_wch(wchar_t(code))
                break
            }
            rest.append(c)
            if rest.count > 1, InputDecoder.endsSequence(c, after: rest[0]) { break }
        }
        return InputDecoder.escapeSequence(rest)
    }

    /// Collects pasted text up to the end marker (or a second of silence, if it never comes).
    private func readPaste(window: UnsafeMutablePointer<WINDOW>?) -> String {
        var scalars = String.UnicodeScalarView()
        wtimeout(window, 1000)
        while true {
            var code: wint_t = 0
            let result = wget_wch(window, &code)
            if result == PF_KEY_CODE_YES {
                if code == PF_KEY_PASTE_END { break }
                continue   // a key sequence inside pasted text is not text
            }
            guard result == OK else { break }
            if code == 13 {
                scalars.append("\n")
            } else if let scalar = Unicode.Scalar(code) {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    // MARK: - Helpers

    /// Written straight to the terminal: curses has no capability for it, and putp would go
    /// through stdio's buffer, which curses does not flush. Whole sequences only, so mixing
    /// with curses' own output is harmless.
    private func setBracketedPaste(_ on: Bool) {
        guard options.bracketedPaste else { return }
        let sequence = on ? "\u{1B}[?2004h" : "\u{1B}[?2004l"
        _ = sequence.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    }

    /// What undoes curses' set-up, for the signal handlers: reporting modes off first, then the
    /// terminfo strings for attributes, cursor, keypad and the alternate screen.
    private func resetSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        if options.bracketedPaste { bytes += Array("\u{1B}[?2004l".utf8) }
        if options.mouse {
            bytes += Array("\u{1B}[?1006l\u{1B}[?1015l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l".utf8)
        }
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = pf_tigetstr(capability) {
                bytes += Self.withoutPadding(Array(String(cString: value).utf8))
            }
        }
        return bytes
    }

    /// terminfo strings may carry delays like `$<5>` that only tputs understands.
    static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
               let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                i = close + 1
                continue
            }
            result.append(bytes[i])
            i += 1
        }
        return result
    }

    private static func isUTF8(_ codeset: String) -> Bool {
        let name = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
        return name == "utf8"
    }

    private static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }
}
