import Foundation

/// Makes the edits a person asks for (note, tag, cite, attribute, set a field, add, delete),
/// each with a readable label, stamped with the author and time given here.
/// It only builds edits; `Case.apply(_:)` (or the store) applies them.
public struct Editor: Sendable {
    public var author: String
    public var time: String

    public init(author: String, time: String) {
        self.author = author
        self.time = time
    }

    /// Builds an edit that replaces each target record by `transform(record)`, stamping `modified`.
    /// Refuses a change that would give a record a problem it did not have before.
    func modify(_ c: Case, ids: [String], command: String, label: (String) -> String,
                _ transform: (inout AnyRecord) throws(EditError) -> Void) throws(EditError) -> Edit {
        guard !ids.isEmpty else { throw EditError("no records given") }
        var changes: [Change] = []
        var seen = Set<String>()
        for id in ids where seen.insert(id).inserted {
            guard let before = c.record(id: id) else { throw EditError("no record with id \(id)") }
            var after = before
            try transform(&after)
            after.meta.modified = time
            try refuseNewProblems(c, before: before, after: after)
            changes.append(.record(before: before, after: after))
        }
        let target = changes.count == 1 ? quoted(c.record(id: ids[0])!) : plural(changes.count, ids.compactMap(c.record(id:)))
        return Edit(command: command, label: label(target), time: time, author: author, changes: changes)
    }

    /// A record that already had problems can still be annotated; only problems the change brings
    /// in are refused. Problems are compared without list positions, so removing `losses[0]` does not
    /// make an old problem at `losses[1]` (now `losses[0]`) look new.
    func refuseNewProblems(_ c: Case, before: AnyRecord?, after: AnyRecord) throws(EditError) {
        func key(_ p: Problem) -> String {
            p.field.replacing(/\[\d+\]/, with: "[]") + "\u{0}" + p.message
        }
        let old = Set((before.map { c.problems(in: $0) } ?? []).map(key))
        if let fresh = c.problems(in: after).first(where: { !old.contains(key($0)) }) {
            throw EditError(fresh.description)
        }
    }

    func quoted(_ r: AnyRecord) -> String { r.displayName }

    func plural(_ n: Int, _ records: [AnyRecord]) -> String {
        let kinds = Set(records.map(\.kind))
        if kinds.count == 1, let k = kinds.first { return "\(n) \(n == 1 ? k.rawValue : k.plural)" }
        return "\(n) records"
    }

    // MARK: Annotations

    public func addNote(_ text: String, to ids: [String], in c: Case) throws(EditError) -> Edit {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw EditError("a note needs some text") }
        let note = Note(id: "note-" + UUID().uuidString.prefix(8).lowercased(), author: author, time: time, text: text)
        return try modify(c, ids: ids, command: "note", label: { "Add note to \($0)" }) { r throws(EditError) in
            r.meta.notes.append(note)
        }
    }

    public func deleteNote(_ noteID: String, from id: String, in c: Case) throws(EditError) -> Edit {
        try modify(c, ids: [id], command: "delete-note", label: { "Delete note from \($0)" }) { r throws(EditError) in
            guard let i = r.meta.notes.firstIndex(where: { $0.id == noteID }) else {
                throw EditError("\(id) has no note \(noteID)")
            }
            r.meta.notes.remove(at: i)
        }
    }

    public func editNote(_ noteID: String, on id: String, text: String, in c: Case) throws(EditError) -> Edit {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw EditError("a note needs some text; to remove it, delete it") }
        return try modify(c, ids: [id], command: "edit-note", label: { "Edit note on \($0)" }) { r throws(EditError) in
            guard let i = r.meta.notes.firstIndex(where: { $0.id == noteID }) else { throw EditError("\(id) has no note \(noteID)") }
            r.meta.notes[i].text = text
        }
    }

    public func tag(_ tag: String, ids: [String], in c: Case) throws(EditError) -> Edit {
        let tag = try Self.cleanTag(tag)
        let missing = ids.filter { !(c.record(id: $0)?.meta.tags.contains(tag) ?? false) }
        guard !missing.isEmpty else { throw EditError("already tagged '\(tag)'") }
        return try modify(c, ids: missing, command: "tag", label: { "Tag \($0) '\(tag)'" }) { r throws(EditError) in
            r.meta.tags.append(tag)
        }
    }

    public func untag(_ tag: String, ids: [String], in c: Case) throws(EditError) -> Edit {
        let having = ids.filter { c.record(id: $0)?.meta.tags.contains(tag) ?? false }
        guard !having.isEmpty else {
            if let bad = ids.first(where: { c.record(id: $0) == nil }) { throw EditError("no record with id \(bad)") }
            throw EditError("not tagged '\(tag)'")
        }
        return try modify(c, ids: having, command: "untag", label: { "Remove tag '\(tag)' from \($0)" }) { r throws(EditError) in
            r.meta.tags.removeAll { $0 == tag }
        }
    }

    static func cleanTag(_ tag: String) throws(EditError) -> String {
        let t = tag.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !t.isEmpty, !t.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "," }) else {
            throw EditError("a tag is one word with no spaces or commas: '\(tag)'")
        }
        return t
    }

    public func cite(_ source: String, locator: String?, ids: [String], in c: Case) throws(EditError) -> Edit {
        guard c.sources[source] != nil else { throw EditError("no source with id \(source)") }
        let citation = Citation(source: source, locator: locator.flatMap { $0.isEmpty ? nil : $0 })
        let title = c.sources[source]!.title
        return try modify(c, ids: ids, command: "cite", label: { "Cite '\(title)' for \($0)" }) { r throws(EditError) in
            guard !r.meta.sources.contains(citation) else { throw EditError("\(r.id) already cites \(source) there") }
            r.meta.sources.append(citation)
        }
    }

    /// Adds an attribution, or replaces this actor's earlier one on the same record.
    public func attribute(ids: [String], to actor: String, confidence: Int, basis: String?, sources: [String],
                          in c: Case) throws(EditError) -> Edit {
        guard let actorRecord = c.actors[actor] else { throw EditError("no actor with id \(actor)") }
        guard (0...100).contains(confidence) else { throw EditError("confidence must be 0-100, not \(confidence)") }
        for s in sources where c.sources[s] == nil { throw EditError("no source with id \(s)") }
        let attribution = Attribution(actor: actor, confidence: confidence,
                                      basis: basis.flatMap { $0.isEmpty ? nil : $0 },
                                      sources: sources.map { Citation(source: $0) })
        let word = attribution.level.rawValue
        return try modify(c, ids: ids, command: "attribute",
                          label: { "Attribute \($0) to \(actorRecord.name) (\(word), \(confidence))" }) { r throws(EditError) in
            guard var list = r.attributions else {
                throw EditError("\(r.id) is a \(r.kind.rawValue); only incidents and wallets are attributed")
            }
            list.removeAll { $0.actor == actor }
            list.append(attribution)
            r.attributions = list
        }
    }

    public func removeAttribution(ids: [String], actor: String, in c: Case) throws(EditError) -> Edit {
        try modify(c, ids: ids, command: "unattribute", label: { "Remove attribution of \($0) to \(actor)" }) { r throws(EditError) in
            guard var list = r.attributions, list.contains(where: { $0.actor == actor }) else {
                throw EditError("\(r.id) is not attributed to \(actor)")
            }
            list.removeAll { $0.actor == actor }
            r.attributions = list
        }
    }

    // MARK: Records

    public func add(_ record: AnyRecord, in c: Case) throws(EditError) -> Edit {
        guard c.record(id: record.id) == nil else { throw EditError("the id \(record.id) is already used") }
        var record = record
        record.meta.created = time
        record.meta.modified = time
        try refuseNewProblems(c, before: nil, after: record)
        return Edit(command: "add", label: "Add \(record.kind.rawValue) \(record.displayName)", time: time,
                    author: author, changes: [.record(before: nil, after: record)])
    }

    public func delete(ids: [String], in c: Case) throws(EditError) -> Edit {
        var changes: [Change] = []
        var seen = Set<String>()
        let ids = ids.filter { seen.insert($0).inserted }
        guard !ids.isEmpty else { throw EditError("no records given") }
        for id in ids {
            guard let r = c.record(id: id) else { throw EditError("no record with id \(id)") }
            changes.append(.record(before: r, after: nil))
        }
        let records = ids.compactMap(c.record(id:))
        let target = records.count == 1 ? "\(records[0].kind.rawValue) \(records[0].displayName)" : plural(records.count, records)
        return Edit(command: "delete", label: "Delete \(target)", time: time, author: author, changes: changes)
    }
}
