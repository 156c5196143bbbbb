/// Action ids: the area's code, a dash, and a short part, e.g. "PO-03" or "PO-7KQ3".
/// Ids made by the program use four random characters from Crockford's base-32 alphabet
/// (no I, L, O, U), so two laptops creating actions offline do not collide when merged
/// (about one in a million per pair within an area); see docs/store-format.md.
public enum ActionID {
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// Whether text has the shape of an action id.
    public static func isValid(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let code = parts[0], rest = parts[1]
        guard (2...4).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return false }
        guard (2...6).contains(rest.count),
              rest.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return false }
        return true
    }

    /// A new id for an area, avoiding every id in `existing`. `random` supplies randomness so the
    /// caller decides the source (the system generator in the program, a seeded one in tests).
    public static func make(code: String, existing: Set<String>,
                            random: (Int) -> Int = { Int.random(in: 0..<$0) }) -> String {
        while true {
            var suffix = ""
            for _ in 0..<4 { suffix.append(alphabet[random(alphabet.count)]) }
            // An all-digit suffix could be mistaken for a hand-numbered id; keep at least one letter.
            guard suffix.contains(where: { $0.isLetter }) else { continue }
            let id = "\(code)-\(suffix)"
            if !existing.contains(id) { return id }
        }
    }
}
