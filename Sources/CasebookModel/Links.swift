// The records linked to a record, found by scanning the case: an incident's victim, attributed
// actors and transfers; an actor's incidents, wallets, transfers and members; a wallet's owner
// and transfers; a transfer's ends and incident; a source's citing records. A scan is fine at
// the sizes the command line shows one record for; the screen keeps indexes.

extension Case {
    /// Each linked record with how it is linked ("transfer", "attributed incident" ...), in a stable order.
    public func links(of record: AnyRecord) -> [(String, AnyRecord)] {
        var out: [(String, AnyRecord)] = []
        var seen = Set<String>()
        func add(_ label: String, _ id: String?) {
            guard let id, id != record.id, let r = self.record(id: id), seen.insert(label + id).inserted else { return }
            out.append((label, r))
        }
        let id = record.id
        switch record {
        case .incident(let i):
            add("victim", i.victim)
            for a in i.attributions.sorted(by: { $0.confidence > $1.confidence }) { add("attributed to", a.actor) }
            for t in transfersSorted where t.incident == id { add("transfer", t.id) }
        case .actor(let a):
            add("part of", a.parent)
            for child in actors.values.sorted(by: { $0.id < $1.id }) where child.parent == id { add("member", child.id) }
            for inc in incidents.values.sorted(by: { $0.id < $1.id }) {
                if inc.attributions.contains(where: { $0.actor == id }) { add("attributed incident", inc.id) }
                if inc.victim == id { add("victim of", inc.id) }
            }
            let owned = Set(wallets(of: id).map(\.id))
            for w in owned.sorted() { add("wallet", w) }
            for t in transfersSorted where [t.from, t.to].contains(where: { $0 == id || owned.contains($0) }) { add("transfer", t.id) }
        case .wallet(let w):
            add("owner", w.owner)
            for t in transfersSorted where t.from == id || t.to == id { add("transfer", t.id) }
        case .transfer(let t):
            add("from", t.from)
            add("to", t.to)
            add("incident", t.incident)
        case .source:
            for r in allRecords where r.meta.sources.contains(where: { $0.source == id })
                || (r.attributions ?? []).contains(where: { a in a.sources.contains { $0.source == id } }) {
                add("cited by", r.id)
            }
        }
        return out
    }

    private var transfersSorted: [Transfer] {
        transfers.values.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
    }
}
