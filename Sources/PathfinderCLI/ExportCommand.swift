import ArgumentParser
import Foundation
import PathfinderExchange
import PathfinderModel
import PathfinderStore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the plan as a workbook (.xlsx) or a calendar (.ics) for the tools around it.",
        discussion: """
        Examples:
          pathfinder export xlsx --output plan.xlsx
          pathfinder export ics --area portsmouth --output portsmouth.ics
          pathfinder export xlsx --area portsmouth --output plan.xlsx --force

        xlsx: a summary sheet and one sheet per area, RAG cells coloured, dates as dates, the \
        header row frozen; `pathfinder import` reads it back. ics: each due date, dated milestone \
        and meeting as an all-day event; a later export updates the same events in a calendar.
        """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case xlsx, ics
    }

    @Argument(help: ArgumentHelp("xlsx or ics.", valueName: "KIND")) var kind: Kind
    @Option(help: ArgumentHelp("Only this area (id, name or code).", valueName: "AREA"), completion: StoreNames.areaIDs) var area: String?
    @OptionGroup var output: OutputOptions
    @OptionGroup var options: StoreOptions

    func validate() throws {
        if kind == .xlsx && output.output == nil { throw ValidationError("a workbook needs --output FILE.xlsx") }
    }

    func run() throws {
        let (_, _, result, asOf) = try options.loadStore()
        let p = result.partnership
        let areas = try area.map { [try findArea($0, in: p)] } ?? p.areas
        do {
            switch kind {
            case .xlsx:
                let path = try output.replaceablePath(output.output ?? "")
                try AtomicFile.write([UInt8](try PlanWorkbook.bytes(p, areas: areas, asOf: asOf)), to: path)
                Output.error("wrote \(output.output ?? path)")
            case .ics:
                // Made safe for a terminal by `emit` when printed; written as it is to a file.
                try output.emit(PlanCalendar.render(p, areas: areas, stamp: Date()), as: .markup)
            }
        } catch let error as ExchangeError {
            throw CLIError(error.description)
        }
        if let sentence = ProblemCount(result.errors).filesSentence {
            Output.error("\(sentence) and \(sentence.hasPrefix("1 ") ? "is" : "are") left out; `pathfinder check` lists them")
        }
    }
}
