import CasebookModel

// Transfers and wallets straight from bytes (see CaseReaderKinds for the other kinds). Each
// thread passes its own cursor and its own interned names.

enum CaseReaderRecords {
    static func transfer(_ c: inout CaseReaderCursor, _ names: inout CaseReaderInterner) throws(CaseReaderUnsupported) -> Transfer {
        var id: String?, time: PackedTime?, from: String?, to: String?, asset: String?
        var amount: ExactDecimal?, usd: ExactDecimal?, rateSource: String?, txHash: PackedHash?, incident: String?
        var kind: TransferKind?, basis: TransferBasis?
        var meta = CaseReaderMeta()
        let own = CaseReaderKeys.transferOwn
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
            case 10: kind = TransferKind.allCases[try c.choice(CaseReaderKeys.transferKinds)]
            case 11: basis = TransferBasis.allCases[try c.choice(CaseReaderKeys.transferBases)]
            default: try meta.read(k - own, &c, &names)
            }
        }
        // Moved out of the optionals (`take`), not copied: a copy retains each String.
        guard let id = id.take(), let time = time.take(), let from = from.take(), let to = to.take(), let asset = asset.take(),
              let amount, let kind, let basis else { throw CaseReaderUnsupported() }
        return Transfer(meta: try meta.make(id: id), packedTime: time, from: from, to: to, asset: asset, amount: amount,
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
            case 4: attributions = try CaseReaderFields.array(&c) { (c: inout CaseReaderCursor) throws(CaseReaderUnsupported) in
                    try CaseReaderFields.attribution(&c, &names)
                }
            default: try meta.read(k - own, &c, &names)
            }
        }
        guard let id = id.take(), let chain = chain.take(), let address = address.take() else { throw CaseReaderUnsupported() }
        return Wallet(meta: try meta.make(id: id), chain: chain, address: address, label: label.take(),
                      attributions: names.shared(attributions))
    }
}
