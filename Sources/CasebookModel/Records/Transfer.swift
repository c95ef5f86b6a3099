/// One movement of stolen money in the funds ledger.
public struct Transfer: CaseRecord {
    public static let kind = RecordKind.transfer
    public var meta: RecordMeta
    public var time: String
    /// Wallet or actor ids.
    public var from: String
    public var to: String
    public var asset: String
    public var amount: ExactDecimal
    public var usd: ExactDecimal?
    /// Where the USD rate came from (a source id or a price feed's name).
    public var rateSource: String?
    public var txHash: String?
    public var incident: String?
    public var kind: TransferKind
    public var basis: TransferBasis

    public init(meta: RecordMeta, time: String, from: String, to: String, asset: String, amount: ExactDecimal,
                usd: ExactDecimal? = nil, rateSource: String? = nil, txHash: String? = nil, incident: String? = nil,
                kind: TransferKind, basis: TransferBasis) {
        self.meta = meta
        self.time = time
        self.from = from
        self.to = to
        self.asset = asset
        self.amount = amount
        self.usd = usd
        self.rateSource = rateSource
        self.txHash = txHash
        self.incident = incident
        self.kind = kind
        self.basis = basis
    }

    public var displayName: String { "\(amount.formatted()) \(asset) \(from) → \(to)" }
}
