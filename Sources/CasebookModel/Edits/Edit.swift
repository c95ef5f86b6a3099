// Every change to a case is an Edit: a list of record-level changes, each holding the record as it
// was (`before`) and as it becomes (`after`). The inverse of a change swaps the two; the inverse of
// an edit inverts each change and reverses their order. Applying checks that each record is still
// exactly `before`, so an edit can never silently overwrite something it did not see; if any check
// fails, the changes already made are rolled back and the case is as it was.

/// One record-level change. Insert: `before` nil. Delete: `after` nil.
public enum Change: Sendable, Hashable {
    case record(before: AnyRecord?, after: AnyRecord?)
    case info(before: CaseInfo, after: CaseInfo)

    public var inverse: Change {
        switch self {
        case .record(let before, let after): .record(before: after, after: before)
        case .info(let before, let after): .info(before: after, after: before)
        }
    }

    /// The id of the record changed; `case` for the case's own information.
    public var targetID: String {
        switch self {
        case .record(let before, let after): (after ?? before)?.id ?? ""
        case .info: "case"
        }
    }
}

/// A named, attributed, undoable change to a case.
public struct Edit: Sendable, Hashable {
    /// The command that made it (`note`, `tag`, `set`, `import` ...).
    public var command: String
    /// What a person reads in the history: "Add note to Bithumb hack (2018)".
    public var label: String
    /// ISO 8601 UTC.
    public var time: String
    public var author: String
    public var changes: [Change]

    public init(command: String, label: String, time: String, author: String, changes: [Change]) {
        self.command = command
        self.label = label
        self.time = time
        self.author = author
        self.changes = changes
    }

    public var inverse: Edit {
        Edit(command: command, label: label, time: time, author: author,
             changes: changes.reversed().map(\.inverse))
    }

    /// Ids of the records this edit touches, in order, without repeats.
    public var targetIDs: [String] {
        var seen = Set<String>()
        return changes.map(\.targetID).filter { seen.insert($0).inserted }
    }
}

/// Why an edit could not be applied. The case is unchanged when this is thrown.
public struct EditConflict: Error, Sendable, Equatable, CustomStringConvertible {
    public var recordID: String
    public var reason: String
    public var description: String { "\(recordID): \(reason)" }
}

extension Case {
    /// Applies every change of `edit`, or none of them.
    public mutating func apply(_ edit: Edit) throws(EditConflict) {
        var done: [Change] = []
        for change in edit.changes {
            do throws(EditConflict) {
                try apply(change)
                done.append(change)
            } catch {
                for undo in done.reversed() { try? apply(undo.inverse) }
                throw error
            }
        }
    }

    mutating func apply(_ change: Change) throws(EditConflict) {
        switch change {
        case .info(let before, let after):
            guard info == before else {
                throw EditConflict(recordID: "case", reason: "the case information changed since this edit was made")
            }
            info = after
        case .record(let before, let after):
            guard let target = after ?? before else {
                throw EditConflict(recordID: "?", reason: "a change with neither a before nor an after record")
            }
            if let before, let after, before.id != after.id || before.kind != after.kind {
                throw EditConflict(recordID: before.id, reason: "a change may not alter a record's id or kind")
            }
            let current = record(id: target.id)
            guard current == before else {
                let reason = before == nil ? "a record with this id already exists"
                    : current == nil ? "the record no longer exists" : "the record changed since this edit was made"
                throw EditConflict(recordID: target.id, reason: reason)
            }
            store(after, id: target.id, kind: target.kind)
        }
    }
}
