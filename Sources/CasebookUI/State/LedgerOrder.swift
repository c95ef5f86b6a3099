import CasebookModel

// The ledger's natural order, built for a million rows.
//
// How it works: a case Casebook wrote has its transfers in this order already (the writer keeps
// them by time, then id: CaseWriterOrder.ledger), and they are read into the table in file
// order, so one pass over neighbours (their packed times, on both cores) confirms it and nothing
// is sorted. Otherwise each transfer's time is a 64-bit key of its fourteen digits when it has
// the canonical form (key order is then String order; the key is how the transfer keeps its
// time: PackedTime), the places are sorted by key (RadixSort), and only equal keys (or other
// times) fall back to comparing the Strings and then the ids. The ids are then gathered in that order on both cores;
// the other ends (from, to, incident), which only the link index and the ledger's slot arrays
// need, are gathered by `ends`, in the background for a big ledger.

struct LedgerOrder {
    /// Places in `c.transfers.values`, in natural order.
    let places: [Int32]
    /// The transfers' ids in that order.
    let ids: [String]

    init(_ c: Case) {
        let table = c.transfers.values
        (places, ids) = table.withUnsafeBufferPointer { tp in
            let places = Self.inOrder(tp) ? Array(0..<Int32(tp.count)) : Self.sorted(tp)
            return (places, Self.ids(tp, places))
        }
    }

    /// Whether each transfer precedes the next, as they do when Casebook wrote the case: one
    /// pass, stopping at the first pair out of order.
    static func inOrder(_ tp: UnsafeBufferPointer<Transfer>) -> Bool {
        // Each half on its own core; each transfer's packed time is read once, and two
        // transfers are compared whole (`precedes`) only when their keys cannot decide.
        let disorder = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 2)
        defer { disorder.deallocate() }
        disorder.initialize(repeating: false)
        let shared = Unchecked(disorder)
        ParallelSort.halves(tp.count) { range, part in
            guard range.count > 0 else { return }
            var i = max(range.lowerBound, 1)
            var prev = tp[i - 1].packedTime.sortKey
            while i < range.upperBound {
                let key = tp[i].packedTime.sortKey
                let decided = prev & 1 == 0 && key & 1 == 0 && prev != key
                if decided ? key < prev : !tp[i - 1].precedes(tp[i]) { shared.value[part] = true; return }
                prev = key
                i += 1
            }
        }
        return !disorder[0] && !disorder[1]
    }

    /// The places sorted by (time, id).
    static func sorted(_ tp: UnsafeBufferPointer<Transfer>) -> [Int32] {
        let n = tp.count
        // Each item holds its key, so a comparison reads no other memory unless keys tie (an
        // array of places compared through a key array read that array at random).
        var items = [LedgerOrderItem](unsafeUninitializedCapacity: n) { ip, filled in
            let out = Unchecked(ip)
            ParallelSort.halves(n) { range, _ in
                for i in range { out.value[i] = LedgerOrderItem(key: tp[i].packedTime.sortKey, place: Int32(i)) }
            }
            filled = n
        }
        // Canonical times that differ decide; anything else compares the Strings, then ids.
        let less = { (a: LedgerOrderItem, b: LedgerOrderItem) -> Bool in
            if a.key & 1 == 0 && b.key & 1 == 0 {
                return a.key != b.key ? a.key < b.key : tp[Int(a.place)].id < tp[Int(b.place)].id
            }
            return tp[Int(a.place)].precedes(tp[Int(b.place)])
        }
        if items.allSatisfy({ $0.key & 1 == 0 }) {
            // Every time canonical: the keys order them (RadixSort), and runs of equal
            // times are put in id order.
            RadixSort.sortByKey(&items)
            var i = 0
            while i < n {
                var j = i + 1
                while j < n && items[j].key == items[i].key { j += 1 }
                if j - i >= ParallelSort.threshold {   // many at one second: both cores
                    var run = Array(items[i..<j])
                    ParallelSort.sortItems(&run, by: less)
                    items.replaceSubrange(i..<j, with: run)
                } else if j - i > 1 {
                    items[i..<j].sort(by: less)
                }
                i = j
            }
        } else {
            ParallelSort.sortItems(&items, by: less)
        }
        return items.map(\.place)
    }

    /// The ids of the transfers at `places`, in that order, each half on its own core.
    static func ids(_ tp: UnsafeBufferPointer<Transfer>, _ places: [Int32]) -> [String] {
        let n = places.count
        return [String](unsafeUninitializedCapacity: n) { out, filled in
            let shared = Unchecked((out, tp))
            places.withUnsafeBufferPointer { pp in
                let p = Unchecked(pp)
                ParallelSort.halves(n) { range, _ in
                    let (out, tp) = shared.value
                    for k in range { (out.baseAddress! + k).initialize(to: tp[Int(p.value[k])].id) }
                }
            }
            filled = n
        }
    }

    /// The transfers' ends in this order, for the link index and the ledger's slot arrays.
    func ends(_ table: [Transfer]) -> TransferEnds {
        table.withUnsafeBufferPointer { TransferEnds(ids: ids, gathering: $0, places) }
    }
}

/// A transfer's sort key (PackedTime.sortKey) and its place in the table.
struct LedgerOrderItem {
    var key: UInt64
    var place: Int32
}
