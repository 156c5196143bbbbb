import Testing
@testable import PathfinderModel

/// The rules the area and case study forms share with anything else that edits them.
@Suite struct AreaAndCaseStudyEditTests {
    let catalogue = Catalogue(themes: [CatalogueEntry(id: "social-clauses", label: "Social clauses"),
                                       CatalogueEntry(id: "volunteering", label: "Volunteering")])
    let portsmouth = Area(id: "portsmouth", name: "Portsmouth", code: "PO", authority: "Portsmouth City Council",
                          keyFigures: [KeyFigure(label: "Population", value: "186,700", source: "Census 2001")],
                          steeringGroup: [SteeringMember(name: "J. Smith", role: "Chair", body: "PCC")],
                          forums: [Forum(name: "Providers network")])
    let towerHamlets = Area(id: "tower-hamlets", name: "Tower Hamlets", code: "TH")

    @Test func slugsAreMadeFromNamesAndChecked() {
        #expect(Slug.make("Tower Hamlets") == "tower-hamlets")
        #expect(Slug.make("  Brighton & Hove!  ") == "brighton-hove")
        #expect(Slug.make("Zoë's Café") == "zoe-s-cafe")
        #expect(Slug.isSlug("tower-hamlets"))
        #expect(!Slug.isSlug("Tower Hamlets"))
        #expect(!Slug.isSlug(""))
        #expect(!Slug.isSlug("-x"))
    }

    @Test func areaFieldsAreSetFromTextWithMessages() throws {
        var a = portsmouth
        try AreaEdit.set(.code, to: " pm ", on: &a)
        #expect(a.code == "PM", "typed small, saved as capitals")
        #expect(throws: RecordProblem(field: AreaField.code, message: "“P1” is not an area code (two or three capital letters, e.g. PO)")) {
            try AreaEdit.set(.code, to: "P1", on: &a)
        }
        #expect(throws: RecordProblem<AreaField>.self) { try AreaEdit.set(.code, to: "PORT", on: &a) }
        #expect(throws: RecordProblem(field: AreaField.name, message: "a name is needed")) { try AreaEdit.set(.name, to: "  ", on: &a) }
        #expect(a.name == "Portsmouth", "a refused value leaves the area as it was")
        try AreaEdit.set(.keyFigures, to: "Population | 190,000 | ONS 2005; Wards | 14", on: &a)
        #expect(a.keyFigures == [KeyFigure(label: "Population", value: "190,000", source: "ONS 2005"), KeyFigure(label: "Wards", value: "14")])
        #expect(AreaField.keyFigures.value(of: a) == "Population | 190,000 | ONS 2005; Wards | 14")
        #expect(throws: RecordProblem(field: AreaField.keyFigures, message: "key figure “Wards” needs a value")) {
            try AreaEdit.set(.keyFigures, to: "Wards", on: &a)
        }
        try AreaEdit.set(.steeringGroup, to: " | Chair | PVA", on: &a)
        #expect(a.steeringGroup == [SteeringMember(name: "", role: "Chair", body: "PVA")])
        #expect(throws: RecordProblem<AreaField>.self) { try AreaEdit.set(.forums, to: "| about nothing", on: &a) }
        try AreaEdit.set(.narrative, to: "Line one\n\nLine two\n", on: &a)
        #expect(a.narrative == "Line one\n\nLine two\n", "long text is kept as written")
    }

    @Test func wholeAreaProblems() {
        #expect(AreaEdit.problems(portsmouth, others: [towerHamlets]).isEmpty)
        var a = portsmouth
        a.name = ""
        a.code = "th"
        #expect(AreaEdit.problems(a, others: [towerHamlets]).map(\.field) == [.name, .code])
        a.name = "Portsmouth"
        a.code = "TH"
        #expect(AreaEdit.problems(a, others: [towerHamlets]).map(\.message) == ["code TH is already used by Tower Hamlets"])
        a.code = "PO"
        a.id = "Port Smouth"
        #expect(AreaEdit.problems(a, others: [towerHamlets]).map(\.field) == [.name])
        var clash = towerHamlets
        clash.code = "TW"
        #expect(AreaEdit.problems(clash, others: [portsmouth, towerHamlets]).map(\.message)
            == ["there is already an area in the folder “tower-hamlets”"])
        a = portsmouth
        a.code = "PM"
        #expect(AreaEdit.problems(a, others: [], lockedCode: "PO").map(\.message) == ["stays PO while the area has actions (their ids start with it)"])
        #expect(AreaEdit.problems(portsmouth, others: [], lockedCode: "PO").isEmpty)
        a = portsmouth
        a.forums.append(Forum(name: " "))
        #expect(AreaEdit.problems(a, others: []).map(\.field) == [.forums])
    }

    @Test func areaChangesAreListedInFormOrder() {
        var a = portsmouth
        a.narrative = "New"
        a.code = "PM"
        a.steeringGroup = []
        let changes = AreaEdit.changes(from: portsmouth, to: a)
        #expect(changes.map(\.field) == [.code, .steeringGroup, .narrative])
        #expect(changes[0] == RecordFieldChange(field: .code, old: "PO", new: "PM"))
        #expect(changes[1].old == "J. Smith | Chair | PCC")
        #expect(AreaEdit.changes(from: portsmouth, to: portsmouth).isEmpty)
    }

    func study() -> CaseStudy {
        CaseStudy(id: "good-neighbours", title: "Good Neighbours", area: "portsmouth", themes: ["volunteering"],
                  organisations: ["Age Concern"], text: "It began…")
    }

    @Test func caseStudyFieldsAreSetFromTextWithMessages() throws {
        var c = study()
        let areas = [portsmouth, towerHamlets]
        try CaseStudyEdit.set(.area, to: "Tower Hamlets", on: &c, areas: areas, catalogue: catalogue)
        #expect(c.area == "tower-hamlets")
        try CaseStudyEdit.set(.area, to: "", on: &c, areas: areas, catalogue: catalogue)
        #expect(c.area == nil)
        #expect(throws: RecordProblem<CaseStudyField>.self) {
            try CaseStudyEdit.set(.area, to: "Wakefield", on: &c, areas: areas, catalogue: catalogue)
        }
        try CaseStudyEdit.set(.themes, to: "Social clauses, volunteering", on: &c, areas: areas, catalogue: catalogue)
        #expect(c.themes == ["social-clauses", "volunteering"])
        #expect(throws: RecordProblem(field: CaseStudyField.themes, message: "unknown theme “sport” (one of: social-clauses, volunteering)")) {
            try CaseStudyEdit.set(.themes, to: "sport", on: &c, areas: areas, catalogue: catalogue)
        }
        try CaseStudyEdit.set(.organisations, to: "Age Concern; PVA", on: &c, areas: areas, catalogue: catalogue)
        #expect(c.organisations == ["Age Concern", "PVA"])
        #expect(throws: RecordProblem(field: CaseStudyField.title, message: "a title is needed")) {
            try CaseStudyEdit.set(.title, to: "", on: &c, areas: areas, catalogue: catalogue)
        }
    }

    @Test func wholeCaseStudyProblems() {
        let areas = [portsmouth]
        let other = CaseStudy(id: "wakefield-compact", title: "Wakefield Compact")
        #expect(CaseStudyEdit.problems(study(), others: [other], areas: areas, catalogue: catalogue).isEmpty)
        var c = study()
        c.title = " "
        c.area = "leeds"
        c.themes = ["sport"]
        #expect(CaseStudyEdit.problems(c, others: [], areas: areas, catalogue: catalogue).map(\.field) == [.title, .area, .themes])
        c = study()
        c.id = "wakefield-compact"
        #expect(CaseStudyEdit.problems(c, others: [other], areas: areas, catalogue: catalogue).map(\.message)
            == ["there is already a case study named “wakefield-compact”"])
        c.id = "Bad Name"
        #expect(CaseStudyEdit.problems(c, others: [other], areas: areas, catalogue: catalogue).map(\.field) == [.title])
        var edited = study()
        edited.text = "Changed"
        edited.place = "Fratton"
        #expect(CaseStudyEdit.changes(from: study(), to: edited).map(\.field) == [.place, .text])
    }
}
