import Foundation
import PathfinderModel
import PathfinderReports

/// The one way the command line writes to stdout and stderr, so that no text from a file or
/// an argument reaches a terminal raw: an escape sequence in a title must not retitle the
/// window or clear the screen, and a bidi override must not reorder what follows it.
///
/// - Text for people (tables, `show`, `check`, messages, errors) is always made safe with the
///   screens' rule (`SafeText`), whether or not stdout is a terminal: it is meant to be read.
/// - Data (Markdown, HTML, CSV, JSON) keeps its bytes exactly when it goes to a file or a pipe,
///   and is made safe only when stdout is a terminal. JSON on a terminal writes the characters
///   as `\uXXXX` escapes, so it stays valid JSON with the same data.
enum Output {
    /// What is being written, which decides how it is made safe.
    enum Kind {
        /// Lines for people: line feeds stay, everything else unsafe is shown as a symbol.
        case text
        /// Markdown, HTML or CSV.
        case markup
        /// JSON.
        case json
    }

    /// Text as it may be written, given whether it goes to a terminal.
    static func clean(_ text: String, as kind: Kind, terminal: Bool) -> String {
        switch kind {
        case .text: SafeText.lines(text)
        case .markup: terminal ? SafeText.lines(text) : text
        case .json: terminal ? escapingUnsafe(json: text) : text
        }
    }

    /// JSON with every unsafe character as a `\uXXXX` escape. Outside strings JSON is ASCII
    /// punctuation, so only characters inside strings change, and they read back the same.
    static func escapingUnsafe(json: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if SafeText.isUnsafe(scalar), scalar != "\n" {
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// One error, warning or notice for stderr, on one line: the program's own line breaks
    /// become "; ", and a value's own controls show as symbols.
    /// A message longer than `longest` characters (a program's own never is; one relaying
    /// git's words about a huge argument could be) is cut there.
    static func oneLine(_ message: String) -> String {
        let parts = message.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var line = parts.joined(separator: "; ")
        if line.count > longest { line = String(line.prefix(longest)) + "… (cut from \(Number.grouped(Double(line.count))) characters)" }
        return SafeText.line(line)
    }

    static let longest = 1_000

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Lines for people on stdout; a line feed is added.
    static func line(_ text: String = "") { write(text + "\n", as: .text) }

    /// Data or text on stdout, as it is (no line feed added), made safe for its kind.
    static func write(_ text: String, as kind: Kind) {
        FileHandle.standardOutput.write(Data(clean(text, as: kind, terminal: stdoutIsTerminal).utf8))
    }

    /// JSON on stdout, with a closing line feed.
    static func json(_ text: String) { write(text + "\n", as: .json) }

    /// JSON already in bytes, ending with its line feed (`JSONValue.renderedBytes()`): written
    /// as it is, without a copy; made into a string only when it has to be made safe for a terminal.
    static func json(bytes: [UInt8]) {
        guard !stdoutIsTerminal else { return write(String(decoding: bytes, as: UTF8.self), as: .json) }
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none))
        }
    }

    /// A JSON document: streamed to a pipe or file a megabyte at a time as it is rendered
    /// (`JSONValue.render(inChunks:)`), never held whole; on a terminal made safe as a whole.
    static func json(_ value: JSONValue) {
        guard !stdoutIsTerminal else { return json(bytes: value.renderedBytes()) }
        value.render { chunk in
            chunk.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none))
            }
        }
    }

    /// A JSON document written as a stream (`JSONStream`): to a pipe or file a megabyte at a
    /// time; on a terminal made safe as a whole.
    static func json(_ write: (inout JSONStream) -> Void) {
        guard !stdoutIsTerminal else {
            var stream = JSONStream()
            write(&stream)
            return json(bytes: stream.out)
        }
        withoutActuallyEscaping({ (chunk: ArraySlice<UInt8>) in
            chunk.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return }
                FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none))
            }
        }) { flush in
            var stream = JSONStream(flush: flush)
            write(&stream)
        }
    }

    /// One line on stderr: "pathfinder: " and the message.
    static func error(_ message: String) { FileHandle.standardError.write(Data("pathfinder: \(oneLine(message))\n".utf8)) }

    /// A line on stderr without the program's name (a summary, a notice).
    static func notice(_ message: String) { FileHandle.standardError.write(Data("\(oneLine(message))\n".utf8)) }

    /// A question on stderr, the answer typed after it on the same line.
    static func prompt(_ question: String) {
        FileHandle.standardError.write(Data(SafeText.lines(question).utf8))
    }
}
