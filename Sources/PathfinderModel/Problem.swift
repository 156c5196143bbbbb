/// Something wrong in a store file, reported as `path:line: error|warning: message`. The store
/// finds them; `check`, the summary and the screens all show and count these same values.
public struct Problem: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable { case error, warning }

    /// Relative to the store's folder, with `/` separators.
    public var path: String
    public var line: Int
    public var severity: Severity
    public var message: String

    public static func error(_ path: String, _ line: Int, _ message: String) -> Problem {
        Problem(path: path, line: line, severity: .error, message: message)
    }

    public static func warning(_ path: String, _ line: Int, _ message: String) -> Problem {
        Problem(path: path, line: line, severity: .warning, message: message)
    }

    public var description: String { "\(path):\(line): \(severity.rawValue): \(message)" }

    /// The area whose folder holds the file ("portsmouth" for `areas/portsmouth/actions/PO-03.md`);
    /// nil for the manifest and case studies, which belong to no area.
    public var area: String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3, parts[0] == "areas", !parts[1].isEmpty else { return nil }
        return String(parts[1])
    }

    /// By path, then line, then message, so a report reads top to bottom through the store.
    public static func < (a: Problem, b: Problem) -> Bool {
        (a.path, a.line, a.message) < (b.path, b.line, b.message)
    }
}

/// How many files have problems, counted one way everywhere: `check`, the summary printed
/// without a terminal (from the summary cache or a full read), and the screens. A file with
/// errors counts once however many errors it has; warnings are counted apart, one by one,
/// because a file with only warnings still loads and can be changed.
public struct ProblemCount: Hashable, Sendable {
    /// Files with at least one error: they did not load, or loaded read-only.
    public var filesWithErrors: Int
    public var errors: Int
    public var warnings: Int

    public init(_ problems: some Sequence<Problem>) {
        var files = Set<String>()
        var errors = 0, warnings = 0
        for problem in problems {
            switch problem.severity {
            case .error:
                errors += 1
                files.insert(problem.path)
            case .warning:
                warnings += 1
            }
        }
        filesWithErrors = files.count
        self.errors = errors
        self.warnings = warnings
    }

    /// "1 file has problems", "3 files have problems" (nil when none has).
    public var filesSentence: String? {
        filesWithErrors == 0 ? nil : "\(filesWithErrors) file\(filesWithErrors == 1 ? " has" : "s have") problems"
    }

    /// "3 errors in 2 files, 1 warning", as `check` ends.
    public var tally: String {
        let errorPart = errors == 0 ? "0 errors"
            : "\(errors) error\(errors == 1 ? "" : "s") in \(filesWithErrors) file\(filesWithErrors == 1 ? "" : "s")"
        return "\(errorPart), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}

extension Sequence where Element == Problem {
    /// Errors first, then warnings; each kind by area folder, path and line, so the problems of
    /// one file stay together and the worst come first.
    public func errorsFirst() -> [Problem] {
        sorted { a, b in
            if a.severity != b.severity { return a.severity == .error }
            return a < b
        }
    }
}
