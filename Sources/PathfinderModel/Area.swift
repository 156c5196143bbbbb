/// A figure worth remembering about an area or case study, with where it comes from.
public struct KeyFigure: Hashable, Sendable {
    public var label: String
    public var value: String
    public var source: String

    public init(label: String, value: String, source: String = "") {
        self.label = label
        self.value = value
        self.source = source
    }
}

/// A member of an area's steering group: a named person or, where none is known, a role.
public struct SteeringMember: Hashable, Sendable {
    public var name: String
    public var role: String
    public var body: String

    public init(name: String, role: String = "", body: String = "") {
        self.name = name
        self.role = role
        self.body = body
    }
}

/// A forum through which the third sector speaks to the partnership (e.g. a providers network).
public struct Forum: Hashable, Sendable {
    public var name: String
    public var description: String

    public init(name: String, description: String = "") {
        self.name = name
        self.description = description
    }
}

/// A pathfinder area: its profile. Its action plan is the actions whose `area` is its id.
public struct Area: Hashable, Sendable, Identifiable {
    /// Folder name, lowercase, e.g. "tower-hamlets".
    public var id: String
    public var name: String
    /// Prefix of its action ids, e.g. "TH" in TH-04.
    public var code: String
    public var authority: String
    /// e.g. "Rural county", "City (unitary)", "London borough".
    public var type: String
    public var region: String
    public var demography: String
    public var keyFigures: [KeyFigure]
    public var steeringGroup: [SteeringMember]
    public var forums: [Forum]
    public var source: String
    public var narrative: String

    public init(id: String, name: String, code: String, authority: String = "", type: String = "",
                region: String = "", demography: String = "", keyFigures: [KeyFigure] = [],
                steeringGroup: [SteeringMember] = [], forums: [Forum] = [], source: String = "",
                narrative: String = "") {
        self.id = id
        self.name = name
        self.code = code
        self.authority = authority
        self.type = type
        self.region = region
        self.demography = demography
        self.keyFigures = keyFigures
        self.steeringGroup = steeringGroup
        self.forums = forums
        self.source = source
        self.narrative = narrative
    }
}
