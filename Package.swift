// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Pathfinder",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pathfinder", targets: ["pathfinder"]),
        .executable(name: "pathfinder-bench", targets: ["pathfinder-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        // Areas, actions, case studies, meetings, catalogues and queries: pure values, no I/O.
        // Also text measured in terminal columns, wrapped, and dates read and written (Text/, Day).
        .target(name: "PathfinderModel"),
        // The plain-file store: parse, validate, write atomically, detect conflicts.
        .target(name: "PathfinderStore", dependencies: [
            "PathfinderModel",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Application state, update(state, event) -> (state, effects), views into a cell buffer.
        .target(name: "PathfinderTUI", dependencies: ["PathfinderModel"]),
        // ncurses enters here and only here: macros and globals wrapped by a small C shim.
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesTerminal", dependencies: ["CNcurses", "PathfinderModel", "PathfinderTUI"]),
        // Highlight reports, minutes and other reports: values in, text out (terminal, Markdown,
        // HTML, CSV, JSON). No I/O.
        .target(name: "PathfinderReports", dependencies: ["PathfinderModel"]),
        // Spreadsheets and calendars: CSV and .xlsx read into tables for import, .xlsx and .ics
        // written for export. Bytes in, values out (and back); the only user of the zip and CSV packages.
        .target(name: "PathfinderExchange", dependencies: [
            "PathfinderModel",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
        // The command line: subcommands and the run loop that wires store, TUI and terminal.
        .target(name: "PathfinderCLI", dependencies: [
            "PathfinderModel", "PathfinderStore", "PathfinderTUI", "CursesTerminal", "PathfinderReports",
            "PathfinderExchange",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], resources: [.copy("Resources/sample-areas"), .copy("Resources/themes")]),
        .executableTarget(name: "pathfinder", dependencies: ["PathfinderCLI"]),
        .executableTarget(name: "pathfinder-bench", dependencies: [
            "PathfinderModel", "PathfinderStore", "PathfinderTUI", "PathfinderCLI", "PathfinderExchange",
        ]),
        .testTarget(name: "PathfinderModelTests", dependencies: ["PathfinderModel"]),
        .testTarget(name: "PathfinderStoreTests", dependencies: ["PathfinderStore"],
                    resources: [.copy("BrokenCorpus")]),
        .testTarget(name: "PathfinderTUITests", dependencies: ["PathfinderTUI", "PathfinderStore"],
                    resources: [.copy("Goldens")]),
        .testTarget(name: "PathfinderExchangeTests", dependencies: ["PathfinderExchange", "PathfinderStore"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "PathfinderReportsTests", dependencies: ["PathfinderReports", "PathfinderStore"],
                    resources: [.copy("Goldens")]),
        // Depends on the executable so `swift test` builds the binary the end-to-end tests drive.
        .testTarget(name: "PathfinderCLITests", dependencies: ["PathfinderCLI", "pathfinder"]),
    ],
    swiftLanguageModes: [.v6]
)
