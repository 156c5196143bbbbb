import Foundation
import PathfinderModel

extension PlainFileStore {
    /// Puts an area's or a case study's file in the trash (`trash/` plus its path), as
    /// undoing its creation does. Refuses when the file changed on disk since it was read, and
    /// for an area that holds actions or meetings (they would be left without their area).
    public func trash(_ record: ProfileRecord) throws {
        let path: String
        switch record {
        case let .area(area): path = Self.areaPath(area)
        case let .caseStudy(study): path = Self.caseStudyPath(study)
        }
        try WriteLock.hold(store: rootPath) {
            let full = rootPath + "/" + path
            guard let bytes = try AtomicFile.readIfPresent(full) else { return }
            if let loaded = hashes[path], AtomicFile.hash(bytes) != loaded { throw StoreError.changedOnDisk(path) }
            if case let .area(area) = record {
                let fm = FileManager.default
                for folder in ["actions", "meetings"] {
                    let names = (try? fm.contentsOfDirectory(atPath: "\(rootPath)/areas/\(area.id)/\(folder)")) ?? []
                    if names.contains(where: { $0.hasSuffix(".md") }) {
                        throw StoreError.invalid("\(area.name) has \(folder) in areas/\(area.id)/\(folder); it stays")
                    }
                }
            }
            let target = "\(Self.trashFolder)/\(path)"
            try makeFolder((target as NSString).deletingLastPathComponent)
            var destination = rootPath + "/" + target
            var n = 2
            while FileManager.default.fileExists(atPath: destination) {
                destination = rootPath + "/" + String(target.dropLast(3)) + "~\(n).md"
                n += 1
            }
            try Self.moveWithoutReplacing(from: full, to: destination)
            hashes[path] = nil
            readOnly.remove(path)
            switch record {
            case let .area(area):
                // The area's folder goes too when nothing else is in it.
                let folder = "\(rootPath)/areas/\(area.id)"
                for sub in ["actions", "meetings"] { rmdir(folder + "/" + sub) }
                rmdir(folder)
                Self.syncFolder(rootPath + "/areas")
                areaCodes[area.id] = nil
            case let .caseStudy(study):
                caseStudyIDs.remove(study.id)
            }
        }
    }
}

/// The records `trash(_:)` takes besides actions.
public enum ProfileRecord: Sendable {
    case area(Area)
    case caseStudy(CaseStudy)
}
