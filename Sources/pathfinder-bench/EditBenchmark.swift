import Foundation
import PathfinderCLI
import PathfinderModel
import PathfinderStore
import PathfinderTUI

/// Key to saved-and-redrawn for a status change, as the run loop does it: the keys go through
/// `update`, the save effect is performed on the store (check, atomic write, fsync), its
/// answer goes back through `update`, and the frame is drawn.
enum EditBenchmark {
    struct Figures {
        var openPicker: [Double] = []
        var choose: [Double] = []
        var commit: [Double] = []
    }

    @MainActor
    static func statusChanges(store: PlainFileStore, partnership: Partnership, asOf: Day, rounds: Int = 200) -> Figures {
        var state = AppState(partnership: partnership, asOf: asOf, storeLabel: "bench", width: 120, height: 40, today: asOf)
        state.edits.userName = "Benchmark"
        state = update(state, .key(.enter)).0   // an area
        state = update(state, .key(.enter)).0   // its action plan
        let effects = StoreEffects(store: store)
        func frame(_ s: AppState) -> Screen {
            var screen = Screen(width: s.width, height: s.height)
            RootView.render(s, into: &screen)
            return screen
        }
        /// One key through the loop: update, perform each effect and feed its answer back, draw.
        func press(_ key: Key) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            var queue: [Event] = [.key(key)]
            while !queue.isEmpty {
                let out = state.handle(queue.removeFirst())
                for effect in out { if let answer = effects.perform(effect, partnership: state.partnership) { queue.append(answer) } }
            }
            _ = frame(state)
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        var figures = Figures()
        for i in 0..<rounds {
            figures.openPicker.append(press(.character("s")))
            // Alternate Done and In progress (typed to narrow, as a user would).
            for c in (i % 2 == 0 ? "do" : "in") { figures.choose.append(press(.character(c))) }
            figures.commit.append(press(.enter))
        }
        if let failure = state.edits.failures.values.first { print("edit benchmark: a save failed: \(failure)") }
        return figures
    }
}
