import CasebookModel

/// Where an import problem is: a line of the input (CSV row, JSON object) or an object id.
public struct ImportIssue: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the input file, 0 when unknown.
    public var line: Int
    /// The object or row it concerns (a STIX id, an address), if any.
    public var subject: String?
    public var reason: String

    public init(line: Int, subject: String? = nil, reason: String) {
        self.line = line
        self.subject = subject
        self.reason = reason
    }

    /// `line 12: intrusion-set--…: name is not a string`, with untrusted text made visible.
    public var description: String {
        var parts: [String] = []
        if line > 0 { parts.append("line \(line)") }
        if let subject { parts.append(VisibleText.line(subject)) }
        parts.append(VisibleText.line(reason))
        return parts.joined(separator: ": ")
    }
}

/// What an import would do or did: records added, updated and unchanged by kind, what was
/// skipped on purpose (revoked objects, kinds Casebook does not model) and what failed.
public struct ImportResult: Sendable {
    /// The single undoable edit that makes the import; nil when there is nothing to change.
    public var edit: Edit?
    public var added: [RecordKind: Int] = [:]
    public var updated: [RecordKind: Int] = [:]
    public var unchanged: [RecordKind: Int] = [:]
    /// Things left out on purpose, counted by reason ("revoked", "attack-pattern (not modelled)").
    public var skipped: [String: Int] = [:]
    /// Rows or objects that could not be imported, each with its line and reason.
    public var failures: [ImportIssue] = []
    /// Worth telling, not failures (a duplicate STIX id where the newest version was kept).
    public var notices: [String] = []

    public init() {}

    public var changedCount: Int { added.values.reduce(0, +) + updated.values.reduce(0, +) }

    /// The lines `casebook import` prints: counts first, then skips, notices and failures.
    public func reportLines(maxFailures: Int = 50) -> [String] {
        var lines: [String] = []
        func counts(_ label: String, _ table: [RecordKind: Int]) {
            let parts = RecordKind.allCases.compactMap { k in table[k].flatMap { $0 > 0 ? "\($0) \($0 == 1 ? k.rawValue : k.plural)" : nil } }
            lines.append("\(label): " + (parts.isEmpty ? "none" : parts.joined(separator: ", ")))
        }
        counts("added", added)
        counts("updated", updated)
        counts("unchanged", unchanged)
        if !skipped.isEmpty {
            let parts = skipped.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.value) \(VisibleText.line($0.key))" }
            lines.append("skipped: " + parts.joined(separator: ", "))
        }
        for n in notices { lines.append("note: " + VisibleText.line(n)) }
        if !failures.isEmpty {
            lines.append("failed: \(failures.count)")
            for f in failures.prefix(maxFailures) { lines.append("  " + f.description) }
            if failures.count > maxFailures { lines.append("  … and \(failures.count - maxFailures) more") }
        }
        return lines
    }

    /// "9 actors, 2 incidents, 140 sources": for the edit's label.
    func summaryPhrase() -> String {
        var total: [RecordKind: Int] = [:]
        for (k, v) in added { total[k, default: 0] += v }
        for (k, v) in updated { total[k, default: 0] += v }
        let parts = RecordKind.allCases.compactMap { k in total[k].flatMap { $0 > 0 ? "\($0) \($0 == 1 ? k.rawValue : k.plural)" : nil } }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }
}

/// An import that cannot go ahead: nothing was changed.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }

    /// The message safe to print: it may quote a file name, a header or a value from the input.
    public var visibleMessage: String { VisibleText.lines(message).joined(separator: "\n") }
}
