import ArgumentParser
import CasebookStore

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a case on the screen (also: casebook FILE).",
        discussion: "If another Casebook is editing the case it opens read-only, and says so."
    )

    @Argument(help: "The case file.") var file: String
    @OptionGroup var screen: ScreenOptions

    func run() throws { try ScreenSession.run(file: file, options: screen) }
}
