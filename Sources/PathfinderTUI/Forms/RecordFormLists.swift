import PathfinderModel

/// The form's lists (entries in a box, one-line entries typed in their row, milestones) and the
/// boxes it opens over its rows, for `RecordForm`.
extension RecordForm {
    // MARK: Lists

    /// The day date shortcuts count from: a spec with date or milestone fields gives it, and
    /// no other reads it.
    var today: Day { spec.today ?? Day(ordinal: 0) }

    func entryCount(_ field: Field) -> Int { spec.entries(field, of: draft).count }

    mutating func setEntries(_ field: Field, _ entries: [[String]]) {
        spec.setEntries(field, entries, on: &draft)
        spec.settle(&draft)
        touched.insert(field)
        fieldProblems[field] = nil
        banner = nil
    }

    /// A new entry at `index`: typed in its row, or in the list's box; `first` is its first letter.
    mutating func addEntry(_ field: Field, at index: Int, first: String = "") {
        switch spec.kind(of: field) {
        case .list:
            var entries = spec.entries(field, of: draft)
            entries.insert([""], at: index)
            spec.setEntries(field, entries, on: &draft)
            focus = .entry(field, index)
            rowEditor = LineEditor(first)
            rowIsNew = true
        case .milestones:
            var editor = MilestoneEditor(milestone: nil, index: nil, insertAt: index, today: today)
            editor.title = LineEditor(first)
            popup = .milestone(field, editor)
        default:
            var editor = EntryEditor(title: spec.label(field), parts: spec.parts(of: field), values: [], index: nil, insertAt: index)
            editor.editors[0] = LineEditor(first)
            popup = .entry(field, editor)
        }
    }

    mutating func editEntry(_ field: Field, _ index: Int) {
        let entry = spec.entries(field, of: draft)[index]
        switch spec.kind(of: field) {
        case .list:
            rowEditor = LineEditor(entry.first ?? "")
            rowIsNew = false
        case .milestones:
            popup = .milestone(field, MilestoneEditor(milestone: Milestone(parts: entry), index: index, insertAt: index,
                                                      today: today))
        default:
            popup = .entry(field, EntryEditor(title: spec.label(field), parts: spec.parts(of: field), values: entry, index: index,
                                              insertAt: index))
        }
    }

    /// Add, remove or move an entry of the focused list.
    mutating func changeList(_ command: Command, _ field: Field) {
        var entries = spec.entries(field, of: draft)
        switch (command, focus) {
        case (.addEntry, .addEntry):
            addEntry(field, at: entries.count)
        case let (.addEntry, .entry(_, i)):
            addEntry(field, at: i + 1)
        case let (.removeEntry, .entry(_, i)):
            entries.remove(at: i)
            focus = i < entries.count ? .entry(field, i) : .addEntry(field)
            setEntries(field, entries)
        case let (.moveEntryUp, .entry(_, i)) where i > 0:
            entries.swapAt(i, i - 1)
            focus = .entry(field, i - 1)
            setEntries(field, entries)
        case let (.moveEntryDown, .entry(_, i)) where i + 1 < entries.count:
            entries.swapAt(i, i + 1)
            focus = .entry(field, i + 1)
            setEntries(field, entries)
        default:
            break
        }
    }

    /// Keys while an entry is typed in its row: Enter keeps it, Esc undoes the typing (a row
    /// added for it goes again), moving or saving keeps it first; the rest is typing.
    mutating func typeInRow(_ event: Event, keys: KeyMap) -> Outcome {
        if case let .key(key) = event, !isCharacter(key) {
            switch keys.command(for: key, in: .form) {
            case .cancel?:
                if rowIsNew, case let .entry(field, i) = focus {
                    var entries = spec.entries(field, of: draft)
                    entries.remove(at: i)
                    spec.setEntries(field, entries, on: &draft)
                    focus = i < entries.count ? .entry(field, i) : .addEntry(field)
                }
                rowEditor = nil
                return .editing
            case .open?:
                finishRow()
                return .editing
            case .nextField?, .previousField?, .save?:
                finishRow()
                return handle(event, keys: keys)
            default:
                break
            }
        }
        _ = rowEditor?.handle(event)
        return .editing
    }

    func isCharacter(_ key: Key) -> Bool {
        if case .character = key { return true }
        return false
    }

    /// Puts an entry typed in its row into the list; an empty one is removed.
    mutating func finishRow() {
        guard let editor = rowEditor, case let .entry(field, i) = focus else {
            rowEditor = nil
            return
        }
        rowEditor = nil
        var entries = spec.entries(field, of: draft)
        let text = editor.text.trimmedSpaces
        if text.isEmpty {
            entries.remove(at: i)
            focus = i < entries.count ? .entry(field, i) : .addEntry(field)
        } else {
            entries[i] = [text]
        }
        setEntries(field, entries)
    }

    // MARK: Boxes over the form

    mutating func handlePopup(_ current: Popup, _ event: Event) -> Outcome {
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
            let step = BoxStep(picker.handle(event))
            follow(step, reopen: .picker(field, picker)) { $0.setChosen(field, $1) }
        case .entry(let field, var editor):
            let step = BoxStep(editor.handle(event))
            follow(step, reopen: .entry(field, editor)) { form, parts in
                // The box stays open with the reason until the entry can be saved.
                if let problem = form.spec.entryProblem(field, parts) {
                    editor.problem = problem
                    form.popup = .entry(field, editor)
                } else {
                    form.put(parts, field, index: editor.index, insertAt: editor.insertAt)
                }
            }
        case .milestone(let field, var editor):
            let step = BoxStep(editor.handle(event))
            follow(step, reopen: .milestone(field, editor)) { $0.put($1.parts, field, index: editor.index, insertAt: editor.insertAt) }
        case .textArea(let field, var area):
            let step = BoxStep(area.handle(event))
            follow(step, reopen: .textArea(field, area)) { $0.setLongText(field, to: $1) }
        }
        return .editing
    }

    /// After a key in a box: it stays open (as it now is), closes, or closes with its value.
    mutating func follow<Value>(_ step: BoxStep<Value>, reopen box: Popup, _ done: (inout Self, Value) -> Void) {
        switch step {
        case .open: popup = box
        case .closed: popup = nil
        case let .done(value):
            popup = nil
            done(&self, value)
        }
    }

    /// An entry from a box: in place of entry `index`, or a new one at `insertAt`.
    mutating func put(_ parts: [String], _ field: Field, index: Int?, insertAt: Int) {
        var entries = spec.entries(field, of: draft)
        if let index {
            entries[index] = parts
            focus = .entry(field, index)
        } else {
            entries.insert(parts, at: insertAt)
            focus = .entry(field, insertAt)
        }
        setEntries(field, entries)
    }
}

/// What a key did to a box over the form, whichever box it is.
enum BoxStep<Value> {
    case open, closed, done(Value)

    init(_ outcome: Picker.Outcome) where Value == [String] {
        switch outcome {
        case .editing: self = .open
        case .cancelled: self = .closed
        case let .chosen(ids): self = .done(ids)
        }
    }

    init(_ outcome: EntryEditor.Outcome) where Value == [String] {
        switch outcome {
        case .editing: self = .open
        case .cancelled: self = .closed
        case let .done(parts): self = .done(parts)
        }
    }

    init(_ outcome: MilestoneEditor.Outcome) where Value == Milestone {
        switch outcome {
        case .editing: self = .open
        case .cancelled: self = .closed
        case let .done(milestone): self = .done(milestone)
        }
    }

    init(_ outcome: TextArea.Outcome) where Value == String {
        switch outcome {
        case .editing: self = .open
        case .cancelled: self = .closed
        case let .finished(text): self = .done(text)
        }
    }
}

extension Milestone {
    /// A milestone as the form's list holds it: title, due date (ISO, or empty), "x" when done.
    var parts: [String] { [title, due?.iso ?? "", done ? "x" : ""] }

    init(parts: [String]) {
        func part(_ i: Int) -> String { parts.indices.contains(i) ? parts[i] : "" }
        self.init(title: part(0), due: Day(iso: part(1)), done: !part(2).isEmpty)
    }
}
