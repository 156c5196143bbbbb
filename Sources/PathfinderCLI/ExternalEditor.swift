import Foundation
import PathfinderStore

/// The user's own editor for long text: `$VISUAL`, else `$EDITOR`. The command is split into
/// words and run directly with the file as the last argument, never through a shell, so text
/// and file names are never interpreted. Simple quotes group words ("code --wait",
/// "'/opt/My Editor/edit' -n").
enum ExternalEditor {
    static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String]? {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name], case let words = split(value), !words.isEmpty { return words }
        }
        return nil
    }

    /// Words of a command line, with '...' and "..." grouping and backslash escapes.
    static func split(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for c in line {
            if escaped {
                word.append(c)
                escaped = false
            } else if c == "\\" && quote != "'" {
                escaped = true
                inWord = true
            } else if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c
                inWord = true
            } else if c.isWhitespace {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(c)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// Writes the text to a private temporary file, runs the editor on it (the terminal must be
    /// handed over first), and reads it back. nil text with a problem when the editor could not
    /// run or failed; nil text without one when the user left it unchanged and empty.
    static func edit(_ text: String, fileName: String,
                     environment: [String: String] = ProcessInfo.processInfo.environment) -> (text: String?, problem: String?) {
        guard let command = command(environment: environment) else { return (nil, "no editor: set $VISUAL or $EDITOR") }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathfinder-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return (nil, "could not make a temporary file for the editor: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(fileName.replacingOccurrences(of: "/", with: "-"))
        do {
            try Data((text.isEmpty || text.hasSuffix("\n") ? text : text + "\n").utf8).write(to: file)
        } catch {
            return (nil, "could not write the text for the editor: \(error.localizedDescription)")
        }
        if let problem = run(command + [file.path]) { return (nil, problem + "; nothing changed") }
        // Read back as any small file is (see `SmallFile`): the editor may have left something
        // that is not a plain file, or a huge one, in its place.
        do {
            guard let edited = try SmallFile.text(file.path, limit: SmallFile.editedTextLimit) else {
                return (nil, "the edited text was not saved back by the editor; nothing changed")
            }
            return (edited, nil)
        } catch {
            return (nil, "the edited text could not be read back: \(error); nothing changed")
        }
    }

    /// Editors known to take `+N` before a file to open it at line N.
    static let lineEditors: Set<String> = ["vi", "vim", "nvim", "gvim", "view", "vim.basic", "vim.tiny", "nano", "rnano", "pico",
                                           "emacs", "emacsclient", "mg", "jed", "joe", "jmacs", "jstar", "ne", "micro", "kak", "gedit"]

    /// The words that run the editor on a store file, at `line` when the editor takes `+N`.
    static func arguments(_ command: [String], file: String, line: Int) -> [String] {
        let program = command.first.map { ($0 as NSString).lastPathComponent } ?? ""
        return command + (lineEditors.contains(program) && line > 1 ? ["+\(line)"] : []) + [file]
    }

    /// Runs the editor on a store file itself (the terminal must be handed over first): a file
    /// that did not load is fixed where it is. Returns why it could not, or nil.
    static func open(file: String, line: Int, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let command = command(environment: environment) else { return "no editor: set $VISUAL or $EDITOR" }
        return run(arguments(command, file: file, line: line))
    }

    /// Runs an editor command and waits for it; nil when it ran and ended well.
    private static func run(_ words: [String]) -> String? {
        let process = Process()
        // /usr/bin/env finds the editor on PATH, as a shell would, without being one.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = words
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return "could not run the editor \(words[0]): \(error.localizedDescription)"
        }
        guard process.terminationStatus == 0 else {
            return "the editor \(words[0]) stopped with status \(process.terminationStatus)"
        }
        return nil
    }
}
