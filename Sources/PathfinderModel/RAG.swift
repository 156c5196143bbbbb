/// The Red/Amber/Green rating. Fixed by definition; what each means for a partnership is catalogue data.
public enum RAG: String, CaseIterable, Hashable, Sendable, Comparable {
    case red, amber, green

    /// The letter shown beside the colour, so a rating never relies on colour alone.
    public var letter: String {
        switch self {
        case .red: "R"
        case .amber: "A"
        case .green: "G"
        }
    }

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// Red first: the order a steering group reviews in.
    public var urgency: Int {
        switch self {
        case .red: 0
        case .amber: 1
        case .green: 2
        }
    }

    public static func < (a: RAG, b: RAG) -> Bool { a.urgency < b.urgency }
}
