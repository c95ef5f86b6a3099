import CasebookModel

// The records an importer read, turned into one edit against a case. Records keep the order they
// were put in, grouped by kind so what a record refers to goes in first (sources, actors,
// incidents, wallets, transfers). A record whose id is already in the case is merged with it
// (RecordMerge) and counted as updated, or unchanged when the merge changes nothing. Before the
// edit is returned it is applied to a copy of the case and every record it touches is validated:
// if any would have a problem it did not have before, the import is refused as a whole, so a case
// is never left half-imported.

public struct ImportBatch: Sendable {
    private var order: [RecordKind: [String]] = [:]
    private var byID: [String: AnyRecord] = [:]

    public init() {}

    public var isEmpty: Bool { byID.isEmpty }
    public var count: Int { byID.count }

    public func record(id: String) -> AnyRecord? { byID[id] }

    /// Adds a record, or merges it into one the batch already holds under the same id.
    /// Returns false, changing nothing, when that id holds a record of another kind.
    @discardableResult
    public mutating func put(_ record: AnyRecord) -> Bool {
        if let held = byID[record.id] {
            guard held.kind == record.kind else { return false }
            byID[record.id] = RecordMerge.merge(held, record)
            return true
        }
        byID[record.id] = record
        order[record.kind, default: []].append(record.id)
        return true
    }

    /// Replaces a record the batch holds (e.g. to add a citation found later).
    public mutating func update(_ id: String, _ change: (inout AnyRecord) -> Void) {
        guard var r = byID[id] else { return }
        change(&r)
        byID[id] = r
    }

    public mutating func remove(_ id: String) {
        guard let r = byID.removeValue(forKey: id) else { return }
        order[r.kind]?.removeAll { $0 == id }
    }

    public var records: [AnyRecord] {
        let kinds: [RecordKind] = [.source, .actor, .incident, .wallet, .transfer]
        return kinds.flatMap { (order[$0] ?? []).compactMap { byID[$0] } }
    }

    /// Builds the import's edit. `result` brings the skips and failures the reader found; the
    /// counts are filled in here. Throws when the import would break the case.
    public func plan(into c: Case, editor: Editor, label: String, result: ImportResult) throws(ImportError) -> ImportResult {
        var result = result
        var changes: [Change] = []
        for incoming in records {
            if let existing = c.record(id: incoming.id) {
                guard existing.kind == incoming.kind else {
                    result.failures.append(ImportIssue(line: 0, subject: incoming.id,
                        reason: "is a \(existing.kind.rawValue) in the case but a \(incoming.kind.rawValue) in the import; left as it is"))
                    continue
                }
                var merged = RecordMerge.merge(existing, incoming)
                merged.meta.created = existing.meta.created
                merged.meta.modified = existing.meta.modified
                if merged == existing {
                    result.unchanged[incoming.kind, default: 0] += 1
                } else {
                    merged.meta.modified = editor.time
                    changes.append(.record(before: existing, after: merged))
                    result.updated[incoming.kind, default: 0] += 1
                }
            } else {
                changes.append(.record(before: nil, after: incoming))
                result.added[incoming.kind, default: 0] += 1
            }
        }
        guard !changes.isEmpty else { return result }
        let edit = Edit(command: "import", label: "\(label): \(result.summaryPhrase())", time: editor.time,
                        author: editor.author, changes: changes)
        try Self.check(edit, against: c)
        result.edit = edit
        return result
    }

    /// Applies `edit` to a copy of `c` and refuses it if any record it touches gains a problem.
    static func check(_ edit: Edit, against c: Case) throws(ImportError) {
        var after = c
        do { try after.apply(edit) } catch {
            throw ImportError("the import conflicts with the case: \(error)")
        }
        func key(_ p: Problem) -> String { p.field.replacing(/\[\d+\]/, with: "[]") + "\u{0}" + p.message }
        var problems: [Problem] = []
        let assets = after.assetTable
        for change in edit.changes {
            guard case .record(let before, let new?) = change else { continue }
            let old = Set((before.map { c.problems(in: $0, assets: assets) } ?? []).map(key))
            problems += after.problems(in: new, assets: assets).filter { !old.contains(key($0)) }
            if problems.count >= 20 { break }
        }
        guard problems.isEmpty else {
            let list = problems.prefix(10).map { "  " + VisibleText.line($0.description) }.joined(separator: "\n")
            throw ImportError("the import would leave problems in the case, so nothing was imported:\n\(list)")
        }
    }
}
