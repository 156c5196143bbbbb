import Foundation
import PathfinderModel

/// An action the merge driver kept twice: ours stayed in the file; theirs waits in
/// `.pathfinder/pending-splits/` until sync writes it under a fresh id (the driver may only
/// write the one file git gave it).
struct PendingSplit: Codable {
    var path: String
    var text: String
    /// The day the merge kept it twice (YYYY-MM-DD), the date of the note saying it was
    /// renumbered; fixed here so a second attempt writes the same bytes. Older files lack it.
    var day: String?

    var theirs: [UInt8] { Array(text.utf8) }

    init(path: String, theirs: [UInt8], now: Date = Date()) {
        self.path = path
        text = String(decoding: theirs, as: UTF8.self)
        day = Day(secondsSince1970: now.timeIntervalSince1970, utcOffset: TimeZone.current.secondsFromGMT(for: now)).iso
    }

    static let folder = ".pathfinder/pending-splits"

    func save(store: URL) throws {
        let name = String(AtomicFile.hash(Array((path + "\n" + text).utf8)), radix: 16) + ".json"
        try StoreDisk(store: store).write(Array(try JSONEncoder().encode(self)), to: Self.folder + "/" + name)
    }

    /// Each waiting split with its store-relative path, and a line for each one that cannot be
    /// read (not a plain file, too big: see `SmallFile`), which is left where it is.
    static func all(store: URL) -> (splits: [(String, PendingSplit)], problems: [String]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent(folder).path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        var splits: [(String, PendingSplit)] = []
        var problems: [String] = []
        for name in names {
            let path = folder + "/" + name
            do {
                guard let bytes = try SmallFile.read(store.appendingPathComponent(path).path, limit: SmallFile.pendingSplitLimit),
                      let split = try? JSONDecoder().decode(PendingSplit.self, from: Data(bytes)) else { continue }
                splits.append((path, split))
            } catch {
                problems.append("cannot read \(path): \(Self.why(error)); no action was split from it")
            }
        }
        return (splits, problems)
    }

    private static func why(_ error: Error) -> String {
        if case let StoreError.unreadable(_, why) = error { return why }
        return "\(error)"
    }
}

/// A small deterministic generator (SplitMix64) for ids that must come out the same twice.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        z ^= z >> 31
        return Int(z % UInt64(bound))
    }
}
