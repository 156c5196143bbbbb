import Foundation

/// The files that come with Pathfinder: the sample store (`sample-areas/`) and the shipped
/// themes (`themes/`), in one folder found at run time, so the same binary works from
/// `swift run`, from `make install` under any prefix, and from the Debian package.
struct ProgramData: Sendable {
    /// The folder holding `sample-areas/` and `themes/`.
    var folder: URL

    var sample: URL { folder.appendingPathComponent("sample-areas") }
    var themes: URL { folder.appendingPathComponent("themes") }

    /// The name SwiftPM gives the resource bundle of the PathfinderCLI target, which it puts
    /// beside the built binary (`swift run`, `swift build`).
    static let resourceBundleName = "Pathfinder_PathfinderCLI.resources"

    /// The places looked, in order. `$PATHFINDER_DATA`, when set, is the only one: a folder
    /// someone named on purpose is never silently replaced by another copy.
    static func candidates(environment: [String: String], executable: URL?) -> [URL] {
        if let named = environment["PATHFINDER_DATA"], !named.isEmpty {
            return [URL(fileURLWithPath: named).standardizedFileURL]
        }
        var places: [URL] = []
        if let binary = executable?.resolvingSymlinksInPath() {
            let beside = binary.deletingLastPathComponent()
            // An installed binary: PREFIX/bin/pathfinder with its data in PREFIX/share/pathfinder.
            places.append(beside.appendingPathComponent("../share/pathfinder").standardizedFileURL)
            places.append(beside.appendingPathComponent(resourceBundleName))
        }
        places.append(URL(fileURLWithPath: "/usr/local/share/pathfinder"))
        places.append(URL(fileURLWithPath: "/usr/share/pathfinder"))
        return places
    }

    /// The first candidate holding a sample store, or why there is none.
    static func find(environment: [String: String], executable: URL?) -> Result<ProgramData, NotFound> {
        let places = candidates(environment: environment, executable: executable)
        for place in places where FileManager.default.fileExists(atPath: place.appendingPathComponent("sample-areas/pathfinder.yaml").path) {
            return .success(ProgramData(folder: place))
        }
        return .failure(NotFound(places: places, fromEnvironment: !(environment["PATHFINDER_DATA"] ?? "").isEmpty))
    }

    /// This process's data, looked up once.
    static let located: Result<ProgramData, NotFound> = find(
        environment: ProcessInfo.processInfo.environment, executable: Bundle.main.executableURL)

    /// No folder with the program's files: says every place looked and how to fix it.
    struct NotFound: Error, Sendable, CustomStringConvertible {
        var places: [URL]
        var fromEnvironment: Bool

        var description: String {
            let looked = places.map(\.path).joined(separator: ", ")
            if fromEnvironment {
                return "PATHFINDER_DATA is \(looked), which holds no sample-areas/pathfinder.yaml; "
                    + "set it to the folder holding sample-areas/ and themes/, or unset it"
            }
            return "the files that come with Pathfinder (sample-areas/ and themes/) were not found; looked in \(looked); "
                + "set PATHFINDER_DATA to the folder holding them, or reinstall"
        }
    }
}
