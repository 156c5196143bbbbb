import PathfinderModel

/// Starting a meeting asks several things in turn: the areas (a forum meeting on the areas
/// list), its title, its day, who is there from the areas' steering groups and forums, and who
/// else. The wizard holds the step it is on and what was answered so far; it is a pure value,
/// and each answer arrives typed. `AppState.ask` shows its step as a dialog.
public struct MeetingWizard: Hashable, Sendable {
    public enum Step: Hashable, Sendable {
        /// Which areas (several for a forum meeting); answered with their ids.
        case areas
        /// Answered with text; `suggestedTitle` is offered.
        case title
        /// Answered with a day (today unless it is being written up afterwards).
        case date
        /// Who is here, ticked from `people`; answered with their ids.
        case attendees
        /// Anyone else, comma-separated text; the last step.
        case others
    }

    /// What the wizard makes of an answer.
    public enum Outcome: Hashable, Sendable {
        /// Ask the next step.
        case next(MeetingWizard)
        /// The answer does not do; the wizard stops and the message line says why.
        case refused(String)
        /// Everything is known: make the meeting.
        case finished(areas: [String], title: String, date: Day, attendees: [String])
    }

    public private(set) var step: Step
    public private(set) var areas: [String]
    public private(set) var suggestedTitle: String
    public private(set) var title = ""
    public private(set) var date: Day?
    /// Offered at the attendees step: the areas' steering group members and forums.
    public private(set) var people: [Picker.Choice] = []
    public private(set) var attendees: [String] = []

    /// A forum meeting: the areas are chosen first.
    public static let choosingAreas = MeetingWizard(step: .areas, areas: [], suggestedTitle: "")

    /// A meeting of one area: its title first.
    public init(area: Area) {
        self.init(step: .title, areas: [area.id], suggestedTitle: Self.suggestedTitle(names: [area.name]))
    }

    private init(step: Step, areas: [String], suggestedTitle: String) {
        self.step = step
        self.areas = areas
        self.suggestedTitle = suggestedTitle
    }

    /// "Portsmouth steering group", or "Forum meeting: Portsmouth, Havant" for several.
    public static func suggestedTitle(names: [String]) -> String {
        names.count == 1 ? "\(names[0]) steering group" : "Forum meeting: " + names.joined(separator: ", ")
    }

    /// The areas ticked, with their names for the title offered.
    public func choose(areas chosen: [(id: String, name: String)]) -> Outcome {
        guard step == .areas else { return .refused("Not choosing areas now") }
        guard !chosen.isEmpty else { return .refused("Tick at least one area (Space)") }
        var next = self
        next.areas = chosen.map(\.id)
        next.suggestedTitle = Self.suggestedTitle(names: chosen.map(\.name))
        next.step = .title
        return .next(next)
    }

    public func give(title text: String) -> Outcome {
        guard step == .title else { return .refused("Not asking for a title now") }
        let text = text.trimmed
        guard !text.isEmpty else { return .refused("A meeting needs a title") }
        var next = self
        next.title = text
        next.step = .date
        return .next(next)
    }

    /// The day, and who may be ticked as there; with nobody to tick, attendees are typed.
    public func give(date day: Day, people: [Picker.Choice]) -> Outcome {
        guard step == .date else { return .refused("Not asking for a date now") }
        var next = self
        next.date = day
        next.people = people
        next.step = people.isEmpty ? .others : .attendees
        return .next(next)
    }

    public func choose(attendees ids: [String]) -> Outcome {
        guard step == .attendees else { return .refused("Not asking who is here now") }
        var next = self
        next.attendees = ids
        next.step = .others
        return .next(next)
    }

    /// The last answer: names typed, comma-separated (none is fine).
    public func give(others text: String) -> Outcome {
        guard step == .others, let date else { return .refused("Not asking who else is here now") }
        let others = text.split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        return .finished(areas: areas, title: title, date: date, attendees: attendees + others)
    }

    /// How the others step asks: all attendees when there was nobody to tick.
    var othersLabel: String {
        people.isEmpty ? "Attendees (comma-separated):" : "Others present (comma-separated, optional):"
    }
}

extension AppState {
    /// Shows the wizard's step as a dialog on the message line.
    mutating func ask(_ wizard: MeetingWizard) {
        switch wizard.step {
        case .areas:
            let choices = partnership.areas.map { Picker.Choice(id: $0.id, label: $0.name, detail: $0.code) }
            var selected: [String] = []
            if case let .areas(list) = page, partnership.areas.indices.contains(list.cursor.selected) {
                selected = [partnership.areas[list.cursor.selected].id]
            }
            overlay = .picker(Picker(title: "Meeting of which areas? Space ticks, Enter when done", choices: choices, selected: selected,
                                     allowsSeveral: true), .meeting(wizard))
        case .title:
            overlay = .prompt(Prompt(label: "Meeting title:", text: wizard.suggestedTitle, purpose: .meeting(wizard)))
        case .date:
            overlay = .prompt(Prompt(label: "Meeting date:", text: "today", kind: .date, purpose: .meeting(wizard)))
        case .attendees:
            overlay = .picker(Picker(title: "Who is here? Space ticks, Enter when done", choices: wizard.people, allowsSeveral: true),
                              .meeting(wizard))
        case .others:
            overlay = .prompt(Prompt(label: wizard.othersLabel, purpose: .meeting(wizard)))
        }
    }

    /// Ids ticked in a wizard's picker: areas, or who is here.
    mutating func answer(_ wizard: MeetingWizard, chosen ids: [String]) -> [Effect] {
        switch wizard.step {
        case .areas:
            let areas = ids.compactMap(partnership.area).map { (id: $0.id, name: $0.name) }
            return follow(wizard.choose(areas: areas))
        case .attendees:
            return follow(wizard.choose(attendees: ids))
        case .title, .date, .others:
            return []
        }
    }

    /// Text typed in a wizard's prompt: the title, the day, or who else.
    mutating func answer(_ wizard: MeetingWizard, text: String) -> [Effect] {
        switch wizard.step {
        case .title:
            return follow(wizard.give(title: text))
        case .date:
            // The prompt let only a date through.
            guard let day = DateInput.parse(text.trimmed, today: datesFrom) else { return [] }
            return follow(wizard.give(date: day, people: meetingPeople(areas: wizard.areas)))
        case .others:
            return follow(wizard.give(others: text))
        case .areas, .attendees:
            return []
        }
    }

    private mutating func follow(_ outcome: MeetingWizard.Outcome) -> [Effect] {
        switch outcome {
        case let .next(wizard):
            ask(wizard)
            return []
        case let .refused(reason):
            message = Message(reason, isError: true)
            return []
        case let .finished(areas, title, date, attendees):
            return [.createMeeting(meetingDraft(areas: areas, title: title, date: date, attendees: attendees))]
        }
    }

    /// Who may be ticked as there: each area's steering group and forums, each once.
    func meetingPeople(areas ids: [String]) -> [Picker.Choice] {
        let areas = ids.compactMap(partnership.area)
        let several = areas.count > 1
        var people: [Picker.Choice] = []
        for area in areas {
            people += area.steeringGroup.map { m in
                Picker.Choice(id: m.name.isEmpty ? m.role : "\(m.name) (\(m.role))", label: m.name.isEmpty ? m.role : m.name,
                              detail: (several ? area.name + ": " : "") + (m.name.isEmpty ? m.body : m.role))
            } + area.forums.map { Picker.Choice(id: $0.name, label: $0.name, detail: (several ? area.name + " " : "") + "forum") }
        }
        var seen = Set<String>()
        return people.filter { seen.insert($0.id).inserted }
    }

    /// The meeting file is made by the store (it picks the file name); the agenda goes with it.
    /// The file goes in the first area's folder; the agenda covers every area chosen.
    func meetingDraft(areas: [String], title: String, date: Day, attendees: [String]) -> MeetingDraft {
        let wanted = Set(areas)
        let agenda = MeetingAgenda.order(partnership.actions.filter { wanted.contains($0.area) }, asOf: asOf, catalogue: partnership.catalogue)
        return MeetingDraft(area: areas.first ?? "", date: date, title: title, attendees: attendees, agenda: agenda)
    }

    /// An action captured in a meeting (title, lead, due asked in turn): made in the meeting's
    /// area, with the theme of the item on screen, and listed in the meeting when created.
    mutating func captureAction(inMeeting meetingID: String, title: String, lead: String, due: Day) -> [Effect] {
        guard let meeting = partnership.meetings.first(where: { $0.id == meetingID }) else { return [] }
        let current = openMeeting.flatMap { partnership.action($0.meeting.items[safe: $0.page.item]?.action ?? "") }
        let theme = current?.theme ?? partnership.actions(inArea: meeting.area).first?.theme ?? partnership.catalogue.themes.first?.id ?? ""
        // No start date: a captured action starts when its lead starts it.
        let draft = Action(id: "", area: meeting.area, title: title, theme: theme, lead: lead, status: partnership.catalogue.startingStatus, rag: .green,
                           due: due, updated: edits.today, updatedBy: edits.userName ?? "",
                           source: "\(meeting.title), \(meeting.date.iso)")
        if let problem = ActionEdit.problems(draft, catalogue: partnership.catalogue).first(where: { $0.field != .title || !title.isEmpty }) {
            message = Message("Not created: \(problem.message)", isError: true)
            return []
        }
        edits.pending[.newAction(area: meeting.area)] = .create(draft)
        return [.create(draft)]
    }
}
