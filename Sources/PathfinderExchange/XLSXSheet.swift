import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PathfinderModel
import ZIPFoundation

/// An .xlsx workbook's sheet read into a table: shared and inline strings, numbers, date
/// serials in date-formatted cells as ISO dates, merged cells filled from their top-left cell
/// (so a merged header names every column under it), empty trailing rows dropped.
enum XLSXSheet {
    static func read(_ data: Data, file: String, sheet wanted: String?) throws -> ImportTable {
        do {
            return try readWorkbook(data, file: file, sheet: wanted)
        } catch let error as ExchangeError {
            throw error.description.hasPrefix(file) ? error : ExchangeError("\(file): \(error.description)")
        } catch {
            throw ExchangeError("\(file): the workbook does not read (\(error))")
        }
    }

    private static func readWorkbook(_ data: Data, file: String, sheet wanted: String?) throws -> ImportTable {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ExchangeError("\(file) is not an .xlsx workbook (it does not open as a zip file)")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var out = Data()
            _ = try archive.extract(entry, skipCRC32: false) { out.append($0) }
            return out
        }
        guard let workbook = try part("xl/workbook.xml") else { throw ExchangeError("\(file) has no workbook (xl/workbook.xml)") }
        let sheets = try XMLElements.collect(workbook, names: ["sheet"], part: "xl/workbook.xml")
        guard !sheets.isEmpty else { throw ExchangeError("\(file) has no sheets") }
        let chosen: XMLElements.Element
        if let wanted {
            guard let found = sheets.first(where: { $0.attributes["name"]?.lowercased() == wanted.lowercased() }) else {
                throw ExchangeError("\(file) has no sheet \(Quote.value(wanted)) (sheets: \(sheets.compactMap { $0.attributes["name"] }.joined(separator: ", ")))")
            }
            chosen = found
        } else {
            chosen = sheets[0]
        }
        let relID = chosen.attributes.first { $0.key.hasSuffix(":id") || $0.key == "id" }?.value ?? ""
        let rels = try part("xl/_rels/workbook.xml.rels").map { try XMLElements.collect($0, names: ["Relationship"], part: "xl/_rels/workbook.xml.rels") } ?? []
        var target = rels.first { $0.attributes["Id"] == relID }?.attributes["Target"] ?? "worksheets/sheet1.xml"
        if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
        guard let sheetData = try part(target) else { throw ExchangeError("\(file): the sheet's part \(target) is missing") }
        let strings = try part("xl/sharedStrings.xml").map(SharedStrings.read) ?? []
        let dateStyles = try part("xl/styles.xml").map(DateStyles.read) ?? []
        let parsed = try SheetParser.parse(sheetData, part: target, strings: strings, dateStyles: dateStyles)
        return ImportTable(file: file, sheet: chosen.attributes["name"], rows: parsed)
    }
}

/// A problem with a file to import or export, said in one line naming the file.
public struct ExchangeError: Error, CustomStringConvertible, Sendable {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Elements of a small XML part, with their attributes (workbook.xml, the relationships).
enum XMLElements {
    struct Element { var name: String; var attributes: [String: String] }

    final class Collector: NSObject, XMLParserDelegate {
        let names: Set<String>
        var found: [Element] = []
        init(names: Set<String>) { self.names = names }
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if names.contains(local(name)) { found.append(Element(name: local(name), attributes: attributes)) }
        }
    }

    static func collect(_ data: Data, names: Set<String>, part: String) throws -> [Element] {
        let collector = Collector(names: names)
        try run(data, part: part, delegate: collector)
        return collector.found
    }

    /// Parses a part with `delegate`; a part that is not well-formed is an error naming it, so a
    /// damaged workbook is never read as a shorter one.
    static func run(_ data: Data, part: String, delegate: XMLParserDelegate) throws {
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw ExchangeError("\(part) is not well-formed XML (line \(parser.lineNumber))")
        }
    }

    /// "x:sheet" is "sheet": some writers prefix the main namespace.
    static func local(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }
}

/// xl/sharedStrings.xml: each `<si>` is one string, its `<t>` runs joined (phonetic runs left out).
enum SharedStrings {
    final class Reader: NSObject, XMLParserDelegate {
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch XMLElements.local(name) {
            case "si": current = ""
            case "t": inText = !inPhonetic
            case "rPh": inPhonetic = true
            default: break
            }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch XMLElements.local(name) {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": inPhonetic = false
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
    }

    static func read(_ data: Data) throws -> [String] {
        let reader = Reader()
        try XMLElements.run(data, part: "xl/sharedStrings.xml", delegate: reader)
        return reader.strings
    }
}

/// Which cell styles (`s=` indexes into cellXfs) show a number as a date: built-in formats
/// 14-22 and 45-47, and custom formats with day, month or year codes outside quotes and brackets.
enum DateStyles {
    final class Reader: NSObject, XMLParserDelegate {
        var customDate: Set<Int> = []
        var styles: [Int] = []
        var inCellXfs = false
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch XMLElements.local(name) {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"], DateStyles.isDate(code) {
                    customDate.insert(id)
                }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs: styles.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if XMLElements.local(name) == "cellXfs" { inCellXfs = false }
        }
    }

    /// For each cell style, whether it shows a date.
    static func read(_ data: Data) throws -> [Bool] {
        let reader = Reader()
        try XMLElements.run(data, part: "xl/styles.xml", delegate: reader)
        return reader.styles.map { (14...22).contains($0) || (45...47).contains($0) || reader.customDate.contains($0) }
    }

    static func isDate(_ code: String) -> Bool {
        var quoted = false, bracket = false
        for c in code.lowercased() {
            switch c {
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            default: if !quoted && !bracket && (c == "d" || c == "m" || c == "y") { return true }
            }
        }
        return false
    }
}
