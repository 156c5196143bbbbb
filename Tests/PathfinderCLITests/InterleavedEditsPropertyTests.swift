import Foundation
import PathfinderModel
import PathfinderStore
@testable import PathfinderTUI
import Testing
@testable import PathfinderCLI

/// Random interleavings of edits from the screens (quick edits, a form left open, the conflict
/// view) and from the command line (`pathfinder edit`, `pathfinder note` as another process
/// would make them: a store object of its own, writing under the lock), with the watcher reading
/// changes in at random moments. Whatever the order, every change a user was told was saved is
/// on disk at the end, unless a later acknowledged change to the same field replaced it.
@Suite(.serialized) struct InterleavedEditsPropertyTests {
    /// A small, seedable generator (SplitMix64), so a failure names the seed that reproduces it.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    /// The fields the test changes, with the value as the store holds it.
    static let fields: [ActionField] = [.title, .lead, .status, .rag, .due]
    static let ids = ["PO-01", "PO-02", "PO-03"]

    static func value(_ field: ActionField, of a: Action) -> String {
        switch field {
        case .status: a.status
        case .rag: a.rag.rawValue
        case .due: a.due?.iso ?? ""
        default: field.value(of: a)
        }
    }

    /// A value no earlier step used, so an acknowledgement is never mistaken for another.
    static func newValue(_ field: ActionField, step: Int, seed: UInt64, random: inout SeededRandom) -> String {
        switch field {
        case .status: ["not-started", "in-progress", "blocked", "done"].randomElement(using: &random)!
        case .rag: ["red", "amber", "green"].randomElement(using: &random)!
        case .due: Day(iso: "2007-01-01")!.adding(days: Int(seed % 50) * 400 + step).iso
        default: "\(field.label) \(seed)-\(step)"
        }
    }

    struct World {
        let store: PlainFileStore
        var state: AppState
        var watcher: StoreWatcher
        /// The last acknowledged value of each changed field, by action id then field.
        var acknowledged: [String: [ActionField: String]] = [:]
        var notes: Set<String> = []
        /// Screen changes made but not yet confirmed saved: (id, field) → value.
        var intended: [String: [ActionField: String]] = [:]

        /// Runs an event through `update` and every effect through the run loop's own store code.
        mutating func run(_ event: Event) {
            var queue = [event]
            while !queue.isEmpty {
                let effects = state.handle(queue.removeFirst())
                for effect in effects {
                    guard let answer = StoreEffects(store: store).perform(effect, partnership: state.partnership) else { continue }
                    if case let .saved(.action(saved), _) = answer { acknowledge(saved) }
                    queue.append(answer)
                }
            }
        }

        /// A save confirmed on disk acknowledges every intended value it carries.
        mutating func acknowledge(_ saved: Action) {
            for (field, value) in intended[saved.id] ?? [:] where InterleavedEditsPropertyTests.value(field, of: saved) == value {
                acknowledged[saved.id, default: [:]][field] = value
                intended[saved.id]?[field] = nil
            }
        }

        var busy: Bool {
            switch state.page {
            case .actionForm, .conflict: true
            default: state.overlay != nil
            }
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func everyAcknowledgedChangeIsOnDiskWhateverTheInterleaving(seed: UInt64) throws {
        let scratch = try Fixtures.scratch()
        defer { try? FileManager.default.removeItem(at: scratch.root) }
        let store = PlainFileStore(root: scratch.store)
        let loaded = try store.load()
        var state = AppState(partnership: loaded.partnership, asOf: Day(iso: "2006-12-15")!, storeLabel: "t", width: 80, height: 24,
                             pages: [.areas(AreasPage())], today: Day(iso: "2006-12-15")!)
        state.edits.userName = "Screen user"
        var world = World(store: store, state: state, watcher: StoreWatcher(store: store))
        var random = SeededRandom(state: seed)
        let catalogue = loaded.partnership.catalogue

        for step in 0..<70 {
            let id = Self.ids.randomElement(using: &random)!
            let field = Self.fields.randomElement(using: &random)!
            let value = Self.newValue(field, step: step, seed: seed, random: &random)
            switch Int.random(in: 0..<10, using: &random) {
            case 0...2:
                // The command line, as another process: its own store object, reading the file
                // as it is now under the lock.
                let cli = PlainFileStore(root: scratch.store)
                _ = try cli.loadForEditing()
                if Bool.random(using: &random) {
                    let saved = try cli.modify(actionID: id, by: "Command line", today: Day(iso: "2006-12-16")!) { a in
                        try ActionEdit.set(field, to: value, on: &a, catalogue: catalogue, today: Day(iso: "2006-12-16")!)
                    }
                    world.acknowledged[id, default: [:]][field] = Self.value(field, of: saved)
                } else {
                    let text = "CLI note \(seed)-\(step)"
                    _ = try cli.modify(actionID: id, by: "Command line", today: Day(iso: "2006-12-16")!) { a in
                        a.addProgress(ProgressEntry(date: Day(iso: "2006-12-16")!, author: "Command line", text: text))
                    }
                    world.notes.insert(text)
                }
            case 3...4:
                // The watcher reads in what changed.
                if let change = world.watcher.poll(now: Date.distantFuture) { world.run(.storeChanged(change)) }
            case 5...6 where !world.busy:
                // A quick edit on the screens.
                world.intended[id, default: [:]][field] = value
                let effects = world.state.edit(id, summary: "\(id) \(field.rawValue)") { a in
                    try? ActionEdit.set(field, to: value, on: &a, catalogue: catalogue, today: Day(iso: "2006-12-15")!)
                }
                for effect in effects {
                    if let answer = StoreEffects(store: store).perform(effect, partnership: world.state.partnership) {
                        if case let .saved(.action(saved), _) = answer { world.acknowledge(saved) }
                        world.run(answer)
                    }
                }
            case 7 where !world.busy:
                // The full form opened on an action, Lead typed, left open for a while.
                world.state.pages = [.areas(AreasPage()), .action(id)]
                world.run(.key(.character("e")))
                for key in [Key.tab, .tab, .tab, .control("u")] { world.run(.key(key)) }
                let lead = "Lead typed \(seed)-\(step)"
                for c in lead { world.run(.key(.character(c))) }
                world.intended[id, default: [:]][.lead] = lead
            default:
                finishOpenWork(&world, random: &random)
            }
        }
        finishOpenWork(&world, random: &random)
        finishOpenWork(&world, random: &random)

        let disk = try PlainFileStore(root: scratch.store).load()
        for (id, fields) in world.acknowledged {
            let action = try #require(disk.partnership.action(id), "seed \(seed): \(id) is gone")
            for (field, value) in fields {
                #expect(Self.value(field, of: action) == value, "seed \(seed): \(id) \(field.rawValue) lost its acknowledged value")
            }
        }
        let onDisk = Set(disk.partnership.actions.flatMap { $0.progress.map(\.text) })
        #expect(world.notes.subtracting(onDisk).isEmpty, "seed \(seed): notes lost: \(world.notes.subtracting(onDisk))")
        #expect(disk.errors.isEmpty, "seed \(seed): \(disk.errors)")
    }

    /// Saves an open form, and decides an open conflict field by field at random.
    func finishOpenWork(_ world: inout World, random: inout SeededRandom) {
        if case .actionForm = world.state.page { world.run(.key(.control("s"))) }
        while case let .conflict(page) = world.state.page {
            guard case let .action(mine) = page.mine else { break }
            for (index, field) in page.fields.enumerated() {
                let keepMine = Bool.random(using: &random)
                world.run(.key(keepMine ? .character("m") : .character("t")))
                if !keepMine, let f = field.field { world.intended[mine.id]?[f] = nil }
                if index < page.fields.count - 1 { world.run(.key(.down)) }
            }
            world.run(.key(.enter))
        }
    }
}
