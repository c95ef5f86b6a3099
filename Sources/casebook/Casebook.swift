import ArgumentParser
import CasebookStore
#if canImport(Glibc)
import Glibc
#endif

@main
struct Casebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casebook",
        abstract: "A keyboard-driven workbench for state-sponsored crypto-crime cases.",
        discussion: """
        A case is one JSON file (NAME.case.json) with its records and undo history. Edits from these \
        commands are undoable and recorded with their author ($CASEBOOK_AUTHOR, else git's user.name, else $USER).
        """,
        subcommands: [
            OpenCommand.self, NewCommand.self, DemoCommand.self, GenerateCommand.self, CheckCommand.self, ListCommand.self, ShowCommand.self,
            NoteCommand.self, TagCommand.self, UntagCommand.self, CiteCommand.self, AttributeCommand.self,
            SetCommand.self, UndoCommand.self, RedoCommand.self, HistoryCommand.self, CompactCommand.self,
            SummaryCommand.self, PrintCommand.self, ImportCommand.self, ExportCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )

    static func main() {
        ProcessMemory.returnFreedBuffers()
        // A write past a file-size limit should fail with an error we can report, not kill us.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
