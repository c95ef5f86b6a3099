// A LinkIndex's transfer lists (by party, by incident, by owner), made in one pass each over the
// transfers' ends on two threads, and held as a `Deferred` value: a big case's screen has them
// made in the background (only the detail view's linked records and edits need them).

import Dispatch
import Synchronization

struct TransferLists: Sendable {
    var byParty: [String: [Int32]] = [:]
    var byIncident: [String: [Int32]] = [:]
    /// nil when stale (Links+Owners).
    var byOwner: [String: [Int32]]? = [:]

    /// The lists of `ends`, by party on one thread and by incident and owner on the other.
    static func make(_ ends: TransferEnds, owners: [String: String]) -> TransferLists {
        let party = Mutex<[String: [Int32]]>([:]), rest = Mutex(TransferLists())
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            if job == 0 {
                let lists = ends.partyLists()
                party.withLock { $0 = lists }
            } else {
                let (incidents, owned) = ends.incidentAndOwnerLists(owners)
                rest.withLock { $0.byIncident = incidents; $0.byOwner = owned }
            }
        }
        var lists = rest.withLock { $0 }
        lists.byParty = party.withLock { $0 }
        return lists
    }
}

extension LinkIndex {
    /// Transfers by the wallet or actor at either end, by time then id.
    var transfersByParty: [String: [Int32]] {
        get { lists.value.byParty }
        _modify { yield &lists.value.byParty }
    }

    /// Transfers by incident, by time then id.
    var transfersByIncident: [String: [Int32]] {
        get { lists.value.byIncident }
        _modify { yield &lists.value.byIncident }
    }

    /// Per owner, the transfers with an end at one of its wallets; nil when stale (Links+Owners).
    var transfersByOwner: [String: [Int32]]? {
        get { lists.value.byOwner }
        _modify { yield &lists.value.byOwner }
    }

    /// The job still making the lists in the background; nil once they are here.
    var pending: Pending<TransferLists>? { lists.pending }

    /// Whether the transfer lists are ready (false while another thread is still making them).
    public var transferListsReady: Bool { lists.isReady }
}
