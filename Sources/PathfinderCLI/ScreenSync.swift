import Foundation
import PathfinderModel
import PathfinderStore
import PathfinderTUI

/// The git side of the screens: sync, history, changed-since and conflicts, each answered
/// with events for `update`. The same engine as `pathfinder sync` and friends.
enum ScreenSync {
    /// Runs a sync, reporting each step through `progress`, then reads the store again.
    static func sync(store: PlainFileStore, progress: (String) -> Void) -> [Event] {
        do {
            let engine = try SyncSupport.engine(store.root)
            let report = try engine.sync { step in if step.step != .done { progress(step.message + "…") } }
            var lines = report.committed.map { "sent: " + $0 } + report.receivedChanges.map { "received: " + $0 } + report.notices
            if let offline = report.offline {
                lines.append("\(offline): your changes are committed here, and the next sync sends them")
            } else if report.sent, let remote = report.remote {
                lines.append("Synced: up to date with \(remote)"
                             + (report.receivedChanges.isEmpty ? "" : ", \(report.receivedChanges.count) change\(report.receivedChanges.count == 1 ? "" : "s") received"))
            }
            var events: [Event] = []
            if let reloaded = try? store.load() {
                events.append(.storeChanged(.fullRead(reloaded, store: store)))
            }
            events.append(.synced(lines: lines, problem: nil))
            if !report.conflicts.isEmpty { events.append(conflicts(store: store)) }
            return events
        } catch let SyncError.conflictsWaiting(n) {
            // Conflicts an earlier sync left are decided first, on the screen for it, rather
            // than sending the user to the command line.
            return [conflicts(store: store),
                    .synced(lines: [], problem: "decide \(n == 1 ? "this conflict" : "these \(n) conflicts") from an earlier sync first, then S syncs")]
        } catch {
            return [.synced(lines: [], problem: "\(error)")]
        }
    }

    static func history(store: PlainFileStore, action id: String) -> Event {
        do {
            let entries = try SyncSupport.engine(store.root).history(actionID: id)
            let rows = entries.map { e in
                LogRow(heading: "\(SyncSupport.when(e.date)) · \(e.author)", details: e.change.kind == .created ? ["created"] : e.change.details)
            }
            return .showLog(LogPage(title: "History of \(id)", rows: rows,
                                    empty: "No history yet: the store's git repository has no commit of \(id) (sync saves one)"))
        } catch {
            return .synced(lines: [], problem: "\(error)")
        }
    }

    static func changed(store: PlainFileStore, since: Day?) -> Event {
        do {
            let engine = try SyncSupport.engine(store.root)
            let files: [ChangedFile]
            let title: String
            if let since {
                files = try engine.changed(since: since.start())
                title = "Changed since \(since.iso)"
            } else {
                files = try engine.changedSinceLastSync()
                title = "Changed since the last sync"
            }
            let rows = files.map { f in
                LogRow(heading: f.change.line + (f.notSynced ? " (not synced yet)" : ""),
                       details: f.authors.isEmpty ? [] : ["by " + f.authors.joined(separator: ", ")],
                       action: f.change.isAction ? f.change.id : nil)
            }
            return .showLog(LogPage(title: title, rows: rows, empty: "Nothing changed"))
        } catch {
            return .synced(lines: [], problem: "\(error)")
        }
    }

    /// The store's trash, newest deletion first.
    static func trash(store: PlainFileStore) -> Event {
        let rows = store.trash().map { t in
            LogRow(heading: "\(t.id)  \(t.title)", details: [t.deleted.map { "deleted \(SyncSupport.when($0))" } ?? t.path], action: t.id)
        }
        return .showLog(LogPage(title: "Trash: Enter puts an action back", rows: rows, empty: "The trash is empty", restores: true))
    }

    static func restore(store: PlainFileStore, id: String) -> [Event] {
        do {
            let entry = try store.restore(actionID: id)
            let back = store.readAction(area: entry.area, id: id).map { [$0] } ?? []
            return [.storeChanged(StoreChange(actions: back)), .synced(lines: ["\(id) is back in its area's plan"], problem: nil),
                    trash(store: store)]
        } catch {
            return [.synced(lines: [], problem: "\(error)")]
        }
    }

    static func conflicts(store: PlainFileStore) -> Event {
        do {
            let rows = try store.conflicts().map { c in
                SyncConflictRow(id: c.id, path: c.path, field: c.field, mine: c.mine?.display ?? "(not set)",
                                theirs: c.theirs?.display ?? "(not set)", deletion: c.kind != .field)
            }
            return .syncConflicts(rows)
        } catch {
            return .synced(lines: [], problem: "\(error)")
        }
    }

    static func resolve(store: PlainFileStore, id: String, choice: SyncChoice) -> [Event] {
        do {
            guard let conflict = try store.conflicts().first(where: { $0.id == id }) else { return [conflicts(store: store)] }
            let pick: ConflictChoice = switch choice {
            case .mine: .mine
            case .theirs: .theirs
            case let .value(text): .value(text)
            }
            try store.resolve(conflict, choosing: pick)
            var events: [Event] = []
            if let reloaded = try? store.load() { events.append(.storeChanged(.fullRead(reloaded, store: store))) }
            events.append(conflicts(store: store))
            return events
        } catch {
            return [.synced(lines: [], problem: "\(error)")]
        }
    }
}
