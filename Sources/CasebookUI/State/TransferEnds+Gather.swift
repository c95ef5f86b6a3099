import CasebookModel
import Dispatch

extension TransferEnds {
    /// The ends of the transfers at `places` (in that order), read straight from the table:
    /// each half of the places on its own core, the four fields of a transfer read together (one
    /// pass per field read every transfer at random four times over).
    init(gathering table: UnsafeBufferPointer<Transfer>, _ places: [Int32]) {
        let n = places.count
        var ids: [String] = [], from: [String] = [], to: [String] = [], incident: [String?] = []
        ids = [String](unsafeUninitializedCapacity: n) { idp, c0 in
            from = [String](unsafeUninitializedCapacity: n) { fp, c1 in
                to = [String](unsafeUninitializedCapacity: n) { tp, c2 in
                    incident = [String?](unsafeUninitializedCapacity: n) { ip, c3 in
                        let out = Unchecked((idp, fp, tp, ip, table))
                        places.withUnsafeBufferPointer { pp in
                            let p = Unchecked(pp)
                            ParallelSort.halves(n) { range, _ in
                                let (idp, fp, tp, ip, table) = out.value
                                for k in range {
                                    let r = Int(p.value[k])
                                    (idp.baseAddress! + k).initialize(to: table[r].id)
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
            c0 = n
        }
        self.init(ids: ids, from: from, to: to, incident: incident)
    }
}
