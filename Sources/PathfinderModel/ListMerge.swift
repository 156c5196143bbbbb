/// Three-way merging of a list whose elements have an identity (a partner's name, a milestone's
/// title, an agenda item's action): what both sides added is kept, what either removed goes,
/// and an element changed on one side takes that change. Used by every edit path's merge
/// (`RecordMerge`), so a colleague's new milestone survives your ticking another.
public enum ListMerge {
    /// The merged list, or nil when one element was changed differently on both sides (a
    /// conflict for the user to decide). `combine` may settle such an element instead (an
    /// agenda item's notes from both); it returns nil where it cannot.
    public static func merge<T: Equatable, K: Hashable>(base: [T], mine: [T], theirs: [T], id: (T) -> K,
                                                       combine: (_ base: T, _ mine: T, _ theirs: T) -> T? = { _, _, _ in nil }) -> [T]? {
        if mine == base || mine == theirs { return theirs }
        if theirs == base { return mine }
        let baseByID = Dictionary(base.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        let mineByID = Dictionary(mine.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        var result: [T] = []
        var placed = Set<K>()
        // Theirs' order, with each element as the merge decides it.
        for element in theirs {
            let key = id(element)
            guard placed.insert(key).inserted else { continue }
            let was = baseByID[key]
            switch (was, mineByID[key]) {
            case (nil, nil):
                result.append(element)                  // added by them
            case let (nil, ours?):
                // Added on both sides: one element if they agree, else a conflict to decide.
                if ours == element {
                    result.append(element)
                } else if let both = combine(ours, ours, element) {
                    result.append(both)
                } else {
                    return nil
                }
            case let (old?, nil):
                // Removed by us; kept if they changed it meanwhile (an edit outweighs a removal).
                if element != old { result.append(element) }
            case let (old?, ours?):
                if ours == old || ours == element {
                    result.append(element)
                } else if element == old {
                    result.append(ours)
                } else if let both = combine(old, ours, element) {
                    result.append(both)
                } else {
                    return nil
                }
            }
        }
        // What only we have: added by us, or changed by us where they removed it. Each goes
        // after the element it follows in our list, so a new milestone lands where it was typed.
        for (index, element) in mine.enumerated() {
            let key = id(element)
            guard !placed.contains(key) else { continue }
            placed.insert(key)
            if let old = baseByID[key], old == element { continue }   // removed by them, untouched by us
            // After the nearest entry before it that is kept, else before the nearest after it,
            // else at the end (notes added on both sides read in the order they were added).
            func place(of neighbour: T, last: Bool) -> Int? {
                let key = id(neighbour)
                return last ? result.lastIndex { id($0) == key } : result.firstIndex { id($0) == key }
            }
            var at = result.count
            var found = false
            for neighbour in mine[..<index].reversed() {
                if let i = place(of: neighbour, last: true) {
                    (at, found) = (i + 1, true)
                    break
                }
            }
            if !found {
                for neighbour in mine[(index + 1)...] {
                    if let i = place(of: neighbour, last: false) {
                        at = i
                        break
                    }
                }
            }
            result.insert(element, at: at)
        }
        return result
    }

    /// A merge of plain values that are their own identity (partners, themes, attendees).
    public static func merge<T: Hashable>(base: [T], mine: [T], theirs: [T]) -> [T] {
        merge(base: base, mine: mine, theirs: theirs, id: { $0 }) ?? theirs
    }
}
