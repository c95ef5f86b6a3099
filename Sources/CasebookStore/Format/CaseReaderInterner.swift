#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CasebookModel
import CCaseFile

// One shared String per distinct text, keyed by the file's bytes, so a million transfers that
// name the same few thousand wallets, assets and authors hold one copy of each name.
//
// How it works: open addressing over a power-of-two slot table of entry numbers (0 = empty).
// Each entry keeps its bytes in one arena and its String; a lookup hashes the bytes (eight at a
// time, seeded per process), probes linearly and compares bytes with memcmp, so no String is made
// for a text seen before.
// A Dictionary<String, String> would have to build a String just to look one up.

struct CaseReaderInterner {
    private var slots: [Int32]
    private var mask: Int
    private var hashes: [UInt32] = [0]
    private var offsets: [Int] = [0]
    private var lengths: [Int32] = [0]
    private var strings: [String] = [""]
    private var arena: [UInt8] = []

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { strings.count - 1 }

    /// Attribution lists by the interned entry of their text: most wallets of a big case carry
    /// one of a few (an actor and a confidence), written the same way, so each distinct text is
    /// parsed once and its list shared (copy-on-write) instead of parsed and allocated per wallet.
    private var lists: [Int: [Attribution]] = [:]
    /// Distinct list texts kept; past this, lists are parsed each time (no text is kept).
    static let listLimit = 4096

    /// The shared String for `run`; nil if it is not valid UTF-8 (only checked when not ASCII).
    mutating func string(_ run: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String? {
        // The text just asked for is often asked for again at once (a record's `modified` is
        // its `created`; imported records share both): compared before anything is hashed.
        if last != 0, Int(lengths[last]) == run.count, matches(last, run) { return strings[last] }
        let h = Self.hash(run)
        switch find(run, h) {
        case .found(let e):
            last = e
            return strings[e]
        case .empty(let slot):
            guard let e = insert(run, h, slot, ascii: ascii) else { return nil }
            last = e
            return strings[e]
        }
    }

    /// The entry `string` returned last (0: none).
    private var last = 0

    /// The attribution list written as `run` (an array's whole text, brackets included): the
    /// list of an earlier identical text, or `parse`'s, which is kept for the next.
    mutating func attributions(_ run: UnsafeBufferPointer<UInt8>,
                               _ parse: (inout CaseReaderInterner) throws(CaseReaderUnsupported) -> [Attribution]) throws(CaseReaderUnsupported) -> [Attribution] {
        let h = Self.hash(run)
        if case .found(let e) = find(run, h), let known = lists[e] { return known }
        let list = try parse(&self)
        guard lists.count < Self.listLimit else { return list }
        // Looked up again: `parse` may have interned names of its own and moved the slots.
        switch find(run, h) {
        case .found(let e): lists[e] = list
        case .empty(let slot): if let e = insert(run, h, slot, ascii: false) { lists[e] = list }
        }
        return list
    }

    private enum Place { case found(Int), empty(Int) }

    /// Eight bytes at a time (a multiply and a rotate each), the last word zero-padded, the
    /// length mixed in, seeded per process. Not a keyed hash: texts can be crafted to collide
    /// (flipping matching bits in two words), which costs probes, never a wrong String.
    private static func hash(_ run: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard let p = run.baseAddress else { return UInt32(truncatingIfNeeded: seed) }
        let n = run.count
        var h = seed ^ UInt64(n) &* 0x9E37_79B9_7F4A_7C15
        var k = 0
        while k + 8 <= n {
            h = (h ^ UInt64(littleEndian: casefile_load64(p + k))) &* 0xFF51_AFD7_ED55_8CCD
            h = h << 17 | h >> 47
            k += 8
        }
        if k < n {
            var last: UInt64 = 0
            for j in k..<n { last |= UInt64(p[j]) << UInt64(8 * (j - k)) }
            h = (h ^ last) &* 0xFF51_AFD7_ED55_8CCD
        }
        h ^= h >> 29
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }

    private static let seed = UInt64.random(in: 0 ... .max)

    private func find(_ run: UnsafeBufferPointer<UInt8>, _ h: UInt32) -> Place {
        var slot = Int(h) & mask
        while true {
            let e = Int(slots[slot])
            if e == 0 { return .empty(slot) }
            if hashes[e] == h, Int(lengths[e]) == run.count, matches(e, run) { return .found(e) }
            slot = (slot + 1) & mask
        }
    }

    /// Adds `run` as entry number returned, at the empty `slot` its probe ended on.
    private mutating func insert(_ run: UnsafeBufferPointer<UInt8>, _ h: UInt32, _ slot: Int, ascii: Bool) -> Int? {
        let s: String
        if ascii {
            s = String(decoding: run, as: UTF8.self)
        } else {
            guard let valid = String(validating: run, as: UTF8.self) else { return nil }
            s = valid
        }
        let e = strings.count
        slots[slot] = Int32(e)
        hashes.append(h)
        offsets.append(arena.count)
        lengths.append(Int32(run.count))
        arena.append(contentsOf: run)
        strings.append(s)
        if count * 2 > slots.count { grow() }
        return e
    }

    private func matches(_ e: Int, _ run: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = run.baseAddress, !run.isEmpty else { return true }
        return arena.withUnsafeBufferPointer { a in memcmp(a.baseAddress! + offsets[e], start, run.count) == 0 }
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [Int32](repeating: 0, count: size)
        let m = size - 1
        for e in 1..<strings.count {
            var slot = Int(hashes[e]) & m
            while fresh[slot] != 0 { slot = (slot + 1) & m }
            fresh[slot] = Int32(e)
        }
        slots = fresh
        mask = m
    }
}
