import Foundation
import PathfinderModel
import PathfinderStore
import PathfinderTUI

// Benchmark: a generated store of 350 areas x 150 actions (52,500 actions, 10 progress notes
// each). Prints the cold load and its peak memory, the areas summary from the summary cache
// (warm, and after 1% of the files changed), the overdue list, saves, screen figures, and peak
// memory. Run:
//   swift build -c release --product pathfinder-bench
//   pathfinder-bench [areas] [actions-per-area] [--store DIR]
//   pathfinder-bench fuzz [--cases N] [--seed S]   (the store-file fuzzer: see FuzzCommand)
//   pathfinder-bench taskwarrior --store DIR         (side by side with Taskwarrior: see TaskwarriorComparison)
//   pathfinder-bench exports [--store DIR]           (the whole store as .xlsx and .ics: see ExportBenchmark)
// --store DIR generates the store there if it has none (and keeps it), else reuses it.
// The cold load and the summaries run in child processes (`--load-only DIR`,
// `--summary-only DIR`), so each is timed and measured as a fresh `pathfinder` would be.

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
/// CPU time this process has used (user and system), so figures taken on a busy machine can be
/// told from waiting for a core.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
func peakMegabytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss / 1024
}

@_silgen_name("malloc_trim") func mallocTrim(_ pad: Int) -> Int32
func residentMegabytes() -> Int {
    let fields = ((try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "").split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576 : 0
}

var arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(i...(i + 1)) }
    return arguments[i + 1]
}

if arguments.first == "fuzz" { exit(FuzzCommand.run(Array(arguments.dropFirst()))) }
if arguments.first == "exports" { exit(try ExportBenchmark.run(Array(arguments.dropFirst()))) }
if arguments.first == "taskwarrior" { exit(try TaskwarriorComparison.run(Array(arguments.dropFirst()))) }

// Child modes: one measurement in a fresh process, printed as one line of numbers.
if let store = option("--load-only") {
    var result: LoadResult!
    let time = try seconds { result = try PlainFileStore(root: URL(fileURLWithPath: store)).load() }
    print(time, result.partnership.actions.count, result.errors.count, result.warnings.count, peakMegabytes(), cpuSeconds())
    exit(0)
}
if let store = option("--memory-report") {
    // Where a full load's memory goes: what is live after it, and an estimate of each part.
    let result = try PlainFileStore(root: URL(fileURLWithPath: store)).load()
    let peak = peakMegabytes()
    let resident = residentMegabytes()
    _ = mallocTrim(0)
    print("peak \(peak) MB; resident after the load \(resident) MB, after malloc_trim \(residentMegabytes()) MB")
    MemoryReport.print(result)
    exit(0)
}
if let store = option("--summary-only") {
    var summary: StoreSummary!
    let time = try seconds { summary = try PlainFileStore(root: URL(fileURLWithPath: store)).areasSummary() }
    let rows = summary.rows(asOf: Day(iso: "2007-06-30")!)
    print(time, rows.count, summary.filesParsed, summary.filesRead, summary.filesFromCache, peakMegabytes(), cpuSeconds())
    exit(0)
}

let given = option("--store")
let numbers = arguments.compactMap(Int.init)
let areaCount = numbers.first ?? 350
let perArea = numbers.dropFirst().first ?? 150
let root = given.map { URL(fileURLWithPath: $0).standardizedFileURL }
    ?? FileManager.default.temporaryDirectory.appendingPathComponent("pathfinder-bench-\(getpid())")
defer { if given == nil { try? FileManager.default.removeItem(at: root) } }

let sampleManifest = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../PathfinderCLI/Resources/sample-areas/pathfinder.yaml").standardizedFileURL, encoding: .utf8)
if !FileManager.default.fileExists(atPath: root.appendingPathComponent("pathfinder.yaml").path) {
    let generate = try seconds { try LargeStore.generate(at: root, manifest: sampleManifest, areas: areaCount, actionsPerArea: perArea, progressEntries: 10) }
    print("generated \(areaCount * perArea) actions in \(String(format: "%.1f", generate)) s")
} else {
    print("reusing the store in \(root.path)")
}

/// Runs this program again with child arguments; its one line of numbers, and its wall time.
@MainActor func child(_ args: [String]) throws -> (numbers: [Double], wall: Double) {
    // Spawned and waited for as the Taskwarrior comparison does (Process polls for the exit).
    let (wall, _, output) = try TaskwarriorComparison.time(URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path, args)
    return (String(decoding: output, as: UTF8.self).split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }, wall)
}

// The cold load, in a process of its own: its time and its peak memory.
let cold = try child(["--load-only", root.path]).numbers
print("cold load:        \(ms(cold[0])) (\(Int(cold[1])) actions, \(Int(cold[2])) errors, \(Int(cold[3])) warnings); " +
      "peak memory \(Int(cold[4])) MB; CPU \(ms(cold[5])) for the whole process")

// The areas summary from the summary cache, each run a fresh process as `pathfinder` is.
let cachePath = root.appendingPathComponent(PlainFileStore.summaryCachePath).path
try? FileManager.default.removeItem(atPath: cachePath)
@MainActor func summaryLine(_ label: String, _ runs: Int = 1) throws {
    var times: [Double] = []
    var walls: [Double] = []
    var cpus: [Double] = []
    var last: [Double] = []
    for _ in 0..<runs {
        let (numbers, wall) = try child(["--summary-only", root.path])
        times.append(numbers[0])
        walls.append(wall)
        cpus.append(numbers[6])
        last = numbers
    }
    let time = times.sorted()[times.count / 2], wall = walls.sorted()[walls.count / 2], cpu = cpus.sorted()[cpus.count / 2]
    print("\(label)\(ms(time)) (whole process \(ms(wall)), CPU \(ms(cpu))\(runs > 1 ? ", median of \(runs)" : "")); " +
          "\(Int(last[2])) files parsed, \(Int(last[3]) - Int(last[2])) checked by content, \(Int(last[4])) from the cache; peak memory \(Int(last[5])) MB")
}
try summaryLine("summary, no cache: ")
try summaryLine("summary, warm:     ", 5)

// 1% of the action files changed behind the cache's back (a status edited), then the summary.
var rng = SystemRandomNumberGenerator()
let actionFiles = (0..<areaCount).flatMap { a in (0..<perArea).map { n in "areas/area-\(a)/actions/\(LargeStore.code(a))-\(String(format: "%03d", n)).md" } }
let statuses = ["not-started", "in-progress", "blocked", "done", "dropped"]
for relative in actionFiles.shuffled(using: &rng).prefix(max(1, actionFiles.count / 100)) {
    let url = root.appendingPathComponent(relative)
    let text = try String(contentsOf: url, encoding: .utf8)
    let edited = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.hasPrefix("status: ") ? "status: \(statuses.randomElement(using: &rng)!)" : String(line)
    }.joined(separator: "\n")
    try edited.write(to: url, atomically: false, encoding: .utf8)
}
try summaryLine("summary, 1% changed: ")

// Everything else works on a full load in this process.
let store = PlainFileStore(root: root)
var result: LoadResult!
let load = try seconds { result = try store.load() }
let p = result.partnership
let asOf = Day(iso: "2007-06-30")!
let cached = try store.areasSummary()
print("summary from the cache equals a full load's: \(cached.rows(asOf: asOf) == p.summaries(asOf: asOf) && cached.errors == result.errors ? "yes" : "NO")")
var overdue = 0
let list = seconds { overdue = p.actions.filter { $0.isOverdue(asOf: asOf, catalogue: p.catalogue) }.count }
print("list overdue:     \(ms(list)) (\(overdue) overdue, from loaded data)")
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
print("first screen:     \(ms(load + first)) including a full load (\(ms(first)) to draw)")
/// CPU time of this thread: a key's own work, without the waits for a core a busy machine adds.
func threadCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
@MainActor func keys(_ label: String, _ events: [Event]) {
    var samples: [Double] = []
    var cpu: [Double] = []
    for event in events {
        let before = threadCPUSeconds()
        samples.append(seconds { state = update(state, event).0; _ = frame(state) })
        cpu.append(threadCPUSeconds() - before)
    }
    print("\(label) \(percentiles(samples)); CPU median \(ms(cpu.sorted()[cpu.count / 2]))")
}
state = update(state, .key(.enter)).0  // an area
state = update(state, .key(.enter)).0  // its action plan
keys("move in plan:    ", Array(repeating: .key(.down), count: 100))
keys("open action:     ", (0..<50).flatMap { _ in [Event.key(.enter), .key(.escape)] })
keys("type in filter:  ", [.key(.character("f"))] + "review".map { .key(.character($0)) } + [.key(.escape)])
// The same with the store's problems listed, as the app has them (here the generated store's
// warnings): the plan's layout and the status line count them. Then back as before, so the
// figures below compare with earlier runs.
state.problems = result.problems
keys("move in plan, \(result.problems.count) problems listed:", Array(repeating: .key(.down), count: 100))
state.problems = []
// The timeline of the area's plan: `t` to its first frame (then back, not timed), and keys on it.
var timelineOpens: [Double] = []
for _ in 0..<30 {
    timelineOpens.append(seconds { state = update(state, .key(.character("t"))).0; _ = frame(state) })
    state = update(state, .key(.escape)).0
}
print("open timeline:    key to screen \(percentiles(timelineOpens))")
state = update(state, .key(.character("t"))).0
keys("keys in timeline: ", Array(repeating: Event.key(.down), count: 40) + Array(repeating: .key(.right), count: 10)
    + [.key(.character("+")), .key(.character("-")), .key(.character("t")), .key(.character("t"))])
state = update(state, .key(.escape)).0
// RAG over time for the whole store, as the screens have it worked out on another thread: the
// first time (notes, meetings, git if any; written to the cache), then from the cache.
let ragCache = RAGHistoryCache(root: store.root)
try? FileManager.default.removeItem(at: store.root.appendingPathComponent(RAGHistoryCache.path))
var ragMonths = 0
let ragCold = seconds { ragMonths = ragCache.history(p, asOf: asOf, filesKey: store.filesKey).table.store.count }
let ragWarm = seconds { _ = ragCache.history(p, asOf: asOf, filesKey: store.filesKey) }
print("RAG over time:    \(ms(ragCold)) worked out in the background (\(ragMonths) months, cached); \(ms(ragWarm)) from the cache")
// `/` builds the screens' search index (once, until the store changes), then typing searches it.
keys("open search (/): ", [.key(.character("/"))])
keys("search (typing): ", "commissioning".map { .key(.character($0)) })
// The same with the store's search words, as the screens have them once read (issue 14): the
// actions they cover are found from the words, the rest (changed since) by scanning.
// A program trusts only words files it wrote itself (a new build may fold differently), so
// they are made here first, as `pathfinder search` makes them (not timed).
_ = try store.indexedSearch("commissioning", limitPerKind: 200)
let words = store.searchWords(for: p)
state = update(state, .key(.escape)).0
state = update(state, .key(.escape)).0
state = update(state, .searchWordsRead(words)).0
keys("open search (/): ", [.key(.character("/"))])
print("search words:     cover \(words.count) of \(p.actions.count) actions (the rest changed since the words were made, or none made)")
keys("search, words:   ", "commissioning".map { .key(.character($0)) })
// What the screens hold once searched: the partnership, the store's bookkeeping and the search
// index (this process also keeps the load's problems and the cached summary, a few MB).
let searched = residentMegabytes()
_ = mallocTrim(0)
print("screens' memory:  resident \(searched) MB after searching (partnership, store, search index); \(residentMegabytes()) MB after malloc_trim")
let edits = EditBenchmark.statusChanges(store: store, partnership: p, asOf: asOf)
print("status change:    key to saved and redrawn \(percentiles(edits.commit)); opening the picker \(percentiles(edits.openPicker))")
print("peak memory:      \(Int(cold[4])) MB for a full load alone; \(peakMegabytes()) MB for this whole benchmark (load, screens, search)")
