import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts the terminal back when the process is killed or crashes while curses owns the screen.
///
/// Why this design: `endwin` is not async-signal-safe (it takes locks and uses stdio), and a
/// flag polled by `readEvent` does nothing when the program is busy or stuck elsewhere. So at
/// start we save the terminal modes from before curses (`tcgetattr`) and the escape sequences
/// that undo what curses set up (leave the alternate screen, show the cursor, reset colours,
/// keypad and mouse reporting off, bracketed paste off) into memory allocated once; a handler
/// then only calls `write`, `tcsetattr` and `_exit`, all async-signal-safe. Under tmux this is
/// what brings the shell back: tmux keeps the alternate screen until it sees `rmcup`.
///
/// This is the program's only process-wide mutable state, because a signal handler cannot be
/// given context: one fixed block, reached through a constant pointer, touched by the handlers
/// and by `CursesTerminal` on its own thread. Hence one active terminal per process.
enum TerminalRestore {
    /// What the handlers must do, set by the terminal as curses starts, suspends and stops.
    enum Mode: Int32 {
        /// No handlers installed.
        case idle = 0
        /// Curses is not started yet: put the saved modes back and exit.
        case shell = 1
        /// Curses owns the screen: restore it, then exit.
        case curses = 2
        /// Curses is suspended for a child such as $EDITOR, which owns the terminal. Ctrl-C and
        /// Ctrl-\ belong to the child (like system(3), the parent ignores them); TERM and HUP
        /// still end the program.
        case suspended = 3
    }

    /// Signals that end the program: the terminal is restored and it exits with 128 + signal.
    static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    /// Faults: the terminal is restored, then the previous handler (the Swift runtime's
    /// backtracer, or the default) runs, so a crash report lands on a usable screen.
    static let crashing: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]

    static let resetCapacity = 1024
    static let leftoverPathCapacity = 4096
    static let leftoverContentCapacity = 1024

    struct Block {
        var mode: Int32 = 0
        /// Set when the process is continued after being stopped from outside.
        var continued: Int32 = 0
        var fd: Int32 = 1
        var hasModes: Int32 = 0
        var modes = termios()
        var resetCount = 0
        var reset: UnsafeMutablePointer<UInt8>
        var previous: UnsafeMutablePointer<sigaction>   // indexed by signal number
        /// A file to remove when a signal ends the program (the store's session lock), as a
        /// NUL-terminated path, and the content it must still have to be ours to remove.
        var leftoverPath: UnsafeMutablePointer<CChar>
        var leftoverContent: UnsafeMutablePointer<UInt8>
        var leftoverContentCount = -1
    }

    nonisolated(unsafe) static let block: UnsafeMutablePointer<Block> = {
        let reset = UnsafeMutablePointer<UInt8>.allocate(capacity: resetCapacity)
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        previous.initialize(repeating: sigaction(), count: 65)
        let leftoverPath = UnsafeMutablePointer<CChar>.allocate(capacity: leftoverPathCapacity)
        leftoverPath.initialize(repeating: 0, count: leftoverPathCapacity)
        let leftoverContent = UnsafeMutablePointer<UInt8>.allocate(capacity: leftoverContentCapacity)
        let block = UnsafeMutablePointer<Block>.allocate(capacity: 1)
        block.initialize(to: Block(reset: reset, previous: previous, leftoverPath: leftoverPath, leftoverContent: leftoverContent))
        return block
    }()

    static var mode: Mode {
        get { Mode(rawValue: pf_volatile_load(&block.pointee.mode)) ?? .idle }
        set { pf_volatile_store(&block.pointee.mode, newValue.rawValue) }
    }

    /// True once after the process was stopped and continued; clears the flag.
    static func takeContinued() -> Bool {
        guard pf_volatile_load(&block.pointee.continued) != 0 else { return false }
        pf_volatile_store(&block.pointee.continued, 0)
        return true
    }

    /// Saves the shell's terminal modes and installs the handlers. Called before curses
    /// starts, so ncurses sees our handlers and does not install its own for INT and TERM.
    static func install(fd: Int32) {
        let b = block
        b.pointee.fd = fd
        b.pointee.hasModes = tcgetattr(fd, &b.pointee.modes) == 0 ? 1 : 0
        b.pointee.resetCount = 0
        b.pointee.continued = 0
        mode = .shell
        for signal in terminating {
            _ = pf_install_handler(signal, terminatingHandler, 0, &b.pointee.previous[Int(signal)])
        }
        for signal in crashing {
            _ = pf_install_info_handler(signal, crashHandler, &b.pointee.previous[Int(signal)])
        }
        // No SA_RESTART: a stopped-and-continued process wakes from a blocking read.
        _ = pf_install_handler(SIGCONT, continueHandler, 0, &b.pointee.previous[Int(SIGCONT)])
    }

    /// Records the bytes that undo curses' set-up, written by a handler before exiting.
    static func setReset(_ bytes: [UInt8]) {
        let count = min(bytes.count, resetCapacity)
        bytes.withUnsafeBufferPointer { source in
            block.pointee.reset.update(from: source.baseAddress!, count: count)
        }
        block.pointee.resetCount = count
    }

    /// Remembers a file for a terminating signal to remove, if it still holds `content` (nil
    /// path: none). Set from the main thread before the handlers can run for it.
    static func setLeftover(path: String?, content: [UInt8]) {
        let b = block
        b.pointee.leftoverContentCount = -1
        guard let path, path.utf8.count < leftoverPathCapacity, content.count <= leftoverContentCapacity else { return }
        let bytes = Array(path.utf8CString)
        bytes.withUnsafeBufferPointer { b.pointee.leftoverPath.update(from: $0.baseAddress!, count: bytes.count) }
        content.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { b.pointee.leftoverContent.update(from: base, count: content.count) }
        }
        b.pointee.leftoverContentCount = content.count
    }

    /// Async-signal-safe (`open`, `read`, `close`, `unlink`): removes the remembered file if it
    /// still holds what this process wrote, so a lock another program has taken over is left.
    static func removeLeftoverFromHandler() {
        let b = block
        let expected = b.pointee.leftoverContentCount
        guard expected >= 0 else { return }
        let fd = open(b.pointee.leftoverPath, O_RDONLY)
        guard fd >= 0 else { return }
        var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var same = true
        var offset = 0
        withUnsafeMutableBytes(of: &buffer) { chunk in
            while same {
                let n = read(fd, chunk.baseAddress, chunk.count)
                if n <= 0 { break }
                if offset + n > expected { same = false; break }
                for i in 0..<n where chunk[i] != b.pointee.leftoverContent[offset + i] { same = false }
                offset += n
            }
        }
        close(fd)
        if same, offset == expected { unlink(b.pointee.leftoverPath) }
    }

    /// Puts back the handlers that were there before `install`.
    static func uninstall() {
        mode = .idle
        for signal in terminating + crashing + [SIGCONT] {
            _ = pf_restore_handler(signal, &block.pointee.previous[Int(signal)])
        }
    }

    /// Async-signal-safe: writes the reset sequences (when curses owns the screen) and puts the
    /// shell's terminal modes back.
    static func restoreFromHandler(writeReset: Bool) {
        let b = block
        if writeReset, b.pointee.resetCount > 0 {
            _ = write(b.pointee.fd, b.pointee.reset, b.pointee.resetCount)
        }
        if b.pointee.hasModes != 0 {
            _ = tcsetattr(b.pointee.fd, TCSAFLUSH, &b.pointee.modes)
        }
    }
}

private func terminatingHandler(_ signal: Int32) {
    let mode = TerminalRestore.mode
    if mode == .suspended, signal == SIGINT || signal == SIGQUIT { return }
    TerminalRestore.restoreFromHandler(writeReset: mode == .curses)
    TerminalRestore.removeLeftoverFromHandler()
    _exit(128 + signal)
}

private func crashHandler(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if TerminalRestore.mode == .curses { TerminalRestore.restoreFromHandler(writeReset: true) }
    TerminalRestore.mode = .idle
    _ = pf_restore_handler(signal, &TerminalRestore.block.pointee.previous[Int(signal)])
    // A fault re-executes its instruction on return and meets the previous handler with its
    // details intact; abort(), kill(2) and breakpoints do not, so send those again (delivered
    // when this handler returns).
    if pf_signal_code(info) <= 0 || signal == SIGTRAP { _ = raise(signal) }
}

private func continueHandler(_ signal: Int32) {
    pf_volatile_store(&TerminalRestore.block.pointee.continued, 1)
}
