import ArgumentParser
import CasebookModel
import CasebookStore

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: "Undo the newest edit (the history's head).")
    @Argument(help: "The case file.") var file: String

    func run() throws { try step(file, undo: true) }
}

struct RedoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redo", abstract: "Redo the newest undone edit.")
    @Argument(help: "The case file.") var file: String

    func run() throws { try step(file, undo: false) }
}

private func step(_ file: String, undo: Bool) throws {
    let store = try reporting(file) { try CaseStore(opening: file) }
    for w in store.warnings { warn(w) }
    let entry = try reporting(file) {
        undo ? try store.undo(author: Session.author, time: Session.now) : try store.redo(author: Session.author, time: Session.now)
    }
    guard let entry else {
        try reporting(file) { try store.close() }
        throw CLIError("\(file): nothing to \(undo ? "undo" : "redo")")
    }
    say("\(undo ? "Undid" : "Redid"): \(VisibleText.line(entry.edit.label)) (#\(entry.target ?? 0), now #\(entry.seq))")
    Session.holdForTests()
    try reporting(file) { try store.close() }
}

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "The audit trail, newest first: seq, time, author, what. `>` marks the head (what undo takes back)."
    )
    @Argument(help: "The case file.") var file: String
    @Option(help: "table or json (one entry per line, as stored).") var format: OutputFormat = .table
    @Option(help: "Show at most this many entries.") var limit: Int?

    func run() throws {
        let history = try Session.read(file).history
        var entries = Array(history.entries.reversed())
        if let limit { entries = Array(entries.prefix(max(0, limit))) }
        if format == .json {
            say(entries.isEmpty ? "[]" : "[\n" + entries.map(CaseCoding.json).joined(separator: ",\n") + "\n]")
            return
        }
        guard !entries.isEmpty else {
            say("\(file): no history yet")
            return
        }
        let head = history.applied.last
        let undone = Set(history.undone)
        var t = Table("", "SEQ", "TIME", "AUTHOR", "WHAT")
        t.rightAligned = [1]
        t.maxWidth = 90
        for e in entries {
            let mark = e.seq == head ? ">" : ""
            let state = e.op == .edit && undone.contains(e.seq) ? " (undone)" : ""
            t.add([mark, String(e.seq), e.time, e.author, e.label + state])
        }
        say(t.render(), terminator: "")
        if head == nil { say("(every edit is undone; redo re-applies #\(history.undone.last ?? 0))") }
    }
}
