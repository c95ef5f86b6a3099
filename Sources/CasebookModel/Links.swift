// The records linked to a record: an incident's victim, attributed actors and transfers; an
// actor's parent, members, incidents, wallets and transfers; a wallet's owner and transfers; a
// transfer's ends and incident; a source's citing records. `LinkIndex` is built once in one pass
// over the case (the screen keeps one, so the detail view costs what it shows, not the case size);
// `links(of:)` without an index builds a throwaway one, which is fine for one command-line lookup.

import Dispatch
import Synchronization

/// Reverse references, by id, each list in a stable order (transfers by time, others by id).
public struct LinkIndex: Sendable {
    /// The transfer lists (Links+Lists). A transfer is in them as its number in `transferIDs`
    /// (4 bytes, not a String's 16: at a million transfers the lists hold five million entries).
    var lists = Deferred(TransferLists())
    /// Transfer ids by number: the transfers in time order as the index was made, then each
    /// transfer an edit put in (a changed transfer gets a new number; its old one is unused).
    var transferIDs: [String] = []
    var incidentsByAttributedActor: [String: [String]] = [:]
    var incidentsByVictim: [String: [String]] = [:]
    var membersByParent: [String: [String]] = [:]
    var walletsByOwner: [String: [String]] = [:]
    var citingBySource: [String: [String]] = [:]
    /// Wallet -> owner, as the owner lists were made (Links+Owners).
    var walletOwner: [String: String] = [:]
    /// Wallets an edit took out and has not put back yet, with their owner then.
    var walletsOut: [String: String?] = [:]

    /// `transfersInOrder`: transfer ids already sorted by time, if the caller has them.
    public init(_ c: Case, transfersInOrder: [String]? = nil) {
        let ordered = transfersInOrder?.compactMap { c.transfers[$0] } ?? c.transfers.values.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
        self.init(c, ends: TransferEnds(ids: ordered.map(\.id), from: ordered.map(\.from), to: ordered.map(\.to), incident: ordered.map(\.incident)))
    }

    /// From the transfers' ends already in time order (the screen has them from sorting the
    /// ledger): no transfer is looked up, and the transfer lists, the owner lists and the rest
    /// are made on separate threads. With `background`, the transfer lists (most of the work on
    /// a big case) are still being made when this returns: the first use of them waits.
    public init(_ c: Case, ends: TransferEnds, background: Bool = false) {
        let owners = Self.owners(c.wallets.values)
        if background {
            self = LinkIndex(recordsOf: c)
            lists = Deferred(empty: TransferLists()) { TransferLists.make(ends, owners: owners) }
        } else {
            let made = Mutex(TransferLists()), rest = Mutex<LinkIndex?>(nil)
            DispatchQueue.concurrentPerform(iterations: 2) { job in
                if job == 0 {
                    let l = TransferLists.make(ends, owners: owners)
                    made.withLock { $0 = l }
                } else {
                    let r = LinkIndex(recordsOf: c)
                    rest.withLock { $0 = r }
                }
            }
            self = rest.withLock { $0! }
            lists = Deferred(made.withLock { $0 })
        }
        walletOwner = owners
        transferIDs = ends.ids
    }

    /// Wallet -> owner, for the wallets that have one.
    private static func owners(_ wallets: [Wallet]) -> [String: String] {
        var out: [String: String] = [:]
        out.reserveCapacity(wallets.count)
        wallets.withUnsafeBufferPointer { ws in
            for i in ws.indices { if let o = ws[i].owner { out[ws[i].id] = o } }
        }
        return out
    }

    /// Everything but the transfer lists. Records are read in place (a loop over `values` would
    /// copy each one), and lists made in table order are sorted only when they are not already
    /// (a freshly loaded case's tables are in file order, which is id order).
    private init(recordsOf c: Case) {
        for i in c.incidents.values.sorted(by: { $0.id < $1.id }) {
            for actor in Set(i.attributions.map(\.actor)).sorted() { incidentsByAttributedActor[actor, default: []].append(i.id) }
            if let v = i.victim { incidentsByVictim[v, default: []].append(i.id) }
        }
        // Sorted as (id, key) pairs: sorting whole records would copy each one several times.
        var parents = c.actors.values.compactMap { a in a.parent.map { (a.id, $0) } }
        Self.sortByID(&parents)
        for (id, p) in parents { membersByParent[p, default: []].append(id) }
        var owned: [(String, String)] = []
        c.wallets.values.withUnsafeBufferPointer { ws in
            for i in ws.indices { if let o = ws[i].owner { owned.append((ws[i].id, o)) } }
        }
        Self.sortByID(&owned)
        for (id, o) in owned { walletsByOwner[o, default: []].append(id) }
        // Citing records in file order: by kind (sources, incidents, actors, wallets, transfers), then id.
        var citing: [String: [(rank: Int, id: String)]] = [:]
        func cite(_ rank: Int, _ meta: RecordMeta, _ attributions: [Attribution]) {
            guard !meta.sources.isEmpty || attributions.contains(where: { !$0.sources.isEmpty }) else { return }
            let cited = Set(meta.sources.map(\.source) + attributions.flatMap { $0.sources.map(\.source) })
            for s in cited { citing[s, default: []].append((rank, meta.id)) }
        }
        func citeAll<R: CaseRecord>(_ rank: Int, _ table: RecordTable<R>, _ attributions: (R) -> [Attribution]) {
            table.values.withUnsafeBufferPointer { rs in
                for i in rs.indices where !rs[i].meta.sources.isEmpty || !attributions(rs[i]).isEmpty {
                    cite(rank, rs[i].meta, attributions(rs[i]))
                }
            }
        }
        citeAll(0, c.sources) { _ in [] }
        citeAll(1, c.incidents) { $0.attributions }
        citeAll(2, c.actors) { _ in [] }
        citeAll(3, c.wallets) { $0.attributions }
        citeAll(4, c.transfers) { _ in [] }
        for (source, list) in citing {
            var list = list
            if !list.isSorted(by: { ($0.rank, $0.id) < ($1.rank, $1.id) }) { list.sort { ($0.rank, $0.id) < ($1.rank, $1.id) } }
            citingBySource[source] = list.map(\.id)
        }
    }

    private static func sortByID(_ pairs: inout [(String, String)]) {
        if !pairs.isSorted(by: { $0.0 < $1.0 }) { pairs.sort { $0.0 < $1.0 } }
    }
}

extension Array {
    /// Whether each element is not less than the one before it.
    func isSorted(by less: (Element, Element) -> Bool) -> Bool {
        indices.dropFirst().allSatisfy { !less(self[$0], self[$0 - 1]) }
    }
}

extension Case {
    /// Each linked record with how it is linked ("transfer", "attributed incident" ...), in a stable order.
    public func links(of record: AnyRecord, index: LinkIndex? = nil) -> [(String, AnyRecord)] {
        links(of: record, index: index, limit: .max).links
    }

    /// At most `limit` linked records, and how many there are in all (an incident may have 100,000 transfers).
    /// With `waitingForTransfers` false and the index's transfer lists still being made in the
    /// background, the transfers are left out (the screen says so) instead of waited for.
    public func links(of record: AnyRecord, index: LinkIndex?, limit: Int,
                      waitingForTransfers: Bool = true) -> (links: [(String, AnyRecord)], total: Int) {
        let ix = index ?? LinkIndex(self)
        let transfersToo = waitingForTransfers || ix.transferListsReady
        var out: [(String, AnyRecord)] = []
        var seen = Set<String>()
        var total = 0
        func add(_ label: String, _ id: String?) {
            guard let id, id != record.id else { return }
            // Past the limit only count: each reverse list holds an id once, so no check is needed.
            if out.count >= limit { total += 1; return }
            guard seen.insert(label + "\u{0}" + id).inserted, let r = self.record(id: id) else { return }
            total += 1
            out.append((label, r))
        }
        let id = record.id
        switch record {
        case .incident(let i):
            add("victim", i.victim)
            for a in i.attributions.sorted(by: { $0.confidence > $1.confidence }) { add("attributed to", a.actor) }
            if transfersToo { for t in ix.ids(ix.transfersByIncident[id]) { add("transfer", t) } }
        case .actor(let a):
            add("part of", a.parent)
            for m in ix.membersByParent[id] ?? [] { add("member", m) }
            let attributed = ix.incidentsByAttributedActor[id] ?? [], victimOf = Set(ix.incidentsByVictim[id] ?? [])
            for inc in Set(attributed).union(victimOf).sorted() {
                if attributed.contains(inc) { add("attributed incident", inc) }
                if victimOf.contains(inc) { add("victim of", inc) }
            }
            let owned = ix.walletsByOwner[id] ?? []
            for w in owned { add("wallet", w) }
            if transfersToo { for t in actorTransfers(id, owned: owned, ix) { add("transfer", t) } }
        case .wallet(let w):
            add("owner", w.owner)
            if transfersToo { for t in ix.ids(ix.transfersByParty[id]) { add("transfer", t) } }
        case .transfer(let t):
            add("from", t.from)
            add("to", t.to)
            add("incident", t.incident)
        case .source:
            for r in ix.citingBySource[id] ?? [] { add("cited by", r) }
        }
        return (out, total)
    }
}
