// IDIndex, the id → position index under RecordTable and the ledger's slots, with its hashes
// chosen by the test: few distinct hashes force long probe runs, equal hash bits for different
// ids, wrap-around at the table's end and the backward shift of removals, which random ids in a
// big table would almost never reach.

import PropertyBased
import Testing
@testable import CasebookModel

@Suite("ID index")
struct IDIndexTests {
    @Test("inserts, removals and moves with colliding hashes find what a dictionary would")
    func collidingHashes() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...99_999).array(of: 1...300)) { ops in
            var index = IDIndex()
            // id -> position, and position -> id, as the caller would hold them.
            var model: [Int: Int32] = [:]
            var ids: [Int] = []
            let spread = 1 + ops[0] % 7
            func hash(_ id: Int) -> UInt32 { UInt32(id % spread) &* 0x9E37_79B9 | UInt32(id % 3 == 0 ? 7 : 0) }
            for op in ops {
                let id = op % 60
                if op % 3 != 2 {
                    guard model[id] == nil else { continue }
                    index.insert(hash(id), Int32(ids.count))
                    model[id] = Int32(ids.count)
                    ids.append(id)
                } else if let position = model.removeValue(forKey: id) {
                    // As RecordTable removes: the last takes the gap.
                    let removed = index.remove(hash(id), position)
                    #expect(removed)
                    let last = ids.count - 1
                    if Int(position) != last {
                        ids.swapAt(Int(position), last)
                        index.move(hash(ids[Int(position)]), from: Int32(last), to: position)
                        model[ids[Int(position)]] = position
                    }
                    ids.removeLast()
                } else {
                    #expect(index.find(hash(id)) { ids[Int($0)] == id } == nil)
                }
                #expect(index.count == model.count)
            }
            for id in 0..<60 {
                #expect(index.find(hash(id)) { ids[Int($0)] == id } == model[id], "id \(id)")
            }
        }
    }
}
