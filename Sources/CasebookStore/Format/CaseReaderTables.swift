#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CasebookModel

// Puts a section's records into the case's table for their kind, as CaseCoding.decode does:
// the table sized for the whole section first, records in file order, and a record whose id its
// kind already has set aside and reported with the line it starts on.

enum CaseReaderTables {
    static func fill(_ content: inout Case, _ kind: RecordKind, _ batch: CaseReaderBatch,
                     _ buffer: UnsafeBufferPointer<UInt8>, _ duplicates: inout [Problem]) {
        switch kind {
        case .source: content.sources = table(batch, kind, buffer, &duplicates) { if case .source(let r) = $0 { r } else { nil } }
        case .incident: content.incidents = table(batch, kind, buffer, &duplicates) { if case .incident(let r) = $0 { r } else { nil } }
        case .actor: content.actors = table(batch, kind, buffer, &duplicates) { if case .actor(let r) = $0 { r } else { nil } }
        case .wallet: content.wallets = table(batch, kind, buffer, &duplicates) { if case .wallet(let r) = $0 { r } else { nil } }
        case .transfer: content.transfers = table(batch, kind, buffer, &duplicates) { if case .transfer(let r) = $0 { r } else { nil } }
        }
    }

    private static func table<R: CaseRecord>(_ batch: CaseReaderBatch, _ kind: RecordKind, _ buffer: UnsafeBufferPointer<UInt8>,
                                             _ duplicates: inout [Problem], _ unwrap: (AnyRecord) -> R?) -> [String: R] {
        var table = [String: R](minimumCapacity: batch.records.count)
        for (k, record) in batch.records.enumerated() {
            guard let r = unwrap(record) else { continue }
            // One hash lookup for the usual case; a duplicate puts the first record back.
            if let earlier = table.updateValue(r, forKey: r.id) {
                table[r.id] = earlier
                duplicates.append(Problem(recordID: r.id, field: "id",
                                          message: "appears twice among \(kind.plural) (again at line \(line(batch.offsets[k], buffer)))"))
            }
        }
        return table
    }

    /// The 1-based line of byte `offset`.
    static func line(_ offset: Int, _ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = buffer.baseAddress else { return 1 }
        var n = 1, k = 0
        while k < offset, let hit = memchr(base + k, 0x0A, offset - k) {
            n += 1
            k = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base + 1
        }
        return n
    }
}
