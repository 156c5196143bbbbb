/// An example the partnerships learn from (Annex B and the boxed examples in chapters 2-4).
public struct CaseStudy: Hashable, Sendable, Identifiable {
    /// File name without extension, e.g. "portsmouth-good-neighbours".
    public var id: String
    public var title: String
    /// The pathfinder area it belongs to, if it is one of the store's areas.
    public var area: String?
    /// Where it happened when that is not a store area (e.g. "Herefordshire", "Wakefield").
    public var place: String
    public var themes: [String]
    public var organisations: [String]
    public var keyFigures: [KeyFigure]
    public var source: String
    public var text: String

    public init(id: String, title: String, area: String? = nil, place: String = "",
                themes: [String] = [], organisations: [String] = [], keyFigures: [KeyFigure] = [],
                source: String = "", text: String = "") {
        self.id = id
        self.title = title
        self.area = area
        self.place = place
        self.themes = themes
        self.organisations = organisations
        self.keyFigures = keyFigures
        self.source = source
        self.text = text
    }
}
