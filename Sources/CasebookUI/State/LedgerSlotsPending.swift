import CasebookModel
import Dispatch

// The ledger's slot arrays (LedgerSlots) made on another thread, as the link index's transfer
// lists are (LinkIndexPending): at a million transfers they are about a second of the opening,
// and only sort, filter and the frequency view read them, never the first frame. A reader that
// comes early waits; the first edit settles them into the view.

final class LedgerSlotsPending: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written by the job before it leaves the group, read only after waiting for it.
    private var made = LedgerSlots()

    init(_ table: [Transfer], places: [Int32], ends: TransferEnds) {
        DispatchQueue.global().async(group: group) { self.made = LedgerSlots(table, places: places, ends: ends) }
    }

    /// The slots, once made (waits until then).
    var slots: LedgerSlots {
        group.wait()
        return made
    }

    /// Whether the slots are made (does not wait).
    var isDone: Bool { group.wait(timeout: .now()) == .success }
}

extension CaseView {
    /// The ledger's amounts, USD, assets and named records per slot, for sort, filter and frequency.
    var ledgerSlots: LedgerSlots {
        get { pendingSlots?.slots ?? madeSlots }
        _modify {
            if let p = pendingSlots {
                madeSlots = p.slots
                pendingSlots = nil
            }
            yield &madeSlots
        }
    }

    /// Whether the ledger's sort and frequency arrays are ready (false while another thread makes them).
    public var ledgerSlotsReady: Bool { pendingSlots?.isDone ?? true }
}
