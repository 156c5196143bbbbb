import PathfinderModel

/// The store's problems are the model's values (`PathfinderModel.Problem`), so the screens get
/// them as they are rather than as lines of text to take apart again.
public typealias Problem = PathfinderModel.Problem

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
    /// The action was read without its description and notes (`Action.withoutLongTexts`):
    /// writing it would lose them, so it is never written.
    case longTextsNotRead(String)

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
        case let .longTextsNotRead(path):
            "\(path) was read without its description and progress notes, so it cannot be saved from here (it would lose them); nothing was changed"
        case let .throughLink(path, target):
            "\(path) is a symbolic link to \(target); Pathfinder never writes through links: replace it with a real \(path.hasSuffix(".md") || path.hasSuffix(".yaml") ? "file" : "folder"); nothing was changed"
        }
    }
}

extension StoreError {
    /// A refusal that trying again would meet just the same (a link in the store, a file with
    /// problems, a rule broken), as against a write that failed this time (a full disk).
    public var isRefusal: Bool {
        switch self {
        case .throughLink, .hasProblems, .wouldNotLoad, .invalid, .notEmpty, .newerFormat, .notAStore, .longTextsNotRead: true
        case .unreadable, .changedOnDisk, .writeFailed: false
        }
    }
}
