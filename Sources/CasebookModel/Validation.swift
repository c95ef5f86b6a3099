// Checks a whole case for what loading alone cannot catch: references to records that do not
// exist (or exist as the wrong kind), ids used by two kinds, amounts that are negative, have more
// decimals than their asset allows or name an unknown asset, confidences outside 0-100, and
// malformed dates. Each problem names the record and the field.

import Foundation

extension Case {
    /// Every problem in the case, records in file order.
    public func validate() -> [Problem] {
        var problems: [Problem] = []
        var seen: [String: RecordKind] = [:]
        let assets = assetTable
        for record in allRecords {
            if let other = seen[record.id] {
                problems.append(Problem(recordID: record.id, field: "id",
                                        message: "is used by a \(other.rawValue) and a \(record.kind.rawValue)"))
            }
            seen[record.id] = record.kind
            problems += self.problems(in: record, assets: assets)
        }
        return problems
    }

    /// The problems of one record as it stands (or would stand) in this case.
    public func problems(in record: AnyRecord, assets: AssetTable? = nil) -> [Problem] {
        var problems: [Problem] = []
        let assets = assets ?? assetTable

        func ref(_ id: String?, _ kinds: Set<RecordKind>, _ owner: String, _ field: String) {
            guard let id else { return }
            guard let found = self.record(id: id) else {
                problems.append(Problem(recordID: owner, field: field, message: "refers to \(id), which is not in the case"))
                return
            }
            if !kinds.contains(found.kind) {
                let wanted = kinds.map(\.rawValue).sorted().joined(separator: " or ")
                problems.append(Problem(recordID: owner, field: field,
                                        message: "refers to \(id), a \(found.kind.rawValue), but must be a \(wanted)"))
            }
        }
        func money(_ amount: ExactDecimal, _ asset: String, _ owner: String, _ field: String) {
            if let p = assets.problem(amount: amount, asset: asset) {
                problems.append(Problem(recordID: owner, field: field, message: p))
            }
        }
        func usd(_ value: ExactDecimal?, _ owner: String, _ field: String) {
            if let value { money(value, "USD", owner, field) }
        }
        func date(_ text: String?, _ owner: String, _ field: String) {
            if let text, !CaseTime.isValid(text) {
                problems.append(Problem(recordID: owner, field: field, message: "\"\(text)\" is not an ISO 8601 date or time"))
            }
        }
        func attributions(_ list: [Attribution], _ owner: String) {
            for (i, a) in list.enumerated() {
                ref(a.actor, [.actor], owner, "attributions[\(i)].actor")
                if !(0...100).contains(a.confidence) && a.isConfidenceKnown {
                    problems.append(Problem(recordID: owner, field: "attributions[\(i)].confidence",
                                            message: "\(a.confidence) is outside 0-100"))
                }
                for (j, c) in a.sources.enumerated() { ref(c.source, [.source], owner, "attributions[\(i)].sources[\(j)]") }
            }
        }
        func required(_ text: String, _ owner: String, _ field: String) {
            if text.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(Problem(recordID: owner, field: field, message: "is empty"))
            }
        }

        do {
            let meta = record.meta
            let id = meta.id
            if id.isEmpty || id.contains(where: { $0.isWhitespace || $0.isNewline }) {
                problems.append(Problem(recordID: id, field: "id", message: "must be non-empty with no spaces"))
            }
            date(meta.created, id, "created")
            date(meta.modified, id, "modified")
            for (i, c) in meta.sources.enumerated() { ref(c.source, [.source], id, "sources[\(i)]") }
            for (i, n) in meta.notes.enumerated() { date(n.time, id, "notes[\(i)].time") }

            switch record {
            case .source(let s):
                required(s.title, id, "title")
                date(s.date, id, "date")
            case .incident(let inc):
                required(inc.title, id, "title")
                date(inc.started, id, "started")
                date(inc.ended, id, "ended")
                ref(inc.victim, [.actor], id, "victim")
                for (i, loss) in inc.losses.enumerated() {
                    money(loss.amount, loss.asset, id, "losses[\(i)].amount")
                    usd(loss.usd, id, "losses[\(i)].usd")
                }
                attributions(inc.attributions, id)
            case .actor(let a):
                required(a.name, id, "name")
                for (i, alias) in a.aliases.enumerated() { ref(alias.source, [.source], id, "aliases[\(i)].source") }
                for (i, s) in a.sanctions.enumerated() { date(s.date, id, "sanctions[\(i)].date") }
                ref(a.parent, [.actor], id, "parent")
                if a.parent == id { problems.append(Problem(recordID: id, field: "parent", message: "is the actor itself")) }
            case .wallet(let w):
                required(w.address, id, "address")
                required(w.chain, id, "chain")
                attributions(w.attributions, id)
            case .transfer(let t):
                date(t.time, id, "time")
                ref(t.from, [.wallet, .actor], id, "from")
                ref(t.to, [.wallet, .actor], id, "to")
                ref(t.incident, [.incident], id, "incident")
                money(t.amount, t.asset, id, "amount")
                usd(t.usd, id, "usd")
            }
        }
        return problems
    }
}
