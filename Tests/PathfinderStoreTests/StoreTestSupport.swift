import Foundation
@testable import PathfinderStore

/// Temporary stores for tests: copies of the sample store or of the broken corpus's base.
enum TestStores {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var sample: URL { repository.appendingPathComponent("sample-areas").resolvingSymlinksInPath() }
    static var corpus: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BrokenCorpus") }

    static func temporaryFolder(_ label: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pf-\(label)-\(UUID().uuidString)")
    }

    /// A copy of a folder in a fresh temporary folder.
    static func copy(_ folder: URL, label: String) throws -> URL {
        let target = temporaryFolder(label)
        try FileManager.default.copyItem(at: folder, to: target)
        return target
    }

    /// Every file under a folder with its bytes, keyed by relative path (hidden files left out).
    static func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let enumerator = FileManager.default.enumerator(atPath: root.path)!
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + relative, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[relative] = try Data(contentsOf: URL(fileURLWithPath: base + relative)) }
        }
        return files
    }

    static func read(_ root: URL, _ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    static func write(_ root: URL, _ relative: String, _ text: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// The lines that differ between two texts, as "-old" and "+new" (a simple line diff that
    /// is exact for edits that replace, add or remove lines in one place).
    static func changedLines(_ old: String, _ new: String) -> [String] {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        return a[prefix..<(a.count - suffix)].map { "-" + $0 } + b[prefix..<(b.count - suffix)].map { "+" + $0 }
    }
}
