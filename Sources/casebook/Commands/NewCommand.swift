import ArgumentParser
import CasebookModel
import CasebookStore

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Create an empty case file (mode 0600).")

    @Argument(help: "The case file to create, e.g. lazarus.case.json.") var file: String
    @Option(help: "The case title.") var title: String
    @Option(help: "Handling marking, e.g. TLP:AMBER.") var marking: String?
    @Option(help: "A sentence on what the case is about.") var summary: String?

    func run() throws {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw CLIError("\(file): --title may not be empty") }
        let info = CaseInfo(title: title, marking: marking, summary: summary, created: Session.now)
        try reporting(file) { try CaseStore.create(at: file, document: CaseDocument(content: Case(info: info))) }
        say("Created \(file): \(VisibleText.line(title))")
    }
}
