#if canImport(Glibc)
import Glibc
#endif
import CursesTerminal
import Foundation
import PathfinderModel
import PathfinderStore
import PathfinderTUI

/// The interactive program: loads themes and key bindings, then runs the loop
/// event -> update -> effects -> render -> draw until the user quits. Effects that touch the
/// store or the editor are performed here and answered with events, so `update` stays pure.
struct TerminalApp {
    let location: StoreLocation
    let store: PlainFileStore
    /// The whole store, or nil when the screens start from the summary cache and the store is
    /// read in the background (a large store then shows its areas at once).
    let loaded: LoadResult?
    var cachedSummary: StoreSummary?
    let asOf: Day
    let themeName: String?
    /// Set when another Pathfinder has the store open and the user chose to look only.
    var readOnlyReason: String?

    /// `onExit` runs before the process exits on its own (Ctrl-C), as `defer` would not.
    func run(onExit: () -> Void = {}) throws {
        var config = UserConfig.load()
        let catalogue = ThemeCatalogue.load(userFolder: UserConfig.folder())
        let keys = KeyBindings.load(userFolder: UserConfig.folder())
        let wanted = themeName ?? config["theme"] ?? "default"
        var warnings = catalogue.problems + keys.problems + [config.problem].compactMap { $0 }
        let theme: Theme
        if let found = catalogue.themes.first(where: { $0.name == wanted }) {
            theme = found
        } else {
            theme = catalogue.themes.first { $0.name == "default" } ?? .builtInDefault
            warnings.append("no theme called \(Quote.value(wanted)); using \(theme.name). Choose \(Quote.choices(catalogue.themes.map(\.name), noun: "themes", place: nil))")
        }
        if themeName != nil, themeName == theme.name {
            config.set("theme", theme.name)
            try? config.save()
        }

        var exitCode: Int32 = 0
        var options = CursesTerminal.Options()
        options.monochrome = theme.name == "monochrome"
        try CursesTerminal.run(options: options) { terminal in
            let size = terminal.size
            // Themes are written for 256 colours; give them to the screen as this terminal can
            // show them (16, 8, or none: NO_COLOR), so a selection is never invisible.
            let support = ColorSupport(depth: terminal.colorDepth)
            let first = loaded?.partnership ?? Partnership(title: cachedSummary?.title ?? "Pathfinder store", asOf: cachedSummary?.asOf,
                                                           catalogue: Catalogue(), areas: [], actions: [], caseStudies: [], meetings: [])
            var state = AppState(partnership: first, asOf: asOf, storeLabel: location.path.lastPathComponent,
                                 width: size.width, height: size.height, theme: theme.downgraded(to: support),
                                 themes: catalogue.themes.map { $0.downgraded(to: support) }, keyMap: keys.keyMap,
                                 today: Day.today())
            state.edits.userName = config["name"].flatMap { $0.isEmpty ? nil : $0 }
            state.edits.suggestedName = ProcessInfo.processInfo.environment["USER"] ?? ""
            state.edits.hasExternalEditor = ExternalEditor.command() != nil
            state.edits.notEditable = StoreChange.notEditable(first, store: store)
            // From the summary cache until the store is read: its errors are the full read's, so
            // the marks show at once with the count they will keep.
            state.problems = (loaded?.problems ?? cachedSummary?.errors ?? []).errorsFirst()
            state.edits.readOnlyReason = readOnlyReason
            if let loaded { state.searchWords = store.searchWords(for: loaded.partnership) }
            var background: BackgroundLoad?
            // What the screens first say comes to them as notices, like every other word from
            // the run loop: only `update` writes the message line.
            var opening: Message?
            if loaded == nil {
                state.loadingStore = true
                state.cachedSummary = cachedSummary?.rows(asOf: asOf) ?? []
                opening = .readingStore
                background = BackgroundLoad(store)
            }
            if location.createdFromSample {
                let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
                let path = location.path.path.hasPrefix(home + "/") ? "~" + location.path.path.dropFirst(home.count) : location.path.path
                opening = Message("Made your own copy of the sample store in \(path)")
            }
            if let first = warnings.first {
                opening = Message(first + (warnings.count > 1 ? " (and \(warnings.count - 1) more)" : ""), isError: true)
            } else if let problems = state.problemsMessage {
                opening = problems
            } else if let waiting = try? store.conflicts(), !waiting.isEmpty {
                // Said at once, so the decision is made before the next sync, not discovered by it.
                opening = Message("\(waiting.count) sync conflict\(waiting.count == 1 ? " waits" : "s wait") for your decision: S shows \(waiting.count == 1 ? "it" : "them")", isError: true)
            }
            if let opening { _ = state.handle(.notice(opening.text, isError: opening.isError)) }
            var watcher: StoreWatcher? = loaded == nil ? nil : StoreWatcher(store: store)
            // Keys typed while the store is still being read, replayed in order once it is:
            // typing ahead works as if the store had been there from the start.
            var typedAhead: [Event] = []
            // RAG over time: worked out on another thread once the store is read, and again
            // after anything changes an action (see `BackgroundRAGHistory`).
            var ragJob: BackgroundRAGHistory?
            var ragStale = true
            // Set when a read of the whole store (or the RAG history's pass over it) is done.
            var freedByRead = false
            terminal.draw(frame(state))
            while true {
                var queue: [Event] = []
                if let job = ragJob, let table = job.result {
                    ragJob = nil
                    freedByRead = true
                    queue.append(.ragHistoryComputed(table))
                }
                if let load = background, let result = load.result {
                    // The background read is done: the store is this thread's again.
                    background = nil
                    freedByRead = true
                    switch result {
                    case let .success(full):
                        queue.append(.storeChanged(.fullRead(full, store: store)))
                        if let words = load.words { queue.append(.searchWordsRead(words)) }
                        queue += typedAhead
                        typedAhead = []
                        watcher = StoreWatcher(store: store)
                    case let .failure(error):
                        queue.append(.notice("The store could not be read: \(error). Press q to quit", isError: true))
                    }
                }
                if let load = background, let fraction = load.progress.fraction, Int(fraction * 100) != state.storeReadPercent {
                    queue.append(.storeReadProgress(percent: Int(fraction * 100)))
                }
                if let event = terminal.readEvent(timeoutMilliseconds: background == nil ? 1000 : 50) {
                    if case .key(.control("c")) = event {
                        // Ctrl-C quits at once, as in any terminal program; every edit is saved
                        // as it is made.
                        exitCode = 130
                        return
                    }
                    // Once a key waits for the store, every key after it waits too, so they
                    // run in the order typed; before that the screens take them (an area can be
                    // opened, its files read on their own).
                    if background != nil, !typedAhead.isEmpty, case let .key(key) = event,
                       state.keyMap.command(for: key, in: state.context) != .quit {
                        typedAhead.append(event)
                    } else {
                        queue.append(event)
                    }
                } else {
                    queue.append(.tick)
                }
                // What the watcher read in goes before the key: the store now checks saves
                // against it, so the screens must have it too before a key can save (else a
                // form saved in this turn would pass the check with a version from before it).
                if let change = watcher?.poll() { queue.insert(.storeChanged(change), at: 0) }
                // Each effect may answer with events (saved, conflict); they run in turn.
                while !queue.isEmpty {
                    let event = queue.removeFirst()
                    switch event {
                    case .saved, .storeChanged, .created, .deleted, .moved: ragStale = true
                    default: break
                    }
                    let effects = state.handle(event)
                    for effect in effects {
                        switch effect {
                        case .quit:
                            return
                        case let .rememberTheme(name):
                            config.set("theme", name)
                            do { try config.save() } catch {
                                queue.append(.notice("Could not remember the theme: \(error)", isError: true))
                            }
                        case let .rememberName(name):
                            config.set("name", name)
                            do { try config.save() } catch {
                                queue.append(.notice("Could not remember your name: \(error)", isError: true))
                            }
                        case .redrawAll:
                            terminal.invalidate()
                        case .sync:
                            queue += ScreenSync.sync(store: store) { step in
                                _ = state.handle(.notice(step, isError: false))
                                terminal.draw(frame(state))
                            }
                            watcher = StoreWatcher(store: store)
                        case let .holdUntilRead(key):
                            typedAhead.append(key)
                        case let .readArea(which):
                            // A store of its own: the background read's is busy on its thread.
                            // Browsing only: edits wait for the whole store (see AppState).
                            queue.append(.storeChanged(Self.readArea(which, root: store.root)))
                        case let .loadHistory(id):
                            queue.append(ScreenSync.history(store: store, action: id))
                        case let .loadChanged(since):
                            queue.append(ScreenSync.changed(store: store, since: since))
                        case let .export(request):
                            queue.append(ScreenReports.export(request, partnership: state.partnership, asOf: state.asOf,
                                                                    history: state.ragHistory))
                        case let .readImport(request):
                            queue.append(ScreenImport.read(request))
                        case let .writeImport(plan, user):
                            queue.append(ScreenImport.write(plan, store: store, partnership: state.partnership, user: user,
                                                            today: state.edits.today))
                        case .loadTrash:
                            queue.append(ScreenSync.trash(store: store))
                        case let .restoreFromTrash(id):
                            queue += ScreenSync.restore(store: store, id: id)
                        case .loadSyncConflicts:
                            queue.append(ScreenSync.conflicts(store: store))
                        case let .resolveSyncConflict(id, choice):
                            queue += ScreenSync.resolve(store: store, id: id, choice: choice)
                            watcher = StoreWatcher(store: store)
                        case let .editText(request):
                            terminal.suspend()
                            let outcome = ExternalEditor.edit(request.text, fileName: request.fileName)
                            terminal.resume()
                            queue.append(.textEdited(request, text: outcome.text, problem: outcome.problem))
                        case .readStoreAgain:
                            freedByRead = true
                            if let full = try? store.load() {
                                var change = StoreChange.fullRead(full, store: store)
                                change.requested = true
                                queue.append(.storeChanged(change))
                                queue.append(.searchWordsRead(store.searchWords(for: full.partnership)))
                            }
                            watcher = StoreWatcher(store: store)
                        case let .editFile(path, line):
                            terminal.suspend()
                            let problem = ExternalEditor.open(file: store.root.appendingPathComponent(path).path, line: line)
                            terminal.resume()
                            // Read all again, not the one file: a fixed action may also mend a
                            // meeting that names it, and the list must say so.
                            do {
                                queue.append(.storeChanged(.fullRead(try store.load(), store: store)))
                            } catch {
                                queue.append(.notice("The store could not be read again: \(error)", isError: true))
                            }
                            watcher = StoreWatcher(store: store)
                            queue.append(.fileEdited(path: path, problem: problem))
                        default:
                            if let answer = StoreEffects(store: store).perform(effect, partnership: state.partnership) {
                                queue.append(answer)
                            }
                        }
                    }
                }
                if freedByRead {
                    // The old partnership and the read's scratch are gone by now.
                    freedByRead = false
                    Self.returnFreedMemory()
                }
                if ragStale, ragJob == nil, background == nil, !state.loadingStore {
                    ragStale = false
                    ragJob = BackgroundRAGHistory(state.partnership, asOf: state.asOf, root: store.root, filesKey: store.filesKey)
                }
                terminal.draw(frame(state))
            }
        }
        if exitCode != 0 {
            onExit()
            exit(exitCode)
        }
    }

    /// Gives back to the system the pages a read of the store freed. The read parses on every
    /// core, and malloc keeps what each thread freed in that thread's pool: at 52,500 actions
    /// about 46 MB stayed resident for the whole session after the read was done.
    static func returnFreedMemory() {
        #if canImport(Glibc)
        // glibc's `malloc_trim` is not in Swift's Glibc module; looked up with its C convention.
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }

    static func clock(_ date: Date = Date()) -> String {
        let parts = Calendar.current.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// Renders the whole state into a fresh screen buffer the size of the terminal.
    func frame(_ state: AppState) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        RootView.render(state, into: &screen)
        return screen
    }
}

/// Reads the whole store on another thread while the screens show the summary cache. The store
/// is not touched by the screens until `result` is set (keys that need it wait), so it is used
/// by one thread at a time.
final class BackgroundLoad: @unchecked Sendable {
    private let lock = NSLock()
    private var finished: Result<LoadResult, Error>?
    private var foundWords: ActionSearchWords?
    /// How far the read has got, for the message line.
    let progress = ReadProgress()

    init(_ store: PlainFileStore) {
        let box = UncheckedStore(store)
        let progress = progress
        Thread.detachNewThread { [self] in
            // Gives way to the screens: a key's own read of an area goes first (BackgroundPriority).
            BackgroundPriority.lowerThisThread()
            box.store.readProgress = progress
            let outcome = Result { try box.store.load() }
            box.store.readProgress = nil
            // The search words of what was read, while the store is still this thread's.
            let words = (try? outcome.get()).map { box.store.searchWords(for: $0.partnership) }
            lock.lock()
            finished = outcome
            foundWords = words
            lock.unlock()
        }
    }

    /// The store's search words for what was read (set with `result`).
    var words: ActionSearchWords? {
        lock.lock()
        defer { lock.unlock() }
        return foundWords
    }

    var result: Result<LoadResult, Error>? {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }
}

/// Works out RAG over time on another thread (`RAGHistoryCache.history`: the cache, else the
/// notes, meetings and git log), from a copy of the partnership as it was when asked: the
/// screens go on meanwhile, and show the history when it is in.
final class BackgroundRAGHistory: @unchecked Sendable {
    private let lock = NSLock()
    private var finished: RAGHistoryTable?

    init(_ partnership: Partnership, asOf: Day, root: URL, filesKey: UInt64) {
        Thread.detachNewThread { [self] in
            BackgroundPriority.lowerThisThread()
            let table = RAGHistoryCache(root: root).history(partnership, asOf: asOf, filesKey: filesKey).table
            lock.lock()
            finished = table
            lock.unlock()
        }
    }

    var result: RAGHistoryTable? {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }
}

/// Hands the store to the loading thread (see `BackgroundLoad` for why that is safe).
private struct UncheckedStore: @unchecked Sendable {
    let store: PlainFileStore
    init(_ store: PlainFileStore) { self.store = store }
}

/// Performs the effects that touch the store (save, create, delete, restore) and answers each
/// with the event that says how it went. Shared by the run loop and the benchmark.
public struct StoreEffects {
    let store: PlainFileStore

    public init(store: PlainFileStore) {
        self.store = store
    }

    /// Does what an effect asks of the store, and says how it went.
    public func perform(_ effect: Effect, partnership: Partnership) -> Event? {
        if case let .createMeeting(draft) = effect {
            do {
                let meeting = try store.createMeeting(area: draft.area, date: draft.date, title: draft.title,
                                                      attendees: draft.attendees, agenda: draft.agenda)
                return .meetingCreated(meeting)
            } catch {
                return .saveFailed(.meeting(Meeting(id: "\(draft.area)/new", area: draft.area, date: draft.date, title: draft.title)),
                                   reason: "\(error)")
            }
        }
        switch effect {
        case let .delete(action):
            do {
                try store.delete(actionID: action.id, in: partnership)
                return .deleted(action.id)
            } catch let StoreError.changedOnDisk(path) {
                // Someone changed it since it was read: their edit outweighs the delete.
                if let theirs = store.reload([path]).actions.first(where: { $0.id == action.id }) {
                    let who = theirs.updatedBy.isEmpty ? "by someone else" : "by " + theirs.updatedBy
                    return .deleteRefused(theirs, reason: "it was changed on disk meanwhile (\(who)); delete it again if you still mean to")
                }
                return .saveFailed(.action(action), reason: "not deleted: \(path) changed on disk and cannot be read now")
            } catch let error as StoreError where error.isRefusal {
                // Trying again would meet the same answer (a link, a file with problems): the
                // action comes back on the plan and the message says why.
                return .deleteRefused(action, reason: error.description)
            } catch {
                return .saveFailed(.action(action), reason: "not deleted: \(error)")
            }
        case let .restore(action):
            do {
                if store.trash().contains(where: { $0.id == action.id && $0.area == action.area }) {
                    try store.restore(actionID: action.id)
                } else {
                    // Undoing a move: the old file was replaced, not trashed; write it again.
                    try store.save(action)
                }
                return .saved(.action(action), time: TerminalApp.clock())
            } catch {
                return .saveFailed(.action(action), reason: "not restored: \(error)")
            }
        case let .trash(record):
            do {
                switch record {
                case let .area(area): try store.trash(.area(area))
                case let .caseStudy(study): try store.trash(.caseStudy(study))
                case let .organisation(organisation): try store.trash(.organisation(organisation))
                case let .fundingAgreement(agreement): try store.trash(.fundingAgreement(agreement))
                default: return nil
                }
                return .notice("\(record.name) is in the store's trash folder now", isError: false)
            } catch {
                return .notice("\(record.name) was not removed: \(error)", isError: true)
            }
        case let .move(action, area):
            do {
                let moved = try store.move(actionID: action.id, toArea: area, in: partnership, by: action.updatedBy,
                                           today: action.updated ?? Day.today())
                return .moved(old: action, new: moved)
            } catch {
                return .saveFailed(.action(action), reason: "not moved: \(error)")
            }
        default:
            break
        }
        let record: Record
        switch effect {
        case let .save(r): record = r
        case let .create(draft): record = .action(draft)
        default: return nil
        }
        do {
            switch record {
            case let .action(a) where effect == .create(a):
                return .created(try store.create(a, in: partnership))
            case let .action(a): try store.save(a)
            case let .area(a): try store.save(a)
            case let .caseStudy(c): try store.save(c)
            case let .meeting(m): try store.save(m)
            case let .organisation(o): try store.save(o)
            case let .fundingAgreement(a): try store.save(a)
            }
            return .saved(record, time: TerminalApp.clock())
        } catch let StoreError.changedOnDisk(path) {
            // Read what is there now: it becomes the version the next save checks against,
            // and the user chooses between it and theirs.
            let reload = store.reload([path])
            if let theirs = Self.record(like: record, in: reload) { return .conflict(mine: record, theirs: theirs) }
            return .saveFailed(record, reason: "\(path) was changed on disk and cannot be read now: \(reload.problems.first?.description ?? "it is gone")")
        } catch {
            return .saveFailed(record, reason: "\(error)")
        }
    }

    static func record(like record: Record, in reload: StoreReload) -> Record? {
        switch record {
        case let .action(a): reload.actions.first { $0.id == a.id }.map(Record.action)
        case let .area(a): reload.areas.first { $0.id == a.id }.map(Record.area)
        case let .caseStudy(c): reload.caseStudies.first { $0.id == c.id }.map(Record.caseStudy)
        case let .meeting(m): reload.meetings.first { $0.id == m.id }.map(Record.meeting)
        case let .organisation(o): reload.organisations.first { $0.id == o.id }.map(Record.organisation)
        case let .fundingAgreement(a): reload.fundingAgreements.first { $0.id == a.id }.map(Record.fundingAgreement)
        }
    }

}

/// Notices files changed underneath the program and reads them again. Polls, at most once a
/// second and less often on a store so large that a scan costs more than a few percent of a core.
struct StoreWatcher {
    let store: PlainFileStore
    var snapshot: StoreSnapshot
    var next = Date()
    var interval: TimeInterval = 1

    init(store: PlainFileStore) {
        self.store = store
        snapshot = StoreSnapshot.take(of: store)
    }

    mutating func poll(now: Date = Date()) -> StoreChange? {
        guard now >= next else { return nil }
        let started = Date()
        let later = StoreSnapshot.take(of: store)
        interval = max(1, Date().timeIntervalSince(started) * 20)
        next = Date().addingTimeInterval(interval)
        let paths = snapshot.changedPaths(to: later)
        snapshot = later
        guard !paths.isEmpty else { return nil }
        let reload = store.reload(paths)
        guard !reload.isEmpty else { return nil }
        if reload.needsFullLoad, let result = try? store.load() { return .fullRead(result, store: store) }
        var change = StoreChange(actions: reload.actions, removedActions: reload.removedActions, areas: reload.areas,
                                 caseStudies: reload.caseStudies, meetings: reload.meetings,
                                 problems: reload.problems, readAgain: paths)
        let bad = Set(reload.problems.filter { $0.severity == .error }.map(\.path))
        for path in paths {
            guard let key = RecordKey(storePath: path) else { continue }
            if bad.contains(path) || !store.isEditable(path) { change.notEditable.insert(key) } else { change.editableAgain.insert(key) }
        }
        return change
    }

}

extension TerminalApp {
    /// One area's files, read on their own while the whole store is read in the background.
    static func readArea(_ which: AreaToRead, root: URL) -> StoreChange {
        let reader = PlainFileStore(root: root)
        let result: LoadResult?
        let area: String?
        switch which {
        case let .area(id):
            result = try? reader.loadArea(id)
            area = id
        case let .holding(action):
            result = (try? reader.loadArea(holdingAction: action)) ?? nil
            area = result?.partnership.actions.first { $0.id == action }?.area
                ?? result?.partnership.actions.first?.area
        }
        // Answered even when nothing was found, so the page waiting for it says so rather
        // than wait on.
        let p = result?.partnership
        var change = StoreChange(actions: p?.actions ?? [], areas: p?.areas ?? [], caseStudies: p?.caseStudies ?? [],
                                 meetings: p?.meetings ?? [])
        change.area = area ?? ""
        return change
    }
}

extension StoreChange {
    /// The whole store as a full read found it, with every problem and which records' files
    /// may be written: one place for every full read the screens take in (start, a change
    /// on disk, a sync, an edit from the problems screen).
    static func fullRead(_ result: LoadResult, store: PlainFileStore) -> StoreChange {
        let partnership = result.partnership
        var change = StoreChange(partnership: partnership, problems: result.problems)
        change.notEditable = notEditable(partnership, store: store)
        change.editableAgain = Set(partnership.actions.map { Record.action($0).key } + partnership.areas.map { Record.area($0).key }
            + partnership.caseStudies.map { Record.caseStudy($0).key } + partnership.meetings.map { Record.meeting($0).key }
            + partnership.organisations.map { Record.organisation($0).key }
            + partnership.fundingAgreements.map { Record.fundingAgreement($0).key })
            .subtracting(change.notEditable)
        return change
    }

    /// Record keys of everything loaded whose file must not be written (the store would refuse).
    static func notEditable(_ partnership: Partnership, store: PlainFileStore) -> Set<RecordKey> {
        var keys = Set<RecordKey>()
        for a in partnership.actions where !store.isEditable(PlainFileStore.actionPath(a)) { keys.insert(Record.action(a).key) }
        for a in partnership.areas where !store.isEditable(PlainFileStore.areaPath(a)) { keys.insert(Record.area(a).key) }
        for c in partnership.caseStudies where !store.isEditable(PlainFileStore.caseStudyPath(c)) { keys.insert(Record.caseStudy(c).key) }
        for m in partnership.meetings where !store.isEditable(PlainFileStore.meetingPath(m)) { keys.insert(Record.meeting(m).key) }
        for o in partnership.organisations where !store.isEditable(PlainFileStore.organisationPath(o)) {
            keys.insert(Record.organisation(o).key)
        }
        for a in partnership.fundingAgreements where !store.isEditable(PlainFileStore.fundingAgreementPath(a)) {
            keys.insert(Record.fundingAgreement(a).key)
        }
        return keys
    }
}

extension ColorSupport {
    init(depth: ColorDepth) {
        switch depth {
        case .none: self = .none
        case .eight: self = .eight
        case .sixteen: self = .sixteen
        case .full: self = .full
        }
    }
}
