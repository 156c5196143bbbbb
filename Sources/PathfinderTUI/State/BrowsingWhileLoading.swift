import PathfinderModel

/// Which area's files to read on their own while the store is read in the background.
public enum AreaToRead: Hashable, Sendable {
    case area(String)
    /// The area whose folder holds this action's file.
    case holding(action: String)
}

/// A large store is read in the background while the screens start from the summary cache.
/// Meanwhile the user can already open an area, its plan or one of its actions: that area's
/// files are read on their own (milliseconds), and only keys that need the whole store (search,
/// the matrix, reports, edits) wait for it, said on the message line, then run in the order
/// typed.
extension AppState {
    /// The keys that move around and open things: what browsing an area needs.
    static let browsingCommands: Set<Command> = [
        .up, .down, .pageUp, .pageDown, .halfPageUp, .halfPageDown, .top, .bottom, .scrollUp, .scrollDown,
        .open, .back, .goActionPlan, .goAreas, .nextPane, .previousPane, .cycleSort,
    ]

    /// Whether a key can act now, before the whole store is read: browsing on the areas list
    /// and on the pages of an area already read.
    func actsBeforeStoreIsRead(_ command: Command) -> Bool {
        Self.browsingCommands.contains(command) && screen.browsableWhileLoading(self)
    }

    /// Opens a page of an area, reading the area first when the store is still being read and
    /// its files are not in yet.
    mutating func openReading(_ area: String, _ newPage: Page, name: String) -> [Effect] {
        guard loadingStore, !areasRead.contains(area) else {
            push(newPage)
            return []
        }
        openWhenRead = newPage
        message = Message("Reading \(name)…")
        return [.readArea(.area(area))]
    }

    /// One area's files, read on their own, join what is on screen; the page waiting for them
    /// opens. Nil when the change is not such a read.
    mutating func takeAreaRead(_ change: StoreChange) -> [Effect]? {
        guard let area = change.area else { return nil }
        guard loadingStore else { return [] }   // the whole store came first: it has the area
        for study in change.caseStudies { place(.caseStudy(study)) }
        for other in change.areas { place(.area(other)) }
        for action in change.actions { place(.action(action)) }
        for meeting in change.meetings { place(.meeting(meeting)) }
        areasRead.insert(area)
        if message == Message("Reading \(partnership.area(area)?.name ?? area)…") { message = nil }
        if let waiting = openWhenRead {
            openWhenRead = nil
            if case let .document(document) = waiting, case let .action(id) = document.content, partnership.action(id) == nil {
                message = Message("Action \(id) is not in this store", isError: true)
            } else {
                push(waiting)
            }
        }
        return []
    }
}

extension AreasPage {
    func browsableWhileLoading(_ state: AppState) -> Bool { true }
}

extension ActionPlanPage {
    func browsableWhileLoading(_ state: AppState) -> Bool { state.areasRead.contains(area) }
}

extension DocumentPage {
    /// An area's page or an action's, once its area is read; a case study cited by it.
    func browsableWhileLoading(_ state: AppState) -> Bool {
        if case .caseStudy = content { return !state.areasRead.isEmpty }
        return area(state).map(state.areasRead.contains) ?? false
    }
}
