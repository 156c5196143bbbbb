import Foundation

extension GitRunner {
    /// The repository's empty tree, to compare against when there is no earlier commit.
    static let emptyTree = "4b825dc642cb6eb9a060e54bf8d69288fbee4904"

    /// The contents of many `REVISION:PATH` objects in one git process (`cat-file --batch`);
    /// nil for each one that does not exist.
    func blobs(_ specs: [String]) throws -> [[UInt8]?] {
        guard !specs.isEmpty else { return [] }
        let input = Data(specs.map { $0 + "\n" }.joined().utf8)
        let result = try check(["cat-file", "--batch"], input: input)
        let bytes = [UInt8](result.output)
        var out: [[UInt8]?] = []
        var i = 0
        for _ in specs {
            guard let end = bytes[i...].firstIndex(of: 0x0A) else { out.append(nil); continue }
            let header = String(decoding: bytes[i..<end], as: UTF8.self).split(separator: " ")
            i = end + 1
            guard header.count == 3, let size = Int(header[2]), header[1] == "blob" || header[1] == "tree" || header[1] == "commit" else {
                out.append(nil)   // "<spec> missing" or "ambiguous"
                continue
            }
            out.append(header[1] == "blob" ? Array(bytes[i..<min(bytes.count, i + size)]) : nil)
            i = min(bytes.count, i + size + 1)
        }
        return out
    }

    /// Whether the revision names a commit.
    func exists(_ revision: String) -> Bool {
        (try? run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"]).succeeded) ?? false
    }

    /// The full id of a revision, or nil.
    func resolve(_ revision: String) -> String? {
        guard let r = try? run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"]), r.succeeded else { return nil }
        return r.text
    }

    /// `git diff --name-status -z` between two trees (or a tree and the index with `cached`),
    /// as (status letter, path, path before a rename).
    func changedFiles(_ arguments: [String]) throws -> [(status: Character, path: String, oldPath: String?)] {
        let result = try check(["diff", "--name-status", "-z", "--no-ext-diff"] + arguments)
        var fields = String(decoding: result.output, as: UTF8.self).split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
        if fields.last == "" { fields.removeLast() }
        var out: [(Character, String, String?)] = []
        var i = 0
        while i < fields.count {
            let status = fields[i].first ?? "M"
            if status == "R" || status == "C", i + 2 < fields.count {
                out.append((status, fields[i + 2], fields[i + 1]))
                i += 3
            } else if i + 1 < fields.count {
                out.append((status, fields[i + 1], nil))
                i += 2
            } else {
                break
            }
        }
        return out
    }
}
