import PathfinderModel

/// A key as the program understands it. The backend turns raw curses codes into these in one
/// function, so the rest of the program never sees a curses constant.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, lowercased: `.control("r")` is Ctrl-R.
    case control(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// An escape sequence the terminal sent that names no key here, kept whole (as printable
    /// text, e.g. "[99~") so it is named plainly, never read as Esc followed by keys.
    case unknown(String)
}

/// A mouse event in screen coordinates.
public enum MouseEvent: Hashable, Sendable {
    case click(x: Int, y: Int)
    case doubleClick(x: Int, y: Int)
    case wheelUp(x: Int, y: Int)
    case wheelDown(x: Int, y: Int)
}

/// Everything from outside that can change the application's state.
public enum Event: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
    /// Text pasted in one go (bracketed paste), kept whole so it is inserted, not run as keys.
    case paste(String)
    /// A record is on disk; `time` is the clock time to show ("10:42").
    case saved(Record, time: String)
    /// A save did not happen (read-only folder, disk full, invalid); it is kept and retried.
    case saveFailed(Record, reason: String)
    /// The file was changed by someone else since it was loaded: `theirs` is what is on disk now.
    case conflict(mine: Record, theirs: Record)
    /// A new action is on disk with its id.
    case created(Action)
    /// An action's file went to the trash.
    case deleted(String)
    /// A delete found the file changed on disk since it was read (a colleague's edit): it is
    /// not deleted, and the version on disk is shown again. An edit outweighs a delete.
    case deleteRefused(Action, reason: String)
    /// Files changed underneath the program and were read again.
    case storeChanged(StoreChange)
    /// The editor closed; nil text means it failed or was not saved.
    case textEdited(TextRequest, text: String?, problem: String?)
    /// The editor closed on a store file (opened from the problems screen) and the store was
    /// read again; `problem` says why the editor could not run.
    case fileEdited(path: String, problem: String?)
    /// A second has passed: time to retry failed saves.
    case tick
    /// A meeting's file was made.
    case meetingCreated(Meeting)
    /// A report to show on screen.
    case showReport(ReportPage)
    /// The export's file exists: ask before replacing it.
    case exportExists(ExportRequest)
    /// Something the run loop did, to say on the message line.
    case notice(String, isError: Bool)
    /// An action now lives in another area, with a new id.
    case moved(old: Action, new: Action)
    /// A history or "changed since" list to show.
    case showLog(LogPage)
    /// The sync conflicts waiting for a decision.
    case syncConflicts([SyncConflictRow])
    /// A sync finished: what it did, line by line, or why it could not.
    case synced(lines: [String], problem: String?)
    /// RAG over time, worked out in the background (or read from its cache).
    case ragHistoryComputed(RAGHistoryTable)
    /// The store's search words for the actions just read (issue 14): search answers from them.
    case searchWordsRead(ActionSearchWords)
    /// How much of the store the background read has read, in per cent.
    case storeReadProgress(percent: Int)
    /// A spreadsheet asked for by `:import` was read: show what importing it would do.
    case importRead(ImportRequest, ImportTable)
}
