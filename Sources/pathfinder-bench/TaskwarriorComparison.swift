import Foundation
import PathfinderModel
import PathfinderStore

/// `pathfinder-bench taskwarrior --store DIR [--areas N] [--per-area M] [--runs R] [--pathfinder PATH] [--task PATH]`
/// (or `--sizes 5000,20000,52500`: a store `DIR-<size>` each, then one table of every size):
/// Pathfinder and Taskwarrior side by side on the same actions (issue 14). Generates the store
/// if DIR has none (10 progress notes an action), imports every action into Taskwarrior in a
/// temporary TASKRC and data folder (never the user's), each progress note an annotation, then
/// times each row's command in both tools in turn, a fresh process each, and prints medians and
/// ratios as a Markdown table. Use release builds of both `pathfinder` and this program.
enum TaskwarriorComparison {
    /// The day the store's overdue is judged on, as in the main benchmark.
    static let asOf = Day(iso: "2007-06-30")!

    struct Row {
        var work: String
        var pathfinder: [String]
        var taskwarrior: [String]
        /// Counts the answer's records (a JSON array), to show both tools answered the same question.
        var counts = false
    }

    /// One row's medians at one size.
    struct Figure {
        var work: String
        var pathfinder: Double
        var taskwarrior: Double
        var pathfinderCPU: Double
        var taskwarriorCPU: Double
        var records: String
    }

    static let usage = "usage: pathfinder-bench taskwarrior --store DIR [--areas N] [--per-area M] [--runs R] [--pathfinder PATH] [--task PATH]\n"
        + "       pathfinder-bench taskwarrior --store DIR --sizes 5000,20000,52500 [--per-area M] [--runs R]   (a store DIR-<size> each)"

    static func run(_ arguments: [String]) throws -> Int32 {
        func value(_ name: String) -> String? {
            guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
            return arguments[i + 1]
        }
        guard let storePath = value("--store") else {
            print(usage)
            return 64
        }
        let runs = value("--runs").flatMap(Int.init) ?? 5
        let here = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let pathfinder = value("--pathfinder") ?? here.appendingPathComponent("pathfinder").path
        let task = value("--task") ?? "/usr/bin/task"
        guard FileManager.default.isExecutableFile(atPath: pathfinder), FileManager.default.isExecutableFile(atPath: task) else {
            print("needs \(pathfinder) (swift build -c release --product pathfinder) and \(task) (apt-get install taskwarrior)")
            return 1
        }
        let perArea = value("--per-area").flatMap(Int.init) ?? 150
        guard let sizes = value("--sizes") else {
            let root = URL(fileURLWithPath: storePath).standardizedFileURL
            _ = try compare(root: root, areas: value("--areas").flatMap(Int.init) ?? 350, perArea: perArea, runs: runs,
                            pathfinder: pathfinder, task: task)
            return 0
        }
        // Issue 14: each figure at several sizes, so a reader sees which work grows with the
        // store. Whole areas of `perArea` actions each: 5,000 asks for 33 areas (4,950 actions).
        var columns: [(actions: Int, figures: [Figure])] = []
        for size in sizes.split(separator: ",").compactMap({ Int($0) }) {
            let areas = max(1, (size + perArea / 2) / perArea)
            let root = URL(fileURLWithPath: "\(storePath)-\(size)").standardizedFileURL
            print("\n## \(areas) areas x \(perArea) actions (\(root.path))")
            fflush(nil) // seen as it goes, even through a pipe (where stdout is block-buffered)
            columns.append((areas * perArea, try compare(root: root, areas: areas, perArea: perArea, runs: runs, pathfinder: pathfinder, task: task)))
        }
        guard let largest = columns.last else { print(usage); return 64 }
        let sizeHeads = columns.map { "\(grouped($0.actions)) actions" }.joined(separator: " | ")
        print("\n| work | \(sizeHeads) | Taskwarrior at \(grouped(largest.actions)) | faster at \(grouped(largest.actions)) |")
        print("|---|" + String(repeating: "---|", count: columns.count + 2))
        for (k, figure) in largest.figures.enumerated() {
            let ours = columns.map { column in
                let f = column.figures[k]
                return "\(ms(f.pathfinder)) (CPU \(ms(f.pathfinderCPU)); Taskwarrior \(ms(f.taskwarrior)))"
            }.joined(separator: " | ")
            print("| \(figure.work)\(figure.records) | \(ours) | \(ms(figure.taskwarrior)) (CPU \(ms(figure.taskwarriorCPU))) | \(String(format: "%.1f", figure.taskwarrior / figure.pathfinder)) |")
        }
        return 0
    }

    static func grouped(_ n: Int) -> String {
        n >= 1000 ? "\(n / 1000),\(String(format: "%03d", n % 1000))" : "\(n)"
    }

    /// One size: the store at `root` (generated when it has none), imported into Taskwarrior,
    /// each row timed in both tools; prints its table and returns its figures.
    static func compare(root: URL, areas: Int, perArea: Int, runs: Int, pathfinder: String, task: String) throws -> [Figure] {
        if !FileManager.default.fileExists(atPath: root.appendingPathComponent("pathfinder.yaml").path) {
            let manifest = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../PathfinderCLI/Resources/sample-areas/pathfinder.yaml").standardizedFileURL, encoding: .utf8)
            try LargeStore.generate(at: root, manifest: manifest, areas: areas, actionsPerArea: perArea, progressEntries: 10)
        }
        let partnership = try PlainFileStore(root: root).load().partnership
        let notes = partnership.actions.map(\.progress.count).reduce(0, +)
        print("\(partnership.actions.count) actions, \(notes) progress notes (\(notes / max(1, partnership.actions.count)) an action), \(runs) runs a row")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pathfinder-taskwarrior-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let taskrc = scratch.appendingPathComponent("taskrc")
        try "data.location=\(data.path)\nconfirmation=off\nverbose=nothing\nbulk=0\njson.array=on\n"
            .write(to: taskrc, atomically: false, encoding: .utf8)
        let environment = ["TASKRC": taskrc.path, "TASKDATA": data.path]

        // Taskwarrior judges overdue against today: every date moves by the days from the
        // store's day to today, so +OVERDUE asks what --overdue --as-of asks.
        let shift = asOf.days(until: Day.today())
        let (importFile, uuids) = try writeImport(partnership, to: scratch, shift: shift)
        let imported = try time(task, ["import", importFile.path], environment: environment)
        print("imported into Taskwarrior \(taskVersion(task)) in \(String(format: "%.1f", imported.seconds)) s")
        fflush(nil) // seen as it goes, even through a pipe (where stdout is block-buffered)

        let area = partnership.areas[partnership.areas.count / 2].id
        let inArea = partnership.actions(inArea: area)
        guard let action = inArea.dropFirst(inArea.count / 2).first else { throw BenchFailure("area \(area) has no actions") }
        let uuid = uuids[action.id]!
        let store = ["--store", root.path, "--as-of", asOf.iso]
        var rows = [
            Row(work: "areas summary (warm cache)", pathfinder: ["list", "areas"] + store, taskwarrior: ["summary"]),
            Row(work: "add a note", pathfinder: ["note", action.id, "Bench note", "--as-user", "bench"] + store,
                taskwarrior: [uuid, "annotate", "Bench note"]),
            Row(work: "edit a field", pathfinder: ["edit", action.id, "rag=red", "--as-user", "bench"] + store,
                taskwarrior: [uuid, "modify", "priority:H"]),
            Row(work: "`show ID` (one action)", pathfinder: ["show", action.id] + store, taskwarrior: [uuid, "info"]),
            Row(work: "`list actions --area A --json`", pathfinder: ["list", "actions", "--area", area, "--json"] + store,
                taskwarrior: ["project:\(area)", "export"], counts: true),
            Row(work: "`list actions --overdue --json`", pathfinder: ["list", "actions", "--overdue", "--json"] + store,
                taskwarrior: ["+OVERDUE", "export"], counts: true),
            // The issue measures the whole store's report against the same export.
            Row(work: "`report --format json` (every area)", pathfinder: ["report", "--format", "json"] + store,
                taskwarrior: ["+OVERDUE", "export"]),
            Row(work: "search a word in every note", pathfinder: ["search", "commissioning"] + store,
                taskwarrior: ["/commissioning/", "count"]),
        ]
        // Once each first: the summary cache is written and Taskwarrior's files are in the page cache.
        for row in rows {
            _ = try time(pathfinder, row.pathfinder)
            _ = try time(task, row.taskwarrior, environment: environment)
        }
        var figures: [Figure] = []
        print("\n| work at \(partnership.actions.count) actions | Pathfinder | Taskwarrior | ratio | times faster | CPU: Pathfinder / Taskwarrior |")
        print("|---|---|---|---|---|---|")
        for i in rows.indices {
            var ours: [Double] = [], theirs: [Double] = [], ourCPU: [Double] = [], theirCPU: [Double] = []
            var ourCount = 0, theirCount = 0
            for r in 0..<runs {
                // The edit alternates, so every run changes something in both tools.
                if rows[i].work == "edit a field" {
                    rows[i].pathfinder[2] = r % 2 == 0 ? "rag=red" : "rag=green"
                    rows[i].taskwarrior[2] = r % 2 == 0 ? "priority:H" : "priority:L"
                }
                let a = try time(pathfinder, rows[i].pathfinder)
                let b = try time(task, rows[i].taskwarrior, environment: environment)
                ours.append(a.seconds)
                theirs.append(b.seconds)
                ourCPU.append(a.cpu)
                theirCPU.append(b.cpu)
                if rows[i].counts { ourCount = records(a.output); theirCount = records(b.output) }
            }
            let p = median(ours), t = median(theirs)
            let counted = rows[i].counts ? " (\(ourCount) / \(theirCount) records)" : ""
            print("| \(rows[i].work)\(counted) | \(ms(p)) | \(ms(t)) | \(String(format: "%.3f", p / t)) | \(String(format: "%.1f", t / p)) | \(ms(median(ourCPU))) / \(ms(median(theirCPU))) |")
            fflush(nil) // seen as it goes, even through a pipe (where stdout is block-buffered)
            figures.append(Figure(work: rows[i].work, pathfinder: p, taskwarrior: t, pathfinderCPU: median(ourCPU), taskwarriorCPU: median(theirCPU),
                                  records: rows[i].counts ? " (\(ourCount) / \(theirCount) records at this size)" : ""))
        }
        print("\n(one action: \(action.id) in \(area); medians of \(runs) fresh processes each, the two tools in turn)")
        return figures
    }

    /// Every action as a Taskwarrior task (JSON array): area as project, closed statuses
    /// completed, RAG red as priority H, progress notes as annotations.
    static func writeImport(_ p: Partnership, to folder: URL, shift: Int) throws -> (URL, [String: String]) {
        func stamp(_ day: Day) -> String { day.adding(days: shift).iso.replacingOccurrences(of: "-", with: "") + "T000000Z" }
        var uuids: [String: String] = [:]
        var tasks: [[String: Any]] = []
        tasks.reserveCapacity(p.actions.count)
        for a in p.actions {
            let uuid = UUID().uuidString.lowercased()
            uuids[a.id] = uuid
            let closed = p.catalogue.status(a.status)?.closed ?? false
            let entry = stamp(a.start ?? a.progress.first?.date ?? asOf.adding(days: -365))
            var task: [String: Any] = ["uuid": uuid, "description": a.title, "project": a.area, "entry": entry,
                                       "status": closed ? "completed" : "pending", "tags": [a.theme]]
            if closed { task["end"] = stamp(a.updated ?? asOf) }
            if let due = a.due { task["due"] = stamp(due) }
            if a.rag == .red { task["priority"] = "H" }
            if !a.progress.isEmpty {
                task["annotations"] = a.progress.map { ["entry": stamp($0.date), "description": "\($0.author): \($0.text)"] }
            }
            tasks.append(task)
        }
        let file = folder.appendingPathComponent("import.json")
        try JSONSerialization.data(withJSONObject: tasks).write(to: file)
        return (file, uuids)
    }

    /// Runs a program to its end, its output kept; the wall time from start to exit.
    /// Also the CPU time the child used (user and system, from the finished children's usage),
    /// which a busy machine does not inflate as it does the wall time.
    static func time(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (seconds: Double, cpu: Double, output: Data) {
        // Started and waited for with posix_spawn and waitpid: Foundation's `Process` here
        // notices a child's exit by polling every 50 ms, which added up to 50 ms to every
        // figure of both tools (a 40 ms `show` measured 90 ms) and pulled the ratios towards 1.
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw BenchFailure("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var output = Data()
        var status: Int32 = 0
        let cpuBefore = childrenCPU()
        let wall = try seconds {
            var pid: pid_t = 0
            let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
            close(fds[1])
            defer { close(fds[0]) }
            guard spawned == 0 else { throw BenchFailure("cannot start \(program): error \(spawned)") }
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
                if n > 0 { output.append(contentsOf: buffer[0..<n]) } else if n == 0 || errno != EINTR { break }
            }
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
        // Exited normally with status 0 (the wait status is the exit code shifted left by 8).
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            throw BenchFailure("\(URL(fileURLWithPath: program).lastPathComponent) \(arguments.prefix(4).joined(separator: " ")) exited with wait status \(status)")
        }
        return (wall, childrenCPU() - cpuBefore, output)
    }

    static func childrenCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Taskwarrior prints a bare array; Pathfinder's JSON is a versioned document (docs/json.md)
    /// whose `actions` (or other list) holds the records.
    static func records(_ output: Data) -> Int {
        let json = try? JSONSerialization.jsonObject(with: output)
        if let list = json as? [Any] { return list.count }
        if let document = json as? [String: Any] {
            if let actions = document["actions"] as? [Any] { return actions.count }
            if let list = document.values.compactMap({ $0 as? [Any] }).max(by: { $0.count < $1.count }) { return list.count }
        }
        return -1
    }

    static func median(_ samples: [Double]) -> Double { samples.sorted()[samples.count / 2] }

    static func taskVersion(_ task: String) -> String {
        (try? time(task, ["--version"])).map { String(decoding: $0.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "?"
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
