import PathfinderModel

/// How a field of a form is edited.
public enum RecordFieldKind: Hashable, Sendable {
    /// Typed on one line (`LineEditor` keys).
    case text
    /// Typed on one line as a date (anything `DateInput` reads), the day it resolves to shown
    /// beside it as it is typed.
    case date
    /// One of a list (a picker), or none.
    case choice
    /// Several of a list, ticked in a picker.
    case choices
    /// Rows of entries with parts (key figures, members, forums), each edited in a small box.
    case entries
    /// Rows of one-line entries (partners), each typed in its own row.
    case list
    /// Milestones: entries of title, due date and "x" when done, edited in the milestone box
    /// and ticked done in their row.
    case milestones
    /// Several lines: `$VISUAL`/`$EDITOR`, or the inline `TextArea`.
    case longText

    /// Typed into as soon as it has the focus, so a printable key is a character there.
    var isTyped: Bool { self == .text || self == .date }
    /// Shown as a row per entry and an "add" row.
    var isList: Bool { self == .entries || self == .list || self == .milestones }
}

/// What a form edits and by what rules: the record, its fields, and the model's rules for them
/// (`ActionEdit`, `AreaEdit`, `CaseStudyEdit`). The form keeps the keys, the draft and the drawing.
public protocol RecordFormSpec: Hashable, Sendable {
    associatedtype Record: Hashable & Sendable
    associatedtype Field: Hashable & Sendable

    /// The fields in the order the form shows them.
    var fields: [Field] { get }
    func kind(of field: Field) -> RecordFieldKind
    func label(_ field: Field) -> String
    /// The whole value as text (a long text whole; a list as `EntryText` writes it).
    func value(_ field: Field, of record: Record) -> String
    /// Sets a typed or long text field from its text; throws `RecordProblem<Field>`.
    func set(_ field: Field, to text: String, on record: inout Record) throws
    /// The record's own checks, as they would refuse a save.
    func problems(_ record: Record) -> [RecordProblem<Field>]
    /// What a picker offers: a choice field's choices, or values in use for a typed field (Ctrl-P).
    func choices(for field: Field) -> [Picker.Choice]
    func chosen(_ field: Field, of record: Record) -> [String]
    /// Sets what was picked; throws `RecordProblem<Field>` when it is set as if typed.
    func setChosen(_ field: Field, _ ids: [String], on record: inout Record) throws
    /// A choice field's value as the form shows it, when not its choice's label ("● In progress").
    func shown(_ field: Field, of record: Record) -> String?
    /// Names of the parts of an entry of a list field ("Label", "Value", "Source").
    func parts(of field: Field) -> [String]
    func entries(_ field: Field, of record: Record) -> [[String]]
    func setEntries(_ field: Field, _ entries: [[String]], on record: inout Record)
    func entryProblem(_ field: Field, _ parts: [String]) -> String?
    /// What one entry of a list is called ("partner"), for its add row; nil says "an entry".
    func entryName(_ field: Field) -> String?
    /// Whether a typed field shows its value as saved once left (a code typed small becomes
    /// capitals, a date shortcut the day), rather than as it was typed.
    func showsSavedValue(_ field: Field) -> Bool
    /// Called after every change to the draft: a new record's id follows its name.
    func settle(_ record: inout Record)
    /// The day date shortcuts ("+2w") count from; nil when the record has no dates.
    var today: Day? { get }
    /// Advice under fields as the form is filled, which never refuses a save: how a funding
    /// agreement stands against each funding principle.
    func advice(_ record: Record) -> [Field: FormAdvice]
}

/// A note under a field that says how the value stands (the Compact check), not a problem.
public struct FormAdvice: Hashable, Sendable {
    public var text: String
    /// Drawn as a warning (falls short), else dim.
    public var isWarning: Bool
    /// Shown only while the field has the focus: what is not stated yet would otherwise fill
    /// a new form with notes before anything is typed.
    public var whenFocused: Bool

    public init(_ text: String, isWarning: Bool = false, whenFocused: Bool = false) {
        self.text = text
        self.isWarning = isWarning
        self.whenFocused = whenFocused
    }
}

extension RecordFormSpec {
    public func choices(for field: Field) -> [Picker.Choice] { [] }
    public func chosen(_ field: Field, of record: Record) -> [String] { [] }
    public func setChosen(_ field: Field, _ ids: [String], on record: inout Record) throws {}
    public func shown(_ field: Field, of record: Record) -> String? { nil }
    public func entryName(_ field: Field) -> String? { nil }
    public func showsSavedValue(_ field: Field) -> Bool { true }
    public func settle(_ record: inout Record) {}
    public var today: Day? { nil }
    public func advice(_ record: Record) -> [Field: FormAdvice] { [:] }
}

/// What a form tells its owner after each event.
public enum RecordFormOutcome<Record: Hashable & Sendable, Field: Hashable & Sendable>: Hashable, Sendable {
    /// Still open: draw it again.
    case editing
    /// Esc with nothing changed, or a confirmed discard: close it, save nothing.
    case cancelled
    /// Ctrl-S with every field valid: save this record and close the form.
    case submitted(Record)
    /// Long text for `$VISUAL`/`$EDITOR`: run it on `form.longText(field)`, then give the result
    /// back with `form.setLongText(field, to:)` and keep the form open.
    case openEditor(Field)
    /// `?` or F1: show the form's keys (the help overlay of the `form` context).
    case showHelp
}

/// The one form engine, for every record: a form over a draft of one action, area or case
/// study, whose fields a `RecordFormSpec` describes. Nothing reaches the record until Ctrl-S
/// finds every field valid.
///
/// One row per field (a row per entry for lists), labels left and values right, scrolled to keep
/// the focused field shown. Typed fields take keys as soon as they have the focus (readline
/// keys, as `LineEditor`); choices open a picker; lists have their own keys (add, remove, move,
/// edit, Space ticks a milestone). The keys come from the key map's `form` context. A field is
/// checked when it is left and its problem shows under it; Esc with changes asks first.
public struct RecordForm<Spec: RecordFormSpec>: Hashable, Sendable {
    public typealias Field = Spec.Field
    public typealias Record = Spec.Record
    public typealias Outcome = RecordFormOutcome<Record, Field>

    /// A row the focus can rest on.
    public enum Item: Hashable, Sendable {
        case field(Field)
        case entry(Field, Int)
        case addEntry(Field)

        public var field: Field {
            switch self {
            case let .field(f), let .entry(f, _), let .addEntry(f): f
            }
        }
    }

    enum Popup: Hashable, Sendable {
        case picker(Field, Picker)
        case entry(Field, EntryEditor)
        case milestone(Field, MilestoneEditor)
        case textArea(Field, TextArea)
        case confirmDiscard
    }

    public let spec: Spec
    /// The record as it was when the form opened.
    public let original: Record
    /// The record with every accepted change. Only valid values reach it.
    public internal(set) var draft: Record
    /// Whether this makes a new record.
    public let isNew: Bool
    /// The top line: "Edit PO-01", "New area".
    public var heading: String
    /// Whether long text goes to `$VISUAL`/`$EDITOR` (`.openEditor`); without one the form
    /// edits it in its own `TextArea`.
    public var usesExternalEditor: Bool
    public internal(set) var focus: Item
    /// The text of each typed field as typed, which may not be valid yet.
    var editors: [Field: LineEditor] = [:]
    /// Problems found setting a field from its text (a bad date, a number that is not one).
    var fieldProblems: [Field: String] = [:]
    /// Fields the user has left (or tried to save): their problems show.
    var touched: Set<Field> = []
    /// A one-line entry being typed in its row, and whether the row was added for it.
    var rowEditor: LineEditor?
    var rowIsNew = false
    var popup: Popup?
    /// Said at the bottom after a refused save: "2 problems: see the fields marked ⚠".
    public internal(set) var banner: String?
    /// The size last given by `resize`, for the inline text editor's wrapping.
    var width = 80
    var height = 20

    public init(spec: Spec, record: Record, isNew: Bool, heading: String, usesExternalEditor: Bool = false) {
        self.spec = spec
        original = record
        draft = record
        self.isNew = isNew
        self.heading = heading
        self.usesExternalEditor = usesExternalEditor
        focus = .field(spec.fields[0])
        for field in spec.fields where spec.kind(of: field).isTyped {
            editors[field] = LineEditor(spec.value(field, of: record))
        }
    }

    /// Every row the focus can rest on, in order.
    public var items: [Item] {
        spec.fields.flatMap { field -> [Item] in
            guard spec.kind(of: field).isList else { return [.field(field)] }
            return spec.entries(field, of: draft).indices.map { .entry(field, $0) } + [.addEntry(field)]
        }
    }

    var focusIndex: Int { items.firstIndex(of: focus) ?? 0 }

    /// Whether closing now would lose anything.
    public var isChanged: Bool {
        draft != original || editors.contains { $0.value.text != spec.value($0.key, of: draft) } || rowEditor != nil
    }

    /// Each field's problem, as shown under it: those met setting the field from its text, and
    /// the record's own checks (empty title, due before start) for fields already left.
    public var problems: [Field: String] {
        var all: [Field: String] = [:]
        for problem in spec.problems(draft) where touched.contains(problem.field) && all[problem.field] == nil {
            all[problem.field] = problem.message
        }
        for (field, message) in fieldProblems { all[field] = message }
        return all
    }

    /// The text of a long field, for the external editor.
    public func longText(_ field: Field) -> String { spec.value(field, of: draft) }

    /// The external editor's result for a long field.
    public mutating func setLongText(_ field: Field, to text: String) {
        touched.insert(field)
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

    /// Puts the focus on a field (its first row), checking the field it leaves: to open the form
    /// where the user was ("edit the due date").
    public mutating func focus(on field: Field) {
        if rowEditor != nil { finishRow() }
        guard let target = items.first(where: { $0.field == field }) else { return }
        leave(focus.field, going: field)
        focus = items.first { $0.field == field } ?? target
    }

    /// A click on a row of the form drawn in `rect` focuses it; a double click also opens it
    /// (choices, a list entry, a long text), as Enter would. Clicks while a box is open, or
    /// outside the rows, do nothing.
    public mutating func click(x: Int, y: Int, in rect: Rect, double: Bool = false, keys: KeyMap = .defaults) -> Outcome {
        guard popup == nil, let target = item(atX: x, y: y, in: rect) else { return .editing }
        if rowEditor != nil { finishRow() }
        guard items.contains(target) else { return .editing }
        leave(focus.field, going: target.field)
        focus = target
        if double, !spec.kind(of: target.field).isTyped { return run(.open, keys: keys) ?? .editing }
        return .editing
    }

    // MARK: Keys

    /// An event for the form: keys are looked up in the `form` context of `keys`.
    public mutating func handle(_ event: Event, keys: KeyMap = .defaults) -> Outcome {
        if case let .resize(width, height) = event {
            resize(width: width, height: height)
            return .editing
        }
        if let popup { return handlePopup(popup, event) }
        if rowEditor != nil { return typeInRow(event, keys: keys) }
        guard case let .key(key) = event else {
            switch event {
            case .paste: return typeInto(event, keys: keys)
            // The wheel moves through the fields; clicks need the form's place (`click`).
            case .mouse(.wheelUp): move(by: -1)
            case .mouse(.wheelDown): move(by: 1)
            default: break
            }
            return .editing
        }
        let kind = spec.kind(of: focus.field)
        // In a typed field a printable key is always a character (`?` too: F1 shows help there).
        if kind.isTyped, case .character = key { return typeInto(event, keys: keys) }
        // Ctrl-C is the terminal's interrupt: it closes the form as Esc does, asking first,
        // whatever the key file says, rather than losing a typed draft or trapping the user.
        let command = key == .control("c") ? .cancel : keys.command(for: key, in: .form)
        if let command, let outcome = run(command, keys: keys) { return outcome }
        // Keys with no command for this row: typed into a typed field, a letter narrows a
        // choice's list or starts an entry on a list's add row.
        switch (kind, focus, key) {
        case (.text, _, _), (.date, _, _):
            return typeInto(event, keys: keys)
        case let (.choice, _, .character(c)), let (.choices, _, .character(c)):
            openPicker(focus.field, filter: String(c))
        case let (_, .addEntry(field), .character(c)):
            addEntry(field, at: entryCount(field), first: String(c))
        default:
            break
        }
        return .editing
    }

    /// Runs a form command on the focused row; nil when it does nothing there, so the key can
    /// be the row's own (typed, or narrowing a list).
    mutating func run(_ command: Command, keys: KeyMap) -> Outcome? {
        let field = focus.field
        let kind = spec.kind(of: field)
        switch command {
        case .save: return submit()
        case .cancel:
            if !isChanged { return .cancelled }
            popup = .confirmDiscard
        case .help: return .showHelp
        case .nextField: move(by: 1)
        case .previousField: move(by: -1)
        case .pageDown: move(by: 5)
        case .pageUp: move(by: -5)
        case .open:
            switch (kind, focus) {
            case (.text, _), (.date, _): move(by: 1)
            case (.choice, _), (.choices, _): openPicker(field, filter: "")
            case (.longText, _): return openLongText(field)
            case let (_, .entry(_, i)): editEntry(field, i)
            case (_, .addEntry): addEntry(field, at: entryCount(field))
            default: return nil
            }
        case .editText:
            guard kind == .longText else { return nil }
            return openLongText(field)
        case .tick:
            if kind == .choice || kind == .choices {
                openPicker(field, filter: "")
            } else if kind == .milestones, case let .entry(_, i) = focus {
                var entries = spec.entries(field, of: draft)
                entries[i][2] = entries[i][2].isEmpty ? "x" : ""
                setEntries(field, entries)
            } else {
                return nil
            }
        case .previousChoice, .nextChoice:
            guard kind == .choice else { return nil }
            step(field, by: command == .nextChoice ? 1 : -1)
        case .pick:
            let all = spec.choices(for: field)
            guard kind.isTyped, !all.isEmpty else { return nil }
            popup = .picker(field, Picker(title: spec.label(field), choices: all, selected: [editors[field]?.text ?? ""]))
        case .addEntry, .removeEntry, .moveEntryUp, .moveEntryDown:
            guard kind.isList else { return nil }
            changeList(command, field)
        default:
            return nil
        }
        return .editing
    }

    mutating func openLongText(_ field: Field) -> Outcome {
        if usesExternalEditor { return .openEditor(field) }
        popup = .textArea(field, TextArea(longText(field), width: max(1, width - 5), height: max(1, height - 2)))
        return .editing
    }

    /// Moves the focus, checking the field it leaves.
    mutating func move(by delta: Int) {
        let all = items
        let to = min(max(0, focusIndex + delta), all.count - 1)
        guard to != focusIndex else { return }
        leave(focus.field, going: all[to].field)
        // Leaving may not change the rows (only entry edits do), so the index still holds.
        let now = items
        focus = now[min(to, now.count - 1)]
    }

    mutating func leave(_ field: Field, going next: Field) {
        guard next != field else { return }
        commit(field)
        touched.insert(field)
    }

    /// Sets a typed field from what was typed, or records why it cannot be.
    mutating func commit(_ field: Field) {
        guard let editor = editors[field] else { return }
        if editor.text == spec.value(field, of: draft) {
            fieldProblems[field] = nil
            return
        }
        apply(field, editor.text)
        if fieldProblems[field] == nil, spec.showsSavedValue(field) { editors[field] = LineEditor(spec.value(field, of: draft)) }
    }

    /// Changes the draft by the spec's rules; a problem stays with the field (and with the
    /// field it is about, when another: a due date before the start).
    mutating func apply(_ field: Field, _ change: (inout Record) throws -> Void) {
        var copy = draft
        do {
            try change(&copy)
            spec.settle(&copy)
            draft = copy
            fieldProblems[field] = nil
        } catch let problem as RecordProblem<Field> {
            fieldProblems[problem.field] = problem.message
            if problem.field != field { fieldProblems[field] = problem.message }
        } catch {
            fieldProblems[field] = "\(error)"
        }
    }

    mutating func apply(_ field: Field, _ text: String) {
        let spec = spec
        apply(field) { try spec.set(field, to: text, on: &$0) }
    }

    mutating func typeInto(_ event: Event, keys: KeyMap) -> Outcome {
        let field = focus.field
        guard var editor = editors[field] else {
            // A paste on the add row of a one-line list starts an entry with it.
            if case .addEntry = focus, spec.kind(of: field) == .list, case .paste = event {
                addEntry(field, at: entryCount(field))
                return handle(event, keys: keys)
            }
            return .editing
        }
        if editor.handle(event) == .edited {
            editors[field] = editor
            // The old problem was about the old text; the field is checked again when left
            // (a date's note says as it is typed whether it reads as one).
            if spec.kind(of: field) != .date { fieldProblems[field] = nil }
            banner = nil
        }
        return .editing
    }

    mutating func submit() -> Outcome {
        if rowEditor != nil { finishRow() }
        for field in spec.fields where editors[field] != nil { commit(field) }
        touched = Set(spec.fields)
        let problems = self.problems
        guard !problems.isEmpty else { return .submitted(draft) }
        if let first = items.first(where: { problems[$0.field] != nil }) { focus = first }
        banner = problems.count == 1 ? "1 problem: see the field marked ⚠" : "\(problems.count) problems: see the fields marked ⚠"
        return .editing
    }

    // MARK: Choices

    mutating func openPicker(_ field: Field, filter: String) {
        popup = .picker(field, Picker(title: spec.label(field), choices: spec.choices(for: field), selected: spec.chosen(field, of: draft),
                                      allowsSeveral: spec.kind(of: field) == .choices, filter: filter))
    }

    /// ←/→ on a one-of field: the previous or next choice, without opening the list.
    mutating func step(_ field: Field, by delta: Int) {
        let all = spec.choices(for: field)
        guard !all.isEmpty else { return }
        let now = all.firstIndex { $0.id == spec.chosen(field, of: draft).first } ?? (delta > 0 ? -1 : all.count)
        setChosen(field, [all[min(max(0, now + delta), all.count - 1)].id])
    }

    /// What was picked; a typed field then shows it.
    mutating func setChosen(_ field: Field, _ ids: [String]) {
        let spec = spec
        apply(field) { try spec.setChosen(field, ids, on: &$0) }
        if editors[field] != nil { editors[field] = LineEditor(spec.value(field, of: draft)) }
        touched.insert(field)
        banner = nil
    }
}
