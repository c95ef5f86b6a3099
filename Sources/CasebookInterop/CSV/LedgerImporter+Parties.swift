import CasebookModel

extension LedgerImporter {
    /// The record id a row's `from` or `to` stands for, making the wallet when it is a new address.
    mutating func party(_ row: CSVRow, _ field: LedgerField, chain: String, address addressField: LedgerField,
                        label labelField: LedgerField) throws(ValueError) -> String {
        guard let raw = value(field, row) else { throw ValueError("\(field.rawValue) is empty") }
        let explicitAddress = value(addressField, row)
        if let known = target.record(id: raw) ?? batch.record(id: raw) {
            guard known.kind == .wallet || known.kind == .actor else {
                throw ValueError("\(field.rawValue): \(VisibleText.line(raw)) is a \(known.kind.rawValue), not a wallet or an actor")
            }
            return raw
        }
        // Casebook's own layout names records by id: an id the case lacks, with no address
        // beside it, is missing, not an address.
        if layout.kind == .casebook, explicitAddress == nil {
            throw ValueError("\(field.rawValue): \(VisibleText.line(raw)) is not in the case (import its records first)")
        }
        let address = explicitAddress ?? raw
        if let p = Addresses.problem(address) { throw ValueError("\(field.rawValue): " + p) }
        let walletChain = chain.isEmpty ? (Addresses.guessChain(address) ?? "") : chain
        guard !walletChain.isEmpty else {
            throw ValueError("\(field.rawValue): no chain for \(VisibleText.line(address)); pass --set chain=BTC (or a chain column)")
        }
        if let id = wallets.find(address, chain: walletChain) { return id }
        try refuseControls(walletChain, "chain")
        let id = explicitAddress != nil ? raw : Addresses.walletID(address, chain: walletChain)
        if let p = Addresses.problem(id) { throw ValueError("\(field.rawValue): " + p) }
        let wallet = Wallet(meta: RecordMeta(id: id, created: now), chain: walletChain, address: address,
                            label: value(labelField, row))
        if let other = target.record(id: id) ?? batch.record(id: id), other.kind != .wallet {
            throw ValueError("\(field.rawValue): \(id) is already used by a \(other.kind.rawValue)")
        }
        pendingWallets.append(wallet)
        wallets.add(address, chain: walletChain, id: id)
        return id
    }

    /// `tr-` and 12 hex digits of a hash over what identifies the movement; the n-th identical row
    /// in a file gets its own id, and the same file gives the same ids every time.
    mutating func generatedID(chain: String, txHash: String?, from: String, to: String, asset: String,
                              amount: ExactDecimal, time: String) -> String {
        let key = [chain, txHash ?? time, from, to, asset, amount.normalized.description].joined(separator: "|")
        let n = occurrences[key, default: 0]
        occurrences[key] = n + 1
        return "tr-" + StixText.shortHash(key + "|\(n)", length: 12)
    }
}

extension ExactDecimal {
    /// The exact product, or nil if it does not fit.
    func multiplied(by other: ExactDecimal) -> ExactDecimal? {
        let a = normalized, b = other.normalized
        let (units, overflow) = a.units.multipliedReportingOverflow(by: b.units)
        guard !overflow, a.scale + b.scale <= 38 else { return nil }
        return ExactDecimal(units: units, scale: a.scale + b.scale)
    }

    /// Rounded half away from zero to two decimals (a USD value computed from a price).
    var roundedToCents: ExactDecimal {
        guard scale > 2 else { return self }
        var divisor: Int128 = 1
        for _ in 0..<(scale - 2) { divisor *= 10 }
        let (q, r) = units.quotientAndRemainder(dividingBy: divisor)
        let up = (r.magnitude * 2 >= divisor.magnitude) ? (units < 0 ? q - 1 : q + 1) : q
        return ExactDecimal(units: up, scale: 2)
    }
}
