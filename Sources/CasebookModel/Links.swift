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
    /// The links between records other than transfers (Links+Records).
    var records = Deferred(RecordLinks())
    /// Wallets an edit took out and has not put back yet, with their owner then.
    var walletsOut: [String: String?] = [:]

    /// `transfersInOrder`: transfer ids already sorted by time, if the caller has them.
    public init(_ c: Case, transfersInOrder: [String]? = nil) {
        let ordered = transfersInOrder?.compactMap { c.transfers[$0] } ?? c.transfers.values.sorted { $0.precedes($1) }
        self.init(c, ends: TransferEnds(ids: ordered.map(\.id), from: ordered.map(\.from), to: ordered.map(\.to), incident: ordered.map(\.incident)))
    }

    /// From the transfers' ends already in time order (the screen has them from sorting the
    /// ledger): no transfer is looked up, and the transfer lists and the record links are made
    /// on separate threads. With `background`, both are still being made when this returns (at a
    /// million transfers about 0.3 s of the screen's opening was the record links alone): the
    /// first use of either waits.
    public init(_ c: Case, ends: TransferEnds, background: Bool = false) {
        if background {
            self.init(c, transferIDs: ends.ids) { ends }
            return
        }
        let owners = RecordLinks.owners(c.wallets.values)
        let made = Mutex(TransferLists()), rest = Mutex(RecordLinks())
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            if job == 0 {
                let l = TransferLists.make(ends, owners: owners)
                made.withLock { $0 = l }
            } else {
                let r = RecordLinks(c, owners: owners)
                rest.withLock { $0 = r }
            }
        }
        self.init(records: Deferred(rest.withLock { $0 }), lists: Deferred(made.withLock { $0 }), transferIDs: ends.ids)
    }

    /// As `init(_:ends:background: true)`, for a screen that has the transfers' ids in time order
    /// already and leaves their other ends to be gathered in the background too (`ends`, called
    /// there, whose ids are `ids`).
    public init(_ c: Case, transferIDs ids: [String], ends: @escaping @Sendable () -> TransferEnds) {
        // Both jobs need the wallets' owners; the first to ask waits for them.
        let owners = Pending { RecordLinks.owners(c.wallets.values) }
        let lists = Deferred(empty: TransferLists()) {
            let ends = ends()
            assert(ends.ids == ids, "the ends are those of the transfers named")
            return TransferLists.make(ends, owners: owners.value)
        }
        self.init(records: Deferred(empty: RecordLinks()) { RecordLinks(c, owners: owners.value) }, lists: lists, transferIDs: ids)
    }

    private init(records: Deferred<RecordLinks>, lists: Deferred<TransferLists>, transferIDs: [String]) {
        self.records = records
        self.lists = lists
        self.transferIDs = transferIDs
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
    /// With `waitingForTransfers` false, what the index is still making in the background (the
    /// record links, the transfer lists) is left out instead of waited for, and `leftOut` says
    /// which, so the screen can say they are coming. Readiness is read once here: a caller that
    /// read it itself could see it change before this call.
    public func links(of record: AnyRecord, index: LinkIndex?, limit: Int, waitingForTransfers: Bool = true)
        -> (links: [(String, AnyRecord)], total: Int, leftOut: LinksLeftOut?) {
        let ix = index ?? LinkIndex(self)
        let recordsToo = waitingForTransfers || ix.recordLinksReady
        let transfersToo = waitingForTransfers || ix.transferListsReady
        var leftOut: LinksLeftOut?
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
            if transfersToo { for t in ix.ids(ix.transfersByIncident[id]) { add("transfer", t) } } else { leftOut = .transfers }
        case .actor(let a):
            add("part of", a.parent)
            guard recordsToo else { leftOut = .records; break }
            for m in ix.membersByParent[id] ?? [] { add("member", m) }
            let attributed = ix.incidentsByAttributedActor[id] ?? [], victimOf = Set(ix.incidentsByVictim[id] ?? [])
            for inc in Set(attributed).union(victimOf).sorted() {
                if attributed.contains(inc) { add("attributed incident", inc) }
                if victimOf.contains(inc) { add("victim of", inc) }
            }
            let owned = ix.walletsByOwner[id] ?? []
            for w in owned { add("wallet", w) }
            if transfersToo { for t in actorTransfers(id, owned: owned, ix) { add("transfer", t) } } else { leftOut = .transfers }
        case .wallet(let w):
            add("owner", w.owner)
            if transfersToo { for t in ix.ids(ix.transfersByParty[id]) { add("transfer", t) } } else { leftOut = .transfers }
        case .transfer(let t):
            add("from", t.from)
            add("to", t.to)
            add("incident", t.incident)
        case .source:
            if recordsToo { for r in ix.citingBySource[id] ?? [] { add("cited by", r) } } else { leftOut = .records }
        }
        return (out, total, leftOut)
    }
}

/// What `links(of:)` left out because the index is still making it in the background.
public enum LinksLeftOut: Sendable {
    /// The links between records (members, wallets, incidents, citing records).
    case records
    /// The linked transfers.
    case transfers
}
