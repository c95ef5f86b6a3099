import Dispatch

// A value made on another thread, so a big case's screen is navigable before it is done: the
// link index's transfer lists, the ledger's sort arrays and its id -> row table are each about a
// second of opening a million transfers, and the first frame needs none of them.
//
// How it works: `Pending` runs the job on the global queue and holds its result behind a
// DispatchGroup; reading waits for the group. `Deferred` holds either a value or a `Pending`
// one: reads go through to the pending value, and the first change settles it (copies it in
// and lets the pending object go), so later reads and changes touch it directly.

package final class Pending<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written by the job before it leaves the group, read only after waiting for it.
    private var made: Value?

    package init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { self.made = make() }
    }

    /// The value, once made (waits until then).
    package var value: Value {
        group.wait()
        return made!
    }

    /// Whether the value is made (does not wait).
    package var isDone: Bool { group.wait(timeout: .now()) == .success }
}

package struct Deferred<Value: Sendable>: Sendable {
    private var made: Value
    /// The job still making the value; nil once settled here.
    package private(set) var pending: Pending<Value>?

    /// A value already made.
    package init(_ value: Value) { made = value }

    /// A value another thread is making; `empty` stands in until it is settled here.
    package init(empty: Value, making: @escaping @Sendable () -> Value) {
        made = empty
        pending = Pending(making)
    }

    package var value: Value {
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
    package var isReady: Bool { pending?.isDone ?? true }
}
