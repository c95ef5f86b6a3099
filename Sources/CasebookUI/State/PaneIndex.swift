import CasebookModel
import Foundation

// One pane's rows as slots: small integers standing for record ids, so the costly per-row work
// (sort keys, search text, filter numbers) lives in flat arrays indexed by slot instead of in
// dictionaries keyed by String. A slot is given when a record enters the pane and freed when it
// leaves; `order` lists the live slots in the pane's natural order (incidents by start date,
// actors by name, transfers by time, each then by id).
//
// The ledger's natural order is built for a million rows: each transfer's time becomes a
// 128-bit key from its first 16 bytes when the time is ASCII (then byte order is String order),
// the keys are sorted on two threads and merged, and only equal keys (or non-ASCII times) fall
// back to comparing the Strings. An edit moves one slot with a binary search.

public struct PaneIndex: Sendable {
    public let kind: PaneKind
    /// Slot -> record id; "" for a free slot.
    public private(set) var ids: [String] = []
    private(set) var slotOf: [String: Int32] = [:]
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
            ids = Self.ledgerOrder(c).ends.ids
        }
        fillSlots()
    }

    /// The ledger from its transfers' ends already in natural order (`ledgerOrder`).
    init(ledger ends: TransferEnds) {
        kind = .ledger
        ids = ends.ids
        fillSlots()
    }

    private mutating func fillSlots() {
        order = (0..<Int32(ids.count)).map { $0 }
        slotOf.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() { slotOf[id] = Int32(i) }
    }

    public var count: Int { order.count }
    public func slot(of id: String) -> Int32? { slotOf[id] }
    public func id(_ slot: Int32) -> String { ids[Int(slot)] }

    /// The natural-order key of a record of this pane; rows are ordered by it, then by id.
    static func naturalLess(_ kind: PaneKind, _ a: AnyRecord, _ b: AnyRecord) -> Bool {
        switch (a, b) {
        case (.incident(let x), .incident(let y)): (x.started ?? "~", x.id) < (y.started ?? "~", y.id)
        case (.actor(let x), .actor(let y)): (x.name.lowercased(), x.id) < (y.name.lowercased(), y.id)
        case (.transfer(let x), .transfer(let y)): (x.time, x.id) < (y.time, y.id)
        default: a.id < b.id
        }
    }

    /// Takes `record` out of the pane (it was deleted or is about to move). Returns its old slot.
    @discardableResult
    mutating func remove(_ id: String) -> Int32? {
        guard let slot = slotOf.removeValue(forKey: id) else { return nil }
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
        ids[Int(slot)] = record.id
        slotOf[record.id] = slot
        order.insert(slot, at: lo)
        return slot
    }

    /// The transfers' amounts, USD and assets in the ledger's natural order (for LedgerSlots).
    struct LedgerValues {
        var amounts: [ExactDecimal], usd: [ExactDecimal?], assets: [String]
    }

    /// Transfers sorted by (time, id), with their ends for the LinkIndex and the values LedgerSlots
    /// keeps (gathered in the same pass, so no transfer is looked up again); see the top of the file.
    static func ledgerOrder(_ c: Case) -> (ends: TransferEnds, values: LedgerValues) {
        var ids: [String] = [], times: [String] = [], keys: [UInt128] = []
        var from: [String] = [], to: [String] = [], incident: [String?] = []
        var amounts: [ExactDecimal] = [], usd: [ExactDecimal?] = [], assets: [String] = []
        amounts.reserveCapacity(c.transfers.count)
        usd.reserveCapacity(c.transfers.count)
        assets.reserveCapacity(c.transfers.count)
        ids.reserveCapacity(c.transfers.count)
        times.reserveCapacity(c.transfers.count)
        keys.reserveCapacity(c.transfers.count)
        from.reserveCapacity(c.transfers.count)
        to.reserveCapacity(c.transfers.count)
        incident.reserveCapacity(c.transfers.count)
        for (id, t) in c.transfers {
            ids.append(id)
            times.append(t.time)
            keys.append(prefixKey(t.time))
            from.append(t.from)
            to.append(t.to)
            incident.append(t.incident)
            amounts.append(t.amount)
            usd.append(t.usd)
            assets.append(t.asset)
        }
        let n = ids.count
        let perm = ids.withUnsafeBufferPointer { idp in
            times.withUnsafeBufferPointer { tp in
                keys.withUnsafeBufferPointer { kp in
                    // Exact keys (ASCII times) that differ decide; anything else compares the Strings.
                    func less(_ a: Int32, _ b: Int32) -> Bool {
                        let ka = kp[Int(a)], kb = kp[Int(b)]
                        if ka != kb && ka & 1 == 0 && kb & 1 == 0 { return ka < kb }
                        let ta = tp[Int(a)], tb = tp[Int(b)]
                        if ta != tb { return ta < tb }
                        return idp[Int(a)] < idp[Int(b)]
                    }
                    return ParallelSort.sorted(count: n, by: less)
                }
            }
        }
        let ends = TransferEnds(ids: perm.map { ids[Int($0)] }, from: perm.map { from[Int($0)] },
                                to: perm.map { to[Int($0)] }, incident: perm.map { incident[Int($0)] })
        return (ends, LedgerValues(amounts: perm.map { amounts[Int($0)] }, usd: perm.map { usd[Int($0)] },
                                   assets: perm.map { assets[Int($0)] }))
    }

    /// The first 15 bytes of an ASCII string, big-endian, zero-padded, with the low bit clear; the
    /// low bit set means "not ASCII: compare the Strings" (then the key is 1 and means nothing).
    static func prefixKey(_ s: String) -> UInt128 {
        var key: UInt128 = 0
        var n = 0
        var s = s
        let ascii: Bool = s.withUTF8 { b in
            for byte in b {
                if byte >= 0x80 { return false }
                if n < 15 { key = key << 8 | UInt128(byte); n += 1 }
            }
            return true
        }
        guard ascii else { return 1 }
        return key << UInt128(8 * (16 - n))
    }
}
