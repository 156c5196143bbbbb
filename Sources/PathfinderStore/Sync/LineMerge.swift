/// A three-way merge of text by lines (diff3): lines changed on one side take that side's
/// change; where both sides changed the same lines differently the merge fails (nil) rather
/// than writing conflict markers, and the caller keeps one side and records the clash.
public enum LineMerge {
    @Sendable public static func merge(base: String, mine: String, theirs: String) -> String? {
        if mine == theirs || base == theirs { return mine }
        if base == mine { return theirs }
        let b = Lines.split(base).map(String.init), o = Lines.split(mine).map(String.init), t = Lines.split(theirs).map(String.init)
        let toMine = matches(b, o), toTheirs = matches(b, t)
        var out: [String] = []
        var i = 0, m = 0, n = 0
        while true {
            if i < b.count, toMine[i] == m, toTheirs[i] == n {
                out.append(b[i])   // a line neither side touched
                i += 1; m += 1; n += 1
                continue
            }
            // The next line both sides still share ends this changed stretch.
            var j = i
            while j < b.count, toMine[j] == nil || toTheirs[j] == nil { j += 1 }
            let endMine = j < b.count ? toMine[j]! : o.count, endTheirs = j < b.count ? toTheirs[j]! : t.count
            let chunkBase = b[i..<j], chunkMine = o[m..<endMine], chunkTheirs = t[n..<endTheirs]
            if chunkMine.elementsEqual(chunkBase) {
                out += chunkTheirs
            } else if chunkTheirs.elementsEqual(chunkBase) || chunkMine.elementsEqual(chunkTheirs) {
                out += chunkMine
            } else {
                return nil
            }
            if j >= b.count { break }
            i = j; m = endMine; n = endTheirs
        }
        return out.joined()
    }

    /// For each line of `a`, the line of `b` it is matched with by a longest common subsequence.
    static func matches(_ a: [String], _ b: [String]) -> [Int?] {
        var result = [Int?](repeating: nil, count: a.count)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] {
            result[prefix] = prefix
            prefix += 1
        }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            result[a.count - 1 - suffix] = b.count - 1 - suffix
            suffix += 1
        }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        guard !x.isEmpty, !y.isEmpty else { return result }
        // Lengths of common subsequences of the tails, then one walk forward.
        let width = y.count + 1
        var table = [Int32](repeating: 0, count: (x.count + 1) * width)
        for p in stride(from: x.count - 1, through: 0, by: -1) {
            for q in stride(from: y.count - 1, through: 0, by: -1) {
                table[p * width + q] = x[p] == y[q] ? table[(p + 1) * width + q + 1] + 1
                    : max(table[(p + 1) * width + q], table[p * width + q + 1])
            }
        }
        var p = 0, q = 0
        while p < x.count, q < y.count {
            if x[p] == y[q] {
                result[prefix + p] = prefix + q
                p += 1; q += 1
            } else if table[(p + 1) * width + q] >= table[p * width + q + 1] {
                p += 1
            } else {
                q += 1
            }
        }
        return result
    }
}
