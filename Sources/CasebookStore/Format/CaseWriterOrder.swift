import CasebookModel

// A table's places in file order (no record is copied to sort, none looked up to write): by id,
// and transfers in ledger order, by time as written and then by id (`Transfer.precedes`), the
// order the screen shows them in, so a case opens with its ledger already in order.
// String's `<` on a million ids is slow; when every id is ASCII and at most 16 bytes, each is
// packed big-endian into two integers whose order is the bytes' order, which for ASCII is
// String's order (zero padding sorts a prefix first, and equal packs are compared as Strings,
// which covers an id with a NUL in it). Any other id sorts the table by String (for transfers,
// only its own comparisons are made so).

enum CaseWriterOrder {
    /// The table's places (indices of `values`) with their ids in String order.
    static func sorted<R: CaseRecord>(_ table: RecordTable<R>) -> [Int] {
        let ids = Array(table.keys)
        var keys: [(hi: UInt64, lo: UInt64, at: Int)] = []
        keys.reserveCapacity(ids.count)
        for (at, id) in ids.enumerated() {
            guard let packed = pack(id) else { return ids.indices.sorted { ids[$0] < ids[$1] } }
            keys.append((packed.0, packed.1, at))
        }
        keys.sort { a, b in
            if a.hi != b.hi { return a.hi < b.hi }
            if a.lo != b.lo { return a.lo < b.lo }
            return ids[a.at] < ids[b.at]
        }
        return keys.map(\.at)
    }

    /// The transfers' places in ledger order. A canonical time's packed key orders as its text
    /// does (PackedTime), and a packed id as its String: two transfers are compared as integers
    /// when both have them, and by `Transfer.precedes` otherwise (an odd time or id only costs
    /// its own comparisons; a ledger imported with fractional seconds is still sorted whole).
    static func ledger(_ table: RecordTable<Transfer>) -> [Int] {
        table.values.withUnsafeBufferPointer { t in
            // Read in place: a transfer copied out of the table retains each of its Strings.
            var keys: [(time: UInt64, hi: UInt64, lo: UInt64, at: Int)] = []
            keys.reserveCapacity(t.count)
            for at in t.indices {
                // An id that does not pack has a `hi` of all ones, which no ASCII id packs to
                // (its bytes are below 0x80).
                let (hi, lo) = pack(t[at].id) ?? (UInt64.max, 1)
                keys.append((t[at].packedTime.sortKey, hi, lo, at))
            }
            // A case read from a file Casebook wrote is in this order already, until an edit.
            func before(_ a: (time: UInt64, hi: UInt64, lo: UInt64, at: Int), _ b: (time: UInt64, hi: UInt64, lo: UInt64, at: Int)) -> Bool {
                if a.time & 1 == 0 && b.time & 1 == 0 {
                    if a.time != b.time { return a.time < b.time }
                    if a.hi != UInt64.max && b.hi != UInt64.max {
                        if a.hi != b.hi { return a.hi < b.hi }
                        if a.lo != b.lo { return a.lo < b.lo }
                    }
                    return t[a.at].id < t[b.at].id
                }
                return t[a.at].precedes(t[b.at])
            }
            if keys.indices.dropFirst().allSatisfy({ !before(keys[$0], keys[$0 - 1]) }) { return Array(t.indices) }
            keys.sort(by: before)
            return keys.map(\.at)
        }
    }

    private static func pack(_ id: String) -> (UInt64, UInt64)? {
        // An id of up to 15 ASCII bytes (most of them) is read from the String's own words.
        if let (lo, hi, n) = CaseReaderSmallString.words(id) {
            let keep = CaseReaderSmallString.lowBytes
            return ((lo & keep(n)).byteSwapped, (hi & keep(n - 8)).byteSwapped)
        }
        var id = id
        return id.withUTF8 { utf8 -> (UInt64, UInt64)? in
            guard utf8.count <= 16 else { return nil }
            var hi: UInt64 = 0, lo: UInt64 = 0
            for k in 0..<16 {
                let b = k < utf8.count ? utf8[k] : 0
                guard b < 0x80 else { return nil }
                if k < 8 { hi = hi << 8 | UInt64(b) } else { lo = lo << 8 | UInt64(b) }
            }
            return (hi, lo)
        }
    }
}
