import PathfinderModel

/// What a form tells its owner after each event.
public enum FormOutcome: Hashable, Sendable {
    /// Still open: draw it again.
    case editing
    /// Esc with nothing changed, or a confirmed discard: close it, save nothing.
    case cancelled
    /// Ctrl-S with every field valid: save this action and close the form.
    case submitted(Action)
    /// Long text for `$VISUAL`/`$EDITOR`: run it on `form.longText(field)`, then give the result
    /// back with `form.setLongText(field, to:)` (or nothing, if the editor failed) and keep the
    /// form open.
    case openEditor(ActionField)
}

/// A form for every field of one action, over a draft the user changes freely: nothing reaches
/// the action until Ctrl-S finds every field valid.
///
/// One row per field, labels left and values right, scrolled to keep the focused field shown.
/// Text and date fields are typed into as soon as they have the focus (readline keys, as
/// `LineEditor`); choices open a picker; partners and milestones are lists of rows with their
/// own keys (a add, d remove, K/J move, Enter edit, Space ticks a milestone). A field is checked
/// when it is left, and its problem shows under it; a date shows the day it resolves to beside
/// it as it is typed. Esc with unsaved changes asks before losing them.
public struct ActionForm: Hashable, Sendable {
    /// A row the focus can rest on.
    public enum Item: Hashable, Sendable {
        case field(ActionField)
        case partner(Int)
        case addPartner
        case milestone(Int)
        case addMilestone

        public var field: ActionField {
            switch self {
            case let .field(field): field
            case .partner, .addPartner: .partners
            case .milestone, .addMilestone: .milestones
            }
        }
    }

    /// How a field is edited.
    enum Kind: Hashable, Sendable {
        case text, date, choice, choices, partners, milestones, longText
    }

    enum Popup: Hashable, Sendable {
        case picker(ActionField, Picker)
        case milestone(MilestoneEditor)
        case textArea(ActionField, TextArea)
        case confirmDiscard
    }

    /// The action as it was when the form opened.
    public let original: Action
    /// The action with every accepted change. Only valid values reach it.
    public private(set) var draft: Action
    public let catalogue: Catalogue
    public let today: Day
    /// The top line: "Edit PO-01", "New action".
    public var heading: String
    /// Whether Enter on the description asks the owner to run `$VISUAL`/`$EDITOR`
    /// (`.openEditor`); without one the form edits it in its own `TextArea`.
    public var usesExternalEditor: Bool
    /// The rows' field in focus.
    public private(set) var focus: Item
    /// The text of each text and date field as typed, which may not be valid yet.
    private(set) var editors: [ActionField: LineEditor] = [:]
    /// Problems found setting a field from its text (a bad date, a number that is not one).
    private(set) var fieldProblems: [ActionField: String] = [:]
    /// Fields the user has left (or tried to save): their problems show.
    private(set) var touched: Set<ActionField> = []
    /// A partner being typed in its row, and whether the row was added for it.
    private(set) var entryEditor: LineEditor?
    private var entryIsNew = false
    private(set) var popup: Popup?
    /// Said at the bottom after a refused save: "2 problems: see the fields marked ⚠".
    public private(set) var banner: String?
    let caseStudyChoices: [Picker.Choice]
    /// Bodies already leading actions or running areas, offered for the lead body (Ctrl-P);
    /// the field stays typed, since a new body must be possible.
    let leadBodyChoices: [Picker.Choice]
    /// The size last given by `resize`, for the inline text editor's wrapping.
    private var width = 80
    private var height = 20

    /// - Parameters:
    ///   - caseStudies: the partnership's case studies, offered by title.
    ///   - leadBodies: names offered for the lead body.
    ///   - usesExternalEditor: true when `$VISUAL` or `$EDITOR` is set.
    public init(action: Action, catalogue: Catalogue, caseStudies: [CaseStudy] = [], areaNames: [String: String] = [:],
                leadBodies: [String] = [], today: Day, heading: String? = nil, usesExternalEditor: Bool = false) {
        original = action
        draft = action
        self.catalogue = catalogue
        self.today = today
        self.heading = heading ?? "Edit \(action.id)"
        self.usesExternalEditor = usesExternalEditor
        caseStudyChoices = caseStudies.map { study in
            Picker.Choice(id: study.id, label: study.title, detail: study.area.flatMap { areaNames[$0] } ?? study.place)
        }
        leadBodyChoices = leadBodies.map { Picker.Choice(id: $0, label: $0) }
        focus = .field(ActionForm.fields.first ?? .title)
        for field in ActionForm.fields where [.text, .date].contains(ActionForm.kind(of: field)) {
            editors[field] = LineEditor(field.value(of: action))
        }
    }

    /// The form for an action of a loaded partnership: its catalogue and case studies.
    public init(action: Action, partnership: Partnership, today: Day, heading: String? = nil, usesExternalEditor: Bool = false) {
        var names: [String: String] = [:]
        for area in partnership.areas { names[area.id] = area.name }
        let bodies = Set(partnership.actions.map(\.leadBody) + partnership.areas.map(\.authority)).filter { !$0.trimmedSpaces.isEmpty }
        self.init(action: action, catalogue: partnership.catalogue, caseStudies: partnership.caseStudies, areaNames: names,
                  leadBodies: bodies.sorted { $0.lowercased() < $1.lowercased() }, today: today, heading: heading,
                  usesExternalEditor: usesExternalEditor)
    }

    /// The fields in the order the form shows them.
    public static var fields: [ActionField] { ActionField.allCases.map { $0 } }

    static func kind(of field: ActionField) -> Kind {
        switch field {
        case .theme, .status, .rag, .fundingFullCostRecovery: .choice
        case .successFactors, .caseStudies: .choices
        case .start, .due, .reviewed: .date
        case .partners: .partners
        case .milestones: .milestones
        case .description: .longText
        default: .text
        }
    }

    /// Every row the focus can rest on, in order.
    public var items: [Item] {
        var items: [Item] = []
        for field in ActionForm.fields {
            switch ActionForm.kind(of: field) {
            case .partners:
                items += draft.partners.indices.map { .partner($0) } + [.addPartner]
            case .milestones:
                items += draft.milestones.indices.map { .milestone($0) } + [.addMilestone]
            default:
                items.append(.field(field))
            }
        }
        return items
    }

    var focusIndex: Int { items.firstIndex(of: focus) ?? 0 }

    /// Whether closing now would lose anything.
    public var isChanged: Bool {
        draft != original || editors.contains { $0.value.text != $0.key.value(of: draft) } || entryEditor != nil
    }

    /// Each field's problem, as shown beside it: those met setting the field from its text, and
    /// the action's own checks (empty title, due before start) for fields already left.
    public var problems: [ActionField: String] {
        var all: [ActionField: String] = [:]
        for problem in ActionEdit.problems(draft, catalogue: catalogue) where touched.contains(problem.field) && all[problem.field] == nil {
            all[problem.field] = problem.message
        }
        for (field, message) in fieldProblems { all[field] = message }
        return all
    }

    /// The text of a long field, for the external editor.
    public func longText(_ field: ActionField) -> String {
        field == .description ? draft.description : field.value(of: draft)
    }

    /// The external editor's result for a long field.
    public mutating func setLongText(_ field: ActionField, to text: String) {
        touched.insert(field)
        if field == .description {
            draft.description = text
            fieldProblems[field] = nil
            return
        }
        apply(field, text)
    }

    /// The size of the area the form is drawn in, so the inline text editor wraps and scrolls
    /// as drawn. Drawing works at any size without it.
    public mutating func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        if case .textArea(let field, var area) = popup {
            area.resize(width: max(1, width - 5), height: max(1, height - 2))
            popup = .textArea(field, area)
        }
    }

    // MARK: Keys

    public mutating func handle(_ event: Event) -> FormOutcome {
        if case let .resize(width, height) = event {
            resize(width: width, height: height)
            return .editing
        }
        if let popup { return handlePopup(popup, event) }
        if var editor = entryEditor { return handleEntry(&editor, event) }
        guard case let .key(key) = event else {
            switch event {
            case .paste: return typeInto(event)
            // The wheel moves through the fields; clicks need the form's place (`click`).
            case .mouse(.wheelUp): move(by: -1)
            case .mouse(.wheelDown): move(by: 1)
            default: break
            }
            return .editing
        }
        switch key {
        case .control("s"):
            return submit()
        case .escape, .control("c"):
            // Ctrl-C closes the form like Esc, asking first, rather than losing a typed draft.
            if !isChanged { return .cancelled }
            popup = .confirmDiscard
            return .editing
        case .tab, .down:
            move(by: 1)
            return .editing
        case .backTab, .up:
            move(by: -1)
            return .editing
        case .pageDown:
            move(by: 5)
            return .editing
        case .pageUp:
            move(by: -5)
            return .editing
        default:
            break
        }
        let field = focus.field
        switch ActionForm.kind(of: field) {
        case .text, .date:
            if key == .enter {
                move(by: 1)
                return .editing
            }
            if key == .control("p"), !choices(for: field).isEmpty {
                popup = .picker(field, Picker(title: field.label, choices: choices(for: field), selected: [editors[field]?.text ?? ""]))
                return .editing
            }
            return typeInto(event)
        case .choice:
            switch key {
            case .enter, .character(" "): openPicker(field, filter: "")
            case .left: step(field, by: -1)
            case .right: step(field, by: 1)
            case let .character(c): openPicker(field, filter: String(c))
            default: break
            }
        case .choices:
            switch key {
            case .enter, .character(" "): openPicker(field, filter: "")
            case let .character(c): openPicker(field, filter: String(c))
            default: break
            }
        case .longText:
            if key == .enter || key == .character("e") {
                if usesExternalEditor { return .openEditor(field) }
                let area = TextArea(longText(field), width: max(1, width - 5), height: max(1, height - 2))
                popup = .textArea(field, area)
            }
        case .partners:
            handlePartnerKey(key)
        case .milestones:
            handleMilestoneKey(key)
        }
        return .editing
    }

    /// Puts the focus on a field (its first row), checking the field it leaves: to open the form
    /// where the user was ("edit the due date").
    public mutating func focus(on field: ActionField) {
        if entryEditor != nil { finishEntry() }
        guard let target = items.first(where: { $0.field == field }) else { return }
        leave(focus.field, going: field)
        focus = items.first { $0.field == field } ?? target
    }

    /// A click on a row of the form drawn in `rect` focuses it; a double click also opens it
    /// (choices, a list entry, the description), as Enter would. Clicks while a box is open,
    /// or outside the rows, do nothing.
    public mutating func click(x: Int, y: Int, in rect: Rect, double: Bool = false) -> FormOutcome {
        guard popup == nil, let target = item(atX: x, y: y, in: rect) else { return .editing }
        if entryEditor != nil { finishEntry() }
        guard items.contains(target) else { return .editing }
        leave(focus.field, going: target.field)
        focus = target
        if double, ActionForm.kind(of: target.field) != .text, ActionForm.kind(of: target.field) != .date {
            return handle(.key(.enter))
        }
        return .editing
    }

    /// Moves the focus, checking the field it leaves.
    private mutating func move(by delta: Int) {
        let all = items
        let from = focusIndex
        let to = min(max(0, from + delta), all.count - 1)
        guard to != from else { return }
        leave(focus.field, going: all[to].field)
        // Leaving may not change the rows (only entry edits do), so the index still holds.
        let now = items
        focus = now[min(to, now.count - 1)]
    }

    private mutating func leave(_ field: ActionField, going next: ActionField) {
        if next != field {
            commit(field)
            touched.insert(field)
        }
    }

    /// Sets a text or date field from what was typed, or records why it cannot be.
    private mutating func commit(_ field: ActionField) {
        guard let editor = editors[field] else { return }
        if editor.text == field.value(of: draft) {
            fieldProblems[field] = nil
            return
        }
        apply(field, editor.text)
        // A date typed as a shortcut is shown as the day it became, which is what is saved.
        if fieldProblems[field] == nil, ActionForm.kind(of: field) == .date {
            editors[field] = LineEditor(field.value(of: draft))
        }
    }

    private mutating func apply(_ field: ActionField, _ text: String) {
        var copy = draft
        do {
            try ActionEdit.set(field, to: text, on: &copy, catalogue: catalogue, today: today)
            draft = copy
            fieldProblems[field] = nil
        } catch let problem as FieldProblem {
            fieldProblems[problem.field] = problem.message
            if problem.field != field { fieldProblems[field] = problem.message }
        } catch {
            fieldProblems[field] = "\(error)"
        }
    }

    private mutating func typeInto(_ event: Event) -> FormOutcome {
        let field = focus.field
        guard var editor = editors[field] else {
            // A paste on an empty list row starts a new partner with it.
            if focus == .addPartner, case .paste = event {
                startPartner(at: draft.partners.count)
                return handle(event)
            }
            return .editing
        }
        if editor.handle(event) == .edited {
            editors[field] = editor
            // The old problem was about the old text; the field is checked again when left.
            if ActionForm.kind(of: field) != .date { fieldProblems[field] = nil }
            banner = nil
        }
        return .editing
    }

    private mutating func submit() -> FormOutcome {
        if entryEditor != nil { finishEntry() }
        for field in ActionForm.fields where editors[field] != nil { commit(field) }
        touched = Set(ActionForm.fields)
        let problems = self.problems
        guard !problems.isEmpty else { return .submitted(draft) }
        if let first = items.first(where: { problems[$0.field] != nil }) { focus = first }
        banner = problems.count == 1 ? "1 problem: see the field marked ⚠" : "\(problems.count) problems: see the fields marked ⚠"
        return .editing
    }

    // MARK: Choices

    private mutating func setChosen(_ field: ActionField, _ ids: [String]) {
        switch field {
        case .status: if let id = ids.first { draft.status = id }
        case .rag: if let rag = ids.first.flatMap(RAG.init(rawValue:)) { draft.rag = rag }
        case .theme: if let id = ids.first { draft.theme = id }
        case .successFactors: draft.successFactors = ids
        case .caseStudies: draft.caseStudies = ids
        default:
            // Anything else picked (full cost recovery, a lead body) is set as if typed, by the
            // same rules, and a typed field then shows it.
            if let id = ids.first { apply(field, id) }
            if editors[field] != nil { editors[field] = LineEditor(field.value(of: draft)) }
            touched.insert(field)
            banner = nil
            return
        }
        fieldProblems[field] = nil
        touched.insert(field)
        banner = nil
    }

    private mutating func openPicker(_ field: ActionField, filter: String) {
        let several = ActionForm.kind(of: field) == .choices
        popup = .picker(field, Picker(title: field.label, choices: choices(for: field), selected: chosenIDs(field),
                                      allowsSeveral: several, filter: filter))
    }

    /// ←/→ on a one-of field: the previous or next choice, without opening the list.
    private mutating func step(_ field: ActionField, by delta: Int) {
        let all = choices(for: field)
        guard !all.isEmpty else { return }
        let now = all.firstIndex { $0.id == chosenIDs(field).first } ?? (delta > 0 ? -1 : all.count)
        let next = min(max(0, now + delta), all.count - 1)
        setChosen(field, [all[next].id])
    }

    // MARK: Lists

    private mutating func startPartner(at index: Int) {
        draft.partners.insert("", at: index)
        focus = .partner(index)
        entryEditor = LineEditor()
        entryIsNew = true
    }

    private mutating func handlePartnerKey(_ key: Key) {
        let count = draft.partners.count
        switch (focus, key) {
        case (.addPartner, .enter), (.addPartner, .character("a")), (.addPartner, .character("+")), (.addPartner, .insert):
            startPartner(at: count)
        case let (.addPartner, .character(c)):
            // Typing on the empty row starts a partner with that letter.
            startPartner(at: count)
            entryEditor = LineEditor(String(c))
        case let (.partner(i), .enter):
            entryEditor = LineEditor(draft.partners[i])
            entryIsNew = false
        case let (.partner(i), .character("a")), let (.partner(i), .character("+")), let (.partner(i), .insert):
            startPartner(at: i + 1)
        case let (.partner(i), .character("d")), let (.partner(i), .character("x")), let (.partner(i), .delete):
            draft.partners.remove(at: i)
            focus = i < draft.partners.count ? .partner(i) : .addPartner
        case let (.partner(i), .character("K")) where i > 0:
            draft.partners.swapAt(i, i - 1)
            focus = .partner(i - 1)
        case let (.partner(i), .character("J")) where i + 1 < count:
            draft.partners.swapAt(i, i + 1)
            focus = .partner(i + 1)
        default:
            break
        }
        touched.insert(.partners)
    }

    private mutating func handleEntry(_ editor: inout LineEditor, _ event: Event) -> FormOutcome {
        if case let .key(key) = event {
            switch key {
            case .escape:
                // Undo this entry's typing; a row added for it goes again.
                if entryIsNew, case let .partner(i) = focus {
                    draft.partners.remove(at: i)
                    focus = i < draft.partners.count ? .partner(i) : .addPartner
                }
                entryEditor = nil
                return .editing
            case .enter:
                finishEntry()
                return .editing
            case .tab, .down, .backTab, .up, .control("s"):
                finishEntry()
                return handle(event)
            default:
                break
            }
        }
        _ = editor.handle(event)
        entryEditor = editor
        return .editing
    }

    /// Puts a typed partner into the list; an empty one is removed.
    private mutating func finishEntry() {
        guard let editor = entryEditor, case let .partner(i) = focus else {
            entryEditor = nil
            return
        }
        entryEditor = nil
        let name = editor.text.trimmedSpaces
        if name.isEmpty {
            draft.partners.remove(at: i)
            focus = i < draft.partners.count ? .partner(i) : .addPartner
        } else {
            draft.partners[i] = name
        }
        touched.insert(.partners)
        banner = nil
    }

    private mutating func handleMilestoneKey(_ key: Key) {
        let count = draft.milestones.count
        switch (focus, key) {
        case (.addMilestone, .enter), (.addMilestone, .character("a")), (.addMilestone, .character("+")), (.addMilestone, .insert):
            popup = .milestone(MilestoneEditor(milestone: nil, index: nil, insertAt: count, today: today))
        case let (.addMilestone, .character(c)):
            var editor = MilestoneEditor(milestone: nil, index: nil, insertAt: count, today: today)
            editor.title = LineEditor(String(c))
            popup = .milestone(editor)
        case let (.milestone(i), .enter):
            popup = .milestone(MilestoneEditor(milestone: draft.milestones[i], index: i, insertAt: i, today: today))
        case let (.milestone(i), .character("a")), let (.milestone(i), .character("+")), let (.milestone(i), .insert):
            popup = .milestone(MilestoneEditor(milestone: nil, index: nil, insertAt: i + 1, today: today))
        case let (.milestone(i), .character(" ")):
            draft.milestones[i].done.toggle()
        case let (.milestone(i), .character("d")), let (.milestone(i), .character("x")), let (.milestone(i), .delete):
            draft.milestones.remove(at: i)
            focus = i < draft.milestones.count ? .milestone(i) : .addMilestone
        case let (.milestone(i), .character("K")) where i > 0:
            draft.milestones.swapAt(i, i - 1)
            focus = .milestone(i - 1)
        case let (.milestone(i), .character("J")) where i + 1 < count:
            draft.milestones.swapAt(i, i + 1)
            focus = .milestone(i + 1)
        default:
            return
        }
        touched.insert(.milestones)
        fieldProblems[.milestones] = nil
        banner = nil
    }

    // MARK: Popups

    private mutating func handlePopup(_ current: Popup, _ event: Event) -> FormOutcome {
        switch current {
        case .confirmDiscard:
            switch event {
            case .key(.character("y")), .key(.character("Y")):
                popup = nil
                return .cancelled
            case .key(.character("n")), .key(.character("N")), .key(.escape):
                popup = nil
            default:
                break
            }
        case .picker(let field, var picker):
            switch picker.handle(event) {
            case .editing: popup = .picker(field, picker)
            case .cancelled: popup = nil
            case let .chosen(ids):
                popup = nil
                setChosen(field, ids)
            }
        case .milestone(var editor):
            switch editor.handle(event) {
            case .editing: popup = .milestone(editor)
            case .cancelled: popup = nil
            case let .done(milestone):
                popup = nil
                if let index = editor.index {
                    draft.milestones[index] = milestone
                    focus = .milestone(index)
                } else {
                    draft.milestones.insert(milestone, at: editor.insertAt)
                    focus = .milestone(editor.insertAt)
                }
                touched.insert(.milestones)
                fieldProblems[.milestones] = nil
                banner = nil
            }
        case .textArea(let field, var area):
            switch area.handle(event) {
            case .editing: popup = .textArea(field, area)
            case .cancelled: popup = nil
            case let .finished(text):
                popup = nil
                setLongText(field, to: text)
            }
        }
        return .editing
    }

}
