import CasebookModel

// The columns of each pane, in screen order. Every text that comes from the case goes through
// VisibleText.line, so a hostile name cannot reach the terminal as an escape sequence.

extension PaneKind {
    public var columns: [Column] {
        switch self {
        case .incidents: Self.incidentColumnsWithSuffix
        case .actors: Self.actorColumns
        case .ledger: Self.ledgerColumns
        }
    }

    static func safe(_ s: String?) -> String { VisibleText.line(s ?? "") }

    static func confidence(_ a: Attribution?, _ v: CaseView) -> String {
        guard let a else { return "" }
        return safe(v.name(a.actor)) + " (\(a.confidenceLabel))"
    }

    static let incidentColumns: [Column] = [
        Column("date", "Date", width: 10, minWidth: 10) { r, _ in guard case .incident(let i) = r else { return "" }; return safe(i.started) },
        Column("title", "Title", width: 30, minWidth: 12, flexible: true) { r, _ in guard case .incident(let i) = r else { return "" }; return safe(i.title) },
        Column("victim", "Victim", width: 16, minWidth: 8, flexible: true) { r, v in guard case .incident(let i) = r else { return "" }; return safe(v.name(i.victim)) },
        Column("kind", "Kind", width: 13, minWidth: 6) { r, _ in guard case .incident(let i) = r else { return "" }; return i.kind.rawValue },
        Column("loss", "Loss USD", width: 15, minWidth: 9, alignRight: true,
               text: { r, _ in guard case .incident(let i) = r else { return "" }; return i.lossUSD?.formatted(minScale: 2) ?? "" },
               number: { r, _ in guard case .incident(let i) = r else { return nil }; return i.lossUSD }),
        Column("attribution", "Attribution", width: 28, minWidth: 10, flexible: true,
               text: { r, v in guard case .incident(let i) = r else { return "" }; return confidence(i.strongestAttribution, v) },
               sort: { r, _ in guard case .incident(let i) = r, let a = i.strongestAttribution else { return .empty }; return .number(ExactDecimal(a.confidence)) },
               group: { r, v in guard case .incident(let i) = r, let a = i.strongestAttribution else { return "" }; return safe(v.name(a.actor)) }),
        Column("status", "Status", width: 10, minWidth: 6) { r, _ in guard case .incident(let i) = r else { return "" }; return i.status.rawValue },
    ]

    static let incidentColumnsWithSuffix: [Column] = {
        var columns = incidentColumns
        if let i = columns.firstIndex(where: { $0.id == "attribution" }) {
            columns[i].keepSuffix = { r, _ in
                guard case .incident(let inc) = r, let a = inc.strongestAttribution else { return "" }
                return " (\(a.confidenceLabel))"
            }
        }
        return columns
    }()

    static let actorColumns: [Column] = [
        Column("name", "Name", width: 24, minWidth: 10, flexible: true) { r, _ in guard case .actor(let a) = r else { return "" }; return safe(a.name) },
        Column("kind", "Kind", width: 12, minWidth: 5) { r, _ in guard case .actor(let a) = r else { return "" }; return a.kind.rawValue },
        Column("country", "Country", width: 7, minWidth: 4) { r, _ in guard case .actor(let a) = r else { return "" }; return safe(a.country) },
        Column("aliases", "Aliases", width: 24, minWidth: 8, flexible: true) { r, _ in
            guard case .actor(let a) = r else { return "" }; return safe(a.aliases.map(\.name).joined(separator: ", ")) },
        Column("sanctioned", "Sanctioned", width: 14, minWidth: 5) { r, _ in
            guard case .actor(let a) = r, !a.sanctions.isEmpty else { return "" }
            return "yes: " + safe(Array(Set(a.sanctions.map(\.authority))).sorted().joined(separator: ", ")) },
        Column("losses", "Attributed USD", width: 16, minWidth: 9, alignRight: true,
               text: { r, v in v.attributedLoss[r.id]?.formatted(minScale: 2) ?? "" },
               number: { r, v in v.attributedLoss[r.id] }),
    ]

    static let ledgerColumns: [Column] = [
        Column("time", "Time", width: 20, minWidth: 10) { r, _ in guard case .transfer(let t) = r else { return "" }; return safe(t.time) },
        Column("from", "From", width: 20, minWidth: 8, flexible: true) { r, v in guard case .transfer(let t) = r else { return "" }; return safe(v.name(t.from)) }
            .referencing({ r in if case .transfer(let t) = r { t.from } else { nil } }, space: "party", text: { id, v in safe(v.name(id)) }),
        Column("to", "To", width: 20, minWidth: 8, flexible: true) { r, v in guard case .transfer(let t) = r else { return "" }; return safe(v.name(t.to)) }
            .referencing({ r in if case .transfer(let t) = r { t.to } else { nil } }, space: "party", text: { id, v in safe(v.name(id)) }),
        Column("asset", "Asset", width: 5, minWidth: 4) { r, _ in guard case .transfer(let t) = r else { return "" }; return safe(t.asset) }
            .referencing({ r in if case .transfer(let t) = r { t.asset } else { nil } }, text: { a, _ in safe(a) }),
        Column("amount", "Amount", width: 18, minWidth: 8, alignRight: true,
               text: { r, _ in guard case .transfer(let t) = r else { return "" }; return t.amount.formatted() },
               number: { r, _ in guard case .transfer(let t) = r else { return nil }; return t.amount }).formattedNumber(minScale: 0),
        Column("usd", "USD", width: 15, minWidth: 8, alignRight: true,
               text: { r, _ in guard case .transfer(let t) = r else { return "" }; return t.usd?.formatted(minScale: 2) ?? "" },
               number: { r, _ in guard case .transfer(let t) = r else { return nil }; return t.usd }).formattedNumber(minScale: 2),
        Column("incident", "Incident", width: 18, minWidth: 8, flexible: true) { r, v in
            guard case .transfer(let t) = r else { return "" }; return safe(t.incident.map { v.name($0) }) }
            .referencing({ r in if case .transfer(let t) = r { t.incident } else { nil } }, text: { id, v in safe(id.map { v.name($0) }) }),
        Column("kind", "Kind", width: 9, minWidth: 5) { r, _ in guard case .transfer(let t) = r else { return "" }; return t.kind.rawValue },
    ]
}
