import PathfinderModel

extension PlainFileStore {
    /// `check`'s findings about `depends-on`: cycles, an action due before one it waits on,
    /// and (reading the whole store) ids that name no action. Warnings, not errors: the files
    /// are fine to load and edit, and the plan is what needs a second look. Each names the line
    /// of the list entry at fault.
    static func dependencyProblems(_ actions: [Action], files: [ActionFile], known: Set<String>?) -> [Problem] {
        // Most stores name no dependency: then there is nothing to index.
        guard actions.contains(where: { !$0.dependsOn.isEmpty }) else { return [] }
        var loaded: [Action] = []
        var lines: [String: [Int]] = [:]
        var paths: [String: String] = [:]
        for (i, file) in files.enumerated() where file.hasValue && !file.broken {
            let a = actions[i]
            if !a.dependsOn.isEmpty {
                lines[a.id] = file.dependsOnLines
                paths[a.id] = file.path
            }
            loaded.append(a)
        }
        return Dependencies.problems(loaded, known: known).compactMap { p in
            guard let path = paths[p.action] else { return nil }
            let itemLines = lines[p.action] ?? []
            let line = itemLines.indices.contains(p.item) ? itemLines[p.item] : (itemLines.first ?? 1)
            return .warning(path, line, p.message)
        }
    }
}
