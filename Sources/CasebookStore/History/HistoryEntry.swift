import CasebookModel

/// One line of the audit trail: an edit, or the undo or redo of one. Entries are numbered by
/// `seq` from 1 and never removed, so the history says who did what when, including what was
/// undone; the undo and redo stacks are derived from it.
public struct HistoryEntry: Sendable, Equatable {
    public enum Operation: String, Sendable { case edit, undo, redo }

    public var seq: Int
    public var op: Operation
    /// The edit made (for `edit`), or the edit undone or redone, as recorded at its own seq.
    public var edit: Edit
    /// For undo and redo: the seq of the edit entry they act on.
    public var target: Int?
    /// When and by whom this entry was made (for an undo: the undoer, not the edit's author).
    public var time: String
    public var author: String

    public init(seq: Int, op: Operation, edit: Edit, target: Int? = nil, time: String, author: String) {
        self.seq = seq
        self.op = op
        self.edit = edit
        self.target = target
        self.time = time
        self.author = author
    }

    /// What a person reads: "Add note to Bithumb hack (2018)", "Undo: Add note to ...".
    public var label: String {
        switch op {
        case .edit: edit.label
        case .undo: "Undo: " + edit.label
        case .redo: "Redo: " + edit.label
        }
    }
}
