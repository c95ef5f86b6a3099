import ArgumentParser
import CasebookModel
import CasebookStore
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Copy the built-in demo case (DPRK exchange hacks, from two public reports) to a fresh file and open it.",
        discussion: """
        The copy goes to ./demo.case.json, or demo-2.case.json and so on if that exists; nothing is overwritten. \
        Without a terminal (a pipe, a script) the case is summarised instead of opened.
        """
    )

    @Option(help: "Only write the demo case to this file (must not exist).") var write: String?
    @OptionGroup var screen: ScreenOptions

    func run() throws {
        let document = try Self.document()
        if let write {
            try reporting(write) { try CaseStore.create(at: write, document: document) }
            say("Wrote the demo case to \(write)")
            return
        }
        let target = Self.freshName()
        try reporting(target) { try CaseStore.create(at: target, document: document) }
        if ScreenSession.hasTerminal {
            try ScreenSession.run(file: target, options: screen)
            say("The demo case is in \(target)")
            return
        }
        say("Wrote the demo case to \(target)")
        let store = try Session.read(target)
        say(Overview.render(store.content, file: target))
        say("""
        Next: casebook \(target)   (opens it on the screen, in a terminal)
              casebook list \(target) incidents | casebook show \(target) inc-bithumb-2018
              casebook note \(target) inc-bithumb-2018 "..." | casebook history \(target) | casebook undo \(target)
        """)
    }

    /// demo.case.json, or the first demo-N.case.json that does not exist.
    static func freshName() -> String {
        var n = 1
        while true {
            let name = n == 1 ? "demo.case.json" : "demo-\(n).case.json"
            if !FileManager.default.fileExists(atPath: name) { return name }
            n += 1
        }
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
