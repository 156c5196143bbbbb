import Testing
@testable import PathfinderModel

/// What every field's text may hold, for every kind of record: one-line fields refuse line
/// breaks and controls, long text takes line breaks, nothing goes past its limit, and no
/// message repeats a long value.
@Suite struct TextRuleTests {
    let catalogue = Catalogue(themes: [CatalogueEntry(id: "social-clauses", label: "Social clauses")],
                              statuses: [StatusEntry(id: "in-progress", label: "In progress", symbol: "◐", closed: false)])
    let areas = [Area(id: "portsmouth", name: "Portsmouth", code: "PO")]
    let today = Day(iso: "2006-12-15")!

    /// Every line break and control a one-line field must refuse.
    static let breaks = ["\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}"]
    static let controls = ["\u{1B}[2J", "\u{07}", "\u{00}", "\u{7F}", "\u{9B}", "\t"]

    /// Sets a field to a text, returning the problem's message or nil.
    func actionProblem(_ field: ActionField, _ text: String) -> String? {
        var a = Action(id: "PO-03", area: "portsmouth", title: "T", lead: "L", status: "in-progress")
        do {
            try ActionEdit.set(field, to: text, on: &a, catalogue: catalogue, today: today)
            return nil
        } catch let problem as FieldProblem {
            return problem.message
        } catch {
            return "\(error)"
        }
    }

    func areaProblem(_ field: AreaField, _ text: String) -> String? {
        var a = areas[0]
        do {
            try AreaEdit.set(field, to: text, on: &a)
            return nil
        } catch let problem as RecordProblem<AreaField> {
            return problem.message
        } catch {
            return "\(error)"
        }
    }

    func studyProblem(_ field: CaseStudyField, _ text: String) -> String? {
        var c = CaseStudy(id: "x", title: "X")
        do {
            try CaseStudyEdit.set(field, to: text, on: &c, areas: areas, catalogue: catalogue)
            return nil
        } catch let problem as RecordProblem<CaseStudyField> {
            return problem.message
        } catch {
            return "\(error)"
        }
    }

    /// Checks one field's rule through the setter that the forms and the command line use.
    func checkRule(_ name: String, _ rule: TextRule, _ problem: (String) -> String?) {
        for text in Self.breaks {
            let message = problem("one\(text)two")
            if rule.multiline, text == "\n" || text == "\r\n" || text == "\r" {
                #expect(message == nil || !(message!.contains("line")), "\(name) refused a line break: \(message ?? "")")
            } else {
                #expect(message != nil && (message!.contains("line") || message!.contains("control") || message!.contains("separator")),
                        "\(name) took \(text.unicodeScalars.map { $0.value })")
            }
        }
        for text in Self.controls where !(rule.multiline && text == "\t") {
            #expect(problem("a\(text)b")?.contains("control character") == true, "\(name) took a control \(text.unicodeScalars.map { $0.value })")
        }
        let long = String(repeating: "x", count: rule.limit + 1)
        let message = problem(long)
        #expect(message?.contains("too long: \(Number.grouped(Double(rule.limit + 1))) characters") == true, "\(name): \(message ?? "nil")")
        #expect((message?.count ?? 0) < 120, "\(name)'s message repeats the value")
        // Bidi controls are text (Arabic and Hebrew need them); they are made inert when shown.
        #expect(problem("\u{202E}abc\u{202C}")?.contains("control") != true, "\(name) refused a bidi control")
    }

    @Test func everyActionFieldHasARuleTheSetterApplies() {
        for field in ActionField.allCases {
            checkRule("action \(field.rawValue)", field.rule) { actionProblem(field, $0) }
        }
        #expect(!ActionField.title.rule.multiline && ActionField.description.rule.multiline)
        #expect(ActionField.allCases.filter(\.rule.multiline) == [.description])
    }

    @Test func everyAreaFieldHasARuleTheSetterApplies() {
        for field in AreaField.allCases {
            checkRule("area \(field.rawValue)", field.rule) { areaProblem(field, $0) }
        }
        #expect(AreaField.allCases.filter(\.rule.multiline) == [.narrative])
    }

    @Test func everyCaseStudyFieldHasARuleTheSetterApplies() {
        for field in CaseStudyField.allCases {
            checkRule("case study \(field.rawValue)", field.rule) { studyProblem(field, $0) }
        }
        #expect(CaseStudyField.allCases.filter(\.rule.multiline) == [.text])
    }

    @Test func notesAndNamesHaveRulesToo() {
        #expect(TextRule.note.problem("First line.\nSecond line.\r\nThird.\tTabbed.") == nil)
        #expect(TextRule.note.problem("Bell\u{07}") != nil)
        #expect(TextRule.author.problem("Ann\nExample") != nil)
        #expect(TextRule.note.problem(String(repeating: "n", count: 20_001))?.contains("20,001") == true)
    }

    @Test func valuesWithinTheRulesAreSetAsTyped() throws {
        var a = Action(id: "PO-03", area: "portsmouth", title: "T", lead: "L", status: "in-progress")
        let title = String(repeating: "Ж", count: 200)
        try ActionEdit.set(.title, to: title, on: &a, catalogue: catalogue, today: today)
        #expect(a.title == title)
        try ActionEdit.set(.description, to: "Line one.\n\nLine two.", on: &a, catalogue: catalogue, today: today)
        #expect(a.description == "Line one.\n\nLine two.")
    }

    @Test func messagesQuoteLongValuesShortened() {
        let huge = String(repeating: "y", count: 102_400)
        #expect(Quote.value("short") == "“short”")
        #expect(Quote.value(huge) == "“" + String(repeating: "y", count: 40) + "… (102,400 characters)”")
        // A value within the limit but not one of the catalogue's still gives a short message.
        let message = actionProblem(.status, String(repeating: "z", count: 100))
        #expect(message?.hasPrefix("unknown status “zzzz") == true && message!.contains("(100 characters)"))
    }

    @Test func aFieldNamedTwiceIsRefusedUnderAnyOfItsNames() {
        #expect(FieldAssignments.duplicateProblem([(ActionField.status, "status"), (.status, "status")]) ==
                "“status” is given twice: give each field once")
        let due = ["due", "due-date", "Due"].compactMap { key in ActionField(key: key).map { ($0, key) } }
        #expect(due.count == 3)
        #expect(FieldAssignments.duplicateProblem([due[0], due[1]]) == "“due” and “due-date” are the same field: give each field once")
        #expect(FieldAssignments.duplicateProblem([(ActionField.status, "status"), (.rag, "rag")]) == nil)
    }

    @Test func theSafeRuleIsTheScreens() {
        #expect(SafeText.line("a\u{1B}]2;x\u{07}b\u{9B}c\u{202E}d\u{2028}e\nf") == "a␛]2;x␇b�c�d␤e␊f")
        #expect(SafeText.lines("a\nb\r\nc\rd") == "a\nb\nc␍d")
    }
}

/// The quick test for plain text agrees with the character-by-character rule on every
/// character near the unsafe ranges.
@Suite struct SafeTextPlainTests {
    @Test func thePlainCheckAgreesWithTheRule() {
        let around: [ClosedRange<UInt32>] = [0...0xFF, 0x2000...0x2080, 0xD7F0...0xD7FF, 0xE000...0xE010, 0x1F600...0x1F610]
        for range in around {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let text = "a" + String(Character(scalar)) + "b"
                let unsafe = SafeText.isUnsafe(scalar)
                #expect(SafeText.isPlain(text, keepingLineFeeds: false) == !unsafe, "U+\(String(v, radix: 16))")
                #expect(SafeText.line(text) == "a" + String(SafeText.safe(Character(scalar))) + "b")
            }
        }
        #expect(SafeText.isPlain("a\nb", keepingLineFeeds: true))
        #expect(!SafeText.isPlain("a\nb", keepingLineFeeds: false))
        #expect(SafeText.lines("plain — text, Ж, শ্রী") == "plain — text, Ж, শ্রী")
    }
}

/// The rule reads eight plain bytes at a time: a refused character is found wherever it falls.
@Suite struct TextRuleScanTests {
    @Test func aRefusedCharacterIsFoundAtEveryPlaceInALongText() {
        for refused in ["\u{1B}", "\u{7F}", "\u{9B}", "\u{2028}", "\u{0B}", "\u{00}"] {
            for at in 0..<40 {
                let text = String(repeating: "a", count: at) + refused + String(repeating: "é b", count: 7)
                #expect(TextRule.line(1_000).problem(text) != nil, "U+\(String(refused.unicodeScalars.first!.value, radix: 16)) at \(at)")
                #expect(TextRule.text(1_000).problem(text) != nil)
            }
        }
        #expect(TextRule.text(1_000).problem(String(repeating: "plain text, line\n", count: 20)) == nil)
        #expect(TextRule.line(1_000).problem(String(repeating: "Zoë Ahmed £80,000 ", count: 20)) == nil)
    }
}
