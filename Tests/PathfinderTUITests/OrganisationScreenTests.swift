import Foundation
import PathfinderModel
import PathfinderStore
import Testing
@testable import PathfinderTUI

/// The organisations list, an organisation's page, O from an action and the organisation form
/// (issue 12), on the sample store at 80x24 and 40x12, driven by keys through `update`.
@Suite struct OrganisationScreenTests {
    func state(_ pages: [Page], width: Int = 80, height: Int = 24) -> AppState {
        var s = AppState(partnership: SampleStoreScreenTests.partnership, asOf: SampleStoreScreenTests.partnership.asOf!,
                         storeLabel: "sample-areas", width: width, height: height, pages: pages, today: EditingTests.today)
        s.edits.userName = "Zoë Ahmed"
        return s
    }

    func listed(_ s: AppState) -> [String] {
        guard case let .organisations(p) = s.page else { return [] }
        return p.shown(s).map(\.id)
    }

    @Test func oOnTheAreasListOpensEveryOrganisation() {
        let s = state([.areas(AreasPage())]).after(.character("O"))
        #expect(listed(s).count == 58)
        assertScreen(render(s), golden: "organisations-80x24")
        assertScreen(render(state([.areas(AreasPage())], width: 40, height: 12).after(.character("O"))), golden: "organisations-40x12")
        // Help on the areas list names the key.
        #expect(render(state([.areas(AreasPage())]).after(.character("?"))).text.contains("organisations"))
    }

    /// A wide screen gives the kind and the areas what names do not need: nothing is cut at 200.
    @Test func aWideScreenGivesTheKindAndAreasRoom() {
        let text = render(state([.areas(AreasPage())], width: 200, height: 30).after(.character("O"))).text
        #expect(text.contains("Government or public body"), "\(text)")
        #expect(!text.contains("Government or publi…"))
    }

    @Test func theFilterNarrowsAsYouTypeByKindAreaThemeAndWords() {
        var s = state([.areas(AreasPage())]).after(.character("O"), .character("f")).typing("kind:charity")
        #expect(listed(s) == ["community-transport-south-lakeland", "north-cumbria-community-transport", "southern-focus-trust"])
        s = s.typing(" area:portsmouth")
        #expect(listed(s) == ["southern-focus-trust"])
        assertScreen(render(s), golden: "organisations-filtered-80x24")
        // At 40 columns what is typed shows beside "Filter:", the syntax in the heading.
        let narrow = state([.areas(AreasPage())], width: 40, height: 12).after(.character("O"), .character("f")).typing("kind:charity")
        #expect(render(narrow).lines[10].hasPrefix("Filter: kind:charity"))
        assertScreen(render(narrow), golden: "organisations-filtered-40x12")
        s = s.after(.control("u")).typing("theme:accreditation")
        #expect(Set(listed(s)) == ["tower-hamlets-infrastructure-network", "the-alliance-herefordshire", "primary-care-trust-herefordshire"])
        s = s.after(.control("u")).typing("recycling")
        #expect(listed(s).contains("tower-hamlets-community-recycling-consortium"))
        // The sample store's organisations hold no accreditation the report names.
        s = s.after(.control("u")).typing("accredited")
        #expect(listed(s).isEmpty)
        // Esc clears the filter; Enter opens the selected organisation.
        s = s.after(.escape)
        #expect(listed(s).count == 58)
    }

    @Test func anOrganisationsPageListsItsActionsAndCaseStudies() {
        let pages: [Page] = [.areas(AreasPage()), .organisations(OrganisationsPage()), .organisation("the-salvation-army")]
        let s = state(pages)
        let text = render(s).text
        #expect(text.contains("The Salvation Army") && text.contains("Faith group"))
        assertScreen(render(s), golden: "organisation-salvation-army-80x24")
        assertScreen(render(state(pages, width: 40, height: 12)), golden: "organisation-salvation-army-40x12")
        let council = OrganisationDocument.lines(state(pages), "portsmouth-city-council", width: 77).map { $0.spans.map(\.text).joined() }
        #expect(council.contains { $0.contains("PO-01") } && council.contains { $0.contains("Portsmouth Good Neighbours Befriending Scheme") })
        // Tab then Enter follows the first link: its area.
        let followed = s.after(.tab, .enter)
        #expect(followed.page == .area("portsmouth"))
    }

    @Test func oOnAnActionOpensItsOrganisations() {
        // TH-05 names four organisations by id: the list of them.
        let s = state([.areas(AreasPage()), .action("TH-05")]).after(.character("O"))
        #expect(listed(s) == ["tower-hamlets-london-borough-council", "tower-hamlets-community-recycling-consortium",
                              "ealing-community-transport", "veolia"])
        #expect(render(s).lines[0].contains("Organisations of TH-05"))
        // PO-08 names one lead body and no organisation partners: its page at once.
        var one = state([.areas(AreasPage()), .action("PO-08")])
        one.partnership.actions = one.partnership.actions.map { a in
            var a = a
            if a.id == "PO-08" { a.partners = ["Someone not in the store"] }
            return a
        }
        #expect(one.after(.character("O")).page == .organisation("portsmouth-city-council"))
    }

    @Test func aNewOrganisationIsMadeInTheFormAndSavedLikeAnyRecord() {
        var s = state([.areas(AreasPage()), .organisations(OrganisationsPage())]).after(.character("a"))
        guard case let .form(.organisation(form)) = s.page else { Issue.record("no form: \(s.page)"); return }
        #expect(form.heading == "New organisation")
        assertScreen(render(s), golden: "organisation-form-80x24")
        assertScreen(render(state([.areas(AreasPage()), .organisations(OrganisationsPage())], width: 40, height: 12).after(.character("a"))),
                     golden: "organisation-form-40x12")
        s = s.typing("Portsmouth Community Forum")
        let (saved, effects) = update(s, .key(.control("s")))
        let made = Organisation(id: "portsmouth-community-forum", name: "Portsmouth Community Forum", kind: "charity")
        #expect(effects == [.save(.organisation(made))])
        #expect(saved.partnership.organisation("portsmouth-community-forum") == made)
        #expect(saved.message?.text == "New organisation “Portsmouth Community Forum” added")
        // e on its page edits it; the change is merged and saved as any record's.
        var edited = saved.after(.escape)
        edited.push(.organisation("portsmouth-community-forum"))
        edited = edited.after(.character("e"))
        guard case .form(.organisation) = edited.page else { Issue.record("no edit form: \(edited.page)"); return }
        // A name already used gives the same file name: refused beside the field.
        var clash = state([.areas(AreasPage()), .organisations(OrganisationsPage())]).after(.character("a")).typing("Veolia")
        clash = update(clash, .key(.control("s"))).0
        guard case let .form(.organisation(refused)) = clash.page else { Issue.record("the form closed"); return }
        #expect(refused.problems[.name] == "there is already an organisation named “veolia”")
    }
}
