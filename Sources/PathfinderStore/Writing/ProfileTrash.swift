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
        case let .organisation(organisation): path = Self.organisationPath(organisation)
        case let .fundingAgreement(agreement): path = Self.fundingAgreementPath(agreement)
        }
        try holdWriteLock {
            let full = rootPath + "/" + path
            guard let bytes = try AtomicFile.readIfPresent(full) else { return }
            if let loaded = hashes[path], AtomicFile.hash(bytes) != loaded { throw StoreError.changedOnDisk(path) }
            var leaving: [String] = []
            if case let .area(area) = record {
                for folder in ["actions", "meetings"] {
                    let names = disk.names("areas/\(area.id)/\(folder)")
                    if names.contains(where: { $0.hasSuffix(".md") }) {
                        throw StoreError.invalid("\(area.name) has \(folder) in areas/\(area.id)/\(folder); it stays")
                    }
                    if disk.kind("areas/\(area.id)/\(folder)") == .folder, names.isEmpty { leaving.append(folder) }
                }
                // The area's folder goes too when nothing else is in it, so no folder is left
                // without its area.md.
                let rest = Set(disk.names("areas/\(area.id)")).subtracting(leaving + ["area.md"])
                leaving = leaving.map { "areas/\(area.id)/\($0)" } + (rest.isEmpty ? ["areas/\(area.id)"] : [])
            }
            let target = "\(Self.trashFolder)/\(path)"
            var destination = target
            var n = 2
            while disk.kind(destination) != nil {
                destination = String(target.dropLast(3)) + "~\(n).md"
                n += 1
            }
            try StoreChange.run("put \(path) in the trash", disk: disk) { change in
                try change.move(path, to: destination, disk: disk)
                for folder in leaving { change.removeFolder(folder) }
            }
            hashes[path] = nil
            readOnly.remove(path)
            switch record {
            case let .area(area):
                areaCodes[area.id] = nil
            case let .caseStudy(study):
                caseStudyIDs.remove(study.id)
            case let .organisation(organisation):
                organisationIDs.remove(organisation.id)
            case .fundingAgreement:
                break
            }
        }
    }
}

/// The records `trash(_:)` takes besides actions.
public enum ProfileRecord: Sendable {
    case area(Area)
    case caseStudy(CaseStudy)
    case organisation(Organisation)
    case fundingAgreement(FundingAgreement)
}
