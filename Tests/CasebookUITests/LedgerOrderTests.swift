// The ledger's natural order, which is built from integer time keys for speed: whatever the
// times look like (canonical, with fractions or offsets, a date alone, Korean text, empty), the
// rows must come out exactly as sorting the transfers by (time, id) would put them.

import CasebookModel
import PropertyBased
import Testing
@testable import CasebookUI

@Suite("Ledger order")
struct LedgerOrderTests {
    static let odd = ["2019-05-01", "2019-05-01T00:00:00.5Z", "2019-05-01T00:00:00+09:00", "2019-5-1T00:00:00Z", "",
                      "오늘 새벽", "2019-05-01T00:00:00z", "2019-05-01T00:00:00ZZ", "2019-05-01 00:00:00Z",
                      "2019-05-01T00:00:0aZ", "2019-05-01T23:59:59Z\u{301}", "１９-05-01T00:00:00Z"]

    /// A time from a number: mostly canonical over a narrow range (so equal times occur), else odd.
    static func time(_ n: Int) -> String {
        if n % 5 == 0 { return odd[(n / 5) % odd.count] }
        let pad = { (v: Int, w: Int) in String(String(v).reversed()).padding(toLength: w, withPad: "0", startingAt: 0).reversed() }
        return "\(2017 + n % 3)-\(String(pad(1 + n % 12, 2)))-\(String(pad(1 + n % 28, 2)))T"
            + "\(String(pad(n % 24, 2))):\(String(pad(n / 7 % 60, 2))):\(String(pad(n / 11 % 60, 2)))Z"
    }

    static func view(times: [Int]) -> CaseView {
        var c = Case(info: CaseInfo(title: "order", created: "2026-01-01T00:00:00Z"))
        for (i, n) in times.enumerated() {
            let meta = RecordMeta(id: "tx-\((i * 7919) % (times.count + 13))-\(i)", created: "2026-01-01T00:00:00Z")
            c.insert(.transfer(Transfer(meta: meta, time: time(n), from: "wal-\(n % 97)", to: "wal-\(n % 89)", asset: "BTC",
                                        amount: ExactDecimal(units: Int128(n), scale: 8), incident: n % 4 == 0 ? nil : "inc-\(n % 3)",
                                        kind: .hop, basis: .illustrative)))
        }
        return CaseView(c)
    }

    static func expected(_ v: CaseView) -> [String] {
        v.content.transfers.values.sorted { ($0.time, $0.id) < ($1.time, $1.id) }.map(\.id)
    }

    @Test("the ledger lists transfers by time, then id, whatever the times look like")
    func smallLedgers() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...2_000_000).array(of: 0...300)) { times in
            let v = Self.view(times: times)
            #expect(v.baseRows[.ledger] == Self.expected(v))
        }
    }

    @Test("with every time canonical (the radix sort's path), many equal times still come out by id")
    func canonicalTimesWithTies() async {
        await propertyCheck(count: 60, input: Gen.int(in: 0...40).array(of: 0...300)) { picks in
            let v = Self.view(times: picks.map { $0 * 5 + 1 })   // never a multiple of 5: canonical
            #expect(v.content.transfers.values.allSatisfy { $0.packedTime.sortKey & 1 == 0 })
            #expect(v.baseRows[.ledger] == Self.expected(v))
        }
        let big = Self.view(times: (0..<25_000).map { ($0 % 400) * 5 + 1 })
        let same = big.baseRows[.ledger] == Self.expected(big)
        #expect(same, "25,000 transfers at 400 times, big enough for both cores")
    }

    /// A case Casebook wrote has its transfers in ledger order (`Transfer.precedes`: the store's
    /// tests check the writer keeps it), so they are read into the table in that order, and the
    /// view takes it without sorting (`LedgerOrder.inOrder`). Whatever the times and ids (odd
    /// times, ids too long to pack, Korean, a NUL), a table in that order is seen to be in order;
    /// one pair out of place, anywhere, is not.
    @Test("a table in ledger order is seen to be in order, whatever its times and ids; one pair swapped is not")
    func inOrderSeesTheWritersOrder() {
        var c = Case(info: CaseInfo(title: "in order", created: "2026-01-01T00:00:00Z"))
        let ids = ["tx-1", "tx-1\u{0}", "a-very-long-transfer-id-of-many-bytes", "tx-한", "tx-e\u{301}", "TX-9", ""]
        for n in 0..<25_000 {
            let id = n % 50 == 0 ? "\(ids[(n / 50) % ids.count])-\(n)" : "tx-\(n)"
            c.insert(.transfer(Transfer(meta: RecordMeta(id: id, created: "2026-01-01T00:00:00Z"), time: Self.time(n % 3000),
                                        from: "wal-1", to: "wal-2", asset: "BTC", amount: ExactDecimal(n), kind: .hop, basis: .illustrative)))
        }
        let ordered = c.transfers.values.sorted { $0.precedes($1) }
        for swap in [nil, 1, 12_499, 24_000] as [Int?] {
            var records = ordered
            if let swap { records.swapAt(swap, swap + 1) }
            let inOrder = records.withUnsafeBufferPointer { LedgerOrder.inOrder($0) }
            #expect(inOrder == (swap == nil), "swapped at \(swap.map(String.init) ?? "none")")
        }
    }

    /// A table already in order is taken as it is; in order but for one pair, anywhere, it must
    /// still be sorted.
    @Test("a table already in ledger order is taken as it is; one pair out of place is still sorted")
    func tableAlreadyInOrder() {
        let times = (0..<25_000).map { ($0 % 400) * 5 + 1 }   // canonical, many equal
        let sorted = Self.expected(Self.view(times: times))
        let byID = Dictionary(uniqueKeysWithValues: Self.view(times: times).content.transfers.values.map { ($0.id, $0) })
        for swap in [nil, 0, 12_345, 12_499, 24_998] as [Int?] {   // 12,499: the pair across the halves
            var ids = sorted
            if let swap { ids.swapAt(swap, swap + 1) }
            var c = Case(info: CaseInfo(title: "in order", created: "2026-01-01T00:00:00Z"))
            for id in ids { c.insert(.transfer(byID[id]!)) }
            #expect(c.transfers.values.map(\.id) == ids, "the table keeps the order records were put in")
            let v = CaseView(c)
            #expect(v.baseRows[.ledger] == sorted, "swapped at \(swap.map(String.init) ?? "none")")
            let id = sorted[sorted.count / 2]
            #expect(v.ledgerSlots.parties.names[Int(v.ledgerSlots.from[Int(v.indexes[.ledger]!.slot(of: id)!)])] == byID[id]!.from)
        }
    }

    @Test("a ledger big enough to be sorted and gathered on both cores keeps the same order and ends")
    func bigLedger() {
        let v = Self.view(times: (0..<25_000).map { ($0 * 104_729) % 1_000_003 })
        let rows = v.baseRows[.ledger]!
        #expect(rows == Self.expected(v))
        let links = v.links
        for id in rows.prefix(50) + rows.suffix(50) {
            let t = v.content.transfers[id]!
            #expect(links.referencing(t.from).transfers.contains(id), "\(id) under \(t.from)")
            #expect(v.ledgerSlots.parties.names[Int(v.ledgerSlots.from[Int(v.indexes[.ledger]!.slot(of: id)!)])] == t.from)
        }
    }
}
