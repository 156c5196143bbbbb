/// The manifest `pathfinder init` writes: the catalogues of the 2006 pathfinder report (themes of
/// chapters 2-4, the nine critical success factors of para 5.2, the Compact funding principles),
/// as a starting point any partnership can edit.
enum DefaultCatalogue {
    static func manifest(title: String) -> String {
        """
        title: \(CanonicalYAML.scalar(title))
        format: 1
        # as-of: 2006-12-15   # pin the day "overdue" is judged on; leave out to use today
        themes:
        \(themes.map { "  - id: \($0.0)\n    label: \(CanonicalYAML.scalar($0.1))\n    group: \(CanonicalYAML.scalar($0.2))" }.joined(separator: "\n"))
        success-factors:
        \(factors.map { "  - id: \($0.0)\n    label: \(CanonicalYAML.scalar($0.1))" }.joined(separator: "\n"))
        statuses:
          - id: not-started
            label: Not started
            symbol: "○"
            closed: false
          - id: in-progress
            label: In progress
            symbol: "◐"
            closed: false
          - id: blocked
            label: Blocked
            symbol: "■"
            closed: false
          - id: done
            label: Done
            symbol: "●"
            closed: true
          - id: dropped
            label: Dropped
            symbol: "×"
            closed: true
        rag:
          red: "Off track: needs a decision by the steering group"
          amber: "At risk: slipping, but the lead has a plan"
          green: On track
        funding-rules:
          minimum-term-years: 3
          minimum-notice-months: 3
          full-cost-recovery: true

        """
    }

    static let themes: [(String, String, String)] = [
        ("third-sector-involvement", "Third sector involvement", "Improving commissioning"),
        ("valuing-social-enterprise", "Valuing social enterprise", "Improving commissioning"),
        ("ensuring-dialogue", "Ensuring dialogue", "Improving commissioning"),
        ("developing-market-intelligence", "Developing market intelligence", "Improving commissioning"),
        ("market-development", "Market development", "Improving commissioning"),
        ("making-best-use-of-support", "Making best use of support", "Improving commissioning"),
        ("procurement-practice", "Procurement practice", "Strengthening procurement"),
        ("aggregation", "Aggregation", "Strengthening procurement"),
        ("accreditation", "Accreditation", "Strengthening procurement"),
        ("social-clauses", "Social clauses", "Strengthening procurement"),
        ("stable-and-sustainable-funding", "Stable and sustainable funding", "Strengthening procurement"),
        ("full-cost-recovery", "Full cost recovery", "Strengthening procurement"),
        ("audit-and-analysis", "Audit and analysis", "Better accountability"),
        ("local-area-agreement-targets", "Local Area Agreement targets", "Better accountability"),
        ("measuring-impact", "Measuring impact", "Better accountability"),
        ("guidestar", "Guidestar", "Better accountability"),
        ("local-area-profiles", "Local area profiles", "Better accountability"),
    ]

    static let factors: [(String, String)] = [
        ("strategic-commitment", "Strategic commitment"),
        ("senior-accountability", "Senior accountability"),
        ("organisational-structures", "Organisational structures, training and resources"),
        ("regular-dialogue", "Regular dialogue"),
        ("early-involvement", "Early involvement"),
        ("market-intelligence", "Market intelligence"),
        ("improving-commissioning-and-procurement", "Improving commissioning and procurement practice"),
        ("building-capacity", "Building capacity"),
        ("management-information-systems", "Management information systems"),
    ]
}
