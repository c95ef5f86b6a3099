import CasebookModel

// History entries as JSON, one per line, used both in the case file's `history` array and in the
// journal. An edit entry carries its changes (each with the whole record before and after);
// undo and redo entries carry only their target seq and are resolved against the history.

enum EditCoding {
    static func encode(_ e: HistoryEntry) -> JSONValue {
        var o = JSONObject()
        o.add("seq", .number(String(e.seq)))
        o.add("op", e.op.rawValue)
        o.add("time", e.time)
        o.add("author", e.author)
        if e.op == .edit {
            o.add("command", e.edit.command)
            o.add("label", e.edit.label)
            o.add("changes", .array(e.edit.changes.map(encode)))
        } else {
            o.add("target", .number(String(e.target ?? 0)))
            o.add("label", e.label)
        }
        return .object(o)
    }

    static func encode(_ change: Change) -> JSONValue {
        var o = JSONObject()
        switch change {
        case .record(let before, let after):
            let some = (after ?? before)!
            o.add("kind", some.kind.rawValue)
            o.add("id", some.id)
            o.add("before", before.map(RecordCoding.encode))
            o.add("after", after.map(RecordCoding.encode))
        case .info(let before, let after):
            o.add("kind", "case")
            o.add("before", CaseCoding.encode(before))
            o.add("after", CaseCoding.encode(after))
        }
        return .object(o)
    }

    /// Decodes one entry; undo and redo are completed from `history` (the edit they act on).
    static func decode(_ value: JSONValue, path: String, history: History) throws(FormatError) -> HistoryEntry {
        var r = try FieldReader(value, path: path)
        let seq = try r.int("seq")
        r.path = "\(path) (seq \(seq))"
        guard let op = HistoryEntry.Operation(rawValue: try r.string("op")) else {
            throw r.fail("op", "must be edit, undo or redo")
        }
        let time = try r.string("time")
        let author = try r.string("author")
        let entry: HistoryEntry
        if op == .edit {
            let command = try r.string("command")
            let label = try r.string("label")
            var changes: [Change] = []
            for (i, c) in try r.array("changes").enumerated() {
                changes.append(try decodeChange(c, path: "\(r.path).changes[\(i)]"))
            }
            entry = HistoryEntry(seq: seq, op: op, edit: Edit(command: command, label: label, time: time, author: author, changes: changes),
                                 time: time, author: author)
        } else {
            let target = try r.int("target")
            _ = try r.optString("label")
            guard let edited = history.entry(seq: target), edited.op == .edit else {
                throw r.fail("target", "\(target) is not an edit in the history")
            }
            entry = HistoryEntry(seq: seq, op: op, edit: edited.edit, target: target, time: time, author: author)
        }
        try r.finish()
        return entry
    }

    static func decodeChange(_ value: JSONValue, path: String) throws(FormatError) -> Change {
        var r = try FieldReader(value, path: path)
        let kindName = try r.string("kind")
        if kindName == "case" {
            guard let b = r.raw("before"), let a = r.raw("after") else { throw r.fail("before", "a case change needs before and after") }
            let change = Change.info(before: try CaseCoding.decodeInfo(b, path: path + ".before"),
                                     after: try CaseCoding.decodeInfo(a, path: path + ".after"))
            try r.finish()
            return change
        }
        guard let kind = RecordKind(rawValue: kindName) else {
            throw r.fail("kind", "\"\(kindName)\" is not a record kind (source, incident, actor, wallet, transfer, case)")
        }
        let id = try r.string("id")
        let before = try r.raw("before").map { (v) throws(FormatError) in try RecordCoding.decode(v, kind: kind, path: path + ".before") }
        let after = try r.raw("after").map { (v) throws(FormatError) in try RecordCoding.decode(v, kind: kind, path: path + ".after") }
        guard before != nil || after != nil else { throw r.fail("after", "a change needs a before or an after record") }
        guard (before?.id ?? id) == id, (after?.id ?? id) == id else { throw r.fail("id", "does not match the record's id") }
        try r.finish()
        return .record(before: before, after: after)
    }
}
