import CasebookModel
import Foundation

// The canonical case file as bytes, the same bytes CaseCoding's text had, fast enough to
// rewrite a million-transfer case in about a second.
//
// How it works: wallets and transfers, the kinds there are hundreds of thousands of, are
// written field by field straight into a byte buffer in RecordCoding's key order. Wallets are
// in id order, transfers in ledger order (time, then id); ids are sorted as packed big-endian
// integers when they are ASCII and at most 16 bytes (for ASCII, byte order is String's order),
// times by their packed keys when canonical (CaseWriterOrder); otherwise as Strings. Big
// sections are encoded by two threads block by block and handed to the caller's sink in order as
// they come (CaseWriterPipeline), so a hash or a file write overlaps the encoding and the whole
// file is never in memory. The other kinds, the info, the assets and the history are few and go
// through RecordCoding and JSONWriter as before.

enum CaseWriter {
    /// The file's bytes in one array.
    static func encode(_ doc: CaseDocument) -> [UInt8] {
        var all: [UInt8] = []
        write(doc) { all.append(contentsOf: $0) }
        return all
    }

    /// The file's bytes in pieces to be used one after the other (tests and the bench; the
    /// store and the fingerprint stream them with `write` instead of holding them all).
    static func chunks(_ doc: CaseDocument) -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        write(doc) { chunks.append(Array($0)) }
        return chunks
    }

    /// Gives the file's bytes to `sink` in order, in pieces of up to a few megabytes; a piece is
    /// only valid during the call. A sink that throws ends the writing with its error.
    static func write<E: Error>(_ doc: CaseDocument, sink: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        let c = doc.content
        // The transfers' order (ledger order: CaseWriterOrder.ledger) is worked out on a thread
        // of its own while everything before them is written (sorting a million would otherwise
        // leave the sink idle).
        let transferOrder = CaseWriterLater(run: c.transfers.count >= pipelineThreshold) { CaseWriterOrder.ledger(c.transfers) }
        var out = CaseWriterBytes(capacity: 1 << 16)
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
        let wallets = encoder(c.wallets, order: CaseWriterOrder.sorted(c.wallets), write: CaseWriterRecords.wallet)
        do throws(E) {
            try section(&out, "wallets", count: wallets.count, bytesPerRecord: 240, encode: wallets.encode, sink: sink)
        } catch {
            _ = transferOrder.value   // no thread outlives the call
            throw error
        }
        let transfers = encoder(c.transfers, order: transferOrder.value, write: CaseWriterRecords.transfer)
        try section(&out, "transfers", count: transfers.count, bytesPerRecord: 400, encode: transfers.encode, sink: sink)
        list(&out, "history", doc.history.entries.map(EditCoding.encode), last: true)
        try out.feed(sink)
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

    /// Records below this many are written on the caller's thread into `out`.
    static let pipelineThreshold = 20_000
    /// Records per block handed to the sink: a few megabytes of transfers.
    static let blockSize = 8192

    /// A big section: records in file order, one per line. A large one goes through the
    /// pipeline (two encoder threads) straight to the sink, after what `out` holds so far.
    private static func section<E: Error>(_ out: inout CaseWriterBytes, _ name: StaticString, count: Int, bytesPerRecord: Int,
                                          encode: @escaping @Sendable (Range<Int>, inout CaseWriterBytes) -> Void,
                                          sink: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        open(&out, name, empty: count == 0)
        if count < pipelineThreshold {
            encode(0..<count, &out)
        } else {
            try out.feed(sink)
            out.removeAll()
            try CaseWriterPipeline.run(count: count, blockSize: blockSize, bytesPerRecord: bytesPerRecord, encode: encode, sink: sink)
        }
        out.raw("],\n")
    }

    /// What encodes the records at some positions of `order` (the table's places in file order),
    /// each line with its `,\n` (`\n` for the last). Generic only in the record type, so each
    /// use is specialised for it (made inside a function generic in the sink's error, it would
    /// copy records through witness tables).
    private static func encoder<R: CaseRecord>(_ table: RecordTable<R>, order: [Int],
                                               write: @escaping @Sendable (inout CaseWriterBytes, borrowing R) -> Void)
        -> (count: Int, encode: @Sendable (Range<Int>, inout CaseWriterBytes) -> Void) {
        let records = table.values
        return (order.count, { positions, out in
            // Read in place: `records[i]` as an argument copies the record (and retains its Strings).
            records.withUnsafeBufferPointer { records in
                for p in positions {
                    write(&out, records[order[p]])
                    out.raw(p == order.count - 1 ? "\n" : ",\n")
                }
            }
        })
    }
}

/// A value worked out on a thread of its own (or, when `run` is false, on first use by the
/// caller); `value` waits for it.
final class CaseWriterLater<T: Sendable>: @unchecked Sendable {   // `result` is written before `done` is signalled
    private let done = DispatchSemaphore(value: 0)
    private var result: T?
    private let work: @Sendable () -> T
    private let threaded: Bool

    init(run threaded: Bool, _ work: @escaping @Sendable () -> T) {
        self.work = work
        self.threaded = threaded
        if threaded {
            let thread = Thread { [self] in
                result = work()
                done.signal()
            }
            thread.start()
        }
    }

    var value: T {
        if threaded {
            done.wait()
            done.signal()   // later reads do not wait
            return result!
        }
        return work()
    }
}
