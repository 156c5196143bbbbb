#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CYaml
import PathfinderModel

/// Limits on what one file may cost to read, and the checks that keep a hostile or damaged file
/// from hanging the program, exhausting memory or hiding what is wrong with it. Every reader of
/// a store file (load, check, list, the screens, saves, sync's merge driver) parses through
/// `FileParser`, which asks here first. See docs/validation.md, "Limits".
enum FileLimits {
    /// No real store file comes near this (the largest sample action is about 6 KB); a bigger
    /// file is refused before it is decoded.
    static let maximumBytes = 1 << 20
    /// Bytes in one line. A paragraph written on one line is a few thousand at most; a longer
    /// line is a pasted document or a damaged file, and costs every screen that wraps it.
    static let maximumLineBytes = 1 << 14
    /// Containers inside containers in front matter. A store file needs four or five.
    static let maximumDepth = 64
    /// Values (scalars, lists, sets of fields) in one front matter.
    static let maximumValues = 50_000

    /// The problem for a file too big to read, or nil.
    /// The problem for the first line longer than the limit, or nil.
    static func longLineProblem(_ bytes: [UInt8], path: String) -> Problem? {
        guard bytes.count > maximumLineBytes else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Problem? in
            guard let base = buffer.baseAddress else { return nil }
            var start = 0, line = 1
            while start < buffer.count {
                let end = memchr(base + start, 0x0A, buffer.count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? buffer.count
                if end - start > maximumLineBytes {
                    return .error(path, line, "this line is \(end - start) bytes long, more than Pathfinder reads in one line (\(maximumLineBytes)): break it into shorter lines")
                }
                start = end + 1
                line += 1
            }
            return nil
        }
    }

    static func sizeProblem(_ count: Int, path: String) -> Problem? {
        guard count > maximumBytes else { return nil }
        // Only the first megabyte or so is read (see `AtomicFile.readIfPresent`), so the size is not known.
        return .error(path, 1, "the file is larger than Pathfinder reads (1 MB): is it really a store file? Move it out of the store")
    }
}

/// Git's conflict markers left in a file by a merge that was not finished.
enum ConflictMarkers {
    /// One error at the first marker, naming where the conflict starts and ends, or nil.
    /// A marker is seven `<`, `|`, `=` or `>` at the start of a line, then a space or the line's
    /// end. `=======` alone is a Markdown heading underline, so it counts only after a `<<<<<<<`.
    static func problem(_ text: String, path: String, firstLine: Int = 1) -> Problem? {
        // Cheap test first: every marker that starts a conflict contains seven '<', '|' or '>'.
        guard Bytes.contains(text, "<<<<<<<") || Bytes.contains(text, ">>>>>>>") || Bytes.contains(text, "|||||||") else { return nil }
        var start: Int?, end: Int?, first: Int?
        var number = firstLine
        for line in Lines.splitDroppingNewlines(text) {
            defer { number += 1 }
            guard line.utf8.count >= 7, let kind = marker(line) else { continue }
            switch kind {
            case UInt8(ascii: "<"): if start == nil { start = number }
            case UInt8(ascii: ">"): if end == nil, start == nil || number > start! { end = number }
            case UInt8(ascii: "="): if start == nil { continue }
            default: break
            }
            if first == nil { first = number }
            if start != nil, end != nil { break }
        }
        guard let first else { return nil }
        var parts: [String] = []
        if let start { parts.append("<<<<<<< at line \(start)") }
        if let end { parts.append(">>>>>>> at line \(end)") }
        if parts.isEmpty { parts.append("||||||| at line \(first)") }
        return .error(path, first, "unresolved git merge conflict (\(parts.joined(separator: ", "))): choose a version in an editor, or run pathfinder resolve")
    }

    /// The marker's character when the line is a conflict marker.
    private static func marker(_ line: Substring) -> UInt8? {
        let utf8 = line.utf8
        guard let c = utf8.first, [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "=")].contains(c) else { return nil }
        let run = utf8.prefix { $0 == c }.count
        guard run == 7 else { return nil }
        let after = utf8.dropFirst(7).first
        if c == UInt8(ascii: "=") { return after == nil || after == 0x0D ? c : nil }
        return after == nil || after == 0x20 || after == 0x0D || after == 0x09 ? c : nil
    }
}

/// What the program counts as a line: the text up to a line feed (LF). A CRLF pair is one line
/// ending (its CR belongs to it), as every editor shows. A carriage return on its own, a next
/// line (U+0085) or a line or paragraph separator (U+2028, U+2029) does not end a line: editors
/// on Linux show them inside the line, and `grep -n`, `git diff` and `wc -l` count the same way.
/// YAML's parser counts each of those as a line break, so its line numbers are mapped to ours.
struct YAMLLineMap: Sendable {
    /// For YAML's line n (from 1), the file's line at index n - 1; nil when both agree.
    private let lines: [Int]?

    init(_ yaml: String) {
        guard Self.hasOtherBreaks(yaml) else { lines = nil; return }
        var map = [1]
        var ours = 1
        let bytes = Array(yaml.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                ours += 1
                map.append(ours)
            } else if b == 0x0D {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                    ours += 1
                    map.append(ours)
                    i += 1
                } else {
                    map.append(ours)
                }
            } else if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 {
                map.append(ours)
                i += 1
            } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                map.append(ours)
                i += 2
            }
            i += 1
        }
        lines = map
    }

    /// The file's line (within the YAML, from 1) for YAML's line.
    func line(_ yamlLine: Int) -> Int {
        guard let lines else { return yamlLine }
        return lines[min(max(yamlLine, 1), lines.count) - 1]
    }

    static func hasOtherBreaks(_ text: String) -> Bool {
        Bytes.contains(text, "\r") || Bytes.contains(text, "\u{85}") || Bytes.contains(text, "\u{2028}") || Bytes.contains(text, "\u{2029}")
    }
}

/// A front matter that Pathfinder will not compose: YAML anchors, aliases and merge keys (a few
/// lines of them can expand to billions of values), or more nesting or values than any store
/// file has. Found by walking libyaml's events, which costs memory for one event at a time.
struct YAMLRefusal: Error, Sendable {
    /// YAML's line (from 1); `YAMLErrors` maps it to the file's.
    var line: Int
    var message: String

    /// Nil when the YAML is within limits, or has a syntax error (which Yams then reports,
    /// having seen the same events up to it).
    static func scan(_ yaml: String) -> YAMLRefusal? {
        var copy = yaml
        return copy.withUTF8 { buffer in scan(buffer) }
    }

    static let tooDeep = "the fields are nested more than \(FileLimits.maximumDepth) deep: is it really a store file?"

    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>) -> YAMLRefusal? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        // For each open container: whether it is a mapping, and whether its next node is a key.
        var open: [(mapping: Bool, key: Bool)] = []
        var values = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                // libyaml stops at 1,000 levels itself; say so in the same words as below.
                if let problem = parser.problem, String(cString: problem).hasPrefix("Maximum nesting") {
                    return YAMLRefusal(line: Int(parser.problem_mark.line) + 1, message: tooDeep)
                }
                return nil
            }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            let isKey = open.last.map { $0.mapping && $0.key } ?? false
            func node(anchor: UnsafeMutablePointer<UInt8>?) -> YAMLRefusal? {
                if open.last?.mapping == true { open[open.count - 1].key.toggle() }
                values += 1
                if let anchor {
                    return YAMLRefusal(line: line, message: "YAML anchors and aliases are not read (&\(String(cString: anchor)) here): write each value out in full")
                }
                if values > FileLimits.maximumValues {
                    return YAMLRefusal(line: line, message: "more than \(FileLimits.maximumValues) values in the fields: is it really a store file?")
                }
                return nil
            }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_ALIAS_EVENT:
                let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                return YAMLRefusal(line: line, message: "YAML anchors and aliases are not read (*\(name) here): write each value out in full")
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                if isKey, s.style == YAML_PLAIN_SCALAR_STYLE, s.length == 2, s.value[0] == UInt8(ascii: "<"), s.value[1] == UInt8(ascii: "<") {
                    return YAMLRefusal(line: line, message: "YAML merge keys (<<) are not read: write the fields out in full")
                }
                if let refusal = node(anchor: s.anchor) { return refusal }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                if let refusal = node(anchor: anchor) { return refusal }
                open.append((event.type == YAML_MAPPING_START_EVENT, true))
                if open.count > FileLimits.maximumDepth {
                    return YAMLRefusal(line: line, message: tooDeep)
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                open.removeLast()
            default:
                break
            }
        }
    }
}
