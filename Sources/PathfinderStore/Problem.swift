/// Something wrong in a store file, reported as `path:line: error|warning: message`.
public struct Problem: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable { case error, warning }

    /// Relative to the store's folder, with `/` separators.
    public var path: String
    public var line: Int
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int, severity: Severity, message: String) {
        self.path = path
        self.line = line
        self.severity = severity
        self.message = message
    }

    public static func error(_ path: String, _ line: Int, _ message: String) -> Problem {
        Problem(path: path, line: line, severity: .error, message: message)
    }

    public static func warning(_ path: String, _ line: Int, _ message: String) -> Problem {
        Problem(path: path, line: line, severity: .warning, message: message)
    }

    public var description: String { "\(path):\(line): \(severity.rawValue): \(message)" }

    /// By path, then line, then message, so a report reads top to bottom through the store.
    public static func < (a: Problem, b: Problem) -> Bool {
        (a.path, a.line, a.message) < (b.path, b.line, b.message)
    }
}

/// An error the store cannot work around, shown to the user as one line.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notAStore(String)
    case unreadable(String, String)
    case newerFormat(path: String, found: Int, supported: Int)
    case changedOnDisk(String)
    case writeFailed(String, String)
    case notEmpty(String)
    /// The file loaded with problems (its own, or links to other files); it is left as it is.
    case hasProblems(String)
    /// Saving would write a file that does not load cleanly (e.g. an empty title); nothing was written.
    case wouldNotLoad(path: String, problem: String)
    case invalid(String)
    /// A folder or file inside the store is a symbolic link: nothing is written through it.
    case throughLink(path: String, target: String)

    public var description: String {
        switch self {
        case let .notAStore(path): "\(path) is not a Pathfinder store (no pathfinder.yaml); make one with `pathfinder init DIR`"
        case let .unreadable(path, why): "cannot read \(path): \(why)"
        case let .newerFormat(path, found, supported):
            "\(path): the store is format \(found); this Pathfinder reads format \(supported) and older: update Pathfinder"
        case let .changedOnDisk(path): "\(path) was changed by someone else since it was loaded; nothing was overwritten"
        case let .writeFailed(path, why): "could not save \(path): \(why)"
        case let .notEmpty(path): "\(path) is not empty; choose a new folder for the store"
        case let .hasProblems(path): "\(path) has problems to fix first (run `pathfinder check`); it was not changed"
        case let .wouldNotLoad(path, problem): "\(path) was not saved: \(problem)"
        case let .invalid(message): message
        case let .throughLink(path, target):
            "\(path) is a symbolic link to \(target); Pathfinder never writes through links: replace it with a real \(path.hasSuffix(".md") || path.hasSuffix(".yaml") ? "file" : "folder"); nothing was changed"
        }
    }
}
