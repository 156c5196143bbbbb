import PathfinderModel

/// What a form's status line says: the keys that work on the focused row, read from the key
/// map's `form` context (so a rebound key is shown as bound), most useful first. Open boxes
/// (choices, an entry, text) say their own keys.
extension RecordForm {
    /// The hints with the default keys.
    public var hints: [KeyHint] { hints(using: .defaults) }

    public func hints(using keys: KeyMap) -> [KeyHint] {
        switch popup {
        case .confirmDiscard: return [KeyHint(key: "y", label: "discard changes"), KeyHint(key: "n", label: "keep editing")]
        case let .picker(_, picker): return picker.hints
        case let .entry(_, editor): return editor.hints
        case let .milestone(_, editor): return editor.hints
        case let .textArea(_, area): return area.hints
        case nil: break
        }
        func hint(_ command: Command, _ label: String? = nil) -> [KeyHint] {
            FormKeys.keyText(command, keys).map { [KeyHint(key: $0, label: label ?? command.hint)] } ?? []
        }
        if rowEditor != nil {
            let next = keys.key(for: .nextField, in: .form).map { [KeyHint(key: KeyName.display($0), label: "next")] } ?? []
            return hint(.open, "done") + hint(.cancel, "undo typing") + next
        }
        let moving = hint(.nextField) + hint(.previousField)
        let save = hint(.save)
        let cancel = hint(.cancel)
        let field = focus.field
        let kind = spec.kind(of: field)
        switch focus {
        case .addEntry:
            return save + hint(.open, spec.entryName(field).map { "add \($0)" } ?? "add") + moving + cancel
        case .entry:
            let tick = kind == .milestones ? hint(.tick) : []
            let move = FormKeys.pairText(.moveEntryUp, .moveEntryDown, keys).map { [KeyHint(key: $0, label: "move up/down")] } ?? []
            return save + hint(.open, "edit") + tick + hint(.addEntry) + hint(.removeEntry) + move + moving + cancel
        case .field:
            switch kind {
            case .choice:
                let change = FormKeys.pairText(.previousChoice, .nextChoice, keys).map { [KeyHint(key: $0, label: "change")] } ?? []
                return save + hint(.open, "choose") + change + moving + cancel
            case .choices:
                return save + hint(.open, "choose") + moving + cancel
            case .longText:
                return save + hint(.open, usesExternalEditor ? "edit in editor" : "edit") + moving + cancel
            default:
                let pick = spec.choices(for: field).isEmpty ? [] : hint(.pick)
                return save + moving + pick + cancel + [LineEditor.cutHint]
            }
        }
    }
}

/// How the form's keys are written in its hints, from the key map: a command's first key, and
/// an arrow bound to it as well ("Tab/↓"), since arrows are what most people reach for.
enum FormKeys {
    static func keyText(_ command: Command, _ keys: KeyMap) -> String? {
        let bound = keys.keys(for: command, in: .form)
        guard let first = bound.first else { return nil }
        let arrow = bound.dropFirst().first { [.up, .down, .left, .right].contains($0) }
        return ([first] + (arrow.map { [$0] } ?? [])).map(KeyName.display).joined(separator: "/")
    }

    /// Two commands that go together ("K/J" move up/down); two arrows read as one ("←→").
    static func pairText(_ one: Command, _ other: Command, _ keys: KeyMap) -> String? {
        guard let a = keys.key(for: one, in: .form), let b = keys.key(for: other, in: .form) else { return nil }
        let arrows: [Key] = [.up, .down, .left, .right]
        let joiner = arrows.contains(a) && arrows.contains(b) ? "" : "/"
        return KeyName.display(a) + joiner + KeyName.display(b)
    }
}
