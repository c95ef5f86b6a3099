import CasebookModel
import Dispatch

// A value made on another thread, as the link index's transfer lists are (LinkIndexPending): at
// a million transfers, the ledger's sort arrays and its id -> slot table are more than a second
// of the opening, and the first frame needs neither. A reader that comes early waits; the first
// change settles the value into its owner (`Deferred`).

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

/// A value that may still be being made on another thread (`Pending`): reading it waits until it
/// is made; the first change settles it here, so later reads and changes touch it directly.
struct Deferred<Value: Sendable>: Sendable {
    private var made: Value
    private var pending: Pending<Value>?

    /// A value already made.
    init(_ value: Value) { made = value }

    /// A value another thread is making; `empty` stands in until it is settled here.
    init(empty: Value, making: @escaping @Sendable () -> Value) {
        made = empty
        pending = Pending(making)
    }

    var value: Value {
        get { pending?.value ?? made }
        _modify {
            if let p = pending {
                made = p.value
                pending = nil
            }
            yield &made
        }
    }

    /// Whether the value is made (does not wait).
    var isReady: Bool { pending?.isDone ?? true }
}

extension CaseView {
    /// The ledger's amounts, USD, assets and named records per slot, for sort, filter and frequency.
    var ledgerSlots: LedgerSlots {
        get { deferredSlots.value }
        _modify { yield &deferredSlots.value }
    }

    /// Whether what the view makes in the background (the ledger's sort arrays and id -> slot
    /// table, the link index's transfer lists) is ready; false while another thread makes it.
    public var backgroundReady: Bool {
        deferredSlots.isReady && (indexes[.ledger]?.slotsReady ?? true) && links.transferListsReady
    }
}
