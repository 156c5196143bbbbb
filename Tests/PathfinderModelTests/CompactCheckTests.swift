import Testing
@testable import PathfinderModel

/// One test per funding principle (paras 1.5, 1.8, 3.1, 3.17-3.21), and the rule that a term a
/// record does not state is "not stated", never a pass.
struct CompactCheckTests {
    let rules = FundingRules()

    func finding(_ principle: CompactPrinciple, _ terms: CompactTerms) -> CompactFinding? {
        rules.check(terms).findings.first { $0.principle == principle }
    }

    @Test func threeYearsIsTheGovernmentsStartingPointAndAShorterTermAsksForItsReason() {
        let short = finding(.term, CompactTerms(termYears: 1))!
        #expect(short.verdict == .fallsShort)
        #expect(short.message.contains("Government's 3-year starting point"))
        #expect(short.message.contains("subject to best value and affordability"))
        #expect(!short.message.contains("Compact"))   // three years is not the Compact's (para 1.8)
        let reasoned = finding(.term, CompactTerms(termYears: 1, termReason: "a one-year pilot before the full roll-out"))!
        #expect(reasoned.verdict == .explained)
        #expect(reasoned.message.hasSuffix("because: a one-year pilot before the full roll-out"))
        #expect(finding(.term, CompactTerms(termYears: 3))?.verdict == .meets)
        #expect(finding(.term, CompactTerms())?.verdict == .notStated)
    }

    @Test func threeMonthsNoticeIsTheCompacts() {
        let short = finding(.notice, CompactTerms(noticeMonths: 1))!
        #expect(short.verdict == .fallsShort)
        #expect(short.message == "1 month's notice is under the Compact's 3 months (para 3.18)")
        #expect(finding(.notice, CompactTerms(noticeMonths: 3))?.verdict == .meets)
        #expect(finding(.notice, CompactTerms())?.verdict == .notStated)
    }

    @Test func fullCostRecoveryOrTheOrganisationsRecordedConsciousChoice() {
        #expect(finding(.fullCostRecovery, CompactTerms(fullCostRecovery: .yes))?.verdict == .meets)
        #expect(finding(.fullCostRecovery, CompactTerms(fullCostRecovery: .no))?.verdict == .fallsShort)
        let chosen = finding(.fullCostRecovery, CompactTerms(fullCostRecovery: .consciousChoice,
                                                              costRecoveryReason: "the trustees subsidise it from legacies"))!
        #expect(chosen.verdict == .explained)
        #expect(chosen.message.contains("para 3.21"))
        // A choice without its reason is not recorded as one.
        #expect(finding(.fullCostRecovery, CompactTerms(fullCostRecovery: .consciousChoice))?.verdict == .fallsShort)
        #expect(finding(.fullCostRecovery, CompactTerms())?.verdict == .notStated)
    }

    @Test func monitoringIsProportionateWhenNoMoreOftenThanTheRulesAllow() {
        #expect(finding(.monitoring, CompactTerms(monitoring: "numbers helped", monitoringFrequency: .quarterly))?.verdict == .meets)
        let monthly = finding(.monitoring, CompactTerms(monitoring: "timesheets", monitoringFrequency: .monthly))!
        #expect(monthly.verdict == .fallsShort)
        #expect(monthly.message.contains("4 times a year"))
        #expect(finding(.monitoring, CompactTerms(monitoring: "an annual report"))?.verdict == .notStated)
        #expect(finding(.monitoring, CompactTerms())?.verdict == .notStated)
        let lenient = FundingRules(monitoringAtMostPerYear: 12)
        #expect(lenient.check(CompactTerms(monitoring: "timesheets", monitoringFrequency: .monthly)).findings
            .first { $0.principle == .monitoring }?.verdict == .meets)
    }

    @Test func fairPriceIsStatedOrIsFullCostRecovery() {
        #expect(finding(.fairPrice, CompactTerms(fairPrice: "priced from the organisation's own costing"))?.verdict == .meets)
        // Para 3.1: "fair price or full cost recovery".
        #expect(finding(.fairPrice, CompactTerms(fullCostRecovery: .yes))?.verdict == .meets)
        #expect(finding(.fairPrice, CompactTerms(fullCostRecovery: .no))?.verdict == .notStated)
    }

    @Test func riskIsSharedWhenTheAgreementSaysHow() {
        #expect(finding(.riskSharing, CompactTerms(riskSharing: "volumes reviewed each year; the council bears a fall in demand"))?.verdict == .meets)
        #expect(finding(.riskSharing, CompactTerms(riskSharing: "   "))?.verdict == .notStated)
    }

    @Test func termsNotStatedNeverMeetThePrinciples() {
        // PO-08's shorthand: an amount and a term, no notice, no cost recovery value.
        let po08 = Funding(amount: 80_000, termYears: 3)
        let check = rules.check(po08.terms)
        #expect(!check.keepsAll)
        #expect(check.summary == "not stated: notice, full cost recovery")
        #expect(check.unchecked == [.monitoring, .fairPrice, .riskSharing])
        #expect(!rules.check(CompactTerms()).keepsAll)
    }

    /// An agreement meeting every principle, less one term left unsaid: that principle is "not
    /// stated", the agreement no longer keeps the principles, and the summary names it.
    @Test func eachPrincipleLeftUnsaidIsNotStatedNeverMet() {
        let full = CompactTerms(termYears: 3, noticeMonths: 3, fullCostRecovery: .yes, monitoring: "numbers helped",
                                monitoringFrequency: .quarterly, riskSharing: "volumes reviewed yearly", fairPrice: "own costing")
        #expect(rules.check(full).keepsAll)
        let unsaid: [(CompactPrinciple, (inout CompactTerms) -> Void)] = [
            (.term, { $0.termYears = nil }),
            (.notice, { $0.noticeMonths = nil }),
            (.fullCostRecovery, { $0.fullCostRecovery = nil }),
            (.monitoring, { $0.monitoringFrequency = nil }),
            (.fairPrice, { $0.fairPrice = ""; $0.fullCostRecovery = .consciousChoice; $0.costRecoveryReason = "its choice" }),
            (.riskSharing, { $0.riskSharing = "" }),
        ]
        for (principle, leaveOut) in unsaid {
            var terms = full
            leaveOut(&terms)
            let check = rules.check(terms)
            #expect(check.findings.first { $0.principle == principle }?.verdict == .notStated, "\(principle)")
            #expect(!check.keepsAll, "\(principle) unsaid must not keep the principles")
            #expect(check.summary.contains("not stated: " + principle.label.lowercased()), "\(check.summary)")
        }
    }

    @Test func theLimitsAreInclusiveAndAnythingUnderFallsShort() {
        #expect(finding(.term, CompactTerms(termYears: 2.9))?.verdict == .fallsShort)
        #expect(finding(.term, CompactTerms(termYears: 5))?.verdict == .meets)
        #expect(finding(.notice, CompactTerms(noticeMonths: 2.5))?.verdict == .fallsShort)
        #expect(finding(.notice, CompactTerms(noticeMonths: 6))?.verdict == .meets)
        // Four times a year is the sample's limit: quarterly is proportionate, monthly is not.
        #expect(finding(.monitoring, CompactTerms(monitoring: "a return", monitoringFrequency: .halfYearly))?.verdict == .meets)
        #expect(finding(.monitoring, CompactTerms(monitoring: "a final report", monitoringFrequency: .atTheEnd))?.verdict == .meets)
        #expect(finding(.monitoring, CompactTerms(monitoring: "timesheets", monitoringFrequency: .weekly))?.verdict == .fallsShort)
    }

    @Test func aReasonOfSpacesIsNoReason() {
        #expect(finding(.term, CompactTerms(termYears: 1, termReason: "   "))?.verdict == .fallsShort)
        #expect(finding(.fullCostRecovery, CompactTerms(fullCostRecovery: .consciousChoice, costRecoveryReason: " \t "))?.verdict == .fallsShort)
        #expect(finding(.fairPrice, CompactTerms(fairPrice: "  "))?.verdict == .notStated)
        #expect(finding(.riskSharing, CompactTerms())?.verdict == .notStated)
    }

    /// Three years is the Government's (paras 1.5, 1.8, 3.17), the rest the Compact's (3.1, 3.18-3.21).
    @Test func eachPrincipleCitesWhoSetsIt() {
        #expect(CompactPrinciple.term.authority.hasPrefix("the Government's guidance"))
        for principle in CompactPrinciple.allCases where principle != .term {
            #expect(principle.authority.hasPrefix("the Compact"), "\(principle)")
        }
    }

    @Test func anActionsShorthandMeetsOnlyThePrinciplesItCanState() {
        let check = rules.check(Funding(amount: 80_000, termYears: 3, noticeMonths: 3, fullCostRecovery: true).terms)
        #expect(check.keepsAll)
        #expect(check.summary == "meets the principles its terms state (term, notice, full cost recovery)")
    }

    @Test func anAgreementStatingEveryTermMeetsThePrinciples() {
        let agreement = FundingAgreement(id: "x", title: "x", termYears: 3, noticeMonths: 3, fullCostRecovery: .yes,
                                         monitoring: "numbers helped", monitoringFrequency: .quarterly,
                                         riskSharing: "reviewed yearly")
        let check = rules.check(agreement.terms)
        #expect(check.keepsAll)
        #expect(check.summary == "meets the funding principles")
    }

    @Test func aRuleLeftOutOfTheManifestIsNotChecked() {
        let check = FundingRules.none.check(Funding(termYears: 1, noticeMonths: 1, fullCostRecovery: false).terms)
        #expect(check.findings.isEmpty)
        #expect(check.summary == "no funding rules set in the manifest")
    }

    @Test func theNoticeDateIsTheEndLessTheNotice() {
        let a = FundingAgreement(id: "x", title: "x", start: Day(iso: "2006-04-01"), termYears: 3, noticeMonths: 3)
        #expect(a.end == Day(iso: "2009-03-31"))
        #expect(a.noticeDate == Day(iso: "2008-12-31"))
        #expect(a.noticeFalls(within: 90, of: Day(iso: "2008-10-10")!))
        #expect(!a.noticeFalls(within: 90, of: Day(iso: "2008-09-01")!))
        #expect(!a.noticeFalls(within: 90, of: Day(iso: "2009-01-01")!))   // past: too late to list as coming
        #expect(FundingAgreement(id: "y", title: "y", start: Day(iso: "2006-04-01"), termYears: 3).noticeDate == nil)
    }
}
