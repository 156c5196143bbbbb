# Writes merged-headers.xlsx as Excel lays a tracker out: a two-row header with merged group
# titles ("Responsibility" over Lead and Organisation, "Dates" over Start and Deadline), dates
# as serial numbers in a date style (numFmtId 14), shared strings, one inline string, and
# styled but empty trailing rows. Run: python3 make-merged-headers.py (written once, committed).
import zipfile

shared = []
def s(text):
    if text not in shared:
        shared.append(text)
    return shared.index(text)

def esc(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def cell(ref, value, style=0):
    if value is None:
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, tuple):  # inline string
        return f'<c r="{ref}" t="inlineStr"><is><t>{esc(value[0])}</t></is></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="s"><v>{s(value)}</v></c>'

rows = [
    ["Ref", "Action", "Responsibility", None, "Dates", None, "RAG", "Update"],
    [None, None, "Lead", "Organisation", "Start", "Deadline", None, None],
    ["TH-A1", "Expand the Community Recycling Consortium to 70,000 households", "Head of Waste", "Tower Hamlets Council",
     39083, 39538, "A", "02/12/2006: recycling rate up from 7% to 12%"],
    ["TH-A2", ("Publish the commissioning code of practice (twelve questions)",), "Head of Commissioning", "Tower Hamlets Council",
     39052, 39172, "Green", ""],
    ["TH-A3", "Pilot the three-stage accreditation scale", "Third Sector Team Leader", "Tower Hamlets CVS",
     39114, "TBC", "G", "Scale agreed with the forum"],
    ["TH-A4", "Report high-rise recycling take-up (83% of housing)", "Recycling Officer", "Tower Hamlets Council",
     39083, 39263, "Blue", ""],
]
letters = "ABCDEFGH"
xml = []
for r, row in enumerate(rows, start=1):
    cells = []
    for c, value in enumerate(row):
        if value is None and r > 2:
            continue
        style = 1 if r > 2 and c in (4, 5) and isinstance(value, int) else 0
        if value is None:
            continue
        cells.append(cell(f"{letters[c]}{r}", value, style))
    xml.append(f'<row r="{r}">{"".join(cells)}</row>')
for r in range(7, 11):  # empty trailing rows that still carry a style
    xml.append(f'<row r="{r}">{cell(f"A{r}", None, 0)}{cell(f"F{r}", None, 1)}</row>')

sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         f'<sheetData>{"".join(xml)}</sheetData>'
         '<mergeCells count="6"><mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/><mergeCell ref="C1:D1"/>'
         '<mergeCell ref="E1:F1"/><mergeCell ref="G1:G2"/><mergeCell ref="H1:H2"/></mergeCells></worksheet>')
strings = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" uniqueCount="{len(shared)}">'
           + "".join(f"<si><t>{esc(t)}</t></si>" for t in shared) + "</sst>")
styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
          '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
          '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
          '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>')
workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="Action plan" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/></sheets></workbook>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        '</Relationships>')
notes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         '<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row>'
         '<row r="2"><c r="A2" t="inlineStr"><is><t>Keep the notes sheet out of the import</t></is></c></row>'
         '</sheetData></worksheet>')
types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
         '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
         '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
         '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
         '</Types>')
root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
             '</Relationships>')
with zipfile.ZipFile("merged-headers.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for name, text in [("[Content_Types].xml", types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook),
                       ("xl/_rels/workbook.xml.rels", rels), ("xl/worksheets/sheet1.xml", sheet),
                       ("xl/worksheets/sheet2.xml", notes), ("xl/sharedStrings.xml", strings), ("xl/styles.xml", styles)]:
        info = zipfile.ZipInfo(name, date_time=(2006, 12, 15, 12, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, text)
