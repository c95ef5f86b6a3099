// A transfer keeps its time and hash packed when it can (TransferPacking.swift). Whatever the
// text, a user must get back exactly what was written, and two transfers must be equal exactly
// when their texts are.

import CasebookModel
import PropertyBased
import Testing

@Suite("Packed transfer times and hashes")
struct TransferPackingTests {
    static let times = ["2018-06-19T14:03:00Z", "0000-00-00T00:00:00Z", "9999-99-99T99:99:99Z", "2018-06-19",
                        "2018-06-19T14:03:00.5Z", "2018-06-19T14:03:00+09:00", "2018-06-19t14:03:00Z", "", "오늘 새벽",
                        "2018-06-19T14:03:00Z ", "２018-06-19T14:03:00Z", "2018-06-19T14:03:0aZ", "2018-06-19T14:03:00\u{301}Z"]
    static let hashes = ["0x" + String(repeating: "f", count: 64), String(repeating: "0", count: 64), "0x0", "0", "0x",
                         "0x" + String(repeating: "a", count: 65), "0xABCDEF", "0Xabcdef", "abc\u{1b}[31m", "", "0x00ff",
                         "00ff", "트랜잭션", "0xd114e3b336b2993c1f533c704b0278c52b153ed4961b4e7a564b956d1964054", "0x-1"]

    static func transfer(time: String, hash: String?) -> Transfer {
        Transfer(meta: RecordMeta(id: "tx-1", created: "2026-01-01T00:00:00Z"), time: time, from: "wal-1", to: "wal-2",
                 asset: "BTC", amount: ExactDecimal(1), txHash: hash, kind: .hop, basis: .illustrative)
    }

    /// A text from a number: one of the listed ones, or a random canonical time or hex hash.
    static func text(_ n: Int, _ list: [String], hex: Bool) -> String {
        if n % 3 == 0 { return list[(n / 3) % list.count] }
        if hex {
            let digits = String(UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
            return (n % 2 == 0 ? "0x" : "") + String(repeating: digits, count: 1 + n % 4)
        }
        let d = { (v: Int, w: Int) in String(String(v).reversed()).padding(toLength: w, withPad: "0", startingAt: 0).reversed() }
        return "\(String(d(1990 + n % 40, 4)))-\(String(d(1 + n % 12, 2)))-\(String(d(1 + n % 28, 2)))T"
            + "\(String(d(n % 24, 2))):\(String(d(n / 7 % 60, 2))):\(String(d(n / 11 % 60, 2)))Z"
    }

    @Test("the time and hash read back byte for byte, and equality follows the texts")
    func roundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...5_000_000).array(of: 4...4)) { p in
            let t1 = Self.text(p[0], Self.times, hex: false), t2 = Self.text(p[1], Self.times, hex: false)
            let h1 = Self.text(p[2], Self.hashes, hex: true), h2 = Self.text(p[3], Self.hashes, hex: true)
            let a = Self.transfer(time: t1, hash: h1), b = Self.transfer(time: t2, hash: h2)
            #expect(Array(a.time.utf8) == Array(t1.utf8))
            #expect(Array(a.txHash!.utf8) == Array(h1.utf8))
            #expect((a == b) == (t1 == t2 && h1 == h2), "\(t1) \(t2) \(h1) \(h2)")
            if a == b { #expect(a.hashValue == b.hashValue) }
            var c = a
            c.time = t2
            c.txHash = h2
            #expect(c.time == t2 && c.txHash == h2)
            #expect(c == Self.transfer(time: t2, hash: h2))
        }
    }

    @Test("a 64-digit hash with one byte that is not lowercase hex, anywhere, reads back as written")
    func oneBadDigitAnywhere() {
        let good = Array("d114e3b336b2993c1f533c704b0278c52b153ed4961b4e7a564b956d19640540".utf8)
        for bad in ["A", "F", "G", "g", "/", ":", "`", "@", "\u{7f}", "ê", "한"] {
            for k in 0..<good.count {
                var bytes = good
                bytes.replaceSubrange(k...k, with: Array(bad.utf8))
                let hash = String(decoding: bytes, as: UTF8.self)
                for text in [hash, "0x" + hash] {
                    #expect(Self.transfer(time: "2018", hash: text).txHash == text, "\(bad) at \(k)")
                }
            }
        }
        let h = String(decoding: good, as: UTF8.self)
        #expect(Self.transfer(time: "2018", hash: h).txHash == h)
    }

    @Test("a canonical time with one byte changed, anywhere, is packed only if it is still canonical")
    func oneBadTimeByteAnywhere() {
        let good = Array("2021-09-06T03:47:24Z".utf8)
        #expect(PackedTime(String(decoding: good, as: UTF8.self)) == .key(PackedTime.key(utf8: good.withUnsafeBufferPointer { $0 })!))
        for place in good.indices {
            for byte in [UInt8(0x2F), 0x30, 0x35, 0x39, 0x3A, 0x2D, 0x54, 0x5A, 0x20, 0x7F, 0xFA, 0xFF] {
                var bytes = good
                bytes[place] = byte
                let digit = ![4, 7, 10, 13, 16, 19].contains(place)
                let canonical = digit ? (0x30...0x39).contains(byte) : byte == good[place]
                let key = bytes.withUnsafeBufferPointer { PackedTime.key(utf8: $0) }
                #expect((key != nil) == canonical, "byte \(byte) at \(place)")
                if let key {
                    var out = [UInt8](repeating: 0, count: 20)
                    _ = out.withUnsafeMutableBufferPointer { PackedTime.key(key).fill($0) }
                    #expect(out == bytes, "byte \(byte) at \(place)")
                }
            }
        }
    }

    @Test("every listed odd time and hash survives, and a hash can be removed")
    func listed() {
        for t in Self.times { #expect(Self.transfer(time: t, hash: nil).time == t) }
        for h in Self.hashes { #expect(Self.transfer(time: "2018", hash: h).txHash == h) }
        var t = Self.transfer(time: "2018", hash: "0xabc")
        t.txHash = nil
        #expect(t.txHash == nil)
        #expect(t == Self.transfer(time: "2018", hash: nil))
    }

    @Test("time keys order canonical times as their Strings do and mark every other text")
    func timeKeys() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...5_000_000).array(of: 2...2)) { p in
            let a = Self.text(p[0], Self.times, hex: false), b = Self.text(p[1], Self.times, hex: false)
            let ka = PackedTime(a).sortKey, kb = PackedTime(b).sortKey
            let canonical = a.utf8.count == 20 && a.wholeMatch(of: /[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/) != nil
            #expect((ka & 1 == 0) == canonical, "\(a)")
            if !canonical { #expect(ka == PackedTime.otherKey, "\(a)") }
            if ka & 1 == 0 && kb & 1 == 0 {
                #expect((ka < kb) == (a < b), "\(a) \(b)")
                #expect((ka == kb) == (a == b), "\(a) \(b)")
            }
        }
        #expect(PackedTime("2019-12-31T23:59:59Z").sortKey < PackedTime("2020-01-01T00:00:00Z").sortKey)
    }

    @Test("transfers precede one another as (time, id) Strings do, packed or not")
    func precedes() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...5_000_000).array(of: 4...4)) { p in
            let t1 = Self.text(p[0] % 50 == 0 ? p[0] : p[0] % 7, Self.times, hex: false)
            let t2 = Self.text(p[1] % 50 == 0 ? p[1] : p[1] % 7, Self.times, hex: false)
            var a = Self.transfer(time: t1, hash: nil), b = Self.transfer(time: t2, hash: nil)
            a.meta.id = "tx-\(p[2] % 5)"
            b.meta.id = "tx-\(p[3] % 5)"
            #expect(a.precedes(b) == ((t1, a.id) < (t2, b.id)), "\(t1) \(a.id) \(t2) \(b.id)")
        }
    }
}
