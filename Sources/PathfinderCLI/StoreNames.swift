import ArgumentParser
import Foundation

/// Area, action and case study ids for shell completion (Tab after `pathfinder show `). The
/// shell asks at every Tab, so this reads folder and file names only and never loads the
/// store: on a store of 50,000 actions it answers before the user notices.
enum StoreNames {
    /// Area ids: the folders under `areas/`.
    static let areaIDs = CompletionKind.custom { words, index, _ in
        starting(names(in: store(words: words)).areas, words: words, index: index)
    }

    /// Action ids: the files under `areas/*/actions/`.
    static let actionIDs = CompletionKind.custom { words, index, _ in
        starting(names(in: store(words: words)).actions, words: words, index: index)
    }

    /// Anything `show` opens: an action, an area, a case study or an organisation.
    static let anyID = CompletionKind.custom { words, index, _ in
        let found = names(in: store(words: words))
        return starting(found.actions + found.areas + found.caseStudies + found.organisations, words: words, index: index)
    }

    /// The ids starting with the word being completed. (ArgumentParser's own prefix is cut
    /// from the line's last word, which is another word when options follow the cursor.)
    static func starting(_ ids: [String], words: [String], index: Int) -> [String] {
        guard words.indices.contains(index) else { return ids }
        return ids.filter { $0.hasPrefix(words[index]) }
    }

    struct Names: Equatable {
        var areas: [String] = []
        var actions: [String] = []
        var caseStudies: [String] = []
        var organisations: [String] = []
    }

    /// The ids in a store folder, each list sorted; an unreadable folder gives none.
    static func names(in store: URL?) -> Names {
        guard let store else { return Names() }
        let fm = FileManager.default
        func entries(_ folder: URL) -> [String] {
            ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        }
        func markdownNames(_ folder: URL) -> [String] {
            entries(folder).filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }
        }
        var names = Names()
        let areas = store.appendingPathComponent("areas")
        for area in entries(areas) {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: areas.appendingPathComponent(area).path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            names.areas.append(area)
            names.actions += markdownNames(areas.appendingPathComponent(area).appendingPathComponent("actions"))
        }
        names.actions.sort()
        names.caseStudies = markdownNames(store.appendingPathComponent("case-studies"))
        names.organisations = markdownNames(store.appendingPathComponent("organisations"))
        return names
    }

    /// The store the command line being completed names (`--store DIR` or `--store=DIR`),
    /// else the one the command would open; nil when there is none yet (no sample is copied
    /// for a Tab).
    static func store(words: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        var named: String?
        for (i, word) in words.enumerated() {
            if word == "--store", i + 1 < words.count { named = words[i + 1] }
            if word.hasPrefix("--store=") { named = String(word.dropFirst("--store=".count)) }
        }
        if let named = named.map(unquoted), !named.isEmpty {
            let home = environment["HOME"] ?? NSHomeDirectory()
            let path = named == "~" ? home : named.hasPrefix("~/") ? home + named.dropFirst(1) : named
            return URL(fileURLWithPath: path)
        }
        if let fromEnvironment = environment["PATHFINDER_STORE"], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment)
        }
        return StoreLocation.perUserStore(environment: environment)
    }

    /// Shells pass words as typed; a store path in quotes is read without them.
    private static func unquoted(_ word: String) -> String {
        for quote in ["\"", "'"] where word.count >= 2 && word.hasPrefix(quote) && word.hasSuffix(quote) {
            return String(word.dropFirst().dropLast())
        }
        return word.replacingOccurrences(of: "\\ ", with: " ")
    }
}
