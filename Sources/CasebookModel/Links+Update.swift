// Keeping a LinkIndex up to date through an edit, in time proportional to the lists the record is
// in rather than to the case: `remove` takes the record as it was out of every list that names it,
// `insert` puts it as it is now into its lists at the place `init` would give it (transfers by
// time then id, citing records by kind then id, others by id), found by binary search.

extension LinkIndex {
    /// Takes `record`'s own links out (before an edit changes or deletes it).
    public mutating func remove(_ record: AnyRecord) {
        let id = record.id
        func drop(_ list: inout [String: [String]], _ key: String?) {
            guard let key, var ids = list[key], let i = ids.firstIndex(of: id) else { return }
            ids.remove(at: i)
            list[key] = ids.isEmpty ? nil : ids
        }
        let names = transferIDs
        func dropTransfer(_ list: inout [String: [Int32]], _ key: String?) {
            guard let key, var numbers = list[key], let i = Self.place(of: id, in: numbers, names) else { return }
            numbers.remove(at: i)
            list[key] = numbers.isEmpty ? nil : numbers
        }
        switch record {
        case .transfer(let t):
            dropTransfer(&transfersByIncident, t.incident)
            dropTransfer(&transfersByParty, t.from)
            dropTransfer(&transfersByParty, t.to)
            removeFromOwners(t)
        case .incident(let i):
            for actor in Set(i.attributions.map(\.actor)) { drop(&incidentsByAttributedActor, actor) }
            drop(&incidentsByVictim, i.victim)
        case .actor(let a):
            drop(&membersByParent, a.parent)
        case .wallet(let w):
            drop(&walletsByOwner, w.owner)
            walletLeaves(w)
        case .source:
            break
        }
        for s in Self.cited(record) { drop(&citingBySource, s) }
    }

    /// Puts `record`'s own links in; `c` is the case after the edit (it holds `record`).
    public mutating func insert(_ record: AnyRecord, in c: Case) {
        let id = record.id
        func put(_ list: inout [String: [String]], _ key: String?, before: (String) -> Bool) {
            guard let key else { return }
            var ids = list[key] ?? []
            var lo = 0, hi = ids.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if before(ids[mid]) { lo = mid + 1 } else { hi = mid }
            }
            ids.insert(id, at: lo)
            list[key] = ids
        }
        let byID: (String) -> Bool = { $0 < id }
        switch record {
        case .transfer(let t):
            let earlier: (String) -> Bool = { other in c.transfers[other].map { $0.precedes(t) } ?? (other < id) }
            let n = number(id), names = transferIDs
            func putTransfer(_ list: inout [String: [Int32]], _ key: String?) {
                guard let key else { return }
                var numbers = list[key] ?? []
                numbers.insert(n, at: Self.insertionPoint(numbers, names, before: earlier))
                list[key] = numbers
            }
            putTransfer(&transfersByIncident, t.incident)
            putTransfer(&transfersByParty, t.from)
            if t.to != t.from { putTransfer(&transfersByParty, t.to) }
            insertIntoOwners(t, number: n, before: earlier)
        case .incident(let i):
            for actor in Set(i.attributions.map(\.actor)) { put(&incidentsByAttributedActor, actor, before: byID) }
            put(&incidentsByVictim, i.victim, before: byID)
        case .actor(let a):
            put(&membersByParent, a.parent, before: byID)
        case .wallet(let w):
            put(&walletsByOwner, w.owner, before: byID)
            walletEnters(w)
        case .source:
            break
        }
        func rank(_ other: String) -> Int { c.record(id: other).flatMap { RecordKind.allCases.firstIndex(of: $0.kind) } ?? 9 }
        let mine = RecordKind.allCases.firstIndex(of: record.kind) ?? 9
        for s in Self.cited(record) { put(&citingBySource, s, before: { (rank($0), $0) < (mine, id) }) }
    }

    /// Ids of the transfers and incidents that show `id`'s name (as a party, incident, victim or
    /// attributed actor): what must be redrawn when that name changes.
    public func referencing(_ id: String) -> (transfers: [String], incidents: [String]) {
        let transfers = ids(transfersByParty[id]) + ids(transfersByIncident[id])
        let incidents = (incidentsByVictim[id] ?? []) + (incidentsByAttributedActor[id] ?? [])
        return (transfers, incidents)
    }

    static func cited(_ r: AnyRecord) -> Set<String> {
        let attributions: [Attribution] = switch r {
        case .incident(let i): i.attributions
        case .wallet(let w): w.attributions
        default: []
        }
        return Set(r.meta.sources.map(\.source) + attributions.flatMap { $0.sources.map(\.source) })
    }
}
