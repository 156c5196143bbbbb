import Foundation
import PathfinderModel
import PathfinderStore
import PathfinderTUI

// Benchmark: a generated store of 350 areas x 150 actions (52,500 actions, 10 progress notes
// each). Prints the time to load, list overdue, save one action, the screen figures and peak
// memory. Run: swift run -c release pathfinder-bench [areas] [actions-per-area]
let arguments = CommandLine.arguments.dropFirst().compactMap(Int.init)
let areaCount = arguments.first ?? 350
let perArea = arguments.dropFirst().first ?? 150
let root = FileManager.default.temporaryDirectory.appendingPathComponent("pathfinder-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: root) }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}
func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }
func percentiles(_ samples: [Double]) -> String {
    let sorted = samples.sorted()
    return "median \(ms(sorted[sorted.count / 2])), p99 \(ms(sorted[min(sorted.count - 1, sorted.count * 99 / 100)]))"
}

let sampleManifest = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../PathfinderCLI/Resources/sample-areas/pathfinder.yaml").standardizedFileURL, encoding: .utf8)
let generate = try seconds { try LargeStore.generate(at: root, manifest: sampleManifest, areas: areaCount, actionsPerArea: perArea, progressEntries: 10) }
print("generated \(areaCount * perArea) actions in \(String(format: "%.1f", generate)) s")

let store = PlainFileStore(root: root)
var result: LoadResult!
let load = try seconds { result = try store.load() }
let p = result.partnership
print("cold load:        \(ms(load)) (\(p.actions.count) actions, \(result.problems.filter { $0.severity == .error }.count) errors)")
let asOf = Day(iso: "2007-06-30")!
var overdue = 0
let list = seconds { overdue = p.actions.filter { $0.isOverdue(asOf: asOf, catalogue: p.catalogue) }.count }
print("list overdue:     \(ms(list)) (\(overdue) overdue)")
var summaries: [AreaSummary] = []
let summary = seconds { summaries = p.summaries(asOf: asOf) }
print("areas summary:    \(ms(summary)) from loaded data (\(summaries.count) rows)")
var saves: [Double] = []
var action = p.actions[p.actions.count / 2]
for i in 0..<50 {
    action.status = i % 2 == 0 ? "done" : "in-progress"
    saves.append(try seconds { try store.save(action) })
}
print("save one action:  \(percentiles(saves))")

// Screens: the first frame, and key to redrawn frame.
var state = AppState(partnership: p, asOf: asOf, storeLabel: "bench", width: 120, height: 40)
func frame(_ s: AppState) -> Screen { var screen = Screen(width: s.width, height: s.height); RootView.render(s, into: &screen); return screen }
let first = seconds { _ = frame(state) }
print("first screen:     \(ms(load + first)) including the load (\(ms(first)) to draw)")
@MainActor func keys(_ label: String, _ events: [Event]) {
    var samples: [Double] = []
    for event in events {
        samples.append(seconds { state = update(state, event).0; _ = frame(state) })
    }
    print("\(label) \(percentiles(samples))")
}
state = update(state, .key(.enter)).0  // an area
state = update(state, .key(.enter)).0  // its action plan
keys("move in plan:    ", Array(repeating: .key(.down), count: 100))
keys("open action:     ", (0..<50).flatMap { _ in [Event.key(.enter), .key(.escape)] })
keys("type in filter:  ", [.key(.character("f"))] + "review".map { .key(.character($0)) } + [.key(.escape)])
state = update(state, .key(.character("/"))).0
keys("search (typing): ", "commissioning".map { .key(.character($0)) })
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("peak memory:      \(usage.ru_maxrss / 1024) MB")
