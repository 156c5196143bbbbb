/// The store's search words for the actions on screen (issue 14): each area folder's
/// `ActionWordIndex`, with the id of the action at each of its positions. The screens' search
/// takes the actions holding a word from here instead of scanning every note at each key.
///
/// Only actions whose file on disk is the version on screen are covered (the store checks each
/// file's content hash when it makes this). An action changed on screen since, or read again
/// from disk, is forgotten here and searched by scanning, as every action was before.
public struct ActionSearchWords: Sendable, Hashable {
    public struct Part: Sendable, Hashable {
        public var words: ActionWordIndex
        /// The action id at each position of `words`; nil where the file is not the version read.
        public var ids: [String?]

        public init(words: ActionWordIndex, ids: [String?]) {
            self.words = words
            self.ids = ids
        }
    }

    public private(set) var parts: [Part]
    /// Actions no longer the version the words were made from.
    public private(set) var forgotten: Set<String> = []

    public init(parts: [Part]) { self.parts = parts }

    /// The action changed: its words here may not be its words now.
    public mutating func forget(_ id: String) { forgotten.insert(id) }

    /// How many actions are covered.
    public var count: Int { parts.reduce(0) { $0 + $1.ids.count { $0 != nil } } }
}
