import CasebookModel
import Dispatch

extension TransferEnds {
    /// The ends of the transfers at `places` (in that order, whose ids are `ids`), read straight
    /// from the table: each half of the places on its own core, the three fields of a transfer
    /// read together (one pass per field read every transfer at random three times over).
    init(ids: [String], gathering table: UnsafeBufferPointer<Transfer>, _ places: [Int32]) {
        let n = places.count
        var from: [String] = [], to: [String] = [], incident: [String?] = []
        from = [String](unsafeUninitializedCapacity: n) { fp, c1 in
            to = [String](unsafeUninitializedCapacity: n) { tp, c2 in
                incident = [String?](unsafeUninitializedCapacity: n) { ip, c3 in
                    let out = Unchecked((fp, tp, ip, table))
                    places.withUnsafeBufferPointer { pp in
                        let p = Unchecked(pp)
                        ParallelSort.halves(n) { range, _ in
                            let (fp, tp, ip, table) = out.value
                            for k in range {
                                let r = Int(p.value[k])
                                (fp.baseAddress! + k).initialize(to: table[r].from)
                                (tp.baseAddress! + k).initialize(to: table[r].to)
                                (ip.baseAddress! + k).initialize(to: table[r].incident)
                            }
                        }
                    }
                    c3 = n
                }
                c2 = n
            }
            c1 = n
        }
        self.init(ids: ids, from: from, to: to, incident: incident)
    }
}
