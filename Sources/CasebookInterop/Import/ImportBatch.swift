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
    /// The input line each record came from, where the reader knows it (for failure messages).
    private var lines: [String: Int] = [:]

    public init() {}

    public var isEmpty: Bool { byID.isEmpty }
    public var count: Int { byID.count }

    public func record(id: String) -> AnyRecord? { byID[id] }

    /// Adds a record, or merges it into one the batch already holds under the same id.
    /// Returns false, changing nothing, when that id holds a record of another kind.
    @discardableResult
    public mutating func put(_ record: AnyRecord, line: Int) -> Bool {
        guard put(record) else { return false }
        if lines[record.id] == nil, line > 0 { lines[record.id] = line }
        return true
    }

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
    /// counts are filled in here. A record that would have a problem in the case (a precision
    /// its asset does not allow, a reference to something missing) fails on its own, and so,
    /// in the next round, does whatever referred to it; the rest goes in.
    public func plan(into c: Case, editor: Editor, label: String, result: ImportResult) throws(ImportError) -> ImportResult {
        var result = result
        var changes: [Change] = []
        var lines: [String: Int] = [:]
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
                }
            } else {
                changes.append(.record(before: nil, after: incoming))
            }
            lines[incoming.id] = self.lines[incoming.id]
        }
        for _ in 0..<8 {
            let failing = try Self.problems(of: changes, in: c)
            if failing.isEmpty { break }
            for (id, problem) in failing.sorted(by: { $0.key < $1.key }) {
                result.failures.append(ImportIssue(line: lines[id] ?? 0, subject: id, reason: problem))
            }
            changes.removeAll { failing[$0.targetID] != nil }
        }
        for change in changes {
            guard case .record(let before, let after?) = change else { continue }
            if before == nil { result.added[after.kind, default: 0] += 1 } else { result.updated[after.kind, default: 0] += 1 }
        }
        guard !changes.isEmpty else { return result }
        let edit = Edit(command: "import", label: "\(label): \(result.summaryPhrase())", time: editor.time,
                        author: editor.author, changes: changes)
        if let left = try Self.problems(of: changes, in: c).first {
            throw ImportError("the import would leave a problem in the case, so nothing was imported: \(left.key): \(left.value)")
        }
        result.edit = edit
        return result
    }

    /// The first new problem of each record the changes touch, applied to a copy of `c`.
    static func problems(of changes: [Change], in c: Case) throws(ImportError) -> [String: String] {
        var after = c
        do { try after.apply(Edit(command: "import", label: "", time: "", author: "", changes: changes)) } catch {
            throw ImportError("the import conflicts with the case: \(error)")
        }
        func key(_ p: Problem) -> String { p.field.replacing(/\[\d+\]/, with: "[]") + "\u{0}" + p.message }
        var failing: [String: String] = [:]
        let assets = after.assetTable
        for change in changes {
            guard case .record(let before, let new?) = change else { continue }
            let old = Set((before.map { c.problems(in: $0, assets: assets) } ?? []).map(key))
            if let p = after.problems(in: new, assets: assets).first(where: { !old.contains(key($0)) }) {
                failing[new.id] = "\(p.field) \(p.message)"
            }
        }
        return failing
    }
}
