import CasebookModel
import Dispatch

// A value made on another thread, as the link index's transfer lists are (LinkIndexPending): at
// a million transfers, the ledger's sort arrays and its id -> slot table are more than a second
// of the opening, and the first frame needs neither. A reader that comes early waits; the first
// change settles the value into its owner (see the accessors below and in PaneIndex).

final class Pending<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written by the job before it leaves the group, read only after waiting for it.
    private var made: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { self.made = make() }
    }

    /// The value, once made (waits until then).
    var value: Value {
        group.wait()
        return made!
    }

    /// Whether the value is made (does not wait).
    var isDone: Bool { group.wait(timeout: .now()) == .success }
}

extension CaseView {
    /// The ledger's amounts, USD, assets and named records per slot, for sort, filter and frequency.
    var ledgerSlots: LedgerSlots {
        get { pendingSlots?.value ?? madeSlots }
        _modify {
            if let p = pendingSlots {
                madeSlots = p.value
                pendingSlots = nil
            }
            yield &madeSlots
        }
    }

    /// Whether what the view makes in the background (the ledger's sort arrays and id -> slot
    /// table, the link index's transfer lists) is ready; false while another thread makes it.
    public var backgroundReady: Bool {
        (pendingSlots?.isDone ?? true) && (indexes[.ledger]?.slotsReady ?? true) && links.transferListsReady
    }
}
