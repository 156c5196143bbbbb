import PathfinderReports

/// The command line's aligned tables: the reports module's table, measured in terminal columns
/// as the screens measure them, so Bengali names and emoji line up as well as ASCII does.
typealias TextTable = AlignedTable
