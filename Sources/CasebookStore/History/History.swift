import CasebookModel

// The undo history as an append-only log. Replaying the log keeps two stacks of edit seqs:
// `applied` (what undo takes back, newest last) and `undone` (what redo re-applies). A new edit
// empties `undone`, so redo after a fresh edit is impossible, as in every editor. Undo and redo
// entries name their target; replay checks it is the right one, so a corrupted log is caught.

public struct History: Sendable, Equatable {
    public private(set) var entries: [HistoryEntry] = []
    public private(set) var applied: [Int] = []
    public private(set) var undone: [Int] = []
    private var indexBySeq: [Int: Int] = [:]

    public init() {}

    public var lastSeq: Int { entries.last?.seq ?? 0 }

    public func entry(seq: Int) -> HistoryEntry? { indexBySeq[seq].map { entries[$0] } }

    /// The edit entry undo would take back.
    public var nextUndo: HistoryEntry? { applied.last.flatMap(entry(seq:)) }
    /// The edit entry redo would re-apply.
    public var nextRedo: HistoryEntry? { undone.last.flatMap(entry(seq:)) }

    /// Adds an entry at the end, updating the stacks; throws if it does not follow from them.
    public mutating func append(_ entry: HistoryEntry) throws(HistoryError) {
        guard entry.seq > lastSeq else {
            throw HistoryError("entry \(entry.seq) comes after entry \(lastSeq); history numbers must increase")
        }
        switch entry.op {
        case .edit:
            applied.append(entry.seq)
            undone.removeAll()
        case .undo:
            guard let top = applied.last, top == entry.target else {
                throw HistoryError("entry \(entry.seq) undoes \(entry.target.map(String.init) ?? "nothing"), but the edit to undo is \(applied.last.map(String.init) ?? "none")")
            }
            undone.append(applied.removeLast())
        case .redo:
            guard let top = undone.last, top == entry.target else {
                throw HistoryError("entry \(entry.seq) redoes \(entry.target.map(String.init) ?? "nothing"), but the edit to redo is \(undone.last.map(String.init) ?? "none")")
            }
            applied.append(undone.removeLast())
        }
        indexBySeq[entry.seq] = entries.count
        entries.append(entry)
    }
}

public struct HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
