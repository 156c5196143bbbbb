import PathfinderReports
import PathfinderTUI

/// The command line's aligned tables: the reports module's table, measured in terminal columns
/// as the screens measure them, so Bengali names and emoji line up as well as ASCII does.
typealias TextTable = AlignedTable

extension TextWidth {
    static let terminal = TextWidth(measure: { DisplayWidth.of($0) }, clean: { DisplayWidth.safe(text: $0) })
}

extension AlignedTable {
    init(_ headers: [String], alignments: [Alignment]? = nil) {
        self.init(headers, alignments: alignments, width: .terminal)
    }
}
