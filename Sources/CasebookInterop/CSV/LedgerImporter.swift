import CasebookModel

// CSV ledger -> transfers (and the wallets they move between). Each row is read on its own: a row
// that fails (a bad amount, an unknown asset, a time no one can read) is reported with its line
// and reason and the rest go in, unless --strict. `from` and `to` may be record ids already in the
// case (a wallet or an actor) or addresses: an address is looked up among the case's wallets on its
// chain (case-blind where the chain is) and a new wallet is made only when none matches. A row
// without an id gets one derived from its content, so importing the same file again updates the
// same transfers instead of adding copies.

struct LedgerImporter {
    let target: Case
    let options: ImportOptions
    let now: String
    let layout: LedgerLayout
    let assets: AssetTable
    var batch = ImportBatch()
    var result = ImportResult()
    var wallets: WalletIndex
    var occurrences: [String: Int] = [:]
    /// The file separates fields with semicolons: a lone comma in a number is a decimal comma.
    var decimalComma = false
    /// Wallets the current row would make; they go in only if the row does.
    var pendingWallets: [Wallet] = []

    static func read(_ bytes: [UInt8], fileName: String, into target: Case, options: ImportOptions,
                     now: String) throws(ImportError) -> (ImportBatch, ImportResult) {
        let rows: [CSVRow]
        do { rows = try CSVReader.rows(bytes) } catch { throw ImportError("\(fileName):\(error.line):\(error.column): \(error.message)") }
        guard let header = rows.first else { throw ImportError("\(fileName): is empty") }
        for (field, _) in options.set where LedgerField(rawValue: field) == nil {
            throw ImportError("--set \(field)=…: \(field) is not a transfer field (fields: \(LedgerField.names))")
        }
        let layout = try LedgerLayout(header: header.fields, map: options.map)
        var importer = LedgerImporter(target: target, options: options, now: now, layout: layout,
                                      assets: target.assetTable, wallets: WalletIndex(target))
        importer.decimalComma = CSVReader.guessDelimiter(bytes[...]) == UInt8(ascii: ";")
        try importer.requireColumns(header: header.fields)
        for row in rows.dropFirst() {
            importer.pendingWallets = []
            do throws(ValueError) { try importer.importRow(row) } catch {
                importer.result.failures.append(ImportIssue(line: row.line, reason: error.message))
            }
            // Roll back the wallets of a failed row: lookups must not find them.
            if importer.result.failures.last?.line == row.line {
                for w in importer.pendingWallets { importer.wallets.remove(w.address, chain: w.chain) }
            }
        }
        importer.result.notices.insert("read as \(layout.kind.rawValue)", at: 0)
        return (importer.batch, importer.result)
    }

    func has(_ field: LedgerField) -> Bool { layout.columns[field] != nil || options.set[field.rawValue] != nil }

    func requireColumns(header: [String]) throws(ImportError) {
        var missing: [String] = []
        if !has(.time) { missing.append("time") }
        if !has(.from) { missing.append("from") }
        if !has(.to) { missing.append("to") }
        if !has(.amount) && !has(.valueIn) && !has(.valueOut) { missing.append("amount") }
        if !has(.asset) && layout.headerAsset == nil { missing.append("asset") }
        guard missing.isEmpty else {
            throw ImportError("cannot tell which column holds \(missing.joined(separator: ", ")) (columns: \(header.joined(separator: ", "))); "
                + "pass --map COLUMN=FIELD, or --set FIELD=VALUE for what the file lacks (e.g. --set asset=ETH)")
        }
    }

    /// A field's value in a row: its column, else --set, else nil. Empty text counts as absent.
    func value(_ field: LedgerField, _ row: CSVRow) -> String? {
        if let k = layout.columns[field], k < row.fields.count {
            var v = row.fields[k]   // the reader has trimmed unquoted fields
            if layout.kind == .casebook { v = LedgerExporter.unguarded(v) }
            if !v.isEmpty { return v }
        }
        return options.set[field.rawValue].flatMap { $0.isEmpty ? nil : $0 }
    }

    mutating func importRow(_ row: CSVRow) throws(ValueError) {
        if let status = value(.status, row), status.lowercased().contains("error") || status.lowercased().contains("fail") {
            result.skipped["failed transactions (status \(status))", default: 0] += 1
            return
        }
        guard let timeText = value(.time, row) else { throw ValueError("time is empty") }
        let time: String
        switch ValueText.time(timeText) { case .success(let t): time = t; case .failure(let e): throw ValueError("time: " + e.message) }
        guard let asset = (value(.asset, row) ?? layout.headerAsset)?.uppercased() else { throw ValueError("asset is empty") }
        guard assets[asset] != nil else {
            throw ValueError("unknown asset \(VisibleText.line(asset)) (Casebook knows \(Asset.builtIn.map(\.code).joined(separator: ", ")), and assets the case declares)")
        }
        let amount = try amountOf(row)
        if amount.isZero, layout.kind != .casebook {
            result.skipped["rows moving nothing (amount 0)", default: 0] += 1
            return
        }
        if let p = assets.problem(amount: amount, asset: asset) { throw ValueError("amount \(p)") }
        var usd: ExactDecimal?
        var rateSource = value(.rateSource, row)
        if let u = value(.usd, row) {
            usd = try parse(u, "usd")
        } else if let priceText = value(.price, row) {
            let price = try parse(priceText, "price")
            guard let product = amount.multiplied(by: price) else {
                throw ValueError("usd: \(amount) × price \(price) has more digits than Casebook holds exactly")
            }
            usd = product.roundedToCents
            rateSource = rateSource ?? "explorer's historical price (\(asset)/USD \(price))"
        }
        if let usd, let p = assets.problem(amount: usd, asset: "USD") { throw ValueError("usd \(p)") }
        let chain = Addresses.chain(value(.chain, row) ?? Self.chain(ofAsset: asset) ?? "")
        let from = try party(row, .from, chain: value(.fromChain, row).map(Addresses.chain) ?? chain, address: .fromAddress, label: .fromLabel)
        let to = try party(row, .to, chain: value(.toChain, row).map(Addresses.chain) ?? chain, address: .toAddress, label: .toLabel)
        var incident = value(.incident, row) ?? options.incident
        if let i = incident, case .incident? = target.record(id: i) ?? batch.record(id: i) {} else if let i = incident {
            throw ValueError("incident \(VisibleText.line(i)) is not in the case (import the incidents first, or pass --incident ID)")
        }
        if incident?.isEmpty == true { incident = nil }
        let txHash = value(.txHash, row)
        try refuseControls(txHash, "tx_hash")
        try refuseControls(chain, "chain")
        var id: String
        if let given = value(.id, row) { id = given } else {
            id = generatedID(chain: chain, txHash: txHash, from: from, to: to, asset: asset, amount: amount, time: time)
        }
        if let p = Addresses.problem(id) { throw ValueError("id: " + p) }
        // A kind or basis the file does not give keeps what the case says (a re-import must not
        // undo an investigator's classification); a new transfer gets hop / observed.
        let known = target.transfers[id]
        let kind = try value(.kind, row).map { (k: String) throws(ValueError) in
            try parseEnum(k, "kind", TransferKind.init(rawValue:), TransferKind.allCases.map(\.rawValue))
        } ?? known?.kind ?? .hop
        let basis = try value(.basis, row).map { (b: String) throws(ValueError) in
            try parseEnum(b, "basis", TransferBasis.init(rawValue:), TransferBasis.allCases.map(\.rawValue))
        } ?? known?.basis ?? .observed
        var meta = RecordMeta(id: id, created: now)
        meta.tags = (value(.tags, row) ?? "").split(separator: " ").map(String.init)
        for tag in meta.tags { try refuseControls(tag, "tags") }
        let transfer = Transfer(meta: meta, time: time, from: from, to: to, asset: asset, amount: amount, usd: usd,
                                rateSource: rateSource, txHash: txHash, incident: incident, kind: kind, basis: basis)
        if case .transfer? = batch.record(id: id) { throw ValueError("id \(id) appears twice in the file") }
        if let other = target.record(id: id) ?? batch.record(id: id), other.kind != .transfer {
            throw ValueError("id \(id) is already used by a \(other.kind.rawValue)")
        }
        for w in pendingWallets {
            guard batch.put(.wallet(w), line: row.line) else { throw ValueError("\(w.id) is already used by another kind of record") }
        }
        batch.put(.transfer(transfer), line: row.line)
    }

    func refuseControls(_ text: String?, _ field: String) throws(ValueError) {
        guard let text, text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return }
        throw ValueError("\(field) \"\(VisibleText.line(text))\" holds control characters")
    }

    func amountOf(_ row: CSVRow) throws(ValueError) -> ExactDecimal {
        if let a = value(.amount, row) { return try parse(a, "amount") }
        let inValue = try value(.valueIn, row).map { (t: String) throws(ValueError) in try parse(t, "Value_IN") } ?? .zero
        let outValue = try value(.valueOut, row).map { (t: String) throws(ValueError) in try parse(t, "Value_OUT") } ?? .zero
        return inValue.isZero ? outValue : inValue
    }

    func parse(_ text: String, _ field: String) throws(ValueError) -> ExactDecimal {
        switch ValueText.amount(text, decimalComma: decimalComma) {
        case .success(let d): return d
        case .failure(let e): throw ValueError("\(field): " + e.message)
        }
    }

    func parseEnum<T>(_ text: String, _ field: String, _ make: (String) -> T?, _ allowed: [String]) throws(ValueError) -> T {
        guard let v = make(text.lowercased()) else {
            throw ValueError("\(field): \"\(VisibleText.line(text))\" is not one of \(allowed.joined(separator: ", "))")
        }
        return v
    }

    static func chain(ofAsset asset: String) -> String? {
        switch asset {
        case "BTC", "ETH", "LTC", "BCH", "DASH", "ZEC", "XMR", "ETC", "XRP", "TRX", "EOS", "QTUM": asset
        case "BNB": "BSC"
        case "NEM": "XEM"
        default: nil
        }
    }
}
