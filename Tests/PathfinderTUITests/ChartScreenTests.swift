import Foundation
import PathfinderModel
import PathfinderStore
import Testing
@testable import PathfinderTUI

/// The timeline and RAG over time, drawn from the sample store (as of 2006-12-15) at 80x24,
/// 120x40 and 40x12, in colour (the default theme at 256 colours) and under NO_COLOR (the same
/// theme with no colour): each golden holds the text and a map of the styles, so both the
/// shapes and the colours are checked.
@Suite struct ChartScreenTests {
    static let partnership = SampleStoreScreenTests.partnership
    static let history = RAGHistory.byArea(partnership, asOf: partnership.asOf!)
    static let sizes = [(80, 24), (120, 40), (40, 12)]
    static let themes: [(String, Theme)] = [("colour", .builtInDefault), ("nocolor", Theme.builtInDefault.downgraded(to: .none))]

    func state(_ pages: [Page], width: Int = 80, height: Int = 24, theme: Theme = .builtInDefault) -> AppState {
        var s = AppState(partnership: Self.partnership, asOf: Self.partnership.asOf!, storeLabel: "sample-areas",
                         width: width, height: height, theme: theme, pages: pages)
        s.ragHistory = Self.history
        return s
    }

    static let planPages: [Page] = [.areas(AreasPage()), .area("portsmouth"), .actionPlan(ActionPlanPage(area: "portsmouth"))]

    @Test func timelineGoldens() {
        for (width, height) in Self.sizes {
            for (name, theme) in Self.themes {
                let s = state(Self.planPages, width: width, height: height, theme: theme).after(.character("t"))
                guard case .timeline = s.page else { Issue.record("t did not open the timeline: \(s.page)"); return }
                assertStyledScreen(render(s), golden: "timeline-portsmouth-\(width)x\(height)-\(name)")
            }
        }
    }

    /// The as-of marker never lands in a month's name ("D▼c" at 80x24 before): at every zoom,
    /// many widths and as-of days, no name covers the marker's column, and a name it moves
    /// stays in order with the others.
    @Test func theAsOfMarkerKeepsTheScaleReadable() {
        let asOf = Day(iso: "2006-12-15")!
        for zoom in TimelineZoom.allCases {
            for columns in stride(from: 8, through: 170, by: 3) {
                for shift in stride(from: -40, through: 40, by: 3) {
                    let scale = TimelineScale.around(asOf.adding(days: shift), zoom: zoom, columns: columns)
                    let marker = scale.column(of: asOf)
                    let labels = TimelinePage.axisLabels(scale, weekly: zoom == .month, marker: marker)
                    #expect(!labels.contains { $0.column <= marker && marker < $0.column + DisplayWidth.of($0.text) },
                            "\(zoom) \(columns) \(shift): \(labels)")
                    let ends = labels.map { ($0.column, $0.column + DisplayWidth.of($0.text)) }
                    #expect(zip(ends, ends.dropFirst()).allSatisfy { $0.1 <= $1.0 }, "\(zoom) \(columns) \(shift): overlap \(labels)")
                    #expect(ends.allSatisfy { $0.1 <= columns })
                }
            }
        }
        // At 80x24 December keeps its letter before the marker rather than being split by it.
        let s = state(Self.planPages).after(.character("t"))
        let axis = render(s).lines[2]
        #expect(!axis.contains("D▼c") && axis.contains("▼"), "\(axis)")
    }

    @Test func ragHistoryGoldens() {
        for (width, height) in Self.sizes {
            for (name, theme) in Self.themes {
                let s = state([.areas(AreasPage()), .area("portsmouth")], width: width, height: height, theme: theme).after(.character("c"))
                guard case .ragHistory = s.page else { Issue.record("c did not open RAG over time: \(s.page)"); return }
                assertStyledScreen(render(s), golden: "rag-history-portsmouth-\(width)x\(height)-\(name)")
            }
        }
    }

    /// Without colour the marks still differ by shape: red, overdue and milestones done and to
    /// do each have their own character.
    @Test func shapesCarryTheMeaningWithoutColour() {
        let s = state(Self.planPages, theme: Theme.builtInDefault.downgraded(to: .none)).after(.character("t"))
        let text = render(s).text
        #expect(text.contains("▓"))   // PO-04 is red
        #expect(text.contains("░"))   // and overdue, hatched to the as-of line
        #expect(text.contains("◆") && text.contains("◇"))
        #expect(text.contains("▼"))   // the as-of day on the axis
    }

    @Test func keysZoomPanAndOpen() {
        var s = state(Self.planPages).after(.character("t"))
        guard case let .timeline(first) = s.page else { Issue.record("no timeline"); return }
        #expect(first.zoom == .year)
        s = s.after(.character("+"))
        guard case let .timeline(zoomed) = s.page else { return }
        #expect(zoomed.zoom == .quarter)
        s = s.after(.right)
        guard case let .timeline(panned) = s.page else { return }
        #expect(panned.start == panned.scale(s).start)
        #expect(panned.scale(s).start > first.scale(s).start)
        // The mouse wheel pans too: up goes back in time.
        let before = panned.scale(s).start
        s = update(s, .mouse(.wheelUp(x: 40, y: 10))).0
        guard case let .timeline(wheeled) = s.page else { return }
        #expect(wheeled.scale(s).start < before)
        // `.` goes back to the as-of day; Enter opens the selected action.
        s = s.after(.character("."))
        guard case let .timeline(home) = s.page else { return }
        #expect(home.start == nil)
        let selected = TimelinePage.selectedAction(home, s)?.id
        s = s.after(.enter)
        #expect(s.page == .action(selected ?? "?"))
    }

    /// The timeline takes the plan's sort and filter: the same actions, in the same order.
    @Test func followsThePlansFilter() {
        var plan = ActionPlanPage(area: "portsmouth")
        plan.filter.set("rag:red")
        let s = state([.areas(AreasPage()), .actionPlan(plan)]).after(.character("t"))
        guard case let .timeline(t) = s.page else { Issue.record("no timeline"); return }
        #expect(t.filter == "rag:red")
        let ids = TimelinePage.rows(t, s).compactMap(\.action?.id)
        #expect(!ids.isEmpty)
        #expect(ids.allSatisfy { Self.partnership.action($0)?.rag == .red })
    }

    /// `t` on the timeline gives the numbers behind it, for a screen reader or a copy-paste.
    @Test func textEquivalent() {
        let s = state(Self.planPages, width: 80, height: 60).after(.character("t"), .character("t"))
        let text = render(s).lines.joined(separator: " ").replacingOccurrences(of: "  ", with: " ")
        #expect(text.contains("PO-04 Help small local organisations bid as consortia (Red, Blocked)"))
        #expect(text.contains("2006-06-01 → 2006-11-30 · 15 days late"))
        let all = TimelinePage.textLines(TimelinePage(area: "portsmouth"), s, width: 60).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        #expect(all.contains("PO-05 A third sector procurement strategy"))
        #expect(all.contains("waits on PO-04 · at risk from PO-04"))
        #expect(all.contains("days late · milestones 1/2 done; next: Agreement on how the costs of forming consortia are met 2006-11-30 (missed) · waited on by PO-05"))
    }

    @Test func timelineCommandAndResize() {
        var s = state([.areas(AreasPage())])
        s.overlay = nil
        s = s.after(.character(":")).typing("timeline dorset").after(.enter)
        guard case let .timeline(t) = s.page else { Issue.record("no timeline: \(s.page)"); return }
        #expect(t.area == "dorset")
        // Redrawn at the new size: the chart takes the width it is given.
        let wide = update(s, .resize(width: 120, height: 40)).0
        #expect(render(wide).lines.count == 40)
        #expect(t.scale(wide).columns > t.scale(s).columns)
    }

    /// The plan and the action say what waits on what, and flag a wait on an action at risk.
    @Test func dependenciesOnThePlanAndTheAction() {
        let plan = render(state(Self.planPages, width: 120, height: 40)).text
        #expect(plan.contains("PO-05 «"))
        #expect(plan.contains("← PO-04"))
        let po05 = render(state([.areas(AreasPage()), .action("PO-05")], width: 100, height: 60)).text
        #expect(po05.contains("waits on PO-04"))
        #expect(po05.contains("« red, overdue"))
        let po04 = render(state([.areas(AreasPage()), .action("PO-04")], width: 100, height: 60)).text
        #expect(po04.contains("waited on by PO-05"))
    }

    @Test func areaScreenShowsASmallChart() {
        let text = render(state([.areas(AreasPage()), .area("portsmouth")], width: 80, height: 40)).text
        #expect(text.contains("RAG over time"))
        #expect(text.contains("█ red  ▒ amber  ░ green"))
    }

    @Test func areasListHasARAGBar() {
        let text = render(state([.areas(AreasPage())], width: 100, height: 24)).text
        #expect(text.contains("RAG mix"))
    }

    /// The run loop's answer reaches the state: the screens show the history once it is in.
    @Test func theBackgroundHistoryArrivesAsAnEvent() {
        var s = state([.areas(AreasPage()), .ragHistory(RAGHistoryPage(area: nil))])
        s.ragHistory = nil
        #expect(render(s).text.contains("being worked out"))
        s = update(s, .ragHistoryComputed(Self.history)).0
        #expect(s.ragHistory == Self.history)
        #expect(render(s).text.contains("All areas: RAG over time"))
    }

    @Test func ragHistoryTextIsTheNumbers() {
        let s = state([.areas(AreasPage())]).after(.character("c"), .character("t"))
        let text = render(s).text
        #expect(text.contains("Month       Red  Amber  Green  Total"))
        let last = Self.history.store.last!
        #expect(text.contains(last.label))
    }
}

/// Compares a screen's text and styles with Goldens/NAME.txt: the rows, then a row of style
/// codes per screen row (a letter per cell; `.` for the plain style), then what each code is.
func assertStyledScreen(_ screen: Screen, golden name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    var codes: [Style: Character] = [.plain: "."]
    var legend: [String] = []
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var styleRows: [String] = []
    for y in 0..<screen.height {
        var row = ""
        for x in 0..<screen.width where !screen[x, y].continuation {
            let style = screen[x, y].style
            if codes[style] == nil {
                let code = letters[min(letters.count - 1, codes.count - 1)]
                codes[style] = code
                legend.append("\(code): \(describe(style))")
            }
            row.append(codes[style]!)
        }
        styleRows.append(row)
    }
    var lines = screen.lines
    lines.append("-- styles --")
    lines += styleRows
    lines.append("-- legend --")
    lines += legend
    assertLines(lines, golden: name, sourceLocation: sourceLocation)
}

private func describe(_ s: Style) -> String {
    func color(_ c: Color) -> String {
        switch c {
        case .default: "default"
        case let .ansi(n): "ansi\(n)"
        case let .indexed(n): "i\(n)"
        }
    }
    var parts = ["fg=\(color(s.foreground))", "bg=\(color(s.background))"]
    if s.bold { parts.append("bold") }
    if s.underline { parts.append("underline") }
    if s.reverse { parts.append("reverse") }
    if s.dim { parts.append("dim") }
    return parts.joined(separator: " ")
}

/// `assertScreen` for lines that are not a screen (a styled golden).
func assertLines(_ actual: [String], golden name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let text = Goldens.text(of: actual)
    if Goldens.isRecording {
        do {
            try FileManager.default.createDirectory(at: Goldens.sourceFolder, withIntermediateDirectories: true)
            try text.write(to: Goldens.sourceFolder.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not record golden \(name).txt: \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = Goldens.read(name) else {
        Issue.record("no golden \(name).txt; record it with PATHFINDER_RECORD_GOLDENS=1 swift test", sourceLocation: sourceLocation)
        return
    }
    guard expected != text else { return }
    Issue.record(Comment(rawValue: Goldens.report(expected: Goldens.rows(of: expected), actual: actual,
                                                  title: "differs from Goldens/\(name).txt (PATHFINDER_RECORD_GOLDENS=1 to re-record)")),
                 sourceLocation: sourceLocation)
}
