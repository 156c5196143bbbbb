import Foundation
import PathfinderModel
import PathfinderStore
import Testing
@testable import PathfinderTUI

/// Funding agreements made and edited on the screens (issue 12): `a` on the register and on an
/// organisation's page, `e` on an agreement, the Compact check under the fields as the form is
/// filled, saved and merged like every record; the agreement page and the reading prompt at
/// 80x24 and 40x12.
@Suite struct FundingAgreementFormTests {
    func state(_ pages: [Page], width: Int = 80, height: Int = 24) -> AppState {
        var s = AppState(partnership: SampleStoreScreenTests.partnership, asOf: SampleStoreScreenTests.partnership.asOf!,
                         storeLabel: "sample-areas", width: width, height: height, pages: pages, today: EditingTests.today)
        s.edits.userName = "Zoë Ahmed"
        return s
    }

    func form(_ s: AppState) -> FundingAgreementForm? {
        if case let .form(.fundingAgreement(form)) = s.page { return form }
        return nil
    }

    /// Tab from the title to a field, in the form's order.
    func tab(_ s: AppState, to field: FundingAgreementField) -> AppState {
        (0..<FundingAgreementField.allCases.firstIndex(of: field)!).reduce(s) { s, _ in update(s, .key(.tab)).0 }
    }

    @Test func aOnTheRegisterMakesANewAgreementCheckedAsItIsFilled() throws {
        let register: [Page] = [.areas(AreasPage()), .funding(FundingPage())]
        var s = state(register).after(.character("a"))
        let new = try #require(form(s), "no form: \(s.page)")
        #expect(new.heading == "New funding agreement")
        #expect(render(state(register)).text.contains("a new agreement"), "the register's footer names the key")
        assertScreen(render(s), golden: "agreement-form-80x24")
        assertScreen(render(state(register, width: 40, height: 12).after(.character("a"))), golden: "agreement-form-40x12")

        s = s.typing("Portsmouth advice grant").after(.tab).typing("Portsmouth City Council").after(.tab).typing("Citizens Advice Bureau (Portsmouth)")
        // A term under three years: a warning under the term, and the reason asked for.
        s = s.after(.tab, .tab, .tab, .tab, .tab).typing("1").after(.tab)
        var text = render(s).text
        #expect(text.contains("! 1-year term, under the Government's"), "\(text)")
        #expect(text.contains("! asked for: why the term is under"))
        assertScreen(render(s), golden: "agreement-form-short-term-80x24")
        s = s.typing("a pilot year before the full service").after(.tab)
        text = render(s).text
        #expect(!text.contains("! asked for: why the term"))
        #expect(form(s)?.draft.termYears == 1 && form(s)?.draft.termReason == "a pilot year before the full service")

        // The organisation typed by its name is linked by its id.
        #expect(form(s)?.draft.organisation == "citizens-advice-bureau-portsmouth")
        let (saved, effects) = update(s, .key(.control("s")))
        let made = try #require(saved.partnership.fundingAgreement("portsmouth-advice-grant"))
        #expect(effects == [.save(.fundingAgreement(made))])
        #expect(made.funder == "Portsmouth City Council" && made.termYears == 1)
        #expect(saved.message?.text.hasPrefix("New funding agreement “Portsmouth advice grant” added: ") == true)
        #expect(saved.page == .funding(FundingPage()))
        #expect(FundingPage.rows(saved).contains { $0.id == "portsmouth-advice-grant" })
        // Undo takes it off the register and out of the store (to the trash).
        let (undone, undoEffects) = update(saved, .key(.character("u")))
        #expect(undone.partnership.fundingAgreement("portsmouth-advice-grant") == nil)
        #expect(undoEffects == [.trash(.fundingAgreement(made))])
    }

    @Test func whatIsNotStatedIsSaidOnlyWhereTheFocusIs() throws {
        var s = state([.areas(AreasPage()), .funding(FundingPage())]).after(.character("a")).typing("Grant")
        #expect(!render(s).text.contains("not stated"), "a new form is not filled with notes")
        s = tab(s, to: .noticeMonths)
        #expect(render(s).text.contains("? notice not stated"))
        s = s.typing("3").after(.tab)
        #expect(render(s).text.contains("✓ 3 months' notice meets the Compact's 3 months"))
    }

    @Test func eOnAnAgreementEditsItAndAChangeMadeMeanwhileIsMerged() throws {
        let pages: [Page] = [.areas(AreasPage()), .funding(FundingPage()), .fundingAgreement("tower-hamlets-one-year-grants")]
        assertScreen(render(state(pages, width: 40, height: 12)), golden: "sample-funding-agreement-40x12")
        #expect(render(state(pages)).text.contains("e edit"))
        var s = state(pages).after(.character("e"))
        let opened = try #require(form(s), "no form: \(s.page)")
        #expect(opened.heading == "Edit One-year grants to third sector organisations (illustration)")
        // Meanwhile a colleague's change to another field is read in.
        var theirs = try #require(s.partnership.fundingAgreement("tower-hamlets-one-year-grants"))
        theirs.riskSharing = "grants reviewed with each organisation at mid-year"
        s.place(.fundingAgreement(theirs))
        s = tab(s, to: .noticeMonths).after(.control("u")).typing("3").after(.tab)
        let (saved, effects) = update(s, .key(.control("s")))
        let merged = try #require(saved.partnership.fundingAgreement("tower-hamlets-one-year-grants"))
        #expect(merged.noticeMonths == 3 && merged.riskSharing == theirs.riskSharing)
        #expect(effects == [.save(.fundingAgreement(merged))])
        #expect(saved.message?.text.contains("Notice (months)") == true)
        #expect(saved.message?.text.contains("merged with a change made meanwhile") == true)
    }

    @Test func aOnAnOrganisationsPageMakesAnAgreementFundingIt() throws {
        let page: [Page] = [.areas(AreasPage()), .organisations(OrganisationsPage()), .organisation("citizens-advice-bureau-portsmouth")]
        let new = try #require(form(state(page).after(.character("a"))), "no form")
        #expect(new.draft.organisation == "citizens-advice-bureau-portsmouth")
        #expect(new.draft.area == "portsmouth", "its one area")
        #expect(render(state(page, width: 100)).text.contains("a new agreement"))
    }

    @Test func anAgreementNamingAnActionNotInTheStoreIsRefused() throws {
        var s = state([.areas(AreasPage()), .funding(FundingPage())]).after(.character("a")).typing("Grant")
        s = s.after(.control("s"))
        #expect(form(s) == nil, "title alone is enough to save")
        var bad = state([.areas(AreasPage()), .funding(FundingPage())]).after(.character("a")).typing("Grant")
        guard case var .form(.fundingAgreement(f)) = bad.page else { Issue.record("no form"); return }
        try f.spec.setChosen(.actions, ["ZZ-99"], on: &f.draft)
        bad.page = .form(.fundingAgreement(f))
        bad = bad.after(.control("s"))
        #expect(form(bad)?.problems[.actions] == "there is no action “ZZ-99”")
    }

    @Test func theReadingPromptFitsAt80x24And40x12() {
        assertScreen(render(state([.areas(AreasPage()), .action("NO-06")]).after(.character("i"))), golden: "reading-prompt-80x24")
        assertScreen(render(state([.areas(AreasPage()), .action("NO-06")], width: 40, height: 12).after(.character("i"))),
                     golden: "reading-prompt-40x12")
    }
}
