// Traffic Light Protocol markings, ordered by how tightly they restrict sharing:
// CLEAR (and its older name WHITE) < GREEN < AMBER < AMBER+STRICT < RED.
// A marking this code does not recognise is treated as RED, so an unknown label is never shared
// more widely than its author may have meant.

import Foundation

public enum TLP: Int, Sendable, Comparable, CaseIterable {
    case clear = 0, green, amber, amberStrict, red

    /// Parses `TLP:AMBER`, `tlp:amber+strict`, `AMBER`, `TLP:WHITE`; nil for anything else.
    public init?(_ text: String) {
        var t = text.trimmingCharacters(in: .whitespaces).uppercased()
        if t.hasPrefix("TLP:") { t.removeFirst(4) } else if t.hasPrefix("TLP ") { t.removeFirst(4) }
        switch t.trimmingCharacters(in: .whitespaces) {
        case "CLEAR", "WHITE": self = .clear
        case "GREEN": self = .green
        case "AMBER": self = .amber
        case "AMBER+STRICT": self = .amberStrict
        case "RED": self = .red
        default: return nil
        }
    }

    /// The level of a marking as written on a record; unknown text counts as RED, none as CLEAR.
    public static func level(of marking: String?) -> TLP {
        // The usual spellings without Foundation's trimming (asked once per record by exports).
        switch marking {
        case nil: return .clear
        case "TLP:CLEAR": return .clear
        case "TLP:GREEN": return .green
        case "TLP:AMBER": return .amber
        case "TLP:AMBER+STRICT": return .amberStrict
        case "TLP:RED": return .red
        default: break
        }
        guard let marking, !marking.trimmingCharacters(in: .whitespaces).isEmpty else { return .clear }
        return TLP(marking) ?? .red
    }

    public var label: String {
        switch self {
        case .clear: "TLP:CLEAR"
        case .green: "TLP:GREEN"
        case .amber: "TLP:AMBER"
        case .amberStrict: "TLP:AMBER+STRICT"
        case .red: "TLP:RED"
        }
    }

    public static func < (a: TLP, b: TLP) -> Bool { a.rawValue < b.rawValue }
}
