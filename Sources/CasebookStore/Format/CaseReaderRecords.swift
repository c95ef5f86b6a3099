import CasebookModel

// Records straight from bytes. Transfers and wallets, the kinds a big case has by the hundred
// thousand, have their own decoders; every other record, and any transfer or wallet the fast
// decoders decline (an escape in a string, a bare-number amount), goes through JSONParser and
// RecordCoding one record at a time, which is the reference path itself on a smaller input.

/// Each thread passes its own cursor and its own interned names.
enum CaseReaderRecords {
    /// The record at the cursor, of `kind`. Throws only when even the reference decoder refuses it
    /// (the whole file then goes to the reference path, for its error message).
    static func record(_ kind: RecordKind, _ c: inout CaseReaderCursor,
                       _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> AnyRecord {
        let start = c.i
        do {
            switch kind {
            case .transfer: return .transfer(try transfer(&c, &names))
            case .wallet: return .wallet(try wallet(&c, &names))
            default: break
            }
        } catch {}
        return try referenceRecord(kind, &c, start: start)
    }

    /// One record through JSONParser and RecordCoding.
    static func referenceRecord(_ kind: RecordKind, _ c: inout CaseReaderCursor, start: Int) throws(CaseReaderUnsupported) -> AnyRecord {
        c.i = start
        try c.skipValue()
        do {
            let value = try JSONParser.parse(c.bytes(from: start))
            return try RecordCoding.decode(value, kind: kind, path: kind.plural)
        } catch {
            throw CaseReaderUnsupported()
        }
    }

    static func transfer(_ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> Transfer {
        var id: String?, time: String?, from: String?, to: String?, asset: String?
        var amount: ExactDecimal?, usd: ExactDecimal?, rateSource: String?, txHash: String?, incident: String?
        var kind: TransferKind?, basis: TransferBasis?
        var meta = CaseReaderMeta()
        let own = CaseReaderKeys.transferOwn
        try CaseReaderFields.object(&c, CaseReaderKeys.transfer) { (k, c) throws(CaseReaderUnsupported) in
            switch k {
            case 0: id = try c.string()
            case 1: time = try c.string()
            case 2: from = try c.string(&names)
            case 3: to = try c.string(&names)
            case 4: asset = try c.string(&names)
            case 5: amount = try CaseReaderFields.decimal(&c)
            case 6: usd = try CaseReaderFields.decimal(&c)
            case 7: rateSource = try c.string(&names)
            case 8: txHash = try c.string()
            case 9: incident = try c.string(&names)
            case 10: kind = TransferKind(rawValue: try c.string(&names))
                guard kind != nil else { throw CaseReaderUnsupported() }
            case 11: basis = TransferBasis(rawValue: try c.string(&names))
                guard basis != nil else { throw CaseReaderUnsupported() }
            default: try meta.read(k - own, &c, &names)
            }
        }
        guard let id, let time, let from, let to, let asset, let amount, let kind, let basis else { throw CaseReaderUnsupported() }
        return Transfer(meta: try meta.make(id: id), time: time, from: from, to: to, asset: asset, amount: amount, usd: usd,
                        rateSource: rateSource, txHash: txHash, incident: incident, kind: kind, basis: basis)
    }

    static func wallet(_ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> Wallet {
        var id: String?, chain: String?, address: String?, label: String?, attributions: [Attribution] = []
        var meta = CaseReaderMeta()
        let own = CaseReaderKeys.walletOwn
        try CaseReaderFields.object(&c, CaseReaderKeys.wallet) { (k, c) throws(CaseReaderUnsupported) in
            switch k {
            case 0: id = try c.string()
            case 1: chain = try c.string(&names)
            case 2: address = try c.string()
            case 3: label = try c.string()
            case 4: attributions = try CaseReaderFields.array(&c) { (c: inout CaseReaderCursor) throws(CaseReaderUnsupported) in
                    try CaseReaderFields.attribution(&c, &names)
                }
            default: try meta.read(k - own, &c, &names)
            }
        }
        guard let id, let chain, let address else { throw CaseReaderUnsupported() }
        return Wallet(meta: try meta.make(id: id), chain: chain, address: address, label: label, attributions: attributions)
    }
}
