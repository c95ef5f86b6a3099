// The transfer lists of a LinkIndex made on another thread, so a big case's screen is
// navigable before they are done (at a million transfers they are about a second of the
// opening): only the detail view's linked records and edits need them.
//
// How it works: `LinkIndexPending` starts the two jobs (lists by party; by incident and by
// owner) on the global queue and holds their results behind a DispatchGroup. The index reads
// the lists through accessors that wait for the group while the lists are pending and then
// read the pending object's (never changed again) copies; the first change to a list first
// settles: copies all three into the index's own storage and lets the pending object go.

import Dispatch

final class LinkIndexPending: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written by the jobs before they leave the group, read only after waiting for it.
    private var party: [String: [Int32]] = [:]
    private var byIncident: [String: [Int32]] = [:]
    private var byOwner: [String: [Int32]] = [:]

    init(ends: TransferEnds, owners: [String: String]) {
        DispatchQueue.global().async(group: group) { self.party = ends.partyLists() }
        DispatchQueue.global().async(group: group) { (self.byIncident, self.byOwner) = ends.incidentAndOwnerLists(owners) }
    }

    /// The lists, once made (waits until then).
    var lists: (party: [String: [Int32]], byIncident: [String: [Int32]], byOwner: [String: [Int32]]) {
        group.wait()
        return (party, byIncident, byOwner)
    }

    /// Whether the lists are made (does not wait).
    var isDone: Bool { group.wait(timeout: .now()) == .success }
}

extension LinkIndex {
    /// Transfers by the wallet or actor at either end, by time then id.
    var transfersByParty: [String: [Int32]] {
        get { pending?.lists.party ?? madeByParty }
        _modify { settle(); yield &madeByParty }
    }

    /// Transfers by incident, by time then id.
    var transfersByIncident: [String: [Int32]] {
        get { pending?.lists.byIncident ?? madeByIncident }
        _modify { settle(); yield &madeByIncident }
    }

    /// Per owner, the transfers with an end at one of its wallets; nil when stale (Links+Owners).
    var transfersByOwner: [String: [Int32]]? {
        get { if let pending { pending.lists.byOwner } else { madeByOwner } }
        _modify { settle(); yield &madeByOwner }
    }

    /// Whether the transfer lists are ready (false while another thread is still making them).
    public var transferListsReady: Bool { pending?.isDone ?? true }

    /// Brings the lists made on another thread into this index, before one is changed.
    private mutating func settle() {
        guard let pending else { return }
        (madeByParty, madeByIncident, madeByOwner) = pending.lists
        self.pending = nil
    }
}
