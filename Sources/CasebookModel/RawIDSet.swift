// The ids of one kind's records by their Strings' raw sixteen bytes, for validation's references.
//
// Why: validation looks up each transfer's from, to and incident among hundreds of thousands of
// records. Through a RecordTable that is Swift's seeded SipHash of the id, a bucket, and the
// record's id compared: about a third of validating a million transfers. Ids of up to 15 ASCII
// bytes (`tx-100007`, `wal-24825`), most ids of a big case, live in the String's own two words,
// so a reference to one of them is found here by its words alone.
//
// How it works: open addressing over pairs of words, probing linearly from a home slot chosen by
// a multiply-shift of the words with a per-process random multiplier. Only a hit is an answer:
// two Strings with the same sixteen bytes are the same String (a small one holds its text, any
// other points to the same storage), but equal Strings can differ in their bytes (a long id kept
// twice, a non-ASCII spelling of the same text), so a miss is asked of the table as before.
// A probe gives up after `maxProbe` slots (a miss, or an id not kept), so ids crafted to
// collide cost at most that.

struct RawIDSet: Sendable {
    /// Slot k is words 2k (low) and 2k + 1 (high); a high word of 0 is an empty slot (no String
    /// has one: a small String's top byte is its discriminator, a large one's is a pointer).
    private var words: [UInt64]
    private let shift: UInt64
    static let maxProbe = 32
    /// Odd and random per process, so which ids share a home slot cannot be known in advance.
    private static let multiplier: UInt64 = UInt64.random(in: 1 ... .max) | 1

    init<R: CaseRecord>(_ table: RecordTable<R>) {
        var slots = 16
        while slots < table.count * 2 { slots <<= 1 }
        words = [UInt64](repeating: 0, count: 2 * slots)
        shift = UInt64(64 - slots.trailingZeroBitCount)
        var w = words
        words = []
        w.withUnsafeMutableBufferPointer { w in
            table.values.withUnsafeBufferPointer { records in
                for k in records.indices {
                    let (lo, hi) = Self.bytes(records[k].meta.id)
                    guard hi != 0 else { continue }
                    var slot = home(lo, hi)
                    for _ in 0..<Self.maxProbe {
                        if w[2 * slot + 1] == 0 { w[2 * slot] = lo; w[2 * slot + 1] = hi; break }
                        if w[2 * slot] == lo && w[2 * slot + 1] == hi { break }
                        slot = (slot + 1) & (w.count / 2 - 1)
                    }
                }
            }
        }
        words = w
    }

    /// Whether `id` is, byte for byte, the id of a record of the table (false: not known here).
    func contains(_ id: String) -> Bool {
        let (lo, hi) = Self.bytes(id)
        return words.withUnsafeBufferPointer { w in
            var slot = home(lo, hi)
            for _ in 0..<Self.maxProbe {
                let h = w[2 * slot + 1]
                if h == 0 { return false }
                if h == hi && w[2 * slot] == lo { return true }
                slot = (slot + 1) & (w.count / 2 - 1)
            }
            return false
        }
    }

    @inline(__always) private func home(_ lo: UInt64, _ hi: UInt64) -> Int {
        Int(truncatingIfNeeded: ((lo ^ (hi &* 0x9E37_79B9_7F4A_7C15)) &* Self.multiplier) >> shift)
    }

    /// The String's sixteen bytes; (0, 0), which is never kept, where a String is not sixteen.
    @inline(__always) private static func bytes(_ s: String) -> (UInt64, UInt64) {
        #if _pointerBitWidth(_64)
        return unsafeBitCast(s, to: (UInt64, UInt64).self)
        #else
        return (0, 0)
        #endif
    }
}
