import PathfinderModel

/// How a field of a profile form (an area, a case study) is edited.
public enum RecordFieldKind: Hashable, Sendable {
    /// Typed on one line (`LineEditor` keys).
    case text
    /// One of a list (a picker), or none.
    case choice
    /// Several of a list, ticked in a picker.
    case choices
    /// Rows of entries with parts (key figures, members, forums), each edited in a small box.
    case entries
    /// Several lines: `$VISUAL`/`$EDITOR`, or the inline `TextArea`.
    case longText
}

/// What a profile form edits and by what rules: the record, its fields, and the model's rules
/// for them (`AreaEdit`, `CaseStudyEdit`). The form keeps the keys, the draft and the drawing.
public protocol RecordFormSpec: Hashable, Sendable {
    associatedtype Record: Hashable & Sendable
    associatedtype Field: Hashable & Sendable

    /// The fields in the order the form shows them.
    var fields: [Field] { get }
    func kind(of field: Field) -> RecordFieldKind
    func label(_ field: Field) -> String
    /// The whole value as text (a long text whole; a list as `EntryText` writes it).
    func value(_ field: Field, of record: Record) -> String
    /// Sets a text or long text field from what was typed; throws `RecordProblem<Field>`.
    func set(_ field: Field, to text: String, on record: inout Record) throws
    /// The record's own checks, as they would refuse a save.
    func problems(_ record: Record) -> [RecordProblem<Field>]
    func choices(for field: Field) -> [Picker.Choice]
    func chosen(_ field: Field, of record: Record) -> [String]
    func setChosen(_ field: Field, _ ids: [String], on record: inout Record)
    /// Names of the parts of an entry of a list field ("Label", "Value", "Source").
    func parts(of field: Field) -> [String]
    func entries(_ field: Field, of record: Record) -> [[String]]
    func setEntries(_ field: Field, _ entries: [[String]], on record: inout Record)
    func entryProblem(_ field: Field, _ parts: [String]) -> String?
    /// Called after every change to the draft: a new record's id follows its name.
    func settle(_ record: inout Record)
}

/// What a profile form tells its owner after each event (as `FormOutcome` for actions).
public enum RecordFormOutcome<Record: Hashable & Sendable, Field: Hashable & Sendable>: Hashable, Sendable {
    case editing
    /// Esc with nothing changed, or a confirmed discard.
    case cancelled
    /// Ctrl-S with every field valid.
    case submitted(Record)
    /// Long text for `$VISUAL`/`$EDITOR`: run it on `form.longText(field)`, then give the result
    /// back with `form.setLongText(field, to:)`.
    case openEditor(Field)
}

/// A form over a draft of one area or case study, with the action form's keys: typed fields
/// (readline keys), pickers, lists of entries (a add, d remove, K/J move, Enter edit), long text
/// in the editor or inline; a field is checked when left, Ctrl-S saves only a valid draft, and
/// Esc with changes asks first.
public struct RecordForm<Spec: RecordFormSpec>: Hashable, Sendable {
    public typealias Field = Spec.Field
    public typealias Record = Spec.Record

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
        case textArea(Field, TextArea)
        case confirmDiscard
    }

    public let spec: Spec
    /// The record as it was when the form opened.
    public let original: Record
    /// The record with every accepted change.
    public private(set) var draft: Record
    /// Whether this makes a new record (its id is still being made from its name).
    public let isNew: Bool
    public var heading: String
    public var usesExternalEditor: Bool
    public private(set) var focus: Item
    private(set) var editors: [Field: LineEditor] = [:]
    private(set) var fieldProblems: [Field: String] = [:]
    private(set) var touched: Set<Field> = []
    private(set) var popup: Popup?
    public private(set) var banner: String?
    private var width = 80
    private var height = 20

    public init(spec: Spec, record: Record, isNew: Bool, heading: String, usesExternalEditor: Bool = false) {
        self.spec = spec
        original = record
        draft = record
        self.isNew = isNew
        self.heading = heading
        self.usesExternalEditor = usesExternalEditor
        focus = .field(spec.fields[0])
        for field in spec.fields where spec.kind(of: field) == .text {
            editors[field] = LineEditor(spec.value(field, of: record))
        }
    }

    public var items: [Item] {
        spec.fields.flatMap { field -> [Item] in
            guard spec.kind(of: field) == .entries else { return [.field(field)] }
            return spec.entries(field, of: draft).indices.map { .entry(field, $0) } + [.addEntry(field)]
        }
    }

    var focusIndex: Int { items.firstIndex(of: focus) ?? 0 }

    public var isChanged: Bool {
        draft != original || editors.contains { $0.value.text != spec.value($0.key, of: draft) }
    }

    /// Each field's problem, as shown under it.
    public var problems: [Field: String] {
        var all: [Field: String] = [:]
        for problem in spec.problems(draft) where touched.contains(problem.field) && all[problem.field] == nil {
            all[problem.field] = problem.message
        }
        for (field, message) in fieldProblems { all[field] = message }
        return all
    }

    public func longText(_ field: Field) -> String { spec.value(field, of: draft) }

    public mutating func setLongText(_ field: Field, to text: String) {
        touched.insert(field)
        apply(field, text)
    }

    public mutating func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        if case .textArea(let field, var area) = popup {
            area.resize(width: max(1, width - 5), height: max(1, height - 2))
            popup = .textArea(field, area)
        }
    }

    /// Puts the focus on a field, as when the form opens where the user was.
    public mutating func focus(on field: Field) {
        guard let target = items.first(where: { $0.field == field }) else { return }
        leave(focus.field, going: field)
        focus = target
    }

    /// A click on a row of the form drawn in `rect` focuses it, checking the field it leaves;
    /// clicks while a box is open, or outside the rows, do nothing.
    public mutating func click(x: Int, y: Int, in rect: Rect) {
        guard popup == nil, let target = item(atX: x, y: y, in: rect), items.contains(target) else { return }
        leave(focus.field, going: target.field)
        focus = target
    }

    // MARK: Keys

    public mutating func handle(_ event: Event) -> RecordFormOutcome<Record, Field> {
        if case let .resize(width, height) = event {
            resize(width: width, height: height)
            return .editing
        }
        if let popup { return handlePopup(popup, event) }
        guard case let .key(key) = event else {
            switch event {
            case .paste: typeInto(event)
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
        switch spec.kind(of: field) {
        case .text:
            if key == .enter {
                move(by: 1)
            } else {
                typeInto(event)
            }
        case .choice, .choices:
            switch key {
            case .enter, .character(" "): openPicker(field, filter: "")
            case let .character(c): openPicker(field, filter: String(c))
            case .left where spec.kind(of: field) == .choice: step(field, by: -1)
            case .right where spec.kind(of: field) == .choice: step(field, by: 1)
            default: break
            }
        case .longText:
            if key == .enter || key == .character("e") {
                if usesExternalEditor { return .openEditor(field) }
                popup = .textArea(field, TextArea(longText(field), width: max(1, width - 5), height: max(1, height - 2)))
            }
        case .entries:
            handleEntryKey(field, key)
        }
        return .editing
    }

    private mutating func move(by delta: Int) {
        let all = items
        let to = min(max(0, focusIndex + delta), all.count - 1)
        guard to != focusIndex else { return }
        leave(focus.field, going: all[to].field)
        let now = items
        focus = now[min(to, now.count - 1)]
    }

    private mutating func leave(_ field: Field, going next: Field) {
        guard next != field else { return }
        commit(field)
        touched.insert(field)
    }

    private mutating func commit(_ field: Field) {
        guard let editor = editors[field] else { return }
        if editor.text == spec.value(field, of: draft) {
            fieldProblems[field] = nil
            return
        }
        apply(field, editor.text)
        // Shown as saved (a code typed small becomes capitals).
        if fieldProblems[field] == nil { editors[field] = LineEditor(spec.value(field, of: draft)) }
    }

    private mutating func apply(_ field: Field, _ text: String) {
        var copy = draft
        do {
            try spec.set(field, to: text, on: &copy)
            spec.settle(&copy)
            draft = copy
            fieldProblems[field] = nil
        } catch let problem as RecordProblem<Field> {
            fieldProblems[problem.field] = problem.message
        } catch {
            fieldProblems[field] = "\(error)"
        }
    }

    private mutating func typeInto(_ event: Event) {
        let field = focus.field
        guard var editor = editors[field] else { return }
        if editor.handle(event) == .edited {
            editors[field] = editor
            fieldProblems[field] = nil
            banner = nil
        }
    }

    private mutating func submit() -> RecordFormOutcome<Record, Field> {
        for field in spec.fields where editors[field] != nil { commit(field) }
        touched = Set(spec.fields)
        let problems = self.problems
        guard !problems.isEmpty else { return .submitted(draft) }
        if let first = items.first(where: { problems[$0.field] != nil }) { focus = first }
        banner = problems.count == 1 ? "1 problem: see the field marked ⚠" : "\(problems.count) problems: see the fields marked ⚠"
        return .editing
    }

    // MARK: Choices

    private mutating func openPicker(_ field: Field, filter: String) {
        popup = .picker(field, Picker(title: spec.label(field), choices: spec.choices(for: field), selected: spec.chosen(field, of: draft),
                                      allowsSeveral: spec.kind(of: field) == .choices, filter: filter))
    }

    private mutating func step(_ field: Field, by delta: Int) {
        let all = spec.choices(for: field)
        guard !all.isEmpty else { return }
        let now = all.firstIndex { $0.id == spec.chosen(field, of: draft).first } ?? (delta > 0 ? -1 : all.count)
        setChosen(field, [all[min(max(0, now + delta), all.count - 1)].id])
    }

    private mutating func setChosen(_ field: Field, _ ids: [String]) {
        spec.setChosen(field, ids, on: &draft)
        spec.settle(&draft)
        fieldProblems[field] = nil
        touched.insert(field)
        banner = nil
    }

    // MARK: Lists of entries

    private mutating func handleEntryKey(_ field: Field, _ key: Key) {
        var entries = spec.entries(field, of: draft)
        let parts = spec.parts(of: field)
        func edit(_ index: Int?, insertAt: Int, first: String = "") {
            var editor = EntryEditor(title: spec.label(field), parts: parts, values: index.map { entries[$0] } ?? [], index: index,
                                     insertAt: insertAt)
            if !first.isEmpty { editor.editors[0] = LineEditor(first) }
            popup = .entry(field, editor)
        }
        switch (focus, key) {
        case (.addEntry, .enter), (.addEntry, .character("a")), (.addEntry, .character("+")), (.addEntry, .insert):
            edit(nil, insertAt: entries.count)
            return
        case let (.addEntry, .character(c)):
            // Typing on the empty row starts an entry with that letter.
            edit(nil, insertAt: entries.count, first: String(c))
            return
        case let (.entry(_, i), .enter):
            edit(i, insertAt: i)
            return
        case let (.entry(_, i), .character("a")), let (.entry(_, i), .character("+")), let (.entry(_, i), .insert):
            edit(nil, insertAt: i + 1)
            return
        case let (.entry(_, i), .character("d")), let (.entry(_, i), .character("x")), let (.entry(_, i), .delete):
            entries.remove(at: i)
            focus = i < entries.count ? .entry(field, i) : .addEntry(field)
        case let (.entry(_, i), .character("K")) where i > 0:
            entries.swapAt(i, i - 1)
            focus = .entry(field, i - 1)
        case let (.entry(_, i), .character("J")) where i + 1 < entries.count:
            entries.swapAt(i, i + 1)
            focus = .entry(field, i + 1)
        default:
            return
        }
        spec.setEntries(field, entries, on: &draft)
        touched.insert(field)
        fieldProblems[field] = nil
        banner = nil
    }

    // MARK: Popups

    private mutating func handlePopup(_ current: Popup, _ event: Event) -> RecordFormOutcome<Record, Field> {
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
        case .entry(let field, var editor):
            switch editor.handle(event) {
            case .editing: popup = .entry(field, editor)
            case .cancelled: popup = nil
            case let .done(parts):
                // The box stays open with the reason until the entry can be saved.
                if let problem = spec.entryProblem(field, parts) {
                    editor.problem = problem
                    popup = .entry(field, editor)
                    return .editing
                }
                popup = nil
                var entries = spec.entries(field, of: draft)
                if let index = editor.index {
                    entries[index] = parts
                    focus = .entry(field, index)
                } else {
                    entries.insert(parts, at: editor.insertAt)
                    focus = .entry(field, editor.insertAt)
                }
                spec.setEntries(field, entries, on: &draft)
                touched.insert(field)
                fieldProblems[field] = nil
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

    // MARK: Hints

    public var hints: [KeyHint] {
        switch popup {
        case .confirmDiscard: return [KeyHint(key: "y", label: "discard changes"), KeyHint(key: "n", label: "keep editing")]
        case let .picker(_, picker): return picker.hints
        case let .entry(_, editor): return editor.hints
        case let .textArea(_, area): return area.hints
        case nil: break
        }
        let save = KeyHint(key: "Ctrl-S", label: "save")
        let cancel = KeyHint(key: "Esc", label: "cancel")
        let next = KeyHint(key: "Tab/↓", label: "next")
        let previous = KeyHint(key: "Shift-Tab/↑", label: "previous")
        switch focus {
        case .addEntry:
            return [save, KeyHint(key: "Enter", label: "add"), next, previous, cancel]
        case .entry:
            return [save, KeyHint(key: "Enter", label: "edit"), KeyHint(key: "a", label: "add"), KeyHint(key: "d", label: "remove"),
                    KeyHint(key: "K/J", label: "move up/down"), next, previous, cancel]
        case let .field(field):
            switch spec.kind(of: field) {
            case .choice: return [save, KeyHint(key: "Enter", label: "choose"), KeyHint(key: "←→", label: "change"), next, previous, cancel]
            case .choices: return [save, KeyHint(key: "Enter", label: "choose"), next, previous, cancel]
            case .longText:
                return [save, KeyHint(key: "Enter", label: usesExternalEditor ? "edit in editor" : "edit"), next, previous, cancel]
            default: return [save, next, previous, cancel, KeyHint(key: "Ctrl-K/U/W", label: "cut")]
            }
        }
    }
}

/// The small box for adding or changing one entry of a list: one line per part (a key figure's
/// label, value and source; a member's name, role and body).
struct EntryEditor: Hashable, Sendable {
    var title: String
    var parts: [String]
    var editors: [LineEditor]
    /// The entry being changed, or nil for a new one inserted at `insertAt`.
    var index: Int?
    var insertAt: Int
    var current = 0
    var problem: String?

    enum Outcome: Hashable, Sendable {
        case editing
        case done([String])
        case cancelled
    }

    init(title: String, parts: [String], values: [String], index: Int?, insertAt: Int) {
        self.title = title
        self.parts = parts
        editors = parts.indices.map { LineEditor(values.indices.contains($0) ? values[$0] : "") }
        self.index = index
        self.insertAt = insertAt
    }

    var isLast: Bool { current == parts.count - 1 }

    var hints: [KeyHint] {
        [KeyHint(key: "Enter", label: isLast ? "OK" : "next"), KeyHint(key: "Tab", label: "other part"), KeyHint(key: "Ctrl-S", label: "OK"),
         KeyHint(key: "Esc", label: "cancel")]
    }

    mutating func handle(_ event: Event) -> Outcome {
        switch event {
        case let .key(key):
            switch key {
            case .escape: return .cancelled
            case .tab, .down:
                current = (current + 1) % parts.count
                return .editing
            case .backTab, .up:
                current = (current + parts.count - 1) % parts.count
                return .editing
            case .enter where !isLast:
                current += 1
                return .editing
            case .enter, .control("s"):
                return .done(editors.map { $0.text.trimmedSpaces })
            default: break
            }
        case .paste: break
        default: return .editing
        }
        problem = nil
        _ = editors[current].handle(event)
        return .editing
    }
}
