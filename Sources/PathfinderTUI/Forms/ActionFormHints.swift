import PathfinderModel

/// What the action form offers and says: the choices of its picked fields, and its key hints
/// and help (read-only views of the form, kept apart from its key handling in ActionForm.swift).
extension ActionForm {
    func choices(for field: ActionField) -> [Picker.Choice] {
        switch field {
        case .status: catalogue.statuses.map { Picker.Choice(id: $0.id, label: $0.label, symbol: $0.symbol) }
        case .rag: RAG.allCases.map { Picker.Choice(id: $0.rawValue, label: $0.label, detail: catalogue.ragMeanings[$0] ?? "", symbol: $0.letter) }
        case .theme: catalogue.themes.map { Picker.Choice(id: $0.id, label: $0.label, detail: $0.group) }
        case .successFactors: catalogue.successFactors.map { Picker.Choice(id: $0.id, label: $0.label) }
        case .caseStudies: caseStudyChoices
        case .leadBody: leadBodyChoices
        case .fundingFullCostRecovery:
            [Picker.Choice(id: "yes", label: "Yes"), Picker.Choice(id: "no", label: "No"), Picker.Choice(id: "", label: "Not said")]
        default: []
        }
    }

    func chosenIDs(_ field: ActionField) -> [String] {
        switch field {
        case .status: [draft.status]
        case .rag: [draft.rag.rawValue]
        case .theme: draft.theme.isEmpty ? [] : [draft.theme]
        case .successFactors: draft.successFactors
        case .caseStudies: draft.caseStudies
        default: [field.value(of: draft)]
        }
    }

    // MARK: Hints

    /// The keys that work now, most useful first, for the status line.
    public var hints: [KeyHint] {
        switch popup {
        case .confirmDiscard: return [KeyHint(key: "y", label: "discard changes"), KeyHint(key: "n", label: "keep editing")]
        case let .picker(_, picker): return picker.hints
        case let .milestone(editor): return editor.hints
        case let .textArea(_, area): return area.hints
        case nil: break
        }
        if entryEditor != nil {
            return [KeyHint(key: "Enter", label: "done"), KeyHint(key: "Esc", label: "undo typing"), KeyHint(key: "Tab", label: "next")]
        }
        let save = KeyHint(key: "Ctrl-S", label: "save")
        let cancel = KeyHint(key: "Esc", label: "cancel")
        let next = KeyHint(key: "Tab/↓", label: "next")
        let previous = KeyHint(key: "Shift-Tab/↑", label: "previous")
        switch focus {
        case .addPartner:
            return [save, KeyHint(key: "Enter", label: "add partner"), next, previous, cancel]
        case .addMilestone:
            return [save, KeyHint(key: "Enter", label: "add milestone"), next, previous, cancel]
        case .partner:
            return [save, KeyHint(key: "Enter", label: "edit"), KeyHint(key: "a", label: "add"), KeyHint(key: "d", label: "remove"),
                    KeyHint(key: "K/J", label: "move up/down"), next, previous, cancel]
        case .milestone:
            return [save, KeyHint(key: "Enter", label: "edit"), KeyHint(key: "Space", label: "done/not done"),
                    KeyHint(key: "a", label: "add"), KeyHint(key: "d", label: "remove"), KeyHint(key: "K/J", label: "move up/down"),
                    next, previous, cancel]
        case let .field(field):
            switch ActionForm.kind(of: field) {
            case .choice:
                return [save, KeyHint(key: "Enter", label: "choose"), KeyHint(key: "←→", label: "change"), next, previous, cancel]
            case .choices:
                return [save, KeyHint(key: "Enter", label: "choose"), next, previous, cancel]
            case .longText:
                return [save, KeyHint(key: "Enter", label: usesExternalEditor ? "edit in editor" : "edit"), next, previous, cancel]
            default:
                let pick = choices(for: field).isEmpty ? [] : [KeyHint(key: "Ctrl-P", label: "pick")]
                return [save, next, previous] + pick + [cancel, KeyHint(key: "Ctrl-K/U/W", label: "cut")]
            }
        }
    }

    /// Every key the form understands, for the help overlay: keys, then what they do.
    public static let keyHelp: [KeyHint] = [
        KeyHint(key: "Ctrl-S", label: "Save the action (only when every field is valid)"),
        KeyHint(key: "Esc, Ctrl-C", label: "Close the form; asks first if anything changed"),
        KeyHint(key: "Tab, ↓, Enter", label: "Next field (Enter opens choices and lists)"),
        KeyHint(key: "Shift-Tab, ↑", label: "Previous field"),
        KeyHint(key: "PgDn, PgUp", label: "Five fields down or up"),
        KeyHint(key: "←, →, Home, End", label: "Move in a text field"),
        KeyHint(key: "Ctrl-A, Ctrl-E", label: "Start, end of a text field"),
        KeyHint(key: "Ctrl-K, Ctrl-U, Ctrl-W", label: "Cut to the end, to the start, the word before"),
        KeyHint(key: "Enter, Space", label: "Open the choices of status, RAG, theme, factors, case studies"),
        KeyHint(key: "←, →", label: "Previous or next status, RAG or theme"),
        KeyHint(key: "Ctrl-P", label: "Lead body: pick one already in use (or type a new one)"),
        KeyHint(key: "letters", label: "In a list of choices: narrow it to what you type"),
        KeyHint(key: "Space", label: "Tick a success factor or case study; tick a milestone done"),
        KeyHint(key: "a, +, Insert", label: "Add a partner or milestone after this one"),
        KeyHint(key: "d, x, Delete", label: "Remove this partner or milestone"),
        KeyHint(key: "K, J", label: "Move this partner or milestone up or down"),
        KeyHint(key: "Enter", label: "Edit this partner or milestone; the description in your editor"),
        KeyHint(key: "Dates", label: DateInput.hint),
    ]
}
