import CasebookModel

// Which column of a CSV ledger holds which transfer field. Three ways to know:
//  - Casebook's own export (`id,time,from,from_chain,from_address,to,…`), by its header;
//  - explorer exports, by their headers: Etherscan-style normal transactions
//    (`Txhash,Blockno,UnixTimestamp,DateTime (UTC),From,To,…,Value_IN(ETH),Value_OUT(ETH),…`, the
//    asset read from the brackets) and token transfers (`…,TokenValue,…,TokenSymbol`);
//  - anything else by common column names (hash, txid, timestamp, sender, value …), and what
//    those miss by `--map COLUMN=FIELD`; `--set FIELD=VALUE` fills what the file lacks.

enum LedgerField: String, CaseIterable, Sendable {
    case id, time, from, to, asset, amount, usd, txHash = "tx_hash", incident, kind, basis
    case rateSource = "rate_source", chain, fromChain = "from_chain", toChain = "to_chain"
    case fromAddress = "from_address", toAddress = "to_address", fromLabel = "from_label", toLabel = "to_label"
    case valueIn = "value_in", valueOut = "value_out", price, status, tags

    static var names: String { allCases.filter { ![.valueIn, .valueOut, .price, .status].contains($0) }.map(\.rawValue).joined(separator: ", ") }
}

struct LedgerLayout: Sendable {
    enum Kind: String, Sendable { case casebook = "Casebook CSV", etherscan = "Etherscan-style export", tokens = "token-transfer export", generic = "CSV" }
    var kind: Kind
    var columns: [LedgerField: Int] = [:]
    /// The asset named in a header such as `Value_IN(ETH)`.
    var headerAsset: String?

    static let synonyms: [LedgerField: [String]] = [
        .id: ["id"],
        .time: ["time", "timestamp", "unixtimestamp", "datetime", "datetime (utc)", "date", "block_timestamp", "block time", "time (utc)"],
        .from: ["from", "sender", "source", "from_address", "input", "from address"],
        .to: ["to", "receiver", "recipient", "destination", "to_address", "output", "to address"],
        .asset: ["asset", "currency", "symbol", "tokensymbol", "token symbol", "token", "coin"],
        .amount: ["amount", "value", "quantity", "tokenvalue", "token value", "qty"],
        .usd: ["usd", "value_usd", "usd value", "usdvaluedayoftx", "amount_usd", "value (usd)", "historical usd value"],
        .txHash: ["tx_hash", "txhash", "hash", "txid", "transaction hash", "transaction_hash", "tx hash", "tx"],
        .incident: ["incident"], .kind: ["kind"], .basis: ["basis"], .rateSource: ["rate_source"],
        .chain: ["chain", "network", "blockchain"], .fromChain: ["from_chain"], .toChain: ["to_chain"],
        .fromLabel: ["from_label", "from label", "from_nametag"], .toLabel: ["to_label", "to label", "to_nametag"],
        .status: ["status"], .tags: ["tags"],
    ]

    /// Reads the header (and the user's `--map`) into a layout; throws naming what is missing.
    init(header: [String], map: [String: String]) throws(ImportError) {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func index(_ name: String) -> Int? { names.firstIndex(of: name.lowercased()) }
        let has = Set(names)
        if ["id", "time", "from", "to", "asset", "amount"].allSatisfy(has.contains) {
            kind = .casebook
        } else if (has.contains("txhash") || has.contains("transaction hash")) && names.contains(where: { $0.hasPrefix("value_in(") || $0.hasPrefix("value_out(") }) {
            kind = .etherscan
        } else if has.contains("tokenvalue") || has.contains("tokensymbol") {
            kind = .tokens
        } else {
            kind = .generic
        }
        for field in LedgerField.allCases {
            if kind == .casebook {
                if let k = index(field.rawValue) { columns[field] = k }
                continue
            }
            for name in Self.synonyms[field] ?? [] {
                if let k = index(name), !columns.values.contains(k) { columns[field] = k; break }
            }
        }
        if kind == .etherscan {
            columns[.amount] = nil
            for (k, n) in names.enumerated() {
                if n.hasPrefix("value_in(") { columns[.valueIn] = k; headerAsset = Self.bracketed(header[k]) }
                if n.hasPrefix("value_out(") { columns[.valueOut] = k }
                if n.hasPrefix("historical $price/") { columns[.price] = k }
            }
            if let ts = index("unixtimestamp") { columns[.time] = ts }
        }
        for (column, fieldName) in map {
            guard let field = LedgerField(rawValue: fieldName.lowercased()) else {
                throw ImportError("--map \(column)=\(fieldName): \(fieldName) is not a transfer field (fields: \(LedgerField.names))")
            }
            guard let k = index(column) else {
                throw ImportError("--map \(column)=\(fieldName): the file has no column \(column) (columns: \(header.joined(separator: ", ")))")
            }
            columns[field] = k
        }
    }

    static func bracketed(_ text: String) -> String? {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return nil }
        let inner = text[text.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        return inner.isEmpty ? nil : inner.uppercased()
    }
}
