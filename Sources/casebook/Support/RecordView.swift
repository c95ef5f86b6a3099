import CasebookModel

/// A record in full as text: its fields, then annotations, then the records linked to it.
/// Every value from the case goes through VisibleText, so a hostile note cannot drive the terminal.
enum RecordView {
    static func render(_ record: AnyRecord, in c: Case) -> String {
        var lines: [String] = []
        func field(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let parts = VisibleText.lines(value)
            lines.append(pad(name) + parts[0])
            for more in parts.dropFirst() { lines.append(pad("") + more) }
        }
        func name(_ id: String?) -> String? {
            guard let id else { return nil }
            guard let r = c.record(id: id) else { return "\(id) (missing)" }
            return "\(r.displayName) [\(id)]"
        }
        func attributions(_ list: [Attribution]) {
            guard !list.isEmpty else { return }
            lines.append("")
            lines.append("Attributions (strongest first)")
            for a in list.sorted(by: { $0.confidence > $1.confidence }) {
                lines.append("  \(VisibleText.line(name(a.actor) ?? a.actor)): \(a.level.rawValue) (\(a.confidence))")
                if let basis = a.basis { lines.append("    basis: " + VisibleText.line(basis)) }
                for s in a.sources { lines.append("    source: " + citation(s, c)) }
            }
        }

        lines.append("\(record.kind.rawValue.capitalized): \(VisibleText.line(record.displayName))")
        field("id", record.id)
        switch record {
        case .source(let s):
            field("title", s.title); field("publisher", s.publisher); field("date", s.date); field("url", s.url)
            field("reliability", s.reliability.map { "\($0.rawValue) (\($0.meaning))" }); field("excerpt", s.excerpt)
        case .incident(let i):
            field("title", i.title); field("kind", i.kind.rawValue); field("status", i.status.rawValue)
            field("started", i.started); field("ended", i.ended); field("victim", name(i.victim)); field("country", i.country)
            for loss in i.losses {
                field("loss", "\(loss.amount.formatted()) \(loss.asset)" + (loss.usd.map { " (USD \($0.formatted(minScale: 2)))" } ?? ""))
            }
            if i.losses.count > 1, let usd = i.lossUSD { field("loss total", "USD \(usd.formatted(minScale: 2))") }
            field("summary", i.summary)
        case .actor(let a):
            field("name", a.name); field("kind", a.kind.rawValue); field("country", a.country); field("parent", name(a.parent))
            for alias in a.aliases { field("alias", alias.name + (alias.source.map { " (per \(name($0) ?? $0))" } ?? "")) }
            for s in a.sanctions {
                field("sanction", "\(s.authority) \(s.programme)" + (s.date.map { ", \($0)" } ?? "") + (s.reference.map { ", \($0)" } ?? ""))
            }
            field("summary", a.summary)
        case .wallet(let w):
            field("chain", w.chain); field("address", w.address); field("label", w.label); field("owner", name(w.owner))
        case .transfer(let t):
            field("time", t.time); field("from", name(t.from)); field("to", name(t.to))
            field("amount", "\(t.amount.formatted()) \(t.asset)"); field("usd", t.usd.map { "USD " + $0.formatted(minScale: 2) })
            field("rate source", t.rateSource); field("tx hash", t.txHash); field("incident", name(t.incident))
            field("kind", t.kind.rawValue); field("basis", t.basis.rawValue)
        }
        let meta = record.meta
        field("marking", meta.marking)
        field("tags", meta.tags.joined(separator: ", "))
        field("created", meta.created)
        field("modified", meta.modified)
        if let list = record.attributions { attributions(list) }
        if !meta.sources.isEmpty {
            lines.append("")
            lines.append("Sources")
            for s in meta.sources { lines.append("  " + citation(s, c)) }
        }
        if !meta.notes.isEmpty {
            lines.append("")
            lines.append("Notes")
            for n in meta.notes {
                lines.append("  \(VisibleText.line(n.time))  \(VisibleText.line(n.author))  [\(VisibleText.line(n.id))]")
                for l in VisibleText.lines(n.text) { lines.append("    " + l) }
            }
        }
        let links = c.links(of: record)
        if !links.isEmpty {
            lines.append("")
            lines.append("Linked records")
            for (label, r) in links { lines.append("  \(label): \(VisibleText.line(r.displayName)) [\(VisibleText.line(r.id))]") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func pad(_ name: String) -> String {
        name.isEmpty ? String(repeating: " ", count: 13) : name + ":" + String(repeating: " ", count: max(1, 12 - name.count))
    }

    static func citation(_ cite: Citation, _ c: Case) -> String {
        let title = c.sources[cite.source].map { "\($0.title)" + ($0.reliability.map { " (\($0.rawValue))" } ?? "") }
        return VisibleText.line((title ?? "\(cite.source) (missing)") + " [\(cite.source)]" + (cite.locator.map { ", \($0)" } ?? ""))
    }
}
