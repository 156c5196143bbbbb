import Foundation
import PathfinderExchange
import PathfinderModel
import PathfinderStore
import PathfinderTUI

/// The run loop's side of `:import`: reading the file, and writing the rows once confirmed.
enum ScreenImport {
    /// The file as a table, or a notice saying why it could not be read.
    static func read(_ request: ImportRequest) -> Event {
        var path = request.path
        if path.hasPrefix("~/") { path = NSHomeDirectory() + path.dropFirst(1) }
        do {
            let table = try SpreadsheetFile.read(path: path, name: (request.path as NSString).lastPathComponent, sheet: request.sheet)
            return .importRead(request, table)
        } catch {
            return .notice("\(error)", isError: true)
        }
    }

    static func write(_ plan: ImportPlan, store: PlainFileStore, partnership: Partnership, user: String, today: Day) -> Event {
        do {
            let written = try store.write(plan, in: partnership, by: user, today: today)
            return .notice(written.summary(of: plan), isError: false)
        } catch {
            return .notice("The import stopped: \(error). The rows before it are written; :import the file again to add the rest", isError: true)
        }
    }
}
