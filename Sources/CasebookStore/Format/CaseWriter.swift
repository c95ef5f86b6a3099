import CasebookModel
import Dispatch

// The canonical case file as bytes, the same bytes CaseCoding's text had, fast enough to
// rewrite a million-transfer case in about a second.
//
// How it works: wallets and transfers, the kinds there are hundreds of thousands of, are
// written field by field straight into a byte buffer in RecordCoding's key order. Their ids are
// sorted as packed big-endian integers when every id is ASCII and at most 16 bytes (for ASCII,
// byte order is String's order); otherwise as Strings. Transfers are written by two threads,
// each its half of the sorted ids, and the halves joined. The other kinds, the info, the assets
// and the history are few and go through RecordCoding and JSONWriter as before.

enum CaseWriter {
    /// The file's bytes in one array.
    static func encode(_ doc: CaseDocument) -> [UInt8] {
        let parts = chunks(doc)
        if parts.count == 1 { return parts[0] }
        var all: [UInt8] = []
        all.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for p in parts { all += p }
        return all
    }

    /// The file's bytes in pieces to be written one after the other (a million transfers are
    /// hundreds of megabytes: joining the two threads' halves would copy them all once more).
    static func chunks(_ doc: CaseDocument) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        let c = doc.content
        var out = CaseWriterBytes(capacity: min(64 << 20, 4096 + c.wallets.count * 240 + c.transfers.count * 400))
        out.raw("{\"format\":\"")
        out.raw("casebook")
        out.raw("\",\"version\":1,\n\"case\":")
        out.json(CaseCoding.encode(c.info))
        out.raw(",\n")
        list(&out, "assets", c.assets.sorted { $0.code < $1.code }.map { a in
            var o = JSONObject()
            o.add("code", a.code)
            o.add("precision", .number(String(a.precision)))
            o.add("name", a.name)
            return JSONValue.object(o)
        })
        list(&out, "sources", c.records(of: .source).map(RecordCoding.encode))
        list(&out, "incidents", c.records(of: .incident).map(RecordCoding.encode))
        list(&out, "actors", c.records(of: .actor).map(RecordCoding.encode))
        section(&out, &chunks, "wallets", c.wallets, write: CaseWriterRecords.wallet)
        section(&out, &chunks, "transfers", c.transfers, write: CaseWriterRecords.transfer)
        list(&out, "history", doc.history.entries.map(EditCoding.encode), last: true)
        chunks.append(out.bytes)
        return chunks
    }

    private static func list(_ out: inout CaseWriterBytes, _ name: StaticString, _ lines: [JSONValue], last: Bool = false) {
        open(&out, name, empty: lines.isEmpty)
        for (k, v) in lines.enumerated() {
            out.json(v)
            out.raw(k == lines.count - 1 ? "\n" : ",\n")
        }
        out.raw(last ? "]}\n" : "],\n")
    }

    private static func open(_ out: inout CaseWriterBytes, _ name: StaticString, empty: Bool) {
        out.byte(UInt8(ascii: "\""))
        out.raw(name)
        out.raw("\":[")
        if !empty { out.byte(0x0A) }
    }

    /// A big section: records in id order, one per line; halves written on two threads.
    private static func section<R: CaseRecord>(_ out: inout CaseWriterBytes, _ chunks: inout [[UInt8]],
                                               _ name: StaticString, _ table: RecordTable<R>,
                                               write: @escaping @Sendable (inout CaseWriterBytes, R) -> Void) {
        open(&out, name, empty: table.isEmpty)
        let order = CaseWriterOrder.sorted(table)
        let halves = order.count >= 20_000 ? [0..<order.count / 2, order.count / 2..<order.count] : [0..<order.count]
        let parts = CaseWriterParts(count: halves.count)
        let records = CaseWriterShared(table: table, order: order)
        DispatchQueue.concurrentPerform(iterations: halves.count) { h in
            var part = CaseWriterBytes(capacity: halves[h].count * 400)
            for k in halves[h] {
                write(&part, records.table[records.order[k]].value)
                part.raw(k == records.order.count - 1 ? "\n" : ",\n")
            }
            parts.set(h, part.bytes)
        }
        if halves[0].count < 20_000 {
            for h in halves.indices { out.bytes.append(contentsOf: parts.take(h)) }
        } else {
            chunks.append(out.bytes)
            for h in halves.indices { chunks.append(parts.take(h)) }
            out = CaseWriterBytes(capacity: 1 << 16)
        }
        out.raw("],\n")
    }
}

/// The table and its order, read (never written) by both threads.
private struct CaseWriterShared<R: CaseRecord>: @unchecked Sendable {
    let table: RecordTable<R>
    let order: [Int]
}

/// Each thread's bytes, in a slot of its own, taken after both have finished.
private final class CaseWriterParts: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<[UInt8]>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [], count: count)
    }

    func set(_ k: Int, _ bytes: [UInt8]) { slots[k] = bytes }
    func take(_ k: Int) -> [UInt8] { slots[k] }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
}
