import PathfinderModel

/// The catalogues `pathfinder init` writes into a new store's manifest: the themes of chapters
/// 2-4 of the 2006 pathfinder report, its nine critical success factors (para 5.2), the five
/// statuses, what red, amber and green mean, and the Compact funding principles (paras 3.1,
/// 3.17-3.21). A starting point any partnership can edit; ids match the sample store's.
public enum DefaultCatalogue {
    public static let catalogue = Catalogue(
        themes: themes, successFactors: successFactors, statuses: Catalogue.defaultStatuses,
        ragMeanings: [
            .red: "Off track: needs a decision by the steering group",
            .amber: "At risk: slipping, but the lead has a plan",
            .green: "On track",
        ],
        fundingRules: FundingRules())

    /// The manifest of a new store, written canonically.
    public static func manifest(title: String, asOf: Day? = nil) -> String {
        CanonicalFields.manifest(title: title, asOf: asOf, catalogue: catalogue)
    }

    public static let themes: [CatalogueEntry] = [
        CatalogueEntry(id: "third-sector-involvement", label: "Third sector involvement",
                       detail: "Involving the third sector at the commissioning stage, through early supplier involvement and open forums, as procurement rules allow (paras 2.3-2.5)",
                       group: "Improving commissioning"),
        CatalogueEntry(id: "valuing-social-enterprise", label: "Valuing social enterprise",
                       detail: "Making sure social enterprise does not fall between the council's voluntary sector team and its support for small businesses (paras 2.6-2.8 and the Nottingham box)",
                       group: "Improving commissioning"),
        CatalogueEntry(id: "ensuring-dialogue", label: "Ensuring dialogue",
                       detail: "A regular, constructive dialogue with the sector, \"hard-wired\" into the working relationship through a corporate approach and forums (paras 2.9-2.17)",
                       group: "Improving commissioning"),
        CatalogueEntry(id: "developing-market-intelligence", label: "Developing market intelligence",
                       detail: "Sharing knowledge of local need, how a market could develop and how the supplier base could adapt (paras 2.18-2.20)",
                       group: "Improving commissioning"),
        CatalogueEntry(id: "market-development", label: "Market development",
                       detail: "Developing supplier diversity through seed funding and capacity building, without giving any one organisation an advantage for a specific contract (paras 2.21-2.24)",
                       group: "Improving commissioning"),
        CatalogueEntry(id: "making-best-use-of-support", label: "Making best use of support",
                       detail: "Co-ordinating the support available to the sector: infrastructure organisations, council grants, Change Up, Futurebuilders, larger third sector organisations (paras 2.25-2.30)",
                       group: "Improving commissioning"),
        CatalogueEntry(id: "procurement-practice", label: "Procurement practice",
                       detail: "Early notice of opportunities, accessible information, standardised documentation focused on outcomes and proportionate monitoring (paras 3.3-3.5)",
                       group: "Strengthening procurement"),
        CatalogueEntry(id: "aggregation", label: "Aggregation",
                       detail: "Weighing the bundling of contracts against the loss of smaller suppliers, and opening sub-contracting and consortium routes (paras 3.6-3.9)",
                       group: "Strengthening procurement"),
        CatalogueEntry(id: "accreditation", label: "Accreditation",
                       detail: "Pre-qualification and approved lists that are proportionate, with help for third sector suppliers to meet them (paras 3.10-3.13)",
                       group: "Strengthening procurement"),
        CatalogueEntry(id: "social-clauses", label: "Social clauses",
                       detail: "Building wider social and environmental outcomes into contracts, by a clause or in the specification itself (paras 3.14-3.16 and the Nottingham box)",
                       group: "Strengthening procurement"),
        CatalogueEntry(id: "stable-and-sustainable-funding", label: "Stable and sustainable funding",
                       detail: "Three-year funding as the starting point, as the Government's guidance asks (paras 1.8, 3.17), and at least three months' notice before the financial year, as the Compact asks (para 3.18)",
                       group: "Strengthening procurement"),
        CatalogueEntry(id: "full-cost-recovery", label: "Full cost recovery",
                       detail: "Meeting a reasonable share of the overhead costs of providing a service; a joint responsibility of council and sector (paras 3.19-3.21)",
                       group: "Strengthening procurement"),
        CatalogueEntry(id: "audit-and-analysis", label: "Audit and analysis",
                       detail: "Understanding the financial transactions between the council and the third sector as a first step (paras 4.2-4.3)",
                       group: "Better accountability"),
        CatalogueEntry(id: "local-area-agreement-targets", label: "Local Area Agreement targets",
                       detail: "Using audits and spend analysis as baselines for targets, and the wish to benchmark against other authorities (paras 4.4-4.5)",
                       group: "Better accountability"),
        CatalogueEntry(id: "measuring-impact", label: "Measuring impact",
                       detail: "Other ways to measure the sector's impact, such as local multipliers, social return on investment and the contribution of volunteers (paras 4.6-4.8)",
                       group: "Better accountability"),
        CatalogueEntry(id: "guidestar", label: "Guidestar",
                       detail: "Guidestar UK's Local Government Intelligence Service: mapping reports, due diligence checks and data export on registered charities (para 4.9)",
                       group: "Better accountability"),
        CatalogueEntry(id: "local-area-profiles", label: "Local area profiles",
                       detail: "The Audit Commission and NAVCA's standard approach to profiling the voluntary and community sector in an area (paras 4.10-4.11)",
                       group: "Better accountability"),
    ]

    public static let successFactors: [CatalogueEntry] = [
        CatalogueEntry(id: "strategic-commitment", label: "Strategic commitment",
                       detail: "Embedded in the Sustainable Community Strategy, Local Area Agreement, Third Sector Strategy, Corporate Procurement Strategy and commissioning plans, and embraced by the statutory partners in the Local Strategic Partnership (para 5.2)"),
        CatalogueEntry(id: "senior-accountability", label: "Senior accountability",
                       detail: "Senior member and official level accountability for delivering the commitments; typically a senior council member and a board level director champion the third sector's interests (para 5.2)"),
        CatalogueEntry(id: "organisational-structures", label: "Organisational structures, training and resources",
                       detail: "A corporate approach to the third sector, with commissioners and procurement officers aware of the sector's potential, especially social enterprises, and of the Compact funding principles (para 5.2)"),
        CatalogueEntry(id: "regular-dialogue", label: "Regular dialogue",
                       detail: "Through Children's Trusts, other partnership structures and provider forums, with arrangements to identify opportunities and emerging markets for the sector (para 5.2)"),
        CatalogueEntry(id: "early-involvement", label: "Early involvement",
                       detail: "Hearing the sector's views on needs and the design of services, and making sure procurement reflects its expertise and closeness to service users (para 5.2)"),
        CatalogueEntry(id: "market-intelligence", label: "Market intelligence",
                       detail: "On the sector's potential, the ways it could contribute and its capacity building needs, including growth into mainstream markets (para 5.2)"),
        CatalogueEntry(id: "commissioning-and-procurement-practice", label: "Improving commissioning and procurement practice",
                       detail: "Corporate procurement strategies and boards, online standardised procedures and documentation, a challenge function and gateway reviews, each a chance to institutionalise the Compact funding principles (para 5.2)"),
        CatalogueEntry(id: "building-capacity", label: "Building capacity",
                       detail: "Grants linked to public sector demand, accreditation schemes, support from Futurebuilders and other agencies, and a Change Up infrastructure plan that takes account of the Community Plan (para 5.2)"),
        CatalogueEntry(id: "management-information-systems", label: "Management information systems",
                       detail: "Baseline information and trend analysis on funding flows to the third sector, and the use of impact measurement tools (para 5.2)"),
    ]
}
