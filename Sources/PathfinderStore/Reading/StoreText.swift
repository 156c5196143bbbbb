import PathfinderModel

/// The store's files as pure functions of text, for tools that work on one file at a time
/// (a merge, a bulk import, a benchmark, a cache): canonical text for a value, and a value
/// (with its problems) for a file's text. Paths are relative to the store's folder, e.g.
/// "areas/portsmouth/actions/PO-03.md"; the folder names give an action its area and id.
public enum StoreText {
    /// A new action's file, every field canonical (docs/store-format.md "How files are written").
    public static func action(_ action: Action) -> String {
        String(decoding: PlainFileStore.bytes(action, over: nil, path: PlainFileStore.actionPath(action)), as: UTF8.self)
    }

    public static func area(_ area: Area) -> String {
        String(decoding: PlainFileStore.bytes(area, over: nil, path: PlainFileStore.areaPath(area)), as: UTF8.self)
    }

    public static func caseStudy(_ study: CaseStudy) -> String {
        String(decoding: PlainFileStore.bytes(study, over: nil, path: PlainFileStore.caseStudyPath(study)), as: UTF8.self)
    }

    public static func organisation(_ organisation: Organisation) -> String {
        String(decoding: PlainFileStore.bytes(organisation, over: nil, path: PlainFileStore.organisationPath(organisation)), as: UTF8.self)
    }

    public static func meeting(_ meeting: Meeting) -> String {
        String(decoding: PlainFileStore.bytes(meeting, over: nil, path: PlainFileStore.meetingPath(meeting)), as: UTF8.self)
    }

    /// A manifest with the given catalogues.
    public static func manifest(title: String, asOf: Day? = nil, catalogue: Catalogue) -> String {
        CanonicalFields.manifest(title: title, asOf: asOf, catalogue: catalogue)
    }

    /// Reads an action file's text on its own: problems found in the file itself (syntax,
    /// missing fields, bad dates), not those that need the rest of the store.
    public static func parseAction(_ text: String, path: String) -> (action: Action?, problems: [Problem]) {
        let parsed = FileParser.action(text, path: path, area: folder(path, up: 2), fileID: fileID(path))
        return (parsed.value, parsed.problems)
    }

    public static func parseArea(_ text: String, path: String) -> (area: Area?, problems: [Problem]) {
        let parsed = FileParser.area(text, path: path, id: folder(path, up: 1))
        return (parsed.value, parsed.problems)
    }

    public static func parseCaseStudy(_ text: String, path: String) -> (caseStudy: CaseStudy?, problems: [Problem]) {
        let parsed = FileParser.caseStudy(text, path: path, id: fileID(path))
        return (parsed.value, parsed.problems)
    }

    public static func parseOrganisation(_ text: String, path: String) -> (organisation: Organisation?, problems: [Problem]) {
        let parsed = FileParser.organisation(text, path: path, id: fileID(path))
        return (parsed.value, parsed.problems)
    }

    public static func parseMeeting(_ text: String, path: String) -> (meeting: Meeting?, problems: [Problem]) {
        let parsed = FileParser.meeting(text, path: path, area: folder(path, up: 2), fileID: fileID(path))
        return (parsed.value, parsed.problems)
    }

    /// A file's name without ".md": the id of the record it holds.
    private static func fileID(_ path: String) -> String {
        String((path.split(separator: "/").last ?? "").dropLast(path.hasSuffix(".md") ? 3 : 0))
    }

    /// The folder `up` levels above the file ("areas/portsmouth/actions/PO-03.md", up 2:
    /// "portsmouth"), or "" for a path too short to have one.
    private static func folder(_ path: String, up: Int) -> String {
        let parts = path.split(separator: "/")
        return parts.count > up ? String(parts[parts.count - 1 - up]) : ""
    }

    /// Reads a manifest's text: its title, `as-of` day and catalogues.
    public static func parseManifest(_ text: String, path: String = "pathfinder.yaml")
        -> (manifest: (title: String, asOf: Day?, catalogue: Catalogue)?, problems: [Problem]) {
        let parsed = FileParser.manifest(text, path: path)
        return (parsed.value.map { ($0.title, $0.asOf, $0.catalogue) }, parsed.problems)
    }
}
