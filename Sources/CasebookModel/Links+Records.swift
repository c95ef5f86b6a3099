// A LinkIndex's links between records other than transfers: incidents by attributed actor and
// by victim, members by parent, wallets by owner (and each wallet's owner), records by the
// source they cite. Held as a `Deferred` value like the transfer lists: on a big case they are
// made in the background (about 0.3 s at a million transfers): a use that needs them waits, and
// the screen's detail view says they are coming instead (`links(of:)` leaves them out).

struct RecordLinks: Sendable {
    var incidentsByAttributedActor: [String: [String]] = [:]
    var incidentsByVictim: [String: [String]] = [:]
    var membersByParent: [String: [String]] = [:]
    var walletsByOwner: [String: [String]] = [:]
    var citingBySource: [String: [String]] = [:]
    /// Wallet -> owner, as the owner lists were made (Links+Owners).
    var walletOwner: [String: String] = [:]

    init() {}

    /// Wallet -> owner, for the wallets that have one.
    static func owners(_ wallets: [Wallet]) -> [String: String] {
        var out: [String: String] = [:]
        out.reserveCapacity(wallets.count)
        wallets.withUnsafeBufferPointer { ws in
            for i in ws.indices { if let o = ws[i].owner { out[ws[i].id] = o } }
        }
        return out
    }

    /// Records are read in place (a loop over `values` would copy each one), and lists made in
    /// table order are sorted only when they are not already (a freshly loaded case's tables are
    /// in file order: id order, but for the transfers, which are by time).
    init(_ c: Case, owners: [String: String]) {
        walletOwner = owners
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

extension LinkIndex {
    /// Whether the record links are ready (false while another thread is still making them).
    public var recordLinksReady: Bool { records.isReady }

    var incidentsByAttributedActor: [String: [String]] {
        get { records.value.incidentsByAttributedActor }
        _modify { yield &records.value.incidentsByAttributedActor }
    }

    var incidentsByVictim: [String: [String]] {
        get { records.value.incidentsByVictim }
        _modify { yield &records.value.incidentsByVictim }
    }

    var membersByParent: [String: [String]] {
        get { records.value.membersByParent }
        _modify { yield &records.value.membersByParent }
    }

    var walletsByOwner: [String: [String]] {
        get { records.value.walletsByOwner }
        _modify { yield &records.value.walletsByOwner }
    }

    var citingBySource: [String: [String]] {
        get { records.value.citingBySource }
        _modify { yield &records.value.citingBySource }
    }

    var walletOwner: [String: String] {
        get { records.value.walletOwner }
        _modify { yield &records.value.walletOwner }
    }
}
