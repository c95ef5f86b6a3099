// An index from record ids to positions (in a record table, in a pane's slots) that stores no
// ids: the caller holds them at those positions already, and is asked to compare.
//
// Why: a `[String: Int32]` keeps a copy of every key (16 bytes) beside its value in buckets at
// most three-quarters full, so a million ids take 2^21 buckets, 42 MB; and it compares keys
// along every probe. Here a bucket is one 64-bit word, 17 MB for the same million.
//
// How it works: open addressing with linear probing over a power-of-two table of words. A word
// is the position plus one in its low 32 bits (0 means an empty bucket) and 32 bits of the id's
// hash in its high 32 bits; those hash bits also choose the home bucket, so the table can grow
// without hashing any id again. A lookup walks from the home bucket to the first empty one, and
// asks the caller to compare ids only where the 32 hash bits match, which is almost always the
// id sought. A removal shifts later words of the run back into the gap (no tombstones), so runs
// stay short. Hashes are Swift's own, seeded per process, so crafted ids cannot force collisions.

@usableFromInline
package struct IDIndex: Sendable {
    @usableFromInline var words: [UInt64] = []
    @usableFromInline package private(set) var count = 0

    @inlinable package init() {}

    @inlinable package init(minimumCapacity n: Int) {
        if n > 0 { words = [UInt64](repeating: 0, count: Self.buckets(for: n)) }
    }

    /// Buckets for `n` ids at most three-quarters full: a power of two, at least 8.
    @inlinable static func buckets(for n: Int) -> Int {
        var b = 8
        while b * 3 < n * 4 { b <<= 1 }
        return b
    }

    @inlinable package static func hash(_ id: String) -> UInt32 { UInt32(truncatingIfNeeded: id.hashValue) }

    @inlinable package mutating func reserveCapacity(_ n: Int) {
        if Self.buckets(for: n) > words.count { rehash(Self.buckets(for: n)) }
    }

    /// The position of the id whose hash is `h`, for which `matches(position)` says yes.
    @inlinable package func find(_ h: UInt32, _ matches: (Int32) -> Bool) -> Int32? {
        guard !words.isEmpty else { return nil }
        return words.withUnsafeBufferPointer { w in
            let mask = w.count - 1
            var b = Int(h) & mask
            while true {
                let word = w[b]
                if word == 0 { return nil }
                if UInt32(truncatingIfNeeded: word >> 32) == h {
                    let position = Int32(truncatingIfNeeded: word &- 1)
                    if matches(position) { return position }
                }
                b = (b + 1) & mask
            }
        }
    }

    /// Calls `body` with the address of the home bucket of hash `h` (nil while there are no
    /// buckets): for a caller filling a big index, which asks the processor for a bucket some
    /// inserts ahead of using it, as buckets are read at random and each is a cache miss.
    @inlinable package func homeBucket<R>(_ h: UInt32, _ body: (UnsafeRawPointer?) -> R) -> R {
        words.withUnsafeBufferPointer { w in
            body(w.isEmpty ? nil : UnsafeRawPointer(w.baseAddress! + (Int(h) & (w.count - 1))))
        }
    }

    /// Records `position` for an id with hash `h` that is not in the index yet.
    @inlinable package mutating func insert(_ h: UInt32, _ position: Int32) {
        if (count + 1) * 4 > words.count * 3 { rehash(Self.buckets(for: count + 1)) }   // twice the buckets
        Self.place(UInt64(h) << 32 | UInt64(UInt32(position) + 1), in: &words)
        count += 1
    }

    /// Removes the entry at `position` for an id with hash `h`; false if there is none.
    @inlinable @discardableResult package mutating func remove(_ h: UInt32, _ position: Int32) -> Bool {
        guard let b = bucket(h, position) else { return false }
        words.withUnsafeMutableBufferPointer { w in
            let mask = w.count - 1
            var gap = b, j = b
            while true {
                j = (j + 1) & mask
                let word = w[j]
                if word == 0 { break }
                let home = Int(UInt32(truncatingIfNeeded: word >> 32)) & mask
                // The word at j may fill the gap unless its home lies cyclically in (gap, j].
                let stays = gap <= j ? (home > gap && home <= j) : (home > gap || home <= j)
                if !stays { w[gap] = word; gap = j }
            }
            w[gap] = 0
        }
        count -= 1
        return true
    }

    /// Points the entry for an id with hash `h` at `new` instead of `old`.
    @inlinable package mutating func move(_ h: UInt32, from old: Int32, to new: Int32) {
        guard let b = bucket(h, old) else { return }
        words[b] = UInt64(h) << 32 | UInt64(UInt32(new) + 1)
    }

    @inlinable func bucket(_ h: UInt32, _ position: Int32) -> Int? {
        guard !words.isEmpty else { return nil }
        let want = UInt64(h) << 32 | UInt64(UInt32(position) + 1)
        let mask = words.count - 1
        var b = Int(h) & mask
        while words[b] != 0 {
            if words[b] == want { return b }
            b = (b + 1) & mask
        }
        return nil
    }

    @inlinable static func place(_ word: UInt64, in words: inout [UInt64]) {
        let mask = words.count - 1
        var b = Int(UInt32(truncatingIfNeeded: word >> 32)) & mask
        while words[b] != 0 { b = (b + 1) & mask }
        words[b] = word
    }

    @usableFromInline mutating func rehash(_ buckets: Int) {
        var fresh = [UInt64](repeating: 0, count: buckets)
        for word in words where word != 0 { Self.place(word, in: &fresh) }
        words = fresh
    }
}
