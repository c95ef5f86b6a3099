/// Any one record, for code that handles all kinds alike (edits, lookups by id, validation).
public enum AnyRecord: Sendable, Hashable {
    case source(Source)
    case incident(Incident)
    case actor(Actor)
    case wallet(Wallet)
    case transfer(Transfer)

    public var kind: RecordKind {
        switch self {
        case .source: .source
        case .incident: .incident
        case .actor: .actor
        case .wallet: .wallet
        case .transfer: .transfer
        }
    }

    public var meta: RecordMeta {
        get {
            switch self {
            case .source(let r): r.meta
            case .incident(let r): r.meta
            case .actor(let r): r.meta
            case .wallet(let r): r.meta
            case .transfer(let r): r.meta
            }
        }
        set {
            switch self {
            case .source(var r): r.meta = newValue; self = .source(r)
            case .incident(var r): r.meta = newValue; self = .incident(r)
            case .actor(var r): r.meta = newValue; self = .actor(r)
            case .wallet(var r): r.meta = newValue; self = .wallet(r)
            case .transfer(var r): r.meta = newValue; self = .transfer(r)
            }
        }
    }

    public var id: String { meta.id }

    public var displayName: String {
        switch self {
        case .source(let r): r.displayName
        case .incident(let r): r.displayName
        case .actor(let r): r.displayName
        case .wallet(let r): r.displayName
        case .transfer(let r): r.displayName
        }
    }

    /// The attributions of an incident or wallet; nil for kinds that cannot be attributed.
    public var attributions: [Attribution]? {
        get {
            switch self {
            case .incident(let r): r.attributions
            case .wallet(let r): r.attributions
            default: nil
            }
        }
        set {
            guard let newValue else { return }
            switch self {
            case .incident(var r): r.attributions = newValue; self = .incident(r)
            case .wallet(var r): r.attributions = newValue; self = .wallet(r)
            default: break
            }
        }
    }
}
