import PathfinderModel
@testable import PathfinderReports
@testable import PathfinderStore
import Testing

/// An action's JSON written straight from its index record (`ActionRecord.writeJSON`, issue
/// 14's store-wide `list actions --json`) is `RecordJSON.action`'s, byte for byte: the tree
/// stays the one definition of the shape, and this test fails when the two part.
@Suite struct IndexJSONTests {
    /// Every field set, with text JSON has to escape, empty lists and a note without text.
    static let unusual: Action = {
        let day = Day(iso: "2007-03-31")!
        return Action(id: "PO-99", area: "portsmouth", title: "Tïtle with \"quotes\"\n and é and 🎉 \u{2028}\u{1}", theme: "t",
                      successFactors: ["a", "b\\"], lead: "L\t", leadBody: "B", partners: ["p1", "", "p3"], status: "s", rag: .amber,
                      start: day, due: day.adding(days: 3), milestones: [Milestone(title: "m", due: day, done: true), Milestone(title: "")],
                      indicator: Indicator(name: "i", baseline: 7, target: 12.5, current: nil, unit: "%", direction: .lower, laaTarget: "NI 7",
                                           readings: [IndicatorReading(date: day, value: 9.25, note: "q\"", who: "w"),
                                                      IndicatorReading(date: day.adding(days: 1), value: -1e20, note: "", who: "")]),
                      funding: Funding(amount: 80_000, termYears: nil, noticeMonths: 3.5, fullCostRecovery: false),
                      caseStudies: ["c"], dependsOn: ["PO-01"], reviewed: nil, updated: day, updatedBy: "me", source: "para 2.24",
                      description: "\u{1b}[2J\u{9b}31m\u{85}\r\n", progress: [ProgressEntry(date: day, author: "x", text: ""),
                                                                               ProgressEntry(date: day, author: "y", text: "two\nlines"),
                                                                               ProgressEntry(date: day, author: "", text: "")])
    }()

    static func actions() throws -> [Action] {
        var list = try SampleStore.load().actions + [unusual]
        var bare = Action(id: "XX-01", area: "x", title: "", theme: "")
        list.append(bare)
        bare.funding = Funding(amount: nil, termYears: 1, noticeMonths: nil, fullCostRecovery: true)
        bare.indicator = Indicator(name: "", baseline: 0, target: .infinity, current: .nan, unit: "")
        list.append(bare)
        return list
    }

    /// `value` nested in `depth` arrays, so it is written at that depth.
    static func nested(_ value: JSONValue, _ depth: Int) -> JSONValue {
        (0..<depth).reduce(value) { v, _ in .array([v]) }
    }

    @Test func anActionsJSONFromItsRecordIsRecordJSONs() throws {
        for a in try Self.actions() {
            let record = ActionRecord.encode(a)
            for overdue in [false, true] {
                let tree = RecordJSON.action(a, overdue: overdue)
                for depth in 0...3 {
                    var out: [UInt8] = []
                    let ok = record.withUnsafeBytes { ActionRecord.writeJSON($0, overdue: overdue, depth: depth, into: &out) }
                    #expect(ok, "\(a.id)")
                    // In place, and placed at other depths than it was written for.
                    for placed in 0...3 {
                        let written = Self.nested(.written(out[...], depth: depth), placed).rendered()
                        let expected = Self.nested(tree, placed).rendered()
                        #expect(written == expected, "\(a.id) written at \(depth), placed at \(placed)")
                    }
                }
            }
        }
    }

    /// A list document with the actions' JSON written from records is the one built as a tree.
    @Test func aListDocumentOfWrittenActionsIsTheTreesDocument() throws {
        let actions = try Self.actions()
        let written = actions.map { a -> JSONValue in
            var out: [UInt8] = []
            _ = ActionRecord.encode(a).withUnsafeBytes { ActionRecord.writeJSON($0, overdue: a.rag == .red, depth: PlainFileStore.actionJSONDepth, into: &out) }
            return .written(out[...], depth: PlainFileStore.actionJSONDepth)
        }
        let tree = actions.map { RecordJSON.action($0, overdue: $0.rag == .red) }
        #expect(RecordJSON.document([("as-of", .string("2007-06-30")), ("actions", .array(written))]).renderedBytes()
            == RecordJSON.document([("as-of", .string("2007-06-30")), ("actions", .array(tree))]).renderedBytes())
    }

    /// Cut short anywhere, or with its counts damaged, a record is refused (false), never misread
    /// or read past its end.
    @Test func aDamagedRecordIsRefused() {
        let record = ActionRecord.encode(Self.unusual)
        for n in 0..<record.count {
            var out: [UInt8] = []
            #expect(!record.prefix(n).withUnsafeBytes { ActionRecord.writeJSON($0, overdue: false, depth: 0, into: &out) }, "cut at \(n)")
        }
        for offset in stride(from: 0, to: record.count, by: 5) {
            var damaged = record
            damaged[offset] = 0xFF
            var out: [UInt8] = []
            let ok = damaged.withUnsafeBytes { ActionRecord.writeJSON($0, overdue: false, depth: 0, into: &out) }
            // Where it still reads as a record, it reads as what the decoder makes of it.
            if ok, let decoded = damaged.withUnsafeBytes({ ActionRecord.decode($0) }) {
                #expect(String(decoding: out, as: UTF8.self) + "\n" == RecordJSON.action(decoded, overdue: false).rendered(), "byte \(offset)")
            }
        }
    }
}
