/// The five kinds of record a case holds, with the name of their array in the case file.
public enum RecordKind: String, Sendable, CaseIterable, Hashable {
    case source, incident, actor, wallet, transfer

    /// Plural, as used for the case file's arrays and on the command line: `incidents`.
    public var plural: String { rawValue + "s" }

    public init?(plural: String) {
        guard let kind = RecordKind.allCases.first(where: { $0.plural == plural }) else { return nil }
        self = kind
    }
}

public enum IncidentKind: String, Sendable, CaseIterable {
    case exchangeHack = "exchange-hack", bankHeist = "bank-heist", ransomware
    case atmCashout = "atm-cashout", phishing, destructive, other
}

public enum IncidentStatus: String, Sendable, CaseIterable {
    case suspected, confirmed, attributed, closed
}

public enum ActorKind: String, Sendable, CaseIterable {
    case state, unit, group, person, organization, exchange, mixer, broker
}

public enum TransferKind: String, Sendable, CaseIterable {
    case theft, hop, swap, bridge, mixer, cashOut = "cash-out", stockpile, purchase
}

/// How a transfer is known. `illustrative` marks teaching or demo data that is not evidence.
public enum TransferBasis: String, Sendable, CaseIterable {
    case observed, reported, inferred, illustrative
}

/// Admiralty (NATO) source reliability: A completely reliable ... F cannot be judged.
public enum Reliability: String, Sendable, CaseIterable {
    case a = "A", b = "B", c = "C", d = "D", e = "E", f = "F"

    public var meaning: String {
        switch self {
        case .a: "completely reliable"
        case .b: "usually reliable"
        case .c: "fairly reliable"
        case .d: "not usually reliable"
        case .e: "unreliable"
        case .f: "reliability cannot be judged"
        }
    }
}
