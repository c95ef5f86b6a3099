/// One movement of stolen money in the funds ledger.
public struct Transfer: CaseRecord {
    public static let kind = RecordKind.transfer
    // Fields are in this order so that the small ones fill the gaps the larger ones leave; the
    // time and hash are packed (TransferPacking.swift): a million transfers are read often.
    public var meta: RecordMeta
    /// Wallet or actor ids.
    public var from: String
    public var to: String
    public var asset: String
    /// Where the USD rate came from (a source id or a price feed's name).
    public var rateSource: String?
    public var incident: String?
    public var amount: ExactDecimal
    public var kind: TransferKind
    public var basis: TransferBasis
    public var usd: ExactDecimal?
    @usableFromInline package var packedTime: PackedTime
    @usableFromInline package var packedHash: PackedHash?

    public var time: String {
        get { packedTime.string }
        set { packedTime = PackedTime(newValue) }
    }

    public var txHash: String? {
        get { packedHash?.string }
        set { packedHash = newValue.map(PackedHash.init) }
    }

    public init(meta: RecordMeta, time: String, from: String, to: String, asset: String, amount: ExactDecimal,
                usd: ExactDecimal? = nil, rateSource: String? = nil, txHash: String? = nil, incident: String? = nil,
                kind: TransferKind, basis: TransferBasis) {
        self.init(meta: meta, packedTime: PackedTime(time), from: from, to: to, asset: asset, amount: amount, usd: usd,
                  rateSource: rateSource, packedHash: txHash.map(PackedHash.init), incident: incident, kind: kind, basis: basis)
    }

    /// For a reader that packed the time and hash straight from the file's bytes. Inlinable, so
    /// the reader's call does not cross modules (a call that did copied each record once more).
    @inlinable package init(meta: RecordMeta, packedTime: PackedTime, from: String, to: String, asset: String, amount: ExactDecimal,
                 usd: ExactDecimal?, rateSource: String?, packedHash: PackedHash?, incident: String?,
                 kind: TransferKind, basis: TransferBasis) {
        self.meta = meta
        self.packedTime = packedTime
        self.from = from
        self.to = to
        self.asset = asset
        self.amount = amount
        self.usd = usd
        self.rateSource = rateSource
        self.packedHash = packedHash
        self.incident = incident
        self.kind = kind
        self.basis = basis
    }

    public var displayName: String { "\(amount.formatted()) \(asset) \(from) → \(to)" }

    /// Whether this transfer comes before `other` in the ledger's order: by time as written, then
    /// by id. Two packed times compare as integers, so sorting makes no Strings. Inlinable, so a
    /// sort in another module reads the two records in place instead of copying them.
    @inlinable public func precedes(_ other: Transfer) -> Bool {
        let a = packedTime.sortKey, b = other.packedTime.sortKey
        if a & 1 == 0 && b & 1 == 0 { return a != b ? a < b : meta.id < other.meta.id }
        let ta = time, tb = other.time
        return ta != tb ? ta < tb : meta.id < other.meta.id
    }
}
