import Foundation
import PathfinderModel

extension PlainFileStore {
    // MARK: Saving

    /// Saves one action atomically, changing only the lines of the fields that changed.
    /// Refuses with `changedOnDisk` when the file is not what was loaded (someone else saved it
    /// meanwhile, created it, or deleted it) unless `overwrite` is set; with `hasProblems` when
    /// the file loaded with problems; with `wouldNotLoad` when the result would not load cleanly
    /// (an empty title, an unknown status). Returns whether anything was written.
    @discardableResult
    public func save(_ action: Action, overwrite: Bool = false) throws -> Bool {
        let path = Self.actionPath(action)
        guard action.longTextsRead else { throw StoreError.longTextsNotRead(path) }
        try checkWritable(path)
        if let other = actionPaths[action.id], other != path {
            throw StoreError.invalid("\(action.id) is kept in \(other); moving an action to another area is not supported")
        }
        return try holdWriteLock { try saveLocked(action, path: path, overwrite: overwrite) }
    }

    func saveLocked(_ action: Action, path: String, overwrite: Bool) throws -> Bool {
        let written = try commitLocked(path: path, overwrite: overwrite, render: { Self.bytes(action, over: $0, path: path) }) { bytes in
            let parsed = FileParser.action(bytes, path: path, area: action.area, fileID: action.id)
            guard let value = parsed.value else { return parsed.problems }
            return parsed.problems + Validator.action(value, path: path, lines: parsed.lines, items: parsed.itemLines,
                                                      catalogue: catalogue, areaCode: areaCodes[action.area], caseStudies: caseStudyIDs)
        }
        actionPaths[action.id] = path
        return written
    }

    @discardableResult
    public func save(_ area: Area, overwrite: Bool = false) throws -> Bool {
        let path = Self.areaPath(area)
        try checkWritable(path)
        let others = Set(areaCodes.filter { $0.key != area.id }.values)
        let written = try holdWriteLock {
            try commitLocked(path: path, overwrite: overwrite, render: { Self.bytes(area, over: $0, path: path) }) { bytes in
                let parsed = FileParser.area(bytes, path: path, id: area.id)
                guard others.contains(area.code) else { return parsed.problems }
                return parsed.problems + [.error(path, parsed.lines["code"] ?? 1, "area code \(area.code) is already used")]
            }
        }
        areaCodes[area.id] = area.code
        return written
    }

    @discardableResult
    public func save(_ study: CaseStudy, overwrite: Bool = false) throws -> Bool {
        let path = Self.caseStudyPath(study)
        try checkWritable(path)
        let areas = Set(areaCodes.keys)
        let written = try holdWriteLock {
            try commitLocked(path: path, overwrite: overwrite, render: { Self.bytes(study, over: $0, path: path) }) { bytes in
                let parsed = FileParser.caseStudy(bytes, path: path, id: study.id)
                guard let value = parsed.value else { return parsed.problems }
                return parsed.problems + Validator.caseStudy(value, path: path, lines: parsed.lines, items: parsed.itemLines,
                                                             catalogue: catalogue, areas: areas)
            }
        }
        caseStudyIDs.insert(study.id)
        return written
    }

    @discardableResult
    public func save(_ organisation: Organisation, overwrite: Bool = false) throws -> Bool {
        let path = Self.organisationPath(organisation)
        try checkWritable(path)
        let areas = Set(areaCodes.keys)
        let written = try holdWriteLock {
            try commitLocked(path: path, overwrite: overwrite, render: { Self.bytes(organisation, over: $0, path: path) }) { bytes in
                let parsed = FileParser.organisation(bytes, path: path, id: organisation.id)
                guard let value = parsed.value else { return parsed.problems }
                return parsed.problems + Validator.organisation(value, path: path, lines: parsed.lines, items: parsed.itemLines,
                                                                catalogue: catalogue, areas: areas)
            }
        }
        organisationIDs.insert(organisation.id)
        return written
    }

    /// Saves a meeting (links to actions are not checked here: a meeting may name an action
    /// created in the same session; `load` reports any that do not exist).
    @discardableResult
    public func save(_ meeting: Meeting, overwrite: Bool = false) throws -> Bool {
        let path = Self.meetingPath(meeting)
        try checkWritable(path)
        return try holdWriteLock { try saveLocked(meeting, path: path, overwrite: overwrite) }
    }

    private func saveLocked(_ meeting: Meeting, path: String, overwrite: Bool) throws -> Bool {
        let file = path.split(separator: "/").last.map { String($0.dropLast(3)) } ?? ""
        return try commitLocked(path: path, overwrite: overwrite, render: { Self.bytes(meeting, over: $0, path: path) }) { bytes in
            FileParser.meeting(bytes, path: path, area: meeting.area, fileID: file).problems
        }
    }

    func checkWritable(_ path: String) throws {
        try disk.refuseLinks(path)
        if readOnly.contains(path) { throw StoreError.hasProblems(path) }
    }

    /// The check-then-write at the heart of every save; the caller holds the write lock.
    /// `render` makes the new bytes from the file's bytes now (nil if there is no file);
    /// `check` reads them back as the next load would, so nothing is written that would not
    /// load cleanly.
    func commitLocked(path: String, overwrite: Bool, render: ([UInt8]?) -> [UInt8],
                      check: ([UInt8]) -> [Problem]) throws -> Bool {
        guard let bytes = try prepareLocked(path: path, overwrite: overwrite, render: render, check: check) else { return false }
        try disk.write(bytes, to: path)
        hashes[path] = AtomicFile.hash(bytes)
        return true
    }

    /// The checks of `commitLocked` without the write: the new bytes, or nil when they are the
    /// file's bytes already. For changes to several files, which write them all at once.
    func prepareLocked(path: String, overwrite: Bool, render: ([UInt8]?) -> [UInt8],
                       check: ([UInt8]) -> [Problem]) throws -> [UInt8]? {
        if disk.kind(path) == .link {
            throw StoreError.throughLink(path: path, target: (try? FileManager.default.destinationOfSymbolicLink(atPath: rootPath + "/" + path)) ?? "somewhere else")
        }
        let current = try AtomicFile.readIfPresent(rootPath + "/" + path)
        if !overwrite {
            switch (hashes[path], current) {
            case let (loaded?, bytes?) where AtomicFile.hash(bytes) != loaded: throw StoreError.changedOnDisk(path)
            case (_?, nil): throw StoreError.changedOnDisk(path)   // deleted by someone else
            case (nil, _?): throw StoreError.changedOnDisk(path)   // created by someone else
            default: break
            }
        }
        let bytes = render(current)
        if let problem = check(bytes).sorted().first(where: { $0.severity == .error }) {
            throw StoreError.wouldNotLoad(path: path, problem: problem.description)
        }
        if current == bytes {
            hashes[path] = AtomicFile.hash(bytes)
            return nil
        }
        return bytes
    }

    /// Runs `body` holding the store's write lock (see `WriteLock`), after finishing or undoing
    /// any change a killed process left half-made.
    func holdWriteLock<T>(_ body: () throws -> T) throws -> T {
        try WriteLock.hold(disk, body)
    }

    // MARK: Creating

    /// Makes a new action in an area with a fresh id (docs/store-format.md) and saves it. The id
    /// avoids every id in the partnership, every id this store has loaded or saved, and every
    /// file in the area's folder at the moment of writing (under the write lock, so another
    /// process creating an action at the same time cannot take the same id).
    public func create(_ draft: Action, in partnership: Partnership,
                       random: (Int) -> Int = { Int.random(in: 0..<$0) }) throws -> Action {
        guard let area = partnership.area(draft.area) else { throw StoreError.invalid("no area \"\(Quote.short(draft.area))\" in the store") }
        guard !area.code.isEmpty else { throw StoreError.invalid("area \"\(Quote.short(area.id))\" has no code to make ids from") }
        var existing = Set(partnership.actions.map(\.id))
        existing.formUnion(actionPaths.keys)
        return try holdWriteLock {
            // A linked folder is refused here, before an id is chosen from a listing that
            // cannot be read: the next number would otherwise seem free and meet a file there.
            do {
                let fd = try disk.openFolder("areas/\(area.id)/actions")
                defer { close(fd) }
                for entry in StoreDisk.names(in: fd) where entry.name.hasSuffix(".md") {
                    existing.insert(String(entry.name.dropLast(3)))
                }
            } catch let error as StoreError {
                if case .throughLink = error { throw error }
                // No actions folder yet: no file to avoid.
            }
            var action = draft
            action.id = ActionID.make(code: area.code, existing: existing, random: random)
            _ = try saveLocked(action, path: Self.actionPath(action), overwrite: false)
            return action
        }
    }

    /// Makes a new meeting file, `areas/<area>/meetings/<date>-<slug of title>.md` (with `-2`,
    /// `-3`... if that is taken), with its agenda (the actions to discuss, in order), in one
    /// write: a failure leaves no meeting file, so trying again makes one meeting, not two.
    public func createMeeting(area: String, date: Day, title: String, attendees: [String] = [], agenda: [String] = []) throws -> Meeting {
        guard areaCodes[area] != nil else { throw StoreError.invalid("no area \"\(Quote.short(area))\" in the store") }
        return try holdWriteLock {
            let taken = Set(disk.names("areas/\(area)/meetings").map { String($0.dropLast(3)) })
                .union(hashes.keys.filter { $0.hasPrefix("areas/\(area)/meetings/") }.map { String($0.split(separator: "/").last!.dropLast(3)) })
            let slug = Slug.make(title)
            let base = date.iso + (slug.isEmpty ? "" : "-" + slug)
            var file = base
            var n = 2
            while taken.contains(file) {
                file = "\(base)-\(n)"
                n += 1
            }
            var meeting = Meeting(id: "\(area)/\(file)", area: area, date: date, title: title, attendees: attendees)
            meeting.items = agenda.map { MeetingItem(action: $0) }
            _ = try saveLocked(meeting, path: Self.meetingPath(meeting), overwrite: false)
            return meeting
        }
    }

    // MARK: A new store

    /// Makes a new, empty store with the default catalogues (`DefaultCatalogue`) in a folder
    /// that is empty or absent: `pathfinder.yaml`, `areas/` and `case-studies/`.
    public static func initialise(at root: URL, title: String, catalogue: Catalogue = DefaultCatalogue.catalogue) throws {
        let fm = FileManager.default
        let path = root.standardizedFileURL.path
        if let contents = try? fm.contentsOfDirectory(atPath: path), !contents.isEmpty { throw StoreError.notEmpty(path) }
        do {
            // The store's own folder may be reached through a link; everything inside is made real.
            try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw StoreError.writeFailed(path, "\(error.localizedDescription)")
        }
        let disk = StoreDisk(root: path)
        try disk.makeFolder("areas")
        try disk.makeFolder("case-studies")
        try disk.write(CanonicalFields.manifest(title: title, asOf: nil, catalogue: catalogue), to: "pathfinder.yaml")
    }
}
