/// A loss in one asset: the exact amount and, where known, its USD value at the time.
public struct Loss: Sendable, Hashable {
    public var asset: String
    public var amount: ExactDecimal
    public var usd: ExactDecimal?

    public init(asset: String, amount: ExactDecimal, usd: ExactDecimal? = nil) {
        self.asset = asset
        self.amount = amount
        self.usd = usd
    }
}

/// Something that was hit: an exchange hack, a bank heist, a ransomware outbreak.
public struct Incident: CaseRecord {
    public static let kind = RecordKind.incident
    public var meta: RecordMeta
    public var title: String
    public var kind: IncidentKind
    /// ISO 8601 date or time; may be partial (`2017`, `2017-04`).
    public var started: String?
    public var ended: String?
    /// The victim's actor id.
    public var victim: String?
    public var country: String?
    public var losses: [Loss]
    public var status: IncidentStatus
    public var attributions: [Attribution]
    public var summary: String?

    public init(meta: RecordMeta, title: String, kind: IncidentKind, started: String? = nil,
                ended: String? = nil, victim: String? = nil, country: String? = nil, losses: [Loss] = [],
                status: IncidentStatus = .suspected, attributions: [Attribution] = [], summary: String? = nil) {
        self.meta = meta
        self.title = title
        self.kind = kind
        self.started = started
        self.ended = ended
        self.victim = victim
        self.country = country
        self.losses = losses
        self.status = status
        self.attributions = attributions
        self.summary = summary
    }

    public var displayName: String { title }

    /// An incident tagged `aggregate` stands for several others (the UN's "five exchange attacks
    /// worth $571M"); its losses overlap theirs, so totals list it apart instead of adding it in.
    public var isAggregate: Bool { meta.tags.contains(Incident.aggregateTag) }
    public static let aggregateTag = "aggregate"

    /// Total USD value of the losses that state one; nil when none does.
    public var lossUSD: ExactDecimal? {
        let known = losses.compactMap(\.usd)
        return known.isEmpty ? nil : known.reduce(.zero, +)
    }

    /// The attribution with the highest confidence (the first of equals).
    public var strongestAttribution: Attribution? { attributions.strongest }
}
