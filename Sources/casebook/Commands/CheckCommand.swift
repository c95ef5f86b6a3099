import ArgumentParser
import CasebookModel
import CasebookStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a case: one line per problem (record id, field, what is wrong); exit 1 if any."
    )

    @Argument(help: "The case file.") var file: String

    func run() throws {
        let store = try Session.read(file)
        let problems = store.duplicates + store.content.validate()
        for p in problems { say(VisibleText.line(p.description)) }
        if !problems.isEmpty {
            throw CLIError("\(file): \(problems.count) problem\(problems.count == 1 ? "" : "s")")
        }
        let c = store.content
        say("\(file): OK (\(c.incidents.count) incidents, \(c.actors.count) actors, \(c.wallets.count) wallets, "
            + "\(c.transfers.count) transfers, \(c.sources.count) sources; \(store.history.entries.count) history entries)")
    }
}

struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Fold the journal of recent edits into the case file now (normally done on close)."
    )

    @Argument(help: "The case file.") var file: String

    func run() throws {
        let store = try reporting(file) { try CaseStore(opening: file) }
        let bytes = store.journalBytes
        try reporting(file) {
            try store.compact()
            try store.close()
        }
        say("\(file): folded \(bytes) bytes of journal into the case file")
    }
}
