import PathfinderModel
import PathfinderStore

/// An estimate of the memory a loaded partnership holds, by part: the bytes of every string
/// too long to be stored inline (over 15 UTF-8 bytes), with Swift's 32-byte header and malloc's
/// rounding, and the arrays that hold them. Shared strings and arrays (the same storage twice)
/// are counted once.
enum MemoryReport {
    struct Tally {
        var strings = 0
        var bytes = 0
        var seen = Set<UInt>()

        /// Malloc's size for a native string of n bytes: header, bytes, NUL, 8 bytes of malloc
        /// bookkeeping, rounded up to 16.
        mutating func add(_ s: String) {
            let n = s.utf8.count
            guard n > 15 else { return }
            var copy = s
            let address = copy.withUTF8 { UInt(bitPattern: $0.baseAddress) }
            guard seen.insert(address).inserted else { return }
            strings += 1
            bytes += (32 + n + 1 + 8 + 15) / 16 * 16
        }

        /// An array's buffer, once however many values share it.
        mutating func array<T>(_ values: [T]) {
            guard !values.isEmpty else { return }
            let address = values.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
            guard seen.insert(address).inserted else { return }
            bytes += (32 + values.count * MemoryLayout<T>.stride + 8 + 15) / 16 * 16
        }
    }

    static func print(_ result: LoadResult) {
        var parts: [(String, Tally)] = []
        func part(_ name: String, _ fill: (inout Tally, Action) -> Void) {
            var tally = Tally()
            for action in result.partnership.actions { fill(&tally, action) }
            parts.append((name, tally))
        }
        part("action values (the array of Action)") { t, _ in t.bytes += MemoryLayout<Action>.stride }
        part("progress note texts (one string an action)") { t, a in t.add(a.progress.joinedText) }
        part("progress authors") { t, a in a.progress.indices.forEach { t.add(a.progress.author(at: $0)) } }
        part("progress records (day, author, end)") { t, a in
            if !a.progress.isEmpty { t.bytes += (32 + a.progress.count * ProgressLog.bytesPerEntry + 8 + 15) / 16 * 16 }
        }
        part("descriptions") { t, a in t.add(a.description) }
        part("titles") { t, a in t.add(a.title) }
        part("milestones (array and titles)") { t, a in
            t.array(a.milestones)
            a.milestones.forEach { t.add($0.title) }
        }
        part("partners (array and names)") { t, a in
            t.array(a.partners)
            a.partners.forEach { t.add($0) }
        }
        part("success factors (array and ids)") { t, a in
            t.array(a.successFactors)
            a.successFactors.forEach { t.add($0) }
        }
        part("theme, status, lead, lead body, updated-by, source") { t, a in
            [a.theme, a.status, a.lead, a.leadBody, a.updatedBy, a.source].forEach { t.add($0) }
        }
        part("indicator and funding") { t, a in a.indicator.map { t.add($0.name); t.add($0.unit) } }
        var total = 0
        for (name, tally) in parts {
            Swift.print(String(format: "  %7.1f MB  %@", Double(tally.bytes) / 1_048_576, name)
                        + (tally.strings > 0 ? " (\(tally.strings) strings)" : ""))
            total += tally.bytes
        }
        Swift.print(String(format: "  %7.1f MB  in all, estimated (Action is %d bytes inline)", Double(total) / 1_048_576,
                           MemoryLayout<Action>.stride))
        Swift.print("  \(result.problems.count) problems")
    }
}
