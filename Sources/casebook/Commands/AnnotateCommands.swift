import ArgumentParser
import CasebookModel
import CasebookStore

// The annotation commands. Each opens the case, makes one undoable edit, reports it once it is
// on disk, and closes the case.

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to a record.")
    @Argument(help: "The case file.") var file: String
    @Argument(help: "The record id.") var id: String
    @Argument(help: "The note's text.") var text: String

    func run() throws {
        try Session.edit(file) { c, editor in try editor.addNote(text, to: [id], in: c) }
    }
}

struct TagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tag", abstract: "Tag a record (one word, e.g. laundering).")
    @Argument(help: "The case file.") var file: String
    @Argument(help: "The record id.") var id: String
    @Argument(help: "The tag.") var tag: String

    func run() throws {
        try Session.edit(file) { c, editor in try editor.tag(tag, ids: [id], in: c) }
    }
}

struct UntagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "untag", abstract: "Remove a tag from a record.")
    @Argument(help: "The case file.") var file: String
    @Argument(help: "The record id.") var id: String
    @Argument(help: "The tag.") var tag: String

    func run() throws {
        try Session.edit(file) { c, editor in try editor.untag(tag, ids: [id], in: c) }
    }
}

struct CiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cite", abstract: "Cite a source for a record.")
    @Argument(help: "The case file.") var file: String
    @Argument(help: "The record id.") var id: String
    @Argument(help: "The source's id (see `casebook list FILE sources`).") var source: String
    @Option(help: "Where in the source: page, paragraph or a quote.") var locator: String?

    func run() throws {
        try Session.edit(file) { c, editor in try editor.cite(source, locator: locator, ids: [id], in: c) }
    }
}

struct AttributeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribute",
        abstract: "Attribute an incident or wallet to an actor, with confidence 0-100 (STIX scale).",
        discussion: "0 none, 1-29 low, 30-69 moderate, 70-100 high. Attributing again to the same actor replaces the earlier one."
    )
    @Argument(help: "The case file.") var file: String
    @Argument(help: "The incident or wallet id.") var id: String
    @Argument(help: "The actor's id.") var actor: String
    @Option(help: "Confidence, 0-100.") var confidence: Int
    @Option(help: "A source id that supports it (repeatable).") var source: [String] = []
    @Option(help: "Why: what the attribution rests on.") var basis: String?

    func run() throws {
        try Session.edit(file) { c, editor in
            try editor.attribute(ids: [id], to: actor, confidence: confidence, basis: basis, sources: source, in: c)
        }
    }
}

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set one field of a record (or of the case, with id `case`); an empty value clears it.",
        discussion: """
        Fields: sources \(Editor.settableFields(.source).joined(separator: ", ")); incidents \(Editor.settableFields(.incident).joined(separator: ", ")); \
        actors \(Editor.settableFields(.actor).joined(separator: ", ")); wallets \(Editor.settableFields(.wallet).joined(separator: ", ")); \
        transfers \(Editor.settableFields(.transfer).joined(separator: ", ")); case \(Editor.caseFields.joined(separator: ", ")). \
        A loss is set per asset: `set FILE inc-x loss.BTC "2000.5 usd 4100000"`.
        """
    )
    @Argument(help: "The case file.") var file: String
    @Argument(help: "The record id, or `case`.") var id: String
    @Argument(help: "The field name.") var field: String
    @Argument(help: "The new value (\"\" clears an optional field).") var value: String

    func run() throws {
        try Session.edit(file) { c, editor in try editor.set(field: field, value: value, id: id, in: c) }
    }
}
