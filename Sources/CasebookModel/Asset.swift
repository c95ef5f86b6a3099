/// A currency or token and the number of decimals its smallest unit allows
/// (BTC 8: the satoshi; ETH 18: the wei; KRW 0: the won; USD 2: the cent).
public struct Asset: Sendable, Hashable, Codable {
    public var code: String
    public var precision: Int
    public var name: String

    public init(code: String, precision: Int, name: String) {
        self.code = code
        self.precision = precision
        self.name = name
    }

    /// Assets every case knows. A case can declare more (a new token) in its `assets` list.
    public static let builtIn: [Asset] = [
        Asset(code: "BTC", precision: 8, name: "Bitcoin"),
        Asset(code: "BCH", precision: 8, name: "Bitcoin Cash"),
        Asset(code: "LTC", precision: 8, name: "Litecoin"),
        Asset(code: "DASH", precision: 8, name: "Dash"),
        Asset(code: "ZEC", precision: 8, name: "Zcash"),
        Asset(code: "XMR", precision: 12, name: "Monero"),
        Asset(code: "ETH", precision: 18, name: "Ether"),
        Asset(code: "ETC", precision: 18, name: "Ether Classic"),
        Asset(code: "BNB", precision: 18, name: "BNB"),
        Asset(code: "USDT", precision: 6, name: "Tether"),
        Asset(code: "USDC", precision: 6, name: "USD Coin"),
        Asset(code: "XRP", precision: 6, name: "XRP"),
        Asset(code: "TRX", precision: 6, name: "Tron"),
        Asset(code: "EOS", precision: 4, name: "EOS"),
        Asset(code: "NEM", precision: 6, name: "NEM (XEM)"),
        Asset(code: "QTUM", precision: 8, name: "Qtum"),
        Asset(code: "USD", precision: 2, name: "US dollar"),
        Asset(code: "KRW", precision: 0, name: "South Korean won"),
        Asset(code: "JPY", precision: 0, name: "Japanese yen"),
        Asset(code: "EUR", precision: 2, name: "Euro"),
        Asset(code: "CNY", precision: 2, name: "Chinese yuan"),
        Asset(code: "INR", precision: 2, name: "Indian rupee"),
        Asset(code: "BDT", precision: 2, name: "Bangladeshi taka"),
    ]
}

/// Looks up assets by code: the built-in table overlaid with the case's own declarations.
public struct AssetTable: Sendable {
    private var byCode: [String: Asset]

    public init(declared: [Asset] = []) {
        var table: [String: Asset] = [:]
        for asset in Asset.builtIn { table[asset.code] = asset }
        for asset in declared { table[asset.code] = asset }
        byCode = table
    }

    public subscript(code: String) -> Asset? { byCode[code] }

    /// Why `amount` is not a valid quantity of `code`, or nil if it is.
    public func problem(amount: ExactDecimal, asset code: String) -> String? {
        guard let asset = byCode[code] else { return "unknown asset \(code)" }
        if amount.isNegative { return "is negative (\(amount))" }
        if amount.significantScale > asset.precision {
            return "has \(amount.significantScale) decimals but \(code) allows \(asset.precision)"
        }
        return nil
    }
}
