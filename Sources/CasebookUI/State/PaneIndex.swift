import CasebookModel
import Foundation

// One pane's rows as slots: small integers standing for record ids, so the costly per-row work
// (sort keys, search text, filter numbers) lives in flat arrays indexed by slot instead of in
// dictionaries keyed by String. A slot is given when a record enters the pane and freed when it
// leaves; `order` lists the live slots in the pane's natural order (incidents by start date,
// actors by name, transfers by time, each then by id).
//
// The ledger's natural order (LedgerOrder.swift) is built for a million rows. An edit moves one
// slot with a binary search.

public struct PaneIndex: Sendable {
    public let kind: PaneKind
    /// Slot -> record id; "" for a free slot.
    public private(set) var ids: [String] = []
    /// Record id -> slot (ids are compared in `ids`); for a big ledger made in the background.
    private var slotOfTable = Deferred(IDIndex())
    /// Live slots in natural order.
    public private(set) var order: [Int32] = []
    private var free: [Int32] = []

    init(kind: PaneKind, _ c: Case) {
        self.kind = kind
        switch kind {
        case .incidents:
            ids = c.incidents.values.sorted { ($0.started ?? "~", $0.id) < ($1.started ?? "~", $1.id) }.map(\.id)
        case .actors:
            ids = c.actors.values.sorted { ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id) }.map(\.id)
        case .ledger:
            ids = LedgerOrder(c).ids
        }
        fillSlots()
    }

    /// The ledger from its transfers' ids already in natural order (LedgerOrder).
    init(ledger ids: [String]) {
        kind = .ledger
        self.ids = ids
        fillSlots()
    }

    private mutating func fillSlots() {
        order = (0..<Int32(ids.count)).map { $0 }
        let ids = ids
        let table = { @Sendable () -> IDIndex in
            var out = IDIndex(minimumCapacity: ids.count)
            for (i, id) in ids.enumerated() { out.insert(IDIndex.hash(id), Int32(i)) }
            return out
        }
        slotOfTable = ids.count < ParallelSort.threshold ? Deferred(table()) : Deferred(empty: IDIndex(), making: table)
    }

    /// Whether the id -> slot table is made (false while another thread makes it).
    var slotsReady: Bool { slotOfTable.isReady }

    public var count: Int { order.count }
    public func slot(of id: String) -> Int32? { slot(of: id, IDIndex.hash(id)) }

    private func slot(of id: String, _ h: UInt32) -> Int32? {
        slotOfTable.value.find(h) { ids[Int($0)] == id }
    }
    public func id(_ slot: Int32) -> String { ids[Int(slot)] }

    /// The natural-order key of a record of this pane; rows are ordered by it, then by id.
    static func naturalLess(_ kind: PaneKind, _ a: AnyRecord, _ b: AnyRecord) -> Bool {
        switch (a, b) {
        case (.incident(let x), .incident(let y)): (x.started ?? "~", x.id) < (y.started ?? "~", y.id)
        case (.actor(let x), .actor(let y)): (x.name.lowercased(), x.id) < (y.name.lowercased(), y.id)
        case (.transfer(let x), .transfer(let y)): x.precedes(y)
        default: a.id < b.id
        }
    }

    /// Takes `record` out of the pane (it was deleted or is about to move). Returns its old slot.
    @discardableResult
    mutating func remove(_ id: String) -> Int32? {
        let h = IDIndex.hash(id)
        guard let slot = slot(of: id, h) else { return nil }
        slotOfTable.value.remove(h, slot)
        if let i = order.firstIndex(of: slot) { order.remove(at: i) }
        ids[Int(slot)] = ""
        free.append(slot)
        return slot
    }

    /// Puts `record` into the pane at its natural position; `lookup` reads the records already there.
    /// Reuses the record's old slot when it had one, so caches keyed by slot stay aligned.
    @discardableResult
    mutating func insert(_ record: AnyRecord, slot wanted: Int32? = nil, lookup: (String) -> AnyRecord?) -> Int32 {
        let slot: Int32
        if let wanted, let i = free.lastIndex(of: wanted) { free.remove(at: i); slot = wanted }
        else if let reused = free.popLast() { slot = reused }
        else { slot = Int32(ids.count); ids.append("") }
        // Binary search over natural order; every row in `order` is in the case.
        var lo = 0, hi = order.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if let other = lookup(ids[Int(order[mid])]), Self.naturalLess(kind, other, record) { lo = mid + 1 } else { hi = mid }
        }
        let h = IDIndex.hash(record.id)
        if let old = self.slot(of: record.id, h) { slotOfTable.value.remove(h, old) }
        ids[Int(slot)] = record.id
        slotOfTable.value.insert(h, slot)
        order.insert(slot, at: lo)
        return slot
    }
}
