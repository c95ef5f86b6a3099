import CasebookModel

/// A change a person asked for on screen, turned into an `Edit` by the model's `Editor` when the
/// app performs it (so labels, validation and inverses are the same as on the command line).
public enum EditRequest: Sendable, Equatable {
    case note(ids: [String], text: String)
    case editNote(id: String, noteID: String, text: String)
    case deleteNote(id: String, noteID: String)
    case tag(ids: [String], tag: String)
    case untag(ids: [String], tag: String)
    case cite(ids: [String], source: String, locator: String?)
    case attribute(ids: [String], actor: String, confidence: Int, basis: String?, sources: [String] = [])
    case set(id: String, field: String, value: String)
    case add(AnyRecord)
    case delete(ids: [String])

    func edit(_ editor: Editor, _ c: Case) throws(EditError) -> Edit {
        switch self {
        case .note(let ids, let text): try editor.addNote(text, to: ids, in: c)
        case .editNote(let id, let noteID, let text): try editor.editNote(noteID, on: id, text: text, in: c)
        case .deleteNote(let id, let noteID): try editor.deleteNote(noteID, from: id, in: c)
        case .tag(let ids, let tag): try editor.tag(tag, ids: ids, in: c)
        case .untag(let ids, let tag): try editor.untag(tag, ids: ids, in: c)
        case .cite(let ids, let source, let locator): try editor.cite(source, locator: locator, ids: ids, in: c)
        case .attribute(let ids, let actor, let confidence, let basis, let sources):
            try editor.attribute(ids: ids, to: actor, confidence: confidence, basis: basis, sources: sources, in: c)
        case .set(let id, let field, let value): try editor.set(field: field, value: value, id: id, in: c)
        case .add(let record): try editor.add(record, in: c)
        case .delete(let ids): try editor.delete(ids: ids, in: c)
        }
    }
}
