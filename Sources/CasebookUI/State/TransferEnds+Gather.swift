import CasebookModel
import Dispatch
import Synchronization

extension TransferEnds {
    /// The ends of the transfers at `places` (in that order), read straight from the table:
    /// the four columns are gathered on both cores, one column per job.
    init(gathering table: UnsafeBufferPointer<Transfer>, _ places: [Int32]) {
        let ids = Mutex([String]()), from = Mutex([String]()), to = Mutex([String]())
        let incident = Mutex([String?]())
        let t = Unchecked(table)
        DispatchQueue.concurrentPerform(iterations: 4) { job in
            switch job {
            case 0: let c = places.map { t.value[Int($0)].id }; ids.withLock { $0 = c }
            case 1: let c = places.map { t.value[Int($0)].from }; from.withLock { $0 = c }
            case 2: let c = places.map { t.value[Int($0)].to }; to.withLock { $0 = c }
            default: let c = places.map { t.value[Int($0)].incident }; incident.withLock { $0 = c }
            }
        }
        self.init(ids: ids.withLock { $0 }, from: from.withLock { $0 }, to: to.withLock { $0 },
                  incident: incident.withLock { $0 })
    }
}
