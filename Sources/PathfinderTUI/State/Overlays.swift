import PathfinderModel

/// Keys, paste and clicks while something is drawn over the page: it takes them all.
extension AppState {
    // MARK: Overlays

    /// A dialog (or the `:` line) closes on its answer or on Esc, and stays open while it is
    /// being used.
    mutating func handleOverlay(_ overlay: Overlay, _ event: Event) -> [Effect] {
        switch overlay {
        case let .help(scroll):
            guard case let .key(key) = event else { return [] }
            let command = keyMap.command(for: key, in: .help) ?? keyMap.command(for: key, in: context)
            switch command {
            case .down?: self.overlay = .help(scroll: scroll + 1)
            case .up?: self.overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown?, .halfPageDown?: self.overlay = .help(scroll: scroll + max(1, bodyHeight - 4))
            case .pageUp?, .halfPageUp?: self.overlay = .help(scroll: max(0, scroll - max(1, bodyHeight - 4)))
            case .top?: self.overlay = .help(scroll: 0)
            case .bottom?: self.overlay = .help(scroll: Int.max / 2)
            case .quit?, .back?, .help?: self.overlay = nil
            // Any other key is the overlay's and does nothing: it never reaches the screen
            // beneath, which the user cannot see.
            default: break
            }
            if case let .help(s) = self.overlay {
                self.overlay = .help(scroll: min(s, max(0, HelpOverlay.lines(self).count - HelpOverlay.visibleLines(self))))
            }
            return []
        case var .commandLine(editor):
            // Tab completes a command's name from the table, as far as it is certain.
            if event == .key(.tab) {
                if let completed = TypedCommand.complete(editor.text) { editor.set(completed) }
                self.overlay = .commandLine(editor)
                return []
            }
            self.overlay = nil
            switch editor.handle(event) {
            case .edited, .ignored: self.overlay = .commandLine(editor)
            case .cancelled: break
            case .submitted: return runCommandLine(editor.text)
            }
            return []
        case .picker(var picker, let purpose):
            self.overlay = nil
            switch picker.handle(event) {
            case .editing: self.overlay = .picker(picker, purpose)
            case .cancelled: break
            case let .chosen(ids): return answer(purpose, chosen: ids)
            }
            return []
        case var .prompt(prompt):
            self.overlay = nil
            switch prompt.editor.handle(event) {
            case .edited, .ignored:
                self.overlay = .prompt(prompt)
            case .cancelled:
                message = Message("Cancelled; nothing changed")
            case .submitted:
                if prompt.kind == .date, case let .failure(problem) = prompt.resolvedDate(today: datesFrom) {
                    // Keep what was typed so it can be corrected.
                    self.overlay = .prompt(prompt)
                    message = Message(problem.message, isError: true)
                    return []
                }
                return answer(prompt.purpose, text: prompt.editor.text)
            }
            return []
        case .textArea(var area, let request):
            self.overlay = nil
            switch area.handle(event) {
            case .editing: self.overlay = .textArea(area, request)
            case .cancelled: message = Message("Cancelled; nothing changed")
            case let .finished(text): return finishText(request, text)
            }
            return []
        case let .confirm(confirmation):
            guard case let .key(key) = event else { return [] }
            self.overlay = nil
            return answer(confirmation.purpose, yes: key == .character("y") || key == .character("Y"))
        }
    }
}
