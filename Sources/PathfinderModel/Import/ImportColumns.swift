/// Where a spreadsheet column's cells go when a plan is imported.
public enum ImportTarget: Hashable, Sendable {
    /// An action field, set as `pathfinder edit` sets it.
    case field(ActionField)
    /// A free-text update that becomes a progress note (dated the import day, or the date it starts with).
    case progressNote
    /// A stable reference (an id column) used to find the action on a second import.
    case reference
    case ignored

    /// As the preview and `--map` name it.
    public var name: String {
        switch self {
        case let .field(f): f.rawValue
        case .progressNote: "progress note"
        case .reference: "id"
        case .ignored: "(not imported)"
        }
    }

    /// What `--map COLUMN=NAME` accepts: a field key or label, or id, note, ignore.
    public init?(mapName: String) {
        switch ImportColumns.squash(mapName) {
        case "id", "ref", "reference": self = .reference
        case "note", "progress", "progressnote", "notes": self = .progressNote
        case "ignore", "skip", "none", "": self = .ignored
        default:
            guard let field = ActionField(key: mapName) else { return nil }
            self = .field(field)
        }
    }
}

/// One column of the sheet and where it goes.
public struct ImportColumn: Hashable, Sendable {
    /// 0-based index in the row.
    public var index: Int
    /// The header as written (a merged group's title joined on, "Dates / Due").
    public var header: String
    public var target: ImportTarget
    /// Why: "matched", "--map", "already taken by column B", "not recognised".
    public var reason: String

    /// The column's letter as a spreadsheet shows it (A, B, ..., AA).
    public var letter: String { ImportColumns.letter(index) }
}

/// Matching a sheet's header row to action fields, forgivingly: the headers people give a RAG
/// tracker ("Owner", "RAG status", "Deadline", "Comments") as well as Pathfinder's own names.
public enum ImportColumns {
    /// Headers people use, squashed (lowercase letters and digits only), and the field they mean.
    static let headers: [String: ImportTarget] = {
        var map: [String: ImportTarget] = [:]
        func add(_ target: ImportTarget, _ names: String...) { for n in names { map[n] = target } }
        add(.reference, "id", "ref", "reference", "refno", "actionid", "actionref", "actionno", "actionnumber", "no", "number")
        add(.field(.title), "action", "actions", "title", "actiontitle", "task", "activity", "whatwewilldo", "actiontobetaken")
        add(.field(.description), "description", "details", "detail", "actiondescription")
        add(.field(.lead), "lead", "owner", "actionowner", "leadofficer", "leadperson", "responsible", "responsibleofficer",
            "who", "accountable", "leadcontact")
        add(.field(.leadBody), "leadbody", "leadorganisation", "leadorganization", "organisation", "organization",
            "leadagency", "agency", "body", "leadorg", "leadpartner")
        add(.field(.partners), "partners", "partner", "partnerorganisations", "supportedby", "otherpartners")
        add(.field(.rag), "rag", "ragstatus", "ragrating", "rating", "ragstatusrating")
        add(.field(.status), "status", "progressstatus", "state", "actionstatus")
        add(.field(.due), "due", "duedate", "deadline", "targetdate", "bywhen", "by", "when", "completiondate", "enddate",
            "timescale", "timescales", "targetcompletiondate", "datedue")
        add(.field(.start), "start", "startdate", "datestarted", "from")
        add(.progressNote, "progress", "comments", "comment", "update", "updates", "latestupdate", "progressupdate",
            "progressnote", "progressnotes", "notes", "note", "latestnote", "commentary", "latestprogress", "progresstodate")
        add(.field(.theme), "theme", "workstream", "priority", "priorityarea", "themearea")
        add(.field(.reviewed), "reviewed", "lastreviewed", "reviewdate", "datereviewed")
        add(.field(.successFactors), "successfactors", "successfactor", "criticalsuccessfactors", "factors")
        return map
    }()

    /// The target a header names, or nil when it is not recognised.
    public static func target(forHeader header: String) -> ImportTarget? {
        let key = squash(header)
        guard !key.isEmpty else { return nil }
        if let known = headers[key] { return known }
        return ActionField(key: header).map { .field($0) }
    }

    /// The row (0-based) that holds the headers: of the first ten, the one naming most fields,
    /// which must include the title. Nil when none does.
    public static func headerRow(in table: ImportTable) -> Int? {
        var best: (row: Int, score: Int)?
        for row in 0..<min(10, table.rows.count) {
            let targets = headerTexts(table, row: row).compactMap { target(forHeader: $0) ?? (target(forHeader: lastPart($0))) }
            guard targets.contains(.field(.title)) else { continue }
            let score = Set(targets).count
            if best == nil || score > best!.score { best = (row, score) }
        }
        return best?.row
    }

    /// Each column's header in a row; a blank one takes the title of a merged group above it,
    /// and a header under a group title is shown with it ("Dates / Due").
    static func headerTexts(_ table: ImportTable, row: Int) -> [String] {
        (0..<table.columnCount).map { column in
            let own = table.cell(row, column).trimmingWhitespace
            let group = row > 0 ? table.cell(row - 1, column).trimmingWhitespace : ""
            if own.isEmpty { return group }
            if group.isEmpty || group == own || target(forHeader: own) != nil && target(forHeader: group) != nil { return own }
            return group + " / " + own
        }
    }

    /// The columns of the header row, matched: `--map` first (by header text or column letter),
    /// then the header's own name; a second column for a field already taken is not imported
    /// (progress notes may come from several columns).
    public static func match(_ table: ImportTable, headerRow row: Int, maps: [(column: String, target: ImportTarget)]) throws(ImportMapProblem) -> [ImportColumn] {
        let texts = headerTexts(table, row: row)
        var mapped: [Int: ImportTarget] = [:]
        for map in maps {
            let wanted = squash(map.column)
            let found = texts.indices.first { squash(texts[$0]) == wanted || squash(table.cell(row, $0)) == wanted }
                ?? columnIndex(letter: map.column).flatMap { texts.indices.contains($0) ? $0 : nil }
            guard let index = found else {
                throw ImportMapProblem(message: "--map: no column \(Quote.value(map.column)) (columns: \(texts.filter { !$0.isEmpty }.map { Quote.short($0) }.joined(separator: ", ")))")
            }
            mapped[index] = map.target
        }
        var taken: [ImportTarget: Int] = [:]
        for (index, target) in mapped where target != .ignored && target != .progressNote { taken[target] = index }
        var columns: [ImportColumn] = []
        for (index, text) in texts.enumerated() {
            if let target = mapped[index] {
                columns.append(ImportColumn(index: index, header: text, target: target, reason: "--map"))
                continue
            }
            let guess = target(forHeader: text) ?? target(forHeader: lastPart(text))
            guard let guess, guess != .ignored else {
                if !text.isEmpty { columns.append(ImportColumn(index: index, header: text, target: .ignored, reason: "not recognised")) }
                continue
            }
            if guess != .progressNote, let other = taken[guess] {
                columns.append(ImportColumn(index: index, header: text, target: .ignored,
                                            reason: "\(guess.name) is taken by column \(letter(other))"))
                continue
            }
            if guess != .progressNote { taken[guess] = index }
            columns.append(ImportColumn(index: index, header: text, target: guess, reason: "matched"))
        }
        return columns
    }

    /// "Due" of "Dates / Due": the header under a merged group title.
    static func lastPart(_ header: String) -> String {
        guard let slash = header.lastIndex(of: "/") else { return header }
        return String(header[header.index(after: slash)...]).trimmingWhitespace
    }

    /// Lowercase letters and digits only: "RAG status" = "rag_status" = "RAG-Status".
    static func squash(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }.map(Character.init))
    }

    public static func letter(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// "C" is 2, "AA" is 26; nil for anything but one to three letters.
    public static func columnIndex(letter text: String) -> Int? {
        let upper = text.uppercased()
        guard (1...3).contains(upper.count), upper.allSatisfy({ $0 >= "A" && $0 <= "Z" }) else { return nil }
        return upper.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }
}

/// A `--map` that names no column of the sheet.
public struct ImportMapProblem: Error, Hashable, Sendable {
    public var message: String
}
