import CasebookModel
import Foundation
import Synchronization

// What sort and the frequency view read of every transfer, as flat arrays per slot of the
// ledger's PaneIndex, made with the view from the pass that orders the ledger: amounts and USD
// as integer units and scale, and the asset and the records named by From, To and Incident as
// interned Int32s. A million-row sort or count then reads arrays instead of looking each
// transfer up by its String id (a hash and a cache miss per row, which is where the time went).
// From and To are interned into one table on one core while the rest is made on the other; the
// time keys and kinds are copied as they are. An edit rewrites the changed slots
// (`patch`); interned tables only grow, so a value no row names any more is simply unused.

struct LedgerSlots: Sendable {
    /// Strings numbered in order of first appearance: a column's group table (its `of` unused
    /// here, as the per-slot numbers are the arrays below).
    typealias Interned = ColumnCache.Groups

    /// Scale of a slot with no number (no USD, or a free slot).
    static let noNumber: UInt8 = 255

    var amountUnits: [Int128] = []
    var amountScale: [UInt8] = []
    var usdUnits: [Int128] = []
    var usdScale: [UInt8] = []
    var asset: [Int32] = [], assets = Interned()
    /// -1: no record named (an incident left empty) or a free slot. From and To share one
    /// table (`parties`): their columns show the same text for the same id, so the caches hold
    /// one text per wallet or actor for both (at a million transfers, 400k wallets).
    var from: [Int32] = [], to: [Int32] = [], parties = Interned()
    var incident: [Int32] = [], incidentIDs = Interned()
    /// The time's packed sort key (PackedTime.sortKey: odd when the time is not canonical, then
    /// its text is the record's) and the kind's place in TransferKind.allCases; for the search
    /// text (LedgerText), which reads them instead of holding each row's text.
    var timeKey: [UInt64] = []
    var kind: [UInt8] = []

    init() {}

    /// From the transfers at `places` of `table` in slot order (the ledger's natural order when
    /// the view is built), with their ends already gathered in that order.
    init(_ table: [Transfer], places: [Int32], ends: TransferEnds) {
        let parties = Mutex((Interned(), [[Int32]]()))
        let rest = Mutex(LedgerSlots())
        // From and To into one table on one core (no second table of 400k wallets to merge),
        // the rest on the other.
        DispatchQueue.concurrentPerform(iterations: 2) { job in
            switch job {
            case 0: let r = Interned.columns([ends.from, ends.to]); parties.withLock { $0 = r }
            default:
                var v = LedgerSlots()
                (v.incidentIDs, v.incident) = Interned.column(ends.incident)
                table.withUnsafeBufferPointer { t in
                    v.assets = Interned()
                    v.asset = places.map { v.assets.intern(t[Int($0)].asset) }
                    v.amountUnits = places.map { t[Int($0)].amount.units }
                    v.amountScale = places.map { UInt8(t[Int($0)].amount.scale) }
                    v.usdUnits = places.map { t[Int($0)].usd?.units ?? 0 }
                    v.usdScale = places.map { t[Int($0)].usd.map { UInt8($0.scale) } ?? Self.noNumber }
                    v.timeKey = places.map { t[Int($0)].packedTime.sortKey }
                    v.kind = places.map { Self.kindNumber(t[Int($0)].kind) }
                }
                rest.withLock { $0 = v }
            }
        }
        self = rest.withLock { $0 }
        let (table, of) = parties.withLock { p in let taken = p; p = (Interned(), []); return taken }
        (self.parties, from, to) = (table, of[0], of[1])
    }

    /// Rewrites `slots` from the transfers now in them (nil for a free slot).
    mutating func patch(_ slots: [Int32], _ transfer: (Int32) -> Transfer?) {
        for slot in slots {
            let s = Int(slot)
            while amountUnits.count <= s {
                amountUnits.append(0); amountScale.append(Self.noNumber)
                usdUnits.append(0); usdScale.append(Self.noNumber)
                asset.append(-1); from.append(-1); to.append(-1); incident.append(-1)
                timeKey.append(PackedTime.otherKey); kind.append(0)
            }
            guard let t = transfer(slot) else {
                amountUnits[s] = 0; amountScale[s] = Self.noNumber
                usdUnits[s] = 0; usdScale[s] = Self.noNumber
                asset[s] = -1; from[s] = -1; to[s] = -1; incident[s] = -1
                timeKey[s] = PackedTime.otherKey; kind[s] = 0
                continue
            }
            amountUnits[s] = t.amount.units; amountScale[s] = UInt8(t.amount.scale)
            usdUnits[s] = t.usd?.units ?? 0; usdScale[s] = t.usd.map { UInt8($0.scale) } ?? Self.noNumber
            asset[s] = assets.intern(t.asset)
            from[s] = parties.intern(t.from)
            to[s] = parties.intern(t.to)
            incident[s] = t.incident.map { incidentIDs.intern($0) } ?? -1
            timeKey[s] = t.packedTime.sortKey
            kind[s] = Self.kindNumber(t.kind)
        }
    }

    /// A kind's place in TransferKind.allCases.
    static func kindNumber(_ k: TransferKind) -> UInt8 { UInt8(TransferKind.allCases.firstIndex(of: k)!) }

    /// The units and scales of a number column ("amount", "usd"), if it is one of them.
    func numbers(_ columnID: String) -> (units: [Int128], scale: [UInt8])? {
        switch columnID {
        case "amount": (amountUnits, amountScale)
        case "usd": (usdUnits, usdScale)
        default: nil
        }
    }

    /// The interned values a referencing column shows ("from", "to", "incident", "asset").
    func references(_ columnID: String) -> (of: [Int32], count: Int)? {
        switch columnID {
        case "from": (from, parties.names.count)
        case "to": (to, parties.names.count)
        case "incident": (incident, incidentIDs.names.count)
        case "asset": (asset, assets.names.count)
        default: nil
        }
    }

    /// The interned values themselves, numbered as in `references`.
    func values(_ columnID: String) -> [String]? {
        switch columnID {
        case "from", "to": parties.names
        case "incident": incidentIDs.names
        case "asset": assets.names
        default: nil
        }
    }

    /// Slot `s`'s number in a column from `numbers`, as ExactDecimal.
    static func number(_ n: (units: [Int128], scale: [UInt8]), _ s: Int) -> ExactDecimal? {
        let scale = n.scale[s]
        return scale == noNumber ? nil : ExactDecimal(units: n.units[s], scale: Int(scale))
    }
}

extension ColumnCache.Groups {
    /// Interns every value (nil is -1). The table is sized from the distinct values of the
    /// first rows, so a column of many values (wallets) is not rehashed as it grows.
    static func column(_ values: [String?]) -> (Self, [Int32]) {
        let (t, of) = columns([values])
        return (t, of[0])
    }

    /// Interns the columns' values into one table, numbered in order of first appearance.
    static func columns(_ columns: [[String?]]) -> (Self, [[Int32]]) {
        var t = Self()
        let total = columns.reduce(0) { $0 + $1.count }
        var seen = 0
        let out = columns.map { values in
            var of = [Int32](repeating: -1, count: values.count)
            let sample = min(values.count, 65_536)
            for i in 0..<values.count {
                if seen == 0 && i == sample && sample < values.count {
                    // From the first column's first rows: later columns (To after From) mostly
                    // name the same values, so a quarter more room.
                    let expected = min(total, t.names.count * (values.count / sample) * 5 / 4 + 64)
                    t.lookup.reserveCapacity(expected)
                    t.names.reserveCapacity(expected)
                }
                if let v = values[i] { of[i] = t.intern(v) }
            }
            seen += values.count
            return of
        }
        // Only an edit interns again, and `intern` remakes the lookup then: a column of 400k
        // wallets does not keep a 20 MB table for it meanwhile.
        t.lookup = [:]
        return (t, out)
    }
}
