import CasebookModel

// Addresses from different sources differ in letter case: Ethereum's checksummed hex is mixed
// case but case-blind, bech32 (bc1…) is case-blind, base58 (1…, 3…, T…) is not. Wallets are found
// by chain and the address compared the way its chain allows, so an import reuses the wallet the
// case already has. Chain names are folded to one spelling (XBT and Bitcoin are BTC).

enum Addresses {
    static func chain(_ name: String) -> String {
        let n = name.trimmedSpaces.uppercased()
        switch n {
        case "XBT", "BITCOIN": return "BTC"
        case "ETHEREUM", "ERC20", "ERC-20": return "ETH"
        case "TRON", "TRC20", "TRC-20": return "TRX"
        case "LITECOIN": return "LTC"
        case "BSC", "BNB CHAIN", "BEP20", "BEP-20": return "BSC"
        default: return n
        }
    }

    /// The form two addresses on one chain are compared in.
    static func key(_ address: String, chain: String) -> String {
        let a = address.trimmedSpaces
        let lower = a.lowercased()
        if lower.hasPrefix("0x") || lower.hasPrefix("bc1") || lower.hasPrefix("tb1") || lower.hasPrefix("ltc1")
            || lower.hasPrefix("bitcoincash:") || chain == "BCH" && (lower.hasPrefix("q") || lower.hasPrefix("p")) {
            return Addresses.chain(chain) + "|" + lower
        }
        return Addresses.chain(chain) + "|" + a
    }

    /// The chain an address's shape gives away, when it does.
    static func guessChain(_ address: String) -> String? {
        let a = address.trimmedSpaces
        let lower = a.lowercased()
        if lower.hasPrefix("0x"), a.count == 42 { return "ETH" }
        if lower.hasPrefix("bc1") { return "BTC" }
        if lower.hasPrefix("ltc1") { return "LTC" }
        if lower.hasPrefix("bitcoincash:") { return "BCH" }
        if (a.hasPrefix("1") || a.hasPrefix("3")), (26...35).contains(a.count) { return "BTC" }
        if a.hasPrefix("T"), a.count == 34 { return "TRX" }
        if a.hasPrefix("r"), (25...35).contains(a.count) { return "XRP" }
        return nil
    }

    /// Why `address` cannot be a wallet address, or nil if it can.
    static func problem(_ address: String) -> String? {
        if address.isEmpty { return "the address is empty" }
        if address.count > 200 { return "the address is \(address.count) characters long; no chain's addresses are" }
        if address.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            return "\"\(VisibleText.line(address))\" has spaces or control characters, so it is not an address"
        }
        return nil
    }

    /// A readable, stable wallet id: `wal-eth-0x098b…` (the address in its compared form).
    static func walletID(_ address: String, chain: String) -> String {
        let k = key(address, chain: chain)
        let addr = k.split(separator: "|", maxSplits: 1).last.map(String.init) ?? address
        return "wal-\(StixText.slug(chain, limit: 12))-\(addr)"
    }
}

/// The case's wallets (and those an import adds), found by chain and address.
struct WalletIndex {
    private var byKey: [String: String] = [:]

    init(_ c: Case) {
        for w in c.wallets.values { byKey[Addresses.key(w.address, chain: w.chain)] = w.id }
    }

    func find(_ address: String, chain: String) -> String? { byKey[Addresses.key(address, chain: chain)] }

    mutating func add(_ address: String, chain: String, id: String) { byKey[Addresses.key(address, chain: chain)] = id }

    mutating func remove(_ address: String, chain: String) { byKey[Addresses.key(address, chain: chain)] = nil }
}

/// `feeds/dprk-attack-stix21.json` -> `dprk-attack-stix21.json`: how labels and titles name a file.
func baseName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
}
