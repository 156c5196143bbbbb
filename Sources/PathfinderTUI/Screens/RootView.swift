import PathfinderModel

/// Draws the whole application: title line with breadcrumbs, the current page, the message
/// line and the status line with the main keys. Every page draws inside `body`.
public enum RootView {
    public static func render(_ state: AppState, into screen: inout Screen) {
        let theme = state.theme
        screen.fill(x: 0, y: 0, width: screen.width, height: screen.height, style: theme.style(for: .normal))
        if state.isTooSmall {
            renderTooSmall(state, into: &screen)
            return
        }
        renderTitle(state, into: &screen)
        let body = Rect(x: 0, y: 1, width: state.width, height: state.bodyHeight)
        let page = state.screen
        page.render(state, page.layout(state, body), &screen)
        switch state.overlay {
        case let .help(scroll)?: HelpOverlay.render(state, scroll: scroll, body, &screen)
        case let .picker(picker, _)?: picker.render(into: &screen, in: body, theme: state.theme)
        case let .textArea(area, request)?:
            screen.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: state.theme.style(for: .dialog))
            Box.draw(x: body.x, y: body.y, width: body.width, height: body.height, title: " \(request.title) ", theme: state.theme, into: &screen)
            area.render(into: &screen, in: Rect(x: body.x + 1, y: body.y + 1, width: body.width - 2, height: body.height - 2), theme: state.theme)
        default: break
        }
        renderMessageLine(state, into: &screen)
        renderStatusLine(state, into: &screen)
    }

    static func renderTooSmall(_ state: AppState, into screen: inout Screen) {
        let style = state.theme.style(for: .normal)
        // Wrapped, so a very small window still reads whole sentences (at 20x6 the last was cut).
        let lines = ["Window too small",
                     "\(state.width)x\(state.height); needs \(AppState.minimumWidth)x\(AppState.minimumHeight)",
                     "Enlarge it, or press q to quit"].flatMap { Text.wrap($0, to: max(1, state.width)) }
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let w = DisplayWidth.of(line)
            screen.put(line, x: max(0, (state.width - w) / 2), y: top + i, style: style, maxWidth: state.width)
        }
    }

    /// "Pathfinder › Portsmouth › Action plan › PO-03", the earliest crumbs dropped when narrow.
    public static func breadcrumbs(_ state: AppState) -> [String] {
        var crumbs = ["Pathfinder"]
        var path: [String] = []
        for page in state.pages { path = page.screen.path(state, below: path) }
        crumbs += path
        return crumbs
    }

    static func renderTitle(_ state: AppState, into screen: inout Screen) {
        let bar = state.theme.style(for: .titleBar)
        screen.fill(x: 0, y: 0, width: state.width, height: 1, style: bar)
        var crumbs = breadcrumbs(state)
        let separator = " › "
        let right = " \(state.partnership.title) "
        let rightWidth = min(DisplayWidth.of(right), max(0, state.width / 3))
        let room = state.width - 1 - rightWidth - 1
        // Drop the earliest crumbs (shown as "…") until the rest fit; the last always stays.
        var dropped = false
        while crumbs.count > 1, DisplayWidth.of(((dropped ? ["…"] : []) + crumbs).joined(separator: separator)) > room {
            crumbs.removeFirst()
            dropped = true
        }
        if dropped { crumbs.insert("…", at: 0) }
        // The last crumb alone may still be too long (a case study's title): cut with an ellipsis.
        screen.put(Text.truncate(" " + crumbs.joined(separator: separator), to: max(1, room + 1)), x: 0, y: 0, style: bar)
        if rightWidth > 4 {
            screen.put(Text.truncate(right, to: rightWidth), x: state.width - rightWidth, y: 0, style: bar)
        }
    }

    static func renderMessageLine(_ state: AppState, into screen: inout Screen) {
        let y = state.height - 2
        let theme = state.theme
        if case let .commandLine(editor) = state.overlay {
            screen.put(":", x: 0, y: y, style: theme.style(for: .input))
            InputField.render(editor, x: 1, y: y, width: state.width - 1, theme: theme, into: &screen)
            return
        }
        if case let .prompt(prompt) = state.overlay {
            DialogView.renderPrompt(prompt, state: state, y: y, &screen)
            return
        }
        if case let .confirm(confirmation) = state.overlay {
            DialogView.renderConfirmation(confirmation, state: state, y: y, &screen)
            return
        }
        if let field = activeField(state) {
            screen.put(field.label, x: 0, y: y, style: theme.style(for: .heading))
            let x = DisplayWidth.of(field.label)
            InputField.render(field.editor, x: x, y: y, width: state.width - x, theme: theme, into: &screen)
            return
        }
        if let message = state.message {
            var text = message.text
            if state.loadingStore, let percent = state.storeReadPercent, message == .readingStore || message == .stillReadingStore {
                text += " \(percent)%"
            }
            putMessage(text, style: theme.style(for: message.isError ? .messageError : .messageInfo), state, &screen)
        }
    }

    /// A message too long for the line takes the line above too, over the page's last row, so
    /// a command to run or a file's name is read whole; longer still, it ends pointing at the
    /// message history (`L`), where every message is whole.
    static func putMessage(_ text: String, style: Style, _ state: AppState, _ screen: inout Screen) {
        let y = state.height - 2
        guard DisplayWidth.of(text) > state.width else {
            screen.put(text, x: 0, y: y, style: style)
            return
        }
        var lines = Text.wrap(text, to: state.width)
        if lines.count > 2 {
            let more = state.keyMap.key(for: .showMessages, in: state.context).map { " (\(KeyName.display($0)): in full)" } ?? ""
            lines = [lines[0], Text.truncate(lines.dropFirst().joined(separator: " "), to: state.width - DisplayWidth.of(more)) + more]
        }
        for (i, line) in lines.enumerated() {
            let row = y - lines.count + 1 + i
            screen.fill(x: 0, y: row, width: state.width, height: 1, style: state.theme.style(for: .normal))
            screen.put(Text.truncate(line, to: state.width), x: 0, y: row, style: style)
        }
    }

    /// "saved 10:42", "1 change not saved", or "read-only", for the status line.
    static func saveState(_ edits: EditSession) -> Message? {
        if edits.readOnlyReason != nil { return Message("· read-only ", isError: true) }
        if !edits.failures.isEmpty {
            let n = edits.failures.count
            return Message("· \(n) change\(n == 1 ? "" : "s") not saved ", isError: true)
        }
        return edits.lastSaved.map { Message("· saved \($0) ") }
    }

    /// A text field the user is typing in, shown on the message line.
    static func activeField(_ state: AppState) -> (label: String, editor: LineEditor)? {
        state.screen.activeField
    }

    static func renderStatusLine(_ state: AppState, into screen: inout Screen) {
        let y = state.height - 1
        let theme = state.theme
        screen.fill(x: 0, y: y, width: state.width, height: 1, style: theme.style(for: .statusBar))
        // The as-of date always shows; a long store name gives way.
        let date = " · as of \(state.asOf.iso) "
        let label = Text.truncate(state.storeLabel, to: max(8, min(30, state.width / 2 - DisplayWidth.of(date))))
        // In a dialog its keys matter more than where the store is: they take the whole line.
        // So do a form's keys when the store's name and date would leave them no room (a
        // narrow window): saving and moving matter more there than where the store is.
        let inDialog: Bool = switch state.overlay {
        case .picker?, .prompt?, .confirm?, .textArea?: true
        case nil: state.screen.keysFirst && state.width - DisplayWidth.of(" " + label + date) < 24
        default: false
        }
        var x = inDialog ? 0 : screen.put(" " + label + date, x: 0, y: y, style: theme.style(for: .statusBar))
        // Whether everything typed is on disk: a failed save is shown until it lands.
        if !inDialog, let saving = saveState(state.edits), x + DisplayWidth.of(saving.text) + 12 < state.width {
            x += screen.put(saving.text, x: x, y: y, style: theme.style(for: saving.isError ? .messageError : .statusBar))
        }
        // "? help" always shows at the right end; other hints fill the space before it.
        let hints: [KeyHint]
        switch state.overlay {
        case nil: hints = state.screen.hints(state)
        case let .picker(picker, _)?: hints = picker.hints
        case let .textArea(area, _)?: hints = area.hints
        case let .prompt(prompt)?:
            hints = [KeyHint(key: "Enter", label: "done"), KeyHint(key: "Esc", label: "cancel")]
                // The status line's "as of" gives way to a dialog's keys; a date typed in a
                // store pinned to a day counts from that day, so it is said here.
                + (prompt.kind == .date && state.isPinned ? [KeyHint(key: "today =", label: state.datesFrom.iso)] : [])
        case .confirm?: hints = [KeyHint(key: "y", label: "yes"), KeyHint(key: "n", label: "no")]
        case let .commandLine(editor)?:
            // The commands that fit what is typed, from the same table Tab completes from.
            hints = TypedCommand.completions(of: editor.text).map { KeyHint(key: $0.usage, label: "") }
        default: hints = state.keyMap.hints(for: .help)
        }
        let helpHint = hints.first { $0.label == Command.help.hint }
        let helpWidth = helpHint.map { DisplayWidth.of($0.key) + DisplayWidth.of($0.label) + 2 } ?? 0
        for hint in hints where hint != helpHint {
            let width = 1 + DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label)
            guard x + width <= state.width - helpWidth else { break }
            x += 1
            x += screen.put(hint.key, x: x, y: y, style: theme.style(for: .keyHintKey))
            x += 1
            x += screen.put(hint.label, x: x, y: y, style: theme.style(for: .keyHintLabel))
        }
        if let helpHint, state.width - helpWidth >= x {
            let hx = state.width - helpWidth + 1
            screen.put(helpHint.key, x: hx, y: y, style: theme.style(for: .keyHintKey))
            screen.put(helpHint.label, x: hx + DisplayWidth.of(helpHint.key) + 1, y: y, style: theme.style(for: .keyHintLabel))
        }
    }
}

/// A rectangle of the screen given to a page to draw in.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
}

/// Draws a LineEditor with its cursor, scrolled so the cursor is always visible.
enum InputField {
    static func render(_ editor: LineEditor, x: Int, y: Int, width: Int, theme: Theme, into screen: inout Screen) {
        guard width > 1 else { return }
        let style = theme.style(for: .input)
        screen.fill(x: x, y: y, width: width, height: 1, style: style)
        // Start as far left as lets the cursor fit: walk back from the cursor adding widths (not
        // dropping one character at a time and measuring again, which took time growing with
        // the square of a long pasted line).
        let all = editor.characters
        func startFitting(_ room: Int) -> (start: Int, before: Int) {
            var start = editor.cursor
            var before = 0
            while start > 0 {
                let w = DisplayWidth.of(DisplayWidth.safe(all[start - 1]))
                if before + w > room { break }
                before += w
                start -= 1
            }
            return (start, before)
        }
        var (start, before) = startFitting(width - 1)
        // Text scrolled off the left is marked, as a cut at the right is ("…").
        let hidden = start > 0 && width > 3
        if hidden { (start, before) = startFitting(width - 2) }
        let chars = all[start...]
        let cursor = editor.cursor - start
        if hidden { screen.put("…", x: x, y: y, style: style) }
        let textX = x + (hidden ? 1 : 0)
        screen.put(String(chars), x: textX, y: y, style: style, maxWidth: width - (hidden ? 1 : 0))
        let cursorX = textX + before
        if cursorX < x + width {
            let under = cursor < chars.count ? String(chars[chars.startIndex + cursor]) : " "
            screen.put(under, x: cursorX, y: y, style: theme.style(for: .inputCursor))
        }
    }
}
