/// Another name an actor goes by, and the source that uses it.
public struct Alias: Sendable, Hashable {
    public var name: String
    public var source: String?

    public init(name: String, source: String? = nil) {
        self.name = name
        self.source = source
    }
}

/// A sanctions designation: which programme, by which authority, from when.
public struct Sanction: Sendable, Hashable {
    public var programme: String
    public var authority: String
    public var date: String?
    public var reference: String?

    public init(programme: String, authority: String, date: String? = nil, reference: String? = nil) {
        self.programme = programme
        self.authority = authority
        self.date = date
        self.reference = reference
    }
}

/// A state, unit, group, person, organization, exchange, mixer or broker.
/// An actor's wallets are the wallets attributed to it (see `Case.wallets(of:)`), not a stored list,
/// so the two can never disagree.
public struct Actor: CaseRecord {
    public static let kind = RecordKind.actor
    public var meta: RecordMeta
    public var name: String
    public var kind: ActorKind
    public var aliases: [Alias]
    public var country: String?
    public var sanctions: [Sanction]
    /// The actor this one belongs to (a unit's state, a person's group).
    public var parent: String?
    public var summary: String?

    public init(meta: RecordMeta, name: String, kind: ActorKind, aliases: [Alias] = [], country: String? = nil,
                sanctions: [Sanction] = [], parent: String? = nil, summary: String? = nil) {
        self.meta = meta
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.country = country
        self.sanctions = sanctions
        self.parent = parent
        self.summary = summary
    }

    public var displayName: String { name }
}
