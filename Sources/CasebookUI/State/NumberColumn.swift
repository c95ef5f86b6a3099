import CasebookModel

/// A column's number per slot (nil: none, or a free slot), as the column cache hands it to
/// filters, sums and sorts. The ledger's Amount and USD are read from LedgerSlots' integer units
/// and scales, which the view keeps anyway, rather than copied into an array of ExactDecimal?
/// (24 MB a column at a million rows, held for the rest of the session once a filter or the
/// frequency view asked).
struct NumberColumn: Sendable {
    private enum Storage: Sendable {
        case values([ExactDecimal?])
        case units([Int128], [UInt8])
    }

    private let storage: Storage
    let count: Int

    init(_ values: [ExactDecimal?]) {
        storage = .values(values)
        count = values.count
    }

    /// Slots past `scale`'s end (none yet) have no number.
    init(units: [Int128], scale: [UInt8], count: Int) {
        storage = .units(units, scale)
        self.count = count
    }

    /// The values as an array, for patching in place; nil when read from LedgerSlots.
    var values: [ExactDecimal?]? { if case .values(let v) = storage { v } else { nil } }

    subscript(s: Int) -> ExactDecimal? {
        switch storage {
        case .values(let v):
            return s < v.count ? v[s] : nil
        case .units(let units, let scale):
            guard s < scale.count, scale[s] != LedgerSlots.noNumber else { return nil }
            return ExactDecimal(units: units[s], scale: Int(scale[s]))
        }
    }
}
