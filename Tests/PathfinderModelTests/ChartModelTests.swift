import PathfinderModel
import Testing

private func day(_ s: String) -> Day { Day(iso: s)! }

@Suite struct DependencyTests {
    func action(_ id: String, due: String? = nil, rag: RAG = .green, status: String = "in-progress", waitsOn: [String] = []) -> Action {
        Action(id: id, area: "portsmouth", title: id, theme: "t", lead: "L", status: status, rag: rag,
               due: due.map(day), dependsOn: waitsOn)
    }

    @Test func cyclesAndDatesAndUnknownIDs() {
        let actions = [action("PO-01", due: "2007-01-31", waitsOn: ["PO-02"]),
                       action("PO-02", due: "2007-03-31", waitsOn: ["PO-03"]),
                       action("PO-03", due: "2007-02-28", waitsOn: ["PO-01", "PO-99"])]
        let problems = Dependencies.problems(actions, known: Set(actions.map(\.id)))
        let messages = problems.map(\.message)
        #expect(messages.contains { $0.contains("circle") && $0.contains("PO-01 → PO-02 → PO-03 → PO-01") })
        #expect(messages.filter { $0.contains("circle") }.count == 1)
        // PO-01 is due before PO-02, which it waits on.
        #expect(problems.contains { $0.action == "PO-01" && $0.item == 0 && $0.message.contains("before PO-02") })
        #expect(problems.contains { $0.action == "PO-03" && $0.item == 1 && $0.message.contains("PO-99") })
        // Reading part of the store, an id elsewhere is not called missing.
        #expect(!Dependencies.problems(actions, known: nil).contains { $0.message.contains("PO-99") })
    }

    @Test func blockersAreOpenRedOrOverdue() {
        let catalogue = Catalogue(statuses: [StatusEntry(id: "in-progress", label: "In progress", symbol: "◐", closed: false),
                                             StatusEntry(id: "done", label: "Done", symbol: "●", closed: true)])
        let waited = action("PO-04", due: "2006-11-30", rag: .amber)
        let waiting = action("PO-05", due: "2007-03-31", waitsOn: ["PO-04"])
        let find = { (id: String) in id == "PO-04" ? waited : nil }
        #expect(Dependencies.blockers(of: waiting, find: find, asOf: day("2006-12-15"), catalogue: catalogue).map(\.id) == ["PO-04"])
        #expect(Dependencies.blockers(of: waiting, find: find, asOf: day("2006-11-01"), catalogue: catalogue).isEmpty)
        var done = waited
        done.status = "done"
        #expect(Dependencies.blockers(of: waiting, find: { _ in done }, asOf: day("2006-12-15"), catalogue: catalogue).isEmpty)
    }

    @Test func agendaKeepsAChainTogether() {
        let byID = ["A": action("A"), "B": action("B"), "C": action("C", waitsOn: ["A"]), "D": action("D", waitsOn: ["C"])]
        #expect(Dependencies.keepingChainsTogether(["A", "B", "C", "D"], actions: byID) == ["A", "C", "D", "B"])
        // An action waiting on one that comes later is moved after it too.
        #expect(Dependencies.keepingChainsTogether(["C", "B", "A"], actions: byID) == ["B", "A", "C"])
        // A cycle loses nothing.
        let loop = ["X": action("X", waitsOn: ["Y"]), "Y": action("Y", waitsOn: ["X"])]
        #expect(Set(Dependencies.keepingChainsTogether(["X", "Y"], actions: loop)) == ["X", "Y"])
    }

    @Test func editingAndMergingTheList() throws {
        var a = action("PO-05")
        try ActionEdit.set(.dependsOn, to: "po-04, PO-03, PO-04", on: &a, catalogue: Catalogue(), today: day("2006-12-15"))
        #expect(a.dependsOn == ["PO-04", "PO-03"])
        #expect(throws: FieldProblem.self) { try ActionEdit.set(.dependsOn, to: "PO-05", on: &a, catalogue: Catalogue(), today: day("2006-12-15")) }
        // Both sides' additions survive a merge, as with any list.
        var mine = a, theirs = a
        mine.dependsOn.append("PO-01")
        theirs.dependsOn.append("PO-02")
        let merged = RecordMerge.merge(base: a, mine: mine, theirs: theirs)
        #expect(Set(merged.merged.dependsOn) == ["PO-04", "PO-03", "PO-01", "PO-02"])
        #expect(merged.conflicts.isEmpty)
    }
}

@Suite struct TimelineModelTests {
    @Test func scaleMapsDaysToColumns() {
        let scale = TimelineScale(start: day("2006-01-01"), days: 100, columns: 50)
        #expect(scale.column(of: day("2006-01-01")) == 0)
        #expect(scale.column(of: day("2006-01-03")) == 1)
        #expect(scale.column(of: day("2005-12-31")) == -1)
        #expect(scale.column(of: scale.end) == 50)
        #expect(scale.ticks(weekly: false).map(\.day) == [day("2006-01-01"), day("2006-02-01"), day("2006-03-01"), day("2006-04-01")])
    }

    @Test func rowMarksOverdueRedAndMilestones() {
        let catalogue = Catalogue(statuses: [StatusEntry(id: "blocked", label: "Blocked", symbol: "■", closed: false)])
        let a = Action(id: "PO-04", area: "p", title: "t", status: "blocked", rag: .red, start: day("2006-06-01"), due: day("2006-11-30"),
                       milestones: [Milestone(title: "a", due: day("2006-09-30"), done: true), Milestone(title: "b", due: day("2006-11-30"))])
        let asOf = day("2006-12-15")
        let bar = TimelineBar(a, asOf: asOf, catalogue: catalogue, dependencies: Dependencies([a]), find: { _ in nil })
        #expect(bar.overdue && bar.daysLate == 15)
        let scale = TimelineScale(start: day("2006-05-01"), days: 300, columns: 60)
        let marks = TimelineMark.row(bar, scale: scale, asOf: asOf)
        #expect(marks[scale.column(of: day("2006-07-01"))] == .redBar)
        #expect(marks[scale.column(of: day("2006-09-30"))] == .milestoneDone)
        #expect(marks[scale.column(of: day("2006-11-30"))] == .milestoneOpen)
        #expect(marks[scale.column(of: asOf)] == .overdueRun)
        #expect(marks[scale.column(of: day("2007-01-31"))] == .empty)
        #expect(bar.summary(asOf: asOf).contains("2006-06-01 → 2006-11-30 · 15 days late"))
    }
}

@Suite struct RAGHistoryTests {
    @Test func notesGiveRatings() {
        #expect(RAGHistory.ratingChange(in: "RAG Amber → Red: no agreement on costs")! == (.amber, .red))
        #expect(RAGHistory.ratingChange(in: "RAG Green -> Amber")! == (.green, .amber))
        #expect(RAGHistory.ratingStated(in: "Amber: the draft depends on PO-04") == .amber)
        #expect(RAGHistory.ratingStated(in: "Not started and now overdue. Red: the steering group needs to agree") == .red)
        #expect(RAGHistory.ratingStated(in: "Overdue: the report slipped. Amber.") == .amber)
        #expect(RAGHistory.ratingStated(in: "Amber because it depends on drivers") == .amber)
        #expect(RAGHistory.ratingStated(in: "Red Cross volunteers joined; Greenwich too") == nil)
    }

    @Test func monthByMonth() {
        let asOf = day("2006-12-15")
        let a = Action(id: "A", area: "x", title: "t", rag: .red, start: day("2006-10-01"),
                       progress: [ProgressEntry(date: day("2006-10-20"), author: "", text: "Green: on track"),
                                  ProgressEntry(date: day("2006-11-10"), author: "", text: "RAG Green → Amber: slipping")])
        let b = Action(id: "B", area: "x", title: "t", rag: .green, start: day("2006-11-15"))
        let observations = RAGHistory.observations(actions: [a, b], meetings: [
            Meeting(id: "x/m", area: "x", date: day("2006-12-05"), title: "m", items: [MeetingItem(action: "A", reviewed: true, rag: .red)]),
        ], asOf: asOf)
        let months = RAGHistory.monthly(actions: [a, b], observations: observations, asOf: asOf)
        #expect(months.map(\.label) == ["2006-10", "2006-11", "2006-12"])
        #expect(months.map(\.green) == [1, 1, 1])   // A green in October; B from November
        #expect(months.map(\.amber) == [0, 1, 0])
        #expect(months.map(\.red) == [0, 0, 1])     // the meeting found A red
    }
}
