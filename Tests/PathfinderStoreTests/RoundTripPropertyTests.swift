import Foundation
import PathfinderModel
import Testing
@testable import PathfinderStore

/// Generated values written canonically and read back must come back equal, and writing what
/// was read must give the same text again. Text is drawn from `Awkward`: YAML's special
/// characters and words, numbers and dates used as text, Bengali, emoji, accents, control
/// characters, and Markdown lines that look like the body's own headings.
@Suite struct RoundTripPropertyTests {
    static func day(_ rng: inout SeededRandom) -> Day {
        Day(ordinal: Day(year: 2005, month: 1, day: 1)!.ordinal + Int.random(in: 0..<1500, using: &rng))
    }

    static func maybe<T>(_ rng: inout SeededRandom, _ make: (inout SeededRandom) -> T) -> T? {
        Bool.random(using: &rng) ? make(&rng) : nil
    }

    static func list(_ rng: inout SeededRandom, max: Int = 3, _ make: (inout SeededRandom) -> String) -> [String] {
        (0..<Int.random(in: 0...max, using: &rng)).map { _ in make(&rng) }
    }

    static func number(_ rng: inout SeededRandom) -> Double {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: Double(Int.random(in: -5...100, using: &rng))
        case 1: Double(Int.random(in: 0...2_000_000, using: &rng)) / 100
        case 2: Double.random(in: -1e6...1e6, using: &rng)
        default: [0.1, 1e-7, 1e20, 12.5, 0.30000000000000004].randomElement(using: &rng)!
        }
    }

    /// Markdown as the program would hold it: no blank lines at either end.
    static func text(_ rng: inout SeededRandom) -> String {
        Bool.random(using: &rng) ? FileParser.trimBlankLines(Awkward.markdown(&rng)) : ""
    }

    /// A name on one line, as an author in a progress heading is.
    static func oneLine(_ rng: inout SeededRandom) -> String {
        String(Awkward.phrase(&rng).map { $0.isNewline ? " " : $0 }).trimmed(" \t")
    }

    static func nonEmpty(_ rng: inout SeededRandom) -> String {
        let s = Awkward.phrase(&rng)
        return s.isEmpty ? "x" : s
    }

    static func action(_ rng: inout SeededRandom) -> Action {
        let suffix = String((0..<4).map { _ in ActionID.alphabet.randomElement(using: &rng)! })
        return Action(
            id: "PO-" + (suffix.contains(where: \.isLetter) ? suffix : "A" + suffix.dropFirst()), area: "portsmouth",
            title: nonEmpty(&rng), theme: nonEmpty(&rng), successFactors: list(&rng, Awkward.pick),
            lead: nonEmpty(&rng), leadBody: maybe(&rng, Awkward.phrase) ?? "", partners: list(&rng, Awkward.phrase),
            status: nonEmpty(&rng), rag: RAG.allCases.randomElement(using: &rng)!,
            start: maybe(&rng, day), due: maybe(&rng, day),
            milestones: (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                Milestone(title: nonEmpty(&rng), due: maybe(&rng, day), done: Bool.random(using: &rng))
            },
            indicator: maybe(&rng) { rng in
                Indicator(name: nonEmpty(&rng), baseline: number(&rng), target: number(&rng), current: maybe(&rng, number),
                          unit: maybe(&rng, Awkward.pick) ?? "")
            },
            funding: maybe(&rng) { rng in
                Funding(amount: maybe(&rng, number), termYears: maybe(&rng, number), noticeMonths: maybe(&rng, number),
                        fullCostRecovery: maybe(&rng) { Bool.random(using: &$0) })
            },
            caseStudies: list(&rng, Awkward.pick), reviewed: maybe(&rng, day), updated: maybe(&rng, day),
            updatedBy: maybe(&rng, Awkward.phrase) ?? "", source: maybe(&rng, Awkward.phrase) ?? "",
            description: text(&rng),
            progress: ProgressLog((0..<Int.random(in: 0...4, using: &rng)).map { _ in
                ProgressEntry(date: day(&rng), author: oneLine(&rng), text: text(&rng))
            }.sorted { $0.date < $1.date }))   // oldest first, as the format asks
    }

    @Test func generatedActionsComeBackEqual() {
        var rng = SeededRandom(seed: 2006)
        var failures = 0
        for _ in 0..<800 {
            let original = Self.action(&rng)
            let text = StoreText.action(original)
            let (back, problems) = StoreText.parseAction(text, path: "areas/portsmouth/actions/\(original.id).md")
            #expect(problems.isEmpty, "\(problems)\n\(text)")
            #expect(back == original, "did not round-trip:\n\(text)")
            if let back { #expect(StoreText.action(back) == text) }
            if back != original { failures += 1 }
            if failures > 3 { break }   // a few failing cases say enough
        }
    }

    @Test func generatedAreasCaseStudiesAndMeetingsComeBackEqual() {
        var rng = SeededRandom(seed: 1212)
        for n in 0..<300 {
            let figures = (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                KeyFigure(label: Self.nonEmpty(&rng), value: Awkward.phrase(&rng), source: Self.maybe(&rng, Awkward.phrase) ?? "")
            }
            let area = Area(id: "area-\(n)", name: Self.nonEmpty(&rng), code: ["PO", "TH", "CUMB"].randomElement(using: &rng)!,
                            authority: Self.maybe(&rng, Awkward.phrase) ?? "", type: Self.maybe(&rng, Awkward.phrase) ?? "",
                            region: Self.maybe(&rng, Awkward.phrase) ?? "", demography: Self.maybe(&rng, Awkward.phrase) ?? "",
                            keyFigures: figures,
                            steeringGroup: (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                                SteeringMember(name: Self.maybe(&rng, Awkward.phrase) ?? "", role: Self.maybe(&rng, Awkward.phrase) ?? "",
                                               body: Self.maybe(&rng, Awkward.phrase) ?? "")
                            },
                            forums: (0..<Int.random(in: 0...2, using: &rng)).map { _ in
                                Forum(name: Self.nonEmpty(&rng), description: Self.maybe(&rng, Awkward.phrase) ?? "")
                            },
                            source: Self.maybe(&rng, Awkward.phrase) ?? "", narrative: Self.text(&rng))
            let areaText = StoreText.area(area)
            let areaBack = StoreText.parseArea(areaText, path: "areas/area-\(n)/area.md")
            #expect(areaBack.problems.isEmpty && areaBack.area == area, "\(areaBack.problems)\n\(areaText)")

            let study = CaseStudy(id: "study-\(n)", title: Self.nonEmpty(&rng), area: Self.maybe(&rng, Self.nonEmpty),
                                  place: Self.maybe(&rng, Awkward.phrase) ?? "", themes: Self.list(&rng, Awkward.pick),
                                  organisations: Self.list(&rng, Awkward.phrase), keyFigures: figures,
                                  source: Self.maybe(&rng, Awkward.phrase) ?? "", text: Self.text(&rng))
            let studyText = StoreText.caseStudy(study)
            let studyBack = StoreText.parseCaseStudy(studyText, path: "case-studies/study-\(n).md")
            #expect(studyBack.problems.isEmpty && studyBack.caseStudy == study, "\(studyBack.problems)\n\(studyText)")

            let date = Self.day(&rng)
            let meeting = Meeting(id: "portsmouth/\(date.iso)-m\(n)", area: "portsmouth", date: date, title: Self.nonEmpty(&rng),
                                  attendees: Self.list(&rng, Awkward.phrase),
                                  items: (0..<Int.random(in: 0...3, using: &rng)).map { _ in
                                      MeetingItem(action: Self.nonEmpty(&rng), notes: Self.list(&rng, Awkward.phrase),
                                                  decisions: Self.list(&rng, Awkward.phrase), reviewed: Bool.random(using: &rng))
                                  },
                                  changes: (0..<Int.random(in: 0...2, using: &rng)).map { _ in
                                      MeetingChange(action: Self.nonEmpty(&rng), field: Self.nonEmpty(&rng), old: Awkward.phrase(&rng),
                                                    new: Awkward.phrase(&rng))
                                  },
                                  actionsCreated: Self.list(&rng, Awkward.pick), ended: Bool.random(using: &rng), notes: Self.text(&rng))
            let meetingText = StoreText.meeting(meeting)
            let meetingBack = StoreText.parseMeeting(meetingText, path: "areas/portsmouth/meetings/\(date.iso)-m\(n).md")
            #expect(meetingBack.problems.isEmpty && meetingBack.meeting == meeting, "\(meetingBack.problems)\n\(meetingText)")
        }
    }

    @Test func theDefaultManifestAndAnAwkwardOneComeBackEqual() throws {
        let text = DefaultCatalogue.manifest(title: "Our partnership: 2027")
        let (manifest, problems) = StoreText.parseManifest(text)
        #expect(problems.isEmpty)
        #expect(manifest?.title == "Our partnership: 2027")
        #expect(manifest?.catalogue == DefaultCatalogue.catalogue)
        #expect(DefaultCatalogue.catalogue.themes.count == 17)
        #expect(DefaultCatalogue.catalogue.successFactors.count == 9)
        #expect(Set(DefaultCatalogue.catalogue.themes.map(\.group)) == ["Improving commissioning", "Strengthening procurement", "Better accountability"])

        var rng = SeededRandom(seed: 99)
        for _ in 0..<100 {
            func entries(_ rng: inout SeededRandom) -> [CatalogueEntry] {
                (0..<Int.random(in: 0...4, using: &rng)).enumerated().map { i, _ in
                    CatalogueEntry(id: "id-\(i)", label: Self.nonEmpty(&rng), detail: Self.maybe(&rng, Awkward.phrase) ?? "",
                                   group: Self.maybe(&rng, Awkward.phrase) ?? "")
                }
            }
            let catalogue = Catalogue(
                themes: entries(&rng), successFactors: entries(&rng),
                statuses: [StatusEntry(id: "open", label: Self.nonEmpty(&rng), symbol: Awkward.pick(&rng), closed: Bool.random(using: &rng))],
                ragMeanings: [.red: Awkward.phrase(&rng), .green: Awkward.phrase(&rng)],
                fundingRules: FundingRules(minimumTermYears: Self.maybe(&rng, Self.number).map(abs), minimumNoticeMonths: nil,
                                           fullCostRecoveryExpected: Bool.random(using: &rng)))
            let asOf = Self.maybe(&rng, Self.day)
            let written = StoreText.manifest(title: Self.nonEmpty(&rng), asOf: asOf, catalogue: catalogue)
            let back = StoreText.parseManifest(written)
            #expect(back.problems.isEmpty, "\(back.problems)\n\(written)")
            #expect(back.manifest?.catalogue == catalogue, "\(written)")
            #expect(back.manifest?.asOf == asOf)
        }
    }

    @Test func quotingIsOnlyWhereYAMLWouldMisread() {
        #expect(CanonicalYAML.scalar("Head of Strategy") == "Head of Strategy")
        #expect(CanonicalYAML.scalar("রহিম উদ্দিন") == "রহিম উদ্দিন")
        #expect(CanonicalYAML.scalar("Zoë 👍") == "Zoë 👍")
        #expect(CanonicalYAML.scalar("Annex B: Portsmouth") == "\"Annex B: Portsmouth\"")
        #expect(CanonicalYAML.scalar("yes") == "\"yes\"")
        #expect(CanonicalYAML.scalar("123") == "\"123\"")
        #expect(CanonicalYAML.scalar("2006-11-14") == "\"2006-11-14\"")
        #expect(CanonicalYAML.scalar("- dash") == "\"- dash\"")
        #expect(CanonicalYAML.scalar("") == "\"\"")
        #expect(CanonicalYAML.scalar("line\nbreak") == "\"line\\nbreak\"")
        #expect(CanonicalYAML.scalar("a, b", inFlow: true) == "\"a, b\"")
        #expect(CanonicalYAML.scalar("a, b") == "a, b")
    }
}
