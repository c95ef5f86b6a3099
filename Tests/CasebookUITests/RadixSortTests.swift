@testable import CasebookUI
import Testing

// The ledger's order comes from RadixSort when every time is canonical; it must give exactly
// the order a stable comparison sort of the keys gives.
@Suite struct RadixSortTests {
    func expectStableOrder(_ keys: [UInt64]) {
        var items = keys.enumerated().map { LedgerOrderItem(key: $1, place: Int32($0)) }
        let expected = items.enumerated().sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }.map(\.element.place)
        RadixSort.sortByKey(&items)
        #expect(items.map(\.place) == expected)
        #expect(items.map(\.key) == keys.sorted())
    }

    @Test(arguments: [0, 1, 2, 17, 5_000])
    func keysOfEveryWidthSortAsAStableSortDoes(count: Int) {
        var rng = IncrementalViewTests.Seeded(state: UInt64(count))
        // Full 64-bit keys, keys differing only in one 16-bit digit, and many equal keys.
        expectStableOrder((0..<count).map { _ in rng.next() })
        expectStableOrder((0..<count).map { _ in 0x2018_0619_0000_0000 | (rng.next() & 0xFFFF) << 16 })
        expectStableOrder((0..<count).map { _ in rng.next() % 7 << 48 | rng.next() % 3 })
        expectStableOrder(Array(repeating: 42, count: count))
    }
}
