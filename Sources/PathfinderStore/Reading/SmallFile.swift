/// Reading the small files that sit beside the store's records or in the user's settings (a
/// theme, the key map, the user config, the session lock, a split waiting after a sync). A user
/// or a colleague can replace any of them with a named pipe, a link to an endless device or a
/// huge file, so they are read as the store's records are (`AtomicFile.readIfPresent`): only a
/// plain file, opened without waiting, and never more than a limit set for its kind.
public enum SmallFile {
    /// A theme is a few dozen `name = colour` lines (the shipped ones are under 2 KB).
    public static let themeLimit = 256 * 1024
    /// The key map and the user config are a few lines each.
    public static let settingsLimit = 64 * 1024
    /// The session lock holds a process id, a host, a user and a time: well under 1 KB.
    public static let lockLimit = 4 * 1024
    /// Text coming back from the user's editor: at most what a store file may hold.
    public static let editedTextLimit = FileLimits.maximumBytes
    /// A waiting split holds one action file (at most `FileLimits.maximumBytes`) as JSON, where
    /// an escaped character can take six bytes; a seventh megabyte leaves room for the rest.
    public static let pendingSplitLimit = 7 * FileLimits.maximumBytes

    /// The file's bytes, or nil when there is no such file. Throws a one-line error naming the
    /// file when it is not a plain file, cannot be read, or is bigger than `limit` bytes.
    public static func read(_ path: String, limit: Int) throws -> [UInt8]? {
        guard let bytes = try AtomicFile.readIfPresent(path, limit: limit + 1) else { return nil }
        guard bytes.count <= limit else {
            throw StoreError.unreadable(path, "it is larger than \(size(limit)), far more than such a file ever holds")
        }
        return bytes
    }

    /// The file as UTF-8 text, or nil when there is no such file; throws as `read` does, and when
    /// the bytes are not UTF-8.
    public static func text(_ path: String, limit: Int) throws -> String? {
        guard let bytes = try read(path, limit: limit) else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw StoreError.unreadable(path, "it is not UTF-8 text")
        }
        return text
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? "\(bytes >> 20) MB" : "\((bytes + 1023) / 1024) KB"
    }
}
