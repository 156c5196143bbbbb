import PathfinderModel

/// Edits made in more than one key: a new action's form (`FormCommands.swift` runs every form),
/// and long text in an editor.
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
        open(.action(ActionForm(action: draft, partnership: partnership, today: datesFrom, heading: "New action in \(area.name)",
                                usesExternalEditor: edits.hasExternalEditor)))
        return []
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
