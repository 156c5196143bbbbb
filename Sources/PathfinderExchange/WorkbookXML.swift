import Foundation
import PathfinderModel

/// A cell of an exported sheet.
enum WorkbookCell {
    case empty
    case header(String)
    case text(String)
    case number(Int)
    case date(Day)
    case rag(RAG)
}

/// One worksheet's XML, written row by row into bytes (a sheet of 50,000 actions is tens of
/// megabytes: no DOM, no intermediate strings per cell beyond the text itself).
struct WorksheetXML {
    private var out: [UInt8] = []
    private var rowNumber = 0

    init(widths: [Double]) {
        out.reserveCapacity(1 << 16)
        append(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n")
        append(#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#)
        // The header row stays in view while the plan scrolls.
        append(#"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#)
        append(#"<sheetFormatPr defaultRowHeight="15"/><cols>"#)
        for (i, w) in widths.enumerated() {
            append("<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(w)\" customWidth=\"1\"/>")
        }
        append("</cols><sheetData>")
    }

    mutating func row(_ cells: [WorkbookCell]) {
        rowNumber += 1
        append("<row r=\"\(rowNumber)\">")
        for (i, cell) in cells.enumerated() {
            let ref = ImportColumns.letter(i) + String(rowNumber)
            switch cell {
            case .empty: continue
            case let .header(text): inline(ref, text, style: WorkbookXML.headerStyle)
            case let .text(text): if !text.isEmpty { inline(ref, text, style: nil) }
            case let .number(n): append("<c r=\"\(ref)\"><v>\(n)</v></c>")
            case let .date(day): append("<c r=\"\(ref)\" s=\"\(WorkbookXML.dateStyle)\"><v>\(day.spreadsheetSerial)</v></c>")
            case let .rag(rag): inline(ref, rag.label, style: WorkbookXML.ragStyle(rag))
            }
        }
        append("</row>")
    }

    private mutating func inline(_ ref: String, _ text: String, style: Int?) {
        append("<c r=\"\(ref)\"" + (style.map { " s=\"\($0)\"" } ?? "") + " t=\"inlineStr\"><is><t xml:space=\"preserve\">")
        WorkbookXML.escape(text, into: &out)
        append("</t></is></c>")
    }

    mutating func finished() -> Data {
        append("</sheetData>")
        append("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>")
        return Data(out)
    }

    private mutating func append(_ s: String) { out.append(contentsOf: s.utf8) }
}

/// The fixed parts of the workbook: content types, relationships, the workbook and its styles.
enum WorkbookXML {
    // Cell styles (indexes into cellXfs below).
    static let headerStyle = 1
    static let dateStyle = 2
    static func ragStyle(_ rag: RAG) -> Int {
        switch rag {
        case .red: 3
        case .amber: 4
        case .green: 5
        }
    }

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheets: Int) -> String {
        header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + (1...sheets).map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined()
            + "</Types>"
    }

    static let rootRelationships = header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    static func workbook(sheetNames: [String]) -> String {
        var out = [UInt8]()
        for (i, name) in sheetNames.enumerated() {
            out.append(contentsOf: "<sheet name=\"".utf8)
            escape(name, into: &out)
            out.append(contentsOf: "\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>".utf8)
        }
        return header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
            + String(decoding: out, as: UTF8.self) + "</sheets></workbook>"
    }

    static func workbookRelationships(sheets: Int) -> String {
        header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + (1...sheets).map { "<Relationship Id=\"rId\($0)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    /// Fonts: plain, bold. Fills: the two every workbook has, grey (header), red, amber, green.
    /// Cell styles: 0 plain, 1 header, 2 date (yyyy-mm-dd), 3-5 RAG.
    static let styles = header + "<styleSheet xmlns=\"\(main)\">"
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        + #"<fills count="6"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        + fill("FFD9D9D9") + fill("FFFF5050") + fill("FFFFC000") + fill("FF92D050") + "</fills>"
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="4" borderId="0" xfId="0" applyFill="1"/>"#
        + #"<xf numFmtId="0" fontId="0" fillId="5" borderId="0" xfId="0" applyFill="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    static func fill(_ argb: String) -> String {
        "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(argb)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
    }

    /// Text for XML content and attributes; characters XML 1.0 cannot hold (controls but tab
    /// and line breaks) become U+FFFD, so a hostile value never makes an unreadable workbook.
    static func escape(_ text: String, into out: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "\"": out.append(contentsOf: "&quot;".utf8)
            case "\t", "\n": out.append(UInt8(scalar.value))
            case "\r": continue
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                } else if scalar.isASCII {
                    out.append(UInt8(scalar.value))
                } else {
                    out.append(contentsOf: String(scalar).utf8)
                }
            }
        }
    }
}
