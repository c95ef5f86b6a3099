import ArgumentParser
import CasebookModel
import CasebookStore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic case of N transfers (laundering chains, Korean names, realistic addresses), the same for the same seed.",
        discussion: "For trying Casebook at scale and for benchmarks; every transfer is marked illustrative."
    )

    @Argument(help: "The case file to create.") var file: String
    @Option(help: "How many transfers.") var transfers: Int
    @Option(help: "Seed: the same seed gives the same case.") var seed: UInt64 = 1

    func run() throws {
        guard (1...10_000_000).contains(transfers) else { throw CLIError("--transfers must be between 1 and 10,000,000") }
        let content = SyntheticCase.make(transfers: transfers, seed: seed)
        try reporting(file) { try CaseStore.create(at: file, document: CaseDocument(content: content)) }
        say("Wrote \(file): \(content.transfers.count) transfers, \(content.wallets.count) wallets, \(content.incidents.count) incidents (seed \(seed))")
    }
}
