/// An address on a chain, and who is believed to control it.
public struct Wallet: CaseRecord {
    public static let kind = RecordKind.wallet
    public var meta: RecordMeta
    public var chain: String
    public var address: String
    public var label: String?
    /// Who controls it; the strongest is the owner.
    public var attributions: [Attribution]

    public init(meta: RecordMeta, chain: String, address: String, label: String? = nil,
                attributions: [Attribution] = []) {
        self.meta = meta
        self.chain = chain
        self.address = address
        self.label = label
        self.attributions = attributions
    }

    public var displayName: String {
        if let label, !label.isEmpty { return label }
        return address.count > 16 ? "\(chain) \(address.prefix(8))…\(address.suffix(6))" : "\(chain) \(address)"
    }

    /// The actor with the strongest attribution.
    public var owner: String? { attributions.strongest?.actor }
}
