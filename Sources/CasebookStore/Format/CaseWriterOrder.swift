import CasebookModel

// A table's records in id order, as positions in the table (no record is copied to sort).
// String's `<` on a million ids is slow; when every id is ASCII and at most 16 bytes, each is
// packed big-endian into two integers whose order is the bytes' order, which for ASCII is
// String's order (zero padding sorts a prefix first, and equal packs are compared as Strings,
// which covers an id with a NUL in it). Any other id sorts the table by String.

enum CaseWriterOrder {
    static func sorted<R: CaseRecord>(_ table: RecordTable<R>) -> [Int] {
        var keys: [(hi: UInt64, lo: UInt64, index: Int)] = []
        keys.reserveCapacity(table.count)
        var i = table.startIndex
        while i != table.endIndex {
            guard let packed = pack(table.keys[i]) else {
                return table.indices.sorted { table.keys[$0] < table.keys[$1] }
            }
            keys.append((packed.0, packed.1, i))
            table.formIndex(after: &i)
        }
        keys.sort { a, b in
            if a.hi != b.hi { return a.hi < b.hi }
            if a.lo != b.lo { return a.lo < b.lo }
            return table.keys[a.index] < table.keys[b.index]
        }
        return keys.map(\.index)
    }

    private static func pack(_ id: String) -> (UInt64, UInt64)? {
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
