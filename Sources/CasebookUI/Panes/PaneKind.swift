import CasebookModel

/// The three panes over one case.
public enum PaneKind: Int, Sendable, CaseIterable, Hashable {
    case incidents, actors, ledger

    public var title: String {
        switch self {
        case .incidents: "Incidents"
        case .actors: "Actors"
        case .ledger: "Funds ledger"
        }
    }

    public var recordKind: RecordKind {
        switch self {
        case .incidents: .incident
        case .actors: .actor
        case .ledger: .transfer
        }
    }

    public init?(recordKind: RecordKind) {
        switch recordKind {
        case .incident: self = .incidents
        case .actor: self = .actors
        case .transfer: self = .ledger
        default: return nil
        }
    }
}
