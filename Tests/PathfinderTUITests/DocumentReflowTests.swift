import PathfinderModel
import Testing
@testable import PathfinderTUI

/// The document screens reflow Markdown through the shared wrap (PathfinderModel's `Text`).
@Suite struct DocumentReflowTests {
    @Test func documentsReflowParagraphsWrittenWithHardLineBreaks() {
        // Files are wrapped wherever their author's editor wrapped them (the sample store at
        // about 100 columns); a screen shows each paragraph filled to its own width instead of
        // a ragged mix of long and short lines.
        var doc = DocumentBuilder(width: 41)
        doc.text("""
        The network, a partnership of statutory services, service providers, voluntary organisations and
        older people, has run for five years.

        ## Next steps
        - agree the procurement
          strategy
        - report in March
        """, indent: 1)
        let shown = doc.lines.map { line in (String(repeating: " ", count: line.indent) + line.spans.map(\.text).joined(), line.spans.first?.role) }
        #expect(shown.map(\.0) == [
            " The network, a partnership of statutory",
            " services, service providers, voluntary",
            " organisations and older people, has run",
            " for five years.",
            "",
            " Next steps",
            " - agree the procurement strategy",
            " - report in March",
        ])
        #expect(shown[5].1 == .heading)
        #expect(shown[0].1 == .normal)
    }
}
