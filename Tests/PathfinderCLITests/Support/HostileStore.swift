import Foundation

/// A copy of the sample store with text meant to take over a terminal in every text field of
/// every kind of record: escape sequences that retitle the window and clear the screen, a bell,
/// C1 controls (U+009B is a one-byte CSI), bidi overrides and isolates, the line separator,
/// NEL and DEL. Front matter holds them as YAML escapes; Markdown bodies hold them raw.
enum HostileStore {
    /// The text put in every field.
    static let text = "T\u{1B}]2;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}evil\u{2066}iso\u{2028}sep\u{85}nel\u{7F}del"
    /// The same as a YAML double-quoted scalar.
    static let yaml = #""T\e]2;pwned\a\e[2J\x9b31m\u202Eevil\u2066iso\u2028sep\x85nel\x7Fdel""#
    /// For places that are one line of a Markdown body (a progress note's heading): no line breaks.
    static let inline = "A\u{1B}]2;pwned\u{07}\u{9B}1m\u{202E}uthor"

    static let actionID = "HO-01"
    static let area = "hostile"
    static let caseStudy = "hostile-study"
    static let organisation = "hostile-organisation"
    static let meeting = "hostile/2006-12-01-hostile"
    static let meetingFile = "areas/hostile/meetings/2006-12-01-hostile.md"

    /// Writes the hostile records into a scratch copy of the sample store.
    static func make() throws -> (root: URL, store: URL, home: URL) {
        let s = try Fixtures.scratch()
        let store = s.store
        func write(_ path: String, _ text: String) throws {
            let url = store.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let h = yaml
        try write("areas/\(area)/area.md", """
            ---
            name: \(h)
            code: HO
            authority: \(h)
            type: \(h)
            region: \(h)
            demography: \(h)
            key-figures:
              - label: \(h)
                value: \(h)
                source: \(h)
            steering-group:
              - name: \(h)
                role: \(h)
                body: \(h)
            forums:
              - name: \(h)
                description: \(h)
            source: \(h)
            ---

            Narrative \(text) end.

            """)
        try write("areas/\(area)/actions/\(actionID).md", """
            ---
            id: \(actionID)
            title: \(h)
            theme: third-sector-involvement
            success-factors: [strategic-commitment]
            lead: \(h)
            lead-body: \(h)
            partners:
              - \(h)
            status: in-progress
            rag: red
            start: 2006-06-01
            due: 2006-12-01
            milestones:
              - title: \(h)
                due: 2006-12-20
                done: false
            indicator:
              name: \(h)
              baseline: 1
              target: 2
              unit: \(h)
            funding:
              amount: 1000
              term-years: 1
              notice-months: 1
              full-cost-recovery: false
            case-studies: [\(caseStudy)]
            updated: 2006-12-01
            updated-by: \(h)
            source: \(h)
            ---

            Description \(text) end.

            ## Progress

            ### 2006-12-01 — \(inline)
            Note \(text) end.

            """)
        try write("case-studies/\(caseStudy).md", """
            ---
            title: \(h)
            area: \(area)
            themes: [third-sector-involvement]
            organisations: [\(h)]
            key-figures:
              - label: \(h)
                value: \(h)
            source: \(h)
            ---

            Text \(text) end.

            """)
        try write(meetingFile, """
            ---
            date: 2006-12-01
            title: \(h)
            attendees:
              - \(h)
            items:
              - action: \(actionID)
                notes:
                  - \(h)
                decisions:
                  - \(h)
                reviewed: true
            ---

            Minutes \(text) end.

            """)
        // The manifest's title and a catalogue label.
        let manifest = store.appendingPathComponent("pathfinder.yaml")
        var lines = try String(contentsOf: manifest, encoding: .utf8).components(separatedBy: "\n")
        if let i = lines.firstIndex(where: { $0.hasPrefix("title:") }) { lines[i] = "title: \(h)" }
        if let i = lines.firstIndex(where: { $0.contains("label: Third sector involvement") }) {
            lines[i] = lines[i].replacingOccurrences(of: "Third sector involvement", with: h)
        }
        try lines.joined(separator: "\n").write(to: manifest, atomically: true, encoding: .utf8)
        // A file whose very name is an escape sequence: `check` prints its path.
        try write("areas/\(area)/actions/HO-\u{1B}]2;name\u{07}.md", "---\nid: HO-02\n---\n")
        try write("organisations/\(organisation).md", """
            ---
            name: \(h)
            kind: charity
            areas: [\(area)]
            services:
              - \(h)
            accreditations:
              - what: \(h)
                by: \(h)
            contacts:
              - role: \(h)
                name: \(h)
                reach: \(h)
            source: \(h)
            ---

            Notes \(text) end.

            """)
        return s
    }

    /// What in a program's output could act on a terminal: every C0 control but the line
    /// breaks, C1 controls, DEL, and the bidi and line-separator characters. Empty when inert.
    static func unsafeCharacters(in output: String) -> [String] {
        output.unicodeScalars.filter { s in
            let v = s.value
            return (v < 0x20 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
                || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }
}

/// Runs the built binary with stdout and stderr on a pseudo-terminal (stdin not a terminal,
/// so the screens never start): what a person at a terminal would see.
enum TerminalRun {
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let master = PTY.openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, PTY.grantpt(master) == 0, PTY.unlockpt(master) == 0, let name = PTY.ptsname(master) else {
            throw TerminalError("no pseudo-terminal")
        }
        let slave = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw TerminalError("could not open \(String(cString: name))") }
        let process = Process()
        process.executableURL = Fixtures.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardOutput = terminal
        process.standardError = terminal
        process.standardInput = FileHandle.nullDevice
        let reader = TerminalReader(master)
        try process.run()
        close(slave)
        process.waitUntilExit()
        let data = reader.wait()
        close(master)
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// The C library's pseudo-terminal calls, looked up at run time: Glibc's Swift module leaves
/// them out (they need _XOPEN_SOURCE).
private enum PTY {
    private static func function<T>(_ name: String, as: T.Type) -> T {
        unsafeBitCast(dlsym(dlopen(nil, RTLD_NOW), name), to: T.self)
    }
    static let openpt = function("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grantpt = function("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlockpt = function("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let ptsname = function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
}

/// Reads a pseudo-terminal's master side until the other side is closed (read fails with EIO).
private final class TerminalReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ fd: Int32) {
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                data.append(contentsOf: buffer[0..<n])
            }
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
