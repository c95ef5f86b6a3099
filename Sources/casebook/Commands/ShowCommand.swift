import ArgumentParser
import CasebookModel
import CasebookStore
import CasebookUI

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show every field of one record, its notes, tags, citations, attributions and linked records."
    )

    @Argument(help: "The case file.") var file: String
    @Argument(help: "The record id (see `casebook list`), or `case`.") var id: String
    @Option(help: "text (for people) or json (the record as stored).") var format: ShowFormat = .text

    enum ShowFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let c = try Session.read(file).content
        if id == "case" {
            say(Overview.render(c, file: file), terminator: "")
            return
        }
        guard let record = c.record(id: id) else {
            throw CLIError("\(file): no record with id \(id)" + Self.suggestion(c, id))
        }
        switch format {
        case .json: say(CaseCoding.json(record))
        case .text: say(DetailView.text(for: record, in: CaseView(c)), terminator: "")
        }
    }

    /// "; did you mean inc-bithumb-2018?" for a near miss.
    static func suggestion(_ c: Case, _ id: String) -> String {
        let ids = c.allRecords.map(\.id)
        let near = ids.filter { $0.contains(id) || id.contains($0) }.prefix(3)
        return near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"
    }
}
