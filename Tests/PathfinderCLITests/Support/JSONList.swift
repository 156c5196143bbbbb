import Foundation

/// The lists inside a JSON document of the one shape (docs/json.md).
enum JSONList {
    static func document(_ out: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(out.utf8))) as? [String: Any]
    }

    static func actions(_ out: String) -> [[String: Any]]? { document(out)?["actions"] as? [[String: Any]] }
}
