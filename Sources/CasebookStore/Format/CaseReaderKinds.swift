import CasebookModel

// One conformance per record kind: how the fast reader decodes a record of that kind and which
// of the case's tables it goes into. Transfers and wallets, the kinds a big case has by the
// hundred thousand, have decoders of their own (CaseReaderRecords); the other kinds, and any
// transfer or wallet those decline (an escape in a string, a bare-number amount), go through
// JSONParser and RecordCoding one record at a time: the reference path on a smaller input.

protocol CaseReaderKind: SendableMetatype {
    associatedtype Record: CaseRecord
    static var kind: RecordKind { get }
    /// The fast decoder, or nil for kinds that always use the reference decoder.
    static func fast(_ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> Record?
    static func unwrap(_ record: AnyRecord) -> Record?
    static func store(_ table: RecordTable<Record>, in content: inout Case)
}

extension CaseReaderKind {
    static func fast(_ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> Record? { nil }

    /// The record at the cursor. Throws only when even the reference decoder refuses it (the
    /// whole file then goes to the reference path, for its error message).
    @inline(__always)
    static func decode(_ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> Record {
        let start = c.i
        if let r = try? fast(&c, &names) { return r }
        c.i = start
        try c.skipValue()
        do {
            let value = try JSONParser.parse(c.bytes(from: start))
            guard let r = unwrap(try RecordCoding.decode(value, kind: kind, path: kind.plural)) else { throw CaseReaderUnsupported() }
            return r
        } catch {
            throw CaseReaderUnsupported()
        }
    }
}

enum CaseReaderSource: CaseReaderKind {
    static var kind: RecordKind { .source }
    static func unwrap(_ record: AnyRecord) -> Source? { if case .source(let r) = record { r } else { nil } }
    static func store(_ table: RecordTable<Source>, in content: inout Case) { content.sources = table }
}

enum CaseReaderIncident: CaseReaderKind {
    static var kind: RecordKind { .incident }
    static func unwrap(_ record: AnyRecord) -> Incident? { if case .incident(let r) = record { r } else { nil } }
    static func store(_ table: RecordTable<Incident>, in content: inout Case) { content.incidents = table }
}

enum CaseReaderActor: CaseReaderKind {
    static var kind: RecordKind { .actor }
    static func unwrap(_ record: AnyRecord) -> Actor? { if case .actor(let r) = record { r } else { nil } }
    static func store(_ table: RecordTable<Actor>, in content: inout Case) { content.actors = table }
}

enum CaseReaderWallet: CaseReaderKind {
    static var kind: RecordKind { .wallet }
    static func fast(_ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> Wallet? {
        try CaseReaderRecords.wallet(&c, &names)
    }
    static func unwrap(_ record: AnyRecord) -> Wallet? { if case .wallet(let r) = record { r } else { nil } }
    static func store(_ table: RecordTable<Wallet>, in content: inout Case) { content.wallets = table }
}

enum CaseReaderTransfer: CaseReaderKind {
    static var kind: RecordKind { .transfer }
    static func fast(_ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> Transfer? {
        try CaseReaderRecords.transfer(&c, &names)
    }
    static func unwrap(_ record: AnyRecord) -> Transfer? { if case .transfer(let r) = record { r } else { nil } }
    static func store(_ table: RecordTable<Transfer>, in content: inout Case) { content.transfers = table }
}
