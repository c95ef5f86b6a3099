import ArgumentParser
import CasebookModel
import CasebookStore
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write the built-in demo case (DPRK exchange hacks, from two public reports) and show it.",
        discussion: "Without --write the demo goes to ./demo.case.json, or is shown from there if it exists."
    )

    @Option(help: "Write the demo case to this file (must not exist).") var write: String?

    func run() throws {
        let target = write ?? "demo.case.json"
        if write != nil || !FileManager.default.fileExists(atPath: target) {
            let document = try Self.document()
            try reporting(target) { try CaseStore.create(at: target, document: document) }
            say("Wrote the demo case to \(target)")
        }
        guard write == nil else { return }
        let store = try Session.read(target)
        say(Overview.render(store.content, file: target))
        say("""
        Next: casebook list \(target) incidents | casebook show \(target) inc-bithumb-2018
              casebook note \(target) inc-bithumb-2018 "..." | casebook history \(target) | casebook undo \(target)
        """)
    }

    /// The demo case shipped as a package resource, with `created` times as shipped.
    static func document() throws -> CaseDocument {
        guard let url = Bundle.module.url(forResource: "demo.case", withExtension: "json"),
              let data = try? Data(contentsOf: url) else {
            throw CLIError("the demo case resource is missing from this build")
        }
        do {
            return try CaseCoding.decode(text: String(decoding: data, as: UTF8.self))
        } catch {
            throw CLIError("the built-in demo case is damaged: \(error)")
        }
    }
}
