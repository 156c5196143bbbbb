import PathfinderModel

/// Opening, running and saving the area and case study forms (`AreaForm`, `CaseStudyForm`).
/// Saves go through `commit`, so they are shown at once, undoable and saved like any edit.
extension AppState {
    /// e on an area or a case study, a on the areas or case studies list; nil for other commands.
    mutating func performProfileEdit(_ command: Command) -> [Effect]? {
        switch command {
        case .editArea:
            guard case let .area(shown)? = page.document, let area = partnership.area(shown) else {
                message = Message("Open an area first: e edits the area on screen", isError: true)
                return []
            }
            guard canEdit(.area(area)) else {
                refuseEdit(.area(area))
                return []
            }
            var form = AreaForm(area: area, partnership: partnership, usesExternalEditor: edits.hasExternalEditor)
            form.resize(width: width, height: bodyHeight)
            push(.areaForm(form))
        case .newArea:
            var form = AreaForm(area: nil, partnership: partnership, usesExternalEditor: edits.hasExternalEditor)
            form.resize(width: width, height: bodyHeight)
            push(.areaForm(form))
        case .editCaseStudy:
            guard case let .caseStudy(shown)? = page.document, let study = partnership.caseStudy(shown) else {
                message = Message("Open a case study first: e edits the one on screen", isError: true)
                return []
            }
            guard canEdit(.caseStudy(study)) else {
                refuseEdit(.caseStudy(study))
                return []
            }
            var form = CaseStudyForm(caseStudy: study, partnership: partnership, usesExternalEditor: edits.hasExternalEditor)
            form.resize(width: width, height: bodyHeight)
            push(.caseStudyForm(form))
        case .newCaseStudy:
            var form = CaseStudyForm(caseStudy: nil, partnership: partnership, usesExternalEditor: edits.hasExternalEditor)
            form.resize(width: width, height: bodyHeight)
            push(.caseStudyForm(form))
        default:
            return nil
        }
        return []
    }

    /// Events for a profile form on screen; nil when no such form is the page.
    mutating func handleProfileForm(_ event: Event) -> [Effect]? {
        switch page {
        case var .areaForm(form):
            let outcome = clickOrHandle(&form, event)
            page = .areaForm(form)
            let name = form.original.id.isEmpty ? "new-area" : form.original.id
            guard let area = finish(form, outcome, fileName: name) else { return outcome == .editing ? [] : pendingEditor(form, outcome, name) }
            if form.isNew {
                return commit(Change(before: nil, after: .area(area), summary: "New area \(area.name) (\(area.code)) added"))
            }
            let changed = AreaEdit.changes(from: form.original, to: area).map(\.field.label)
            guard !changed.isEmpty else {
                message = Message("\(area.name): nothing changed")
                return []
            }
            // From the version the form opened on: `commit` merges a change made meanwhile.
            return edit(.area(area), from: .area(form.original), summary: "\(area.name) edited: " + changed.joined(separator: ", "))
        case var .caseStudyForm(form):
            let outcome = clickOrHandle(&form, event)
            page = .caseStudyForm(form)
            let name = form.original.id.isEmpty ? "new-case-study" : form.original.id
            guard let study = finish(form, outcome, fileName: name) else { return outcome == .editing ? [] : pendingEditor(form, outcome, name) }
            if form.isNew {
                return commit(Change(before: nil, after: .caseStudy(study), summary: "New case study \(Quote.value(study.title, shown: Quote.titleShown)) added"))
            }
            let changed = CaseStudyEdit.changes(from: form.original, to: study).map(\.field.label)
            guard !changed.isEmpty else {
                message = Message("\(Quote.value(study.title, shown: Quote.titleShown)): nothing changed")
                return []
            }
            return edit(.caseStudy(study), from: .caseStudy(form.original), summary: "\(Quote.value(study.title, shown: Quote.titleShown)) edited: " + changed.joined(separator: ", "))
        default:
            return nil
        }
    }

    /// A click focuses the row under it (the form is drawn in the body); anything else is the form's.
    private func clickOrHandle<Spec>(_ form: inout RecordForm<Spec>, _ event: Event) -> RecordFormOutcome<Spec.Record, Spec.Field> {
        guard case let .mouse(.click(x, y)) = event else { return form.handle(event) }
        form.click(x: x, y: y, in: Rect(x: 0, y: 1, width: width, height: bodyHeight))
        return .editing
    }

    /// Closes the form when it is done with: the record to save when it was submitted.
    private mutating func finish<Spec>(_ form: RecordForm<Spec>, _ outcome: RecordFormOutcome<Spec.Record, Spec.Field>,
                                       fileName: String) -> Spec.Record? {
        switch outcome {
        case .editing, .openEditor:
            return nil
        case .cancelled:
            goBack()
            message = Message("Closed without saving; nothing changed")
            return nil
        case let .submitted(record):
            goBack()
            return record
        }
    }

    /// The editor run for a long field, when the form asked for one.
    private func pendingEditor<Spec>(_ form: RecordForm<Spec>, _ outcome: RecordFormOutcome<Spec.Record, Spec.Field>,
                                     _ fileName: String) -> [Effect] where Spec.Field: RawRepresentable, Spec.Field.RawValue == String {
        guard case let .openEditor(field) = outcome else { return [] }
        return [.editText(TextRequest(purpose: .formField(field.rawValue), text: form.longText(field), fileName: "\(fileName)-\(field.rawValue).md"))]
    }

    /// The external editor's text for a long field of the profile form on screen; nil when
    /// the page is not one.
    mutating func setProfileFormText(_ raw: String, _ text: String) -> [Effect]? {
        let text = text.hasSuffix("\n") ? String(text.dropLast()) : text
        switch page {
        case var .areaForm(form):
            guard let field = AreaField(rawValue: raw) else { return [] }
            form.setLongText(field, to: text)
            page = .areaForm(form)
        case var .caseStudyForm(form):
            guard let field = CaseStudyField(rawValue: raw) else { return [] }
            form.setLongText(field, to: text)
            page = .caseStudyForm(form)
        default:
            return nil
        }
        return []
    }

    /// Keeps a profile form's inline editor the size of the screen.
    mutating func resizeProfileForm() {
        switch page {
        case var .areaForm(form):
            form.resize(width: width, height: bodyHeight)
            page = .areaForm(form)
        case var .caseStudyForm(form):
            form.resize(width: width, height: bodyHeight)
            page = .caseStudyForm(form)
        default:
            break
        }
    }

    /// A new area or case study is not taken back by undo: its file may already hold others'
    /// work (actions filed in a new area), and the store has no trash for them. Says so, and
    /// drops the change so earlier ones undo next. Nil for every other change.
    /// Undoing a new area puts its file in the trash, which cannot be done once it holds
    /// actions or meetings (they would be left without their area).
    func undoRefusal(_ change: Change) -> String? {
        guard change.before == nil, case let .area(a)? = change.after else { return nil }
        let actions = partnership.actions(inArea: a.id).count
        let meetings = partnership.meetings(inArea: a.id).count
        guard actions + meetings > 0 else { return nil }
        return "Not undone: \(a.name) has \(actions) action\(actions == 1 ? "" : "s") and \(meetings) meeting\(meetings == 1 ? "" : "s") now"
    }
}
