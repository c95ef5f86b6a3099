import CasebookModel

// Transfers and wallets straight from bytes (see CaseReaderKinds for the other kinds). Each
// thread passes its own cursor and its own interned names.

enum CaseReaderRecords {
    // `allCases` makes a new array each time it is asked for.
    private static let kinds = TransferKind.allCases, bases = TransferBasis.allCases

    static func transfer(_ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> Transfer {
        var id: String?, time: PackedTime?, from: String?, to: String?, asset: String?
        var amount: ExactDecimal?, usd: ExactDecimal?, rateSource: String?, txHash: PackedHash?, incident: String?
        var kind: TransferKind?, basis: TransferBasis?
        var meta = CaseReaderMeta()
        let own = CaseReaderKeys.transferOwn, kinds = Self.kinds, bases = Self.bases
        try CaseReaderFields.object(&c, CaseReaderKeys.transfer) { (k, c) throws(CaseReaderUnsupported) in
            switch k {
            case 0: id = try c.string()
            case 1: time = try c.time()
            case 2: from = try c.string(&names)
            case 3: to = try c.string(&names)
            case 4: asset = try c.string(&names)
            case 5: amount = try CaseReaderFields.decimal(&c)
            case 6: usd = try CaseReaderFields.decimal(&c)
            case 7: rateSource = try c.string(&names)
            case 8: txHash = try c.hash()
            case 9: incident = try c.string(&names)
            case 10: kind = kinds[try c.choice(CaseReaderKeys.transferKinds)]
            case 11: basis = bases[try c.choice(CaseReaderKeys.transferBases)]
            default: try meta.read(k - own, &c, &names)
            }
        }
        // Moved out of the optionals (`take`), not copied: a copy retains each String.
        guard let id = id.take(), let time = time.take(), let from = from.take(), let to = to.take(), let asset = asset.take(),
              let amount, let kind, let basis else { throw CaseReaderUnsupported() }
        let made = try meta.make(id: id)
        return Transfer(meta: made, packedTime: time, from: from, to: to, asset: asset, amount: amount,
                        usd: usd, rateSource: rateSource.take(), packedHash: txHash.take(), incident: incident.take(),
                        kind: kind, basis: basis)
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
            case 4:
                // Most wallets repeat a list byte for byte: found by its text, parsed once.
                let start = c.i
                try c.skipValue()
                let run = UnsafeBufferPointer(start: c.base + start, count: c.i - start)
                attributions = try names.attributions(run) { (names) throws(CaseReaderUnsupported) in
                    var list = CaseReaderCursor(run)
                    let parsed = try CaseReaderFields.array(&list) { (c: inout CaseReaderCursor) throws(CaseReaderUnsupported) in
                        try CaseReaderFields.attribution(&c, &names)
                    }
                    guard list.atEnd else { throw CaseReaderUnsupported() }
                    return parsed
                }
            default: try meta.read(k - own, &c, &names)
            }
        }
        guard let id = id.take(), let chain = chain.take(), let address = address.take() else { throw CaseReaderUnsupported() }
        let made = try meta.make(id: id)
        return Wallet(meta: made, chain: chain, address: address, label: label.take(),
                      attributions: attributions)
    }
}
