/// Action ids: the area's code, a dash, and a short part, e.g. "PO-03" or "PO-7KQ3". Ids made
/// by the program are the area's next number (`PO-12`); see docs/store-format.md.
public enum ActionID {
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    /// Whether text has the shape of an action id.
    public static func isValid(_ id: String) -> Bool {
        // Byte by byte (every action file's id is checked as it loads): CODE-REST, the code 2-4
        // of A-Z, the rest 2-6 of A-Z and 0-9; any other byte, ASCII or not, makes it invalid.
        var code = 0, rest = 0, dashes = 0
        for byte in id.utf8 {
            let upper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if byte == UInt8(ascii: "-") {
                dashes += 1
                guard dashes == 1 else { return false }
            } else if dashes == 0 {
                guard upper else { return false }
                code += 1
            } else {
                guard upper || digit else { return false }
                rest += 1
            }
        }
        return dashes == 1 && (2...4).contains(code) && (2...6).contains(rest)
    }

    /// A new id for an area: the area's next number (`PO-12` after `PO-11`), said aloud in a
    /// meeting as easily as the hand-numbered ones. Two laptops offline may both take the same
    /// number; the sync keeps both and renumbers the other machine's, with a note on it (see
    /// `StoreSync.performSplits`). `random` is used only past the six digits an id may hold; it
    /// is the caller's so tests can fix it.
    public static func make(code: String, existing: Set<String>,
                            random: (Int) -> Int = { Int.random(in: 0..<$0) }) -> String {
        let prefix = code + "-"
        let highest = existing.lazy.filter { $0.hasPrefix(prefix) }
            .compactMap { id -> Int? in
                let rest = id.dropFirst(prefix.count)
                return rest.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(rest) : nil
            }
            .max() ?? 0
        var next = highest + 1
        while next <= 999_999 {
            let number = String(next)
            let id = prefix + (number.count < 2 ? "0" + number : number)
            if !existing.contains(id) { return id }
            next += 1
        }
        // Six digits used up: four random characters, with a letter so it is not a number.
        while true {
            var suffix = ""
            for _ in 0..<4 { suffix.append(alphabet[random(alphabet.count)]) }
            guard suffix.contains(where: { $0.isLetter }) else { continue }
            let id = prefix + suffix
            if !existing.contains(id) { return id }
        }
    }
}
