import CasebookModel

/// A few lines about a whole case: title, marking, counts, losses, and the incidents table.
enum Overview {
    static func render(_ c: Case, file: String) -> String {
        var out = "\(VisibleText.line(c.info.title))"
        if let m = c.info.marking { out += "  [\(VisibleText.line(m))]" }
        out += "\n\(file)\n"
        if let s = c.info.summary { out += VisibleText.lines(s).joined(separator: "\n") + "\n" }
        var total = ExactDecimal.zero, aggregate = ExactDecimal.zero
        for i in c.incidents.values {
            guard let usd = i.lossUSD else { continue }
            if i.isAggregate { aggregate += usd } else { total += usd }
        }
        out += "\n\(c.incidents.count) incidents (stated losses USD \(total.formatted(minScale: 2))"
        if !aggregate.isZero { out += "; aggregate claims, which overlap them, USD \(aggregate.formatted(minScale: 2))" }
        out += "), \(c.actors.count) actors, \(c.wallets.count) wallets, \(c.transfers.count) transfers, \(c.sources.count) sources\n\n"
        out += Listing.table(c, .incident, Listing.ordered(c, .incident)).render()
        return out
    }
}
