// An actor's detail lists the transfers of the actor and of every wallet it owns, once each, by
// time. A group that owns thousands of wallets reaches a large part of a million-transfer ledger,
// so merging its wallets' lists on every frame is too slow: `transfersByOwner` keeps, per owner,
// the transfers with an end at one of its wallets, already merged (made in init's one pass over
// the transfers in time order). The actor's own transfers (usually few) are merged in on demand.
//
// An edit keeps the lists: a transfer leaves and enters the lists of its ends' owners as
// `walletOwner` has them. A wallet edit that changes the owner of a wallet with transfers (or
// deletes one, or adds an owned wallet whose transfers came first) makes them stale; then
// `ownerListsValid` is false and `links(of:)` merges the wallets' lists as before.

extension LinkIndex {
    var ownerListsValid: Bool { transfersByOwner != nil && walletsOut.isEmpty }

    /// Owners of a transfer's two ends (wallets only), once each.
    func owners(_ t: Transfer) -> [String] {
        let a = walletOwner[t.from], b = t.to == t.from ? nil : walletOwner[t.to]
        switch (a, b) {
        case (let a?, let b?): return a == b ? [a] : [a, b]
        case (let a?, nil): return [a]
        case (nil, let b?): return [b]
        case (nil, nil): return []
        }
    }

    /// The ids of numbered transfers (see `transferIDs`), in the list's order.
    func ids(_ numbers: [Int32]?) -> [String] {
        guard let numbers else { return [] }
        let names = transferIDs
        return numbers.map { names[Int($0)] }
    }

    /// A number for a transfer an edit puts into the lists.
    mutating func number(_ id: String) -> Int32 {
        transferIDs.append(id)
        return Int32(transferIDs.count - 1)
    }

    /// Where transfer `id` is in a numbered list.
    static func place(of id: String, in numbers: [Int32], _ names: [String]) -> Int? {
        numbers.firstIndex { names[Int($0)] == id }
    }

    /// Where a transfer goes in a numbered list in time order: `before` says if one goes first.
    static func insertionPoint(_ numbers: [Int32], _ names: [String], before: (String) -> Bool) -> Int {
        var lo = 0, hi = numbers.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if before(names[Int(numbers[mid])]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    mutating func removeFromOwners(_ t: Transfer) {
        guard transfersByOwner != nil else { return }
        let names = transferIDs
        for o in owners(t) {
            guard var ids = transfersByOwner![o], let i = Self.place(of: t.id, in: ids, names) else { continue }
            transfersByOwner![o] = nil
            ids.remove(at: i)
            transfersByOwner![o] = ids.isEmpty ? nil : ids
        }
    }

    mutating func insertIntoOwners(_ t: Transfer, number: Int32, before: (String) -> Bool) {
        guard transfersByOwner != nil else { return }
        let names = transferIDs
        for o in owners(t) {
            var ids = transfersByOwner![o] ?? []
            transfersByOwner![o] = nil
            ids.insert(number, at: Self.insertionPoint(ids, names, before: before))
            transfersByOwner![o] = ids
        }
    }

    /// A wallet leaves (before an edit changes or deletes it): its owner is kept until it comes back.
    mutating func walletLeaves(_ w: Wallet) {
        walletsOut[w.id] = .some(w.owner)
    }

    /// A wallet enters; see the comment at the top for when this makes the owner lists stale.
    mutating func walletEnters(_ w: Wallet) {
        let hasTransfers = !(transfersByParty[w.id] ?? []).isEmpty
        if let before = walletsOut.removeValue(forKey: w.id) {
            if before != w.owner && hasTransfers { transfersByOwner = nil }
        } else if w.owner != nil && hasTransfers {
            transfersByOwner = nil
        }
        walletOwner[w.id] = w.owner
    }
}

extension Case {
    /// The transfers of actor `id` and of the wallets it owns, once each, by time then id.
    func actorTransfers(_ id: String, owned: [String], _ ix: LinkIndex) -> [String] {
        let direct = ix.ids(ix.transfersByParty[id])
        if owned.isEmpty { return direct }
        guard ix.ownerListsValid else {
            let all = Set(([id] + owned).flatMap { ix.ids(ix.transfersByParty[$0]) })
            return all.compactMap { self.transfers[$0] }.sorted { $0.precedes($1) }.map(\.id)
        }
        let viaWallets = ix.ids(ix.transfersByOwner?[id])
        if direct.isEmpty { return viaWallets }
        // Few direct transfers: each one not already there (its other end is not an owned wallet)
        // goes in at its place by binary search.
        var out = viaWallets
        for d in direct {
            guard let t = transfers[d], ix.walletOwner[t.from] != id, ix.walletOwner[t.to] != id else { continue }
            var lo = 0, hi = out.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if let o = transfers[out[mid]], o.precedes(t) { lo = mid + 1 } else { hi = mid }
            }
            out.insert(d, at: lo)
        }
        return out
    }
}

/// Each transfer's id and ends, in time order (then id), as parallel arrays.
public struct TransferEnds: Sendable {
    public var ids: [String]
    public var from: [String]
    public var to: [String]
    public var incident: [String?]

    public init(ids: [String], from: [String], to: [String], incident: [String?]) {
        self.ids = ids
        self.from = from
        self.to = to
        self.incident = incident
    }

    /// Each party's transfers, as their numbers here (LinkIndex.transferIDs is `ids`).
    func partyLists() -> [String: [Int32]] {
        var out: [String: [Int32]] = [:]
        for i in ids.indices {
            out[from[i], default: []].append(Int32(i))
            if to[i] != from[i] { out[to[i], default: []].append(Int32(i)) }
        }
        return out
    }

    func incidentAndOwnerLists(_ walletOwner: [String: String]) -> (incidents: [String: [Int32]], owners: [String: [Int32]]) {
        var incidents: [String: [Int32]] = [:], owners: [String: [Int32]] = [:]
        for i in ids.indices {
            if let inc = incident[i] { incidents[inc, default: []].append(Int32(i)) }
            let a = walletOwner[from[i]], b = to[i] == from[i] ? nil : walletOwner[to[i]]
            if let a { owners[a, default: []].append(Int32(i)) }
            if let b, b != a { owners[b, default: []].append(Int32(i)) }
        }
        return (incidents, owners)
    }
}
