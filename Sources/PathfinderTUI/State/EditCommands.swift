import PathfinderModel

/// Edits made in more than one key: the action form, and long text in an editor.
extension AppState {
    /// A form for a new action in the area on screen: not started, green, the area's most
    /// used theme; the store gives it its id when saved.
    mutating func openNewActionForm() -> [Effect] {
        guard let area = currentArea.flatMap(partnership.area) else {
            message = Message("Choose an area first: a new action goes in its plan", isError: true)
            return []
        }
        let themes = Dictionary(grouping: partnership.actions(inArea: area.id), by: \.theme).mapValues(\.count)
        let theme = themes.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? partnership.catalogue.themes.first?.id ?? ""
        let draft = Action(id: "", area: area.id, title: "", theme: theme, status: partnership.catalogue.startingStatus,
                           rag: .green)
        var form = ActionForm(action: draft, partnership: partnership, today: edits.today, heading: "New action in \(area.name)",
                              usesExternalEditor: edits.hasExternalEditor)
        form.resize(width: width, height: bodyHeight)
        push(.actionForm(form))
        return []
    }

    /// Keys, paste and clicks go to the form on screen; what it says decides what happens.
    mutating func handleForm(_ form: inout ActionForm, _ event: Event) -> [Effect] {
        let outcome: FormOutcome
        if case let .mouse(.click(x, y)) = event {
            outcome = form.click(x: x, y: y, in: Rect(x: 0, y: 1, width: width, height: bodyHeight))
        } else {
            outcome = form.handle(event)
        }
        switch outcome {
        case .editing:
            page = .actionForm(form)
            return []
        case .cancelled:
            goBack()
            message = Message("Closed without saving; nothing changed")
            return []
        case let .openEditor(field):
            page = .actionForm(form)
            return [.editText(TextRequest(purpose: .formField(field.rawValue), text: form.longText(field),
                                          fileName: "\(form.original.id.isEmpty ? "new-action" : form.original.id)-\(field.rawValue).md"))]
        case let .submitted(action):
            goBack()
            let stamped = action.stamped(by: edits.userName ?? "", on: edits.today)
            if form.original.id.isEmpty {
                edits.pending[.newAction(area: action.area)] = .create(stamped)
                message = Message("Creating \(Quote.value(action.title, shown: Quote.titleShown))…")
                return [.create(stamped)]
            }
            let changed = ActionEdit.changes(from: form.original, to: action, catalogue: partnership.catalogue).map(\.field.label)
            guard !changed.isEmpty else {
                message = Message("\(action.id): nothing changed")
                return []
            }
            return edit(action.id, from: form.original, summary: "\(action.id) edited: " + changed.joined(separator: ", ")) { $0 = action }
        }
    }

    /// Long text goes to the user's editor when one is set, else to the inline one.
    mutating func startText(_ request: TextRequest) -> [Effect] {
        if edits.hasExternalEditor { return [.editText(request)] }
        overlay = .textArea(TextArea(request.text, width: max(10, width - 4), height: max(3, bodyHeight - 2)), request)
        return []
    }
}

extension Effect {
    /// Whether this effect writes exactly `record`.
    func writes(_ record: Record) -> Bool {
        switch self {
        case let .save(r): r == record
        case let .restore(a): Record.action(a) == record
        default: false
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
