import Foundation
import PathfinderModel

/// `list actions --json`: each action as `JSONAction` says, written byte for byte as
/// `JSONEncoder` writes it (pretty, keys sorted, slashes as they are), but straight into bytes.
/// JSONEncoder took about two seconds for 16,000 actions with ten notes each, more than
/// reading them; this takes a few tens of milliseconds. A test checks the two agree.
enum ActionJSON {
    /// The JSON array of `actions`, as `JSONEncoder` would write `actions.map(JSONAction.init)`.
    static func array(_ actions: [Action], overdue: (Action) -> Bool) -> [UInt8] {
        var w = JSONBytes()
        w.out.reserveCapacity(actions.reduce(16) { $0 + 1_000 + $1.progress.joinedText.utf8.count * 11 / 10 })
        guard !actions.isEmpty else { return Array("[\n\n]".utf8) }
        w.raw("[\n")
        for (n, a) in actions.enumerated() {
            if n > 0 { w.raw(",\n") }
            w.raw("  {\n")
            w.field("area", a.area)
            w.field("caseStudies", a.caseStudies)
            if let due = a.due { w.field("due", due.iso) }
            w.field("id", a.id)
            w.field("lead", a.lead)
            w.field("leadBody", a.leadBody)
            w.key("milestones")
            w.objects(a.milestones.count) { w, i in
                let m = a.milestones[i]
                w.member("done", m.done ? "yes" : "no", last: false)
                w.member("due", m.due?.iso ?? "", last: false)
                w.member("title", m.title, last: true)
            }
            w.raw(",\n")
            w.key("overdue")
            w.raw(overdue(a) ? "true,\n" : "false,\n")
            w.field("partners", a.partners)
            w.key("progress")
            let log = a.progress
            w.objects(log.count) { w, i in
                w.member("author", log.author(at: i), last: false)
                w.member("date", log.date(at: i).iso, last: false)
                w.member("text", log.text(at: i), last: true)
            }
            w.raw(",\n")
            w.field("rag", a.rag.rawValue)
            if let start = a.start { w.field("start", start.iso) }
            w.field("status", a.status)
            w.field("successFactors", a.successFactors)
            w.field("theme", a.theme)
            if let updated = a.updated {
                w.field("title", a.title)
                w.key("updated")
                w.string(updated.iso)
                w.raw("\n")
            } else {
                w.key("title")
                w.string(a.title)
                w.raw("\n")
            }
            w.raw("  }")
        }
        w.raw("\n]")
        return w.out
    }
}

/// The pieces of a pretty-printed JSON action at the depth `ActionJSON` writes them.
private struct JSONBytes {
    var out: [UInt8] = []

    mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// `    "name" : ` (a member of an action).
    mutating func key(_ name: StaticString) {
        raw("    \"")
        raw(name)
        raw("\" : ")
    }

    mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
        raw(",\n")
    }

    mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        if values.isEmpty {
            raw("[\n\n    ],\n")
            return
        }
        raw("[\n")
        for (i, v) in values.enumerated() {
            raw("      ")
            string(v)
            raw(i == values.count - 1 ? "\n" : ",\n")
        }
        raw("    ],\n")
    }

    /// An array of `count` objects, each written by `body` with `member`.
    mutating func objects(_ count: Int, _ body: (inout JSONBytes, Int) -> Void) {
        if count == 0 {
            raw("[\n\n    ]")
            return
        }
        raw("[\n")
        for i in 0..<count {
            raw("      {\n")
            body(&self, i)
            raw(i == count - 1 ? "      }\n" : "      },\n")
        }
        raw("    ]")
    }

    /// `        "name" : "value"` inside an object of an array.
    mutating func member(_ name: StaticString, _ value: String, last: Bool) {
        member(name, value[...], last: last)
    }

    mutating func member(_ name: StaticString, _ value: Substring, last: Bool) {
        raw("        \"")
        raw(name)
        raw("\" : ")
        string(value)
        raw(last ? "\n" : ",\n")
    }

    /// A JSON string as JSONEncoder escapes it: quote, backslash and the C0 controls (named
    /// where JSON names them, else `\u00xx`); everything else, slashes too, as it is.
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { escaped($0) }
    }

    mutating func string(_ s: Substring) {
        var s = s
        s.withUTF8 { escaped($0) }
    }

    private mutating func escaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        out.append(0x22)
        do {
            var plainFrom = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom..<i]))
                plainFrom = i + 1
                switch b {
                case 0x22: raw("\\\"")
                case 0x5C: raw("\\\\")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                default:
                    raw("\\u00")
                    out.append(Self.hex[Int(b >> 4)])
                    out.append(Self.hex[Int(b & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainFrom...]))
        }
        out.append(0x22)
    }

    private static let hex = Array("0123456789abcdef".utf8)
}

/// The JSON of one action in `list actions --json`; `ActionJSON` writes the same bytes
/// faster, and the tests hold the two together.
struct JSONAction: Encodable {
    var id, area, title, theme, lead, leadBody, status, rag: String
    var successFactors, partners, caseStudies: [String]
    var start, due, updated: String?
    var overdue: Bool
    var milestones: [[String: String]]
    var progress: [[String: String]]
    init(_ a: Action, overdue: Bool) {
        id = a.id; area = a.area; title = a.title; theme = a.theme; lead = a.lead; leadBody = a.leadBody
        status = a.status; rag = a.rag.rawValue; successFactors = a.successFactors; partners = a.partners
        caseStudies = a.caseStudies; start = a.start?.iso; due = a.due?.iso; updated = a.updated?.iso
        self.overdue = overdue
        milestones = a.milestones.map { ["title": $0.title, "due": $0.due?.iso ?? "", "done": $0.done ? "yes" : "no"] }
        progress = a.progress.map { ["date": $0.date.iso, "author": $0.author, "text": $0.text] }
    }
}
